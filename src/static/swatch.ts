/**
 * A kind's swatch as SVG markup, in its 40 × 20 box: how the map draws the kind with nothing
 * selected (its line, dash and arrowhead, its border or area, or its marker; solid for a report,
 * hollow otherwise). The page's key (`ui/SwatchDrawing.svelte`) and the exported posters' key
 * both draw it from here.
 */
import {
  claimPaint,
  isHollow,
  kindLook,
  svgDash,
  symbolPaint,
  type ClaimPart,
  type Paint,
} from '../symbology/claims.ts';
import { headPath, markerPath } from '../symbology/icons.ts';
import type { Theme } from '../symbology/palette.ts';
import type { ClaimShape, Modality } from '../story/types.ts';

export interface SwatchOptions {
  /** The look of the kind (`story.kinds`), as the build resolved it. */
  look: string;
  shape: ClaimShape;
  modality?: Modality;
  theme?: Theme;
}

/** The swatch's box, in its own units. */
export const SWATCH_BOX = { width: 40, height: 20 };
/** The arrow's curve in the swatch's box. */
const ARC = 'M3,15 Q18,2 33,10';
const BORDER = 'M4,16 L14,6 L24,12 L36,4';

const dashOf = (p: Paint) => {
  const dash = svgDash(p.dash);
  return dash ? ` stroke-dasharray="${dash}"` : '';
};

export function swatchSvg({ look, shape, modality = 'reported', theme = 'light' }: SwatchOptions): string {
  const drawing = { look, modality };
  const hollow = isHollow(modality);
  const paint = (part: ClaimPart) => claimPaint(drawing, part, 'none', theme);
  /** A line, and its core when the claim is drawn hollow. */
  const stroke = (d: string, line: Paint, core: Paint) =>
    `<path d="${d}" fill="none" stroke="${line.color}" stroke-width="${line.width}"${dashOf(line)}/>` +
    (hollow
      ? `<path class="core" d="${d}" fill="none" stroke="${core.color}" stroke-width="${core.width}"${dashOf(core)}/>`
      : '');
  if (shape === 'arrows') {
    const casing = paint('casing');
    const head = symbolPaint(drawing, 'head', 'none', theme);
    return (
      `<path d="${ARC}" fill="none" stroke="${casing.color}" stroke-width="${casing.width}" stroke-opacity="${casing.opacity}" stroke-linecap="round"/>` +
      stroke(ARC, paint('arc'), paint('arcCore')) +
      `<path d="${headPath(kindLook(look).head)}" transform="translate(36 11.5) rotate(118) scale(0.8)" fill="${head.fill}" stroke="${head.stroke}" stroke-width="${head.width}" paint-order="stroke" stroke-linecap="round" stroke-linejoin="round"/>`
    );
  }
  if (shape === 'border') return stroke(BORDER, paint('border'), paint('borderCore'));
  if (shape === 'area') {
    const [fill, line] = [paint('areaFill'), paint('areaLine')];
    return `<rect x="5" y="3" width="30" height="14" rx="2" fill="${fill.color}" fill-opacity="${fill.opacity}" stroke="${line.color}" stroke-width="${line.width}"${dashOf(line)}/>`;
  }
  const marker = symbolPaint(drawing, 'marker', 'none', theme);
  return `<path class="marker" d="${markerPath(kindLook(look).marker)}" transform="translate(20 10) scale(0.85)" fill="${marker.fill}" stroke="${marker.stroke}" stroke-width="${marker.width}"/>`;
}
