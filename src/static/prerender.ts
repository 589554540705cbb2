/**
 * A Vite plugin that prerenders the page after the client build: it builds `entry-server.ts`
 * for Node with the same plugins, renders the app with `svelte/server`, and writes the HTML into
 * the built `index.html`. The browser then hydrates it (`main.ts`) instead of rendering anew.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';
import type { OutputBundle } from 'rolldown';

const MOUNT = '<div id="app"></div>';

/** Escapes text for an HTML text node (the title comes from data). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The built files the page loads after its first paint. */
interface LateAssets {
  entry: string;
  /** Chunks imported on demand that the page will need anyway (MapLibre). */
  preload: string[];
  /** Files fetched by code rather than by the page (MapLibre's worker). */
  prefetch: string[];
}

function lateAssets(bundle: OutputBundle): LateAssets {
  const assets: LateAssets = { entry: '', preload: [], prefetch: [] };
  for (const file of Object.values(bundle)) {
    if (file.type === 'chunk' && file.isEntry) assets.entry = file.fileName;
    else if (file.type === 'chunk' && file.isDynamicEntry && file.name.includes('maplibre'))
      assets.preload.push(file.fileName);
    else if (file.type === 'asset' && file.fileName.includes('maplibre-gl-worker')) assets.prefetch.push(file.fileName);
  }
  return assets;
}

/**
 * The script that starts the app: after the first frame is painted, so the map and the article
 * paint from HTML and CSS alone, with MapLibre's files fetched alongside the app's.
 */
export function loaderScript({ entry, preload, prefetch }: LateAssets): string {
  // A worker's script cannot be preloaded where Chromium would reuse it: it is left out.
  void prefetch;
  const links = preload.map((href) => ['modulepreload', `./${href}`]);
  return [
    'requestAnimationFrame(function () { setTimeout(function () {',
    `  ${JSON.stringify(links)}.forEach(function (l) { var e = document.createElement('link'); e.rel = l[0]; e.href = l[1]; document.head.appendChild(e); });`,
    `  var s = document.createElement('script'); s.type = 'module'; s.src = ${JSON.stringify(`./${entry}`)}; document.head.appendChild(s);`,
    '}); });',
  ].join('\n');
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
      const { renderPage } = (await import(url)) as typeof import('../entry-server.ts');
      const page = renderPage();
      const file = resolve(config.build.outDir, 'index.html');
      const html = await readFile(file, 'utf8');
      if (!html.includes(MOUNT)) throw new Error(`prerender: ${file} has no ${MOUNT} to fill`);
      // Vite drops chunks that only carried CSS after this plugin saw the bundle: keep the
      // files that were written.
      const written = async (file: string) => !!(await stat(resolve(config.build.outDir, file)).catch(() => null));
      assets!.preload = (await Promise.all(assets!.preload.map(async (f) => ((await written(f)) ? f : null)))).filter(
        (f): f is string => f !== null,
      );
      const entryTag = new RegExp(`<script type="module" crossorigin src="\\./${assets!.entry}"></script>`);
      if (!entryTag.test(html)) throw new Error(`prerender: ${file} does not load ${assets!.entry} as expected`);
      await writeFile(
        file,
        html
          .replace(entryTag, '')
          .replace('</body>', `<script>\n${loaderScript(assets!)}\n</script>\n</body>`)
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>`)
          .replace('</head>', `${page.head}</head>`)
          .replace(MOUNT, `<div id="app">${page.body}</div>`),
      );
    },
  };
}
