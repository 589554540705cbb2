/**
 * The page's start as the DOM holds it, for the inline loader (`start/loader.ts`) and the app
 * (`main.ts`) alike: how far it has come, on the root element, and the press a reader made
 * before the app was ready, on the element pressed.
 */
import { APP_START, APP_START_ATTRIBUTE, EARLY_PICK_ATTRIBUTE, EARLY_PRESS_TARGETS, type AppStart } from './policy.ts';

export function setAppStart(state: AppStart, root: Element = document.documentElement): void {
  root.setAttribute(APP_START_ATTRIBUTE, state);
}

export function appStart(root: Element = document.documentElement): AppStart | null {
  return root.getAttribute(APP_START_ATTRIBUTE) as AppStart | null;
}

/**
 * Marks what a press before the app is ready landed on (`EARLY_PRESS_TARGETS`), for the app to
 * press again: the last press only.
 */
export function markEarlyPick(target: EventTarget | null, root: ParentNode = document): void {
  const pressed = target instanceof Element ? target.closest(EARLY_PRESS_TARGETS) : null;
  if (!pressed) return;
  clearEarlyPick(root);
  pressed.setAttribute(EARLY_PICK_ATTRIBUTE, '');
}

/** Forgets the press marked before the app started (a sentence pressed twice: back to the overview). */
export function clearEarlyPick(root: ParentNode = document): void {
  for (const marked of root.querySelectorAll(`[${EARLY_PICK_ATTRIBUTE}]`)) marked.removeAttribute(EARLY_PICK_ATTRIBUTE);
}

/** Presses again the element pressed before the app started, if it is still in the page. */
export function replayEarlyPick(root: ParentNode = document): void {
  const element = root.querySelector<Element>(`[${EARLY_PICK_ATTRIBUTE}]`);
  if (!element) return;
  element.removeAttribute(EARLY_PICK_ATTRIBUTE);
  if (!element.isConnected) return;
  if (element instanceof HTMLElement) element.click();
  else element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

/**
 * The app has taken the page over (`main.ts`): the page says so, for CSS, scripts and tests (its
 * controls now respond), and what the reader pressed while it was being taken over is pressed
 * again, once the app has applied the page's address (in its first effects). The loader's
 * preview of the press (`start/preview.ts`) came down just before hydration (`main.ts`).
 */
export function appTakesOver(): void {
  setAppStart(APP_START.ready);
  setTimeout(replayEarlyPick);
}
