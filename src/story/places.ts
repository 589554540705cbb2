/** Place names for people: in cards, tables and what a screen reader announces. */
import type { Claim, Place } from './types.ts';

/** A place's name, or its id if the story has no such place. */
export function placeName(places: readonly Place[], id: string): string {
  return places.find((p) => p.id === id)?.name ?? id;
}

/** Where a claim happens, as a sentence: "From A to B, C." or "In A." */
export function claimPlaces(claim: Pick<Claim, 'origin' | 'destinations'>, places: readonly Place[]): string {
  const from = placeName(places, claim.origin);
  return claim.destinations.length
    ? `From ${from} to ${claim.destinations.map((id) => placeName(places, id)).join(', ')}.`
    : `In ${from}.`;
}
