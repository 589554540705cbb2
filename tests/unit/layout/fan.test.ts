/**
 * Arrows sharing a place fan out (`layout/fan.ts`): their ends spread round the place, in the order
 * of their directions, until neighbours stand `fanGap` apart `fanDistance` out.
 */
import { describe, expect, it } from 'vitest';
import { clearHeads, fanAt, markHeads, spreadEnds } from '../../../src/layout/fan';
import { apart, type Node } from '../../../src/layout/parts';
import type { P } from '../../../src/layout/plane';
import type { Taken } from '../../../src/layout/sheet';
import { LAYOUT_RULES } from '../../../src/symbology/sizes';
import { arrowBetween, city, dotNode } from './fixture';

/** A hub and three cities 150 px from it, 8° apart: the arrows to them all but coincide at the hub. */
function threeFromHub() {
  const hub = dotNode(city('hub', 'Hub', [0, 0]), [300, 200]);
  const degrees = [-8, 0, 8];
  const spokes = degrees.map((d, i) => {
    const angle = (d * Math.PI) / 180;
    const at: P = [300 + 150 * Math.cos(angle), 200 + 150 * Math.sin(angle)];
    return dotNode(city(`c${i}`, `C${i}`, [0, 0]), at);
  });
  const arrows = spokes.map((spoke, i) => arrowBetween(`claim${i}`, i, hub, spoke));
  const nodes = new Map<string, Node>([hub, ...spokes].map((n) => [n.id, n]));
  return { hub, nodes, arrows };
}

describe('the fan-out', () => {
  it('starts with three arrows closer than fanGap at the place they share', () => {
    const { arrows } = threeFromHub();
    expect(apart(arrows[0]!.ends[0]!, arrows[1]!.ends[0]!)).toBeLessThan(LAYOUT_RULES.fanGap / 2);
  });

  it('spreads them radially apart, keeping their order round the place', () => {
    const { hub, nodes, arrows } = threeFromHub();
    spreadEnds(nodes, arrows, false);
    const [a, b, c] = arrows.map((arrow) => arrow.ends[0]!);
    expect(apart(a!, b!)).toBeGreaterThanOrEqual(LAYOUT_RULES.fanGap - 0.5);
    expect(apart(b!, c!)).toBeGreaterThanOrEqual(LAYOUT_RULES.fanGap - 0.5);
    const bearing = (port: P) => Math.atan2(port[1] - hub.centre![1], port[0] - hub.centre![0]);
    expect(bearing(a!.port)).toBeLessThan(bearing(b!.port));
    expect(bearing(b!.port)).toBeLessThan(bearing(c!.port));
    for (const arrow of arrows) expect(fanAt(arrow)).toBeGreaterThanOrEqual(LAYOUT_RULES.fanGap - 0.5);
  });

  it('spreads them once only, when there are many', () => {
    const { nodes, arrows } = threeFromHub();
    spreadEnds(nodes, arrows, true);
    expect(fanAt(arrows[1]!)).toBeGreaterThan(LAYOUT_RULES.fanGap / 2);
  });
});

describe('heads', () => {
  it('move off a name placed over them, along their place’s outline', () => {
    const from = dotNode(city('a', 'A', [0, 0]), [100, 200]);
    const to = dotNode(city('b', 'B', [0, 0]), [400, 200]);
    const arrow = arrowBetween('x', 0, from, to);
    spreadEnds(new Map([from, to].map((n) => [n.id, n])), [arrow], false);
    const tip = arrow.curve[3];
    // Another place's name, right where the head is.
    const taken: Taken[] = [
      { rect: { x0: tip[0] - 12, y0: tip[1] - 4, x1: tip[0] - 2, y1: tip[1] + 4 }, owner: 'other' },
    ];
    clearHeads([arrow], taken);
    expect(arrow.curve[3]).not.toEqual(tip);
  });

  it('are put on the map for later names to keep clear of', () => {
    const { nodes, arrows } = threeFromHub();
    spreadEnds(nodes, arrows, false);
    const taken: Taken[] = [];
    markHeads(arrows, taken);
    expect(taken.map((t) => t.owner)).toEqual(['head:c0', 'head:c1', 'head:c2']);
    for (const [i, t] of taken.entries()) {
      const [x, y] = arrows[i]!.curve[3];
      expect(x).toBeGreaterThanOrEqual(t.rect.x0);
      expect(x).toBeLessThanOrEqual(t.rect.x1);
      expect(y).toBeGreaterThanOrEqual(t.rect.y0);
      expect(y).toBeLessThanOrEqual(t.rect.y1);
    }
  });
});
