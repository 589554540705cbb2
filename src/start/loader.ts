/**
 * The script that starts the app: the one inline script of the reader's and the embed's pages,
 * compiled at build time to a small script (`build/scripts.ts`) and written into the page's
 * head by `build/prerender.ts`, which gives it the built files' names.
 *
 * The page is whole without it (prerendered HTML and CSS), so a reader's page starts the app on
 * the reader's first sign of intent (`APP_START_EVENTS`). Until then the page's main thread is
 * free (no long task while the page loads: the app's start and the map's redraw at its own size
 * come with that first gesture). Once the page is parsed and its first contentful paint
 * recorded, the app's files are fetched (fetched only), so that its start then costs no round
 * trip. An address that asks for more than the page shows (any of the schema's parameters: a
 * claim, a step, a theme…), and pages that do not wait (the embed, which sizes its frame),
 * start the app then instead. Browsers without paint timing do it a little later. A press on a
 * button, a claim or a sentence before the app is ready is marked, the last one only, for the
 * app to make again once it is (`start/page.ts`); a press on a claim is shown at once, the app
 * starting only after the frame that shows it (`start/preview.ts`).
 */
import { ADDRESS_PARAMETERS } from '../state/url.ts';
import { APP_START, APP_START_EVENTS, EARLY_PRESS_TARGETS, browserLoadEnvironment, preloadsMap } from './policy.ts';
import { appStart, clearEarlyPick, markEarlyPick, setAppStart } from './page.ts';
import { PREVIEW_CARDS_FILE, pressedClaims, previewedClaims, showPreview } from './preview.ts';

export interface LoaderOptions {
  /** The app's entry module, relative to the page. */
  entry: string;
  /** Chunks imported on demand that a gesture on the map will need at once (MapLibre). */
  preload: readonly string[];
  /** The page waits for the reader's first gesture (a reader's page) or not (the embed). */
  waitForIntent: boolean;
}

/** When the fallback for browsers without paint timing gives up waiting for the first paint. */
const PAINT_FALLBACK_MS = 400;
/** How long a touch or a press on a control waits for its click before the app starts anyway (a touch that scrolls). */
const CLICK_WAIT_MS = 800;
/** The gestures that begin a press: on a control, the app waits for the click and shows it first. */
const PRESS_STARTS: readonly string[] = ['pointerdown', 'touchstart'];

/** Runs `then` once the page is parsed: at once if it is. */
function whenParsed(then: () => void): boolean {
  if (document.readyState !== 'loading') return true;
  document.addEventListener('DOMContentLoaded', then);
  return false;
}

function addToHead(tag: 'link' | 'script', attributes: Record<string, string>): void {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.head.appendChild(element);
}

export default function startPage({ entry, preload, waitForIntent }: LoaderOptions): void {
  // Before anything paints: CSS can tell a page whose app is on its way (`starting`, then
  // `ready`) from a page without JavaScript, and shows the former as the app will.
  setAppStart(APP_START.starting);
  // Once the page is parsed: fold what starts folded on this screen (the key on a phone) for
  // real, so it opens and closes even if the app never comes; the CSS rule then lets go.
  const parsed = () => {
    for (const fold of document.querySelectorAll<HTMLDetailsElement>('details[data-fold]'))
      if (matchMedia(fold.getAttribute('data-fold') ?? '').matches) fold.open = false;
    setAppStart(APP_START.waiting);
  };
  if (whenParsed(parsed)) parsed();

  let fetched = false;
  let started = false;
  /** The claims' cards, once fetched, for a press before the app is ready to show. */
  let cards: ParentNode | null = null;
  const fetchApp = () => {
    // After the page's own HTML, not alongside it.
    if (!whenParsed(fetchApp) || fetched) return;
    fetched = true;
    if (preloadsMap(browserLoadEnvironment()))
      for (const href of preload) addToHead('link', { rel: 'modulepreload', href: `./${href}` });
    addToHead('link', { rel: 'modulepreload', href: `./${entry}` });
    if (waits)
      fetch(`./${PREVIEW_CARDS_FILE}`)
        .then((response) => (response.ok ? response.text() : ''))
        .then((html) => {
          const template = document.createElement('template');
          template.innerHTML = html;
          cards = template.content;
        })
        .catch(() => {});
  };
  const start = () => {
    // The app takes over the whole page: it starts once the page is parsed, not before.
    if (!whenParsed(start) || started) return;
    started = true;
    fetchApp();
    addToHead('script', { type: 'module', src: `./${entry}` });
  };

  // The address's own parameters (`state/url.ts`); another (a campaign's tag) shows the overview.
  const asked = new URLSearchParams(location.search);
  const waits = waitForIntent && !ADDRESS_PARAMETERS.some((name) => asked.has(name));

  // The reader's first gesture starts the app; a press is also marked for the app to make again
  // and, on a claim, shown at once: the app's start is one long task, begun after that frame.
  const intent = (event: Event) => {
    if (appStart() === APP_START.ready) {
      for (const type of APP_START_EVENTS) removeEventListener(type, intent, true);
      return;
    }
    const onControl = event.target instanceof Element && !!event.target.closest(EARLY_PRESS_TARGETS);
    if (event.type === 'click') {
      markEarlyPick(event.target);
      if (waits) preview(event.target);
      requestAnimationFrame(() => setTimeout(start));
    } else if (waits && onControl && PRESS_STARTS.includes(event.type)) setTimeout(start, CLICK_WAIT_MS);
    else start();
  };
  /** Shows what a press selects; a sentence's number or text pressed again goes back to the overview, as in the app. */
  const preview = (target: EventTarget | null) => {
    const ids = pressedClaims(target);
    if (!ids.length) return;
    const shown = previewedClaims();
    const again = target instanceof Element && !!target.closest('article') && ids.join(' ') === shown.join(' ');
    if (again) clearEarlyPick();
    showPreview(again ? [] : ids, cards);
  };
  for (const type of APP_START_EVENTS) addEventListener(type, intent, { capture: true, passive: true });

  const painted = () => (waits ? fetchApp() : start());
  try {
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) setTimeout(painted);
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing: the fallback below.
  }
  setTimeout(painted, PAINT_FALLBACK_MS);
}
