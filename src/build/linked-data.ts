/**
 * The claims as linked data, in the standards others read:
 * - `data/annotations.jsonld`: one W3C Web Annotation (https://www.w3.org/TR/annotation-model/)
 *   per claim, targeting the passage of the article it quotes with a TextQuoteSelector and a
 *   TextPositionSelector on `data/article.txt` (the article's text as the map quotes it, published
 *   beside it so the positions can be checked), its body the claim's caption, its kind and its
 *   places (with coordinates, and their Wikidata or GeoNames ids where the story gives them);
 * - in each page (at the end of the reader's and the embed's body, in a share page's head), schema.org `Claim`s (https://schema.org/Claim) whose `appearance` is the
 *   article. Not `ClaimReview`: that needs a verdict, and the map gives none.
 *
 * Ids are relative to the file or page they are in (`#claim-…`), or absolute under `SITE_URL`
 * when the build knows where the site lives.
 */
import { articleText } from '../story/text.ts';
import { kindInfo } from '../story/kinds.ts';
import { worldLongitude } from '../story/places.ts';
import type { Place, ResolvedClaim, Story } from '../story/types.ts';

/** The W3C Web Annotation context, as the annotations name it. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The schema.org context, as the pages' JSON-LD names it. */
export const SCHEMA_ORG_CONTEXT = 'https://schema.org';

/** Characters of context a TextQuoteSelector carries on each side (as Hypothesis does). */
const QUOTE_CONTEXT = 32;

/** Unicode code points, as the Web Annotation model counts text positions (not UTF-16 units). */
const codePoints = (text: string): string[] => Array.from(text);

/** `data/article.txt`: the title on the first line, then one paragraph a line, sentences joined by a space. */
export function publishedArticle(story: Story): string {
  return `${story.article.title}\n${articleText(story.article).text}\n`;
}

/** Where a claim's quote is in `publishedArticle`: `[start, end)` in UTF-16 units. */
export function quoteRange(story: Story, claim: ResolvedClaim): [number, number] {
  const { starts } = articleText(story.article);
  const offset = story.article.title.length + 1;
  const at = (id: string) => offset + starts.find((s) => s.sentence.id === id)!.at;
  const first = claim.sentences[0]!;
  const last = claim.sentences[claim.sentences.length - 1]!;
  return [at(first.id) + first.range[0], at(last.id) + last.range[1]];
}

/** How many times `exact` appears in `text` with `prefix` just before it and `suffix` just after. */
export function countQuote(text: string, exact: string, prefix = '', suffix = ''): number {
  let count = 0;
  for (let k = text.indexOf(exact); k >= 0; k = text.indexOf(exact, k + 1)) {
    if (k >= prefix.length && text.startsWith(prefix, k - prefix.length) && text.startsWith(suffix, k + exact.length))
      count++;
  }
  return count;
}

/**
 * The W3C selectors of a claim's quote in `publishedArticle`: a TextQuoteSelector with the
 * article's own words around it (widened until it matches only there) and a TextPositionSelector
 * in code points. Both select the same passage.
 */
export function claimSelectors(
  text: string,
  [start, end]: [number, number],
): [
  { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
  { type: 'TextPositionSelector'; start: number; end: number },
] {
  const before = codePoints(text.slice(0, start));
  const exact = text.slice(start, end);
  const after = codePoints(text.slice(end));
  let n = QUOTE_CONTEXT;
  const context = () => [before.slice(-n).join(''), after.slice(0, n).join('')] as const;
  // Wider until the quote matches only here (the whole text around it always does).
  while (countQuote(text, exact, ...context()) > 1 && (n < before.length || n < after.length)) n *= 2;
  const [prefix, suffix] = context();
  const position = before.length;
  return [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start: position, end: position + codePoints(exact).length },
  ];
}

/** Where a file of the site is: relative to `from` (a file in the same folder), or absolute under `site`. */
function siteUrl(path: string, site: string | undefined, relative: string): string {
  return site ? new URL(path, site.endsWith('/') ? site : `${site}/`).href : relative;
}

/** A place's Wikidata and GeoNames IRIs, where the story gives them. */
export function placeIdentities(place: Place): string[] {
  return [
    place.wikidata && `http://www.wikidata.org/entity/${place.wikidata}`,
    place.geonames && `https://sws.geonames.org/${place.geonames}/`,
  ].filter((iri): iri is string => !!iri);
}

/** The schema.org type of a place. */
function placeType(place: Place): string {
  switch (place.kind) {
    case 'country':
      return 'Country';
    case 'capital':
    case 'city':
      return 'City';
    case 'sea':
      return 'BodyOfWater';
    default:
      return 'Place';
  }
}

