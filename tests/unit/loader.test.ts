import { describe, expect, it } from 'vitest';
import { loaderScript } from '../../src/build/prerender';
import { preloadsMap, type LoadEnvironment } from '../../src/map/policy';

const PHONE = '(max-width: 52rem)';

/**
 * The inline loader in a stand-in page that the test moves along by hand: the page is parsed
 * (`DOMContentLoaded`), paints (`first-contentful-paint`), timers fire.
 */
function stagePage({ width, saveData }: LoadEnvironment, { parsed = false } = {}) {
  const added: string[] = [];
  const root: Record<string, string> = {};
  const timers: (() => void)[] = [];
  const onParsed: (() => void)[] = [];
  let paint: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  /** The prerendered key: open, to be folded on a phone. */
  const key = { open: true, getAttribute: (name: string) => (name === 'data-fold' ? PHONE : null) };
  const element = () => ({ rel: '', href: '', src: '', type: '' });
  const document = {
    readyState: parsed ? 'interactive' : 'loading',
    createElement: element,
    documentElement: { setAttribute: (name: string, value: string) => (root[name] = value) },
    head: {
      appendChild: (e: ReturnType<typeof element>) => added.push(e.rel ? `${e.rel} ${e.href}` : `script ${e.src}`),
    },
    querySelectorAll: (selector: string) => (selector === 'details[data-fold]' ? [key] : []),
    addEventListener: (type: string, run: () => void) => type === 'DOMContentLoaded' && onParsed.push(run),
  };
  class PaintObserver {
    constructor(callback: typeof paint) {
      paint = callback;
    }
    observe() {}
  }
  const matchMedia = (query: string) => ({ matches: query === PHONE && width <= 52 * 16 });
  const script = loaderScript({ entry: 'assets/main.js', preload: ['assets/maplibre-gl.js'] });
  new Function('innerWidth', 'navigator', 'document', 'matchMedia', 'PerformanceObserver', 'setTimeout', script)(
    width,
    { connection: saveData === undefined ? undefined : { saveData } },
    document,
    matchMedia,
    PaintObserver,
    (run: () => void) => timers.push(run),
  );
  return {
    added,
    root,
    key,
    parse() {
      document.readyState = 'interactive';
      for (const run of onParsed.splice(0)) run();
    },
    paint: () => paint!({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }),
    runTimers() {
      for (let i = 0; i < 3; i++) for (const run of timers.splice(0)) run();
    },
    scripts: () => added.filter((e) => e.startsWith('script')),
  };
}

describe('the inline loader', () => {
  it('starts the app once, after the first contentful paint or the fallback timer, whichever comes first', () => {
    const page = stagePage({ width: 1280 }, { parsed: true });
    expect(page.scripts()).toEqual([]);
    page.paint();
    page.runTimers();
    expect(page.scripts()).toEqual(['script ./assets/main.js']);
  });

  it('never starts the app on a page still being parsed: it waits for the whole page', () => {
    const page = stagePage({ width: 1280 });
    page.paint(); // a first paint of the page's top half
    page.runTimers();
    expect(page.scripts()).toEqual([]);
    page.parse();
    page.runTimers();
    expect(page.scripts()).toEqual(['script ./assets/main.js']);
  });

  it('fetches MapLibre alongside the app exactly where a gesture on the map starts it', () => {
    for (const environment of [{ width: 1280 }, { width: 390 }, { width: 1280, saveData: true }, { width: 601 }]) {
      const page = stagePage(environment, { parsed: true });
      page.runTimers();
      const preloads = page.added.filter((e) => e.startsWith('modulepreload'));
      expect(preloads, JSON.stringify(environment)).toEqual(
        preloadsMap(environment) ? ['modulepreload ./assets/maplibre-gl.js'] : [],
      );
    }
  });

  it('marks the page as starting before anything paints, then folds the key on a phone once parsed', () => {
    const phone = stagePage({ width: 390 });
    expect(phone.root['data-app']).toBe('starting');
    expect(phone.key.open).toBe(true);
    phone.parse();
    // Folded for real, so it opens and closes even if the app never comes; the CSS rule lets go.
    expect(phone.key.open).toBe(false);
    expect(phone.root['data-app']).toBe('loading');

    const laptop = stagePage({ width: 1280 });
    laptop.parse();
    expect(laptop.key.open).toBe(true);
  });
});
