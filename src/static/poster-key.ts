/**
 * The key of a downloaded map (`poster.ts`): headed as what the article claims, one row per kind
 * and act the map shows, each with the symbol the map draws and its entry worded as a claim
 * (`story/wording.ts` keyEntry), and the tag of a claim that is not a report. Pure SVG text.
 */
import { escapeHtml } from '../story/escape.ts';
import { kindInfo } from '../story/kinds.ts';
import { keyEntry, KEY_HEADING, MODALITY_TAG } from '../story/wording.ts';
import type { ResolvedClaim, Story } from '../story/types.ts';
import { actLook, FEAR_MARK, midMarkPath } from '../symbology/acts.ts';
import { claimPaint, kindLook, svgDash, symbolPaint } from '../symbology/claims.ts';
import { headPath, markerPath } from '../symbology/icons.ts';
import { PALETTES, type Theme } from '../symbology/palette.ts';

/** A row's height, each further line of its words, and the swatch's width, in the poster's pixels. */
export const KEY_ROW = 20;
const KEY_LINE = 15;
const SWATCH = 30;

/** Words broken at spaces into at most `most` lines of `max` characters, the last cut with "…". */
function wrapLines(text: string, max: number, most: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= most) return lines;
  const kept = lines.slice(0, most);
  kept[most - 1] = `${kept[most - 1]!.slice(0, max - 1)}…`;
  return kept;
}

/** How high the key's rows stand (a row whose words take two lines, higher). */
export function keyHeight(story: Story, claims: readonly ResolvedClaim[], chars: number): number {
  return keyRows(claims).reduce((h, c) => {
    const tag = MODALITY_TAG[c.modality];
    const text = keyEntry(kindInfo(story.kinds, c.kind).label, c.act) + (tag ? ` (${tag})` : '');
    return h + KEY_ROW + (wrapLines(text, chars, 2).length - 1) * KEY_LINE;
  }, 10);
}

/** The rows of the key: each kind, act and modality the claims are drawn with, once, in claim order. */
export function keyRows(claims: readonly ResolvedClaim[]): ResolvedClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.kind}|${c.act}|${c.modality}|${c.shape}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The symbol a claim is drawn with, in a swatch `SWATCH` wide centred on `y`. */
function swatch(c: ResolvedClaim, x: number, y: number, theme: Theme): string {
  const look = actLook(c.act);
  const line = claimPaint(c, 'arc', 'none', theme);
  const dash = svgDash(line.dash);
  const lineAttrs = `fill="none" stroke="${line.color}" stroke-width="${line.width}" stroke-opacity="${line.opacity}"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
  if (c.act === 'fears') {
    const ground = PALETTES[theme].map.halo;
    const r = FEAR_MARK.radius * 0.8;
    return `<g transform="translate(${x + r} ${y})"><circle r="${r}" fill="${line.color}" stroke="${ground}" stroke-width="${FEAR_MARK.ring}"/><text text-anchor="middle" dy="0.36em" font-size="${FEAR_MARK.font * 0.8}" font-weight="700" fill="${ground}">${FEAR_MARK.glyph}</text></g>`;
  }
  if (c.shape === 'arrows') {
    const d = `M${x},${y + 4} Q${x + SWATCH / 2},${y - 6} ${x + SWATCH},${y}`;
    const cap = look.ends === 'round' ? ' stroke-linecap="round"' : '';
    let out = `<path d="${d}" ${lineAttrs}${cap}/>`;
    if (look.head) {
      const head = symbolPaint(c, 'head', 'none', theme);
      out += `<path d="${headPath(kindLook(c.look).head, 8, 7)}" transform="translate(${x + SWATCH} ${y}) rotate(100)" fill="${head.fill}" stroke="${head.stroke}" stroke-width="${head.width}"/>`;
    }
    if (look.mid) {
      out += `<path d="${midMarkPath(look.mid, 1.5)}" transform="translate(${x + SWATCH / 2} ${y - 1})" fill="${look.mid === 'dot' ? line.color : 'none'}" stroke="${line.color}" stroke-width="${look.mid === 'dot' ? 0 : 1.5}"/>`;
    }
    return out;
  }
  if (c.shape === 'area') {
    const fill = claimPaint(c, 'areaFill', 'none', theme);
    const edge = claimPaint(c, 'areaLine', 'none', theme);
    return `<rect x="${x}" y="${y - 6}" width="${SWATCH - 6}" height="12" fill="${fill.color}" fill-opacity="${fill.opacity}" stroke="${edge.color}" stroke-width="${edge.width}"${svgDash(edge.dash) ? ` stroke-dasharray="${svgDash(edge.dash)}"` : ''}/>`;
  }
  if (c.shape === 'border') {
    const band = claimPaint(c, 'border', 'none', theme);
    return `<path d="M${x},${y} L${x + SWATCH - 6},${y}" stroke="${band.color}" stroke-width="${band.width}" stroke-opacity="${band.opacity}" stroke-linecap="round"${svgDash(band.dash) ? ` stroke-dasharray="${svgDash(band.dash)}"` : ''}/>`;
  }
  const marker = symbolPaint(c, 'marker', 'none', theme);
  const mdash = svgDash(marker.dash);
  return `<path d="${markerPath(kindLook(c.look).marker, 6)}" transform="translate(${x + 8} ${y})" fill="${marker.fill}" stroke="${marker.stroke}" stroke-width="${marker.width}"${mdash ? ` stroke-dasharray="${mdash}"` : ''}/>`;
}

/** The key's SVG at (`x`, `y`): its heading, then a row per `keyRows`; and the height it takes. */
export function posterKey(
  story: Story,
  claims: readonly ResolvedClaim[],
  at: { x: number; y: number; chars: number },
  colors: { fg: string; muted: string },
  theme: Theme,
): { svg: string[]; height: number } {
  const rows = keyRows(claims);
  const svg = [
    `<text x="${at.x}" y="${at.y}" font-size="13" font-weight="700" letter-spacing="0.5" fill="${colors.muted}">${escapeHtml(KEY_HEADING.toUpperCase())}</text>`,
  ];
  let y = at.y + 10;
  for (const c of rows) {
    const tag = MODALITY_TAG[c.modality];
    const text = keyEntry(kindInfo(story.kinds, c.kind).label, c.act) + (tag ? ` (${tag})` : '');
    const lines = wrapLines(text, at.chars, 2);
    const rowHeight = KEY_ROW + (lines.length - 1) * KEY_LINE;
    const mid = y + KEY_ROW / 2;
    svg.push(swatch(c, at.x, mid, theme));
    lines.forEach((l, j) =>
      svg.push(
        `<text x="${at.x + SWATCH + 10}" y="${mid + j * KEY_LINE}" dy="0.35em" font-size="12" fill="${colors.fg}">${escapeHtml(l)}</text>`,
      ),
    );
    y += rowHeight;
  }
  return { svg, height: y - at.y };
}
