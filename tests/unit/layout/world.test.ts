/** World units to a view's pixels (`layout/world.ts`): what every renderer draws a layout with. */
import { describe, expect, it } from 'vitest';
import { toMercator } from '../../../src/flows/geometry';
import { TILE_SIZE, worldToPixel } from '../../../src/layout/world';

describe('worldToPixel', () => {
  const size = { width: 600, height: 400 };

  it('puts the view’s centre at the map’s centre', () => {
    const view = { center: [12, 34] as [number, number], zoom: 3 };
    const [x, y] = worldToPixel(view, size)(toMercator(view.center));
    expect(x).toBeCloseTo(300, 9);
    expect(y).toBeCloseTo(200, 9);
  });

  it('spans the whole world in TILE_SIZE pixels at zoom 0, twice that a zoom further in', () => {
    for (const zoom of [0, 1, 2.5]) {
      const at = worldToPixel({ center: [0, 0], zoom }, size);
      expect(at([1, 0.5])[0] - at([0, 0.5])[0]).toBeCloseTo(TILE_SIZE * 2 ** zoom, 9);
    }
  });
});
