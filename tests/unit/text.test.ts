import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allSentences, anchorQuote, foldText, parseArticle, splitSentences } from '../../src/story/text';
import type { Article, TextQuoteSelector } from '../../src/story/types';

const articleText = readFileSync('data/article.txt', 'utf8');
const article = parseArticle(articleText);

function quote(exact: string, extra: Partial<TextQuoteSelector> = {}): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact, ...extra };
}

function sentence(a: Article, id: string): string {
  const found = allSentences(a).find((s) => s.id === id);
  if (!found) throw new Error(`no sentence ${id}`);
  return found.text;
}

describe('splitSentences', () => {
  it('splits plain sentences at full stops, question and exclamation marks', () => {
    expect(splitSentences('Kabul is a capital. Is it safe? Nobody knows! Time will tell.')).toEqual([
      'Kabul is a capital.',
      'Is it safe?',
      'Nobody knows!',
      'Time will tell.',
    ]);
  });

  it('keeps hyphenated names such as Tehrik-i-Taliban whole', () => {
    expect(
      splitSentences('The Tehrik-i-Taliban Pakistan operates from Afghan soil. Iran has faced instability.'),
    ).toEqual(['The Tehrik-i-Taliban Pakistan operates from Afghan soil.', 'Iran has faced instability.']);
  });

  it('does not split after abbreviations such as U.S., e.g. and Dr.', () => {
    expect(splitSentences('The U.S. Congress met Dr. Khan. It was brief.')).toEqual([
      'The U.S. Congress met Dr. Khan.',
      'It was brief.',
    ]);
    expect(splitSentences('Some groups (e.g. IMU) remain. Others e.g., ISKP left.')).toEqual([
      'Some groups (e.g. IMU) remain.',
      'Others e.g., ISKP left.',
    ]);
    expect(splitSentences('Gen. Musharraf and Mr. Sharif met in St. Petersburg. Talks failed.')).toEqual([
      'Gen. Musharraf and Mr. Sharif met in St. Petersburg.',
      'Talks failed.',
    ]);
  });

  it('ends a sentence at the word "no", which abbreviates only before a number', () => {
    expect(splitSentences('The answer was no. The talks ended. Resolution No. 5 passed.')).toEqual([
      'The answer was no.',
      'The talks ended.',
      'Resolution No. 5 passed.',
    ]);
  });

  it('does not split after initials', () => {
    expect(splitSentences('J. R. Smith wrote the report. It was long.')).toEqual([
      'J. R. Smith wrote the report.',
      'It was long.',
    ]);
  });

  it('keeps a closing quote or bracket after the full stop with its sentence', () => {
    expect(splitSentences('He said "stop." Then he left.')).toEqual(['He said "stop."', 'Then he left.']);
    expect(splitSentences('(See the map.) Then read on.')).toEqual(['(See the map.)', 'Then read on.']);
    expect(splitSentences('She wrote “enough.” Nobody answered.')).toEqual(['She wrote “enough.”', 'Nobody answered.']);
  });

  it('starts a new sentence at an opening quote', () => {
    expect(splitSentences('He left. “Why?” she asked.')).toEqual(['He left.', '“Why?” she asked.']);
  });

  it('does not split inside decimals and numbers', () => {
    expect(splitSentences('Prices rose by 3.5 percent. Then they fell to 2.75.')).toEqual([
      'Prices rose by 3.5 percent.',
      'Then they fell to 2.75.',
    ]);
  });

  it('treats runs of terminal punctuation and ellipses as one ending', () => {
    expect(splitSentences('Really?! Yes. Wait... What now? Maybe… Later.')).toEqual([
      'Really?!',
      'Yes.',
      'Wait...',
      'What now?',
      'Maybe…',
      'Later.',
    ]);
  });

  it('does not split an ellipsis followed by a lower-case word', () => {
    expect(splitSentences('It was... well, odd. Then it ended.')).toEqual(['It was... well, odd.', 'Then it ended.']);
  });

  it('starts a sentence with a number', () => {
    expect(splitSentences('The talks ended. 12 states signed.')).toEqual(['The talks ended.', '12 states signed.']);
  });

  it('keeps the last sentence even without final punctuation, and trims outer space', () => {
    expect(splitSentences('  First one.   Second one without a stop  ')).toEqual([
      'First one.',
      'Second one without a stop',
    ]);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });

  it('keeps every character of the paragraph', () => {
    const paragraph = 'The U.S. Congress met Dr. Khan (of the U.N.). He said "no." Really?! Prices rose 3.5 percent…';
    expect(splitSentences(paragraph).join(' ')).toBe(paragraph);
  });
});

