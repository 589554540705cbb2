/**
 * Where a point is, against the countries of a story's geography: in which country, how far from
 * a country's outline, or at sea. The build accepts a place within `COAST_TOLERANCE_KM` of its
 * country's outline (Natural Earth's 1:50m coasts put many a harbour a few km offshore) and says
 * where a point that is not lies. Browser-safe, for the build's checks and the studio's.
 */
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { labelPoint } from '../../geo/region.ts';
import type { CountryProperties, LonLat, RegionTopology } from '../story/types.ts';

/** A place this close to its country's outline is taken to be in it (1:50m coasts are that coarse). */
export const COAST_TOLERANCE_KM = 10;

export type CountryShape = Feature<Polygon | MultiPolygon>;

const KM_PER_DEGREE = 111.2;

/** The rings of a shape, outer and inner. */
function ringsOf(shape: CountryShape): Position[][] {
  const g = shape.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * The distance in km from `point` to the nearest point of the shape's outline (its coasts and
 * borders), on a plane tangent at the point: good to a fraction of a km at the distances that
 * matter here, and an estimate beyond.
 */
export function distanceToOutline(shape: CountryShape, [lon0, lat0]: LonLat): number {
  const kx = Math.cos((lat0 * Math.PI) / 180) * KM_PER_DEGREE;
  const ky = KM_PER_DEGREE;
  const wrap = (d: number) => (d > 180 ? d - 360 : d < -180 ? d + 360 : d);
  let best = Infinity;
  for (const ring of ringsOf(shape)) {
    for (let i = 1; i < ring.length; i++) {
      // Each segment's end is taken the short way from its start, so that a segment on the far
      // side of the globe, whose ends fall either side of the seam, is not read as crossing here.
      const da = wrap(ring[i - 1]![0]! - lon0);
      const ax = da * kx;
      const ay = (ring[i - 1]![1]! - lat0) * ky;
      const bx = (da + wrap(ring[i]![0]! - ring[i - 1]![0]!)) * kx;
      const by = (ring[i]![1]! - lat0) * ky;
      const dx = bx - ax;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2)) : 0;
      const px = ax + t * dx;
      const py = ay + t * dy;
      best = Math.min(best, Math.hypot(px, py));
    }
  }
  return best;
}

/** The country whose shape holds the point, if any. */
export function countryAt(shapes: Iterable<CountryShape>, point: LonLat): CountryShape | undefined {
  for (const shape of shapes) if (geoContains(shape, point)) return shape;
  return undefined;
}

/** Whether the point is in `shape` or within the tolerance of its outline. */
export function nearlyInside(shape: CountryShape, point: LonLat): boolean {
  return geoContains(shape, point) || distanceToOutline(shape, point) <= COAST_TOLERANCE_KM;
}

/** "France (250)": a country of the geography as a message names it. */
export function countryLabel(shape: CountryShape): string {
  const name = (shape.properties as { name?: string } | null)?.name;
  return name ? `${name} (${shape.id})` : String(shape.id);
}

/** "1,230 km": rounded as a person would say it. */
export function km(distance: number): string {
  const rounded = distance < 10 ? Math.round(distance * 10) / 10 : Math.round(distance);
  return `${rounded.toLocaleString('en-GB')} km`;
}

/**
 * Where a point lies, for an error message: "it lies in Spain (724), 830 km from France
 * (250)", or "it lies at sea, 40 km off Portugal (620)" (off the nearest country when `from` is
 * not given).
 */
export function whereItLies(shapes: readonly CountryShape[], point: LonLat, from?: CountryShape): string {
  const distanceFrom = from ? `, ${km(distanceToOutline(from, point))} from ${countryLabel(from)}` : '';
  const inside = countryAt(shapes, point);
  if (inside) return `it lies in ${countryLabel(inside)}${distanceFrom}`;
  if (from) return `it lies at sea${distanceFrom.replace(' from ', ' off ')}`;
  let nearest: { shape: CountryShape; d: number } | null = null;
  for (const shape of shapes) {
    const d = distanceToOutline(shape, point);
    if (!nearest || d < nearest.d) nearest = { shape, d };
  }
  return nearest ? `it lies at sea, ${km(nearest.d)} off ${countryLabel(nearest.shape)}` : 'it lies at sea';
}

/**
 * Where a country a place stands for writes its name, by the geography's id: the geography's own
 * label point, or, for a country too small for the map to name (Kiribati, Malta), the same point
 * of its outline in the geography: a place is named whatever its size.
 */
export function namePoints(geography: RegionTopology): Map<string, LonLat | null> {
  const points = new Map<string, LonLat | null>();
  for (const geometry of geography.objects.countries.geometries) {
    const label = (geometry.properties as CountryProperties | null)?.label ?? null;
    points.set(String(geometry.id), label ?? ownPoint(geography, geometry));
  }
  return points;
}

function ownPoint(geography: RegionTopology, geometry: RegionTopology['objects']['countries']['geometries'][number]) {
  const shape = feature(geography, geometry) as Feature<Polygon | MultiPolygon | null>;
  const g = shape.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  return labelPoint(g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g);
}
