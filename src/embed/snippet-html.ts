/**
 * The code a journalist pastes into a CMS (`snippet.ts` gives it with its script): an `iframe` that works on its own (a fixed height,
 * a link inside for anything that will not show frames), and a few lines of script that make
 * it as tall as its content. The script accepts only a well-formed height message, and only
 * from the frame it came with.
 */
import { addressUrl, defaultAddress, type Address } from '../state/url.ts';
import { escapeHtml } from '../story/escape.ts';

/** What a newsroom chooses for its embed: the address's embed options. */
export type EmbedOptions = Pick<Address, 'claims' | 'theme' | 'legend' | 'text'>;

export interface SnippetOptions extends EmbedOptions {
  /** `auto`: the frame follows its content; a number: a fixed height in pixels. */
  height: 'auto' | number;
}

/** Where the embed lives, from the site's reader page (`…/` → `…/embed.html?…`). */
export function embedUrl(siteUrl: string, { claims, theme, legend, text }: EmbedOptions): string {
  return addressUrl(siteUrl, { ...defaultAddress('embed'), claims, theme, legend, text });
}

/** The full map for the same claims, for the link inside the frame. */
export function fullMapUrl(siteUrl: string, { claims }: EmbedOptions): string {
  return addressUrl(siteUrl, { ...defaultAddress('read'), claims });
}

/** The default height before the frame has told its own, and the fixed height's default. */
export const DEFAULT_HEIGHT = 640;

/** The snippet, with `resizeScript` (the compiled `resize.ts`) when its height follows the content. */
export function snippetHtml(pageUrl: string, title: string, options: SnippetOptions, resizeScript: string): string {
  const src = embedUrl(pageUrl, options);
  const height = options.height === 'auto' ? DEFAULT_HEIGHT : Math.round(options.height);
  const name = `Map: ${title}`;
  const lines = [
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(name)}" width="100%" height="${height}" loading="lazy" allow="fullscreen" style="width: 100%; height: ${height}px; border: 0;"${options.height === 'auto' ? ' data-claim-map' : ''}>`,
    `  <a href="${escapeHtml(fullMapUrl(pageUrl, options))}">${escapeHtml(name)}</a>`,
    '</iframe>',
  ];
  if (options.height === 'auto') lines.push('<script>', resizeScript, '</script>');
  return lines.join('\n');
}
