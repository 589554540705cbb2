/**
 * The Vite plugin that turns a story folder (`data/` by default, or `$STORY`) into the app's
 * `virtual:story` module, fails the build on bad data with a message naming file, claim and
 * field, and publishes the data: `data/flows.geojson` and `data/claims.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { DataError, prepareStory, STORY_FILES, type StoryFiles } from './prepare.ts';
import type { Story } from './types.ts';

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
  const load = (): Story => (story ??= loadStory(root));
  return {
    name: 'claim-map-story',
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
    generateBundle() {
      const current = load();
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
