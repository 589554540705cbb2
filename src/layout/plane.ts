/**
 * Plane geometry in a view's pixels, for the layout (`index.ts`): vectors and angles,
 * axis-aligned rectangles, cubic Bézier curves, clipping a ring to a rectangle, and triangles (an
 * arrow's head). It decides nothing about a map; y grows downwards, so angles turn clockwise on
 * screen.
 */

/** A point (or a vector) in the view's pixels. */
export type P = [number, number];

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// ---------------------------------------------------------------------------------------------
// Vectors and angles

export const add = (a: P, b: P): P => [a[0] + b[0], a[1] + b[1]];
export const sub = (a: P, b: P): P => [a[0] - b[0], a[1] - b[1]];
export const mul = (a: P, k: number): P => [a[0] * k, a[1] * k];
export const len = (a: P) => Math.hypot(a[0], a[1]);
export const unit = (a: P): P => {
  const l = len(a);
  return l > 1e-9 ? [a[0] / l, a[1] / l] : [1, 0];
};
/** The unit vector at `angle` (radians, clockwise on screen from east). */
export const dir = (angle: number): P => [Math.cos(angle), Math.sin(angle)];
export const angleOf = (a: P) => Math.atan2(a[1], a[0]);
export const TAU = 2 * Math.PI;
/** An angle brought into [0, 2π). */
export const wrap = (a: number) => ((a % TAU) + TAU) % TAU;

/** The signed smallest turn from `from` to `to`, in radians. */
export function angleDelta(to: number, from: number): number {
  return ((((to - from) % TAU) + 3 * Math.PI) % TAU) - Math.PI;
}

// ---------------------------------------------------------------------------------------------
// Rectangles

export const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
export const grow = (r: Rect, by: number): Rect => ({ x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by });
export const centred = ([x, y]: P, w: number, h: number): Rect => ({
  x0: x - w / 2,
  y0: y - h / 2,
  x1: x + w / 2,
  y1: y + h / 2,
});
export const union = (a: Rect, b: Rect): Rect => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
});
export const pointIn = ([x, y]: P, r: Rect) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
/** How far a point is from a rectangle (0 inside it). */
export const rectDistance = ([x, y]: P, r: Rect) =>
  Math.hypot(Math.max(r.x0 - x, 0, x - r.x1), Math.max(r.y0 - y, 0, y - r.y1));
/** The gap between two rectangles along the axis they are furthest apart on (negative if they overlap). */
export const rectGap = (a: Rect, b: Rect) => Math.max(a.x0 - b.x1, b.x0 - a.x1, a.y0 - b.y1, b.y0 - a.y1);

/** How far a point is from the segment `a`–`b`. */
export function segmentDistance(p: P, a: P, b: P): number {
  const ab = sub(b, a);
  const l2 = ab[0] * ab[0] + ab[1] * ab[1];
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / l2)) : 0;
  return len(sub(p, add(a, mul(ab, t))));
}

// ---------------------------------------------------------------------------------------------
// Cubic Bézier curves

export type Cubic = [P, P, P, P];

export function cubicAt([p0, p1, p2, p3]: Cubic, t: number): P {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

/** `n + 1` points evenly spaced in the curve's parameter, from its start to its end. */
export function sample(curve: Cubic, n: number): P[] {
  return Array.from({ length: n + 1 }, (_, i) => cubicAt(curve, i / n));
}

/** The part of a cubic from its start to `t` (de Casteljau). */
export function cubicHead([p0, p1, p2, p3]: Cubic, t: number): Cubic {
  const lerp = (a: P, b: P): P => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const [a, b, c] = [lerp(p0, p1), lerp(p1, p2), lerp(p2, p3)];
  const [d, e] = [lerp(a, b), lerp(b, c)];
  return [p0, a, d, lerp(d, e)];
}

/** The parameter at which a cubic has run `distance` px from its start. */
export function findT(curve: Cubic, distance: number): number {
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

// ---------------------------------------------------------------------------------------------
// Rings

/** Clips a ring to a rectangle (Sutherland–Hodgman). */
export function clipRing(ring: P[], r: Rect): P[] {
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

/** A ring's signed area (shoelace). */
export function ringArea(ring: P[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

/** Whether a point is inside polygon rings (even-odd). */
export function insideRings(p: P, rings: P[][]): boolean {
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
// Triangles

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

export function rectHitsTriangle(r: Rect, tri: P[]): boolean {
  if (trianglePoints(tri).some((p) => pointIn(p, r))) return true;
  const corners: P[] = [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x0, r.y1],
    [r.x1, r.y1],
  ];
  return corners.some((c) => inTriangle(c, tri));
}

export function trianglesMeet(a: P[], b: P[]): boolean {
  return trianglePoints(a).some((p) => inTriangle(p, b)) || trianglePoints(b).some((p) => inTriangle(p, a));
}

/** The bounds of a set of points. */
export function boundsOf(points: P[]): Rect {
  const xs = points.map((q) => q[0]);
  const ys = points.map((q) => q[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
