/**
 * The page's inline loader as the build compiles it (`start/loader.ts` through
 * `build/prerender.ts`), run in a page of happy-dom that the test moves along by hand: the page
 * is parsed, it paints, timers fire, the reader makes a gesture, the app takes over. "The app
 * starts" is what a browser would then do: a module script for the app's entry is in the head.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { loaderScript } from '../../src/build/prerender';
import { bundleScript } from '../../src/build/scripts';
import {
  APP_START,
  APP_START_ATTRIBUTE,
  APP_START_EVENTS,
  EARLY_PICK_ATTRIBUTE,
  preloadsMap,
  type LoadEnvironment,
} from '../../src/start/policy';
import { MEDIA } from '../../src/ui/screens';

const PHONE = MEDIA.narrow;
const ENTRY = 'assets/main.js';
const MAP_CHUNK = 'assets/maplibre-gl.js';

/** A prerendered page's parts a reader can press before the app is ready, and its key. */
const BODY = `
  <details data-fold="${PHONE}" open><summary>Key</summary><p>Kinds</p></details>
  <button id="tool">Tools</button>
  <svg><path id="arrow" data-claim="c1" d="M0 0L1 1"></path></svg>
  <p id="paragraph">Plain text. <span id="sentence" class="sentence-text">A claim's sentence.</span></p>`;

interface Stage extends LoadEnvironment {
  /** The page waits for the reader's first gesture (a reader's page) or not (the embed). */
  waitForIntent?: boolean;
  /** The page's address after its path. */
  search?: string;
  hash?: string;
  /** The page is still being parsed when the loader runs (it runs in the head). */
  parsing?: boolean;
}

const scripts: Record<'read' | 'embed', string> = { read: '', embed: '' };
/** What the app does once it has taken the page over (`main.ts`), as a script for the test page. */
let appScript = '';
beforeAll(async () => {
  const preload = [MAP_CHUNK];
  scripts.read = await loaderScript({ entry: ENTRY, preload, waitForIntent: true });
  scripts.embed = await loaderScript({ entry: ENTRY, preload, waitForIntent: false });
  appScript = (await bundleScript(resolve('src/start/page.ts'), [], 'appTakesOver')).code;
});

