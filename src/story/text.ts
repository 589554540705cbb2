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

export type AnchorResult =
  | { ok: true; sentence: Sentence; range: [number, number] }
  | { ok: false; reason: 'not-found' | 'ambiguous' | 'empty'; count: number };

/**
 * Finds the one sentence a selector points at. Sentences are searched one by one, so a quote
 * cannot span two sentences; the prefix and suffix are matched against the text around the
 * quote across sentence and paragraph breaks (paragraphs joined by a newline, sentences by a
 * space), as in the article a reader sees.
 */
export function anchorQuote(article: Article, selector: TextQuoteSelector): AnchorResult {
  const { exact, prefix = '', suffix = '' } = selector;
  if (!exact) return { ok: false, reason: 'empty', count: 0 };
  const matches: { sentence: Sentence; at: number }[] = [];
  const paragraphs = article.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' '));
  const full = paragraphs.join('\n');
  let offset = 0;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (let at = sentence.text.indexOf(exact); at >= 0; at = sentence.text.indexOf(exact, at + 1)) {
        const globalAt = offset + at;
        const before = full.slice(Math.max(0, globalAt - prefix.length), globalAt);
        const after = full.slice(globalAt + exact.length, globalAt + exact.length + suffix.length);
        if (before === prefix && after === suffix) matches.push({ sentence, at });
      }
      offset += sentence.text.length + 1; // the joining space, or the paragraph's newline
    }
  }
  if (matches.length !== 1) {
    return { ok: false, reason: matches.length === 0 ? 'not-found' : 'ambiguous', count: matches.length };
  }
  const [{ sentence, at }] = matches as [(typeof matches)[number]];
  return { ok: true, sentence, range: [at, at + exact.length] };
}
