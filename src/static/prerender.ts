/**
 * A Vite plugin that prerenders the page after the client build: it builds `entry-server.ts`
 * for Node with the same plugins, renders the app with `svelte/server`, and writes the HTML into
 * the built `index.html`. The browser then hydrates it (`main.ts`) instead of rendering anew.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';

const MOUNT = '<div id="app"></div>';

/** Escapes text for an HTML text node (the title comes from data). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function prerenderPlugin(plugins: () => PluginOption[]): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'claim-map-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      if (config.build.ssr) return;
      const serverOut = resolve('node_modules/.cache/claim-map-ssr');
      await build({
        configFile: false,
        root: config.root,
        logLevel: 'warn',
        plugins: plugins(),
        build: {
          ssr: resolve(config.root, 'entry-server.ts'),
          outDir: serverOut,
          emptyOutDir: true,
          target: 'node20',
          rollupOptions: { output: { entryFileNames: 'entry-server.mjs' } },
        },
      });
      const url = `${pathToFileURL(resolve(serverOut, 'entry-server.mjs')).href}?t=${Date.now()}`;
      const { renderPage } = (await import(url)) as typeof import('../entry-server.ts');
      const page = renderPage();
      const file = resolve(config.build.outDir, 'index.html');
      const html = await readFile(file, 'utf8');
      if (!html.includes(MOUNT)) throw new Error(`prerender: ${file} has no ${MOUNT} to fill`);
      await writeFile(
        file,
        html
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>`)
          .replace('</head>', `${page.head}</head>`)
          .replace(MOUNT, `<div id="app">${page.body}</div>`),
      );
    },
  };
}
