/**
 * Where arrows run (`layout/arrows.ts`): lanes between the same two places, bends clear of names
 * they do not connect, and the arrows as drawn (lines stopping under their heads, headings).
 */
import { describe, expect, it } from 'vitest';
import { fromMercator } from '../../../src/flows/geometry';
import { laidArrows, placeArrows } from '../../../src/layout/arrows';
import { placeStoryNames } from '../../../src/layout/names';
import { rectDistance } from '../../../src/layout/plane';
import { LAYOUT_RULES } from '../../../src/symbology/sizes';
import { city, flow, region, sourceAndSheet, story } from './fixture';

const west = city('west', 'West', [-8, 0]);
const east = city('east', 'East', [8, 0]);

function laidOut(flows: ReturnType<typeof flow>[], places = [west, east]) {
  const { source, sheet } = sourceAndSheet(story(places, flows));
  const { nodes } = placeStoryNames(source, sheet);
  const arrows = placeArrows(source, sheet, nodes);
  return { sheet, arrows };
}

describe('arrows', () => {
  it('take lanes between the same two places, either way', () => {
    const { arrows } = laidOut([flow('a', 'arc', west, east), flow('b', 'arc', east, west)]);
    const mid = (i: number) => arrows[i]!.line[arrows[i]!.line.length >> 1]!;
    expect(Math.abs(mid(0)[1] - mid(1)[1])).toBeGreaterThan(10);
  });

  it('bend round a name they would pass over but do not connect', () => {
    // Where the arrow runs alone, a region's name is put right on its line.
    const alone = laidOut([flow('a', 'arc', west, east)]);
    const onLine = alone.arrows[0]!.line[alone.arrows[0]!.line.length >> 1]!;
    const reach = region('reach', 'Middle Reach', fromMercator(alone.sheet.toWorld(onLine)));
    const { source, sheet } = sourceAndSheet(
      story([west, east, reach], [flow('a', 'arc', west, east), flow('m', 'badge', reach)]),
    );
    const { nodes } = placeStoryNames(source, sheet);
    const box = nodes.get('reach')!.box!;
    const before = Math.min(...alone.arrows[0]!.line.map((p) => rectDistance(p, box)));
    expect(before).toBe(0);
    const [arrow] = placeArrows(source, sheet, nodes);
    expect(Math.min(...arrow!.line.map((p) => rectDistance(p, box)))).toBeGreaterThanOrEqual(
      LAYOUT_RULES.nodeClearance,
    );
  });

  it('are drawn in world units, the head pointing the way the arrow goes', () => {
    const { arrows, sheet } = laidOut([flow('a', 'arc', west, east)]);
    const [laid] = laidArrows(arrows, sheet);
    expect(laid).toMatchObject({ claimId: 'a', from: 'west', to: 'east' });
    expect(laid!.tip).toEqual(sheet.toWorld(arrows[0]!.curve[3]));
    // Eastwards is 90° clockwise from north, give or take the bend.
    expect(laid!.angle).toBeGreaterThan(45);
    expect(laid!.angle).toBeLessThan(135);
    // The line stops short of the tip, under the head.
    expect(laid!.curve[3][0]).toBeLessThan(laid!.tip[0]);
  });
});