describe('parseArticle', () => {
  it('first story: reads the article, its title, 12 paragraphs and 38 sentences', () => {
    expect(article.title).toBe('Russia’s Taliban Gambit: Realpolitik At The Cost Of Regional Security – OpEd');
    expect(article.paragraphs).toHaveLength(12);
    expect(allSentences(article)).toHaveLength(38);
    expect(article.paragraphs.map((p) => p.sentences.length)).toEqual([3, 3, 3, 3, 3, 3, 3, 4, 4, 3, 4, 2]);
  });

  it('first story: splits the article at the right places', () => {
    expect(sentence(article, 'p4s2').startsWith('Iran has faced increased instability')).toBe(true);
    expect(sentence(article, 'p4s2').endsWith('which operates from Afghan soil.')).toBe(true);
    expect(sentence(article, 'p3s2').startsWith('The Tehrik-i-Taliban Pakistan along with Islamic Movement')).toBe(
      true,
    );
    expect(sentence(article, 'p6s1').startsWith('The Islamic Emirate of Afghanistan (IAG) has not')).toBe(true);
    expect(sentence(article, 'p9s1')).toBe('All nations stand at a decisive point in history.');
    expect(sentence(article, 'p12s1').endsWith('before rewarding them?')).toBe(true);
    expect(sentence(article, 'p12s2').startsWith('Future international relations')).toBe(true);
  });

  it('first story: loses no text of the article, each paragraph is its sentences joined by a space', () => {
    const lines = articleText.split('\n').filter((line) => line.trim());
    expect(article.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' '))).toEqual(lines.slice(1));
  });

  it('numbers sentences p<paragraph>s<sentence>, from 1', () => {
    const parsed = parseArticle('Title\nOne. Two.\nThree.');
    expect(allSentences(parsed)).toEqual([
      { id: 'p1s1', paragraph: 1, index: 1, text: 'One.' },
      { id: 'p1s2', paragraph: 1, index: 2, text: 'Two.' },
      { id: 'p2s1', paragraph: 2, index: 1, text: 'Three.' },
    ]);
  });

  it('tolerates a byte order mark, Windows line ends and blank lines', () => {
    const parsed = parseArticle('\uFEFFTitle\r\n\r\nFirst. Second.\r\n   \r\nThird.\r\n');
    expect(parsed.title).toBe('Title');
    expect(parsed.paragraphs.map((p) => p.sentences.map((s) => s.text))).toEqual([['First.', 'Second.'], ['Third.']]);
  });

  it('gives an empty title and no paragraphs for an empty file', () => {
    expect(parseArticle('')).toEqual({ title: '', paragraphs: [] });
    expect(parseArticle('\n  \n')).toEqual({ title: '', paragraphs: [] });
  });
});

