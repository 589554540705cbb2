/**
 * Each claim's quote found in the article, once (as Hypothesis anchors a text quote selector):
 * where it is not, the article's nearest passage is offered; where it is found more than once, a
 * prefix or suffix is asked for.
 */
import search from 'approx-string-match';
import { anchorQuote, articleText, foldText, type AnchorResult } from '../story/text.ts';
import type { Article, Claim } from '../story/types.ts';
import { DataError } from './problems.ts';

/** "; did you mean …": the article's passage nearest the quote (fuzzy, as Hypothesis anchors), if any is near. */
function nearestPassage(article: Article, exact: string): string {
  const { text } = articleText(article);
  const folded = foldText(text);
  const quote = foldText(exact).text.trim();
  if (!quote) return '';
  const matches = search(folded.text, quote, Math.ceil(quote.length / 4));
  if (!matches.length) return '';
  const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a));
  const passage = text.slice(folded.at[best.start], folded.at[best.end]).trim();
  return `; did you mean "${passage}"? (copy the article's words exactly; quotes, dashes and spaces may differ)`;
}

export type Anchor = Extract<AnchorResult, { ok: true }>;

/** Where a claim's quote is in the article, or the problem that says why it is not there once. */
export function anchorClaim(claim: Pick<Claim, 'id' | 'selector'>, article: Article): Anchor | DataError {
  const anchor = anchorQuote(article, claim.selector);
  if (anchor.ok) return anchor;
  const exact = claim.selector.exact;
  const problem =
    anchor.reason === 'ambiguous'
      ? `quote found ${anchor.count} times in article.txt; add a prefix or suffix: "${exact}"`
      : `quote not found in article.txt: "${exact}"${nearestPassage(article, exact) || '; copy the words of one sentence (or a few) of article.txt exactly'}`;
  return new DataError('claims.json', `claim "${claim.id}"`, 'selector.exact', problem, `quote-${anchor.reason}`);
}
