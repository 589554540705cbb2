/**
 * Article text: splitting it into paragraphs and sentences, and anchoring W3C TextQuoteSelectors
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector) to exactly one sentence.
 *
 * Segmentation runs at build time only, so it is a small rule-based splitter rather than
 * `Intl.Segmenter`, whose output changes with the ICU version of whoever builds.
 */
import type { Article, Paragraph, Sentence, TextQuoteSelector } from './types.ts';

/**
 * Words that end in a full stop without ending a sentence. Compared lower-cased, without the
 * final stop. Single letters (initials, "U.S." pieces) are handled separately.
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'gov',
  'sen',
  'rep',
  'pres',
  'amb',
  'rev',
  'hon',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'approx',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'mt',
]);

/** Abbreviations only before a number: "No. 5", but "the answer was no." ends a sentence. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos']);

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = `"'”’)]}»`;
/** Opening quotes and brackets that may precede a sentence's first letter. */
const OPENERS = `"'“‘([{«`;

function isSentenceStart(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && OPENERS.includes(text[j]!)) j++;
  const c = text[j];
  return c !== undefined && /[\p{Lu}\p{N}]/u.test(c);
}

/** The word that ends at `end` (exclusive), e.g. "U.S" for "the U.S." with end at the final stop. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/[\s"'“‘([{«]/u.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** Splits one paragraph into sentences, keeping every character (trimmed of outer space). */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i]!;
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // Take the whole run of terminal punctuation and closers: `?!`, `...`, `."`, `.)`.
    let end = i + 1;
    while (end < paragraph.length && '.!?…'.includes(paragraph[end]!)) end++;
    while (end < paragraph.length && CLOSERS.includes(paragraph[end]!)) end++;
    if (end < paragraph.length && !/\s/u.test(paragraph[end]!)) {
      i = end - 1;
      continue; // "3.5", "e.g.," or a stop inside a word.
    }
    let next = end;
    while (next < paragraph.length && /\s/u.test(paragraph[next]!)) next++;
    if (next < paragraph.length) {
      if (!isSentenceStart(paragraph, next)) {
        i = end - 1;
        continue;
      }
      if (c === '.') {
        const word = wordBefore(paragraph, i).toLowerCase();
        // An initial ("J. Smith") or a known abbreviation ("Dr. Khan", "U.S. officials").
        const beforeNumber = NUMBER_ABBREVIATIONS.has(word) && /\p{N}/u.test(paragraph[next]!);
        if (/^\p{L}$/u.test(word) || ABBREVIATIONS.has(word) || beforeNumber) {
          i = end - 1;
          continue;
        }
      }
    }
    const sentence = paragraph.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
    i = end - 1;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * Parses `article.txt`: the title on the first line, then one paragraph a line. Blank lines are
 * skipped; a carriage return before a line break is tolerated.
 */
export function parseArticle(text: string): Article {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const [title = '', ...body] = lines;
  const paragraphs: Paragraph[] = body.map((line, p) => ({
    index: p + 1,
    sentences: splitSentences(line).map((text, s): Sentence => ({
      id: `p${p + 1}s${s + 1}`,
      paragraph: p + 1,
      index: s + 1,
      text,
    })),
  }));
  return { title, paragraphs };
}

export function allSentences(article: Article): Sentence[] {
  return article.paragraphs.flatMap((p) => p.sentences);
}

/** Where a quote sits in one sentence it covers: `[start, end)` in UTF-16 units of its text. */
export interface AnchorSpan {
  sentence: Sentence;
  range: [number, number];
}

export type AnchorResult =
  | {
      ok: true;
      /** The first sentence the quote covers, and where in it. */
      sentence: Sentence;
      range: [number, number];
      /** Every sentence the quote covers, in order (more than one when it runs across sentences). */
      spans: AnchorSpan[];
      /** The article's own text for the quote (its quotes, dashes and spaces, not the selector's). */
      text: string;
    }
  | { ok: false; reason: 'not-found' | 'ambiguous' | 'empty'; count: number };

/** Characters people cannot tell apart or type, folded to one they can. */
const FOLDS: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'", // prime
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"', // double prime
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus
  '\u2026': '...', // ellipsis
};
/** Invisible characters: soft hyphen, zero-width space and joiners, word joiner. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;

/**
 * `text` as matching sees it: quotes, apostrophes and dashes folded, invisible characters
 * dropped, each run of spaces (non-breaking ones too, not line breaks) one space. `at[i]` is
 * where the folded text's character `i` comes from in `text` (`at[length]` is `text.length`).
 */
export function foldText(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (INVISIBLE.test(c)) continue;
    if (c !== '\n' && /\s/u.test(c)) {
      if (!space) {
        out += ' ';
        at.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    const folded = FOLDS[c] ?? c;
    out += folded;
    for (let k = 0; k < folded.length; k++) at.push(i);
  }
  at.push(text.length);
  return { text: out, at };
}

/** The article as a reader sees it: sentences joined by a space, paragraphs by a line break. */
export function articleText(article: Article): { text: string; starts: { sentence: Sentence; at: number }[] } {
  let text = '';
  const starts: { sentence: Sentence; at: number }[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    paragraph.sentences.forEach((sentence, s) => {
      if (s > 0) text += ' ';
      else if (p > 0) text += '\n';
      starts.push({ sentence, at: text.length });
      text += sentence.text;
    });
  });
  return { text, starts };
}

/**
 * Finds the one passage a selector points at, and the sentences it covers (a quote may run
 * across sentences of a paragraph, not across paragraphs). Matching ignores what people cannot
 * see or type (`foldText`); the prefix and suffix are matched against the text around the quote
 * across sentence and paragraph breaks, as in the article a reader sees.
 */
export function anchorQuote(article: Article, selector: TextQuoteSelector): AnchorResult {
  const { exact, prefix = '', suffix = '' } = selector;
  const quote = foldText(exact).text.trim();
  if (!quote) return { ok: false, reason: 'empty', count: 0 };
  const { text, starts } = articleText(article);
  const full = foldText(text);
  const before = foldText(prefix).text;
  const after = foldText(suffix).text;
  const matches: [number, number][] = [];
  for (let k = full.text.indexOf(quote); k >= 0; k = full.text.indexOf(quote, k + 1)) {
    const end = k + quote.length;
    if (full.text.slice(Math.max(0, k - before.length), k) !== before) continue;
    if (full.text.slice(end, end + after.length) !== after) continue;
    matches.push([full.at[k]!, full.at[end]!]);
  }
  if (matches.length !== 1) {
    return { ok: false, reason: matches.length === 0 ? 'not-found' : 'ambiguous', count: matches.length };
  }
  const [[start, end]] = matches as [[number, number]];
  const spans = starts
    .filter(({ sentence, at }) => at < end && at + sentence.text.length > start)
    .map(({ sentence, at }): AnchorSpan => ({
      sentence,
      range: [Math.max(start, at) - at, Math.min(end, at + sentence.text.length) - at],
    }));
  const [first] = spans as [AnchorSpan];
  return { ok: true, sentence: first.sentence, range: first.range, spans, text: text.slice(start, end) };
}
