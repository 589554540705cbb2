/**
 * Named media queries in component styles: `@media (--narrow)` becomes the query `ui/screens.ts`
 * names `narrow`, as the page's scripts read it, so each breakpoint is written once. A Svelte
 * preprocessor: browsers do not support custom media, and a CSS variable cannot stand in a media
 * query.
 */
import type { PreprocessorGroup } from 'svelte/compiler';
import { MEDIA } from '../ui/screens.ts';

const NAMED = /\(--([a-z][a-z0-9-]*)\)/g;

/** A style's `@media` rules with each `(--name)` replaced by its query; an unknown name throws. */
export function expandMedia(css: string, media: Record<string, string> = MEDIA): string {
  return css.replace(/@media([^{;]*)/g, (rule, prelude: string) => {
    if (!prelude.includes('(--')) return rule;
    const expanded = prelude.replace(NAMED, (_, name: string) => {
      const query = media[name];
      if (query === undefined)
        throw new Error(`Unknown media --${name}: ui/screens.ts names ${Object.keys(media).join(', ')}`);
      // A list of queries ("a, b") means nothing inside another query: it must stand alone.
      if (query.includes(',') && prelude.trim() !== `(--${name})`)
        throw new Error(`Media --${name} is a list of queries: use it alone, as @media (--${name})`);
      return query;
    });
    return `@media ${expanded.trim()} `;
  });
}

/** The preprocessor, for every `svelte()` plugin the build makes. */
export function namedMedia(): PreprocessorGroup {
  return {
    name: 'named-media',
    style: ({ content }) => (content.includes('(--') ? { code: expandMedia(content) } : undefined),
  };
}
