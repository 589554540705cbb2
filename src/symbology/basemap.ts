/**
 * The basemap's lines and the map's names: widths and type sizes, read by the SVG map, the
 * symbol layer, MapLibre's style and the posters, so they draw the ground alike.
 */

/** The coast, drawn as the land's outline. */
export const COAST_WIDTH = 0.8;

/** Border width by zoom: `[zoom, width]` stops, linear between them, constant beyond. */
export const BORDER_WIDTH_STOPS: [number, number][] = [
  [3, 0.9],
  [6, 1.4],
];

/** The border width at a zoom, as MapLibre's `interpolate` of the same stops gives it. */
export function borderWidth(zoom: number): number {
  const [[z0, w0], [z1, w1]] = BORDER_WIDTH_STOPS as [[number, number], [number, number]];
  const t = Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
  return Math.round((w0 + (w1 - w0) * t) * 100) / 100;
}

import { SMALLEST_NAME } from './tiers.ts';

/** Type sizes of the names on the map, in CSS pixels (each tier's own: `tiers.ts`). */
export const LABEL_FONT = { country: 12, place: 13 };

/**
 * On a projector the map's names are read from the back of a room: the smallest of them takes at
 * least this share of the screen's height (about 14 px at 768, 20 px at 1080).
 */
export const PROJECTED_LABEL_SHARE = 0.0185;

/**
 * How many times `LABEL_FONT` the names are set on a projected screen `screenHeight` CSS pixels
 * tall (never smaller than on the page), before the teacher's own text size (A+ / A−).
 */
export function projectedLabelScale(screenHeight: number): number {
  return Math.max(1, Math.round(((screenHeight * PROJECTED_LABEL_SHARE) / SMALLEST_NAME) * 1000) / 1000);
}

/** The map's names are set in the self-hosted Noto Sans (DejaVu where posters are drawn). */
export const MAP_FONT = "'Noto Sans', 'DejaVu Sans', system-ui, sans-serif";

/** The dot that marks a named place: radius and its halo's width, in CSS pixels. */
export const PLACE_DOT = { radius: 3, halo: 1.5 };

/** The halo (the land's colour) around names, so they read over lines: its width in CSS pixels. */
export const LABEL_HALO = { country: 3, place: 3.5 };
