/**
 * A poster: one standalone SVG with the map (the static renderer's lines and symbols), the
 * claim's caption and quoted sentence, and the credits. The build writes one per claim and one
 * for the overview (link previews, the embed's fallback image); the page exports the current
 * view the same way, so an export is never a blank WebGL read-back.
 *
 * Self-contained by design: inline styles only, no classes, no external references, so it
 * renders the same in a browser, in an `<img>`, and in resvg at build time.
 */
import { kindColor, KIND_STYLES, type MapTheme } from '../flows/kinds.ts';
import { headPath, markerPath } from '../map/icons.ts';
import { framedView } from '../map/camera.ts';
import type { ResolvedClaim, Story } from '../story/types.ts';
import { renderBase, renderSymbols, type SceneSource } from './scene.ts';
import { uniformPadding, type View } from './view.ts';

export interface PosterOptions {
  /** The claims the poster is about; empty for the overview. */
  claims: ResolvedClaim[];
  width: number;
  height: number;
  /** The view to draw; by default the claims framed, or the story's overview. */
  view?: View;
  theme?: MapTheme;
  /** CSS for a font to embed (an `@font-face` with a data URL), for exports shown as images. */
  fontCss?: string;
}

const COLORS = {
  light: {
    bg: '#ffffff',
    fg: '#1d1d1b',
    muted: '#55524c',
    water: '#d5e3ec',
    land: '#f6f4ef',
    coast: '#7d96a6',
    border: '#8c877e',
    halo: '#ffffff',
    mark: '#fff0a8',
  },
  dark: {
    bg: '#1c1f23',
    fg: '#f2f2f2',
    muted: '#c4c4c4',
    water: '#17232e',
    land: '#2b2e33',
    coast: '#5d7686',
    border: '#80848b',
    halo: '#101418',
    mark: '#5a4b00',
  },
};

const FONT = "'Noto Sans', 'DejaVu Sans', system-ui, sans-serif";

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Breaks text into lines of at most `max` characters, at spaces. Character counts stand in for
 * measured widths: there is no text layout at build time, and the sizes are generous.
 */
