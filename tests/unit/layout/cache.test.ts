/** The layouts kept per source (`layout/cache.ts`), by view, size and scale. */
import { describe, expect, it } from 'vitest';
import { hasLayout, keepLayout, layoutFor } from '../../../src/layout/cache';
import { layoutSource } from '../../../src/layout/source';
import { city, flow, SIZE, story, VIEW } from './fixture';

const a = city('a', 'Ay', [-5, 0]);
const b = city('b', 'Bee', [5, 0]);
const laid = story([a, b], [flow('one', 'arc', a, b)]);

describe('the layout cache', () => {
  it('computes a view’s layout once and hands the same one back', () => {
    const source = layoutSource(laid);
    expect(hasLayout(source, VIEW, SIZE)).toBe(false);
    const first = layoutFor(source, VIEW, SIZE);
    expect(hasLayout(source, VIEW, SIZE)).toBe(true);
    expect(layoutFor(source, VIEW, SIZE)).toBe(first);
    expect(hasLayout(source, VIEW, SIZE, 2)).toBe(false);
  });

  it('keeps the last eight views used, dropping the oldest', () => {
    const source = layoutSource(laid);
    const views = Array.from({ length: 9 }, (_, i) => ({ center: VIEW.center, zoom: 3 + i / 10 }));
    for (const view of views) layoutFor(source, view, SIZE);
    expect(hasLayout(source, views[0]!, SIZE)).toBe(false);
    expect(views.slice(1).every((view) => hasLayout(source, view, SIZE))).toBe(true);
  });

  it('keeps a layout computed elsewhere as if computed here', () => {
    const elsewhere = layoutFor(layoutSource(laid), VIEW, SIZE);
    const source = layoutSource(laid);
    keepLayout(source, elsewhere);
    expect(layoutFor(source, VIEW, SIZE)).toBe(elsewhere);
  });
});
