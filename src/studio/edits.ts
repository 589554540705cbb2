/**
 * The studio's edits to a draft, as data: a new claim from a captured quote, a new kind, a place
 * put into a claim, the actors typed one a line, and the words that count problems. No DOM here.
 */
import type { Claim, ClaimShape, KindDeclaration, TextQuoteSelector } from '../story/types';
import { slugId } from './draft';
import { destinationsLabel, originLabel } from './wording';
import { originsOf } from '../story/places';

/** A short fingerprint of a draft's text: what was last downloaded. */
export function fingerprint(text: string): number {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return h >>> 0;
}

/** A new point claim on the quoted words, its id made of their first five, of `kind`. */
export function newClaim(selector: TextQuoteSelector, taken: readonly string[], kind: string): Claim {
  const words = selector.exact.split(/\s+/).slice(0, 5).join(' ');
  return {
    id: slugId(words, taken),
    kind,
    shape: 'point',
    actors: [],
    origin: '',
    destinations: [],
    caption: '',
    modality: 'reported',
    selector,
  };
}

/** A kind the journalist names, with `look`, its id unlike any of `taken`; null for a blank label. */
export function newKind(label: string, look: string, taken: readonly string[]): KindDeclaration | null {
  const trimmed = label.trim();
  if (!trimmed) return null;
  return { id: slugId(trimmed, taken), label: trimmed, description: trimmed, look };
}

/** Shapes that go from one place to others (arrows) or along a line with them (border). */
export const takesDestinations = (shape: ClaimShape) => shape === 'arrows' || shape === 'border';

/** The claims (by index) that use the place `placeId`, and as what, by the label of its field. */
export function placeUses(claims: readonly Claim[], placeId: string): { claim: number; as: string }[] {
  return claims.flatMap((c, i) => {
    if (originsOf(c).includes(placeId)) return [{ claim: i, as: originLabel(c.shape) }];
    return c.destinations.includes(placeId) ? [{ claim: i, as: destinationsLabel(c.shape) }] : [];
  });
}

/** Takes the place `placeId` out of every claim that uses it; the indexes of those claims. */
export function takeOutOfClaims(claims: Claim[], placeId: string): number[] {
  const changed: number[] = [];
  claims.forEach((claim, i) => {
    const origins = originsOf(claim);
    if (!origins.includes(placeId) && !claim.destinations.includes(placeId)) return;
    if (origins.includes(placeId)) {
      const left = origins.filter((o) => o !== placeId);
      claim.origin = typeof claim.origin === 'string' || left.length < 2 ? (left[0] ?? '') : left;
    }
    claim.destinations = claim.destinations.filter((d) => d !== placeId);
    changed.push(i);
  });
  return changed;
}

/** The actors as the form shows them, one a line, and as typed back: trimmed, blank lines dropped. */
export const actorsText = (claim: Pick<Claim, 'actors'>) => claim.actors.join('\n');
export const actorsFrom = (text: string) =>
  text
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);

/** "a problem" or "3 problems" (`one` says the one: "a problem", "one problem"). */
export const problemCount = (n: number, one: string) => (n === 1 ? one : `${n} problems`);
