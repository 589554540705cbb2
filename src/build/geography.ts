/**
 * A story's geography (`region.topo.json`), prepared by the build when it is missing or stale:
 * cut from the world (`geo/region.ts`) for the region's bounds, and written beside the story's
 * files with the key of what it was made from (`region.topo.key`: a hash of the bounds, the
 * world's geography and the code that cuts it). A file whose key matches is read, not remade;
 * `npm run geo` remakes it whatever the key says. Build-time only: the cutting itself is
 * `prepare/geography.ts`, which the studio runs in the browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { makeGeography } from '../prepare/geography.ts';
import type { Bounds, RegionTopology } from '../story/types.ts';

export const GEOGRAPHY_FILE = 'region.topo.json';
export const GEOGRAPHY_KEY_FILE = 'region.topo.key';

/** Where the world's geography comes from (`prepare/world.ts` imports it): the file the key hashes. */
const WORLD_PATH = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');

/** The code that cuts the world into a region: a change to it makes every geography stale. */
const REGION_CODE = resolve(import.meta.dirname, '../../geo/region.ts');

let inputsHash: string | null = null;

/** The hash of what every geography is made from besides its bounds. */
function inputs(): string {
  return (inputsHash ??= createHash('sha256')
    .update(readFileSync(WORLD_PATH))
    .update('\0')
    .update(readFileSync(REGION_CODE))
    .digest('hex'));
}

/** The key of a geography made for `bounds` from today's world and code. */
export function geographyKey(bounds: Bounds): string {
  return createHash('sha256').update(JSON.stringify(bounds)).update('\0').update(inputs()).digest('hex');
}

/** The key line of `region.topo.key`, with the bounds for a person reading it. */
function keyText(bounds: Bounds): string {
  return `${geographyKey(bounds)} bounds [${bounds.join(', ')}]\n`;
}

/** Whether `<dir>/region.topo.json` was made for `bounds` from today's world and code. */
export function geographyIsFresh(dir: string, bounds: Bounds): boolean {
  const keyPath = resolve(dir, GEOGRAPHY_KEY_FILE);
  if (!existsSync(keyPath) || !existsSync(resolve(dir, GEOGRAPHY_FILE))) return false;
  return readFileSync(keyPath, 'utf8').split(' ')[0] === geographyKey(bounds);
}

/** Writes `<dir>/region.topo.json` and its key for `bounds`; returns the geography and its path. */
export function writeGeography(dir: string, bounds: Bounds): { topology: RegionTopology; path: string; bytes: number } {
  const { topology, text } = makeGeography(bounds);
  const path = resolve(dir, GEOGRAPHY_FILE);
  writeFileSync(path, text);
  writeFileSync(resolve(dir, GEOGRAPHY_KEY_FILE), keyText(bounds));
  return { topology, path, bytes: Buffer.byteLength(text) };
}

/** How `storyGeography` treats the story's folder. */
export interface GeographyOptions {
  /** Whether a missing or stale geography is written there (true), or only made (a check). */
  write?: boolean;
  /** Told of each file written. */
  onWrite?: (path: string) => void;
}

/**
 * The story's geography for `bounds`: `<dir>/region.topo.json` if it is fresh, else made anew
 * and written there (when the folder cannot be written, it is used all the same).
 */
export function storyGeography(
  dir: string,
  bounds: Bounds,
  { write = true, onWrite }: GeographyOptions = {},
): RegionTopology {
  if (geographyIsFresh(dir, bounds)) {
    try {
      const topology = JSON.parse(readFileSync(resolve(dir, GEOGRAPHY_FILE), 'utf8')) as RegionTopology;
      if (topology?.type === 'Topology' && topology.objects?.countries) return topology;
    } catch {
      // Unreadable: made anew below.
    }
  }
  if (!write) return makeGeography(bounds).topology;
  try {
    const { topology, path } = writeGeography(dir, bounds);
    onWrite?.(path);
    return topology;
  } catch {
    return makeGeography(bounds).topology;
  }
}
