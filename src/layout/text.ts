/**
 * How wide and tall a name is written: the one estimate of text size that the layout, the camera's
 * framing and the tests use. There is no text measuring at build time (the page is prerendered
 * without a browser), so a name's width is its length times a width per character of its font.
 * Type sizes are the tiers' (`symbology/tiers.ts`): a claim's place, a neighbour, a town.
 */
import { nameLook, type NameRank } from '../symbology/tiers.ts';
import type { NameStyle } from '../symbology/places.ts';

/**
 * Widths per character of names, from Noto Sans measured in Chromium (0.70 em for a country's
 * spaced capitals, 0.54 em for a place's name, 0.47 em for a region's italic), rounded up since
 * posters draw in the wider DejaVu Sans (and the story's names are set semibold, about 5 % wider).
 */
export const CHAR_WIDTH = { country: 0.78, place: 0.58, region: 0.52 };

/** The font size a name of `style` is written at, at `scale` 1, in its tier (the story's by default). */
export function fontSize(style: NameStyle, rank: NameRank = 'story'): number {
  return nameLook(rank, style).size;
}

/** A name's box size in pixels at `scale`: width and height. */
export function nameSize(name: string, style: NameStyle, scale = 1, rank: NameRank = 'story'): [number, number] {
  const height = (style === 'place' ? 15 : 14) * (fontSize(style, rank) / fontSize(style));
  return [textWidth(name, style, scale, rank), height * scale];
}

/** A name's width in pixels at `scale`. */
export function textWidth(name: string, style: NameStyle, scale = 1, rank: NameRank = 'story'): number {
  return name.length * fontSize(style, rank) * scale * CHAR_WIDTH[style];
}
