/**
 * The Vite plugin that turns a story folder (`data/` by default, or `$STORY`) into the app's
 * `virtual:story` module, fails the build on bad data with a message naming file, claim and
 * field, and publishes the data: `data/flows.geojson` and `data/claims.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkStory, DataError, ENGINE_FILES, STORY_FILES, storyRegion, type StoryFiles } from '../prepare/prepare.ts';
import type { ResolvedClaim, Story } from '../story/types.ts';
import { validatorsSource } from './validators.ts';
import { posterSvg } from '../static/poster.ts';
import { sceneSource } from '../static/scene.ts';
import { postersToPng } from './png.ts';
import { escapeHtml, scriptJson } from '../story/escape.ts';
import { claimPreview, claimTitle, siteDescription } from '../story/wording.ts';
import { paletteCss } from '../symbology/css.ts';
import { BadStoryData, DraftStory, problemsOf, warningReport } from './report.ts';
import { DRAFT_NOTE } from '../studio/download.ts';
import { withContext } from './context.ts';
import { storyGeography, writeGeography, type GeographyOptions } from './geography.ts';
import { claimsCsv, DATA_FILES, dataReadme, publishedClaims, publishedFlows } from './publish.ts';
import { claimsLinkedData, publishedAnnotations, publishedArticle } from './linked-data.ts';

export { publishedClaims };

const VIRTUAL_ID = 'virtual:story';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** The story's files as written (and the engine's schemas, kinds, geography): the studio's only. */
const FILES_ID = 'virtual:story-files';
const RESOLVED_FILES_ID = `\0${FILES_ID}`;
/** The story's schemas compiled ahead (`validators.ts`): the studio's only. */
const VALIDATORS_ID = 'virtual:story-validators';
const RESOLVED_VALIDATORS_ID = `\0${VALIDATORS_ID}`;

/**
 * Where the JSON Schemas live (a story folder may carry its own, but need not) and the engine's
 * vocabulary of kinds (`kinds.json`: a story declares its own kinds in story.json instead).
 */
export const SCHEMA_DIR = resolve(import.meta.dirname, '../../data');

export function readStoryFiles(dir: string): StoryFiles {
  const files = {} as StoryFiles;
  for (const name of STORY_FILES) {
    const candidates = ENGINE_FILES.includes(name)
      ? [resolve(SCHEMA_DIR, name)]
      : name.endsWith('.schema.json')
        ? [resolve(dir, name), resolve(SCHEMA_DIR, name)]
        : [resolve(dir, name)];
    const found = candidates.find((path) => existsSync(path));
    if (!found) throw new DataError(name, null, null, `missing file ${resolve(dir, name)}`);
    files[name] = readFileSync(found, 'utf8');
  }
  return files;
}

export interface LoadOptions extends GeographyOptions {
  /** Told the story's warnings, as printed (`warningReport`); by default they go to standard error. */
  onWarnings?: (report: string, warnings: readonly DataError[]) => void;
}

/**
 * Prepares the story in `dir`, or throws `BadStoryData`: every problem, one line each (a draft
 * the studio downloaded, `DraftStory`: the problems it listed). Its warnings are printed
 * (`options.onWarnings`). Its geography (`region.topo.json`) is read from the folder, or made
 * (and written there, unless `options.write` is false) when missing or stale.
 */
export function loadStory(dir: string, options: LoadOptions = {}): Story {
  const { onWarnings = (report) => process.stderr.write(`${report}\n`), ...geography } = options;
  const note = resolve(dir, DRAFT_NOTE);
  if (existsSync(note)) throw new DraftStory(dir, readFileSync(note, 'utf8'));
  let checked;
  try {
    checked = checkStory(readStoryFiles(dir), {
      geography: (bounds) => storyGeography(dir, bounds, geography),
    });
  } catch (error) {
    const problems = problemsOf(error);
    throw problems ? new BadStoryData(dir, problems) : error;
  }
  if (checked.warnings.length) onWarnings(warningReport(dir, checked.warnings), checked.warnings);
  return checked.story;
}

/**
 * `npm run geo`: writes the geography of the story in `dir` for the region story.json gives, or
 * its places framed, whatever its key says; throws `BadStoryData` when the data cannot say.
 */
export function writeStoryGeography(dir: string): ReturnType<typeof writeGeography> & ReturnType<typeof storyRegion> {
  let found;
  try {
    found = storyRegion(readStoryFiles(dir));
  } catch (error) {
    const problems = problemsOf(error);
    throw problems ? new BadStoryData(dir, problems) : error;
  }
  return { ...found, ...writeGeography(dir, found.region.bounds) };
}

