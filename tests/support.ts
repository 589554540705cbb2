/** Small helpers the browser tests, the unit tests and the benchmark share. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A small deterministic PRNG (mulberry32): the same sequence for the same seed, every run. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Content types of the files a build writes, for the test and benchmark servers. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.jsonld': 'application/ld+json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Fills a story folder that `npm run story:new` wrote with a fixture's files, as a journalist
 * would: the article pasted in, and each JSON file's content replaced while its `$schema` link
 * stays. Returns the files filled.
 */
export function fillStory(dir: string, fixture: string): string[] {
  const files = readdirSync(fixture);
  for (const name of files) {
    const text = readFileSync(join(fixture, name), 'utf8');
    if (!name.endsWith('.json')) {
      writeFileSync(join(dir, name), text);
      continue;
    }
    const { $schema } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { $schema?: string };
    const { $schema: _ignored, ...content } = JSON.parse(text) as Record<string, unknown>;
    writeFileSync(join(dir, name), `${JSON.stringify({ $schema, ...content }, null, 2)}\n`);
  }
  return files;
}

/**
 * What a journalist should never read in the studio outside its details for developers: a file's
 * name, a schema's keyword or phrasing, a pattern, a JSON field's name or an id in straight quotes.
 */
export const SCHEMA_PHRASING: readonly RegExp[] = [
  /must (NOT )?(have|match|be|contain|pass)/i,
  /\b[a-z]+\.(json|txt)\b/,
  /\bpattern\b/i,
  /\^\[|\]\*\$/,
  /\bfield "/,
  /\b(minItems|maxItems|minLength|maxLength|additionalProperties|uniqueItems|oneOf|anyOf|allOf|enum|const|required property|is required)\b/,
  /"[^"\n]*"/,
  /\bids?\b/,
  /\bschema\b/i,
  /\b(origin|destinations|selector|unplaced|modality|coordinates)\b/,
  /#\d/,
];

/** The schema phrasing `text` holds, if any: empty when a journalist may read it. */
export function schemaPhrasing(text: string): string[] {
  return SCHEMA_PHRASING.flatMap((pattern) => text.match(pattern)?.[0] ?? []);
}

/**
 * The story the engine's tests run on: the folder `TEST_STORY` names (`TEST_STORY=path npx vitest
 * run`), else the test's own default (a fixture story). A test about the first story's reading
 * reads `data/` itself and says "first story" in its name.
 */
export function storyUnderTest(fallback = 'tests/fixtures/story'): string {
  return process.env.TEST_STORY || fallback;
}

/** Where the browser tests build the site of a story under test other than `data/` (whose site is `dist/`). */
export const TEST_STORY_OUT = 'node_modules/.cache/test-story-dist';

/** Whether the story under test is the first story (`data/`): its reading's tests run only then. */
export function isFirstStory(dir: string): boolean {
  return resolve(dir) === resolve('data');
}

/** The fields of a claim and a place the roles below are read from, raw or prepared. */
interface RoleClaim {
  id: string;
  shape: string;
  origin: string | string[];
  destinations: string[];
  unplaced?: boolean;
}
interface RolePlace {
  id: string;
  kind: string;
  country?: string;
  coordinates?: [number, number];
}

/** Ids a test needs, found by their role in the story's data rather than written in the test. */
export interface StoryRoles {
  /** The first claim, and the last (the step order is the order of `claims.json`). */
  first: string;
  last: string;
  /** Every claim id, in order. */
  claims: string[];
  /**
   * The first claim drawn as arrows, the first with several destinations (a fan), and the first
   * with one: each, where the story has one, with every end inside the overview (on the map).
   */
  arrows: string;
  fan: string | undefined;
  singleArrow: string | undefined;
  /** The first claim of each other shape, where the story has one. */
  point: string | undefined;
  area: string | undefined;
  border: string | undefined;
  /** The first claim the article does not place (drawn as a badge at its origin's name). */
  unplaced: string | undefined;
  /** The first place that is a country, and its country id in the geography. */
  country: string;
  countryId: string;
  /** A claim other than the first, for tests that move between two claims. */
  other: string;
}

/**
 * Reads the roles from a story (prepared: its places have coordinates, and its overview says what
 * the map shows first). Arrows are picked, where the story has one, with every end on the map.
 */
export function storyRoles(story: {
  claims: RoleClaim[];
  places: RolePlace[];
  meta?: { region: { overview: number[] } };
}): StoryRoles {
  const { claims, places } = story;
  const first = (pick: (claim: RoleClaim) => boolean) => claims.find(pick)?.id;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the story under test has no ${what}`);
    return value;
  };
  const [west, south, east, north] = story.meta?.region.overview ?? [-180, -90, 180, 90];
  const onMap = (id: string) => {
    const at = places.find((p) => p.id === id)?.coordinates;
    return !at || (at[0] >= west! && at[0] <= east! && at[1] >= south! && at[1] <= north!);
  };
  const arrows = (pick: (claim: RoleClaim) => boolean) =>
    first((c) => c.shape === 'arrows' && pick(c) && [c.origin, ...c.destinations].flat().every(onMap)) ??
    first((c) => c.shape === 'arrows' && pick(c));
  const country = need(
    places.find((p) => p.kind === 'country' && p.country),
    'place that is a country',
  );
  return {
    first: need(claims[0], 'claim').id,
    last: claims[claims.length - 1]!.id,
    claims: claims.map((c) => c.id),
    arrows: need(
      arrows(() => true),
      'arrows claim',
    ),
    fan: arrows((c) => c.destinations.length > 1),
    singleArrow: arrows((c) => c.destinations.length === 1),
    point: first((c) => c.shape === 'point'),
    area: first((c) => c.shape === 'area'),
    border: first((c) => c.shape === 'border'),
    unplaced: first((c) => c.unplaced === true),
    country: country.id,
    countryId: country.country!,
    other: need(claims[1], 'second claim').id,
  };
}
