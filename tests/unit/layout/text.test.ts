/** How wide a name is written (`layout/text.ts`): the one estimate the layout and framing use. */
import { describe, expect, it } from 'vitest';
import { CHAR_WIDTH, fontSize, nameSize, textWidth } from '../../../src/layout/text';

describe('the text estimate', () => {
  it('grows with the name’s length and the scale names are set at', () => {
    expect(textWidth('abcdef', 'place')).toBeCloseTo(2 * textWidth('abc', 'place'), 9);
    expect(textWidth('abc', 'place', 2)).toBeCloseTo(2 * textWidth('abc', 'place'), 9);
  });

  it('takes a character of a country’s spaced capitals wider than one of a place’s name', () => {
    expect(CHAR_WIDTH.country).toBeGreaterThan(CHAR_WIDTH.place);
    expect(textWidth('x', 'country')).toBeCloseTo(fontSize('country') * CHAR_WIDTH.country, 9);
  });

  it('gives a name’s box its width and a line’s height, both at scale', () => {
    const [w, h] = nameSize('Someplace', 'place', 1.5);
    expect(w).toBe(textWidth('Someplace', 'place', 1.5));
    expect(h).toBe(15 * 1.5);
    expect(nameSize('Someland', 'country')[1]).toBe(14);
  });
});
