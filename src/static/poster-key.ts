/**
 * The key of an exported poster: a row per kind its claims show (in order of first use, with the
 * story's words for it), then what hollow means if any is drawn hollow; the same rows and
 * swatches as the page's key (`ui/Legend.svelte`, `swatch.ts`), the kinds in two columns.
 */
import { kindInfo, type ClaimKind } from '../story/kinds.ts';
import { escapeHtml } from '../story/escape.ts';
import { hollowKeyLabel, KEY_TITLE } from '../story/wording.ts';
import { isHollow } from '../symbology/claims.ts';
import { PALETTES, type Theme } from '../symbology/palette.ts';
import type { Modality, ResolvedClaim, Story } from '../story/types.ts';
import { swatchSvg, SWATCH_BOX } from './swatch.ts';
import { wrapText } from './wrap.ts';

const FONT = 13;
const LINE = 16;
const GAP = 6;

interface Row {
  swatch: string;
  lines: string[];
}

/** The key's markup, from its top-left corner, and its height. */
export function posterKey(
  story: Story,
  claims: readonly ResolvedClaim[],
  width: number,
  theme: Theme = 'light',
): { svg: string; height: number } {
  const { page } = PALETTES[theme];
  const kinds = new Map<string, ResolvedClaim>();
  for (const c of claims) if (!kinds.has(`${c.kind}/${c.shape}`)) kinds.set(`${c.kind}/${c.shape}`, c);
  const columns = kinds.size > 3 ? 2 : 1;
  const chars = (w: number) => Math.max(8, Math.floor((w - SWATCH_BOX.width - 8) / (FONT * 0.55)));
  const rows: Row[] = [...kinds.values()].map((c) => ({
    swatch: swatchSvg({ look: c.look, shape: c.shape, theme }),
    lines: wrapText(kindInfo(story.kinds, c.kind as ClaimKind).label, chars(width / columns - 12)),
  }));
  const hollow = claims.filter((c) => isHollow(c.modality));
  const hollowRow: Row | null = hollow[0]
    ? {
        swatch: swatchSvg({ look: hollow[0].look, shape: hollow[0].shape, modality: hollow[0].modality, theme }),
        lines: wrapText(hollowKeyLabel([...new Set(hollow.map((c) => c.modality))] as Modality[]), chars(width)),
      }
    : null;
  const heightOf = (r: Row) => Math.max(SWATCH_BOX.height, r.lines.length * LINE) + GAP;
  const row = (r: Row, x: number, y: number) =>
    `<g transform="translate(${x} ${y})"><g>${r.swatch}</g>${r.lines
      .map(
        (l, i) =>
          `<text x="${SWATCH_BOX.width + 8}" y="${SWATCH_BOX.height / 2 + FONT * 0.36 + i * LINE}" font-size="${FONT}" fill="${page.fg}">${escapeHtml(l)}</text>`,
      )
      .join('')}</g>`;
  const parts = [
    `<text x="0" y="${FONT}" font-size="${FONT}" font-weight="700" fill="${page.fg}">${escapeHtml(KEY_TITLE)}</text>`,
  ];
  let y = FONT + 8;
  const perColumn = Math.ceil(rows.length / columns);
  // Rows side by side share a line: the taller sets its height.
  for (let i = 0; i < perColumn; i++) {
    const pair = [rows[i], rows[i + perColumn]].filter((r): r is Row => !!r).slice(0, columns);
    pair.forEach((r, c) => parts.push(row(r, (c * width) / columns, y)));
    y += Math.max(...pair.map(heightOf));
  }
  if (hollowRow) {
    parts.push(row(hollowRow, 0, y));
    y += heightOf(hollowRow);
  }
  return { svg: parts.join(''), height: y };
}
