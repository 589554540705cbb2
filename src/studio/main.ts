import { mount } from 'svelte';
import files from 'virtual:story-files';
import '@fontsource/noto-sans/latin-400.css';
import 'virtual:palette.css';
import '../app.css';
import './studio.css';
import Studio from './Studio.svelte';

const app = mount(Studio, { target: document.getElementById('app')!, props: { files } });
document.documentElement.dataset.app = 'ready';

export default app;
