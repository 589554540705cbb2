/**
 * The map's layout for one view: where each arrow runs, where its head sits, where badges and
 * markers go, which names are written and where, and the edge labels of places off the map. Pure
 * and cached per view: the SVG map, the symbol layer above MapLibre, MapLibre's own lines
 * (`map/style.ts` takes the arrows as GeoJSON), the posters and print all draw the same layout.
 *
 * Decided in the view's pixels, kept in Web Mercator world units (0..1): a renderer showing another
 * view (the camera in flight, MapLibre zoomed by the reader) scales and shifts it, which Mercator
 * allows exactly, until the layout for the view it settles at replaces it.
 *
 * The rules, after Jenny et al., "Design principles for origin-destination flow maps" (2018) and
 * their Flox software:
 * - A claim about a country is drawn at the country's name: arrows start and end around it, on an
 *   ellipse just outside the name (and its badges), never at a capital the article does not name.
 *   A country partly in view is named on the part in view; one out of view, where the arrow
 *   leaves the map (an edge label with a pointer towards it).
 * - Arrows sharing a place fan out radially: their ends are spread around the place, in the order
 *   of their directions, so that they stand `fanGap` apart `fanDistance` out, and heads of
 *   different claims do not stack. Arrows between the same two places take lanes.
 * - Arrows are curved, more the longer they are, bending to the right of travel; an arrow that
 *   would pass within `nodeClearance` of a place or name it does not connect bends another way.
 * - Every claim keeps a point on one of its arrows `pickClearance` from other claims' arrows: a
 *   claim without one bends one of its arrows until it has one (when there are not too many).
 * - Names: the story's places and countries first (each claim's ends, areas, borders; then the
 *   countries of the regions they name), then other countries by size where room is left, never
 *   over a symbol or an arrow.
 */
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { toMercator } from '../flows/geometry.ts';
import type { ClaimKind } from '../story/kinds.ts';
import type { CountryProperties, FlowProperties, LonLat, Modality, Place, Story } from '../story/types.ts';
import { kindLook } from '../symbology/claims.ts';
import { drawnAtDot, PLACE_STYLE, type NameStyle } from '../symbology/places.ts';
import {
  BADGE,
  EDGE_LABEL,
  LAYOUT_RULES,
  MARKER,
  headRoom,
  headSize,
  mapNameScale,
  nameSize,
} from '../symbology/layout.ts';
import { TILE_SIZE, type Size, type View } from './view.ts';

/** A point in the layout view's pixels. */
type P = [number, number];
/** A point in Web Mercator world units, [0, 1] across the world, y growing southwards. */
export type World = [number, number];

/** What every laid-out part of a claim carries: its claim and how it is drawn. */
export interface LaidClaim {
  claimId: string;
  kind: ClaimKind;
  look: string;
  modality: Modality;
}

export interface LaidArrow extends LaidClaim {
  /** Place ids. */
  from: string;
  to: string;
  /** The line as a cubic Bézier (start, two controls, end), ending where its head starts. */
  curve: [World, World, World, World];
  /** The head's tip, and its heading in degrees clockwise from north. */
  tip: World;
  angle: number;
}

/** A claim's symbol at a place: a badge at a name (unplaced), or a marker by a city's dot. */
export interface LaidSymbol extends LaidClaim {
  at: World;
  place: string;
  badge: boolean;
  /** Radius in pixels. */
  r: number;
}

export type { NameStyle };

export interface LaidName {
  text: string;
  style: NameStyle;
  /** A country's or region's name: its centre. A place's: its dot. */
  at: World;
  /** Where the text is written, in pixels from `at`, and how it is anchored there. */
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
  /** A place's dot is drawn at `at`. */
  dot: boolean;
  /** Named because a claim names or touches it (`story`), or where room was left (`context`). */
  rank: 'story' | 'context';
}

/** A place off the map, named where an arrow to it leaves the map. */
export interface LaidEdge {
  text: string;
  place: string;
  /** The claims whose arrows leave the map here: picking the label frames them. */
  claimIds: string[];
  /** The label's centre. */
  at: World;
  /** Its box, in pixels from `at`: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  /** The text's start, in pixels from `at`. */
  tx: number;
  ty: number;
  /** The pointer: its tip in pixels from `at`, and its heading (degrees clockwise from north). */
  pointer: { dx: number; dy: number; angle: number };
}

export interface Layout {
  view: View;
  size: Size;
  /** The scale asked for (a projector's, or 1). */
  requested: number;
  /** The scale names are set at: the one asked for, smaller on a small map (`mapNameScale`). */
  scale: number;
  arrows: LaidArrow[];
  symbols: LaidSymbol[];
  names: LaidName[];
  edges: LaidEdge[];
}

interface SourceArrow extends LaidClaim {
  from: string;
  to: string;
}

interface SourceSymbol extends LaidClaim {
  place: string;
  badge: boolean;
}

interface CountryInfo {
  name: string;
  label: LonLat | null;
  /** Decoded on first use: its rings, for naming the part of it a view shows. */
  rings?: LonLat[][];
  area?: number;
}

/** What layouts are computed from, once per story; it keeps the layouts of the last few views. */
export interface LayoutSource {
  arrows: SourceArrow[];
  symbols: SourceSymbol[];
  places: Map<string, Place>;
  /** Place ids named first: those the claims use, the most used first. */
  storyPlaces: string[];
  /** Countries named next: those of the regions and cities the claims use (ids in the geography). */
  storyCountries: string[];
  countries: Map<string, CountryInfo>;
  geography: Story['geography'];
  /** Places the data asks to name though no claim uses them. */
  extraPlaces: string[];
  cache: Map<string, Layout>;
}

const claimOf = (p: FlowProperties): LaidClaim => ({
  claimId: p.claimId,
  kind: p.kind,
  look: p.look,
  modality: p.modality,
});

/** What a layout source is made from: the parts of a story a layout reads (what its worker is sent). */
export type LayoutStory = Pick<Story, 'places' | 'flows' | 'geography'>;

export function layoutSource(story: LayoutStory): LayoutSource {
  const places = new Map(story.places.map((p) => [p.id, p]));
  const arrows: SourceArrow[] = [];
  const symbols: SourceSymbol[] = [];
  const uses = new Map<string, number>();
  const use = (id: string | null) => id && uses.set(id, (uses.get(id) ?? 0) + 1);
  for (const f of story.flows.features) {
    const p = f.properties;
    if (p.role === 'arc') arrows.push({ ...claimOf(p), from: p.from, to: p.to! });
    else if (p.role === 'point' || p.role === 'badge')
      symbols.push({ ...claimOf(p), place: p.from, badge: p.role === 'badge' });
    if (p.role !== 'region') {
      use(p.from);
      use(p.to);
    }
  }
  const storyPlaces = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)!);
  const countries = new Map<string, CountryInfo>();
  for (const g of story.geography.objects.countries.geometries) {
    const { name, label } = g.properties as CountryProperties;
    countries.set(String(g.id), { name, label });
  }
  const named = new Set(
    storyPlaces.map((id) => places.get(id)).flatMap((p) => (p?.kind === 'country' && p.country ? [p.country] : [])),
  );
  const storyCountries: string[] = [];
  for (const id of storyPlaces) {
    const place = places.get(id)!;
    // A place at sea has no country to name.
    const members =
      place.kind === 'region'
        ? (place.countries ?? [])
        : place.kind === 'country' || !place.country
          ? []
          : [place.country];
    for (const c of members) if (!named.has(c) && !storyCountries.includes(c)) storyCountries.push(c);
  }
  const extraPlaces = story.places.filter((p) => p.label && !uses.has(p.id)).map((p) => p.id);
  return {
    arrows,
    symbols,
    places,
    storyPlaces,
    storyCountries,
    countries,
    geography: story.geography,
    extraPlaces,
    cache: new Map(),
  };
}

