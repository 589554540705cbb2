import { describe, expect, it } from 'vitest';
import { loaderScript } from '../../src/static/prerender';
import { loadsAtOnce, type LoadEnvironment } from '../../src/map/policy';

/** Runs the inline loader in a stand-in window and lists the elements it adds to the head. */
function runLoader({ width, saveData }: LoadEnvironment, root: Record<string, string> = {}): string[] {
  const added: string[] = [];
  const element = () => ({ rel: '', href: '', src: '', type: '' });
  const document = {
    createElement: element,
    documentElement: { setAttribute: (name: string, value: string) => (root[name] = value) },
    head: {
      appendChild: (e: ReturnType<typeof element>) => added.push(e.rel ? `${e.rel} ${e.href}` : `script ${e.src}`),
    },
  };
  const script = loaderScript({ entry: 'assets/main.js', preload: ['assets/maplibre-gl.js'] });
  new Function('innerWidth', 'navigator', 'document', 'PerformanceObserver', 'setTimeout', script)(
    width,
    { connection: saveData === undefined ? undefined : { saveData } },
    document,
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
      documentElement: { setAttribute: () => {} },
      head: { appendChild: (e: { src: string }) => added.push(e.src) },
    };
    class PaintObserver {
      constructor(callback: typeof observer) {
        observer = callback;
      }
      observe() {}
    }
    const script = loaderScript({ entry: 'assets/main.js', preload: [] });
    new Function('innerWidth', 'navigator', 'document', 'PerformanceObserver', 'setTimeout', script)(
      1280,
      {},
      document,
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

  it('marks the page as starting before anything paints, for CSS to show it as the app will', () => {
    const root: Record<string, string> = {};
    runLoader({ width: 390 }, root);
    expect(root['data-app']).toBe('starting');
  });
});
