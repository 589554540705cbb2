/**
 * A story from scratch: `npm run story:new` writes a folder that checks and builds as it is, with
 * `$schema` links a schema-aware editor follows; filled with a news report (the fixture in
 * tests/fixtures/news-story: another region, genre and kinds, a place at sea, a quote across two
 * sentences), it prepares without a code change. And where builds go (`src/build/output.ts`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStory } from '../../src/build/plugin';
import { NEW_STORY_FILES, newStory } from '../../src/build/new-story';
import { storyCheck, storyNew } from '../../src/build/story-cli';
import {
  buildOutDir,
  defaultOutDir,
  ENGINE_DIR,
  ENGINE_STORY,
  lastBuild,
  previewOutDir,
  refusedOutDir,
} from '../../src/build/output';
import type { StoryMeta } from '../../src/story/types';
import { fillStory } from '../support';

const temporary = mkdtempSync(join(tmpdir(), 'story-new-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));
let count = 0;
const folder = () => join(temporary, `story-${++count}`);

/** What a command printed, and its exit code. */
function run(command: (io: { out: (l: string) => void; err: (l: string) => void }) => number) {
  const out: string[] = [];
  const err: string[] = [];
  const code = command({ out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('story:new', () => {
  it('writes the article, story.json, places, an example claim and a README, and the folder checks clean', () => {
    const dir = folder();
    const result = run((io) => storyNew(dir, io));
    expect(result.code).toBe(0);
    expect(result.out).toContain(`npm run story:check ${dir}`);
    expect(result.out).toContain(`STORY=${dir} npm run build`);
    for (const file of NEW_STORY_FILES) expect(existsSync(join(dir, file)), file).toBe(true);
    const story = loadStory(dir);
    expect(story.claims).toHaveLength(1);
    expect(story.claims[0]!.quote).toContain(story.claims[0]!.selector.exact);
    // No region given: the build framed the places, and wrote the geography beside the story.
    expect(JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8'))).not.toHaveProperty('region');
    expect(existsSync(join(dir, 'region.topo.json'))).toBe(true);
    expect(run((io) => storyCheck(dir, io))).toMatchObject({ code: 0, out: `${dir}: no problems (1 claim, 2 places)` });
  });

  it('links each JSON file to the engine’s schema, by a path that resolves from the folder', () => {
    const dir = join(folder(), 'nested', 'deeper');
    newStory(dir);
    for (const [file, schema] of [
      ['story.json', 'story.schema.json'],
      ['places.json', 'places.schema.json'],
      ['claims.json', 'claims.schema.json'],
    ] as const) {
      const { $schema } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { $schema: string };
      expect(resolve(dir, $schema), file).toBe(resolve(ENGINE_STORY, schema));
    }
  });

  it('leaves null what nobody knows yet: nothing about the article is invented', () => {
    const dir = folder();
    newStory(dir);
    const meta = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as StoryMeta;
    expect(meta.article).toEqual({ author: null, outlet: null, url: null, published: null, genre: null });
  });

  it('overwrites nothing: a folder with files in it is refused, and a folder must be named', () => {
    const dir = folder();
    mkdirSync(dir);
    writeFileSync(join(dir, 'article.txt'), 'My draft');
    const refused = run((io) => storyNew(dir, io));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds files.*overwrites nothing/);
    expect(readFileSync(join(dir, 'article.txt'), 'utf8')).toBe('My draft');
    expect(run((io) => storyNew(undefined, io))).toMatchObject({ code: 1, err: expect.stringMatching(/^Usage: /) });
  });

  it('filled with a news report from another region, it prepares with no change to the engine', () => {
    const dir = folder();
    newStory(dir);
    fillStory(dir, 'tests/fixtures/news-story');
    const meta = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as StoryMeta;
    expect(meta).not.toHaveProperty('region');
    expect(meta).toHaveProperty('$schema');
    const story = loadStory(dir);
    expect(story.meta.article.genre).toBe('News report');
    expect(story.kinds.map((k) => k.label)).toEqual(['People moving', 'Sea crossings', 'Border tension']);
    expect(story.places.find((p) => p.kind === 'sea')?.name).toBe('Caribbean Sea');
    // Countries as a journalist writes them, as Natural Earth's ids.
    expect(story.places.filter((p) => p.kind === 'country').map((p) => p.country)).toEqual(['170', '591', '188']);
    // Framed from the places: Central America, far from the other stories' regions.
    const [west, south, east, north] = story.meta.region.overview;
    expect(west).toBeLessThan(-80);
    expect(east).toBeGreaterThan(-75);
    expect(south).toBeLessThan(8);
    expect(north).toBeGreaterThan(11);
    const across = story.claims.find((c) => c.id === 'boats-north')!;
    expect(across.sentences.map((s) => s.id)).toEqual(['p3s1', 'p3s2']);
  });
});

describe('where a build goes', () => {
  it('the story in data/ builds into dist/, as it always has; another story into dist/ in its own folder', () => {
    expect(defaultOutDir('data')).toBe(resolve(ENGINE_DIR, 'dist'));
    expect(defaultOutDir(ENGINE_STORY)).toBe(resolve(ENGINE_DIR, 'dist'));
    expect(defaultOutDir('../stories/migration')).toBe(resolve('../stories/migration/dist'));
    expect(buildOutDir({})).toBe(resolve(ENGINE_DIR, 'dist'));
    expect(buildOutDir({ STORY: 'tests/fixtures/story' })).toBe(resolve('tests/fixtures/story/dist'));
    expect(buildOutDir({ STORY: 'tests/fixtures/story', OUT_DIR: 'out/here' })).toBe(resolve('out/here'));
  });

  it('preview serves OUT_DIR, else STORY’s folder, else the last build', () => {
    expect(previewOutDir({ OUT_DIR: '/srv/site' })).toBe('/srv/site');
    expect(previewOutDir({ STORY: '../x' })).toBe(resolve('../x/dist'));
    // Without either: the last build recorded (the benchmark's, say), or dist/ when none is.
    expect(previewOutDir({})).toBe(lastBuild() ?? resolve(ENGINE_DIR, 'dist'));
  });

  it('a folder that holds the story or the engine, or sits in its sources, is refused (a build empties it)', () => {
    expect(refusedOutDir('../x', '../x/story')).toMatch(/holds the story folder/);
    expect(refusedOutDir('../x', '../x')).toMatch(/holds the story folder/);
    expect(refusedOutDir(ENGINE_DIR, 'data')).toMatch(/holds the story folder|holds the engine/);
    expect(refusedOutDir(resolve(ENGINE_DIR, '..'), '/elsewhere/story')).toMatch(/holds the engine/);
    expect(refusedOutDir(resolve(ENGINE_DIR, 'src/out'), '/elsewhere/story')).toMatch(/inside the engine's src/);
    expect(refusedOutDir(resolve(ENGINE_DIR, 'dist'), ENGINE_STORY)).toBeNull();
    expect(refusedOutDir('/elsewhere/story/dist', '/elsewhere/story')).toBeNull();
    expect(refusedOutDir(resolve(ENGINE_DIR, 'node_modules/.cache/fixture-dist'), 'tests/fixtures/story')).toBeNull();
  });
});
