/** Place names for people: in cards, tables and what a screen reader announces. */
import type { Bounds, Claim, Place } from './types.ts';

/** A place's name, or its id if the story has no such place. */
export function placeName(places: readonly Place[], id: string): string {
  return places.find((p) => p.id === id)?.name ?? id;
}

/** A claim's origins, one or several, as a list. */
export function originsOf(claim: Pick<Claim, 'origin'>): string[] {
  // Tolerant of a draft being typed (the studio words its problems): anything else is no origin.
  const origin: unknown = claim.origin;
  if (typeof origin === 'string') return [origin];
  return Array.isArray(origin) ? origin.filter((o): o is string => typeof o === 'string') : [];
}

/** Where a claim happens, as a sentence: "From A to B, C." or "In A." */
export function claimPlaces(claim: Pick<Claim, 'origin' | 'destinations'>, places: readonly Place[]): string {
  const from = originsOf(claim)
    .map((id) => placeName(places, id))
    .join(' and ');
  return claim.destinations.length
    ? `From ${from} to ${claim.destinations.map((id) => placeName(places, id)).join(', ')}.`
    : `In ${from}.`;
}

/** A longitude as the world writes it, within ±180° (a map across the antimeridian runs them on past 180°). */
export function worldLongitude(lon: number): number {
  return lon > 180 || lon < -180 ? lon - 360 * Math.round(lon / 360) : lon;
}

/**
 * A longitude turned by whole turns into the longitudes of `bounds` (which may run past 180°, a
 * map across the antimeridian): the turn nearest their middle.
 */
export function intoBounds(lon: number, [w, , e]: Bounds): number {
  return lon - 360 * Math.round((lon - (w + e) / 2) / 360);
}

/** Whether a region's longitudes run past ±180° (MapLibre then draws the world's copies beside it). */
export function crossesAntimeridian([w, , e]: Bounds): boolean {
  return w < -180 || e > 180;
}
