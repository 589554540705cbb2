/**
 * Finding places for a claim: countries by name from the story's geography (Natural Earth names,
 * as the build has them), and which country a point on the map lies in.
 */
import { geoContains } from 'd3-geo';
import { countryShapes } from '../prepare/prepare';
import type { CountryProperties, LonLat, RegionTopology } from '../story/types';
import { slugId, type DraftPlace } from './draft';

export interface Country {
  id: string;
  name: string;
}

/** Lower case without accents, for matching what people type. */
const plain = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

export function countries(geography: RegionTopology): Country[] {
  return geography.objects.countries.geometries
    .map((g) => ({ id: String(g.id), name: (g.properties as CountryProperties | undefined)?.name ?? String(g.id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Countries whose name contains `query`, those it starts first; at most `limit`. */
export function findCountries(all: readonly Country[], query: string, limit = 8): Country[] {
  const q = plain(query);
  if (!q) return [];
  const hits = all.filter((c) => plain(c.name).includes(q));
  return [
    ...hits.filter((c) => plain(c.name).startsWith(q)),
    ...hits.filter((c) => !plain(c.name).startsWith(q)),
  ].slice(0, limit);
}

/** The country a point lies in, or null at sea (or outside the geography). */
export function countryAt(geography: RegionTopology, point: LonLat): Country | null {
  for (const [id, shape] of countryShapes(geography)) {
    if (geoContains(shape, point)) return { id, name: (shape.properties as CountryProperties | null)?.name ?? id };
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

/** A point dropped on the map, as a city of the country it lies in (named by the journalist). */
export function droppedPlace(
  point: LonLat,
  country: Country | null,
  places: readonly DraftPlace[],
): DraftPlace & { coordinates: LonLat } {
  const rounded: LonLat = [Math.round(point[0] * 1e4) / 1e4, Math.round(point[1] * 1e4) / 1e4];
  const name = `Place ${places.length + 1}`;
  return {
    id: slugId(
      name,
      places.map((p) => p.id),
    ),
    name,
    kind: 'city',
    country: country?.id ?? '',
    coordinates: rounded,
    source: 'Placed on the map in the studio',
  };
}
