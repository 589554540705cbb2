/**
 * Arrowheads and markers as SVG paths: the map's symbol layer and the legend draw them.
 *
 * An arrowhead points north with its tip at (0, 0), so rotating it about that point by the
 * arrow's heading keeps the tip on the destination.
 */
import type { HeadShape, MarkerShape } from './claims.ts';

/**
 * SVG path of an arrowhead pointing up, tip at (0, 0), `length` long and `width` wide in CSS
 * pixels (the layout sizes it from its line: `symbology/sizes.ts` `headSize`).
 */
export function headPath(shape: HeadShape, length = 12, width = 12): string {
  const r = (v: number) => Math.round(v * 100) / 100;
  const [l, w] = [length, width / 2];
  return shape === 'filled'
    ? `M0,0 L${r(w)},${r(l)} L0,${r(l * 0.75)} L${r(-w)},${r(l)} Z`
    : `M${r(-w)},${r(l * 0.92)} L0,${r(l * 0.07)} L${r(w)},${r(l * 0.92)}`;
}

/** SVG path of a marker centred on (0, 0), in CSS pixels. */
export function markerPath(shape: MarkerShape, r = 7): string {
  switch (shape) {
    case 'square':
      return `M${-r * 0.85},${-r * 0.85} h${r * 1.7} v${r * 1.7} h${-r * 1.7} Z`;
    case 'diamond':
      return `M0,${-r * 1.1} L${r * 1.1},0 L0,${r * 1.1} L${-r * 1.1},0 Z`;
    case 'triangle':
      return `M0,${-r * 1.05} L${r * 1.05},${r * 0.8} L${-r * 1.05},${r * 0.8} Z`;
    case 'circle':
      return `M${-r},0 a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}
