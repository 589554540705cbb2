/** What layouts are computed from (`layout/source.ts`), made once per story. */
import { describe, expect, it } from 'vitest';
import { contextCountries, layoutSource, textOf, visibleParts } from '../../../src/layout/source';
import { city, countryPlace, flow, story, type Square } from './fixture';

const countries: Square[] = [
  { id: '1', name: 'Westland', bounds: [-10, -5, 0, 5] },
  { id: '2', name: 'Eastland', bounds: [0, -5, 20, 5] },
  { id: '3', name: 'Isle', bounds: [30, 0, 31, 1] },
];
const west = countryPlace('west', 'Westland', '1', [-5, 0]);
const port = city('port', 'Port', [10, 0], '2');
const mill = city('mill', 'Mill', [15, 2], '2');
const lighthouse = { ...city('lighthouse', 'Lighthouse', [30.5, 0.5], '3'), label: true };
const laid = story(
  [west, port, mill, lighthouse],
  [flow('a', 'arc', west, port), flow('b', 'arc', port, mill), flow('c', 'point', port), flow('d', 'badge', west)],
  countries,
);

describe('layoutSource', () => {
  const source = layoutSource(laid);

  it('takes arrows from the arcs and symbols from markers and badges', () => {
    expect(source.arrows.map((a) => [a.claimId, a.from, a.to])).toEqual([
      ['a', 'west', 'port'],
      ['b', 'port', 'mill'],
    ]);
    expect(source.symbols.map((s) => [s.claimId, s.place, s.badge])).toEqual([
      ['c', 'port', false],
      ['d', 'west', true],
    ]);
  });

  it('names the most used places first, then the countries of the cities they use', () => {
    expect(source.storyPlaces[0]).toBe('port');
    expect(new Set(source.storyPlaces)).toEqual(new Set(['port', 'west', 'mill']));
    // Westland is a story place itself; Eastland is named as the cities' country.
    expect(source.storyCountries).toEqual(['2']);
  });

  it('keeps places the data asks to name though no claim uses them', () => {
    expect(source.extraPlaces).toEqual(['lighthouse']);
  });

  it('sorts countries by area and cuts a country to the part a view shows', () => {
    expect(contextCountries(source).map(([id]) => id)).toEqual(['2', '1', '3']);
    // A map showing x 0..100, y 0..100 px of a projection 10 px a degree, west edge at -10°.
    const px = ([lon, lat]: [number, number]): [number, number] => [(lon + 10) * 10, 50 - lat * 10];
    const [piece] = visibleParts(source, '2', px, { x0: 0, y0: 0, x1: 150, y1: 100 });
    const xs = piece!.map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(100, 6);
    expect(Math.max(...xs)).toBeCloseTo(150, 6);
    expect(visibleParts(source, '3', px, { x0: 0, y0: 0, x1: 150, y1: 100 })).toEqual([]);
  });

  it('writes a place with its own label rather than its name', () => {
    expect(textOf({ ...port, label: 'Harbour' })).toBe('Harbour');
    expect(textOf(port)).toBe('Port');
  });
});
