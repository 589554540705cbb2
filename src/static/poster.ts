/**
 * A poster: one standalone SVG with the map (the static renderer's lines and symbols), the
 * claim's caption and quoted sentence, and the credits. The build writes one per claim and one
 * for the overview (link previews, the embed's fallback image); the page exports the current
 * view the same way, so an export is never a blank WebGL read-back.
 *
 * Self-contained by design: inline styles only, no classes, no external references, so it
 * renders the same in a browser, in an `<img>`, and in resvg at build time.
 */
import {
  claimPaint,
  emphasisOf,
  inPlane,
  isHollow,
  kindColor,
  kindLook,
  planeWidth,
  svgDash,
  symbolPaint,
  TAG,
  type ClaimPart,
  type Drawing,
  type Paint,
} from '../symbology/claims.ts';
import { borderWidth, COAST_WIDTH, LABEL_FONT, LABEL_HALO, MAP_FONT, PLACE_DOT } from '../symbology/basemap.ts';
import { CONTEXT_DOT, nameLook } from '../symbology/tiers.ts';
import { PALETTES, type Theme } from '../symbology/palette.ts';
import { headPath, markerPath } from '../symbology/icons.ts';
import { framedView } from '../camera/framing.ts';
import { uniformPadding, type View } from '../camera/view.ts';
import { escapeHtml } from '../story/escape.ts';
import { kindInfo } from '../story/kinds.ts';
import {
  claimsOfArticle,
  claimTitle,
  MODALITY_TAG,
  NOTE_LABEL,
  overviewLead,
  posterCredit,
  QUOTE_LABEL,
} from '../story/wording.ts';
import type { Modality, ResolvedClaim, Story } from '../story/types.ts';
import { actCap, FEAR_MARK, midMarkPath } from '../symbology/acts.ts';
import { keyHeight as keyLinesHeight, posterKey } from './poster-key.ts';
import { edgesInFocus, renderBase, renderSymbols, type SceneSource } from './scene.ts';
import { EDGE_LABEL, headSize } from '../symbology/sizes.ts';
import { wrapText } from './wrap.ts';

export interface PosterOptions {
  /** The claims the poster is about; empty for the overview. */
  claims: ResolvedClaim[];
  width: number;
  height: number;
  /** The view to draw; by default the claims framed, or the story's overview. */
  view?: View;
  theme?: Theme;
  /** CSS for a font to embed (an `@font-face` with a data URL), for exports shown as images. */
  fontCss?: string;
  /** Whether to write the key (a download: the picture goes where the page's key does not). */
  key?: boolean;
}

