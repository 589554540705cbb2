/**
 * The honesty rule: a caption adds no word its sentence lacks. The caption is the map maker's
 * summary of the sentence it quotes, and every title shows it after "The article says:"; a verb
 * the sentence does not have would put words in the article's mouth. So a caption may use only
 * the words of its sentence, its actors and its places' names, give or take their endings, and a
 * few joining words.
 *
 * A warning, which the build and `npm run story:check` print and the studio shows, not an error:
 * the check compares spellings, not meanings (English joining words, words alike in their first
 * four letters), so a faithful caption can trip it (a synonym, a name written another way, a
 * story in another language), and a warning points at the caption without stopping a story its
 * author has read and stands by. Every other rule of the checks is certain, and an error.
 *
 * The rules on what a drawing does (`story/honesty-rules.ts`: a fear or a view drawn as
 * movement, an accusation drawn or captioned as a fact) read words too, and warn alike.
 */
import { DataError, list } from './problems.ts';
import { honestyProblems } from '../story/honesty-rules.ts';
import type { Place, ResolvedClaim } from '../story/types.ts';

/** Words a caption may add: joining words, not verbs. */
export const JOINING_WORDS: ReadonlySet<string> = new Set(
  'a an the and or of in on at to for from by with as its it their his her this that these those since if while which who also not no into across is are was were be been has have had'.split(
    ' ',
  ),
);

/** The words of a text, lower case, of two letters or more. */
export const wordsOf = (text: string) => (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length > 1);

/** Same word, give or take its ending: "promotes" and "promoting", "faces" and "faced". */
export const stem = (word: string) => word.slice(0, 4);

/** The words of a caption its sentence, actors and places do not have. */
export function addedWords(
  claim: Pick<ResolvedClaim, 'caption' | 'quote' | 'actors'>,
  placeNames: readonly string[],
): string[] {
  const allowed = new Set([claim.quote, ...claim.actors, ...placeNames].flatMap(wordsOf).map(stem));
  return [...new Set(wordsOf(claim.caption).filter((w) => !JOINING_WORDS.has(w) && !allowed.has(stem(w))))];
}

/** A warning for each claim whose caption adds words its sentence lacks, naming them. */
export function captionWarnings(
  claims: readonly (Pick<ResolvedClaim, 'id' | 'caption' | 'quote' | 'actors' | 'origin' | 'destinations'> & {
    origins?: string[];
  })[],
  places: readonly Pick<Place, 'id' | 'name'>[],
): DataError[] {
  const names = new Map(places.map((p) => [p.id, p.name]));
  return claims.flatMap((claim) => {
    const placeNames = [...(claim.origins ?? [claim.origin]), ...claim.destinations].flatMap(
      (id) => names.get(id) ?? [],
    );
    const added = addedWords(claim, placeNames);
    if (!added.length) return [];
    const words = list(added.map((w) => `"${w}"`));
    return [
      new DataError(
        'claims.json',
        `claim "${claim.id}"`,
        'caption',
        `adds ${words}, which its sentence does not say (nor its actors or places): every title puts the caption in the article's mouth ("The article says: …"), so write it with the sentence's own words`,
      ),
    ];
  });
}

/** A warning for each claim whose drawing or caption says more than its words (`honesty-rules.ts`). */
export function drawingWarnings(claims: Parameters<typeof honestyProblems>[0]): DataError[] {
  return honestyProblems(claims).map((p) => new DataError('claims.json', `claim "${p.claimId}"`, p.field, p.message));
}
