/**
 * The server entry the build prerenders the page with (see `build/prerender.ts`): the article,
 * the SVG map of the overview and all the chrome, as HTML, so the first paint needs no script;
 * and the map's layout, so that taking the page over computes none.
 */
import { render } from 'svelte/server';
import story from 'virtual:story';
import App from './App.svelte';
import ClaimCard from './ui/ClaimCard.svelte';
import { PRERENDERED_LAYOUTS_ID, prerenderedLayoutsJson } from './layout/index.ts';
import type { Mode } from './state/url';

export function renderPage(mode: Mode = 'read'): { head: string; body: string; title: string } {
  const { head, body } = render(App, { props: { story, pageMode: mode } });
  const layouts = `<script type="application/json" id="${PRERENDERED_LAYOUTS_ID}">${prerenderedLayoutsJson()}</script>`;
  return { head: `${head}${layouts}`, body, title: `Claim map: ${story.article.title}` };
}

/**
 * Every claim's card as the reader's panel first shows it (brief on a phone: `ClaimPanel`), for
 * the inline loader to show on a press before the app is ready (`start/preview.ts`).
 */
export function renderCards(): string {
  return story.claims
    .map(
      (claim) =>
        render(ClaimCard, {
          props: { claim, places: story.places, kinds: story.kinds, onshowsentence: () => {}, brief: true },
        }).body,
    )
    .join('\n');
}
