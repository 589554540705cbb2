import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import '@fontsource/noto-sans/latin-400.css';
import 'virtual:palette.css';
import './app.css';
import App from './App.svelte';
import { parseMode, type Mode } from './state/url';

const target = document.getElementById('app')!;
/** The mode this page was prerendered in: `embed.html` says so, `index.html` is the reader. */
const pageMode: Mode = document.documentElement.dataset.mode === 'embed' ? 'embed' : 'read';
const asked = parseMode(location.search);
const mode = asked === 'read' ? pageMode : asked;
const props = { story, mode };

// The build prerenders each page (static/prerender.ts): take over its HTML. Another mode than
// the page's, and the dev server, render from scratch.
let app;
if (mode === pageMode && target.firstElementChild) {
  app = hydrate(App, { target, props });
} else {
  target.replaceChildren();
  app = mount(App, { target, props });
}
performance.mark('claimmap:interactive');
// For scripts and tests: the page's controls now respond.
document.documentElement.dataset.app = 'ready';

export default app;
