import { describe, expect, it } from 'vitest';
import { sentenceSegments } from '../../src/story/segments';

const text = 'Iran has faced instability while Pakistan faces threats.';

describe('sentenceSegments', () => {
  it('gives the whole sentence as one plain run when no claim quotes it', () => {
    expect(sentenceSegments(text, [])).toEqual([{ text, claimIds: [] }]);
  });

  it('underlines only the quoted words of a claim', () => {
    const start = text.indexOf('Pakistan');
    const end = text.indexOf('.');
    expect(sentenceSegments(text, [{ claimId: 'ttp', range: [start, end] }])).toEqual([
      { text: 'Iran has faced instability while ', claimIds: [] },
      { text: 'Pakistan faces threats', claimIds: ['ttp'] },
      { text: '.', claimIds: [] },
    ]);
  });

  it('gives a quote at the very start or covering the whole sentence no empty runs', () => {
    expect(sentenceSegments(text, [{ claimId: 'a', range: [0, 4] }])).toEqual([
      { text: 'Iran', claimIds: ['a'] },
      { text: text.slice(4), claimIds: [] },
    ]);
    expect(sentenceSegments(text, [{ claimId: 'a', range: [0, text.length] }])).toEqual([{ text, claimIds: ['a'] }]);
  });

  it('marks words quoted by two claims with both claims, in the order given', () => {
    // "Iran has faced instability" (a) overlaps "instability while Pakistan" (b).
    const a: [number, number] = [0, text.indexOf(' while')];
    const b: [number, number] = [text.indexOf('instability'), text.indexOf(' faces')];
    expect(
      sentenceSegments(text, [
        { claimId: 'a', range: a },
        { claimId: 'b', range: b },
      ]),
    ).toEqual([
      { text: 'Iran has faced ', claimIds: ['a'] },
      { text: 'instability', claimIds: ['a', 'b'] },
      { text: ' while Pakistan', claimIds: ['b'] },
      { text: ' faces threats.', claimIds: [] },
    ]);
  });

  it('keeps two quotes that touch as separate runs', () => {
    expect(
      sentenceSegments('abcdef', [
        { claimId: 'x', range: [0, 3] },
        { claimId: 'y', range: [3, 6] },
      ]),
    ).toEqual([
      { text: 'abc', claimIds: ['x'] },
      { text: 'def', claimIds: ['y'] },
    ]);
  });

  it('clamps a range that runs past the sentence', () => {
    expect(sentenceSegments('abcdef', [{ claimId: 'x', range: [4, 99] }])).toEqual([
      { text: 'abcd', claimIds: [] },
      { text: 'ef', claimIds: ['x'] },
    ]);
    expect(sentenceSegments('abcdef', [{ claimId: 'x', range: [-5, 2] }])).toEqual([
      { text: 'ab', claimIds: ['x'] },
      { text: 'cdef', claimIds: [] },
    ]);
  });

  it('never loses or repeats a character, whatever the quotes', () => {
    const quotes = [
      { claimId: 'a', range: [3, 20] as [number, number] },
      { claimId: 'b', range: [10, 40] as [number, number] },
      { claimId: 'c', range: [10, 10] as [number, number] },
      { claimId: 'd', range: [0, text.length] as [number, number] },
    ];
    const segments = sentenceSegments(text, quotes);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.every((s) => s.text.length > 0)).toBe(true);
    expect(segments.every((s) => s.claimIds.includes('d'))).toBe(true);
    // An empty range covers no characters.
    expect(segments.some((s) => s.claimIds.includes('c'))).toBe(false);
  });

  it('gives no runs for an empty sentence', () => {
    expect(sentenceSegments('', [{ claimId: 'x', range: [0, 3] }])).toEqual([]);
  });
});
