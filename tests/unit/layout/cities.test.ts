/**
 * Names once the arrows are laid (`layout/cities.ts`): cities' names beside their dots and
 * markers round them, then other names where room is left, each clear of what is placed.
 */
import { describe, expect, it } from 'vitest';
import { placeArrows } from '../../../src/layout/arrows';
import { placeCities, placeContextNames } from '../../../src/layout/cities';
import { placeStoryNames } from '../../../src/layout/names';
import { overlaps, type Rect } from '../../../src/layout/plane';
import { nameSize } from '../../../src/layout/text';
import type { LaidName } from '../../../src/layout/types';
import { worldToPixel } from '../../../src/layout/world';
import { MARKER } from '../../../src/symbology/sizes';
import { city, flow, SIZE, sourceAndSheet, story, VIEW, type Square } from './fixture';

/** A city's name as written: from its dot, offset and anchored. */
function boxOf(name: LaidName): Rect {
  const [x, y] = worldToPixel(VIEW, SIZE)(name.at);
  const [w, h] = nameSize(name.text, 'place');
  const x0 = name.anchor === 'start' ? x + name.dx : x + name.dx - w;
  return { x0, x1: x0 + w, y0: y + name.dy - h * 0.75, y1: y + name.dy + h * 0.25 };
}

function laidOut(places: ReturnType<typeof city>[], flows: ReturnType<typeof flow>[], countries: Square[] = []) {
  const { source, sheet } = sourceAndSheet(story(places, flows, countries));
  const named = placeStoryNames(source, sheet);
  const arrows = placeArrows(source, sheet, named.nodes);
  const cities = placeCities(source, sheet, named.nodes, arrows);
  return { source, sheet, arrows, named, cities };
}

describe('cities', () => {
  it('are named beside their dots, below right first', () => {
    const { cities } = laidOut([city('a', 'Alpha', [0, 0])], [flow('m', 'point', city('a', 'Alpha', [0, 0]))]);
    expect(cities.names).toHaveLength(1);
    expect(cities.names[0]).toMatchObject({ text: 'Alpha', anchor: 'start', dot: true, rank: 'story' });
    expect(cities.names[0]!.dx).toBeGreaterThan(0);
    expect(cities.names[0]!.dy).toBeGreaterThan(0);
  });

  it('whose names would collide: one is moved to another side of its dot', () => {
    // Two dots 10 px apart side by side: the first name, right of its dot, would cover the second dot.
    const a = city('a', 'Alphaville', [0, 0]);
    const b = city('b', 'Betaville', [0.45, 0]);
    const { cities } = laidOut([a, b], [flow('m1', 'point', a), flow('m2', 'point', b)]);
    expect(cities.names.map((n) => [n.text, n.anchor])).toEqual([
      ['Alphaville', 'end'],
      ['Betaville', 'start'],
    ]);
    const [first, second] = cities.names.map(boxOf);
    expect(overlaps(first!, second!)).toBe(false);
  });

  it('take their markers on a ring round the dot', () => {
    const a = city('a', 'Alpha', [0, 0]);
    const { cities, sheet } = laidOut([a], [flow('m', 'point', a)]);
    expect(cities.symbols).toHaveLength(1);
    const [x, y] = worldToPixel(VIEW, SIZE)(cities.symbols[0]!.at);
    const [cx, cy] = sheet.toPixel(a.coordinates);
    expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(MARKER.ring, 6);
    expect(cities.symbols[0]).toMatchObject({ claimId: 'm', badge: false, radius: MARKER.radius });
  });
});

describe('names where room is left', () => {
  it('write a place the data asks to name, and countries no claim named', () => {
    const a = city('a', 'Alpha', [-6, 0]);
    const landmark = { ...city('mark', 'Landmark', [6, 3]), label: true };
    const countries: Square[] = [{ id: '9', name: 'Farland', bounds: [-4, -8, 4, -3] }];
    const { source, sheet, arrows, named, cities } = laidOut([a, landmark], [flow('m', 'point', a)], countries);
    const context = placeContextNames(source, sheet, arrows, [...named.names, ...cities.names]);
    expect(context.map((n) => [n.text, n.style, n.rank, n.dot])).toEqual([
      ['Landmark', 'place', 'context', true],
      ['Farland', 'country', 'context', false],
    ]);
  });
});
