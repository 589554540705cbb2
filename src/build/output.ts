/**
 * Where a build goes, and what `npm run preview` serves.
 *
 * - The engine's own story (`data/`) builds into `dist/`, as it always has.
 * - Any other story (`STORY=path/to/story npm run build`) builds into a folder of its own,
 *   `dist/` inside the story's folder (`path/to/story/dist/`), so building one story never
 *   empties another's site.
 * - `OUT_DIR` (or `--outDir`) puts it anywhere else; a relative one is taken from the folder the
 *   command runs in (not from `src/`, Vite's root), and a folder that holds the story or the
 *   engine is refused, since the build empties it first.
 *
 * Every finished build records where it went (`node_modules/.cache/claim-map/last-build`), and
 * `npm run preview` serves that folder unless told otherwise (`OUT_DIR`, `STORY`, `--outDir`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** The engine's folder (where package.json is), and its own story. */
export const ENGINE_DIR = resolve(import.meta.dirname, '../..');
export const ENGINE_STORY = resolve(ENGINE_DIR, 'data');
const RECORD = resolve(ENGINE_DIR, 'node_modules/.cache/claim-map/last-build');

/** The story folder a command works on: `$STORY`, else the engine's own. */
export function storyDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.STORY || ENGINE_STORY);
}

/** Where a story builds by default: `dist/` for the engine's own, else `dist/` inside the story's folder. */
export function defaultOutDir(story: string): string {
  const dir = resolve(story);
  return dir === ENGINE_STORY ? resolve(ENGINE_DIR, 'dist') : resolve(dir, 'dist');
}

/** Where `npm run build` writes: `$OUT_DIR`, else the story's default. */
export function buildOutDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OUT_DIR ? resolve(env.OUT_DIR) : defaultOutDir(storyDir(env));
}

/** The folder the last finished build wrote, if it is still there. */
export function lastBuild(): string | null {
  try {
    const dir = readFileSync(RECORD, 'utf8').trim();
    return dir && existsSync(resolve(dir, 'index.html')) ? dir : null;
  } catch {
    return null;
  }
}

/** What `npm run preview` serves: `$OUT_DIR`, else `$STORY`'s folder, else the last build, else `dist/`. */
export function previewOutDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OUT_DIR || env.STORY) return buildOutDir(env);
  return lastBuild() ?? defaultOutDir(ENGINE_STORY);
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * Why a build may not write to `outDir` (the build empties it first), or null: it may not hold
 * the story's folder or the engine's, nor be inside the engine's source folders.
 */
export function refusedOutDir(outDir: string, story: string): string | null {
  const out = resolve(outDir);
  if (within(resolve(story), out)) return `it holds the story folder ${resolve(story)}`;
  if (within(ENGINE_DIR, out)) return `it holds the engine's folder ${ENGINE_DIR}`;
  for (const folder of ['src', 'data', 'geo', 'public', '.ci', '.git']) {
    if (within(out, resolve(ENGINE_DIR, folder))) return `it is inside the engine's ${folder}${sep}`;
  }
  return null;
}

/** A path as a person would type it from where the command runs. */
function shown(path: string): string {
  const from = relative(process.cwd(), path);
  return from && !from.startsWith('..') && !isAbsolute(from) ? from : path;
}

/**
 * The Vite plugin for where a build goes: it takes a relative `--outDir` from the working folder,
 * refuses a folder the build must not empty, and once the site is finished records it for
 * `npm run preview` and says where it is.
 */
export function outputPlugin(): Plugin {
  let outDir = '';
  let ssr = false;
  let building = false;
  let logger: ResolvedConfig['logger'] | null = null;
  return {
    name: 'claim-map-output',
    config(config) {
      // `vite build --outDir x` and `vite preview --outDir x` mean x from here, not from src/.
      const dir = config.build?.outDir;
      if (dir && !isAbsolute(dir)) return { build: { outDir: resolve(dir) } };
    },
    configResolved(config) {
      outDir = config.build.outDir;
      ssr = !!config.build.ssr;
      building = config.command === 'build';
      logger = config.logger;
      if (!building || ssr) return;
      const why = refusedOutDir(outDir, storyDir());
      if (why) {
        process.stderr.write(
          `Will not build into ${outDir}: ${why}, and a build empties its folder first. Set OUT_DIR to a folder of its own.\n`,
        );
        process.exit(1);
      }
    },
    closeBundle: {
      // After the pages are prerendered (`prerender.ts`): only a finished site is recorded.
      order: 'post',
      sequential: true,
      handler() {
        if (!building || ssr) return;
        mkdirSync(dirname(RECORD), { recursive: true });
        writeFileSync(RECORD, `${outDir}\n`);
        logger?.info(`\nBuilt ${shown(storyDir())} into ${shown(outDir)}/. npm run preview serves it.`);
      },
    },
  };
}
