/**
 * Splits a sentence into runs of text, each knowing which claims' exact quotes cover it, so the
 * article can underline the words a claim quotes and not the whole sentence.
 */

export interface QuoteRange {
  claimId: string;
  range: [number, number];
}

export interface Segment {
  text: string;
  claimIds: string[];
}

export function sentenceSegments(text: string, quotes: readonly QuoteRange[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const { range } of quotes) {
    cuts.add(Math.max(0, Math.min(text.length, range[0])));
    cuts.add(Math.max(0, Math.min(text.length, range[1])));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    if (start === end) continue;
    const claimIds = quotes.filter((q) => q.range[0] <= start && q.range[1] >= end).map((q) => q.claimId);
    segments.push({ text: text.slice(start, end), claimIds });
  }
  return segments;
}
