/**
 * The working parts of a layout in progress, and their geometry: a node (a place arrows attach
 * to: its name's or its dot's box, and the outline round it that arrows end on), an arrow (its
 * bend, its curve in pixels, sampled) and an arrow's end at a node (where on the outline, and the
 * direction it leaves in). Names are placed first (`names.ts`) and make the nodes; the
 * arrow steps (`arrows.ts`, `fan.ts`) shape, bend and spread the rest.
 */
import type { Place } from '../story/types.ts';
import { LAYOUT_RULES } from '../symbology/sizes.ts';
import { drawnAtDot } from '../symbology/places.ts';
import { add, angleDelta, angleOf, boundsOf, dir, len, mul, sample, sub, TAU, unit, wrap } from './plane.ts';
import type { Cubic, P, Rect } from './plane.ts';
import type { SourceArrow } from './source.ts';

/** A place arrows start or end at, in the view: a name (a country, a region) or a city's dot. */
export interface Node {
  id: string;
  place: Place;
  /** Its centre in the view, or null when it is off the map. */
  centre: P | null;
  /** Where its coordinates are, in the view (off the map too). */
  far: P;
  /**
   * The outline arrows end on: a rectangle around the name (and its badges) reaching `halfWidth`
   * and `halfHeight` from its centre, corners rounded by `cornerRadius` (a stadium round a name, a
   * circle round a city's dot), so that every end is a few pixels from the name.
   */
  halfWidth: number;
  halfHeight: number;
  cornerRadius: number;
  /** The outline by direction from the centre: where on it (`along`) each degree meets it. */
  byDirection: { along: number; angle: number }[];
  /** The name's box (a country, a region), or the dot's (a city). */
  box: Rect | null;
  ends: End[];
}

export interface End {
  arrow: Arrow;
  start: boolean;
  /** The direction the arrow would leave in (radians), and where on the outline it goes (0 to 2π). */
  heading: number;
  along: number;
  /** The point on the outline it leaves from, and the direction it leaves in (a unit vector). */
  port: P;
  direction: P;
}

export interface Arrow {
  source: SourceArrow;
  index: number;
  from: Node;
  to: Node;
  /** Signed bulge from the chord, to the right of travel, in pixels. */
  bulge: number;
  head: { length: number; width: number };
  curve: Cubic;
  /** The curve, sampled, the length run at each sample, its length and its bounds. */
  line: P[];
  distances: number[];
  length: number;
  bounds: Rect;
  /**
   * How far the drawn line stops short of the tip: under its head (four fifths of the smallest
   * head it is drawn with), or at the tip of an open head.
   */
  stopShort: number;
  /** Its ends around the places it links, once spread (null off the map). */
  ends: [End | null, End | null];
}

/** Samples of each arrow kept while the layout works: enough to measure 24 px along it to a few tenths of a pixel. */
const FINE = 32;

// ---------------------------------------------------------------------------------------------
// A node's outline

/** An outline's shape: a rectangle reaching so far from its centre, its corners rounded. */
type Outline = Pick<Node, 'halfWidth' | 'halfHeight' | 'cornerRadius'>;

/**
 * Fits a node's outline round its name (and badges), `nameGap` out, or round its dot; and
 * tabulates the outline by direction from its centre. A name's node is centred on its box.
 */
export function shapeOutline(node: Node): void {
  if (!node.centre || !node.box) return;
  const w = node.box.x1 - node.box.x0;
  const h = node.box.y1 - node.box.y0;
  const gap = LAYOUT_RULES.nameGap;
  if (!drawnAtDot(node.place.kind)) {
    node.centre = [(node.box.x0 + node.box.x1) / 2, (node.box.y0 + node.box.y1) / 2];
    node.halfWidth = w / 2 + gap;
    node.halfHeight = h / 2 + gap;
    node.cornerRadius = Math.min(node.halfHeight, 12);
  } else {
    node.halfWidth = node.halfHeight = node.cornerRadius = 6;
  }
  node.byDirection = Array.from({ length: 360 }, (_, i) => {
    const along = (i / 360) * TAU;
    return { along, angle: wrap(angleOf(sub(outlineAt(node, along).p, node.centre!))) };
  });
}

/** The length of a node's outline. */
export function outlinePerimeter(n: Outline): number {
  return 4 * (n.halfWidth - n.cornerRadius) + 4 * (n.halfHeight - n.cornerRadius) + TAU * n.cornerRadius;
}

/**
 * The point of a node's outline at parameter `t` (0 to 2π along it, from its east end, clockwise
 * on screen), its outward normal, and its curvature (0 along the sides, 1/r round the corners).
 */
export function outlineAt(n: Outline & { centre: P | null }, t: number): { p: P; normal: P; curvature: number } {
  const [cx, cy] = n.centre!;
  const r = n.cornerRadius;
  const [ex, ey] = [n.halfWidth - r, n.halfHeight - r];
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
  if (s <= ey) return side(n.halfWidth, s, 1, 0);
  s -= ey;
  if (s <= quarter) return corner(ex, ey, 0, s);
  s -= quarter;
  if (s <= 2 * ex) return side(ex - s, n.halfHeight, 0, 1);
  s -= 2 * ex;
  if (s <= quarter) return corner(-ex, ey, Math.PI / 2, s);
  s -= quarter;
  if (s <= 2 * ey) return side(-n.halfWidth, ey - s, -1, 0);
  s -= 2 * ey;
  if (s <= quarter) return corner(-ex, -ey, Math.PI, s);
  s -= quarter;
  if (s <= 2 * ex) return side(-ex + s, -n.halfHeight, 0, -1);
  s -= 2 * ex;
  if (s <= quarter) return corner(ex, -ey, (3 * Math.PI) / 2, s);
  s -= quarter;
  return side(n.halfWidth, -ey + Math.min(s, ey), 1, 0);
}

