/**
 * The studio's page (`author.html`) at build time and under `npm run dev`. Built on its own,
 * after the site's pages: a build of its own shares no chunk with the reader's, so the reader,
 * classroom and embed pages stay as they are, byte for byte, and load nothing of the studio.
 * `npm run dev` serves `author.html` as it serves every page, and lets it save the story in place.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';
import { prepareStory } from '../prepare/prepare.ts';
import { DRAFT_FILES, type DraftFiles } from '../studio/draft.ts';
import { MAX_FILE_BYTES } from '../studio/zip.ts';
import { readStoryFiles } from './plugin.ts';
import { problemsOf } from './report.ts';

export function studioPagePlugin(plugins: () => PluginOption[], dir = process.env.STORY ?? 'data'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'claim-map-studio-page',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(SAVE_PATH, (req, res) => {
        if (req.method !== 'POST') {
          res.statusCode = 405;
          res.end();
          return;
        }
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => {
          body += chunk;
          // Four files at their cap, and room for the JSON around them; more is not a story.
          if (body.length > 5 * MAX_FILE_BYTES) req.destroy();
        });
        req.on('end', () => {
          const { status, message } = saveStory(resolve(dir), body, req.headers);
          res.statusCode = status;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end(message);
        });
      });
    },
    async closeBundle() {
      if (config.command !== 'build' || config.build.ssr) return;
      await build({
        configFile: false,
        root: config.root,
        base: config.base,
        publicDir: false,
        logLevel: 'warn',
        plugins: plugins(),
        // The check worker imports the schemas compiled (`virtual:story-validators`).
        worker: { format: 'es', plugins },
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

/** Where the studio posts a story to save it in place, under `npm run dev` only. */
export const SAVE_PATH = '/__studio/save';

/**
 * Saves a story the studio posts (`{ "article.txt": …, "claims.json": …, … }`) into the story
 * folder the dev server serves, if it comes from the server's own page and passes the build's
 * checks. Returns the HTTP status and what to tell the journalist.
 */
export function saveStory(
  dir: string,
  body: string,
  headers: { origin?: string; host?: string },
): { status: number; message: string } {
  // Only the dev server's own pages may write files (not another site the browser has open).
  if (!headers.origin || !headers.host || new URL(headers.origin).host !== headers.host) {
    return { status: 403, message: 'Saving is only allowed from the studio of this server.' };
  }
  let files: Record<string, unknown>;
  try {
    files = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { status: 400, message: 'The story sent is not JSON.' };
  }
  const names = Object.keys(files ?? {});
  if (
    names.length !== DRAFT_FILES.length ||
    !DRAFT_FILES.every((name) => typeof files[name] === 'string' && (files[name] as string).length <= MAX_FILE_BYTES)
  ) {
    return { status: 400, message: `Send exactly ${DRAFT_FILES.join(', ')}, as text.` };
  }
  const story = files as DraftFiles;
  try {
    prepareStory({ ...readStoryFiles(dir), ...story });
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error;
    return { status: 422, message: `Not saved: ${problems.map((p) => p.message).join('; ')}` };
  }
  for (const name of DRAFT_FILES) writeFileSync(resolve(dir, name), story[name]);
  return { status: 200, message: `Saved in ${dir}.` };
}
