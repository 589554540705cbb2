/**
 * The map's region when `story.json` gives none: the story's places framed with a margin; and
 * the box arithmetic that checks a region it does give (`prepare.ts`). Browser-safe: the studio's checks frame a draft as the build does.
 *
 * What is framed: every place's point (a city, a capital, a place at sea, a region's or a
 * country's given point) and the land of each country a place names (a country, a region's
 * countries): its largest piece and the pieces near it, not its far territories (French Guiana
 * does not frame France, nor Alaska the United States). A country much larger than the rest of
 * the story (Canada beside a story of Haiti and its neighbours) is not framed whole: its name is
 * written on the part the rest of the frame takes in, or, when that is none, the frame reaches
 * into its nearest part. Longitudes run on past 180° where the places lie across the
 * antimeridian: the frame is made in the turn of longitudes that leaves out the widest stretch with
 * no place (`lonWindow`), so a Pacific story is framed [100, -50, 200, 10], not round the world.
 *
 * The overview is that frame and a small margin; the reader may pan a quarter of its width and
 * height beyond it (`maxBounds`), and the geography is cut a few degrees beyond that (`bounds`),
 * so that the straight edges of the cut are never on screen.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Bounds, LonLat, Region } from '../story/types.ts';
import { unwrap } from '../../geo/region.ts';
import type { WorldCountry } from './world.ts';

/** The margins of a framed region, in degrees or as a share of a side. */
export const FRAME = {
  /** The overview: the places' frame and this share of its width (height) on each side (at least `minMargin`). */
  margin: 0.05,
  minMargin: 0.5,
  /** The overview is at least this many degrees wide and tall (one city alone). */
  minSize: 6,
  /** How far the reader may pan beyond the overview: this share of its width (height) (at least `minPan`). */
  pan: 0.25,
  minPan: 3,
  /** How far the geography reaches beyond `maxBounds`. */
  clip: 5,
  /** Pieces of a country this close (degrees, box to box) to its largest piece, or to a piece near it, frame it too. */
  near: 3,
  /**
   * A country is framed in part when it spans more than `largeSpan` degrees and framing it whole
   * would make the frame more than `largeRatio` times the size of the rest of the story's.
   */
  largeSpan: 25,
  largeRatio: 2,
} as const;

type Box = Bounds;

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));

/** A box's size on a Mercator map (degrees of longitude by Mercator units): what framing compares. */
function mapArea([w, s, e, n]: Box): number {
  return (e - w) * (mercatorY(n) - mercatorY(s));
}

function union(a: Box | null, b: Box | null): Box | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function boxOf(points: readonly Position[]): Box | null {
  let box: Box | null = null;
  for (const [x, y] of points) box = union(box, [x!, y!, x!, y!]);
  return box;
}

/** The gap between two boxes in degrees (0 when they touch or overlap). */
function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
  const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
  return Math.hypot(dx, dy);
}

export function grow([w, s, e, n]: Box, d: number): Box {
  return [w - d, s - d, e + d, n + d];
}

export function contains([w, s, e, n]: Box, [x, y]: LonLat): boolean {
  return x >= w && x <= e && y >= s && y <= n;
}

/** Whether `inner` lies inside `outer`. */
export function within(inner: Box, outer: Box): boolean {
  return contains(outer, [inner[0], inner[1]]) && contains(outer, [inner[2], inner[3]]);
}

function polygonsOf(shape: Feature<Polygon | MultiPolygon>): Position[][][] {
  return shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
}

/**
 * A ring with continuous longitudes where it crosses the antimeridian (a country's mainland running on
 * past 180°E, as the Russian Far East does), on the side of the antimeridian where most of it lies.
 */
function continuous(ring: Position[]): Position[] {
  const unwrapped = unwrap(ring) ?? ring;
  if (unwrapped === ring) return ring;
  const box = boxOf(unwrapped)!;
  const centre = (box[0] + box[2]) / 2;
  const shift = centre > 180 ? -360 : centre < -180 ? 360 : 0;
  return shift ? unwrapped.map(([x, y]) => [x! + shift, y!]) : unwrapped;
}

/** The whole turns of longitude that bring `lon` into the window `[west, west + 360)`. */
export function turnInto(lon: number, west: number): number {
  return -360 * Math.floor((lon - west) / 360);
}

