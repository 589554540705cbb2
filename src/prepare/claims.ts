/**
 * The claims of claims.json resolved: unique ids, places that places.json has, an origin that is
 * no destination, a claim about a whole country drawn on it (not at a point the article does not
 * name), arrows of some length, and the quote found in the article (`quotes.ts`). A claim the
 * schema faults is still checked as far as its fields can be read: its places and its quote.
 */
import { actOf, actShapeProblem } from '../story/acts.ts';
import type { KindInfo } from '../story/kinds.ts';
import { originsOf } from '../story/places.ts';
import type { Article, Claim, LonLat, PlaceKind, ResolvedClaim } from '../story/types.ts';
import { collect, DataError, type Checked } from './problems.ts';
import { anchorClaim } from './quotes.ts';

/** What the claims need of a place: its kind, and its point once checked (none if it has a problem). */
export interface PlaceFacts {
  kind?: PlaceKind;
  coordinates?: LonLat;
}

/** The places a claim names, by field: its origins, then each destination. */
function placeFields(claim: Partial<Claim>): [field: string, id: string][] {
  const origins: [string, unknown][] = Array.isArray(claim.origin)
    ? claim.origin.map((o, j): [string, unknown] => [`origin[${j}]`, o])
    : [['origin', claim.origin]];
  const fields: [string, unknown][] = [
    ...origins,
    ...(Array.isArray(claim.destinations) ? claim.destinations : []).map((d, j): [string, unknown] => [
      `destinations[${j}]`,
      d,
    ]),
  ];
  return fields.filter((f): f is [string, string] => typeof f[1] === 'string');
}

/** The problems of the place ids a claim names that places.json does not have. */
function unknownPlaces(claim: Partial<Claim>, item: string, places: ReadonlyMap<string, PlaceFacts>): DataError[] {
  return placeFields(claim)
    .filter(([, id]) => !places.has(id))
    .map(
      ([field, id]) =>
        new DataError(
          'claims.json',
          item,
          field,
          `unknown place id "${id}" (not in places.json): add the place to places.json, or write the id of one it has`,
        ),
    );
}

/** The checks of a claim's places beyond their ids: throws the first problem. */
function checkPlacing(claim: Claim, item: string, places: ReadonlyMap<string, PlaceFacts>): void {
  const origins = originsOf(claim);
  const both = origins.find((o) => claim.destinations.includes(o));
  if (both) {
    throw new DataError(
      'claims.json',
      item,
      'destinations',
      `the origin "${both}" is also a destination: leave it out of "destinations"`,
    );
  }
  // A claim about a whole country (or region) is not put at a point the article does not name.
  const firstOrigin = origins[0]!;
  const originKind = places.get(firstOrigin)!.kind;
  if (!originKind) return; // a place whose kind cannot be read: its problem is reported.
  const wide = originKind === 'country' || originKind === 'region';
  if (claim.unplaced && (claim.shape !== 'point' || !wide)) {
    throw new DataError(
      'claims.json',
      item,
      'unplaced',
      `only a "point" claim about a country or region can be unplaced (drawn as a badge at its name); this one is a "${claim.shape}" claim at a ${originKind}: leave "unplaced" out`,
    );
  }
  if (claim.shape === 'point' && wide && !claim.unplaced) {
    throw new DataError(
      'claims.json',
      item,
      'unplaced',
      `a point claim about a ${originKind} ("${firstOrigin}") is drawn on the ${originKind}, not at a point: set "unplaced": true, or give a city the article names as its origin`,
    );
  }
  if (claim.shape !== 'arrows') return;
  for (const origin of origins) {
    const from = places.get(origin)!.coordinates;
    claim.destinations.forEach((id, j) => {
      const to = places.get(id)!.coordinates;
      // A place with a problem of its own may have no point: its problem is reported.
      if (from && to && from[0] === to[0] && from[1] === to[1]) {
        throw new DataError(
          'claims.json',
          item,
          `destinations[${j}]`,
          `"${id}" is at the same coordinates as the origin "${origin}": the arrow would have no length; give one of them other coordinates, or draw a "point" claim`,
        );
      }
    });
  }
}

/** A claim that meets the schema, resolved: its look, number, and the sentences its quote covers. */
function resolveClaim(
  claim: Claim,
  index: number,
  article: Article,
  places: ReadonlyMap<string, PlaceFacts> | null,
  kinds: readonly KindInfo[],
): ResolvedClaim {
  const shapeProblem = actShapeProblem(actOf(claim), claim.shape);
  if (shapeProblem) throw new DataError('claims.json', `claim "${claim.id}"`, 'act', shapeProblem);
  if (places) checkPlacing(claim, `claim "${claim.id}"`, places);
  const anchor = anchorClaim(claim, article);
  if (anchor instanceof DataError) throw anchor;
  // A quote over several sentences is quoted with all of them, as the reader reads them.
  const first = anchor.spans[0]!;
  const last = anchor.spans[anchor.spans.length - 1]!;
  const quote = anchor.spans.map((s) => s.sentence.text).join(' ');
  const origins = originsOf(claim);
  return {
    ...claim,
    origin: origins[0]!,
    origins,
    // The published selector keeps the article's exact text (its quotes, dashes and spaces).
    selector: { ...claim.selector, exact: anchor.text },
    modality: claim.modality ?? 'reported',
    act: actOf(claim),
    look: kinds.find((k) => k.id === claim.kind)?.look ?? claim.kind,
    number: index + 1,
    sentenceId: anchor.sentence.id,
    paragraph: anchor.sentence.paragraph,
    sentence: anchor.sentence.index,
    quote,
    exactRange: [first.range[0], quote.length - last.sentence.text.length + last.range[1]],
    sentences: anchor.spans.map((s) => ({ id: s.sentence.id, range: s.range })),
  };
}

/**
 * The claims of claims.json (`entries`; those at `faulty` failed the schema) resolved, in file
 * order: `value`, the claims with no problem. Without the article's paragraphs no quote is looked
 * for; without a readable places.json (`places` null) no place id is.
 */
export function resolveClaims(
  entries: readonly unknown[],
  faulty: ReadonlySet<number>,
  article: Article | null,
  places: ReadonlyMap<string, PlaceFacts> | null,
  kinds: readonly KindInfo[],
): Checked<ResolvedClaim[]> {
  const problems: DataError[] = [];
  const seen = new Set<string>();
  const resolved: ResolvedClaim[] = [];
  entries.forEach((entry, index) => {
    const claim = (entry && typeof entry === 'object' ? entry : {}) as Partial<Claim>;
    if (typeof claim.id !== 'string') return; // the schema's problem, named by position
    const item = `claim "${claim.id}"`;
    if (seen.has(claim.id)) {
      const another = 'duplicate claim id: another claim has it; give each claim its own id';
      problems.push(new DataError('claims.json', item, 'id', another));
      return;
    }
    seen.add(claim.id);
    const unknown = places ? unknownPlaces(claim, item, places) : [];
    problems.push(...unknown);
    if (faulty.has(index) || unknown.length) {
      // Its problems are reported: the quote can still be looked for.
      const exact = claim.selector?.exact;
      if (article && typeof exact === 'string') {
        const anchor = anchorClaim({ id: claim.id, selector: claim.selector! }, article);
        if (anchor instanceof DataError) problems.push(anchor);
      }
      return;
    }
    if (!article) return;
    const done = collect(problems, () => resolveClaim(claim as Claim, index, article, places, kinds));
    if (done) resolved.push(done);
  });
  return { value: resolved, problems };
}
