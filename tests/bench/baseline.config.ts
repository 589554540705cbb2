import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { storyPlugin } from '../../src/build/plugin.ts';

/** Builds the baseline page (MapLibre alone) with the story's geography and flows. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'baseline'),
  base: './',
  logLevel: 'warn',
  plugins: [storyPlugin(resolve(import.meta.dirname, '../../data'))],
  build: {
    outDir: resolve(import.meta.dirname, '../../node_modules/.cache/bench/baseline'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