/** Layouts kept per source: a camera flight asks for the same few views again and again. */
const KEPT_LAYOUTS = 8;

const layoutKey = (view: View, size: Size, scale: number) =>
  `${view.center[0]},${view.center[1]},${view.zoom},${size.width},${size.height},${scale}`;

/** Keeps a layout computed elsewhere (the build's, or a worker's), as the last used. */
export function keepLayout(source: LayoutSource, layout: Layout): void {
  const key = layoutKey(layout.view, layout.size, layout.requested);
  source.cache.delete(key);
  source.cache.set(key, layout);
  if (source.cache.size > KEPT_LAYOUTS) source.cache.delete(source.cache.keys().next().value!);
}

/** Whether the layout for a view is at hand (`layoutFor` would not compute it). */
export function hasLayout(source: LayoutSource, view: View, size: Size, scale = 1): boolean {
  return source.cache.has(layoutKey(view, size, scale));
}

/** The layout for a view (cached). `scale` sets names larger (a projector). */
export function layoutFor(source: LayoutSource, view: View, size: Size, scale = 1): Layout {
  const layout = source.cache.get(layoutKey(view, size, scale)) ?? computeLayout(source, view, size, scale);
  keepLayout(source, layout);
  return layout;
}

/** From world units to the pixels of a view: what every renderer draws a layout with. */
export function worldToPixel(view: View, size: Size): (w: World) => [number, number] {
  const world = TILE_SIZE * 2 ** view.zoom;
  const [cx, cy] = toMercator(view.center);
  return ([x, y]) => [(x - cx) * world + size.width / 2, (y - cy) * world + size.height / 2];
}

// ---------------------------------------------------------------------------------------------
// Plane geometry

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const add = (a: P, b: P): P => [a[0] + b[0], a[1] + b[1]];
const sub = (a: P, b: P): P => [a[0] - b[0], a[1] - b[1]];
const mul = (a: P, k: number): P => [a[0] * k, a[1] * k];
const len = (a: P) => Math.hypot(a[0], a[1]);
const unit = (a: P): P => {
  const l = len(a);
  return l > 1e-9 ? [a[0] / l, a[1] / l] : [1, 0];
};
const dir = (angle: number): P => [Math.cos(angle), Math.sin(angle)];
const angleOf = (a: P) => Math.atan2(a[1], a[0]);
const TAU = 2 * Math.PI;
const wrap = (a: number) => ((a % TAU) + TAU) % TAU;

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
const grow = (r: Rect, by: number): Rect => ({ x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by });
const centred = ([x, y]: P, w: number, h: number): Rect => ({
  x0: x - w / 2,
  y0: y - h / 2,
  x1: x + w / 2,
  y1: y + h / 2,
});
const union = (a: Rect, b: Rect): Rect => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
});
const rectDistance = ([x, y]: P, r: Rect) =>
  Math.hypot(Math.max(r.x0 - x, 0, x - r.x1), Math.max(r.y0 - y, 0, y - r.y1));

type Cubic = [P, P, P, P];

function cubicAt([p0, p1, p2, p3]: Cubic, t: number): P {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

function sample(curve: Cubic, n: number): P[] {
  return Array.from({ length: n + 1 }, (_, i) => cubicAt(curve, i / n));
}

/** The part of a cubic from its start to `t` (de Casteljau). */
function cubicHead([p0, p1, p2, p3]: Cubic, t: number): Cubic {
  const lerp = (a: P, b: P): P => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const [a, b, c] = [lerp(p0, p1), lerp(p1, p2), lerp(p2, p3)];
  const [d, e] = [lerp(a, b), lerp(b, c)];
  return [p0, a, d, lerp(d, e)];
}

function segmentDistance(p: P, a: P, b: P): number {
  const ab = sub(b, a);
  const l2 = ab[0] * ab[0] + ab[1] * ab[1];
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / l2)) : 0;
  return len(sub(p, add(a, mul(ab, t))));
}

/** Clips a ring to a rectangle (Sutherland–Hodgman). */
function clipRing(ring: P[], r: Rect): P[] {
  let out = ring;
  const edges: [(p: P) => boolean, (a: P, b: P) => P][] = [
    [(p) => p[0] >= r.x0, (a, b) => add(a, mul(sub(b, a), (r.x0 - a[0]) / (b[0] - a[0])))],
    [(p) => p[0] <= r.x1, (a, b) => add(a, mul(sub(b, a), (r.x1 - a[0]) / (b[0] - a[0])))],
    [(p) => p[1] >= r.y0, (a, b) => add(a, mul(sub(b, a), (r.y0 - a[1]) / (b[1] - a[1])))],
    [(p) => p[1] <= r.y1, (a, b) => add(a, mul(sub(b, a), (r.y1 - a[1]) / (b[1] - a[1])))],
  ];
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

function ringArea(ring: P[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

/** Whether a point is inside polygon rings (even-odd). */
function insideRings(p: P, rings: P[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0])
        inside = !inside;
    }
  }
  return inside;
}

// ---------------------------------------------------------------------------------------------
// The layout

/** A place arrows start or end at, in the view: a name (a country, a region) or a city's dot. */
interface Node {
  id: string;
  place: Place;
  /** Its centre in the view, or null when it is off the map. */
  c: P | null;
  /** Where its coordinates are, in the view (off the map too). */
  far: P;
  /**
   * The outline arrows end on: a rectangle around the name (and its badges) `a` by `b` from its
   * centre, corners rounded by `r` (a stadium round a name, a circle round a city's dot), so that
   * every end is a few pixels from the name. `table` finds a direction's point on it.
   */
  a: number;
  b: number;
  r: number;
  table: { t: number; angle: number }[];
  /** The name's box (a country, a region), or the dot's (a city). */
  box: Rect | null;
  ends: End[];
}

interface End {
  arrow: Arrow;
  start: boolean;
  /** Outgoing direction the arrow would leave at, and where on the ellipse it goes. */
  phi: number;
  t: number;
  port: P;
  d: P;
}

interface Arrow {
  src: SourceArrow;
  index: number;
  from: Node;
  to: Node;
  /** Signed bulge from the chord, to the right of travel, in pixels. */
  s: number;
  head: { length: number; width: number };
  curve: Cubic;
  /** The curve, sampled, the length run at each sample, its length and its bounds. */
  line: P[];
  cum: number[];
  length: number;
  bounds: Rect;
  /**
   * How far the drawn line stops short of the tip: under its head (four fifths of the smallest
   * head it is drawn with), or at the tip of an open head.
   */
  back: number;
  /** Its ends around the places it links, once spread (null off the map). */
  ends: [End | null, End | null];
}

/** Samples of each arrow kept while the layout works: enough to measure 24 px along it to a few tenths of a pixel. */
const FINE = 32;

