/**
 * How far a point lies from a country's outline, as the checks' messages say it ("it lies at sea,
 * 40 km off …"): measured on the sphere's near side, whatever the point's longitude.
 */
import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { distanceToOutline, whereItLies, type CountryShape } from '../../src/prepare/placing';

/** A square country `size` degrees wide with its south-west corner at `[lon, lat]`. */
function square(id: string, name: string, lon: number, lat: number, size = 2): CountryShape {
  const ring = [
    [lon, lat],
    [lon, lat + size],
    [lon + size, lat + size],
    [lon + size, lat],
    [lon, lat],
  ]; // clockwise, as d3-geo reads an outer ring
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring]] };
  return { type: 'Feature', id, properties: { name }, geometry } as CountryShape;
}

describe('distanceToOutline', () => {
  it('is about 111 km a degree of latitude away', () => {
    expect(distanceToOutline(square('1', 'Near', 10, 10), [11, 13])).toBeCloseTo(111, -1);
  });

  it('does not read a country on the far side of the globe as near (its edge straddles the seam)', () => {
    // The point's antimeridian is 92° W: an outline with a side from 93° W to 91° W crosses it.
    const far = square('2', 'Far side', -93, 14);
    expect(distanceToOutline(far, [88, 15])).toBeGreaterThan(15_000);
  });

  it('names the nearest country for a point at sea, not one on the opposite meridian', () => {
    const shapes = [square('2', 'Far side', -93, 14), square('3', 'Coast', 84, 16)];
    expect(whereItLies(shapes, [88, 15])).toMatch(/off Coast/);
  });

  it('takes a country across 180° the short way', () => {
    expect(distanceToOutline(square('4', 'Dateline', 179, -18), [-179, -17])).toBeLessThan(10);
  });
});
