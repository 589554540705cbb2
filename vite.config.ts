/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte as sveltePlugin } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { palettePlugin, storyPlugin } from './src/build/plugin.ts';
import { prerenderPlugin } from './src/build/prerender.ts';
import { buildOutDir, outputPlugin, previewOutDir } from './src/build/output.ts';
import { studioPagePlugin } from './src/build/studio.ts';
import { gazetteerPlugin } from './src/build/gazetteer.ts';
import { scriptPlugin } from './src/build/scripts.ts';
import { namedMedia } from './src/build/media.ts';

/** Components, with their styles' named breakpoints (`@media (--narrow)`) spelled out. */
const svelte = () => sveltePlugin({ preprocess: [namedMedia()] });

export default defineConfig(({ isPreview }) => ({
  // Relative asset paths: the built site works from any folder it is copied to.
  base: './',
  // index.html lives in src/: the client named the top level, and it has no room for it.
  root: 'src',
  publicDir: resolve('public'),
  plugins: [
    svelte(),
    storyPlugin(),
    palettePlugin(),
    // Small scripts compiled from TypeScript (`?script`: the embed snippet's listener).
    scriptPlugin(),
    // The studio's towns (`npm run dev` serves author.html with this config).
    gazetteerPlugin(),
    prerenderPlugin(() => [svelte(), storyPlugin(), palettePlugin(), scriptPlugin()]),
    outputPlugin(),
    studioPagePlugin(() => [
      svelte(),
      storyPlugin(undefined, { publish: false }),
      palettePlugin(),
      gazetteerPlugin(),
      scriptPlugin(),
    ]),
  ],
  // Component tests need Svelte's browser build (see ../shared/TOOLCHAIN.md).
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: {
    target: 'es2022',
    // `dist/` for the story in data/, `<story>/dist/` for another, or $OUT_DIR; preview serves
    // the last build (src/build/output.ts).
    outDir: isPreview ? previewOutDir() : buildOutDir(),
    emptyOutDir: true,
    // MapLibre (about 1 MB) is its own chunk, loaded on demand: its size is expected.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // The reader (and classroom) page, and the page newsrooms embed; the studio's is built on its own.
      input: { main: resolve('src/index.html'), embed: resolve('src/embed.html') },
    },
  },
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.ts'],
    // Some tests render every basemap band or many scenes: generous on a busy 2-core machine.
    testTimeout: 30_000,
    environment: 'node',
  },
}));
