/**
 * The layout's plane geometry (`layout/plane.ts`), on cases worked by hand: the layout leans on
 * these to keep names inside countries, to cut an arrow's line under its head and to keep heads
 * apart, so a wrong sign or bound here shows on the map.
 */
import { describe, expect, it } from 'vitest';
import {
  angleDelta,
  clipRing,
  cubicAt,
  cubicHead,
  findT,
  insideRings,
  rectGap,
  rectHitsTriangle,
  ringArea,
  segmentDistance,
  trianglesMeet,
  type Cubic,
  type P,
} from '../../../src/layout/plane';

describe('plane geometry', () => {
  it('turns the short way round', () => {
    expect(angleDelta(0.1, 2 * Math.PI - 0.1)).toBeCloseTo(0.2, 12);
    expect(angleDelta(2 * Math.PI - 0.1, 0.1)).toBeCloseTo(-0.2, 12);
    expect(angleDelta(Math.PI / 2, 0)).toBeCloseTo(Math.PI / 2, 12);
  });

  it('measures gaps between rectangles and distances to segments', () => {
    const a = { x0: 0, y0: 0, x1: 10, y1: 10 };
    expect(rectGap(a, { x0: 14, y0: 2, x1: 20, y1: 8 })).toBe(4);
    expect(rectGap(a, { x0: 5, y0: 5, x1: 20, y1: 20 })).toBeLessThan(0);
    expect(segmentDistance([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(segmentDistance([13, 4], [0, 0], [10, 0])).toBe(5);
  });

  it('clips a ring to a rectangle, keeping the part inside', () => {
    const square: P[] = [
      [-10, -10],
      [10, -10],
      [10, 10],
      [-10, 10],
    ];
    const clipped = clipRing(square, { x0: 0, y0: 0, x1: 20, y1: 20 });
    expect(Math.abs(ringArea(clipped))).toBeCloseTo(100, 9);
    expect(clipRing(square, { x0: 30, y0: 30, x1: 40, y1: 40 })).toEqual([]);
    expect(insideRings([5, 5], [clipped])).toBe(true);
    expect(insideRings([-5, 5], [clipped])).toBe(false);
  });

  it('finds where a curve has run a distance, and cuts it there', () => {
    const straight: Cubic = [
      [0, 0],
      [10, 0],
      [20, 0],
      [30, 0],
    ];
    const t = findT(straight, 12);
    expect(cubicAt(straight, t)[0]).toBeCloseTo(12, 6);
    const head = cubicHead(straight, t);
    expect(head[0]).toEqual([0, 0]);
    expect(head[3][0]).toBeCloseTo(12, 6);
    expect(findT(straight, 100)).toBe(1);
  });

  it('tells when a head covers a box or another head', () => {
    const tri: P[] = [
      [0, 0],
      [10, 0],
      [0, 10],
    ];
    expect(rectHitsTriangle({ x0: 1, y0: 1, x1: 2, y1: 2 }, tri)).toBe(true);
    expect(rectHitsTriangle({ x0: 8, y0: 8, x1: 12, y1: 12 }, tri)).toBe(false);
    expect(rectHitsTriangle({ x0: -1, y0: -1, x1: 30, y1: 30 }, tri)).toBe(true);
    expect(
      trianglesMeet(
        tri,
        tri.map(([x, y]): P => [x + 3, y + 3]),
      ),
    ).toBe(true);
    expect(
      trianglesMeet(
        tri,
        tri.map(([x, y]): P => [x + 20, y]),
      ),
    ).toBe(false);
  });
});
