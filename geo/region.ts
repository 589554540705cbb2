/**
 * Builds a story's regional geography from Natural Earth (the `world-atlas` package).
 *
 * world-atlas is made for d3's spherical rendering; MapLibre draws in planar Web Mercator, where a
 * ring that crosses the antimeridian (Russia's) streaks across the map. Clipping every country to
 * the region's bounds in plain longitude/latitude, before MapLibre ever sees it, removes those
 * rings. The bounds should keep a margin beyond the map's `maxBounds`, so that the straight
 * clip edges (which are not coasts) are never on screen.
 *
 * Output is deterministic: countries sorted by id, coordinates quantized, no timestamps.
 */
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import { clipPolygon } from 'lineclip';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Bounds, CountryProperties, LonLat, RegionTopology } from '../src/story/types';

/**
 * Countries smaller than this (in steradians, about 4,000 km²) get no name on the map: at a
 * regional scale their label would only hide their neighbours' (the Siachen Glacier, say).
 */
export const MIN_LABEL_AREA = 1e-4;

/** Grid of the quantized output: 10^4 steps across the region (about 0.8 km at this scale). */
export const QUANTIZATION = 1e4;

type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** A stable id: ISO 3166-1 numeric where Natural Earth has one, else a slug of the name. */
export function countryId(id: string | number | undefined, name: string): string {
  if (id !== undefined && id !== null && `${id}` !== '') return `${id}`;
  return `x-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A closed ring with at least three distinct corners and some area. */
function isRing(ring: Position[]): boolean {
  if (ring.length < 4) return false;
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twiceArea += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return Math.abs(twiceArea) > 1e-9;
}

/**
 * Clips a polygon's rings to `bounds` in longitude/latitude. A clipped hole that no longer lies
 * inside its clipped shell would be wrong, but holes are rare here and clipping both with the
 * same rectangle keeps a hole inside its shell.
 */
export function clipToBounds(geometry: Polygon | MultiPolygon, [w, s, e, n]: Bounds): MultiPolygon | null {
  const polygons: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    // A ring across the antimeridian (Chukotka's) jumps by 360° in longitude: made continuous,
    // it is clipped where it is, and a whole world east or west, so that it never streaks across.
    const unwrapped = polygon.map(unwrap);
    const whole = unwrapped.every((ring) => ring !== null);
    const shifts = whole && unwrapped.some((ring, i) => ring !== polygon[i]) ? [0, -360, 360] : [0];
    for (const shift of shifts) {
      const rings = whole
        ? (unwrapped as Position[][]).map((ring) => (shift ? ring.map(([x, y]) => [x! + shift, y!]) : ring))
        : polygon;
      const clipped = clipRings(rings, [w, s, e, n]);
      if (clipped) polygons.push(clipped);
    }
  }
  return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/**
 * A ring with its longitudes made continuous where it crosses the antimeridian (the ring itself
 * when it does not), or null when it cannot be (a ring round a pole).
 */
export function unwrap(ring: Position[]): Position[] | null {
  let shift = 0;
  let crossed = false;
  const out: Position[] = [ring[0]!];
  for (let i = 1; i < ring.length; i++) {
    const step = ring[i]![0]! - ring[i - 1]![0]!;
    if (step > 180) shift -= 360;
    else if (step < -180) shift += 360;
    if (shift) crossed = true;
    out.push([ring[i]![0]! + shift, ring[i]![1]!]);
  }
  if (!crossed) return ring;
  return shift === 0 ? out : null;
}

/** A polygon's rings clipped to the bounds: its shell and the holes left, or null when nothing is. */
function clipRings(rings: Position[][], [w, s, e, n]: Bounds): Position[][] | null {
  const clipped = rings
    .map((ring) => clipPolygon(ring as [number, number][], [w, s, e, n]) as Position[])
    .map((ring) => {
      if (ring.length > 0) {
        const [x0, y0] = ring[0]!;
        const [x1, y1] = ring[ring.length - 1]!;
        if (x0 !== x1 || y0 !== y1) ring.push([x0!, y0!]);
      }
      return ring;
    });
  if (!isRing(clipped[0]!)) return null;
  return [clipped[0]!, ...clipped.slice(1).filter(isRing)];
}

/**
 * Where a country's name goes: the centroid of its largest piece when that lies inside the
 * piece, else the piece's first vertex nudged inwards (rare: crescent-shaped countries).
 */
export function labelPoint(geometry: MultiPolygon): LonLat {
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0]! };
  let bestArea = -1;
  for (const rings of geometry.coordinates) {
    const piece: Polygon = { type: 'Polygon', coordinates: rings };
    const area = geoArea(piece);
    if (area > bestArea) [best, bestArea] = [piece, area];
  }
  const centroid = geoCentroid(best) as LonLat;
  if (geoContains(best, centroid)) return round(centroid);
  const ring = best.coordinates[0]!;
  const mid = ring[Math.floor(ring.length / 2)]!;
  const first = ring[0]!;
  return round([(first[0]! + mid[0]!) / 2, (first[1]! + mid[1]!) / 2]);
}

function round([x, y]: LonLat): LonLat {
  return [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
}

/** The regional topology: every country with land inside `bounds`, clipped to them. */
export function buildRegion(world: WorldTopology, bounds: Bounds): RegionTopology {
  const countries = feature(world, world.objects.countries).features as CountryFeature[];
  const clipped: Feature<MultiPolygon, CountryProperties>[] = [];
  for (const country of countries) {
    if (!country.geometry) continue;
    const geometry = clipToBounds(country.geometry, bounds);
    if (!geometry) continue;
    const name = country.properties.name;
    clipped.push({
      type: 'Feature',
      id: countryId(country.id, name),
      properties: { name, label: geoArea(geometry) >= MIN_LABEL_AREA ? labelPoint(geometry) : null },
      geometry,
    });
  }
  clipped.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const collection: FeatureCollection<MultiPolygon, CountryProperties> = {
    type: 'FeatureCollection',
    features: clipped,
  };
  const topo = topology({ countries: collection }, QUANTIZATION);
  return topo as unknown as RegionTopology;
}
