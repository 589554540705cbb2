/**
 * A Vite plugin that prerenders the page after the client build: it builds `entry-server.ts`
 * for Node with the same plugins, renders the app with `svelte/server`, and writes the HTML into
 * the built `index.html`. The browser then hydrates it (`main.ts`) instead of rendering anew.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';
import type { OutputBundle } from 'rolldown';
import { bundleScript } from './scripts.ts';
import type { LoaderOptions } from '../start/loader.ts';
import { escapeHtml } from '../story/escape.ts';
import { PREVIEW_CARDS_FILE } from '../start/preview.ts';

const MOUNT = '<div id="app"></div>';

/** The pages the build prerenders, and the mode each shows. */
const PAGES: [file: string, mode: 'read' | 'embed'][] = [
  ['index.html', 'read'],
  ['embed.html', 'embed'],
];

/** The built files the page loads after its first paint. */
interface LateAssets {
  entry: string;
  /** Chunks imported on demand that a gesture on the map will need at once (MapLibre). */
  preload: string[];
  /** The text's font (the bundle's WOFF2 files: the reader's pages use one): fetched with the CSS, not after it. */
  fonts: string[];
}

function lateAssets(bundle: OutputBundle): LateAssets {
  const assets: LateAssets = { entry: '', preload: [], fonts: [] };
  for (const file of Object.values(bundle)) {
    if (file.type === 'asset' && file.fileName.endsWith('.woff2')) assets.fonts.push(file.fileName);
    if (file.type === 'chunk' && file.isEntry) assets.entry = file.fileName;
    else if (file.type === 'chunk' && file.isDynamicEntry && file.name.includes('maplibre'))
      assets.preload.push(file.fileName);
  }
  return assets;
}

/** The script that starts the app (`start/loader.ts`, compiled), for a page's built files. */
export async function loaderScript(options: LoaderOptions): Promise<string> {
  return (await bundleScript(resolve(import.meta.dirname, '../start/loader.ts'), [options])).code;
}

/**
 * The text's font, asked for with the page: otherwise the browser finds it only once the CSS has
 * arrived and the text is laid out, and repaints the article in it a round trip later (the
 * page's largest paint, on a phone's network).
 */
export function fontPreloads(fonts: readonly string[]): string {
  return fonts
    .map((href) => `<link rel="preload" href="./${href}" as="font" type="font/woff2" crossorigin />\n`)
    .join('');
}

/**
 * The page's Content-Security-Policy: everything from the page's own origin, the one inline
 * script by its hash, no eval. Style attributes are allowed inline (the prerendered HTML sets
 * a few CSS variables that way; an attribute cannot run script), inline <style> elements are
 * not. MapLibre's worker is a same-origin file, so `worker-src 'self'` is all it needs; `blob:`
 * images are the PNG export's. `frame-src 'self'` is the embed generator's preview.
 */
export function contentSecurityPolicy(inlineScript: string): string {
  const hash = createHash('sha256').update(inlineScript).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function prerenderPlugin(plugins: () => PluginOption[]): Plugin {
  let config: ResolvedConfig;
  let assets: LateAssets | null = null;
  return {
    name: 'claim-map-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      if (!config.build.ssr) assets = lateAssets(bundle as unknown as OutputBundle);
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
      const { renderPage, renderCards } = (await import(url)) as typeof import('../entry-server.ts');
      // The cards a press before the app is ready shows (start/preview.ts), fetched after the first paint.
      await writeFile(resolve(config.build.outDir, PREVIEW_CARDS_FILE), `${renderCards()}\n`);
      // Vite drops chunks that only carried CSS after this plugin saw the bundle: keep the
      // files that were written.
      const written = async (file: string) => !!(await stat(resolve(config.build.outDir, file)).catch(() => null));
      assets!.preload = (await Promise.all(assets!.preload.map(async (f) => ((await written(f)) ? f : null)))).filter(
        (f): f is string => f !== null,
      );
      for (const [name, mode] of PAGES) {
        const file = resolve(config.build.outDir, name);
        if (!(await written(name))) continue;
        const page = renderPage(mode);
        const html = await readFile(file, 'utf8');
        if (!html.includes(MOUNT)) throw new Error(`prerender: ${file} has no ${MOUNT} to fill`);
        // The page's own entry script, as Vite wrote it, is started by the loader instead.
        const entryTag = /<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/;
        const entry = entryTag.exec(html)?.[1];
        if (!entry) throw new Error(`prerender: ${file} loads no module script to defer`);
        const { preload } = assets!;
        const loader = `\n${await loaderScript({ entry, preload, waitForIntent: mode === 'read' })}\n`;
        const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(loader)}" />`;
        await writeFile(
          file,
          html
            .replace(entryTag, '')
            .replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${csp}`)
            .replace('</head>', `${fontPreloads(assets!.fonts)}<script>${loader}</script>\n</head>`)
            .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
            .replace('</head>', `${page.head}</head>`)
            .replace(MOUNT, `<div id="app">${page.body}</div>`),
        );
      }
    },
  };
}
