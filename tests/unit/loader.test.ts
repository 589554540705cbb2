import { describe, expect, it } from 'vitest';
import { loaderScript } from '../../src/static/prerender';
import { loadsAtOnce, type LoadEnvironment } from '../../src/map/policy';

/** A folding element as the prerendered page has it: the key, open, to fold on a phone. */
const key = () => ({
  open: true,
  getAttribute: (name: string) => (name === 'data-fold' ? '(max-width: 52rem)' : null),
});

/** Runs the inline loader in a stand-in window and lists the elements it adds to the head. */
function runLoader({ width, saveData }: LoadEnvironment, folding: ReturnType<typeof key>[] = []): string[] {
  const added: string[] = [];
  const element = () => ({ rel: '', href: '', src: '', type: '' });
  const document = {
    createElement: element,
    querySelectorAll: (selector: string) => (selector === 'details[data-fold]' ? folding : []),
    head: {
      appendChild: (e: ReturnType<typeof element>) => added.push(e.rel ? `${e.rel} ${e.href}` : `script ${e.src}`),
    },
  };
  const script = loaderScript({ entry: 'assets/main.js', preload: ['assets/maplibre-gl.js'] });
  // Only the one query the key uses, answered for this width.
  const matchMedia = (query: string) => ({ matches: query === '(max-width: 52rem)' && width <= 52 * 16 });
  new Function('innerWidth', 'navigator', 'document', 'matchMedia', 'PerformanceObserver', 'setTimeout', script)(
    width,
    { connection: saveData === undefined ? undefined : { saveData } },
    document,
    matchMedia,
    undefined, // no paint timing: the fallback timer starts the app
    (run: () => void) => run(),
  );
  return added;
}

describe('the inline loader', () => {
  it('starts the app once, after the first contentful paint or the fallback timer, whichever comes first', () => {
    const added: string[] = [];
    const timers: (() => void)[] = [];
    let observer: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
    const document = {
      createElement: () => ({ rel: '', href: '', src: '', type: '' }),
      querySelectorAll: () => [],
      head: { appendChild: (e: { src: string }) => added.push(e.src) },
    };
    class PaintObserver {
      constructor(callback: typeof observer) {
        observer = callback;
      }
      observe() {}
    }
    const script = loaderScript({ entry: 'assets/main.js', preload: [] });
    new Function('innerWidth', 'navigator', 'document', 'matchMedia', 'PerformanceObserver', 'setTimeout', script)(
      1280,
      {},
      document,
      () => ({ matches: false }),
      PaintObserver,
      (run: () => void) => timers.push(run),
    );
    expect(added).toEqual([]);
    observer!({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) });
    for (const run of timers.splice(0)) run();
    for (const run of timers.splice(0)) run();
    expect(added).toEqual(['./assets/main.js']);
  });

  it('fetches MapLibre alongside the app exactly where the app loads it at once', () => {
    for (const environment of [{ width: 1280 }, { width: 390 }, { width: 1280, saveData: true }, { width: 601 }]) {
      const preloads = runLoader(environment).filter((e) => e.startsWith('modulepreload'));
      expect(preloads, JSON.stringify(environment)).toEqual(
        loadsAtOnce(environment) ? ['modulepreload ./assets/maplibre-gl.js'] : [],
      );
    }
  });

  it('folds the key on a phone before the app starts, and leaves it open on a laptop', () => {
    const [phone, laptop] = [key(), key()];
    runLoader({ width: 390 }, [phone]);
    runLoader({ width: 1280 }, [laptop]);
    expect(phone.open).toBe(false);
    expect(laptop.open).toBe(true);
  });
});
