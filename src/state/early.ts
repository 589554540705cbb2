/**
 * A claim picked before the app has started (a numbered sentence tapped while the page was still
 * being taken over): the inline loader (`build/prerender.ts`) marks the button with this attribute,
 * and the app, once ready, presses it again, so the reader's first pick is not lost.
 */
export const EARLY_PICK_ATTRIBUTE = 'data-early-pick';

/** Presses again the button picked before the app started, if it is still in the page. */
export function replayEarlyPick(root: ParentNode = document): void {
  const button = root.querySelector<HTMLElement>(`[${EARLY_PICK_ATTRIBUTE}]`);
  if (!button) return;
  button.removeAttribute(EARLY_PICK_ATTRIBUTE);
  if (button.isConnected) button.click();
}
