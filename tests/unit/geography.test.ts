/**
 * The geography is prepared by the build itself when it is missing or stale (issue 14, item 2):
 * `region.topo.json` beside the story's files, cached by the key of what it is made from.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GEOGRAPHY_FILE,
  GEOGRAPHY_KEY_FILE,
  geographyIsFresh,
  geographyKey,
  storyGeography,
} from '../../src/build/geography';
import { makeGeography } from '../../src/prepare/geography';
import { loadStory, writeStoryGeography } from '../../src/build/plugin';
import { STORY_FILES } from '../../src/prepare/prepare';
import type { Bounds, StoryMeta } from '../../src/story/types';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a story folder without its geography. */
function copyStory(from = 'data'): string {
  const dir = mkdtempSync(join(tmpdir(), 'geography-'));
  temporary.push(dir);
  for (const file of STORY_FILES) if (existsSync(join(from, file))) copyFileSync(join(from, file), join(dir, file));
  return dir;
}

const BOUNDS: Bounds = [26, 4, 106, 68];

describe('the committed geographies', () => {
  for (const dir of ['data', 'tests/fixtures/story']) {
    it(`${dir}: region.topo.json and its key are fresh for the region story.json gives`, () => {
      const { region } = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as StoryMeta;
      expect(geographyIsFresh(dir, region.bounds)).toBe(true);
      expect(readFileSync(join(dir, GEOGRAPHY_FILE), 'utf8')).toBe(makeGeography(region.bounds).text);
    });
  }
});

describe('storyGeography', () => {
  it('makes a missing geography, writes it with its key, then reads it', () => {
    const dir = copyStory();
    const written: string[] = [];
    const made = storyGeography(dir, BOUNDS, { onWrite: (path) => written.push(path) });
    expect(written).toEqual([join(dir, GEOGRAPHY_FILE)]);
    expect(readFileSync(join(dir, GEOGRAPHY_FILE), 'utf8')).toBe(readFileSync('data/region.topo.json', 'utf8'));
    const key = readFileSync(join(dir, GEOGRAPHY_KEY_FILE), 'utf8');
    expect(key).toBe(`${geographyKey(BOUNDS)} bounds [26, 4, 106, 68]\n`);
    expect(storyGeography(dir, BOUNDS, { onWrite: (path) => written.push(path) })).toEqual(made);
    expect(written).toHaveLength(1);
  });

  it('makes it anew when the bounds change, or the file is unreadable, and not otherwise', () => {
    const dir = copyStory();
    storyGeography(dir, BOUNDS);
    const before = statSync(join(dir, GEOGRAPHY_FILE)).mtimeMs;
    const wider: Bounds = [20, 0, 110, 70];
    expect(geographyIsFresh(dir, wider)).toBe(false);
    const written: string[] = [];
    storyGeography(dir, wider, { onWrite: (path) => written.push(path) });
    expect(written).toHaveLength(1);
    expect(geographyIsFresh(dir, wider)).toBe(true);
    expect(geographyIsFresh(dir, BOUNDS)).toBe(false);
    writeFileSync(join(dir, GEOGRAPHY_FILE), '{ not json');
    const remade = storyGeography(dir, wider, { onWrite: (path) => written.push(path) });
    expect(written).toHaveLength(2);
    expect(remade.type).toBe('Topology');
    expect(statSync(join(dir, GEOGRAPHY_FILE)).mtimeMs).toBeGreaterThanOrEqual(before);
  });

  it('keys by the bounds, the world and the code that cuts it', () => {
    expect(geographyKey(BOUNDS)).toMatch(/^[0-9a-f]{64}$/);
    expect(geographyKey(BOUNDS)).toBe(geographyKey([26, 4, 106, 68]));
    expect(geographyKey([26, 4, 106, 69])).not.toBe(geographyKey(BOUNDS));
  });

  it('writes nothing when told not to (a check)', () => {
    const dir = copyStory();
    const topology = storyGeography(dir, BOUNDS, { write: false });
    expect(topology.objects.countries.geometries.length).toBeGreaterThan(50);
    expect(existsSync(join(dir, GEOGRAPHY_FILE))).toBe(false);
    expect(existsSync(join(dir, GEOGRAPHY_KEY_FILE))).toBe(false);
  });
});

describe('a story folder without its geography', () => {
  it('loads, its geography made and written beside its files', () => {
    const dir = copyStory();
    const story = loadStory(dir);
    expect(JSON.stringify(story)).toBe(JSON.stringify(loadStory('data')));
    expect(geographyIsFresh(dir, story.meta.region.bounds)).toBe(true);
  });

  it('without a region too: `npm run geo` writes the geography of its places framed', () => {
    const dir = copyStory('tests/fixtures/story');
    const meta = JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as { region?: unknown };
    delete meta.region;
    writeFileSync(join(dir, 'story.json'), JSON.stringify(meta));
    const { region, explicit, path } = writeStoryGeography(dir);
    expect(explicit).toBe(false);
    expect(path).toBe(join(dir, GEOGRAPHY_FILE));
    expect(geographyIsFresh(dir, region.bounds)).toBe(true);
    expect(loadStory(dir).meta.region).toEqual(region);
  });
});
