/** A layout, step by step (`layout/steps.ts`): names, arrows, edge labels, cities, the rest. */
import { describe, expect, it } from 'vitest';
import { layoutSource } from '../../../src/layout/source';
import { computeLayout } from '../../../src/layout/steps';
import { SMALL_MAP } from '../../../src/symbology/sizes';
import { city, countryPlace, flow, SIZE, story, VIEW, type Square } from './fixture';

const countries: Square[] = [
  { id: '1', name: 'Westland', bounds: [-10, -5, 0, 5] },
  { id: '2', name: 'Eastland', bounds: [0, -5, 10, 5] },
];
const westland = countryPlace('westland', 'Westland', '1', [-5, 0]);
const port = city('port', 'Port', [5, 2], '2');
const laid = story([westland, port], [flow('a', 'arc', westland, port), flow('m', 'point', port)], countries);

describe('computeLayout', () => {
  it('lays out every arrow and symbol, the story’s names before the others', () => {
    const layout = computeLayout(layoutSource(laid), VIEW, SIZE, 1);
    expect(layout).toMatchObject({ view: VIEW, size: SIZE, requested: 1, scale: 1 });
    expect(layout.arrows.map((a) => a.claimId)).toEqual(['a']);
    expect(layout.symbols.map((s) => s.claimId)).toEqual(['m']);
    expect(layout.names.map((n) => [n.text, n.rank])).toEqual([
      ['Westland', 'story'],
      ['Eastland', 'story'],
      ['Port', 'story'],
    ]);
    expect(layout.edges).toEqual([]);
  });

  it('sets names smaller on a small map', () => {
    const small = { width: 320, height: 240 };
    expect(computeLayout(layoutSource(laid), VIEW, small, 2).scale).toBeCloseTo(2 * SMALL_MAP.scale, 9);
  });
});
