/**
 * Where the reader's page scrolls to show a claim's sentence: centred in the room the map leaves,
 * beside it or, on the stacked page, below the map column fixed over the top of the article.
 */

/** A box as the page measures it (`getBoundingClientRect`), in the viewport's pixels. */
export interface ScreenBox {
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** Within this share of the viewport's width, the map column spans the page: it stands above the article. */
const SPANS = 0.9;
/** The least room left above a sentence too tall to centre. */
const MARGIN = 8;

/**
 * How far to scroll (`window.scrollBy`'s `top`) to bring a sentence into view, or 0 where it is
 * already wholly visible below the map (unless `always`).
 */
export function sentenceScroll(
  sentence: ScreenBox,
  mapColumn: ScreenBox | undefined,
  viewport: { width: number; height: number },
  always = false,
): number {
  const top = mapColumn && mapColumn.width > viewport.width * SPANS ? mapColumn.bottom : 0;
  if (!always && sentence.top >= top && sentence.bottom <= viewport.height) return 0;
  const at = top + Math.max(MARGIN, (viewport.height - top - sentence.height) / 2);
  return sentence.top - at;
}
