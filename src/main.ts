import { hydrate, mount } from 'svelte';
import story, { storyJson } from 'virtual:story';
import '@fontsource/noto-sans/latin-400.css';
// The claims' places are named semibold (`symbology/tiers.ts`).
import '@fontsource/noto-sans/latin-600.css';
import 'virtual:palette.css';
import './app.css';
import App from './App.svelte';
import { parseAddress, type Mode } from './state/url';
import { noteStoryJson } from './layout/index.ts';
import { appTakesOver } from './start/page';
import { takePreviewDown } from './start/preview';

const target = document.getElementById('app')!;
// The layout worker is sent the story as the text it was parsed from.
noteStoryJson(story, storyJson);
/** The mode this page was prerendered in: `embed.html` says so, `index.html` is the reader. */
const pageMode: Mode = document.documentElement.dataset.mode === 'embed' ? 'embed' : 'read';
// The address is read here, once; the app's state mirrors it from then on.
const initial = parseAddress(
  location.search,
  story.claims.map((c) => c.id),
  pageMode,
);

// The build prerenders each page (build/prerender.ts): take over its HTML, then apply the
// address. Another mode than the page's, and the dev server, render from scratch.
const hydrating = initial.address.mode === pageMode && !!target.firstElementChild;
const props = { story, pageMode, initial, hydrating };
let app;
// A press the loader previewed (start/preview.ts) comes down first: hydration takes over the
// page as prerendered, and the app makes the press itself once ready (appTakesOver).
takePreviewDown();
if (hydrating) {
  app = hydrate(App, { target, props });
} else {
  target.replaceChildren();
  app = mount(App, { target, props });
}
performance.mark('claimmap:interactive');
// The page's controls now respond; a press made before is made again.
appTakesOver();

export default app;
