/**
 * The studio's page (`author.html`) is built on its own, after the site's pages: a build of its
 * own shares no chunk with the reader's, so the reader, classroom and embed pages stay as they
 * are, byte for byte, and load nothing of the studio. (`npm run dev` serves `author.html` as it
 * serves every page.)
 */
import { resolve } from 'node:path';
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';

export function studioPagePlugin(plugins: () => PluginOption[]): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'claim-map-studio-page',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (config.build.ssr) return;
      await build({
        configFile: false,
        root: config.root,
        base: config.base,
        publicDir: false,
        logLevel: 'warn',
        plugins: plugins(),
        build: {
          target: config.build.target,
          outDir: config.build.outDir,
          emptyOutDir: false,
          // The gazetteer's towns are one chunk, loaded on the first search.
          chunkSizeWarningLimit: config.build.chunkSizeWarningLimit,
          rollupOptions: { input: { author: resolve(config.root, 'author.html') } },
        },
      });
    },
  };
}