describe('anchorQuote', () => {
  // Paragraph 1 reads "The cat sat. The dog sat." and paragraph 2 "The cat ran."
  const small = parseArticle('Pets\nThe cat sat. The dog sat.\nThe cat ran.');

  it('first story: finds a quote that occurs once and gives its range in the sentence', () => {
    const result = anchorQuote(article, quote('Pakistani territory faces ongoing terrorist threats'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sentence.id).toBe('p4s2');
    expect(result.range).toEqual([74, 125]);
    expect(result.sentence.text.slice(...result.range)).toBe('Pakistani territory faces ongoing terrorist threats');
  });

  it('gives a range starting at 0 for a quote at the start of its sentence', () => {
    const result = anchorQuote(small, quote('The dog'));
    expect(result).toMatchObject({ ok: true, range: [0, 7], sentence: { id: 'p1s2' } });
  });

  it('reports a quote that is not in the article', () => {
    expect(anchorQuote(article, quote('Russia invaded Mongolia'))).toEqual({
      ok: false,
      reason: 'not-found',
      count: 0,
    });
  });

  it('binds a quote that runs across two sentences to both, not across paragraphs', () => {
    const result = anchorQuote(small, quote('sat. The dog'));
    expect(result).toMatchObject({ ok: true, sentence: { id: 'p1s1' }, range: [8, 12], text: 'sat. The dog' });
    if (!result.ok) return;
    expect(result.spans.map((s) => [s.sentence.id, s.range])).toEqual([
      ['p1s1', [8, 12]],
      ['p1s2', [0, 7]],
    ]);
    expect(anchorQuote(small, quote('dog sat. The cat ran'))).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it("ignores what people cannot see or type, and gives the article's own text", () => {
    const typed = parseArticle('T\nShe said \u201cit\u2019s over\u201d \u2014 in\u00a0 Kabul\u2026 and left.');
    const result = anchorQuote(typed, quote(`said "it's  over" - in Kabul... and`));
    expect(result).toMatchObject({ ok: true, text: 'said \u201cit\u2019s over\u201d \u2014 in\u00a0 Kabul\u2026 and' });
    if (!result.ok) return;
    expect(result.sentence.text.slice(...result.range)).toBe(result.text);
    expect(foldText('a\u00a0\u00a0b\u00adc')).toEqual({ text: 'a bc', at: [0, 1, 3, 5, 6] });
  });

  it('reports an empty quote', () => {
    expect(anchorQuote(small, quote(''))).toEqual({ ok: false, reason: 'empty', count: 0 });
  });

  it('reports a quote found twice as ambiguous, with the count', () => {
    expect(anchorQuote(article, quote('counterterrorism principles'))).toEqual({
      ok: false,
      reason: 'ambiguous',
      count: 2,
    });
    expect(anchorQuote(small, quote('The cat'))).toEqual({ ok: false, reason: 'ambiguous', count: 2 });
    expect(anchorQuote(small, quote('sat'))).toEqual({ ok: false, reason: 'ambiguous', count: 2 });
  });

  it('disambiguates with a prefix', () => {
    const result = anchorQuote(small, quote('sat', { prefix: 'dog ' }));
    expect(result).toMatchObject({ ok: true, sentence: { id: 'p1s2' }, range: [8, 11] });
    const real = anchorQuote(article, quote('counterterrorism principles', { prefix: 'global ' }));
    expect(real).toMatchObject({ ok: true, sentence: { id: 'p2s3' } });
  });

  it('disambiguates with a suffix', () => {
    const result = anchorQuote(article, quote('counterterrorism principles', { suffix: ' as well' }));
    expect(result).toMatchObject({ ok: true, sentence: { id: 'p2s3' } });
    if (!result.ok) return;
    expect(result.sentence.text.slice(...result.range)).toBe('counterterrorism principles');
  });

  it('matches a suffix across a sentence break (sentences joined by one space)', () => {
    expect(anchorQuote(small, quote('sat', { suffix: '. The dog' }))).toMatchObject({
      ok: true,
      sentence: { id: 'p1s1' },
      range: [8, 11],
    });
    expect(anchorQuote(article, quote('Central Asia', { suffix: '. The strategic' }))).toMatchObject({
      ok: true,
      sentence: { id: 'p8s2' },
    });
  });

  it('matches a prefix and suffix across a paragraph break (paragraphs joined by a newline)', () => {
    expect(anchorQuote(small, quote('The cat', { prefix: 'sat.\n' }))).toMatchObject({
      ok: true,
      sentence: { id: 'p2s1' },
      range: [0, 7],
    });
    expect(anchorQuote(small, quote('sat', { suffix: '.\nThe cat' }))).toMatchObject({
      ok: true,
      sentence: { id: 'p1s2' },
    });
    expect(
      anchorQuote(article, quote('counterterrorism principles', { suffix: '.\nSince their takeover' })),
    ).toMatchObject({ ok: true, sentence: { id: 'p1s3' } });
  });

  it('does not treat a space as a paragraph break, nor a newline as a sentence break', () => {
    expect(anchorQuote(small, quote('The cat', { prefix: 'sat. ' }))).toMatchObject({ ok: false, reason: 'not-found' });
    expect(anchorQuote(small, quote('sat', { suffix: '.\nThe dog' }))).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('does not find a quote whose prefix runs past the start of the article', () => {
    expect(anchorQuote(small, quote('The cat', { prefix: 'Pets\n' }))).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });

  it('reports a prefix that matches nowhere as not found', () => {
    expect(anchorQuote(small, quote('sat', { prefix: 'bird ' }))).toEqual({ ok: false, reason: 'not-found', count: 0 });
  });

  it('counts overlapping occurrences in one sentence', () => {
    const a = parseArticle('T\nThe aaa was loud.');
    expect(anchorQuote(a, quote('aa'))).toEqual({ ok: false, reason: 'ambiguous', count: 2 });
    expect(anchorQuote(a, quote('aa', { suffix: ' was' }))).toMatchObject({ ok: true, range: [5, 7] });
  });
});
