/** The layout worker (`layout/worker.ts`): sent a story once, then views; answers with layouts. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutFor, layoutSource } from '../../../src/layout';
import { city, flow, SIZE, story, VIEW } from './fixture';

const a = city('a', 'Ay', [-5, 0]);
const b = city('b', 'Bee', [5, 0]);
const laid = story([a, b], [flow('one', 'arc', a, b)]);

describe('the layout worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('answers a view with the layout the page would compute, from the story’s JSON text', async () => {
    const posted: unknown[] = [];
    const worker: { onmessage?: (event: { data: unknown }) => void; postMessage: (m: unknown) => void } = {
      postMessage: (message) => posted.push(message),
    };
    vi.stubGlobal('self', worker);
    await import('../../../src/layout/worker');
    worker.onmessage!({ data: { storyJson: JSON.stringify(laid) } });
    expect(posted).toEqual([]);
    worker.onmessage!({ data: { id: 7, view: VIEW, size: SIZE, scale: 1 } });
    expect(posted).toEqual([{ id: 7, layout: layoutFor(layoutSource(laid), VIEW, SIZE, 1) }]);
  });
});
