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
import { intoBounds } from '../src/story/places.ts';

/**
 * Countries smaller than this (in steradians, about 4,000 km²) get no name on the map: at a
 * regional scale their label would only hide their neighbours' (the Siachen Glacier, say).
 */
export const MIN_LABEL_AREA = 1e-4;

/** Grid of the quantized output: 10^4 steps across the region (about 0.8 km at this scale). */
export const QUANTIZATION = 1e4;

type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** A stable id: ISO 3166-1 numeric where Natural Earth has one, else a slug of the name. */
export function countryId(id: string | number | undefined, name: string): string {
  if (id !== undefined && id !== null && `${id}` !== '') return `${id}`;
  return `x-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/**
 * Each country's id, one per country: Natural Earth gives some codes to two of its countries
 * (Australia's, 036, also to the Ashmore and Cartier Islands): the code is the largest's, and a
 * territory sharing it is known by the slug of its name, so that it never takes the country's
 * place. Computed on the whole world, so a region's ids are the world's.
 */
export function countryIds(countries: readonly CountryFeature[]): string[] {
  const largest = new Map<string, { index: number; area: number }>();
  countries.forEach((country, index) => {
    const code = countryId(country.id, country.properties.name);
    const area = country.geometry ? geoArea(country) : 0;
    const held = largest.get(code);
    if (!held || area > held.area) largest.set(code, { index, area });
  });
  return countries.map((country, index) => {
    const code = countryId(country.id, country.properties.name);
    return largest.get(code)!.index === index ? code : countryId(undefined, country.properties.name);
  });
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
    // A region may run on past 180° (a Pacific story's [100, -50, 200, 10]): a piece is clipped
    // at each whole turn of longitude that brings it into the bounds.
    const unwrapped = polygon.map(unwrap);
    const whole = unwrapped.every((ring) => ring !== null);
    const crossed = whole && unwrapped.some((ring, i) => ring !== polygon[i]);
    const shifts = crossed || w < -180 || e > 180 ? [0, -360, 360, 720] : [0];
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
 * Where a country's name goes: in its largest piece, at the piece's centroid when that lies
 * inside it, else (a crescent, a coast curved round a gulf) at its pole of inaccessibility, the
 * point inside furthest from its outline.
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
  return round(innermost(best.coordinates));
}

/**
 * The pole of inaccessibility of a polygon (rings as GeoJSON gives them), found as polylabel
 * does: square cells, the most promising split first, on a plane with longitudes scaled to the
 * polygon's middle latitude. A polygon across the antimeridian is first made continuous.
 */
export function innermost(polygon: Position[][]): LonLat {
  const rings = polygon.map((ring) => unwrap(ring) ?? ring);
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of rings[0]!) [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const plane = rings.map((ring) => ring.map(([x, y]) => [x! * k, y!] as const));
  /** Signed distance from a point to the outline: positive inside. */
  const depth = (px: number, py: number): number => {
    let inside = false;
    let d2 = Infinity;
    for (const ring of plane) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[j]!;
        if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
        const [dx, dy] = [bx - ax, by - ay];
        const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
        d2 = Math.min(d2, (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2);
      }
    }
    return (inside ? 1 : -1) * Math.sqrt(d2);
  };
  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = depth(x, y);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const [x0, x1] = [w * k, e * k];
  const size = Math.min(x1 - x0, n - s);
  const precision = size / 100;
  let bestCell = cell((x0 + x1) / 2, (s + n) / 2, 0);
  if (!size) return [bestCell.x / k, bestCell.y];
  const queue: Cell[] = [];
  for (let x = x0; x < x1; x += size)
    for (let y = s; y < n; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  for (let steps = 0; queue.length && steps < 10000; steps++) {
    let top = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.max > queue[top]!.max) top = i;
    const c = queue.splice(top, 1)[0]!;
    if (c.d > bestCell.d) bestCell = c;
    if (c.max - bestCell.d <= precision) continue;
    const h = c.h / 2;
    for (const [dx, dy] of [
      [-h, -h],
      [h, -h],
      [-h, h],
      [h, h],
    ] as const)
      queue.push(cell(c.x + dx, c.y + dy, h));
  }
  const lon = bestCell.x / k;
  return [lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon, bestCell.y];
}

function round([x, y]: LonLat): LonLat {
  return [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
}

/** The regional topology: every country with land inside `bounds`, clipped to them. */
export function buildRegion(world: WorldTopology, bounds: Bounds): RegionTopology {
  const countries = feature(world, world.objects.countries).features as CountryFeature[];
  const ids = countryIds(countries);
  const clipped: Feature<MultiPolygon, CountryProperties>[] = [];
  for (const [index, country] of countries.entries()) {
    if (!country.geometry) continue;
    const geometry = clipToBounds(country.geometry, bounds);
    if (!geometry) continue;
    const name = country.properties.name;
    const label = geoArea(geometry) >= MIN_LABEL_AREA ? labelPoint(geometry) : null;
    clipped.push({
      type: 'Feature',
      id: ids[index]!,
      properties: { name, label: label && [intoBounds(label[0], bounds), label[1]] },
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
