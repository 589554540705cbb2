/**
 * The engine's looks in words, for the studio's pickers: how each is drawn (its colour's family,
 * its line, its arrowhead and its marker), read from the one table every renderer reads
 * (`symbology/claims.ts`), and which kinds of the story already use it.
 */
import type { KindDeclaration } from '../story/types';
import { kindLook } from '../symbology/claims';

/** A colour's family from its hue and lightness: enough words to tell the looks apart. */
function colourWord(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const chroma = max - min;
  if (chroma < 0.12) return max < 0.3 ? 'black' : 'grey';
  const hue =
    max === r
      ? (((g - b) / chroma + 6) % 6) * 60
      : max === g
        ? ((b - r) / chroma + 2) * 60
        : ((r - g) / chroma + 4) * 60;
  if (hue < 20 || hue >= 330) return 'red';
  if (hue < 50) return max < 0.6 ? 'brown' : 'orange';
  if (hue < 70) return max < 0.65 ? 'olive' : 'yellow';
  if (hue < 160) return 'green';
  if (hue < 250) return 'blue';
  return 'purple';
}

const DASHES: [test: (dash: number[]) => boolean, words: string][] = [
  [(d) => d.length === 0, 'solid line'],
  [(d) => d.length > 2, 'dash-dot line'],
  [(d) => d[0]! < 1, 'dotted line'],
  [(d) => d[0]! < 2, 'short dashes'],
  [() => true, 'long dashes'],
];

/** "red, solid line, filled arrowhead, round markers". */
export function lookWords(look: string): string {
  const { color, dash, head, marker } = kindLook(look);
  const line = DASHES.find(([test]) => test(dash))![1];
  const markers = { circle: 'round', square: 'square', diamond: 'diamond', triangle: 'triangle' }[marker];
  return `${colourWord(color.light)}, ${line}, ${head === 'open' ? 'open' : 'filled'} arrowhead, ${markers} markers`;
}

/** The kinds among `kinds` drawn with `look`. */
export const kindsWithLook = (kinds: readonly KindDeclaration[], look: string) => kinds.filter((k) => k.look === look);
