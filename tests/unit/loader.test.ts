import { describe, expect, it } from 'vitest';
import { loaderScript } from '../../src/build/prerender';
import { preloadsMap, type LoadEnvironment } from '../../src/map/policy';
import { EARLY_PICK_ATTRIBUTE } from '../../src/state/early';
import { MEDIA } from '../../src/ui/screens';

const PHONE = MEDIA.narrow;

interface Stage extends LoadEnvironment {
  /** The page waits for the reader's first gesture (a reader's page) or not (the embed). */
  waitForIntent?: boolean;
  /** The page's address after its path. */
  search?: string;
  hash?: string;
}

/** An element of the stand-in page a press can land on. */
function element(tag: string, attributes: Record<string, string> = {}) {
  return {
    tag,
    attributes,
    closest(selector: string) {
      return selector.split(',').some((s) => {
        const wanted = s.trim();
        return wanted === tag || (wanted.startsWith('[') && wanted.slice(1, -1) in attributes);
      })
        ? this
        : null;
    },
    setAttribute(name: string, value: string) {
      attributes[name] = value;
    },
    removeAttribute(name: string) {
      delete attributes[name];
    },
  };
}

/**
 * The inline loader in a stand-in page that the test moves along by hand: the page is parsed
 * (`DOMContentLoaded`), paints (`first-contentful-paint`), timers fire, the reader makes a gesture.
 */
function stagePage({ width, saveData, waitForIntent = false, search = '', hash = '' }: Stage, { parsed = false } = {}) {
  const added: string[] = [];
  const root: Record<string, string> = {};
  const timers: (() => void)[] = [];
  const onParsed: (() => void)[] = [];
  const gestures = new Map<string, (event: { type: string; target: unknown }) => void>();
  const pressable = [element('button'), element('path', { 'data-claim': 'c1' }), element('p')];
  let paint: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  /** The prerendered key: open, to be folded on a phone. */
  const key = { open: true, getAttribute: (name: string) => (name === 'data-fold' ? PHONE : null) };
  const link = () => ({ rel: '', href: '', src: '', type: '' });
  const document = {
    readyState: parsed ? 'interactive' : 'loading',
    createElement: link,
    documentElement: {
      setAttribute: (name: string, value: string) => (root[name] = value),
      getAttribute: (name: string) => root[name] ?? null,
    },
    head: {
      appendChild: (e: ReturnType<typeof link>) => added.push(e.rel ? `${e.rel} ${e.href}` : `script ${e.src}`),
    },
    querySelectorAll: (selector: string) =>
      selector === 'details[data-fold]' ? [key] : pressable.filter((e) => selector.slice(1, -1) in e.attributes),
    addEventListener: (type: string, run: () => void) => type === 'DOMContentLoaded' && onParsed.push(run),
  };
  class PaintObserver {
    constructor(callback: typeof paint) {
      paint = callback;
    }
    observe() {}
  }
  const matchMedia = (query: string) => ({ matches: query === PHONE && width <= 52 * 16 });
  const script = loaderScript({ entry: 'assets/main.js', preload: ['assets/maplibre-gl.js'], waitForIntent });
  new Function(
    'innerWidth',
    'navigator',
    'document',
    'location',
    'addEventListener',
    'removeEventListener',
    'matchMedia',
    'PerformanceObserver',
    'setTimeout',
    script,
  )(
    width,
    { connection: saveData === undefined ? undefined : { saveData } },
    document,
    { search, hash },
    (type: string, run: (event: { type: string; target: unknown }) => void) => gestures.set(type, run),
    (type: string) => gestures.delete(type),
    matchMedia,
    PaintObserver,
    (run: () => void) => timers.push(run),
  );
  return {
    added,
    root,
    key,
    pressable,
    parse() {
      document.readyState = 'interactive';
      for (const run of onParsed.splice(0)) run();
    },
    paint: () => paint!({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }),
    runTimers() {
      for (let i = 0; i < 3; i++) for (const run of timers.splice(0)) run();
    },
    gesture(type: string, target: unknown = pressable[2]) {
      gestures.get(type)!({ type, target });
    },
    listened: () => [...gestures.keys()],
    scripts: () => added.filter((e) => e.startsWith('script')),
    preloads: () => added.filter((e) => e.startsWith('modulepreload')),
  };
}

