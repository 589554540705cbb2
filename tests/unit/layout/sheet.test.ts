/** The sheet a layout is worked out on (`layout/sheet.ts`): the view's pixels and what is placed. */
import { describe, expect, it } from 'vitest';
import { toMercator } from '../../../src/flows/geometry';
import { newSheet } from '../../../src/layout/sheet';

describe('the sheet', () => {
  const size = { width: 600, height: 400 };
  const sheet = newSheet({ center: [10, 20], zoom: 4 }, size, 1);

  it('puts the view’s centre at the map’s centre, and back to world units', () => {
    const [x, y] = sheet.toPixel([10, 20]);
    expect(x).toBeCloseTo(300, 9);
    expect(y).toBeCloseTo(200, 9);
    const there = sheet.toPixel([14, 23]);
    expect(there[0]).toBeGreaterThan(300);
    expect(there[1]).toBeLessThan(200);
    const [wx, wy] = sheet.toWorld(there);
    const [mx, my] = toMercator([14, 23]);
    expect(wx).toBeCloseTo(mx, 12);
    expect(wy).toBeCloseTo(my, 12);
  });

  it('keeps boxes inside the map less its margin', () => {
    expect(sheet.inMap({ x0: 10, y0: 10, x1: 100, y1: 50 })).toBe(true);
    expect(sheet.inMap({ x0: 0, y0: 10, x1: 100, y1: 50 })).toBe(false);
    expect(sheet.inMap({ x0: 500, y0: 10, x1: 599, y1: 50 })).toBe(false);
  });

  it('tells a free box from one over what is placed, but for what the same place owns', () => {
    const s = newSheet({ center: [0, 0], zoom: 4 }, size, 1);
    s.taken.push({ rect: { x0: 100, y0: 100, x1: 150, y1: 120 }, owner: 'a' });
    const over = { x0: 140, y0: 110, x1: 200, y1: 130 };
    expect(s.free(over)).toBe(false);
    expect(s.free(over, 'a')).toBe(true);
    expect(s.free(over, 'b')).toBe(false);
    expect(s.free({ x0: 151, y0: 100, x1: 200, y1: 120 })).toBe(true);
  });
});
