/**
 * Capturing a claim's quote from words the journalist selects in the article: the article's own
 * text for those words (its quotes, dashes and spaces), with a prefix and a suffix when the words
 * occur more than once, so that the selector anchors exactly where they were selected
 * (`anchorQuote`, the same matching as the build).
 */
import { anchorQuote, articleText } from '../story/text';
import type { Article, TextQuoteSelector } from '../story/types';

export type Capture = { ok: true; selector: TextQuoteSelector } | { ok: false; problem: string };

/** Where an anchored selector starts in the article as a reader sees it (`articleText`), or null. */
function anchoredAt(article: Article, selector: TextQuoteSelector): number | null {
  const anchor = anchorQuote(article, selector);
  if (!anchor.ok) return null;
  const start = articleText(article).starts.find((s) => s.sentence.id === anchor.sentence.id)!;
  return start.at + anchor.range[0];
}

/** The end of the next word after `from` (context grows a word at a time). */
function nextWordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  while (i < text.length && !/\s/u.test(text[i]!)) i++;
  return i;
}

function previousWordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && /\s/u.test(text[i - 1]!)) i--;
  while (i > 0 && !/\s/u.test(text[i - 1]!)) i--;
  return i;
}

/**
 * The selector for the characters `[start, end)` of the article as a reader sees it (sentences
 * joined by a space, paragraphs by a line break: `articleText`). Space around the selection is
 * left out; a selection may run across sentences of one paragraph, not across paragraphs.
 */
export function captureQuote(article: Article, start: number, end: number): Capture {
  const { text } = articleText(article);
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s === e) return { ok: false, problem: 'Select the words of the article that make the claim first.' };
  if (text.slice(s, e).includes('\n')) {
    return { ok: false, problem: 'A claim’s quote stays within one paragraph: select words of one paragraph.' };
  }
  const exact = text.slice(s, e);
  // The context a reader sees around the words, within their paragraph.
  const paragraphStart = text.lastIndexOf('\n', s) + 1;
  const paragraphEnd = text.indexOf('\n', e) < 0 ? text.length : text.indexOf('\n', e);
  let before = s;
  let after = e;
  for (;;) {
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact };
    if (before < s) selector.prefix = text.slice(before, s);
    if (after > e) selector.suffix = text.slice(e, after);
    if (anchoredAt(article, selector) === s) return { ok: true, selector };
    // Grow the context a word at a time on each side that has any left.
    const grownBefore = before > paragraphStart ? previousWordStart(text, before) : before;
    const grownAfter = after < paragraphEnd ? nextWordEnd(text, after) : after;
    if (grownBefore === before && grownAfter === after) {
      return { ok: false, problem: 'These words occur more than once in the same context: select a longer passage.' };
    }
    before = Math.max(grownBefore, paragraphStart);
    after = Math.min(grownAfter, paragraphEnd);
  }
}
