import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import '@fontsource/noto-sans/latin-400.css';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app')!;
const props = { story };

// The build prerenders the page (static/prerender.ts): take over its HTML. The dev server does
// not: render from scratch.
const app = target.firstElementChild ? hydrate(App, { target, props }) : mount(App, { target, props });
performance.mark('claimmap:interactive');

export default app;
