import { describe, expect, it } from 'vitest';
import { sentenceScroll } from '../../src/ui/sentence-scroll';

const viewport = { width: 400, height: 800 };
const box = (top: number, height: number, width = 360) => ({ top, bottom: top + height, height, width });

describe('scrolling to a sentence', () => {
  it('leaves a sentence wholly in view where it is, unless asked to centre it', () => {
    expect(sentenceScroll(box(300, 60), undefined, viewport)).toBe(0);
    expect(sentenceScroll(box(300, 60), undefined, viewport, true)).toBe(300 - (800 - 60) / 2);
  });

  it('centres a sentence out of view in the room below a map column that spans the page', () => {
    const map = box(0, 400, 400);
    // Hidden under the map: it comes to the middle of the 400 px left below it.
    expect(sentenceScroll(box(100, 40), map, viewport)).toBe(100 - (400 + (400 - 40) / 2));
    // Beside a map column of half the page, the whole height is the article's.
    expect(sentenceScroll(box(100, 40), box(0, 800, 200), viewport)).toBe(0);
  });

  it('keeps a little room above a sentence too tall to centre', () => {
    expect(sentenceScroll(box(2000, 900), undefined, viewport)).toBe(2000 - 8);
  });
});
