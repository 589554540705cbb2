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
import { SMALL_SCREEN_MAX_WIDTH } from '../map/policy.ts';
import {
  APP_READY,
  APP_START_ATTRIBUTE,
  EARLY_PICK_ATTRIBUTE,
  EARLY_PRESS_TARGETS,
  START_EVENTS,
  type AppStart,
} from '../state/early.ts';
import { ADDRESS_PARAMETERS } from '../state/url.ts';
import { escapeHtml } from '../story/escape.ts';

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

/**
 * The script that starts the app. The page is whole without it (prerendered HTML and CSS), so a
 * reader's page starts the app on the reader's first sign of intent: a pointer moved or pressed,
 * a touch, a key, focus, the wheel, a click, printing (`START_EVENTS`). Until then the page's
 * main thread is free (no long task while the page loads: the app's start and the map's redraw
 * at its own size come with that first gesture). Once the page is parsed and its first
 * contentful paint recorded, the app's files are fetched (fetched only), so that its start then
 * costs no round trip. An address that asks for more than the page shows (any of the schema's
 * parameters: a claim, a step, a theme…), and pages that do not wait (the embed, which sizes its
 * frame), start the app then instead. Browsers without paint timing do it a little later. A
 * press on a button, a claim or a sentence before the app is ready is marked, the last one only,
 * for the app to make again once it is (`state/early.ts`).
 */
export function loaderScript({
  entry,
  preload,
  waitForIntent,
}: Pick<LateAssets, 'entry' | 'preload'> & { waitForIntent: boolean }): string {
  const links = [...preload.map((href) => ['modulepreload', `./${href}`, 'map']), ['modulepreload', `./${entry}`, '']];
  // The same rule as `preloadsMap` (map/policy.ts): small screens and Save-Data fetch MapLibre
  // only when the reader asks to zoom.
  const wantsMap = `innerWidth > ${SMALL_SCREEN_MAX_WIDTH} && !(navigator.connection && navigator.connection.saveData)`;
  const setState = (state: AppStart) => `document.documentElement.setAttribute('${APP_START_ATTRIBUTE}', '${state}')`;
  return [
    '(function () {',
    // Before anything paints: CSS can tell a page whose app is on its way (`starting`, then
    // `ready`) from a page without JavaScript, and shows the former as the app will.
    `  ${setState('starting')};`,
    // Once the page is parsed: fold what starts folded on this screen (the key on a phone) for
    // real, so it opens and closes even if the app never comes; the CSS rule then lets go.
    '  function parsed() {',
    "    [].forEach.call(document.querySelectorAll('details[data-fold]'), function (d) { if (matchMedia(d.getAttribute('data-fold')).matches) d.open = false; });",
    `    ${setState('waiting')};`,
    '  }',
    "  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parsed); else parsed();",
    "  function ready() { return document.documentElement.getAttribute('" +
      APP_START_ATTRIBUTE +
      "') === '" +
      APP_READY +
      "'; }",
    '  var fetched = false, started = false;',
    '  function fetchApp() {',
    // After the page's own HTML, not alongside it.
    "    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', fetchApp); return; }",
    '    if (fetched) return; fetched = true;',
    `    var map = ${wantsMap};`,
    `    ${JSON.stringify(links)}.forEach(function (l) { if (l[2] && !map) return; var e = document.createElement('link'); e.rel = l[0]; e.href = l[1]; document.head.appendChild(e); });`,
    '  }',
    '  function start() {',
    // The app takes over the whole page: it starts once the page is parsed, not before.
    "    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); return; }",
    '    if (started) return; started = true;',
    '    fetchApp();',
    `    var s = document.createElement('script'); s.type = 'module'; s.src = ${JSON.stringify(`./${entry}`)}; document.head.appendChild(s);`,
    '  }',
    // The address's own parameters (`state/url.ts`); another (a campaign's tag) shows the overview.
    `  var asked = new URLSearchParams(location.search), waits = ${waitForIntent} && !${JSON.stringify(ADDRESS_PARAMETERS)}.some(function (k) { return asked.has(k); });`,
    // The reader's first gesture starts the app; a press is also marked for the app to make again.
    '  function intent(e) {',
    `    if (ready()) { ${JSON.stringify(START_EVENTS)}.forEach(function (t) { removeEventListener(t, intent, true); }); return; }`,
    '    start();',
    "    if (e.type !== 'click') return;",
    `    var b = e.target && e.target.closest ? e.target.closest('${EARLY_PRESS_TARGETS}') : null;`,
    '    if (!b) return;',
    `    [].forEach.call(document.querySelectorAll('[${EARLY_PICK_ATTRIBUTE}]'), function (x) { x.removeAttribute('${EARLY_PICK_ATTRIBUTE}'); });`,
    `    b.setAttribute('${EARLY_PICK_ATTRIBUTE}', '');`,
    '  }',
    `  ${JSON.stringify(START_EVENTS)}.forEach(function (t) { addEventListener(t, intent, { capture: true, passive: true }); });`,
    '  function painted() { if (waits) fetchApp(); else start(); }',
    '  try {',
    "    new PerformanceObserver(function (list) { if (list.getEntriesByName('first-contentful-paint').length) setTimeout(painted); }).observe({ type: 'paint', buffered: true });",
    '  } catch (e) { /* no paint timing */ }',
    '  setTimeout(painted, 400);',
    '})();',
  ].join('\n');
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
      const { renderPage } = (await import(url)) as typeof import('../entry-server.ts');
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
        const loader = `\n${loaderScript({ ...assets!, entry, waitForIntent: mode === 'read' })}\n`;
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