function computeLayout(src: LayoutSource, view: View, size: Size, requested: number): Layout {
  const scale = mapNameScale(size, requested);
  const world = TILE_SIZE * 2 ** view.zoom;
  const [cx, cy] = toMercator(view.center);
  const px = (ll: LonLat): P => {
    const [x, y] = toMercator(ll);
    return [(x - cx) * world + size.width / 2, (y - cy) * world + size.height / 2];
  };
  const toWorld = ([x, y]: P): World => [(x - size.width / 2) / world + cx, (y - size.height / 2) / world + cy];
  const margin = 4;
  const map: Rect = { x0: margin, y0: margin, x1: size.width - margin, y1: size.height - margin };
  const inMap = (r: Rect) => r.x0 >= map.x0 && r.y0 >= map.y0 && r.x1 <= map.x1 && r.y1 <= map.y1;
  const pointIn = ([x, y]: P, r: Rect) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
  const rules = LAYOUT_RULES;

  /** What is on the map so far, for names and symbols to keep clear of: boxes, by the place they belong to. */
  const taken: { rect: Rect; owner: string | null }[] = [];
  const free = (r: Rect, ignore: string | null = null) =>
    !taken.some((t) => (ignore === null || t.owner !== ignore) && overlaps(r, t.rect));
  const names: LaidName[] = [];
  const symbols: LaidSymbol[] = [];
  const edges: LaidEdge[] = [];

  // --- 1. The names of the places the claims use: they are the nodes arrows attach to.
  const nameBox = (text: string, style: 'country' | 'region', at: P): Rect => {
    const [w, h] = nameSize(text, style, scale);
    return centred(at, w + 4, h);
  };
  /** A country's name: at its point when that is in view, else on the part of it in view. */
  /**
   * Where a country's name fits inside the part of it in view (clear of the names placed, if
   * `clear`; centred in it only, if `loose`), nearest `near`: null when it fits nowhere.
   */
  const visible = new Map<string, P[][]>();
  const fitInCountry = (countryId: string, text: string, near: P, clear: boolean, loose = false): P | null => {
    const [w, h] = nameSize(text, 'country', scale);
    const candidates: { at: P; piece: P[]; score: number }[] = [];
    let parts = visible.get(countryId);
    if (!parts) visible.set(countryId, (parts = visibleParts(src, countryId, px, map)));
    for (const piece of parts) {
      const xs = piece.map((q) => q[0]);
      const ys = piece.map((q) => q[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const step = Math.max(3, Math.min(x1 - x0, y1 - y0) / 16);
      for (let x = x0 + w / 2; x <= x1 - w / 2; x += step)
        for (let y = y0 + h / 2; y <= y1 - h / 2; y += step)
          candidates.push({ at: [x, y], piece, score: len(sub([x, y], near)) });
    }
    candidates.sort((a, b) => a.score - b.score);
    for (const { at, piece } of candidates) {
      const box = nameBox(text, 'country', at);
      if (!inMap(box) || (clear && (!free(grow(box, room)) || !linkedClear(box))) || !insideRings(at, [piece]))
        continue;
      const [x, y] = at;
      const edge: P[] = [
        [box.x0, box.y0],
        [x, box.y0],
        [box.x1, box.y0],
        [box.x0, box.y1],
        [x, box.y1],
        [box.x1, box.y1],
        [box.x0, y],
        [box.x1, y],
      ];
      if (loose || edge.every((c) => insideRings(c, [piece]))) return at;
    }
    return null;
  };
  /** A country's name: at its point when that is in view, else on the part of it in view. */
  const countryAnchor = (countryId: string, text: string, at: LonLat): P | null => {
    const p = px(at);
    if (inMap(nameBox(text, 'country', p))) return p;
    // Its point in view, its name not (at the map's edge): written as near as it fits, on the
    // country or, a small part in view, reaching past it; else where the name is off the map.
    return (
      fitInCountry(countryId, text, p, false) ??
      (pointIn(p, map) ? (fitInCountry(countryId, text, p, false, true) ?? nearestFree(text, 'country', p)) : null)
    );
  };
  /**
   * Places a country's name: at its anchor or a nudge from it, clear of the names placed; else
   * elsewhere inside the country where it is clear; else (`force`) at its anchor regardless.
   */
  const placeCountry = (countryId: string, text: string, at: LonLat, force: boolean): P | null => {
    const anchor = countryAnchor(countryId, text, at);
    if (!anchor) return null;
    return (
      placeCentred(text, 'country', anchor, false) ??
      fitInCountry(countryId, text, anchor, true) ??
      // A name may reach past a small country's borders, rather than over another name.
      fitInCountry(countryId, text, anchor, true, true) ??
      (force ? (nearestFree(text, 'country', anchor) ?? anchor) : null)
    );
  };
  const nudges = (w: number, h: number): P[] => [
    [0, 0],
    [0, -h],
    [0, h],
    [-w / 4, 0],
    [w / 4, 0],
    [-w / 4, -h],
    [w / 4, -h],
    [-w / 4, h],
    [w / 4, h],
    [0, -2 * h],
    [0, 2 * h],
  ];
  /** Places a name centred near `at`: the first nudge that stays in the map clear of the names placed. */
  /** The free spot nearest `at` (within about 60 px) for a name that must be written. */
  const nearestFree = (text: string, style: 'country' | 'region', at: P): P | null => {
    let best: { c: P; d: number } | null = null;
    for (let dx = -60; dx <= 60; dx += 4) {
      for (let dy = -40; dy <= 40; dy += 4) {
        const d = Math.hypot(dx, dy * 1.5);
        if (best && d >= best.d) continue;
        const c = add(at, [dx, dy]);
        const box = nameBox(text, style, c);
        if (inMap(box) && free(grow(box, 2))) best = { c, d };
      }
    }
    return best?.c ?? null;
  };
  const placeCentred = (text: string, style: 'country' | 'region', at: P, force: boolean): P | null => {
    const [w, h] = nameSize(text, style, scale);
    for (const d of nudges(w, h)) {
      const c = add(at, d);
      const box = nameBox(text, style, c);
      if (inMap(box) && free(grow(box, room)) && linkedClear(box)) return c;
    }
    return force && inMap(nameBox(text, style, at)) ? at : null;
  };

  /** Room kept between the story's names, for the arrows and heads that end at them. */
  const room = 10;
  /**
   * Room kept between the names of two places an arrow links: enough for a line and its head. A
   * name too close to a place it is linked to moves further into its country, if it can.
   */
  const linkRoom = 26 * scale;
  const linked = new Map<string, Set<string>>();
  for (const a of src.arrows) {
    linked.set(a.from, (linked.get(a.from) ?? new Set()).add(a.to));
    linked.set(a.to, (linked.get(a.to) ?? new Set()).add(a.from));
  }
  /** The place whose name is being placed (its links are kept clear of). */
  let placing: string | null = null;
  const rectGap = (a: Rect, b: Rect) => Math.max(a.x0 - b.x1, b.x0 - a.x1, a.y0 - b.y1, b.y0 - a.y1);
  function linkedClear(r: Rect, id: string | null = placing): boolean {
    if (!id) return true;
    for (const other of linked.get(id) ?? []) {
      const box = nodes.get(other)?.box;
      if (box && rectGap(r, box) < linkRoom) return false;
    }
    return true;
  }
  // --- 2. Badges: a row at the name of the country (or region) a claim is about, on the side
  // its arrows leave least.
  const badgeRows = new Map<string, SourceSymbol[]>();
  for (const s of src.symbols) if (s.badge) badgeRows.set(s.place, [...(badgeRows.get(s.place) ?? []), s]);
  function placeBadges(id: string) {
    const row = badgeRows.get(id);
    const node = nodes.get(id);
    if (!row || !node?.c || !node.box) return;
    const box = node.box;
    const width = (row.length - 1) * BADGE.step + 2 * BADGE.radius;
    const height = 2 * BADGE.radius;
    const others = src.arrows
      .filter((a) => a.from === id || a.to === id)
      .map((a) => {
        const other = src.places.get(a.from === id ? a.to : a.from)!;
        const there = nodes.get(other.id);
        return unit(sub(there?.c ?? px(other.coordinates), node.c!));
      });
    const sides: { side: string; c: P; facing: P }[] = [
      { side: 'below', c: [node.c[0], box.y1 + BADGE.gap + height / 2], facing: [0, 1] },
      { side: 'above', c: [node.c[0], box.y0 - BADGE.gap - height / 2], facing: [0, -1] },
      { side: 'right', c: [box.x1 + BADGE.gap + width / 2, node.c[1]], facing: [1, 0] },
      { side: 'left', c: [box.x0 - BADGE.gap - width / 2, node.c[1]], facing: [-1, 0] },
    ];
    const scored = sides
      .map((s, order) => {
        const rect = centred(s.c, width, height);
        const busy = others.filter((u) => u[0] * s.facing[0] + u[1] * s.facing[1] > 0.5).length;
        const ok = inMap(rect) && free(rect, id) && linkedClear(rect, id);
        return { ...s, rect, score: (ok ? 0 : 1000) + busy * 10 + order };
      })
      .sort((a, b) => a.score - b.score);
    const best = scored[0]!;
    row.forEach((s, i) => {
      const at: P = [best.rect.x0 + BADGE.radius + i * BADGE.step, best.c[1]];
      symbols.push({ ...claimFields(s), at: toWorld(at), place: id, badge: true, r: BADGE.radius });
    });
    taken.push({ rect: best.rect, owner: id });
    node.box = union(box, best.rect);
  }

  const nodes = new Map<string, Node>();
  const textOf = (place: Place) => (typeof place.label === 'string' ? place.label : place.name);
  for (const id of src.storyPlaces) {
    const place = src.places.get(id);
    if (!place) continue;
    const far = px(place.coordinates);
    const node: Node = { id, place, c: null, far, a: 0, b: 0, r: 0, table: [], box: null, ends: [] };
    nodes.set(id, node);
    const style = PLACE_STYLE[place.kind];
    if (style !== 'place') {
      const text = textOf(place);
      placing = id;
      const at =
        style === 'country'
          ? placeCountry(place.country!, text, place.coordinates, true)
          : placeCentred(text, style, far, true);
      if (!at) continue;
      node.c = at;
      node.box = nameBox(text, style, at);
      taken.push({ rect: node.box, owner: id });
      names.push({ text, style, at: toWorld(at), dx: 0, dy: 0, anchor: 'middle', dot: false, rank: 'story' });
      placeBadges(id);
    } else if (pointIn(far, map)) {
      node.c = far;
      node.box = centred(far, 8, 8);
      taken.push({ rect: node.box, owner: id });
    }
  }

  placing = null;

  // --- 3. The countries of the regions and cities the claims use, where they fit.
  for (const id of src.storyCountries) {
    const country = src.countries.get(id);
    if (!country?.label) continue;
    const at = placeCountry(id, country.name, country.label, false);
    if (!at) continue;
    taken.push({ rect: nameBox(country.name, 'country', at), owner: `country:${id}` });
    names.push({
      text: country.name,
      style: 'country',
      at: toWorld(at),
      dx: 0,
      dy: 0,
      anchor: 'middle',
      dot: false,
      rank: 'story',
    });
  }

  // --- 4. Arrows.
  for (const node of nodes.values()) {
    if (!node.c || !node.box) continue;
    const w = node.box.x1 - node.box.x0;
    const h = node.box.y1 - node.box.y0;
    const gap = rules.nameGap;
    if (!drawnAtDot(node.place.kind)) {
      node.c = [(node.box.x0 + node.box.x1) / 2, (node.box.y0 + node.box.y1) / 2];
      node.a = w / 2 + gap;
      node.b = h / 2 + gap;
      node.r = Math.min(node.b, 12);
    } else {
      node.a = node.b = node.r = 6;
    }
    node.table = Array.from({ length: 360 }, (_, i) => {
      const t = (i / 360) * TAU;
      return { t, angle: wrap(angleOf(sub(outlineAt(node, t).p, node.c!))) };
    });
  }
  const arrows: Arrow[] = src.arrows.map((a, index) => {
    const from = nodes.get(a.from)!;
    const to = nodes.get(a.to)!;
    return {
      src: a,
      index,
      from,
      to,
      s: 0,
      head: headRoom(a),
      curve: [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      line: [],
      cum: [],
      length: 0,
      bounds: { x0: 0, y0: 0, x1: 0, y1: 0 },
      back: kindLook(a.look).head === 'open' ? 1 : headSize(a, 'other').length * 0.8,
      ends: [null, null],
    };
  });
  const anchorOf = (n: Node) => n.c ?? n.far;
  // Lanes: arrows between the same two places, spaced evenly across their chord, in claim order.
  const LANE = 14;
  const pairs = new Map<string, Arrow[]>();
  for (const a of arrows) {
    const key = [a.from.id, a.to.id].sort().join('|');
    pairs.set(key, [...(pairs.get(key) ?? []), a]);
  }
  const bend = (L: number) => L * (0.08 + 0.07 * Math.min(1, L / 350));
  const canonical = (a: Arrow) => (a.from.id < a.to.id ? 1 : -1);
  const groups = [...pairs.values()];
  const laneBase = (group: Arrow[]) => {
    const L = len(sub(anchorOf(group[0]!.to), anchorOf(group[0]!.from)));
    const mean = group.reduce((sum, a) => sum + canonical(a) * bend(L), 0) / group.length;
    return group.map((a, i) => canonical(a) * (mean + (i - (group.length - 1) / 2) * LANE));
  };
  for (const group of groups) {
    const base = laneBase(group);
    group.forEach((a, i) => (a.s = base[i]!));
  }

  /** The outgoing direction of an arrow at one of its ends, from its chord and bend. */
  const phiOf = (a: Arrow, start: boolean) => {
    const [A, B] = [anchorOf(a.from), anchorOf(a.to)];
    const L = Math.max(1, len(sub(B, A)));
    // Ends leave at most about 40° off their chord: a tighter bend would hook round the place.
    const beta = Math.asin(Math.max(-0.65, Math.min(0.65, (4 * a.s) / L)));
    return start ? angleOf(sub(B, A)) + beta : angleOf(sub(A, B)) - beta;
  };
  const ellipsePoint = (n: Node, t: number): P => outlineAt(n, t).p;
  const ellipseNormal = (n: Node, t: number): P => outlineAt(n, t).normal;
  /** Where on a node's outline the ray from its centre towards `phi` meets it. */
  const tOf = (n: Node, phi: number) => {
    const want = wrap(phi);
    let best = n.table[0]!;
    for (const row of n.table)
      if (Math.abs(angleDelta(row.angle, want)) < Math.abs(angleDelta(best.angle, want))) best = row;
    return best.t;
  };

  /** An arrow's curve from its ends' ports and directions. */
  const build = (a: Arrow, ends: [End | null, End | null]) => {
    const [A, B] = [anchorOf(a.from), anchorOf(a.to)];
    const p0 = ends[0]?.port ?? A;
    const p3 = ends[1]?.port ?? B;
    const d0 = ends[0]?.d ?? dir(phiOf(a, true));
    const d3 = ends[1]?.d ?? dir(phiOf(a, false));
    const L = len(sub(p3, p0));
    const h = Math.max(4, L / 3);
    const full: Cubic = [p0, add(p0, mul(d0, h)), add(p3, mul(d3, h)), p3];
    a.curve = full;
    a.line = sample(full, FINE);
    a.cum = [0];
    for (let i = 1; i < a.line.length; i++) a.cum.push(a.cum[i - 1]! + len(sub(a.line[i]!, a.line[i - 1]!)));
    a.length = a.cum[a.cum.length - 1]!;
    const xs = a.line.map((q) => q[0]);
    const ys = a.line.map((q) => q[1]);
    a.bounds = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  };
  /** Where an end would be before ends are spread: on the ellipse, in its own direction. */
  const roughEnd = (a: Arrow, start: boolean): End | null => {
    const n = start ? a.from : a.to;
    if (!n.c) return null;
    const phi = phiOf(a, start);
    const t = tOf(n, phi);
    const port = ellipsePoint(n, t);
    return { arrow: a, start, phi, t, port, d: unit(add(mul(ellipseNormal(n, t), 0.6), mul(dir(phi), 0.4))) };
  };

  // 4a. Bends that keep arrows clear of places and names they do not connect.
  const obstacles = () => taken;
  const hits = (a: Arrow) => {
    let n = 0;
    for (const p of a.line.slice(1, -1)) {
      for (const t of obstacles()) {
        if (t.owner === a.from.id || t.owner === a.to.id) continue;
        if (rectDistance(p, t.rect) < rules.nodeClearance) n++;
      }
    }
    return n;
  };
  /** Past this many arrows, the costlier repairs (bends around names, pickability) are left out. */
  const many = arrows.length > 48;
  for (const group of many ? [] : groups) {
    const base = laneBase(group);
    let best = { offset: 0, score: Infinity };
    for (const offset of [0, 12, -12, 24, -24, 36, -36, 50, -50, 70, -70]) {
      let score = 0;
      for (const [i, a] of group.entries()) {
        a.s = base[i]! + canonical(a) * offset;
        build(a, [roughEnd(a, true), roughEnd(a, false)]);
        score += hits(a);
      }
      // A point passing by a name costs what 12 px more bend does: a detour, not a hook.
      score = score * 12 + Math.abs(offset);
      if (score < best.score) best = { offset, score };
      if (score === 0) break;
    }
    group.forEach((a, i) => (a.s = base[i]! + canonical(a) * best.offset));
  }

  // 4b. Ends spread around each place, in the order of their directions.
  /** Extra room asked for between two ends found too close once drawn, by node and ends. */
  const boost = new Map<string, number>();
  const endKey = (n: Node, e: End, f: End) =>
    `${n.id}|${e.arrow.index}${e.start ? 's' : 'e'}|${f.arrow.index}${f.start ? 's' : 'e'}`;
  const spread = () => {
    for (const n of nodes.values()) n.ends = [];
    for (const a of arrows) {
      a.ends = [null, null];
      for (const start of [true, false]) {
        const n = start ? a.from : a.to;
        if (!n.c) continue;
        const phi = phiOf(a, start);
        const end: End = { arrow: a, start, phi, t: tOf(n, phi), port: [0, 0], d: [1, 0] };
        n.ends.push(end);
        a.ends[start ? 0 : 1] = end;
      }
    }
    for (const n of nodes.values()) {
      if (!n.c || !n.ends.length) continue;
      const ends = n.ends.sort(
        (x, y) => wrap(x.t) - wrap(y.t) || x.arrow.s - y.arrow.s || x.arrow.index - y.arrow.index,
      );
      const R = rules.fanDistance;
      // How fast two ends part, per unit of the outline's parameter (its length over 2π): along
      // the outline, and `R` out, as their directions (six tenths its normal) turn round a corner.
      const perimeter = outlinePerimeter(n);
      const speed = () => perimeter / TAU;
      const rate = (t: number) => speed() * (1 + 0.6 * R * outlineAt(n, t).curvature);
      const count = ends.length;
      // What each gap (an end and the next) asks for: apart out there, and on the ellipse.
      const fan = ends.map((e, i) => rules.fanGap * (boost.get(endKey(n, e, ends[(i + 1) % count]!)) ?? 1));
      const onNode = ends.map((e, i) => {
        const f = ends[(i + 1) % count]!;
        return !e.start && !f.start ? Math.max(e.arrow.head.width, f.arrow.head.width) + 2 : 7;
      });
      const ts = ends.map((e) => wrap(e.t));
      const preferred = [...ts];
      if (count > 1) {
        const rounds = count > 40 ? 100 : 300;
        for (let round = 0; round < rounds; round++) {
          let moved = false;
          const needs = ts.map((t, i) => Math.max(fan[i]! / rate(t), onNode[i]! / speed()));
          const total = needs.reduce((s, v) => s + v, 0);
          const k = total > TAU * 0.98 ? (TAU * 0.98) / total : 1;
          // Positions stay in their order round the outline: a gap is the signed step to the
          // next end (the last one's, round to the first), so one pushed past its neighbour is
          // pushed back.
          for (let i = 0; i < count; i++) {
            const j = (i + 1) % count;
            const gap = j > 0 ? ts[j]! - ts[i]! : ts[0]! + TAU - ts[i]!;
            const deficit = needs[i]! * k - gap;
            if (deficit > 1e-4) {
              ts[i] = ts[i]! - deficit / 2;
              ts[j] = ts[j]! + deficit / 2;
              moved = true;
            }
          }
          if (round < rounds / 2)
            for (let i = 0; i < count; i++) ts[i] = ts[i]! + 0.02 * angleDelta(preferred[i]!, ts[i]!);
          else if (!moved) break;
        }
      }
      ends.forEach((e, i) => {
        e.t = ts[i]!;
        e.port = ellipsePoint(n, e.t);
        e.d = unit(add(mul(ellipseNormal(n, e.t), 0.6), mul(dir(e.phi), 0.4)));
      });
    }
  };
  const endsOf = (a: Arrow): [End | null, End | null] => a.ends;
  /** How long an arrow is as drawn (its line, to where its head starts). */
  const drawnLength = (a: Arrow) => a.length - a.back;
  /** The point of an arrow as drawn `reach` from one of its ends. */
  const outPoint = (e: End, reach: number): P => {
    const a = e.arrow;
    const at = e.start ? reach : drawnLength(a) - reach;
    let i = 1;
    while (i < a.cum.length - 1 && a.cum[i]! < at) i++;
    const [l0, l1] = [a.cum[i - 1]!, a.cum[i]!];
    const k = l1 > l0 ? (at - l0) / (l1 - l0) : 0;
    const [p, q] = [a.line[i - 1]!, a.line[i]!];
    return [p[0] + (q[0] - p[0]) * k, p[1] + (q[1] - p[1]) * k];
  };
  /**
   * How far apart two arrows sharing a place are `fanDistance` from it (or half the shorter one's
   * length, if that is less), as drawn.
   */
  const apart = (e: End, f: End) => {
    const reach = Math.min(rules.fanDistance, drawnLength(e.arrow) / 2, drawnLength(f.arrow) / 2);
    return len(sub(outPoint(e, reach), outPoint(f, reach)));
  };
  for (let round = 0; round < 8; round++) {
    spread();
    for (const a of arrows) build(a, endsOf(a));
    if (round === 7 || many) break;
    let tight = false;
    for (const n of nodes.values()) {
      const ends = n.ends;
      const count = ends.length;
      if (count < 2) continue;

      // Every pair, not only neighbours: arrows can close in past one between them. The room
      // asked for goes to the gaps on the shorter way round between the two.
      for (let i = 0; i < count; i++) {
        for (let j = i + 1; j < (count <= 24 ? count : Math.min(count, i + 2)); j++) {
          const gap = apart(ends[i]!, ends[j]!);
          if (gap >= rules.fanGap - 0.5) continue;
          tight = true;
          const forward = j - i <= count - (j - i);
          const steps = forward ? j - i : count - (j - i);
          const factor = Math.min(2.5, (rules.fanGap / Math.max(1, gap)) * 1.1) ** (1 / steps);
          for (let k = 0; k < steps; k++) {
            const a = forward ? i + k : (j + k) % count;
            const key = endKey(n, ends[a]!, ends[(a + 1) % count]!);
            boost.set(key, Math.min(4, (boost.get(key) ?? 1) * factor));
          }
        }
      }
    }
    if (!tight) break;
  }

  // 4c. Every claim keeps a point 12 px clear of other claims' arrows: bend one of its arrows more.
  const inView = (p: P) => pointIn(p, { x0: 4, y0: 4, x1: size.width - 4, y1: size.height - 4 });
  /**
   * How far the claim's most isolated point (on its arrows, in view) is from other claims'
   * arrows, up to `cap`: past it, nothing more is looked at.
   */
  const clearance = (claimId: string, cap = 30) => {
    let best = 0;
    const others = arrows.filter((o) => o.src.claimId !== claimId);
    for (const a of arrows) {
      if (a.src.claimId !== claimId) continue;
      for (const p of a.line) {
        if (!inView(p)) continue;
        let clear = cap;
        for (const o of others) {
          if (rectDistance(p, o.bounds) >= clear) continue;
          for (let i = 1; i < o.line.length && clear > best; i++)
            clear = Math.min(clear, segmentDistance(p, o.line[i - 1]!, o.line[i]!));
          if (clear <= best) break;
        }
        best = Math.max(best, clear);
        if (best >= cap) return best;
      }
    }
    return best;
  };
  const fanAt = (a: Arrow) => {
    let worst = Infinity;
    for (const [n, start] of [
      [a.from, true],
      [a.to, false],
    ] as const) {
      if (!n.c) continue;
      const mine = a.ends[start ? 0 : 1];
      if (!mine) continue;
      for (const e of n.ends) if (e.arrow !== a) worst = Math.min(worst, apart(mine, e));
    }
    return worst;
  };
  if (!many) {
    const claimIds = [...new Set(arrows.map((a) => a.src.claimId))];
    for (let pass = 0; pass < 2; pass++) {
      for (const id of claimIds) {
        if (clearance(id, rules.pickClearance) >= rules.pickClearance) continue;
        const before = new Map(claimIds.map((c) => [c, clearance(c, rules.pickClearance) >= rules.pickClearance]));
        let best: { arrow: Arrow; s: number; score: number } | null = null;
        for (const a of arrows.filter((x) => x.src.claimId === id)) {
          const s0 = a.s;
          const base = { hits: hits(a), fan: fanAt(a) };
          for (const delta of [10, -10, 20, -20, 30, -30, 45, -45, 60, -60]) {
            a.s = s0 + delta;
            for (const e of endsOf(a))
              if (e)
                e.d = unit(
                  add(mul(ellipseNormal(e.start ? a.from : a.to, e.t), 0.6), mul(dir(phiOf(a, e.start)), 0.4)),
                );
            build(a, endsOf(a));
            const mine = clearance(id);
            const broken = claimIds.some(
              (c) => c !== id && before.get(c) && clearance(c, rules.pickClearance) < rules.pickClearance,
            );
            const fan = fanAt(a);
            if (broken || hits(a) > base.hits || (fan < rules.fanGap - 2 && fan < base.fan)) continue;
            const score = (mine >= rules.pickClearance ? 0 : 1000 - mine) + Math.abs(delta) / 10;
            if (!best || score < best.score) best = { arrow: a, s: a.s, score };
          }
          a.s = s0;
          for (const e of endsOf(a))
            if (e)
              e.d = unit(add(mul(ellipseNormal(e.start ? a.from : a.to, e.t), 0.6), mul(dir(phiOf(a, e.start)), 0.4)));
          build(a, endsOf(a));
        }
        if (best && best.score < 1000) {
          const a = best.arrow;
          a.s = best.s;
          for (const e of endsOf(a))
            if (e)
              e.d = unit(add(mul(ellipseNormal(e.start ? a.from : a.to, e.t), 0.6), mul(dir(phiOf(a, e.start)), 0.4)));
          build(a, endsOf(a));
        }
      }
    }
  }

  // 4d. Heads clear of other claims' heads and of other places' names and badges: an end whose
  // head would cover one moves along its place's outline, as far as its neighbours leave room.
  const headTriangle = (a: Arrow): P[] => {
    const tip = a.curve[3];
    const u = unit(sub(tip, a.curve[2]));
    const base = sub(tip, mul(u, a.head.length));
    const side: P = [(-u[1] * a.head.width) / 2, (u[0] * a.head.width) / 2];
    return [tip, add(base, side), sub(base, side)];
  };
  const headConflicts = (a: Arrow) => {
    if (!a.to.c) return 0;
    const tri = headTriangle(a);
    let count = 0;
    for (const t of taken) if (rectHitsTriangle(grow(t.rect, 1), tri)) count++;
    for (const o of arrows)
      if (o !== a && o.src.claimId !== a.src.claimId && o.to.c && trianglesMeet(tri, headTriangle(o))) count++;
    return count;
  };
  const direct = (a: Arrow, e: End) => {
    e.port = ellipsePoint(e.start ? a.from : a.to, e.t);
    e.d = unit(add(mul(ellipseNormal(e.start ? a.from : a.to, e.t), 0.6), mul(dir(e.phi), 0.4)));
  };
  if (!many) {
    for (let pass = 0; pass < 3; pass++) {
      let changed = false;
      for (const a of arrows) {
        const e = a.ends[1];
        if (!e) continue;
        const before = headConflicts(a);
        if (!before) continue;
        const t0 = e.t;
        const fan0 = fanAt(a);
        let best = { t: t0, score: before * 100 };
        for (const step of [0.04, 0.08, 0.12, 0.16, 0.24, 0.32, 0.45, 0.6, 0.8, 1]) {
          for (const dt of [step, -step]) {
            e.t = t0 + dt;
            direct(a, e);
            build(a, a.ends);
            const fan = fanAt(a);
            if (fan < Math.min(fan0, rules.fanGap) - 0.5) continue;
            const score = headConflicts(a) * 100 + Math.abs(dt);
            if (score < best.score) best = { t: e.t, score };
          }
        }
        e.t = best.t;
        direct(a, e);
        build(a, a.ends);
        if (best.t !== t0) changed = true;
      }
      if (!changed) break;
    }
  }
  for (const a of arrows) {
    if (!a.to.c) continue;
    const tri = headTriangle(a);
    const xs = tri.map((q) => q[0]);
    const ys = tri.map((q) => q[1]);
    taken.push({
      rect: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
      owner: `head:${a.to.id}`,
    });
  }

  // --- 5. Edge labels where arrows leave the map towards a place off it.
  const edgeFrame: Rect = { x0: 1, y0: 1, x1: size.width - 1, y1: size.height - 1 };
  const arrowPoints = arrows.flatMap((a) => a.line);
  const crossedByArrows = (r: Rect) => {
    const g = grow(r, 1);
    return arrowPoints.some((p) => pointIn(p, g));
  };
  const exits: { node: Node; arrow: Arrow; at: P }[] = [];
  for (const a of arrows) {
    for (const [n, start] of [
      [a.from, true],
      [a.to, false],
    ] as const) {
      if (n.c) continue;
      const line = start ? a.line : [...a.line].reverse();
      const fine = start ? sample(a.curve, 96) : sample(a.curve, 96).reverse();
      const entry = fine.find((p) => pointIn(p, edgeFrame));
      if (!entry || !line.length) continue;
      exits.push({ node: n, arrow: a, at: entry });
    }
  }
  const used = new Set<number>();
  exits.forEach((e, i) => {
    if (used.has(i)) return;
    const group = exits.filter((f, j) => !used.has(j) && f.node === e.node && len(sub(f.at, e.at)) < 60);
    group.forEach((f) => used.add(exits.indexOf(f)));
    const at: P = mul(
      group.reduce<P>((s, f) => add(s, f.at), [0, 0]),
      1 / group.length,
    );
    const text = textOf(e.node.place);
    const [tw, th] = nameSize(text, 'place', scale);
    const pointer = EDGE_LABEL.pointer * scale;
    const w = tw + pointer + 3 * EDGE_LABEL.padding;
    const h = th;
    const towards = unit(sub(e.node.far, at));
    // Along the edge it leaves by, beside the arrows.
    const alongEdge: P = Math.abs(towards[0]) > Math.abs(towards[1]) ? [0, 1] : [1, 0];
    const inward: P = mul(towards, -1);
    const candidates: P[] = [];
    for (const k of [0.5, -0.5, 1, -1, 1.6, -1.6, 2.4, -2.4]) {
      const sideways = mul(alongEdge, k * (Math.abs(alongEdge[0]) ? w : h) + Math.sign(k) * 8);
      candidates.push(add(add(at, sideways), mul(inward, (Math.abs(alongEdge[0]) ? h : w) / 2 + 2)));
    }
    const rectAt = (c: P) => centred(c, w, h);
    const fits = (c: P) => inMap(rectAt(c)) && free(rectAt(c)) && !crossedByArrows(rectAt(c));
    let c = candidates.find(fits) ?? candidates.find((q) => inMap(rectAt(q)) && free(rectAt(q)));
    if (!c) {
      const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
      c = [clamp(at[0], map.x0 + w / 2, map.x1 - w / 2), clamp(at[1], map.y0 + h / 2, map.y1 - h / 2)];
    }
    const box = rectAt(c);
    taken.push({ rect: box, owner: `edge:${e.node.id}` });
    const heading = (Math.atan2(towards[0], -towards[1]) * 180) / Math.PI;
    // The pointer sits at the end of the label nearer the place's side.
    const pointerLeft = towards[0] < -0.3;
    const pointerX = pointerLeft
      ? box.x0 + EDGE_LABEL.padding + pointer / 2
      : box.x1 - EDGE_LABEL.padding - pointer / 2;
    const textX = pointerLeft ? box.x0 + 2 * EDGE_LABEL.padding + pointer : box.x0 + EDGE_LABEL.padding;
    edges.push({
      text,
      place: e.node.id,
      claimIds: [...new Set(group.map((f) => f.arrow.src.claimId))],
      at: toWorld(c),
      box: [box.x0 - c[0], box.y0 - c[1], box.x1 - c[0], box.y1 - c[1]],
      tx: textX - c[0],
      ty: h * 0.3,
      pointer: { dx: pointerX - c[0], dy: 0, angle: Math.round(((heading + 360) % 360) * 10) / 10 },
    });
  });

  // --- 6. Heads, and the lines ending where they start.
  const laidArrows: LaidArrow[] = arrows.map((a) => {
    const p3 = a.curve[3];
    // The line stops under its head (at four fifths of the smallest head it is drawn with), or at
    // the tip of an open one; the head points from where the line stops to the tip.
    const back = a.back;
    const total = a.length;
    const t = total > back * 2 ? findT(a.curve, total - back) : 1;
    const line = t < 1 ? cubicHead(a.curve, t) : a.curve;
    const tangent = unit(sub(p3, t < 1 ? line[3] : a.curve[2]));
    const angle = Math.round((((Math.atan2(tangent[0], -tangent[1]) * 180) / Math.PI + 360) % 360) * 10) / 10;
    return {
      ...claimFields(a.src),
      from: a.src.from,
      to: a.src.to,
      curve: line.map(toWorld) as LaidArrow['curve'],
      tip: toWorld(p3),
      angle,
    };
  });

  // --- 7. Cities: their names beside their dots, and markers around them.
  const arrowHitsBox = (r: Rect) => arrows.some((a) => a.line.some((p) => pointIn(p, r)));
  for (const node of nodes.values()) {
    if (!node.c || !drawnAtDot(node.place.kind)) continue;
    placeCity(node.c, textOf(node.place), node.id, 'story');
    const markers = src.symbols.filter((s) => !s.badge && s.place === node.id);
    const directions = node.ends.map((e) => angleOf(e.d));
    let slot = 0;
    for (const m of markers) {
      for (; slot < 16; slot++) {
        const angle = -Math.PI / 2 + (slot * Math.PI) / 4 + (slot >= 8 ? Math.PI / 8 : 0);
        const ring = slot >= 8 ? MARKER.ring + 10 : MARKER.ring;
        const at = add(node.c, mul(dir(angle), ring));
        const rect = centred(at, 2 * MARKER.radius + 2, 2 * MARKER.radius + 2);
        const clearOfArrows = directions.every((d) => Math.abs(angleDelta(d, angle)) > 0.5);
        if (inMap(rect) && free(rect, node.id) && clearOfArrows && !arrowHitsBox(rect)) {
          symbols.push({ ...claimFields(m), at: toWorld(at), place: node.id, badge: false, r: MARKER.radius });
          taken.push({ rect, owner: null });
          slot++;
          break;
        }
      }
    }
  }
  function placeCity(at: P, text: string, owner: string, rank: LaidName['rank']): boolean {
    const [tw, th] = nameSize(text, 'place', scale);
    const positions = [
      { dx: 6, dy: 14, anchor: 'start' as const },
      { dx: 6, dy: -6, anchor: 'start' as const },
      { dx: -6, dy: 14, anchor: 'end' as const },
      { dx: -6, dy: -6, anchor: 'end' as const },
    ];
    for (const p of positions) {
      const [dx, dy] = [p.dx * scale, p.dy * scale];
      const x0 = p.anchor === 'start' ? at[0] + dx : at[0] + dx - tw;
      const rect: Rect = { x0, x1: x0 + tw, y0: at[1] + dy - th * 0.75, y1: at[1] + dy + th * 0.25 };
      if (!inMap(rect) || !free(rect, owner) || arrowHitsBox(rect)) continue;
      taken.push({ rect, owner: `name:${owner}` });
      names.push({ text, style: 'place', at: toWorld(at), dx, dy, anchor: p.anchor, dot: true, rank });
      return true;
    }
    return false;
  }

  // --- 8. Other names, where room is left: places the data asks to name, then countries by size.
  for (const id of src.extraPlaces) {
    const place = src.places.get(id)!;
    const at = px(place.coordinates);
    if (!pointIn(at, map)) continue;
    const dot = centred(at, 8, 8);
    if (!free(dot) || arrowHitsBox(grow(dot, 2))) continue;
    taken.push({ rect: dot, owner: id });
    if (!placeCity(at, textOf(place), id, 'context')) taken.pop();
  }
  const named = new Set(names.filter((n) => n.style === 'country').map((n) => n.text));
  for (const [id, country] of contextCountries(src)) {
    if (!country.label || named.has(country.name) || src.storyCountries.includes(id)) continue;
    const at = px(country.label);
    const box = nameBox(country.name, 'country', at);
    if (!inMap(box) || !free(grow(box, 2)) || arrowHitsBox(grow(box, 2))) continue;
    taken.push({ rect: box, owner: `country:${id}` });
    names.push({
      text: country.name,
      style: 'country',
      at: toWorld(at),
      dx: 0,
      dy: 0,
      anchor: 'middle',
      dot: false,
      rank: 'context',
    });
  }

  return { view, size, requested, scale, arrows: laidArrows, symbols, names, edges };
}

/** Whether a point is inside a triangle (either winding). */
function inTriangle(p: P, [a, b, c]: P[]): boolean {
  const cross = (o: P, u: P, v: P) => (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0]);
  const [d1, d2, d3] = [cross(p, a!, b!), cross(p, b!, c!), cross(p, c!, a!)];
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** A triangle's corners, the middles of its sides and its centre: enough to tell what it covers. */
function trianglePoints(t: P[]): P[] {
  const [a, b, c] = t as [P, P, P];
  const mid = (u: P, v: P): P => [(u[0] + v[0]) / 2, (u[1] + v[1]) / 2];
  return [a, b, c, mid(a, b), mid(b, c), mid(c, a), [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3]];
}

function rectHitsTriangle(r: Rect, tri: P[]): boolean {
  const inRect = ([x, y]: P) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
  if (trianglePoints(tri).some(inRect)) return true;
  const corners: P[] = [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x0, r.y1],
    [r.x1, r.y1],
  ];
  return corners.some((c) => inTriangle(c, tri));
}

function trianglesMeet(a: P[], b: P[]): boolean {
  return trianglePoints(a).some((p) => inTriangle(p, b)) || trianglePoints(b).some((p) => inTriangle(p, a));
}

/** The length of a node's outline. */
function outlinePerimeter(n: { a: number; b: number; r: number }): number {
  return 4 * (n.a - n.r) + 4 * (n.b - n.r) + TAU * n.r;
}

/**
 * The point of a node's outline at parameter `t` (0 to 2π along it, from its east end, clockwise
 * on screen), its outward normal, and its curvature (0 along the sides, 1/r round the corners).
 */
function outlineAt(
  n: { c: P | null; a: number; b: number; r: number },
  t: number,
): { p: P; normal: P; curvature: number } {
  const [cx, cy] = n.c!;
  const r = n.r;
  const [ex, ey] = [n.a - r, n.b - r];
  const quarter = (r * Math.PI) / 2;
  let s = (wrap(t) / TAU) * outlinePerimeter(n);
  const side = (x: number, y: number, nx: number, ny: number) => ({
    p: [cx + x, cy + y] as P,
    normal: [nx, ny] as P,
    curvature: 0,
  });
  const corner = (ox: number, oy: number, start: number, d: number) => {
    const angle = start + d / (r || 1);
    const [nx, ny] = [Math.cos(angle), Math.sin(angle)];
    return { p: [cx + ox + nx * r, cy + oy + ny * r] as P, normal: [nx, ny] as P, curvature: 1 / (r || 1) };
  };
  // Round from the east end, clockwise on screen: sides and quarter circles in turn.
  if (s <= ey) return side(n.a, s, 1, 0);
  s -= ey;
  if (s <= quarter) return corner(ex, ey, 0, s);
  s -= quarter;
  if (s <= 2 * ex) return side(ex - s, n.b, 0, 1);
  s -= 2 * ex;
  if (s <= quarter) return corner(-ex, ey, Math.PI / 2, s);
  s -= quarter;
  if (s <= 2 * ey) return side(-n.a, ey - s, -1, 0);
  s -= 2 * ey;
  if (s <= quarter) return corner(-ex, -ey, Math.PI, s);
  s -= quarter;
  if (s <= 2 * ex) return side(-ex + s, -n.b, 0, -1);
  s -= 2 * ex;
  if (s <= quarter) return corner(ex, -ey, (3 * Math.PI) / 2, s);
  s -= quarter;
  return side(n.a, -ey + Math.min(s, ey), 1, 0);
}

function claimFields(c: LaidClaim): LaidClaim {
  return { claimId: c.claimId, kind: c.kind, look: c.look, modality: c.modality };
}

/** The signed smallest turn from `from` to `to`, in radians. */
function angleDelta(to: number, from: number): number {
  return ((((to - from) % TAU) + 3 * Math.PI) % TAU) - Math.PI;
}

/** The parameter at which a cubic has run `distance` px from its start. */
function findT(curve: Cubic, distance: number): number {
  const n = 64;
  let sum = 0;
  let prev = curve[0];
  for (let i = 1; i <= n; i++) {
    const p = cubicAt(curve, i / n);
    const step = len(sub(p, prev));
    if (sum + step >= distance) return (i - 1 + (distance - sum) / (step || 1)) / n;
    sum += step;
    prev = p;
  }
  return 1;
}

/** The part of a country in view, in pixels, as rings: null when none of it is. */
function visibleParts(src: LayoutSource, id: string, px: (ll: LonLat) => P, map: Rect): P[][] {
  const country = src.countries.get(id);
  if (!country) return [];
  if (!country.rings) {
    const geometry = src.geography.objects.countries.geometries.find((g) => String(g.id) === id);
    if (!geometry) return [];
    const shape = (feature(src.geography, geometry) as Feature<Polygon | MultiPolygon>).geometry;
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    country.rings = polygons.flatMap((polygon) => polygon.map((ring) => ring as LonLat[]));
  }
  // Clip each ring, projected and thinned to a pixel, to the map; keep the pieces big enough to name.
  const pieces: P[][] = [];
  for (const ring of country.rings) {
    const projected: P[] = [];
    for (const ll of ring) {
      const p = px(ll);
      const last = projected[projected.length - 1];
      if (!last || Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) > 3) projected.push(p);
    }
    const clipped = clipRing(projected, map);
    if (clipped.length >= 3 && Math.abs(ringArea(clipped)) > 200) pieces.push(clipped);
  }
  return pieces;
}

/** Countries by area, largest first (computed once). */
function contextCountries(src: LayoutSource): [string, CountryInfo][] {
  const list = [...src.countries.entries()];
  for (const [id, c] of list) {
    if (c.area !== undefined) continue;
    const geometry = src.geography.objects.countries.geometries.find((g) => String(g.id) === id)!;
    c.area = geoArea(feature(src.geography, geometry));
  }
  return list.sort((a, b) => b[1].area! - a[1].area!);
}