/** A stroke's attributes from the symbology's paint. */
function stroke(paint: Paint): string {
  const dash = svgDash(paint.dash);
  return `stroke="${paint.color}" stroke-width="${paint.width}" stroke-opacity="${paint.opacity}"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
}

/** The "!" badge on a party that fears (`symbology/acts.ts`): a disc of its kind's colour, a ring when foreseen. */
function fearMarkSvg(
  mk: { x: number; y: number; r: number; look: string; modality: Modality },
  theme: Theme,
  opacity: number,
): string {
  const color = kindColor(mk.look, theme);
  const ground = PALETTES[theme].map.halo;
  const hollow = isHollow(mk.modality);
  const font = (FEAR_MARK.font * mk.r) / FEAR_MARK.radius;
  return `<g class="fear-mark" transform="translate(${mk.x} ${mk.y})" opacity="${opacity}"><circle r="${mk.r}" fill="${hollow ? ground : color}" stroke="${hollow ? color : ground}" stroke-width="${FEAR_MARK.ring}" paint-order="stroke"/><text text-anchor="middle" dy="0.36em" font-size="${font}" font-weight="700" fill="${hollow ? color : ground}">${FEAR_MARK.glyph}</text></g>`;
}

/** A claim's poster title: attributed to the article (`story/wording.ts`), never the caption alone. */
export function posterTitle(claim: ResolvedClaim): string {
  return claimTitle(claim);
}

export function posterSvg(story: Story, source: SceneSource, options: PosterOptions): string {
  const { width, height, claims } = options;
  const theme = options.theme ?? 'light';
  const { map: m, page } = PALETTES[theme];
  // The map on the left, the words on the right; on a tall poster, map above words.
  const wide = width >= height * 1.2;
  const map = wide
    ? { x: 0, y: 0, width: Math.round(width * 0.58), height }
    : { x: 0, y: 0, width, height: Math.round(height * 0.58) };
  const text = wide
    ? { x: map.width + 36, y: 48, width: width - map.width - 64 }
    : { x: 32, y: map.height + 44, width: width - 64 };
  const size = { width: map.width, height: map.height };
  const view =
    options.view ??
    framedView(
      story,
      source.placeLabels,
      claims.map((c) => c.id),
      size,
      uniformPadding(Math.round(Math.min(size.width, size.height) * 0.1)),
      uniformPadding(4),
    );
  const base = renderBase(source, view, size);
  const symbols = renderSymbols(source, view, size);
  const emphasis = emphasisOf(claims.map((cl) => cl.id));
  const onMap = ({ x, y }: { x: number; y: number }) =>
    x > -20 && y > -20 && x < size.width + 20 && y < size.height + 20;
  const paint = (drawing: Drawing, part: ClaimPart, id: string) => claimPaint(drawing, part, emphasis(id), theme);
  /** A hollow claim's core: the ground between its line's walls. */
  const core = (drawing: Drawing, part: 'arcCore' | 'borderCore', id: string, d: string, cls: string, k = 1) =>
    isHollow(drawing.modality)
      ? `<path class="${cls}" data-claim="${escapeHtml(id)}" d="${d}" fill="none" ${stroke(inPlane(paint(drawing, part, id), k))} stroke-linejoin="round"/>`
      : '';
  const { k } = base.plane;

  const mapParts = [
    `<rect width="${size.width}" height="${size.height}" fill="${m.water}"/>`,
    // The band's plane (`bands.ts`), placed by one transform: strokes divided by its scale.
    `<g transform="${base.plane.attribute}">`,
    `<path d="${base.land}" fill="${m.land}" stroke="${m.coast}" stroke-width="${planeWidth(COAST_WIDTH, k)}" stroke-linejoin="round"/>`,
    `<path d="${base.borders}" fill="none" stroke="${m.border}" stroke-width="${planeWidth(borderWidth(view.zoom), k)}" stroke-linejoin="round"/>`,
    ...base.areas.map((a) => {
      const fill = paint(a, 'areaFill', a.claimId);
      return `<path class="area" data-claim="${escapeHtml(a.claimId)}" d="${a.d}" fill="${fill.color}" fill-opacity="${fill.opacity}" ${stroke(inPlane(paint(a, 'areaLine', a.claimId), k))}/>`;
    }),
    ...base.regions.map(
      (r) =>
        `<path class="region" d="${r.d}" fill="none" ${stroke(inPlane(paint(r, 'region', r.claimId), k))} stroke-linejoin="round"/>`,
    ),
    ...base.claimBorders.map(
      (b) =>
        `<path class="claim-border" data-claim="${escapeHtml(b.claimId)}" d="${b.d}" fill="none" ${stroke(inPlane(paint(b, 'border', b.claimId), k))} stroke-linecap="round" stroke-linejoin="round"/>${core(b, 'borderCore', b.claimId, b.d, 'core border-core', k)}`,
    ),
    '</g>',
    ...base.arcs.map(
      (a) =>
        `<path class="casing" d="${a.d}" fill="none" ${stroke(paint(a, 'casing', a.claimId))} stroke-linecap="round"/><path class="line" data-claim="${escapeHtml(a.claimId)}" d="${a.d}" fill="none" ${stroke(paint(a, 'arc', a.claimId))} stroke-linejoin="round" stroke-linecap="${actCap(a.act)}"/>${core(a, 'arcCore', a.claimId, a.d, 'core arc-core')}`,
    ),
    // Symbols off the poster's map are left out (resvg 2.6 panics on a faded one far outside it).
    ...symbols.heads.filter(onMap).map((h) => {
      const shape = kindLook(h.look).head;
      const p = symbolPaint(h, 'head', emphasis(h.claimId), theme);
      const cap = p.fill === 'none' ? ' stroke-linecap="round"' : ' paint-order="stroke"';
      const { length, width } = headSize(h, emphasis(h.claimId));
      return `<path class="head" data-claim="${escapeHtml(h.claimId)}" d="${headPath(shape, length, width)}" transform="translate(${h.x} ${h.y}) rotate(${h.angle})" fill="${p.fill}" stroke="${p.stroke}"${cap} stroke-width="${p.width}" stroke-linejoin="round" opacity="${p.opacity}"/>`;
    }),
    // What an act adds to its line: a tip bar, a tie's mid-dot or "×", a rivalry's end bars.
    ...symbols.actMarks.filter(onMap).map((a) => {
      const p = paint(a, 'arc', a.claimId);
      const w = Math.max(p.width, 1.5);
      const fill = a.shape === 'dot' ? p.color : 'none';
      return `<path class="act-mark" d="${midMarkPath(a.shape, w)}" transform="translate(${a.x} ${a.y}) rotate(${a.angle - 90})" fill="${fill}" stroke="${p.color}" stroke-width="${a.shape === 'dot' ? 0 : w}" stroke-linecap="round" opacity="${p.opacity}"/>`;
    }),
    ...symbols.markers.filter(onMap).map((mk) => {
      const p = symbolPaint(mk, 'marker', emphasis(mk.claimId), theme);
      if (mk.act === 'fears') return fearMarkSvg(mk, theme, p.opacity);
      const dash = p.dash.length ? ` stroke-dasharray="${p.dash.join(' ')}"` : '';
      const tag = MODALITY_TAG[mk.modality];
      const tagText = tag
        ? `<text class="modality-tag" x="${mk.x + mk.r + TAG.gap}" y="${mk.y - mk.r}" font-size="${TAG.font}" font-weight="700" fill="${kindColor(mk.look, theme)}" stroke="${PALETTES[theme].map.halo}" stroke-width="${TAG.halo}" paint-order="stroke" opacity="${p.opacity}">${escapeHtml(tag)}</text>`
        : '';
      return `<path class="marker" data-claim="${escapeHtml(mk.claimId)}" d="${markerPath(kindLook(mk.look).marker, mk.r)}" transform="translate(${mk.x} ${mk.y})" fill="${p.fill}" stroke="${p.stroke}" stroke-width="${p.width}"${dash} opacity="${p.opacity}"/>${tagText}`;
    }),
    ...symbols.countryLabels.map((l) => {
      const look = nameLook(l.rank, l.style);
      const set = `font-size="${look.size}" font-weight="${look.weight}" fill="${m[look.colour]}"`;
      return l.style === 'region'
        ? `<text x="${l.x}" y="${l.y}" ${set} font-style="italic" text-anchor="middle" dominant-baseline="middle" stroke="${m.land}" stroke-width="${LABEL_HALO.country}" paint-order="stroke">${escapeHtml(l.name)}</text>`
        : `<text x="${l.x}" y="${l.y}" ${set} letter-spacing="1" text-anchor="middle" dominant-baseline="middle" stroke="${m.land}" stroke-width="${LABEL_HALO.country}" paint-order="stroke">${escapeHtml(l.name.toUpperCase())}</text>`;
    }),
    // Places off the map, named where the claims' arrows leave it.
    ...edgesInFocus(
      symbols.edgeLabels,
      claims.map((c) => c.id),
    ).map((e) => {
      const [x0, y0, x1, y1] = e.box;
      const k = EDGE_LABEL.pointer;
      return `<g class="edge-label"><rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" rx="3" fill="${m.land}" fill-opacity="0.92" stroke="${m.placeLabel}" stroke-width="0.75"/><text x="${e.tx}" y="${e.ty}" font-size="${LABEL_FONT.place}" fill="${m.placeLabel}">${escapeHtml(e.name)}</text><path d="M0,${-k * 0.6} L${k * 0.5},${k * 0.5} L${-k * 0.5},${k * 0.5} Z" transform="translate(${e.pointer.x} ${e.pointer.y}) rotate(${e.pointer.angle})" fill="${m.placeLabel}"/></g>`;
    }),
    ...symbols.places.map((p) => {
      const look = nameLook(p.rank, 'place');
      const dot =
        p.rank === 'base'
          ? `<circle cx="${p.x}" cy="${p.y}" r="${CONTEXT_DOT.radius}" fill="${m.land}" stroke="${m[look.colour]}" stroke-width="${CONTEXT_DOT.stroke}"/>`
          : `<circle cx="${p.x}" cy="${p.y}" r="${PLACE_DOT.radius}" fill="${m.placeLabel}" stroke="${m.land}" stroke-width="${PLACE_DOT.halo}"/>`;
      return `${dot}<text x="${p.tx}" y="${p.ty}" text-anchor="${p.anchor}" font-size="${look.size}" font-weight="${look.weight}" fill="${m[look.colour]}" stroke="${m.land}" stroke-width="${LABEL_HALO.place}" paint-order="stroke">${escapeHtml(p.name)}</text>`;
    }),
  ];

  // The words: kicker, caption, the sentence quoted, credits.
  const chars = (px: number) => Math.max(12, Math.floor(text.width / (px * 0.55)));
  const lines: string[] = [];
  let y = text.y;
  const line = (content: string, px: number, attrs = '') => {
    lines.push(`<text x="${text.x}" y="${y}" font-size="${px}"${attrs}>${content}</text>`);
    y += Math.round(px * 1.35);
  };
  const one = claims.length === 1 ? claims[0]! : null;
  const credits = wrapText(posterCredit(story.article.title, story.meta.article.genre), chars(12), 3);
  const creditsTop = height - 20 - (credits.length - 1) * 16 - 12;
  // The key, above the credits, in a download; the note where room is left above it.
  const keyChars = Math.floor((text.width - 40) / 6.2);
  const keyClaims = one ? [one] : story.claims;
  const keyHeight = options.key ? 14 + keyLinesHeight(story, keyClaims, keyChars) : 0;
  const noteRoom = one?.note ? 2 * 19 + 24 : 0;
  // The title says what the article does with the claim (says, predicts, recommends).
  const kicker = one
    ? `${kindInfo(story.kinds, one.kind).label} · claim ${one.number} of ${story.claims.length}`
    : claimsOfArticle(story.meta.article.genre);
  line(escapeHtml(kicker), 15, ` fill="${page.muted}"`);
  y += 14;
  const title = one ? posterTitle(one) : story.article.title;
  // Bold type is wider than the average the character count assumes.
  for (const l of wrapText(title, Math.floor(chars(26) * 0.9), 6))
    line(escapeHtml(l), 26, ` font-weight="700" fill="${page.fg}"`);
  y += 12;
  if (one) {
    line(escapeHtml(QUOTE_LABEL.toUpperCase()), 13, ` font-weight="700" letter-spacing="0.5" fill="${page.muted}"`);
    y += 6;
    const room = Math.max(2, Math.floor((creditsTop - y - 40 - keyHeight - noteRoom) / 27));
    for (const l of wrapText(`“${claims[0]!.quote}”`, chars(20), room)) line(escapeHtml(l), 20, ` fill="${page.fg}"`);
    y += 4;
    line(escapeHtml(`Paragraph ${claims[0]!.paragraph}, sentence ${claims[0]!.sentence}`), 14, ` fill="${page.muted}"`);
    // The reading that keeps the drawing honest, as far as room is left for it.
    const noteLines = Math.floor((creditsTop - keyHeight - y - 24) / 19);
    if (one.note && noteLines >= 2) {
      y += 8;
      line(escapeHtml(NOTE_LABEL.toUpperCase()), 13, ` font-weight="700" letter-spacing="0.5" fill="${page.muted}"`);
      for (const l of wrapText(one.note, chars(14), noteLines)) line(escapeHtml(l), 14, ` fill="${page.fg}"`);
    }
  } else {
    for (const l of wrapText(overviewLead(story.claims.length), chars(18), 6)) {
      line(escapeHtml(l), 18, ` fill="${page.fg}"`);
    }
  }
  const key = options.key
    ? posterKey(
        story,
        keyClaims,
        { x: text.x, y: creditsTop - keyHeight + 14, chars: keyChars },
        { fg: page.fg, muted: page.muted },
        theme,
      ).svg
    : [];
  let cy = height - 20 - (credits.length - 1) * 16;
  const creditLines = credits.map((l) => {
    const out = `<text x="${text.x}" y="${cy}" font-size="12" fill="${page.muted}">${escapeHtml(l)}</text>`;
    cy += 16;
    return out;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_FONT}">`,
    options.fontCss ? `<style>${options.fontCss}</style>` : '',
    `<title>${escapeHtml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${page.bg}"/>`,
    // The map is not clipped (resvg 2.6 panics on this clip, nested <svg> or clip-path alike):
    // the words' panel is painted over whatever of it spills that way.
    `<g transform="translate(${map.x} ${map.y})">`,
    ...mapParts,
    '</g>',
    wide
      ? `<rect x="${map.width}" y="0" width="${width - map.width}" height="${height}" fill="${page.bg}"/>`
      : `<rect x="0" y="${map.height}" width="${width}" height="${height - map.height}" fill="${page.bg}"/>`,
    ...lines,
    ...key,
    ...creditLines,
    '</svg>',
  ].join('\n');
}
