/**
 * The places of places.json checked against the world's countries: each place's country (and a
 * region's countries) resolved to the geography's ids, as the data may write them (ISO alpha-2,
 * alpha-3, numeric, or an English name, `countries.ts`), and each point checked to lie in its
 * country or, for a place at sea, off the land (`placing.ts`). Returns new places: its input is
 * left as it was.
 */
import { countryResolver } from './countries.ts';
import { contains } from './frame.ts';
import {
  COAST_TOLERANCE_KM,
  countryAt,
  countryLabel,
  distanceToOutline,
  km,
  nearlyInside,
  whereItLies,
} from './placing.ts';
import { collect, DataError, pointText, type Checked } from './problems.ts';
import type { Entry } from './schema-messages.ts';
import { worldCountries, type WorldCountry } from './world.ts';
import type { LonLat, Place } from '../story/types.ts';

/** A place as places.json gives it: a country may leave out its coordinates (drawn at its name). */
export type PlaceEntry = Omit<Place, 'coordinates'> & { coordinates?: LonLat };

/** The world's countries by the geography's id (where two share one, the larger). */
export function worldById(): Map<string, WorldCountry> {
  const byId = new Map<string, WorldCountry>();
  for (const country of worldCountries()) if (!byId.has(country.id)) byId.set(country.id, country);
  return byId;
}

/** The countries whose box holds the point (few), for the tests that need their shapes. */
const near = (world: readonly WorldCountry[], point: LonLat) =>
  world.filter((c) => contains(c.box, point)).map((c) => c.shape);

/** How a country may be written, for messages that ask for one. */
const COUNTRY_FORMS = 'an ISO 3166-1 code or English name ("FR", "FRA", "250" or "France")';

/**
 * What to write for a place that gives coordinates but no country (its kind needs one): the
 * country its point lies in, or, at sea, `"kind": "sea"`. For the schema's "is required".
 */
export const missingCountry = (entry: Entry, field: string): string | undefined => {
  const point = entry.coordinates;
  if (field !== 'country' || !Array.isArray(point) || point.length !== 2) return undefined;
  if (!point.every((x) => typeof x === 'number' && Number.isFinite(x))) return undefined;
  const at = point as LonLat;
  const world = worldCountries();
  const kind = typeof entry.kind === 'string' ? `a ${entry.kind}` : 'this place';
  const land = countryAt(near(world, at), at);
  if (land) {
    return `is required for ${kind}: ${pointText(at)} lies in ${countryLabel(land)}, so write "country": "${land.properties?.name ?? land.id}" (or ${COUNTRY_FORMS})`;
  }
  return `is required for ${kind}: ${pointText(at)} lies at sea (${whereItLies(
    world.map((c) => c.shape),
    at,
  ).replace(
    /^it lies at sea, /,
    '',
  )}). A sea, a strait or a bay is written "kind": "sea", with no country; anything else needs "country", ${COUNTRY_FORMS}`;
};

/**
 * Checks a place at sea: off the land, or within the coast's tolerance of it (a strait the 1:50m
 * coasts close, a harbour's bay).
 */
function checkSea(place: PlaceEntry & { coordinates: LonLat }, item: string, world: readonly WorldCountry[]): void {
  const land = countryAt(near(world, place.coordinates), place.coordinates);
  if (land && distanceToOutline(land, place.coordinates) > COAST_TOLERANCE_KM) {
    throw new DataError(
      'places.json',
      item,
      'coordinates',
      `${pointText(place.coordinates)} lies in ${countryLabel(land)}, ${km(distanceToOutline(land, place.coordinates))} from its outline, not at sea: check the coordinates ([longitude, latitude]), or give the place another kind and its country`,
    );
  }
}

/** A place's country (and a region's countries) as the geography's ids. */
function resolveCountries(place: PlaceEntry, item: string): Pick<PlaceEntry, 'country' | 'countries'> {
  const resolve = (field: string, given: string): string => {
    const found = countryResolver().resolve(given);
    if ('problem' in found) throw new DataError('places.json', item, field, found.problem);
    return found.id;
  };
  return {
    country: resolve('country', place.country!),
    ...(place.countries && { countries: place.countries.map((c, i) => resolve(`countries[${i}]`, c)) }),
  };
}

/**
 * Checks that a place's point is in its country, or within the coast's tolerance of its outline
 * (Natural Earth's 1:50m coasts put many a harbour a few km offshore); if not, says where it lies.
 */
function checkInCountry(point: LonLat, item: string, world: readonly WorldCountry[], country: WorldCountry): void {
  if (nearlyInside(country.shape, point)) return;
  const shapes = near(world, point);
  const swapped: LonLat = [point[1], point[0]];
  const swap =
    Math.abs(swapped[1]) <= 85 && nearlyInside(country.shape, swapped)
      ? `; ${pointText(swapped)} would be: longitude comes first`
      : '';
  throw new DataError(
    'places.json',
    item,
    'coordinates',
    `${pointText(point)} is not inside ${countryLabel(country.shape)}, the place's country: ${whereItLies(shapes.length ? shapes : world.map((c) => c.shape), point, country.shape)}${swap}`,
  );
}

/** One place checked: a copy with its countries resolved, or a `DataError`. */
function checkPlace(place: PlaceEntry, world: readonly WorldCountry[], countries: Map<string, WorldCountry>) {
  const item = `place "${place.id}"`;
  if (place.kind === 'sea') {
    // A sea, a strait, a bay: no country (the schema says so, and asks for its coordinates).
    checkSea(place as PlaceEntry & { coordinates: LonLat }, item, world);
    return { ...place };
  }
  const resolved = { ...place, ...resolveCountries(place, item) };
  if (place.coordinates) checkInCountry(place.coordinates, item, world, countries.get(resolved.country!)!);
  else if (place.kind !== 'country') {
    throw new DataError(
      'places.json',
      item,
      'coordinates',
      `a ${place.kind} needs coordinates ([longitude, latitude]; only a country may leave them out, to be drawn at its name)`,
    );
  }
  return resolved;
}

/**
 * The places (each meets the schema) checked: `value`, those with no problem, as new objects with
 * their countries resolved to the geography's ids; a place whose id an earlier place has is one.
 */
export function checkPlaces(places: readonly PlaceEntry[]): Checked<PlaceEntry[]> {
  const world = worldCountries();
  const countries = worldById();
  const problems: DataError[] = [];
  const seen = new Set<string>();
  const sound: PlaceEntry[] = [];
  for (const place of places) {
    const checked = collect(problems, () => {
      if (seen.has(place.id)) {
        throw new DataError(
          'places.json',
          `place "${place.id}"`,
          'id',
          'duplicate place id: another place has it; give each place its own id',
        );
      }
      seen.add(place.id);
      return checkPlace(place, world, countries);
    });
    if (checked) sound.push(checked);
  }
  return { value: sound, problems };
}
