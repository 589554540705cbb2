/**
 * The reader's first press, shown at once: before the app is ready, the inline loader
 * (`start/loader.ts`) shows on the prerendered page what a press on a claim asks for (its
 * sentence marked, its drawing standing out on the map, its card under the map), with the
 * classes and attributes the app itself uses for a selection, named here once. The app, once
 * hydrated, takes the preview down and makes the press itself in the same frame (`main.ts`,
 * `start/page.ts`), so the reader sees the claim once, from the press on.
 *
 * The prerendered page shows the overview (a page whose address asks for a claim starts the app
 * at once), so taking a preview down gives that page back exactly.
 */
import type { Emphasis } from '../symbology/claims.ts';

/** A sentence whose claim is selected (`ui/ArticlePanel.svelte`). */
export const SELECTED_SENTENCE_CLASS = 'selected';
/** The quoted words of a selected claim (`ui/ArticlePanel.svelte`). */
export const ACTIVE_QUOTE_CLASS = 'active';
/** The root element's attribute while a preview shows: the claims it shows, space-separated. */
export const PREVIEW_ATTRIBUTE = 'data-preview';
/** Marks what a preview changed or added, to take it down. */
const PREVIEWED = 'data-previewed';
/** The prerendered cards, one per claim (`build/prerender.ts` writes them; the loader fetches them). */
export const PREVIEW_CARDS_FILE = 'cards.html';
/** A card's element carries its claim's id in this attribute (`ui/ClaimCard.svelte`). */
export const CARD_ATTRIBUTE = 'data-claim-card';

const SELECTED: Emphasis = 'selected';
const OTHER: Emphasis = 'other';
const NONE: Emphasis = 'none';

/** What a press on `target` selects, as the app would: a claim's number, list button or drawing, or a sentence's claims. */
export function pressedClaims(target: EventTarget | Element | null): string[] {
  // An element of this page or of another document (a test's): anything that has `closest`.
  if (!target || typeof (target as Element).closest !== 'function') return [];
  const element = target as Element;
  const claim = element.closest('[data-claim]')?.getAttribute('data-claim');
  if (claim) return [claim];
  const sentence = element.closest('.sentence-text')?.closest('[data-sentence]');
  if (!sentence) return [];
  return [...sentence.querySelectorAll('[data-claim]')].map((b) => b.getAttribute('data-claim')!);
}

export function previewedClaims(root: Element = document.documentElement): string[] {
  return (root.getAttribute(PREVIEW_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
}

function mark(element: Element): void {
  element.setAttribute(PREVIEWED, '');
}

/** Shows `ids` selected on the prerendered page, with their cards from `cards` where it has them. */
export function showPreview(ids: readonly string[], cards: ParentNode | null, doc: Document = document): void {
  takePreviewDown(doc);
  if (!ids.length) return;
  const chosen = new Set(ids);
  doc.documentElement.setAttribute(PREVIEW_ATTRIBUTE, ids.join(' '));
  for (const element of doc.querySelectorAll('[data-claim]')) {
    const id = element.getAttribute('data-claim')!;
    if (element.hasAttribute('aria-pressed')) {
      if (!chosen.has(id)) continue;
      element.setAttribute('aria-pressed', 'true');
      mark(element);
    } else if (element.hasAttribute('data-emphasis')) {
      element.setAttribute('data-emphasis', chosen.has(id) ? SELECTED : OTHER);
      mark(element);
    }
  }
  for (const sentence of doc.querySelectorAll('article [data-sentence]')) {
    if (![...sentence.querySelectorAll('[data-claim]')].some((b) => chosen.has(b.getAttribute('data-claim')!)))
      continue;
    sentence.classList.add(SELECTED_SENTENCE_CLASS);
    mark(sentence);
    for (const quote of sentence.querySelectorAll('.quoted')) {
      quote.classList.add(ACTIVE_QUOTE_CLASS);
      mark(quote);
    }
  }
  const panel = doc.querySelector('.panel-body');
  for (const id of ids) {
    const card = [...(cards?.querySelectorAll(`[${CARD_ATTRIBUTE}]`) ?? [])].find(
      (c) => c.getAttribute(CARD_ATTRIBUTE) === id,
    );
    if (!panel || !card) continue;
    const copy = card.cloneNode(true) as Element;
    mark(copy);
    panel.appendChild(copy);
  }
}

/** Gives the prerendered page back as it came: nothing selected. */
export function takePreviewDown(doc: Document = document): void {
  doc.documentElement.removeAttribute(PREVIEW_ATTRIBUTE);
  for (const element of doc.querySelectorAll(`[${PREVIEWED}]`)) {
    element.removeAttribute(PREVIEWED);
    if (element.hasAttribute(CARD_ATTRIBUTE)) element.remove();
    else if (element.hasAttribute('aria-pressed')) element.setAttribute('aria-pressed', 'false');
    else if (element.hasAttribute('data-emphasis')) element.setAttribute('data-emphasis', NONE);
    else element.classList.remove(SELECTED_SENTENCE_CLASS, ACTIVE_QUOTE_CLASS);
  }
}
