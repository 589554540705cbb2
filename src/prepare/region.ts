/**
 * The story's region: the one story.json gives (each box the right way round, its panning inside
 * its geography), or the places framed (`frame.ts`); then each place put in it: a country drawn
 * at its name gets the point where the geography writes it, and an explicit region must keep
 * every place in. Returns the places placed, as new objects.
 */
import { countryResolver } from './countries.ts';
import { boxText, contains, deriveRegion, within } from './frame.ts';
import { worldById, type PlaceEntry } from './places.ts';
import { collect, DataError, pointText, type Checked } from './problems.ts';
import { namePoints } from './placing.ts';
import { farPlaces, type FrameChoice, type FramedPlace } from './far.ts';
import { intoBounds, originsOf } from '../story/places.ts';
import type { Claim, LonLat, Place, Region, RegionTopology } from '../story/types.ts';

const REGION_FIX = 'or leave "region" out of story.json and the build frames the places itself';

/** The problems of a region story.json gives: each box the right way round, the panning inside the geography. */
export function regionProblems(region: Region): DataError[] {
  const problems: DataError[] = [];
  for (const field of ['bounds', 'maxBounds', 'overview'] as const) {
    const [w, s, e, n] = region[field];
    if (w >= e || s >= n || e - w > 360) {
      problems.push(
        new DataError(
          'story.json',
          null,
          `region.${field}`,
          `${boxText(region[field])} is not [west, south, east, north]: west must be less than east (and east at most a turn, 360°, beyond it) and south less than north`,
        ),
      );
    }
  }
  if (!problems.length && !within(region.maxBounds, region.bounds)) {
    problems.push(
      new DataError(
        'story.json',
        null,
        'region.maxBounds',
        `${boxText(region.maxBounds)} reaches beyond region.bounds ${boxText(region.bounds)}, where the geography ends: a reader panning there would see its straight edges. Keep maxBounds a few degrees inside bounds, ${REGION_FIX}`,
      ),
    );
  }
  return problems;
}

/** How many claim ends (origins and destinations) each place is, from claims.json's text as far as it reads. */
function claimEnds(claimsJson: string | undefined): Map<string, number> {
  const ends = new Map<string, number>();
  let claims: unknown = [];
  try {
    claims = (JSON.parse(claimsJson ?? '{}') as { claims?: unknown }).claims;
  } catch {
    // claims.json's own problem is reported with it.
  }
  for (const claim of Array.isArray(claims) ? (claims as Partial<Claim>[]) : []) {
    const ids = [
      ...originsOf({ origin: claim?.origin ?? [] }),
      ...(Array.isArray(claim?.destinations) ? claim.destinations : []),
    ];
    for (const id of ids) if (typeof id === 'string') ends.set(id, (ends.get(id) ?? 0) + 1);
  }
  return ends;
}

/**
 * The region a story without one is framed in: its places' points and their countries' land, the
 * far places (`far.ts`, weighed by their claim ends in `claimsJson`) left to the overview's edge.
 */
export function framedRegion(
  places: readonly PlaceEntry[],
  claimsJson?: string,
  choice: FrameChoice = {},
): Region | null {
  const countries = worldById();
  const ends = claimEnds(claimsJson);
  const framed: FramedPlace[] = places.map((p) => ({
    id: p.id,
    point: p.coordinates ?? null,
    countries: (p.kind === 'country' ? [p.country!] : p.kind === 'region' ? (p.countries ?? [p.country!]) : []).map(
      (id) => countries.get(id)!,
    ),
    ends: ends.get(p.id) ?? 0,
  }));
  const far = new Set(farPlaces(framed, choice));
  const part = (inFar: boolean) => {
    const chosen = framed.filter((p) => far.has(p.id) === inFar);
    return { points: chosen.flatMap((p) => (p.point ? [p.point] : [])), countries: chosen.flatMap((p) => p.countries) };
  };
  const { points, countries: named } = part(false);
  return deriveRegion(points, named, part(true));
}

/** The problems of places `story.json`'s `frame` names that places.json does not have. */
export function frameChoiceProblems(choice: FrameChoice | undefined, ids: ReadonlySet<string>): DataError[] {
  return (['keep', 'edge'] as const).flatMap((field) =>
    (choice?.[field] ?? []).flatMap((id, i) =>
      ids.has(id)
        ? []
        : [
            new DataError(
              'story.json',
              null,
              `frame.${field}[${i}]`,
              `unknown place id "${id}" (not in places.json): write the id of a place the overview keeps in (keep) or shows at its edge (edge)`,
            ),
          ],
    ),
  );
}

/** A place the explicit region leaves out: outside its bounds (no geography), or its panning. */
function leftOut(region: Region, place: PlaceEntry, at: LonLat, what: string): DataError | null {
  for (const field of ['bounds', 'maxBounds'] as const) {
    if (contains(region[field], at)) continue;
    const why = field === 'bounds' ? 'the geography is cut there' : 'a reader cannot pan to it';
    return new DataError(
      'story.json',
      null,
      `region.${field}`,
      `${boxText(region[field])} leaves out place "${place.id}" (places.json), ${what} ${pointText(at)}: ${why}. Widen region.${field} to take it in, ${REGION_FIX}`,
    );
  }
  return null;
}

/** One place in the region: with the point its name is written at, or a problem. */
function placeOne(
  place: PlaceEntry,
  labels: ReadonlyMap<string, LonLat | null>,
  region: Region,
  explicit: boolean,
): Place {
  const members = place.kind === 'sea' ? [] : [place.country!, ...(place.countries ?? [])];
  for (const id of members) {
    if (labels.has(id)) continue;
    const name = countryResolver().nameOf(id) ?? id;
    throw new DataError(
      'story.json',
      null,
      'region.bounds',
      `${boxText(region.bounds)} leaves out place "${place.id}" (places.json): ${name} (${id}) lies wholly outside them. Widen region.bounds to take it in, ${REGION_FIX}`,
    );
  }
  // A country is drawn at its name: where the geography writes it, unless the data says where.
  const coordinates = place.coordinates ?? labels.get(place.country!);
  if (!coordinates) {
    throw new DataError(
      'places.json',
      `place "${place.id}"`,
      'coordinates',
      `the geography has no point to write ${place.name}'s name at (too small at this scale): give coordinates ([longitude, latitude]) for its name`,
    );
  }
  if (explicit) {
    const problem = leftOut(region, place, coordinates, place.coordinates ? 'at' : 'its name written at');
    if (problem) throw problem;
  }
  // In the region's longitudes, which may run past 180° (a map across the antimeridian).
  return { ...place, coordinates: [intoBounds(coordinates[0], region.bounds), coordinates[1]] };
}

/**
 * The places in the region: `value`, each with its point (a country drawn at its name, where the
 * geography writes it); an explicit region must keep every place in its bounds and panning.
 */
export function placeInRegion(
  places: readonly PlaceEntry[],
  geography: RegionTopology,
  region: Region,
  explicit: boolean,
): Checked<Place[]> {
  const labels = namePoints(geography);
  const problems: DataError[] = [];
  const placed = places.flatMap((place) => collect(problems, () => placeOne(place, labels, region, explicit)) ?? []);
  return { value: placed, problems };
}
