/** Small helpers the browser tests, the unit tests and the benchmark share. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