/** Where on a node's outline the ray from its centre towards `heading` meets it. */
export function alongOf(n: Node, heading: number): number {
  const want = wrap(heading);
  let best = n.byDirection[0]!;
  for (const row of n.byDirection)
    if (Math.abs(angleDelta(row.angle, want)) < Math.abs(angleDelta(best.angle, want))) best = row;
  return best.along;
}

// ---------------------------------------------------------------------------------------------
// An arrow's ends

/** Where an arrow is aimed at a node: its centre, or where its coordinates are when it is off the map. */
export const anchorOf = (n: Node) => n.centre ?? n.far;

/** The outgoing direction of an arrow at one of its ends, from its chord and bend. */
export function headingOf(a: Arrow, start: boolean): number {
  const [A, B] = [anchorOf(a.from), anchorOf(a.to)];
  const L = Math.max(1, len(sub(B, A)));
  // Ends leave at most about 40° off their chord: a tighter bend would hook round the place.
  const beta = Math.asin(Math.max(-0.65, Math.min(0.65, (4 * a.bulge) / L)));
  return start ? angleOf(sub(B, A)) + beta : angleOf(sub(A, B)) - beta;
}

/**
 * The direction an end leaves its node in, at `along` on its outline: six tenths the outline's
 * normal, four tenths the arrow's own direction `heading`.
 */
export function endDirection(n: Node, along: number, heading: number): P {
  return unit(add(mul(outlineAt(n, along).normal, 0.6), mul(dir(heading), 0.4)));
}

/** Puts an end at its place on its node's outline (`e.along`), leaving in its direction. */
export function settleEnd(n: Node, e: End): void {
  e.port = outlineAt(n, e.along).p;
  e.direction = endDirection(n, e.along, e.heading);
}

/** Where an end would be before ends are spread: on the outline, in its own direction. */
export function roughEnd(a: Arrow, start: boolean): End | null {
  const n = start ? a.from : a.to;
  if (!n.centre) return null;
  const heading = headingOf(a, start);
  const along = alongOf(n, heading);
  const port = outlineAt(n, along).p;
  return { arrow: a, start, heading, along, port, direction: endDirection(n, along, heading) };
}

// ---------------------------------------------------------------------------------------------
// An arrow's curve

/**
 * An arrow's curve from its ends' ports and directions (an end off the map: its place, in the
 * arrow's own direction); sampled, measured and bounded.
 */
export function setCurve(a: Arrow, ends: [End | null, End | null]): void {
  const [A, B] = [anchorOf(a.from), anchorOf(a.to)];
  const p0 = ends[0]?.port ?? A;
  const p3 = ends[1]?.port ?? B;
  const d0 = ends[0]?.direction ?? dir(headingOf(a, true));
  const d3 = ends[1]?.direction ?? dir(headingOf(a, false));
  const L = len(sub(p3, p0));
  const h = Math.max(4, L / 3);
  const full: Cubic = [p0, add(p0, mul(d0, h)), add(p3, mul(d3, h)), p3];
  a.curve = full;
  a.line = sample(full, FINE);
  a.distances = [0];
  for (let i = 1; i < a.line.length; i++) a.distances.push(a.distances[i - 1]! + len(sub(a.line[i]!, a.line[i - 1]!)));
  a.length = a.distances[a.distances.length - 1]!;
  a.bounds = boundsOf(a.line);
}

/** How long an arrow is as drawn (its line, to where its head starts). */
const drawnLength = (a: Arrow) => a.length - a.stopShort;

/** The point of an arrow as drawn `reach` from one of its ends. */
function outPoint(e: End, reach: number): P {
  const a = e.arrow;
  const at = e.start ? reach : drawnLength(a) - reach;
  let i = 1;
  while (i < a.distances.length - 1 && a.distances[i]! < at) i++;
  const [l0, l1] = [a.distances[i - 1]!, a.distances[i]!];
  const k = l1 > l0 ? (at - l0) / (l1 - l0) : 0;
  const [p, q] = [a.line[i - 1]!, a.line[i]!];
  return [p[0] + (q[0] - p[0]) * k, p[1] + (q[1] - p[1]) * k];
}

/**
 * How far apart two arrows sharing a place are `fanDistance` from it (or half the shorter one's
 * length, if that is less), as drawn.
 */
export function apart(e: End, f: End): number {
  const reach = Math.min(LAYOUT_RULES.fanDistance, drawnLength(e.arrow) / 2, drawnLength(f.arrow) / 2);
  return len(sub(outPoint(e, reach), outPoint(f, reach)));
}

/** The triangle an arrow's head covers, at the end of its curve. */
export function headTriangle(a: Arrow): P[] {
  const tip = a.curve[3];
  const u = unit(sub(tip, a.curve[2]));
  const base = sub(tip, mul(u, a.head.length));
  const side: P = [(-u[1] * a.head.width) / 2, (u[0] * a.head.width) / 2];
  return [tip, add(base, side), sub(base, side)];
}
