/**
 * Arrowheads and markers, drawn once per kind on a canvas and handed to MapLibre with
 * `map.addImage` (no sprite sheet to fetch). The same shapes, as SVG paths, serve the legend.
 *
 * An arrowhead points north with its tip at the centre of its image: MapLibre rotates icons about
 * their centre, so the tip stays on the destination whatever the arrow's heading.
 */
import { CLAIM_KINDS, KIND_STYLES, type HeadShape, type MarkerShape } from '../flows/kinds';

/** Device pixels per CSS pixel the icons are drawn at: sharp on high-density screens. */
const PIXEL_RATIO = 2;
const HEAD_BOX = 26;
const MARKER_BOX = 18;

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

/** The slice of MapLibre's map the icons need, so tests can pass a fake. */
export interface IconTarget {
  hasImage(id: string): boolean;
  addImage(id: string, image: ImageData, options: { pixelRatio: number }): void;
}

function draw(box: number, paint: (ctx: CanvasRenderingContext2D) => void): ImageData {
  const size = box * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  ctx.translate(box / 2, box / 2);
  paint(ctx);
  return ctx.getImageData(0, 0, size, size);
}

export function registerIcons(map: IconTarget): void {
  for (const kind of CLAIM_KINDS) {
    const style = KIND_STYLES[kind];
    const head = new Path2D(headPath(style.head));
    if (!map.hasImage(`head-${kind}`)) {
      map.addImage(
        `head-${kind}`,
        draw(HEAD_BOX, (ctx) => {
          ctx.lineJoin = 'round';
          ctx.lineCap = 'round';
          ctx.strokeStyle = '#ffffff';
          ctx.lineWidth = style.head === 'filled' ? 3 : 5.5;
          ctx.stroke(head);
          ctx.strokeStyle = style.color;
          ctx.fillStyle = style.color;
          if (style.head === 'filled') ctx.fill(head);
          else {
            ctx.lineWidth = 2.5;
            ctx.stroke(head);
          }
        }),
        { pixelRatio: PIXEL_RATIO },
      );
    }
    if (!map.hasImage(`marker-${kind}`)) {
      const marker = new Path2D(markerPath(style.marker));
      map.addImage(
        `marker-${kind}`,
        draw(MARKER_BOX, (ctx) => {
          ctx.fillStyle = style.color;
          ctx.strokeStyle = '#ffffff';
          ctx.lineWidth = 2;
          ctx.lineJoin = 'round';
          ctx.stroke(marker);
          ctx.fill(marker);
        }),
        { pixelRatio: PIXEL_RATIO },
      );
    }
  }
}
