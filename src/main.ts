import { mount } from 'svelte';
import story from 'virtual:story';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './app.css';
import App from './App.svelte';

document.title = `Claim map: ${story.article.title}`;

export default mount(App, { target: document.getElementById('app')!, props: { story } });
