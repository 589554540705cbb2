/**
 * The Vite plugin that turns a story folder (`data/` by default, or `$STORY`) into the app's
 * `virtual:story` module, fails the build on bad data with a message naming file, claim and
 * field, and publishes the data: `data/flows.geojson` and `data/claims.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { DataError, prepareStory, STORY_FILES, type StoryFiles } from './prepare.ts';
import type { ResolvedClaim, Story } from '../story/types.ts';
import { posterSvg } from '../static/poster.ts';
import { sceneSource } from '../static/scene.ts';
import { postersToPng } from './png.ts';
import { escapeHtml } from '../story/escape.ts';
import { paletteCss } from '../symbology/css.ts';

const VIRTUAL_ID = 'virtual:story';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Where the JSON Schemas live; a story folder may carry its own, but need not. */
export const SCHEMA_DIR = resolve(import.meta.dirname, '../../data');

export function readStoryFiles(dir: string): StoryFiles {
  const files = {} as StoryFiles;
  for (const name of STORY_FILES) {
    const candidates = name.endsWith('.schema.json')
      ? [resolve(dir, name), resolve(SCHEMA_DIR, name)]
      : [resolve(dir, name)];
    const found = candidates.find((path) => existsSync(path));
    if (!found) throw new DataError(name, null, null, `missing file ${resolve(dir, name)}`);
    files[name] = readFileSync(found, 'utf8');
  }
  return files;
}

/** Prepares the story in `dir`, or throws an Error whose message starts with the file's path. */
export function loadStory(dir: string): Story {
  try {
    return prepareStory(readStoryFiles(dir));
  } catch (error) {
    if (error instanceof DataError) {
      const where = relative(process.cwd(), resolve(dir, error.file)) || error.file;
      throw new Error(`Bad story data: ${where}${error.message.slice(error.file.length)}`, { cause: error });
    }
    throw error;
  }
}

/** What "Get the data" downloads: the claims with their sentences, and the story's facts. */
export function publishedClaims(story: Story): object {
  return {
    title: story.article.title,
    article: story.meta.article,
    claims: story.claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      shape: c.shape,
      actors: c.actors,
      origin: c.origin,
      destinations: c.destinations,
      caption: c.caption,
      ...(c.note ? { note: c.note } : {}),
      quote: c.quote,
      paragraph: c.paragraph,
      sentence: c.sentence,
      selector: c.selector,
    })),
    places: story.places,
  };
}

export function storyPlugin(dir = process.env.STORY ?? 'data'): Plugin {
  const root = resolve(dir);
  let story: Story | null = null;
  let ssr = false;
  const load = (): Story => (story ??= loadStory(root));
  return {
    name: 'claim-map-story',
    configResolved(config) {
      ssr = !!config.build.ssr;
    },
    buildStart() {
      story = null;
      for (const name of STORY_FILES) this.addWatchFile(resolve(root, name));
      load();
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      // JSON.parse of a string literal is faster to start than the same object as JS.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(load()))});`;
    },
    handleHotUpdate({ file, server }) {
      if (STORY_FILES.some((name) => resolve(root, name) === file)) {
        story = null;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
        return [];
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const published = path.endsWith('/data/flows.geojson')
          ? load().flows
          : path.endsWith('/data/claims.json')
            ? publishedClaims(load())
            : null;
        if (!published) return next();
        res.setHeader('Content-Type', path.endsWith('.geojson') ? 'application/geo+json' : 'application/json');
        res.end(JSON.stringify(published, null, 1));
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const current = load();
        const title = escapeHtml(`Claim map: ${current.article.title}`);
        const description = escapeHtml(
          `${current.claims.length} geographic claims of an opinion article, each with its sentence. Arrows are schematic.`,
        );
        const image = posterUrl('overview.png');
        const tags = [
          `<meta property="og:type" content="website" />`,
          `<meta property="og:title" content="${title}" />`,
          `<meta property="og:description" content="${description}" />`,
          `<meta property="og:image" content="${image}" />`,
          `<meta property="og:image:width" content="${POSTER.width}" />`,
          `<meta property="og:image:height" content="${POSTER.height}" />`,
          `<meta name="twitter:card" content="summary_large_image" />`,
        ].join('\n    ');
        let out = html.replace('</head>', `    ${tags}\n  </head>`);
        if (context.filename.endsWith('embed.html')) {
          // Where scripts cannot run and the prerendered map is not enough (feed readers).
          out = out.replace(
            '<div id="app">',
            `<noscript><img src="./posters/overview.png" width="${POSTER.width}" height="${POSTER.height}" style="width: 100%; height: auto" alt="${description}" /></noscript>\n    <div id="app">`,
          );
        }
        return out;
      },
    },
    async generateBundle() {
      // The server build (for prerendering) publishes nothing: the client build does.
      if (ssr) return;
      const current = load();
      // Posters: the overview and each claim, as SVG and PNG, and a page per claim to share, whose
      // link preview is that claim's poster.
      const source = sceneSource(current);
      const posters: [name: string, claims: ResolvedClaim[]][] = [
        ['overview', []],
        ...current.claims.map((c): [string, ResolvedClaim[]] => [c.id, [c]]),
      ];
      const svgs = posters.map(([, claims]) => posterSvg(current, source, { claims, ...POSTER }));
      // `POSTERS=svg` skips the PNGs (the benchmark's generated stories have a thousand claims).
      const pngs = process.env.POSTERS === 'svg' ? [] : postersToPng(svgs, (message) => this.warn(message));
      posters.forEach(([name], i) => {
        this.emitFile({ type: 'asset', fileName: `posters/${name}.svg`, source: svgs[i]! });
        const png = pngs[i];
        if (png) this.emitFile({ type: 'asset', fileName: `posters/${name}.png`, source: png });
      });
      for (const claim of current.claims) {
        this.emitFile({ type: 'asset', fileName: `share/${claim.id}.html`, source: sharePage(current, claim) });
      }
      this.emitFile({
        type: 'asset',
        fileName: 'data/flows.geojson',
        source: `${JSON.stringify(current.flows, null, 1)}\n`,
      });
      this.emitFile({
        type: 'asset',
        fileName: 'data/claims.json',
        source: `${JSON.stringify(publishedClaims(current), null, 1)}\n`,
      });
    },
  };
}

