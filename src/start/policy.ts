/**
 * How the page starts, decided once: the inline loader (`start/loader.ts`, compiled into the
 * page by `build/prerender.ts`) and the app (`main.ts`, `ui/MapStage.svelte`) read it here.
 *
 * The prerendered page is whole without script. On a reader's page the app starts at the
 * reader's first gesture (`APP_START_EVENTS`); MapLibre starts later still: it is about 450 kB
 * gzip (library and worker), and creating the map costs the main thread a second or more of a
 * slow processor's time (Lighthouse counted 760-900 ms of blocking time on a laptop when it
 * started by itself after the first paint); what it adds over the SVG map is zooming and
 * panning. The SVG map selects, highlights, frames, steps and animates on its own, so MapLibre
 * waits for a sign that the reader wants to use the map:
 * - on most screens, the first pointer over the map, focus moving into it, a wheel or a touch on
 *   it (`MAP_INTENT_EVENTS`); its files are fetched with the app (network only: nothing runs), so
 *   the map follows the gesture within a second or so;
 * - on small screens, and when the reader asked to save data, the "Zoom and pan" button (or a
 *   pinch): a map a few hundred pixels wide above the article rarely needs zooming, and nothing
 *   of MapLibre is fetched before.
 */

/** The root element's attribute that says how far the page's start has come. */
export const APP_START_ATTRIBUTE = 'data-app';

/**
 * How far the page's start has come (the value of `APP_START_ATTRIBUTE`):
 * `starting`: script runs and the page is being parsed (CSS shows the page as the app will);
 * `waiting`: parsed, the app not yet running (it waits for the reader, or is on its way);
 * `ready`: the app has taken the page over and its controls respond.
 * CSS cannot import these: `tests/unit/start.test.ts` holds every selector on the attribute in
 * `src/` to these names (a rename there fails until the CSS follows).
 */
export const APP_START = { starting: 'starting', waiting: 'waiting', ready: 'ready' } as const;
export type AppStart = (typeof APP_START)[keyof typeof APP_START];

/** The reader's signs of use that count anywhere: a pointer moved or pressed, a wheel, focus moving in. */
const GESTURES = ['pointermove', 'pointerdown', 'wheel', 'focusin'] as const;

/**
 * The reader's gestures that start the app on a page that waits for one: anything that may be
 * followed by a use of the map or a control (a pointer moved over the page included), a touch, a
 * key, a click (a screen reader's), and printing (the printed page has parts the app draws).
 */
export const APP_START_EVENTS = [...GESTURES, 'touchstart', 'keydown', 'click', 'beforeprint'] as const;

/**
 * Events on the map's region that show intent where the map starts on intent: a pointer over it
 * or moving on it (mouse, pen or touch), a press, a wheel, and focus moving into it (keyboard
 * users, the skip link).
 */
export const MAP_INTENT_EVENTS = [...GESTURES, 'pointerover'] as const;

/** Up to this width in CSS pixels the map waits to be asked: phones held upright, narrow embeds. */
export const SMALL_SCREEN_MAX_WIDTH = 600;

export interface LoadEnvironment {
  /** The viewport's (or the embed's frame's) width in CSS pixels. */
  width: number;
  /** `navigator.connection.saveData`, where the browser tells it. */
  saveData?: boolean;
}

/**
 * What starts MapLibre: `intent`, the first sign of use on the map (most screens); `request`, the
 * reader's press of "Zoom and pan" (small screens, Save-Data).
 */
export type MapStart = 'intent' | 'request';

export function mapStart({ width, saveData = false }: LoadEnvironment): MapStart {
  return !saveData && width > SMALL_SCREEN_MAX_WIDTH ? 'intent' : 'request';
}

/** MapLibre's files are fetched with the app, to run later, exactly where a gesture starts the map. */
export function preloadsMap(environment: LoadEnvironment): boolean {
  return mapStart(environment) === 'intent';
}

/** The environment as the browser reports it. */
export function browserLoadEnvironment(): LoadEnvironment {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return { width: window.innerWidth, saveData: connection?.saveData === true };
}

/**
 * What a press before the app is ready is kept for: the page's buttons, the map's claims (a
 * sentence's number, an arrow) and a sentence's text (ArticlePanel), which do nothing until
 * then; and a fold's summary (the key), which the app sets as it starts, then toggles again.
 */
export const EARLY_PRESS_TARGETS = 'button, summary, [data-claim], .sentence-text';

/**
 * A press made before the app has started (a number tapped, a button pressed while the page is
 * being taken over): the inline loader marks the element with this attribute, and the app, once
 * ready, presses it again, so the reader's first press is not lost.
 */
export const EARLY_PICK_ATTRIBUTE = 'data-early-pick';
