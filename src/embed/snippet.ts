/**
 * The embed snippet as the embed dialog gives it: the frame (`snippet-html.ts`) and, when its
 * height follows the content, the resizing listener (`resize.ts`), compiled at build time into
 * a script of a few hundred bytes that goes into other people's pages.
 */
import RESIZE_SCRIPT from './resize.ts?script';
import { snippetHtml, type SnippetOptions } from './snippet-html.ts';

export { DEFAULT_HEIGHT, embedUrl, fullMapUrl, type EmbedOptions, type SnippetOptions } from './snippet-html.ts';
export { RESIZE_SCRIPT };

export function embedSnippet(pageUrl: string, title: string, options: SnippetOptions): string {
  return snippetHtml(pageUrl, title, options, RESIZE_SCRIPT);
}