const PALETTE_ID = 'virtual:palette.css';
/** Vite treats the id as CSS by its extension, so the `\0` prefix goes after the name. */
const RESOLVED_PALETTE_ID = `${PALETTE_ID}?generated`;

/**
 * `virtual:palette.css`: the symbology's palettes as CSS custom properties (`symbology/css.ts`),
 * generated at build time so no colour is written twice.
 */
export function palettePlugin(): Plugin {
  return {
    name: 'claim-map-palette',
    resolveId: (id) => (id === PALETTE_ID ? RESOLVED_PALETTE_ID : null),
    load: (id) => (id === RESOLVED_PALETTE_ID ? paletteCss() : null),
  };
}

/** Link previews are 1200 × 630, the size Open Graph and Twitter cards ask for. */
export const POSTER = { width: 1200, height: 630 };

/** Absolute when the build knows where the site lives (`SITE_URL`), as crawlers prefer. */
function posterUrl(file: string, from = ''): string {
  const site = process.env.SITE_URL;
  return site ? new URL(`posters/${file}`, site.endsWith('/') ? site : `${site}/`).href : `${from}./posters/${file}`;
}

/**
 * A page per claim for sharing: its link preview (title, the sentence, the poster) is that
 * claim's, and it sends people on to the map with the claim selected. A static site cannot vary
 * its HTML by query string, so this is what a claim's shareable URL is.
 */
export function sharePage(story: Story, claim: ResolvedClaim): string {
  const target = `../?claim=${encodeURIComponent(claim.id)}`;
  const title = escapeHtml(claim.caption);
  const quote = escapeHtml(`The article claims: “${claim.quote}”`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <meta name="description" content="${quote}" />
    <meta property="og:type" content="article" />
    <meta property="og:title" content="${title}" />
    <meta property="og:description" content="${quote}" />
    <meta property="og:image" content="${posterUrl(`${claim.id}.png`, '.')}" />
    <meta property="og:image:width" content="${POSTER.width}" />
    <meta property="og:image:height" content="${POSTER.height}" />
    <meta name="twitter:card" content="summary_large_image" />
    <meta http-equiv="refresh" content="0; url=${escapeHtml(target)}" />
    <link rel="canonical" href="${escapeHtml(target)}" />
    <link rel="icon" href="../favicon.svg" type="image/svg+xml" />
  </head>
  <body>
    <p><a href="${escapeHtml(target)}">${title}</a></p>
  </body>
</html>
`;
}
