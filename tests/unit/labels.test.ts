import { describe, expect, it } from 'vitest';
import { placeLabelsWithin, placeNames } from '../../src/camera/labels';
import { LABEL_FONT, projectedLabelScale, PROJECTED_LABEL_SHARE } from '../../src/symbology/basemap';
import type { LonLat } from '../../src/story/types';

describe('projectedLabelScale', () => {
  it.each([768, 1080, 2160])('sets the smallest name at %i px tall to its share of the screen', (height) => {
    const smallest = Math.min(LABEL_FONT.country, LABEL_FONT.place) * projectedLabelScale(height);
    expect(smallest).toBeGreaterThanOrEqual(height * PROJECTED_LABEL_SHARE - 0.01);
    expect(smallest).toBeLessThan(height * PROJECTED_LABEL_SHARE + 0.1);
  });

  it('never sets names smaller than on the page', () => {
    expect(projectedLabelScale(300)).toBe(1);
  });
});

describe('names set at a scale', () => {
  // Two places 60 px apart on a line: room for both names at the page's size, not at twice it.
  const places = [
    { name: 'Westplace', at: [0, 0] as LonLat },
    { name: 'Eastplace', at: [1, 0] as LonLat },
  ];
  const point = ([lon]: LonLat): [number, number] => [100 + lon * 60, 100];
  const size = { width: 400, height: 300 };

  it('places the text offset from the dot in proportion, as the renderer draws it', () => {
    const [at1] = placeNames(places.slice(0, 1), [], point, size, 1).places;
    const [at2] = placeNames(places.slice(0, 1), [], point, size, 2).places;
    expect(at2!.tx - at2!.x).toBeCloseTo(2 * (at1!.tx - at1!.x), 5);
    expect(at2!.ty - at2!.y).toBeCloseTo(2 * (at1!.ty - at1!.y), 5);
  });

  it('leaves out or moves a name that no longer fits beside its neighbour', () => {
    const normal = placeNames(places, [], point, size, 1).places;
    const large = placeNames(places, [], point, size, 3).places;
    const sides = (labels: typeof normal) => labels.map((l) => `${l.name}:${l.anchor}:${l.ty > l.y}`).join(' ');
    expect(sides(large)).not.toEqual(sides(normal));
  });

  it('grows the boxes framing keeps inside the map', () => {
    const bounds: [number, number, number, number] = [-1, -1, 2, 1];
    const [one] = placeLabelsWithin(places, bounds, 1);
    const [two] = placeLabelsWithin(places, bounds, 2);
    expect(two!.right).toBeCloseTo(2 * one!.right, 5);
    expect(two!.bottom).toBeCloseTo(2 * one!.bottom, 5);
  });
});
