/**
 * How the page starts: the prerendered page is whole without script; the inline loader
 * (`build/prerender.ts`) starts the app (`main.ts`), on a reader's page at the reader's first
 * gesture. Both read the names here.
 */

/** The root element's attribute that says how far the page's start has come. */
export const APP_START_ATTRIBUTE = 'data-app';

/**
 * `starting`: script runs and the page is being parsed (CSS shows the page as the app will);
 * `waiting`: parsed, the app not yet running (it waits for the reader, or is on its way);
 * `ready`: the app has taken the page over and its controls respond.
 * CSS cannot import these: `Reader.svelte` spells `html[data-app='starting']` (the key shown
 * folded while parsing) and `html[data-app='ready']` (what the app prints instead); rename there too.
 */
export type AppStart = 'starting' | 'waiting' | 'ready';
export const APP_READY: AppStart = 'ready';

/**
 * The reader's gestures that start the app on a page that waits for one: anything that may be
 * followed by a use of the map or a control (a pointer moved over the page included), and printing
 * (the printed page has parts the app draws).
 */
export const START_EVENTS = [
  'pointermove',
  'pointerdown',
  'touchstart',
  'wheel',
  'keydown',
  'focusin',
  'click',
  'beforeprint',
] as const;

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

/** Presses again the element pressed before the app started, if it is still in the page. */
export function replayEarlyPick(root: ParentNode = document): void {
  const element = root.querySelector<Element>(`[${EARLY_PICK_ATTRIBUTE}]`);
  if (!element) return;
  element.removeAttribute(EARLY_PICK_ATTRIBUTE);
  if (!element.isConnected) return;
  if (element instanceof HTMLElement) element.click();
  else element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}
