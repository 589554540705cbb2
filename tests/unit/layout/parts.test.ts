/**
 * The layout's working parts (`layout/parts.ts`): a place's outline that arrows end on, where an
 * end sits on it and which way it leaves, and an arrow's curve and head.
 */
import { describe, expect, it } from 'vitest';
import {
  alongOf,
  headingOf,
  headTriangle,
  outlineAt,
  outlinePerimeter,
  shapeOutline,
  type Node,
} from '../../../src/layout/parts';
import { LAYOUT_RULES } from '../../../src/symbology/sizes';
import { arrowBetween, city, countryPlace, dotNode } from './fixture';

/** A country's node: its name's box 100 by 20 px round [300, 200]. */
function nameNode(): Node {
  const node = dotNode(countryPlace('land', 'Land', '1', [0, 0]), [300, 200]);
  node.box = { x0: 250, y0: 190, x1: 350, y1: 210 };
  shapeOutline(node);
  return node;
}

describe('a place’s outline', () => {
  it('rounds a city’s dot with a small circle', () => {
    const node = dotNode(city('c', 'C', [0, 0]), [100, 100]);
    expect([node.halfWidth, node.halfHeight, node.cornerRadius]).toEqual([6, 6, 6]);
    expect(outlinePerimeter(node)).toBeCloseTo(2 * Math.PI * 6, 9);
  });

  it('runs round a name `nameGap` out, from its east end, clockwise on screen', () => {
    const node = nameNode();
    expect(node.halfWidth).toBe(50 + LAYOUT_RULES.nameGap);
    expect(node.halfHeight).toBe(10 + LAYOUT_RULES.nameGap);
    const east = outlineAt(node, 0);
    expect(east.p).toEqual([300 + node.halfWidth, 200]);
    expect(east.normal).toEqual([1, 0]);
    // A quarter of the way round (by length, not angle) is on the name's underside.
    const below = outlineAt(node, Math.PI / 2);
    expect(below.p[1]).toBeCloseTo(200 + node.halfHeight, 9);
  });

  it('finds where a direction from the centre meets the outline', () => {
    const node = nameNode();
    const south = outlineAt(node, alongOf(node, Math.PI / 2)).p;
    expect(south[0]).toBeCloseTo(300, 0);
    expect(south[1]).toBeCloseTo(200 + node.halfHeight, 6);
    const west = outlineAt(node, alongOf(node, Math.PI)).p;
    expect(west[0]).toBeCloseTo(300 - node.halfWidth, 6);
  });
});

describe('an arrow', () => {
  const from = dotNode(city('a', 'A', [0, 0]), [100, 200]);
  const to = dotNode(city('b', 'B', [0, 0]), [400, 200]);

  it('leaves along its chord when not bent, and turns off it as it bulges', () => {
    expect(headingOf(arrowBetween('x', 0, from, to), true)).toBeCloseTo(0, 9);
    expect(headingOf(arrowBetween('x', 0, from, to), false)).toBeCloseTo(Math.PI, 9);
    // Bulging to the right of travel (down the screen, eastwards) it leaves a little south of east.
    expect(headingOf(arrowBetween('x', 0, from, to, 30), true)).toBeGreaterThan(0.1);
  });

  it('runs from outline to outline, its head at its end', () => {
    const arrow = arrowBetween('x', 0, from, to);
    expect(arrow.curve[0][0]).toBeCloseTo(106, 6);
    expect(arrow.curve[3][0]).toBeCloseTo(394, 6);
    expect(arrow.length).toBeCloseTo(288, 3);
    const [tip, left, right] = headTriangle(arrow);
    expect(tip).toEqual(arrow.curve[3]);
    expect(left![0]).toBeCloseTo(394 - arrow.head.length, 6);
    expect(Math.abs(left![1] - right![1])).toBeCloseTo(arrow.head.width, 6);
  });
});
