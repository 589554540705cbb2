/**
 * How wide and tall a name is written: the one estimate of text size that the layout, the camera's
 * framing and the tests use. There is no text measuring at build time (the page is prerendered
 * without a browser), so a name's width is its length times a width per character of its font.
 */
import { LABEL_FONT } from '../symbology/basemap.ts';
import { REGION_FONT } from '../symbology/sizes.ts';
import type { NameStyle } from '../symbology/places.ts';

/**
 * Widths per character of names, from Noto Sans measured in Chromium (0.70 em for a country's
 * spaced capitals, 0.54 em for a place's name, 0.47 em for a region's italic), rounded up since
 * posters draw in the wider DejaVu Sans.
 */
export const CHAR_WIDTH = { country: 0.78, place: 0.58, region: 0.52 };

/** The font size a name of `style` is written at, at `scale` 1. */
export function fontSize(style: NameStyle): number {
  return style === 'country' ? LABEL_FONT.country : style === 'region' ? REGION_FONT.size : LABEL_FONT.place;
}

/** A name's box size in pixels at `scale` times `LABEL_FONT`: width and height. */
export function nameSize(name: string, style: NameStyle, scale = 1): [number, number] {
  return [textWidth(name, style, scale), (style === 'place' ? 15 : 14) * scale];
}

/** A name's width in pixels at `scale` times `LABEL_FONT`. */
export function textWidth(name: string, style: NameStyle, scale = 1): number {
  return name.length * fontSize(style) * scale * CHAR_WIDTH[style];
}