export function wrapText(text: string, max: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\W*\w*$/, '')}…`;
    return kept;
  }
  return lines;
}

export function posterSvg(story: Story, source: SceneSource, options: PosterOptions): string {
  const { width, height, claims } = options;
  const theme = options.theme ?? 'light';
  const c = COLORS[theme];
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
      source,
      claims.map((c) => c.id),
      size,
      uniformPadding(Math.round(Math.min(size.width, size.height) * 0.1)),
      uniformPadding(4),
    );
  const base = renderBase(source, view, size);
  const symbols = renderSymbols(source, view, size);
  const ids = claims.map((cl) => cl.id);
  const on = (id: string) => ids.length === 0 || ids.includes(id);
  const opacity = (id: string) => (on(id) ? 1 : 0.2);

  const mapParts = [
    `<rect width="${size.width}" height="${size.height}" fill="${c.water}"/>`,
    `<path d="${base.land}" fill="${c.land}" stroke="${c.coast}" stroke-width="0.8"/>`,
    `<path d="${base.borders}" fill="none" stroke="${c.border}" stroke-width="0.9"/>`,
    ...base.areas.map(
      (a) =>
        `<path d="${a.d}" fill="${kindColor(a.kind, theme)}" fill-opacity="${on(a.claimId) ? 0.2 : 0.05}" stroke="${kindColor(a.kind, theme)}" stroke-dasharray="3 2" stroke-opacity="${opacity(a.claimId)}"/>`,
    ),
    ...base.claimBorders.map((b) => {
      const dash = KIND_STYLES[b.kind].dash.map((d) => d * 5).join(' ');
      return `<path d="${b.d}" fill="none" stroke="${kindColor(b.kind, theme)}" stroke-width="5"${dash ? ` stroke-dasharray="${dash}"` : ''} opacity="${opacity(b.claimId)}"/>`;
    }),
    ...base.arcs.map((a) => {
      const dash = KIND_STYLES[a.kind].dash.map((d) => d * 2.5).join(' ');
      const o = opacity(a.claimId);
      return `<path d="${a.d}" fill="none" stroke="${c.halo}" stroke-width="5" stroke-opacity="${0.75 * o}" stroke-linecap="round"/><path d="${a.d}" fill="none" stroke="${kindColor(a.kind, theme)}" stroke-opacity="${o}" stroke-width="${on(a.claimId) && ids.length ? 3.5 : 2.5}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
    }),
    ...symbols.heads.map((h) => {
      const style = KIND_STYLES[h.kind];
      const color = kindColor(h.kind, theme);
      const paint =
        style.head === 'filled'
          ? `fill="${color}" stroke="${c.halo}" stroke-width="2.5" paint-order="stroke"`
          : `fill="none" stroke="${color}" stroke-width="2.5" stroke-linecap="round"`;
      return `<path d="${headPath(style.head)}" transform="translate(${h.x} ${h.y}) rotate(${h.angle})" ${paint} opacity="${opacity(h.claimId)}"/>`;
    }),
    ...symbols.markers.map(
      (m) =>
        `<path d="${markerPath(KIND_STYLES[m.kind].marker)}" transform="translate(${m.x} ${m.y})" fill="${kindColor(m.kind, theme)}" stroke="${c.halo}" stroke-width="2" opacity="${opacity(m.claimId)}"/>`,
    ),
    ...symbols.countryLabels.map(
      (l) =>
        `<text x="${l.x}" y="${l.y}" font-size="12" letter-spacing="1" text-anchor="middle" dominant-baseline="middle" fill="${c.muted}" stroke="${c.land}" stroke-width="3" paint-order="stroke">${escapeXml(l.name.toUpperCase())}</text>`,
    ),
    ...symbols.places.map(
      (p) =>
        `<circle cx="${p.x}" cy="${p.y}" r="3" fill="${c.fg}" stroke="${c.land}" stroke-width="1.5"/><text x="${p.tx}" y="${p.ty}" text-anchor="${p.anchor}" font-size="13" fill="${c.fg}" stroke="${c.land}" stroke-width="3.5" paint-order="stroke">${escapeXml(p.name)}</text>`,
    ),
  ];

  // The words: kicker, caption, the sentence quoted, credits.
  const chars = (px: number) => Math.max(12, Math.floor(text.width / (px * 0.55)));
  const lines: string[] = [];
  let y = text.y;
  const line = (content: string, px: number, attrs = '') => {
    lines.push(`<text x="${text.x}" y="${y}" font-size="${px}"${attrs}>${content}</text>`);
    y += Math.round(px * 1.35);
  };
  const kicker =
    claims.length === 1
      ? `${KIND_STYLES[claims[0]!.kind].label} · claim ${claims[0]!.number} of ${story.claims.length}`
      : 'The claims of an opinion article';
  line(escapeXml(kicker), 15, ` fill="${c.muted}"`);
  y += 14;
  const title = claims.length === 1 ? claims[0]!.caption : story.article.title;
  for (const l of wrapText(title, chars(26), 4)) line(escapeXml(l), 26, ` font-weight="700" fill="${c.fg}"`);
  y += 12;
  if (claims.length === 1) {
    line('THE ARTICLE CLAIMS:', 13, ` font-weight="700" letter-spacing="0.5" fill="${c.muted}"`);
    y += 6;
    const room = Math.max(2, Math.floor((height - y - 80) / 27));
    for (const l of wrapText(`“${claims[0]!.quote}”`, chars(20), room)) line(escapeXml(l), 20, ` fill="${c.fg}"`);
    y += 4;
    line(escapeXml(`Paragraph ${claims[0]!.paragraph}, sentence ${claims[0]!.sentence}`), 14, ` fill="${c.muted}"`);
  } else {
    for (const l of wrapText(
      `${story.claims.length} geographic claims, each bound to its sentence. Arrows are schematic: they show what the article claims, not verified movements or routes.`,
      chars(18),
      6,
    )) {
      line(escapeXml(l), 18, ` fill="${c.fg}"`);
    }
  }
  const credits = wrapText(
    `Claims: “${story.article.title}” (${story.meta.article.genre ?? 'article'}), quoted verbatim. Map: Natural Earth; schematic arrows.`,
    chars(12),
    3,
  );
  let cy = height - 20 - (credits.length - 1) * 16;
  const creditLines = credits.map((l) => {
    const out = `<text x="${text.x}" y="${cy}" font-size="12" fill="${c.muted}">${escapeXml(l)}</text>`;
    cy += 16;
    return out;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    options.fontCss ? `<style>${options.fontCss}</style>` : '',
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${c.bg}"/>`,
    // The map is not clipped (resvg 2.6 panics on this clip, nested <svg> or clip-path alike):
    // the words' panel is painted over whatever of it spills that way.
    `<g transform="translate(${map.x} ${map.y})">`,
    ...mapParts,
    '</g>',
    wide
      ? `<rect x="${map.width}" y="0" width="${width - map.width}" height="${height}" fill="${c.bg}"/>`
      : `<rect x="0" y="${map.height}" width="${width}" height="${height - map.height}" fill="${c.bg}"/>`,
    ...lines,
    ...creditLines,
    '</svg>',
  ].join('\n');
}
