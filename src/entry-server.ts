/**
 * The server entry the build prerenders the page with (see `build/prerender.ts`): the article,
 * the SVG map of the overview and all the chrome, as HTML, so the first paint needs no script.
 */
import { render } from 'svelte/server';
import story from 'virtual:story';
import App from './App.svelte';
import type { Mode } from './state/url';

export function renderPage(mode: Mode = 'read'): { head: string; body: string; title: string } {
  const { head, body } = render(App, { props: { story, pageMode: mode } });
  return { head, body, title: `Claim map: ${story.article.title}` };
}
