import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import '@fontsource/noto-sans/latin-400.css';
import './app.css';
import App from './App.svelte';
import { parseMode } from './story/url';

const target = document.getElementById('app')!;
const mode = parseMode(location.search);
const props = { story, mode };

// The build prerenders the reader (static/prerender.ts): take over its HTML. Other modes, and
// the dev server, render from scratch.
let app;
if (mode === 'read' && target.firstElementChild) {
  app = hydrate(App, { target, props });
} else {
  target.replaceChildren();
  app = mount(App, { target, props });
}
performance.mark('claimmap:interactive');

export default app;