/** `publish: false`: the story's data, posters and share pages are left to another build (the studio's page). */
export function storyPlugin(dir = process.env.STORY ?? 'data', { publish = true } = {}): Plugin {
  const root = resolve(dir);
  let story: Story | null = null;
  let ssr = false;
  let building = false;
  const load = (): Story =>
    (story ??= withContext(
      loadStory(root, {
        onWrite: (path) => console.log(`claim-map: wrote ${relative(process.cwd(), path)}, the story's geography`),
      }),
    ));
  return {
    name: 'claim-map-story',
    configResolved(config) {
      ssr = !!config.build.ssr;
      building = config.command === 'build';
    },
    buildStart() {
      story = null;
      for (const name of STORY_FILES) this.addWatchFile(resolve(root, name));
      try {
        load();
      } catch (error) {
        // `vite build`: every problem, one line each, and exit 1; Rolldown would print the
        // error inside its stack trace, twice. (The dev server shows it in its overlay.)
        if (!(error instanceof BadStoryData) || !building) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
    },
    resolveId(id) {
      if (id === VALIDATORS_ID) return RESOLVED_VALIDATORS_ID;
      return id === VIRTUAL_ID ? RESOLVED_ID : id === FILES_ID ? RESOLVED_FILES_ID : null;
    },
    load(id) {
      if (id === RESOLVED_VALIDATORS_ID) return validatorsSource(readStoryFiles(root));
      if (id === RESOLVED_FILES_ID)
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(readStoryFiles(root)))});`;
      if (id !== RESOLVED_ID) return null;
      // JSON.parse of a string literal is faster to start than the same object as JS; the text is
      // exported too, for the layout worker (`layout/page.ts`: a string is copied to a worker
      // at once, where the story as objects takes a structured clone on the page's main thread).
      return `export const storyJson = ${JSON.stringify(JSON.stringify(load()))};\nexport default JSON.parse(storyJson);`;
    },
    handleHotUpdate({ file, server }) {
      if (STORY_FILES.some((name) => resolve(root, name) === file)) {
        story = null;
        for (const id of [RESOLVED_ID, RESOLVED_FILES_ID, RESOLVED_VALIDATORS_ID]) {
          const module = server.moduleGraph.getModuleById(id);
          if (module) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
        return [];
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const file = Object.values(DATA_FILES).find((name) => path.endsWith(`/${name}`));
        if (!file) return next();
        const [type, body] = publishedFile(load(), file);
        res.setHeader('Content-Type', type);
        res.end(body);
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        // The studio describes no story to link previews.
        if (context.filename.endsWith('author.html')) return html;
        const current = load();
        const title = escapeHtml(`Claim map: ${current.article.title}`);
        const description = escapeHtml(siteDescription(current.claims.length, current.meta.article.genre));
        const image = posterUrl('overview.png');
        const tags = [
          `<meta property="og:type" content="website" />`,
          `<meta property="og:title" content="${title}" />`,
          `<meta property="og:description" content="${description}" />`,
          `<meta property="og:image" content="${image}" />`,
          `<meta property="og:image:width" content="${POSTER.width}" />`,
          `<meta property="og:image:height" content="${POSTER.height}" />`,
          `<meta property="og:image:alt" content="${description}" />`,
          `<meta name="twitter:card" content="summary_large_image" />`,
          `<meta name="twitter:title" content="${title}" />`,
          `<meta name="twitter:description" content="${description}" />`,
        ].join('\n    ');
        // The claims as linked data, at the end of the body: a story's worth of JSON (half a MB for
        // a thousand claims) is not read before the page can paint.
        const linkedData = linkedDataScript(claimsLinkedData(current, current.claims, './', process.env.SITE_URL));
        let out = html.replace('</head>', `    ${tags}\n  </head>`).replace('</body>', `    ${linkedData}\n  </body>`);
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
      if (ssr || !publish) return;
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
      for (const file of Object.values(DATA_FILES)) {
        this.emitFile({ type: 'asset', fileName: file, source: publishedFile(current, file)[1] });
      }
    },
  };
}

/** A published data file's content type and text. */
function publishedFile(story: Story, file: (typeof DATA_FILES)[keyof typeof DATA_FILES]): [type: string, body: string] {
  switch (file) {
    case DATA_FILES.claims:
      return ['application/json', `${JSON.stringify(publishedClaims(story), null, 1)}\n`];
    case DATA_FILES.flows:
      return ['application/geo+json', `${JSON.stringify(publishedFlows(story), null, 1)}\n`];
    case DATA_FILES.csv:
      return ['text/csv; charset=utf-8; header=present', claimsCsv(story)];
    case DATA_FILES.annotations:
      return ['application/ld+json', `${JSON.stringify(publishedAnnotations(story, process.env.SITE_URL), null, 1)}\n`];
    case DATA_FILES.article:
      return ['text/plain; charset=utf-8', publishedArticle(story)];
    case DATA_FILES.readme:
      return ['text/plain; charset=utf-8', dataReadme(story)];
  }
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

/** JSON-LD for a page, escaped so that nothing in the story can end the element (`scriptJson`). */
export function linkedDataScript(data: object): string {
  return `<script type="application/ld+json">${scriptJson(data)}</script>`;
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
  // Attributed: on social media the title and the preview are all anyone sees (`story/wording.ts`).
  const title = escapeHtml(claimTitle(claim));
  const quote = escapeHtml(claimPreview(claim, story.meta.article.genre));
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
    <meta property="og:image:alt" content="${title}" />
    <meta name="twitter:card" content="summary_large_image" />
    <meta name="twitter:title" content="${title}" />
    <meta name="twitter:description" content="${quote}" />
    <meta http-equiv="refresh" content="0; url=${escapeHtml(target)}" />
    <link rel="canonical" href="${escapeHtml(target)}" />
    <link rel="icon" href="../favicon.svg" type="image/svg+xml" />
    ${linkedDataScript(claimsLinkedData(story, [claim], '../', process.env.SITE_URL))}
  </head>
  <body>
    <p><a href="${escapeHtml(target)}">${title}</a></p>
  </body>
</html>
`;
}
