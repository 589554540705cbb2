/**
 * Arrowheads and markers as SVG paths: the map's symbol layer and the legend draw them.
 *
 * An arrowhead points north with its tip at (0, 0), so rotating it about that point by the
 * arrow's heading keeps the tip on the destination.
 */
import type { HeadShape, MarkerShape } from './claims.ts';

/** SVG path of an arrowhead pointing up, tip at (0, 0), in CSS pixels. */
export function headPath(shape: HeadShape): string {
  return shape === 'filled' ? 'M0,0 L6,12 L0,9 L-6,12 Z' : 'M-6,11 L0,0.8 L6,11';
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