/**
 * Where a story's longitudes start (`west`, the window being `[west, west + 360)`): in the middle
 * of the widest stretch of longitude that no extent covers, so the frame is the narrowest that
 * takes every extent in. -180 (the usual map) when the antimeridian lies in a stretch as wide as
 * any other. Each extent is `[west, east]`, east possibly past 180 (Russia's to Chukotka).
 */
export function lonWindow(extents: readonly (readonly [number, number])[]): number {
  if (!extents.length) return -180;
  const arcs = extents
    .map(([w, e]) => {
      const start = w + turnInto(w, -180);
      return [start, start + Math.min(360, e - w)] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  // Merged, then the gaps between the arcs, the last running round to the first.
  let reach = arcs[0]![1];
  let best = { size: -1, middle: -180 };
  const consider = (from: number, to: number) => {
    const size = to - from;
    const antimeridian = Math.floor((to - 180) / 360) >= Math.ceil((from - 180) / 360);
    if (size > best.size + 1e-9 || (Math.abs(size - best.size) <= 1e-9 && antimeridian)) {
      best = { size, middle: antimeridian ? -180 : (from + to) / 2 };
    }
  };
  for (const [start, end] of arcs.slice(1)) {
    if (start > reach) consider(reach, start);
    reach = Math.max(reach, end);
  }
  consider(reach, arcs[0]![0] + 360);
  return best.size <= 0 ? -180 : best.middle - 360 * Math.floor((best.middle + 180) / 360);
}

/** A country's body turned into the window of longitudes that starts at `west`. */
function bodyInto(body: { box: Box; rings: Position[][] }, west: number): { box: Box; rings: Position[][] } {
  const shift = turnInto((body.box[0] + body.box[2]) / 2, west);
  if (!shift) return body;
  const [w, s, e, n] = body.box;
  return { box: [w + shift, s, e + shift, n], rings: body.rings.map((r) => r.map(([x, y]) => [x! + shift, y!])) };
}

/**
 * A country's body: its largest piece of land and the pieces within `FRAME.near` degrees of it
 * or of a piece already taken, as one box, with the outer rings of those pieces.
 */
export function countryBody(country: WorldCountry): { box: Box; rings: Position[][] } {
  const pieces = polygonsOf(country.shape)
    .map((polygon) => continuous(polygon[0]!))
    .map((ring) => ({ ring, box: boxOf(ring)! }))
    .sort((a, b) => mapArea(b.box) - mapArea(a.box));
  const taken = [pieces.shift()!];
  for (let added = true; added;) {
    added = false;
    for (let i = 0; i < pieces.length; i++) {
      if (taken.some((t) => gap(t.box, pieces[i]!.box) <= FRAME.near)) {
        taken.push(...pieces.splice(i, 1));
        added = true;
        i--;
      }
    }
  }
  return { box: taken.map((t) => t.box).reduce((a, b) => union(a, b)!), rings: taken.map((t) => t.ring) };
}

/**
 * The frame of a story's places, before any margin: their points and their countries' bodies,
 * a country much larger than the rest framed by its part nearest the rest. Null with nothing to
 * frame.
 */
export function placesFrame(points: readonly LonLat[], countries: readonly WorldCountry[], west = -180): Box | null {
  const bodies = [...new Map(countries.map((c) => [c.id, c])).values()]
    .map((country) => ({ country, ...bodyInto(countryBody(country), west) }))
    .sort((a, b) => mapArea(b.box) - mapArea(a.box));
  const pointsBox = boxOf(points.map(([x, y]) => [x + turnInto(x, west), y]));
  const large: typeof bodies = [];
  // The largest countries first: each is framed in part if framing it whole would swamp the rest.
  while (bodies.length) {
    const [largest, ...others] = bodies;
    const rest = others.reduce<Box | null>((box, b) => union(box, b.box), pointsBox);
    if (!rest) break;
    const [w, s, e, n] = largest!.box;
    const spans = e - w > FRAME.largeSpan || n - s > FRAME.largeSpan;
    const restArea = Math.max(mapArea(rest), 1e-9);
    if (!spans || mapArea(union(rest, largest!.box)!) <= FRAME.largeRatio * restArea) break;
    large.push(bodies.shift()!);
  }
  let frame = bodies.reduce<Box | null>((box, b) => union(box, b.box), pointsBox);
  if (!frame) return null;
  // A large country the frame already reaches is named on the part in view; one it does not
  // reach gets its nearest part, and some depth beyond it for its name.
  for (const body of large) {
    const reached = body.rings.some((ring) => ring.some((p) => contains(frame!, p as LonLat)));
    if (reached) continue;
    const centre: LonLat = [(frame[0] + frame[2]) / 2, (frame[1] + frame[3]) / 2];
    let nearest: LonLat = centre;
    let best = Infinity;
    for (const ring of body.rings) {
      for (const [x, y] of ring) {
        const d = Math.hypot(x! - centre[0], y! - centre[1]);
        if (d < best) [best, nearest] = [d, [x!, y!]];
      }
    }
    const depth = Math.max(5, 0.5 * Math.max(frame[2] - frame[0], frame[3] - frame[1]));
    const beyond: LonLat = [
      nearest[0] + ((nearest[0] - centre[0]) / (best || 1)) * depth,
      nearest[1] + ((nearest[1] - centre[1]) / (best || 1)) * depth,
    ];
    frame = union(frame, boxOf([nearest, beyond]))!;
  }
  return frame;
}

/**
 * Within Web Mercator's latitudes (±85°), and at most `width` degrees of longitude (a turn less
 * the cut's margins, so the geography never holds a country twice), round its middle.
 */
const clampBox = ([w, s, e, n]: Box, width = 360 - 2 * FRAME.clip): Box => {
  const [cw, ce] = e - w > width ? [(w + e - width) / 2, (w + e + width) / 2] : [w, e];
  return [cw, Math.max(-85, s), ce, Math.min(85, n)];
};

/** Rounded outwards to a tenth of a degree: the region reads well in messages and in the cache key. */
const roundOut = ([w, s, e, n]: Box): Box => [
  Math.floor(w * 10) / 10,
  Math.floor(s * 10) / 10,
  Math.ceil(e * 10) / 10,
  Math.ceil(n * 10) / 10,
];

/** The longitudes a place at `point` and of `countries` covers: what `lonWindow` leaves room for. */
export function extentsOf(points: readonly LonLat[], countries: readonly WorldCountry[]): [number, number][] {
  return [
    ...points.map(([x]) => [x, x] as [number, number]),
    ...countries.map((c) => {
      const [w, , e] = countryBody(c).box;
      return [w, e] as [number, number];
    }),
  ];
}

/**
 * The region that frames a story's places (see the module's comment); null with no place to
 * frame. `beyond` (far places shown at the map's edge, `far.ts`) is not in the overview, but the
 * reader may pan to it and a claim that reaches it is framed whole.
 */
export function deriveRegion(
  points: readonly LonLat[],
  countries: readonly WorldCountry[],
  beyond: { points: readonly LonLat[]; countries: readonly WorldCountry[] } = { points: [], countries: [] },
): Region | null {
  const west = lonWindow(extentsOf([...points, ...beyond.points], [...countries, ...beyond.countries]));
  let frame = placesFrame(points, countries, west);
  if (!frame) return null;
  // A frame made wholly past 180° is written in the usual longitudes.
  const back = frame[0] >= 180 ? -360 : 0;
  frame = [frame[0] + back, frame[1], frame[2] + back, frame[3]];
  const far = union(
    boxOf(beyond.points.map(([x, y]) => [x + turnInto(x, west) + back, y])),
    beyond.countries
      .map((c) => bodyInto(countryBody(c), west + back).box)
      .reduce<Box | null>((a, b) => union(a, b), null),
  );
  let [w, s, e, n] = frame;
  // One city alone, or places close together: a few degrees round them.
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const half = FRAME.minSize / 2;
  [w, e] = e - w < FRAME.minSize ? [cx - half, cx + half] : [w, e];
  [s, n] = n - s < FRAME.minSize ? [cy - half, cy + half] : [s, n];
  const margin = (share: number, least: number, [bw, bs, be, bn]: Box): Box => {
    const dx = Math.max(least, share * (be - bw));
    const dy = Math.max(least, share * (bn - bs));
    return [bw - dx, bs - dy, be + dx, bn + dy];
  };
  const overview = roundOut(clampBox(margin(FRAME.margin, FRAME.minMargin, [w, s, e, n])));
  // The far places within reach, with the overview's own margin round them.
  const reach = far && margin(FRAME.margin, FRAME.minPan, far);
  const maxBounds = roundOut(clampBox(union(margin(FRAME.pan, FRAME.minPan, overview), reach)!));
  const bounds = roundOut(clampBox(grow(maxBounds, FRAME.clip), 360));
  return { bounds, maxBounds, overview };
}

/** "[26, 4, 106, 68]" */
export function boxText(box: Box): string {
  return `[${box.join(', ')}]`;
}
