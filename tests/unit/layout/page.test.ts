/**
 * A page's layouts (`layout/page.ts`): asked for by view, each kept where renderers find it. The
 * prerendered layouts the page carries are tested whole in `tests/unit/layouts.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { hasLayout, Layouts, layoutSource } from '../../../src/layout';
import { city, flow, SIZE, story, VIEW } from './fixture';

const a = city('a', 'Ay', [-5, 0]);
const b = city('b', 'Bee', [5, 0]);
const laid = story([a, b], [flow('one', 'arc', a, b)]);

describe('Layouts', () => {
  it('computes a layout on the page, in a task of its own, where there are no workers', async () => {
    const source = layoutSource(laid);
    const layouts = new Layouts(source, laid);
    const at = { view: VIEW, size: SIZE, scale: 1 };
    expect(layouts.has(at)).toBe(false);
    const ready = layouts.ready(at);
    expect(layouts.has(at)).toBe(false);
    await ready;
    expect(layouts.has(at)).toBe(true);
    expect(hasLayout(source, VIEW, SIZE, 1)).toBe(true);
  });
});
