/**
 * The story's names (`layout/names.ts`): the places the claims use are named first, each clear of
 * the names before it, and become the nodes arrows attach to; badges go in a row beside a name.
 */
import { describe, expect, it } from 'vitest';
import { placeStoryNames } from '../../../src/layout/names';
import { overlaps, type Rect } from '../../../src/layout/plane';
import type { Sheet } from '../../../src/layout/sheet';
import { nameSize } from '../../../src/layout/text';
import type { LaidName } from '../../../src/layout/types';
import { worldToPixel } from '../../../src/layout/world';
import { BADGE } from '../../../src/symbology/sizes';
import { city, countryPlace, flow, region, SIZE, sourceAndSheet, story, VIEW, type Square } from './fixture';

const countries: Square[] = [
  { id: '1', name: 'Westland', bounds: [-10, -5, 0, 5] },
  { id: '2', name: 'Eastland', bounds: [0, -5, 10, 5] },
];
const westland = countryPlace('westland', 'Westland', '1', [-5, 0]);
const port = city('port', 'Port', [5, 2], '2');

/** The box a centred name takes, in the view's pixels. */
function boxOf(name: LaidName, sheet: Sheet): Rect {
  const [x, y] = worldToPixel(VIEW, SIZE)(name.at);
  const [w, h] = nameSize(name.text, name.style, sheet.scale);
  return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

describe('the story’s names', () => {
  it('write a country at its point, and the country of a city a claim uses', () => {
    const { source, sheet } = sourceAndSheet(story([westland, port], [flow('a', 'arc', westland, port)], countries));
    const { names, nodes } = placeStoryNames(source, sheet);
    expect(names.map((n) => [n.text, n.style, n.rank])).toEqual([
      ['Westland', 'country', 'story'],
      ['Eastland', 'country', 'story'],
    ]);
    const [x, y] = sheet.toPixel([-5, 0]);
    expect(nodes.get('westland')!.centre).toEqual([x, y]);
    // The city is a node at its dot; its name waits for the arrows (`cities.ts`).
    expect(nodes.get('port')!.centre).toEqual(sheet.toPixel(port.coordinates));
  });

  it('move a name that would cover one placed before it', () => {
    const north = region('north', 'Northern Reach', [0, 1]);
    const south = region('south', 'Southern Reach', [0, 0.8]);
    // Not linked by an arrow (which would ask for room between them), only named.
    const { source, sheet } = sourceAndSheet(
      story([north, south], [flow('a', 'point', north), flow('b', 'point', south)]),
    );
    const { names } = placeStoryNames(source, sheet);
    expect(names.map((n) => n.text)).toEqual(['Northern Reach', 'Southern Reach']);
    const [first, second] = names.map((n) => boxOf(n, sheet));
    expect(overlaps(first!, second!)).toBe(false);
    // 5 px apart, they would overlap at their points: the second is written away from its own.
    expect(worldToPixel(VIEW, SIZE)(names[1]!.at)).not.toEqual(sheet.toPixel(south.coordinates));
  });

  it('put a claim’s badges in a row beside its country’s name, and the name’s node takes them in', () => {
    const { source, sheet } = sourceAndSheet(
      story([westland], [flow('b1', 'badge', westland), flow('b2', 'badge', westland)], countries),
    );
    const { symbols, nodes, names } = placeStoryNames(source, sheet);
    expect(symbols.map((s) => [s.claimId, s.badge, s.radius])).toEqual([
      ['b1', true, BADGE.radius],
      ['b2', true, BADGE.radius],
    ]);
    const [a, b] = symbols.map((s) => worldToPixel(VIEW, SIZE)(s.at));
    expect(b![0] - a![0]).toBeCloseTo(BADGE.step, 6);
    expect(b![1]).toBeCloseTo(a![1], 6);
    const node = nodes.get('westland')!.box!;
    const name = boxOf(names[0]!, sheet);
    expect(node.y1 - node.y0).toBeGreaterThan(name.y1 - name.y0 + BADGE.radius);
  });
});