/** The places a claim names: its origins, then its destinations. */
function claimPlaces(story: Story, claim: ResolvedClaim): Place[] {
  return [...claim.origins, ...claim.destinations].map((id) => story.places.find((p) => p.id === id)!);
}

/**
 * `data/annotations.jsonld`: an AnnotationCollection of one Annotation per claim, in step order.
 * Each targets the claim's passage in `data/article.txt` (which says, in `via`, where the article
 * was read when its address is known); its bodies are the caption (describing), the kind
 * (classifying) and each place (tagging: a schema.org Country, City, BodyOfWater or Place with its coordinates and `sameAs`
 * its Wikidata or GeoNames item).
 */
export function publishedAnnotations(story: Story, site?: string): object {
  const self = siteUrl('data/annotations.jsonld', site, 'annotations.jsonld');
  const article = siteUrl('data/article.txt', site, 'article.txt');
  const text = publishedArticle(story);
  const { url, genre } = story.meta.article;
  const rights = story.meta.license?.url;
  const place = (p: Place) => {
    const same = placeIdentities(p);
    return {
      type: 'SpecificResource',
      purpose: 'tagging',
      source: {
        id: `${self}#place-${p.id}`,
        type: `schema:${placeType(p)}`,
        'schema:name': p.name,
        'schema:geo': {
          type: 'schema:GeoCoordinates',
          'schema:longitude': worldLongitude(p.coordinates[0]),
          'schema:latitude': p.coordinates[1],
        },
        ...(same.length ? { 'schema:sameAs': same.map((id) => ({ id })) } : {}),
      },
    };
  };
  const items = story.claims.map((claim) => ({
    id: `${self}#claim-${claim.id}`,
    type: 'Annotation',
    motivation: 'describing',
    ...(rights ? { rights } : {}),
    body: [
      { type: 'TextualBody', purpose: 'describing', value: claim.caption, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'classifying', value: kindInfo(story.kinds, claim.kind).label },
      ...claimPlaces(story, claim).map(place),
    ],
    target: {
      type: 'SpecificResource',
      source: {
        id: article,
        type: 'Text',
        format: 'text/plain',
        label: story.article.title,
        ...(genre ? { 'schema:genre': genre } : {}),
        ...(url ? { via: url } : {}),
      },
      selector: claimSelectors(text, quoteRange(story, claim)),
    },
  }));
  return {
    '@context': ANNOTATION_CONTEXT,
    id: self,
    type: 'AnnotationCollection',
    label: `The geographic claims of “${story.article.title}”, each bound to its passage`,
    total: items.length,
    first: { id: `${self}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * The schema.org JSON-LD for a page: the article (its headline, author, outlet, date and
 * genre, as far as the story knows them) and a `Claim` for each of `claims`, whose `appearance`
 * is the article, `text` the article's own words, `name` the caption, `url` the claim on the map
 * and `spatialCoverage` its places. `from` is the way from the page to the site's root (`./` for
 * the reader, `../` for a share page).
 */
export function claimsLinkedData(story: Story, claims: readonly ResolvedClaim[], from: string, site?: string): object {
  const { author, outlet, url, published, genre } = story.meta.article;
  const person = author ? { '@type': 'Person', name: author } : undefined;
  const articleId = url ?? '#article';
  const article = {
    '@type': 'Article',
    '@id': articleId,
    headline: story.article.title,
    ...(url ? { url } : {}),
    ...(genre ? { genre } : {}),
    ...(person ? { author: person } : {}),
    ...(outlet ? { publisher: { '@type': 'Organization', name: outlet } } : {}),
    ...(published ? { datePublished: published } : {}),
  };
  const place = (p: Place) => {
    const same = placeIdentities(p);
    return {
      '@type': placeType(p),
      name: p.name,
      geo: { '@type': 'GeoCoordinates', latitude: p.coordinates[1], longitude: worldLongitude(p.coordinates[0]) },
      ...(same.length ? { sameAs: same } : {}),
    };
  };
  return {
    '@context': SCHEMA_ORG_CONTEXT,
    '@graph': [
      article,
      ...claims.map((claim) => ({
        '@type': 'Claim',
        name: claim.caption,
        text: claim.selector.exact,
        url: siteUrl(`?claim=${encodeURIComponent(claim.id)}`, site, `${from}?claim=${encodeURIComponent(claim.id)}`),
        appearance: { '@id': articleId },
        ...(person ? { author: person } : {}),
        spatialCoverage: claimPlaces(story, claim).map(place),
      })),
    ],
  };
}
