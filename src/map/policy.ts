/**
 * When MapLibre starts. It is about 450 kB gzip (library and worker), and creating the map costs
 * the main thread a second or more of a slow processor's time (Lighthouse counted 760-900 ms of
 * blocking time on a laptop when it started by itself after the first paint); what it adds over
 * the SVG map is zooming and panning. The SVG map selects, highlights, frames, steps and animates
 * on its own, so MapLibre waits for a sign that the reader wants to use the map:
 * - on most screens, the first pointer over the map, focus moving into it, a wheel or a touch on
 *   it (`INTENT_EVENTS`); its files are fetched with the app (network only: nothing runs), so
 *   the map follows the gesture within a second or so;
 * - on small screens, and when the reader asked to save data, the "Zoom and pan" button (or a
 *   pinch): a map a few hundred pixels wide above the article rarely needs zooming, and nothing
 *   of MapLibre is fetched before.
 */

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

/**
 * Events on the map's region that show intent where the map starts on intent: a pointer over it
 * or moving on it (mouse, pen or touch), a press, a wheel, and focus moving into it (keyboard
 * users, the skip link).
 */
export const INTENT_EVENTS = ['pointerover', 'pointermove', 'pointerdown', 'wheel', 'focusin'] as const;

/** The environment as the browser reports it. */
export function browserLoadEnvironment(): LoadEnvironment {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return { width: window.innerWidth, saveData: connection?.saveData === true };
}