describe('the inline loader', () => {
  it("on a reader's page, fetches the app after the first paint and starts it at the reader's first gesture, once", () => {
    const page = stagePage({ width: 390, waitForIntent: true }, { parsed: true });
    page.paint();
    page.runTimers();
    expect(page.scripts()).toEqual([]);
    expect(page.preloads()).toEqual(['modulepreload ./assets/main.js']);
    // What starts it: every way a reader shows intent, a screen reader's click and printing included.
    expect(page.listened().sort()).toEqual(
      ['beforeprint', 'click', 'focusin', 'keydown', 'pointerdown', 'pointermove', 'touchstart', 'wheel'].sort(),
    );
    page.gesture('touchstart');
    page.gesture('click');
    page.runTimers();
    expect(page.scripts()).toEqual(['script ./assets/main.js']);
  });

  it('starts the app after the first paint, without waiting, where the address asks for a claim, a step or a theme', () => {
    for (const search of ['?claim=c1', '?mode=present&step=2', '?theme=dark', '?utm_source=news&claim=c1']) {
      const page = stagePage({ width: 390, waitForIntent: true, search }, { parsed: true });
      page.paint();
      page.runTimers();
      expect(page.scripts(), search).toEqual(['script ./assets/main.js']);
    }
    // Another page's parameters (a campaign's tag) or a fragment ask for nothing the page does not show.
    for (const address of [{ search: '?utm_source=news' }, { hash: '#sentence-3' }]) {
      const page = stagePage({ width: 390, waitForIntent: true, ...address }, { parsed: true });
      page.paint();
      page.runTimers();
      expect(page.scripts(), JSON.stringify(address)).toEqual([]);
    }
  });

  it('on a page that does not wait (the embed), starts the app once, after the first paint or the fallback timer', () => {
    const page = stagePage({ width: 1280 }, { parsed: true });
    expect(page.scripts()).toEqual([]);
    page.paint();
    page.runTimers();
    expect(page.scripts()).toEqual(['script ./assets/main.js']);
  });

  it('never starts nor fetches the app on a page still being parsed: it waits for the whole page', () => {
    for (const waitForIntent of [false, true]) {
      const page = stagePage({ width: 1280, waitForIntent });
      page.paint(); // a first paint of the page's top half
      page.runTimers();
      page.gesture('pointermove');
      expect(page.added).toEqual([]);
      page.parse();
      page.runTimers();
      expect(page.scripts()).toEqual(['script ./assets/main.js']);
    }
  });

  it('fetches MapLibre alongside the app exactly where a gesture on the map starts it', () => {
    for (const environment of [{ width: 1280 }, { width: 390 }, { width: 1280, saveData: true }, { width: 601 }]) {
      for (const waitForIntent of [false, true]) {
        const page = stagePage({ ...environment, waitForIntent }, { parsed: true });
        page.runTimers();
        const map = page.preloads().filter((e) => e.includes('maplibre'));
        expect(map, JSON.stringify(environment)).toEqual(
          preloadsMap(environment) ? ['modulepreload ./assets/maplibre-gl.js'] : [],
        );
      }
    }
  });

  it('marks the last button or claim pressed before the app is ready, for the app to press again; nothing after', () => {
    const page = stagePage({ width: 390, waitForIntent: true }, { parsed: true });
    const [button, arrow, text] = page.pressable;
    page.gesture('click', button);
    page.gesture('click', arrow);
    page.gesture('click', text);
    expect(button!.attributes).not.toHaveProperty(EARLY_PICK_ATTRIBUTE);
    expect(arrow!.attributes).toHaveProperty(EARLY_PICK_ATTRIBUTE);
    page.root['data-app'] = 'ready';
    page.gesture('click', button);
    expect(button!.attributes).not.toHaveProperty(EARLY_PICK_ATTRIBUTE);
    // Once the app is ready, the loader stops listening.
    expect(page.listened()).toEqual([]);
  });

  it('marks the page as starting before anything paints, then folds the key on a phone once parsed', () => {
    const phone = stagePage({ width: 390 });
    expect(phone.root['data-app']).toBe('starting');
    expect(phone.key.open).toBe(true);
    phone.parse();
    // Folded for real, so it opens and closes even if the app never comes; the CSS rule lets go.
    expect(phone.key.open).toBe(false);
    expect(phone.root['data-app']).toBe('waiting');

    const laptop = stagePage({ width: 1280 });
    laptop.parse();
    expect(laptop.key.open).toBe(true);
  });
});