const windows: Window[] = [];
afterEach(async () => {
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

function stagePage({ width, saveData, waitForIntent = false, search = '', hash = '', parsing = false }: Stage) {
  const window = new Window({
    url: `https://news.example/map/${search}${hash}`,
    width,
    height: 800,
    settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  windows.push(window);
  const { document } = window;
  document.body.innerHTML = BODY;
  if (saveData !== undefined) Object.defineProperty(window.navigator, 'connection', { value: { saveData } });
  let readyState = parsing ? 'loading' : 'interactive';
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
  const timers: (() => void)[] = [];
  // A frame is a timer here: the loader starts the app after the frame that shows a click.
  const later = (run: () => void) => timers.push(run);
  Object.assign(window, { setTimeout: later, requestAnimationFrame: later });
  let paint: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  Object.assign(window, {
    PerformanceObserver: class {
      constructor(callback: typeof paint) {
        paint = callback;
      }
      observe() {}
    },
  });
  // Which of the window's listeners are still there: a listener is removed with the phase it was added for.
  const listening = new Set<string>();
  type Options = boolean | { capture?: boolean } | undefined;
  const key = (type: string, options: Options) =>
    `${type} ${typeof options === 'boolean' ? options : !!options?.capture}`;
  const add = window.addEventListener.bind(window) as (...args: unknown[]) => void;
  const remove = window.removeEventListener.bind(window) as (...args: unknown[]) => void;
  Object.assign(window, {
    addEventListener: (type: string, listener: unknown, options: Options) => {
      listening.add(key(type, options));
      add(type, listener, options);
    },
    removeEventListener: (type: string, listener: unknown, options: Options) => {
      listening.delete(key(type, options));
      remove(type, listener, options);
    },
  });
  window.eval(waitForIntent ? scripts.read : scripts.embed);

  const head = (selector: string) =>
    [...document.head.querySelectorAll(selector)].map((e) => e.getAttribute('href') ?? e.getAttribute('src'));
  const element = (id: string) => document.getElementById(id)!;
  return {
    window,
    document,
    element,
    state: () => document.documentElement.getAttribute(APP_START_ATTRIBUTE),
    parse() {
      readyState = 'interactive';
      document.dispatchEvent(new window.Event('DOMContentLoaded'));
    },
    paint: () => paint!({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }),
    runTimers() {
      for (let i = 0; i < 3; i++) for (const run of timers.splice(0)) run();
    },
    /** The app's entry, where it was asked to run: the app starts. */
    appScripts: () => head('script[type="module"]'),
    preloads: () => head('link[rel="modulepreload"]'),
    gesture(type: string, target = element('paragraph')) {
      target.dispatchEvent(new window.Event(type, { bubbles: true }));
    },
    /** A click as a browser makes it (an SVG shape has no `click()`). */
    press: (id: string) =>
      element(id).dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true })),
    /** The app's entry has run: it takes the page over. */
    appTakesOver() {
      window.eval(appScript);
      this.runTimers();
    },
    listening,
  };
}

describe('the inline loader', () => {
  it("on a reader's page, fetches the app after the first paint and starts it at the reader's first gesture, once", () => {
    const page = stagePage({ width: 390, waitForIntent: true });
    page.paint();
    page.runTimers();
    expect(page.appScripts()).toEqual([]);
    expect(page.preloads()).toEqual([`./${ENTRY}`]);
    page.gesture('touchstart');
    page.press('paragraph');
    page.runTimers();
    expect(page.appScripts()).toEqual([`./${ENTRY}`]);
  });

  it('starts the app at any sign of intent: a pointer, a touch, a key, focus, the wheel, a click, printing', () => {
    expect([...APP_START_EVENTS].sort()).toEqual(
      ['beforeprint', 'click', 'focusin', 'keydown', 'pointerdown', 'pointermove', 'touchstart', 'wheel'].sort(),
    );
    for (const type of APP_START_EVENTS) {
      const page = stagePage({ width: 1280, waitForIntent: true });
      page.paint();
      page.runTimers();
      expect(page.appScripts(), type).toEqual([]);
      page.gesture(type);
      // A click (a press shown first, start/preview.ts) starts it after its frame.
      if (type === 'click') page.runTimers();
      expect(page.appScripts(), type).toEqual([`./${ENTRY}`]);
    }
  });

  it('starts the app after the first paint, without waiting, where the address asks for a claim, a step or a theme', () => {
    for (const search of ['?claim=c1', '?mode=present&step=2', '?theme=dark', '?utm_source=news&claim=c1']) {
      const page = stagePage({ width: 390, waitForIntent: true, search });
      page.paint();
      page.runTimers();
      expect(page.appScripts(), search).toEqual([`./${ENTRY}`]);
    }
    // Another page's parameters (a campaign's tag) or a fragment ask for nothing the page does not show.
    for (const address of [{ search: '?utm_source=news' }, { hash: '#sentence-3' }]) {
      const page = stagePage({ width: 390, waitForIntent: true, ...address });
      page.paint();
      page.runTimers();
      expect(page.appScripts(), JSON.stringify(address)).toEqual([]);
    }
  });

  it('on a page that does not wait (the embed), starts the app once, after the first paint or the fallback timer', () => {
    const painted = stagePage({ width: 1280 });
    expect(painted.appScripts()).toEqual([]);
    painted.paint();
    painted.runTimers();
    expect(painted.appScripts()).toEqual([`./${ENTRY}`]);
    // A browser without paint timing: the timer alone.
    const unpainted = stagePage({ width: 1280 });
    unpainted.runTimers();
    expect(unpainted.appScripts()).toEqual([`./${ENTRY}`]);
  });

  it('never starts nor fetches the app on a page still being parsed: it waits for the whole page', () => {
    for (const waitForIntent of [false, true]) {
      const page = stagePage({ width: 1280, waitForIntent, parsing: true });
      page.paint(); // a first paint of the page's top half
      page.runTimers();
      page.gesture('pointermove');
      expect([...page.appScripts(), ...page.preloads()]).toEqual([]);
      page.parse();
      page.runTimers();
      expect(page.appScripts()).toEqual([`./${ENTRY}`]);
    }
  });

  it('fetches MapLibre alongside the app exactly where a gesture on the map starts it', () => {
    for (const environment of [{ width: 1280 }, { width: 390 }, { width: 1280, saveData: true }, { width: 601 }]) {
      for (const waitForIntent of [false, true]) {
        const page = stagePage({ ...environment, waitForIntent });
        page.runTimers();
        const map = page.preloads().filter((href) => href?.includes('maplibre'));
        expect(map, JSON.stringify(environment)).toEqual(preloadsMap(environment) ? [`./${MAP_CHUNK}`] : []);
      }
    }
  });

  it("makes again, once the app is ready, the reader's last press on a button, a claim or a sentence", () => {
    for (const id of ['tool', 'arrow', 'sentence']) {
      const page = stagePage({ width: 390, waitForIntent: true });
      const pressed: string[] = [];
      page.document.addEventListener('click', (event) => {
        if (page.state() === APP_START.ready) pressed.push((event.target as unknown as { id: string }).id);
      });
      page.press('paragraph'); // plain text: nothing to make again
      page.press(id === 'tool' ? 'arrow' : 'tool'); // pressed, then another press after it
      page.press(id);
      expect(pressed).toEqual([]);
      page.appTakesOver();
      expect(pressed, id).toEqual([id]);
    }
  });

  it('once the app is ready, stops listening at the next gesture and marks no press for the app', () => {
    const page = stagePage({ width: 1280, waitForIntent: true });
    page.gesture('pointermove');
    page.appTakesOver();
    expect(page.listening.size).toBe(APP_START_EVENTS.length);
    page.press('tool');
    expect([...page.listening]).toEqual([]);
    expect(page.document.querySelector(`[${EARLY_PICK_ATTRIBUTE}]`)).toBeNull();
    expect(page.appScripts()).toEqual([`./${ENTRY}`]);
  });

  it('marks the page as starting before anything paints, then folds the key on a phone once parsed', () => {
    const phone = stagePage({ width: 390, parsing: true });
    const key = phone.document.querySelector('details')!;
    expect(phone.state()).toBe(APP_START.starting);
    expect(key.open).toBe(true);
    phone.parse();
    // Folded for real, so it opens and closes even if the app never comes; the CSS rule lets go.
    expect(key.open).toBe(false);
    expect(phone.state()).toBe(APP_START.waiting);

    const laptop = stagePage({ width: 1280, parsing: true });
    laptop.parse();
    expect(laptop.document.querySelector('details')!.open).toBe(true);
  });
});
