/**
 * Turns a story's data files into the prepared `Story` the app ships, or fails with a
 * `DataError` that names the file, the claim (or place) and the field.
 *
 * Browser-safe (no Node built-ins), so the build and the studio run the same checks: it pulls in
 * Ajv, d3-geo's point-in-polygon test and the basemap's simplification (`basemap.ts`), which
 * readers never download. The Vite plugin (`build/plugin.ts`) calls it, the studio
 * (`studio/`) calls it as the journalist edits, and so do the unit tests.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildFlows, FlowError } from '../flows/geometry.ts';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { minWeight, prepareBasemap } from './basemap.ts';
import search from 'approx-string-match';
import { anchorQuote, articleText, foldText, parseArticle } from '../story/text.ts';
import { resolveKinds, type KindDeclaration, type KindInfo } from '../story/kinds.ts';
import { isLook, LOOK_NAMES } from '../symbology/claims.ts';
import type {
  Claim,
  CountryProperties,
  Place,
  RegionTopology,
  ResolvedClaim,
  Story,
  StoryMeta,
} from '../story/types.ts';

/** The files of one story, as text, keyed by their names in the story folder. */
export interface StoryFiles {
  'article.txt': string;
  'claims.json': string;
  'places.json': string;
  'story.json': string;
  'region.topo.json': string;
  'claims.schema.json': string;
  'places.schema.json': string;
  'story.schema.json': string;
  /** The engine's vocabulary of kinds, shared by every story (beside the schemas). */
  'kinds.json': string;
  'kinds.schema.json': string;
}

export type StoryFileName = keyof StoryFiles;

export const STORY_FILES: StoryFileName[] = [
  'article.txt',
  'claims.json',
  'places.json',
  'story.json',
  'region.topo.json',
  'claims.schema.json',
  'places.schema.json',
  'story.schema.json',
  'kinds.json',
  'kinds.schema.json',
];

/** Files the engine provides for every story: a story folder may carry its own schemas, not these. */
export const ENGINE_FILES: StoryFileName[] = ['kinds.json'];

/** What is wrong, and where: `file`, then the claim or place (`item`), then the `field`. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly item: string | null,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super([file, item, field && `field "${field}"`, problem].filter(Boolean).join(': '));
    this.name = 'DataError';
  }
}

/** Every problem found in a story, each a `DataError`: the build reports them all at once. */
export class StoryErrors extends Error {
  constructor(readonly errors: DataError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'StoryErrors';
  }
}

/** Runs `check`, adding what it throws (one problem or several) to `problems`; undefined if it failed. */
function collect<T>(problems: DataError[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (error instanceof StoryErrors) problems.push(...error.errors);
    else if (error instanceof DataError) problems.push(error);
    else throw error;
    return undefined;
  }
}

/** "line 3, column 7" for a character offset, for error messages a person can act on. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** `files[name]` parsed, or a `DataError` naming the file and the line and column at fault. */
export function parseJson(files: Partial<StoryFiles>, name: StoryFileName): unknown {
  const text = files[name] ?? '';
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new DataError(name, null, null, `invalid JSON${where} (${message})`);
  }
}

/** JSON Pointer segments to a field name as the rest of the messages write it: `coordinates[0]`. */
function fieldName(parts: string[]): string {
  return parts.reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

/** `/claims/3/selector/exact` to `{index: 3, field: "selector.exact"}`. */
function locate(path: string, collection: string): { index: number | null; field: string } {
  const parts = path.split('/').slice(1);
  if (parts[0] === collection && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    return { index: Number(parts[1]), field: fieldName(parts.slice(2)) };
  }
  return { index: null, field: fieldName(parts) };
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === 'enum') {
    return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return error.message ?? error.keyword;
}

/**
 * Validates `data` against the story's schema for `file`, naming the item by its id where the
 * item has one (`claim "border-clash"`), else by its position (`claim #3`).
 */
function validate<T>(
  ajv: Ajv,
  files: StoryFiles,
  file: StoryFileName,
  schemaFile: StoryFileName,
  collection: string,
  noun: string,
): T {
  const data = parseJson(files, file);
  const check = ajv.compile(parseJson(files, schemaFile) as object);
  if (check(data)) return data as T;
  // Report the most specific errors: `if/then` wrappers say less than the failures inside them.
  const errors = (check.errors ?? []).filter((e) => e.keyword !== 'if');
  const problems = new Map<string, DataError>();
  for (const error of errors.length ? errors : check.errors!) {
    const { index, field } = locate(error.instancePath, collection);
    let item: string | null = null;
    if (index !== null) {
      const entry = ((data as Record<string, unknown[]>)[collection] ?? [])[index] as { id?: unknown } | undefined;
      item = typeof entry?.id === 'string' ? `${noun} "${entry.id}"` : `${noun} #${index + 1}`;
    }
    const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
    const fullField = missing ? [field, missing].filter(Boolean).join('.') : field;
    const problem = new DataError(file, item, fullField || null, missing ? 'is required' : describe(error));
    problems.set(problem.message, problem);
  }
  throw new StoryErrors([...problems.values()]);
}

/** Each country of the geography as a GeoJSON feature, by its id. */
export function countryShapes(geography: RegionTopology): Map<string, Feature<Polygon | MultiPolygon>> {
  const shapes = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const geometry of geography.objects.countries.geometries) {
    shapes.set(String(geometry.id), feature(geography, geometry) as Feature<Polygon | MultiPolygon>);
  }
  return shapes;
}

/** The places by id; every problem found is added to `problems`. */
function checkPlaces(places: Place[], geography: RegionTopology, problems: DataError[]): Map<string, Place> {
  const shapes = countryShapes(geography);
  const byId = new Map<string, Place>();
  for (const place of places)
    collect(problems, () => {
      const item = `place "${place.id}"`;
      if (byId.has(place.id)) throw new DataError('places.json', item, 'id', 'duplicate place id');
      byId.set(place.id, place);
      for (const [field, country] of [
        ['country', place.country] as const,
        ...(place.countries ?? []).map((c, i) => [`countries[${i}]`, c] as const),
      ]) {
        if (!shapes.has(country)) {
          throw new DataError(
            'places.json',
            item,
            field,
            `country "${country}" is not in region.topo.json (run npm run geo?)`,
          );
        }
      }
      const shape = shapes.get(place.country)!;
      if (!place.coordinates) {
        // A country is drawn at its name: where the geography writes it, unless the data says where.
        const label = (shape.properties as CountryProperties | null)?.label;
        if (place.kind !== 'country' || !label) {
          const why =
            place.kind === 'country'
              ? `the geography has no point to write ${place.name}'s name at (too small at this scale): give coordinates`
              : `a ${place.kind} needs coordinates (only a country may leave them out, to be drawn at its name)`;
          throw new DataError('places.json', item, 'coordinates', why);
        }
        place.coordinates = label;
      }
      if (!geoContains(shape, place.coordinates)) {
        const name = (shape.properties as { name?: string } | null)?.name ?? place.country;
        throw new DataError(
          'places.json',
          item,
          'coordinates',
          `[${place.coordinates.join(', ')}] is not inside ${name} (${place.country}), the place's country`,
        );
      }
    });
  return byId;
}

/** "a, b and c" */
const list = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? 'none');

/** Checks that every kind a story or the engine declares names a look, and that ids are unique. */
function checkDeclaredKinds(file: StoryFileName, kinds: readonly KindDeclaration[]): void {
  const seen = new Set<string>();
  for (const kind of kinds) {
    const item = `kind "${kind.id}"`;
    if (seen.has(kind.id)) throw new DataError(file, item, 'id', 'duplicate kind id');
    seen.add(kind.id);
    if (!isLook(kind.look)) {
      throw new DataError(
        file,
        item,
        'look',
        `unknown look "${kind.look}"; the looks available are ${list(LOOK_NAMES.map((l) => `"${l}"`))}`,
      );
    }
  }
}

/**
 * The kinds the claims use, resolved (the story's declaration first, then the engine's), or a
 * `DataError` naming the claim, its field and the kinds available; two kinds drawn with the same
 * look are an error too, since a reader could not tell them apart.
 */
function claimKinds(claims: Claim[], declared: KindDeclaration[], vocabulary: KindDeclaration[]): KindInfo[] {
  const { kinds, unknown } = resolveKinds(
    claims.map((c) => c.kind),
    declared,
    vocabulary,
  );
  if (unknown.length) {
    const claim = claims.find((c) => c.kind === unknown[0])!;
    const own = declared.length ? `this story's (story.json "kinds"): ${list(declared.map((k) => `"${k.id}"`))}; ` : '';
    throw new DataError(
      'claims.json',
      `claim "${claim.id}"`,
      'kind',
      `unknown kind "${claim.kind}". The kinds available are ${own}the engine's: ${list(vocabulary.map((k) => `"${k.id}"`))}. Or declare it in story.json "kinds" with an id, label, description and look`,
    );
  }
  const byLook = new Map<string, KindInfo>();
  for (const kind of kinds) {
    const other = byLook.get(kind.look);
    if (other) {
      const claim = claims.find((c) => c.kind === kind.id)!;
      const first = claims.find((c) => c.kind === other.id)!;
      const free = LOOK_NAMES.filter((l) => !kinds.some((k) => k.look === l));
      throw new DataError(
        'claims.json',
        `claim "${claim.id}"`,
        'kind',
        `kind "${kind.id}" is drawn with the same look ("${kind.look}") as kind "${other.id}" (claim "${first.id}"), so readers could not tell them apart. Use one kind for both, or declare one in story.json "kinds" with a look no other kind here uses: ${list(free.map((l) => `"${l}"`))}`,
      );
    }
    byLook.set(kind.look, kind);
  }
  return kinds;
}

/** "; did you mean …": the article's passage nearest the quote (fuzzy, as Hypothesis anchors), if any is near. */
function nearestPassage(article: ReturnType<typeof parseArticle>, exact: string): string {
  const { text } = articleText(article);
  const folded = foldText(text);
  const quote = foldText(exact).text.trim();
  if (!quote) return '';
  const matches = search(folded.text, quote, Math.ceil(quote.length / 4));
  if (!matches.length) return '';
  const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a));
  const passage = text.slice(folded.at[best.start], folded.at[best.end]);
  return `; did you mean "${passage}"? (copy the article's words exactly; quotes, dashes and spaces may differ)`;
}

/** Where a claim's quote is in the article, or a `DataError` saying why it is not there once. */
function anchorClaim(claim: Claim, article: ReturnType<typeof parseArticle>) {
  const anchor = anchorQuote(article, claim.selector);
  if (anchor.ok) return anchor;
  const problem =
    anchor.reason === 'ambiguous'
      ? `quote found ${anchor.count} times in article.txt; add a prefix or suffix: "${claim.selector.exact}"`
      : `quote not found in article.txt: "${claim.selector.exact}"${nearestPassage(article, claim.selector.exact)}`;
  throw new DataError('claims.json', `claim "${claim.id}"`, 'selector.exact', problem);
}

/** The claims of a claims.json that fails its schema whose id and quote can still be read. */
function looseClaims(files: StoryFiles): Claim[] {
  try {
    const claims = (JSON.parse(files['claims.json']) as { claims?: unknown }).claims;
    return (Array.isArray(claims) ? (claims as Partial<Claim>[]) : []).filter(
      (c): c is Claim => typeof c?.id === 'string' && typeof c.selector?.exact === 'string',
    );
  } catch {
    return [];
  }
}

/** The claims resolved; every problem found is added to `problems` (that claim is left out). */
function resolveClaims(
  claims: Claim[],
  article: ReturnType<typeof parseArticle>,
  places: Map<string, Place>,
  kinds: readonly KindInfo[],
  problems: DataError[],
): ResolvedClaim[] {
  const seen = new Set<string>();
  const resolved = claims.map((claim, i) =>
    collect(problems, (): ResolvedClaim => {
      const item = `claim "${claim.id}"`;
      if (seen.has(claim.id)) throw new DataError('claims.json', item, 'id', 'duplicate claim id');
      seen.add(claim.id);
      for (const [field, id] of [
        ['origin', claim.origin] as const,
        ...claim.destinations.map((d, j) => [`destinations[${j}]`, d] as const),
      ]) {
        if (!places.has(id))
          throw new DataError('claims.json', item, field, `unknown place id "${id}" (not in places.json)`);
      }
      if (claim.destinations.includes(claim.origin)) {
        throw new DataError('claims.json', item, 'destinations', `the origin "${claim.origin}" is also a destination`);
      }
      // A claim about a whole country (or region) is not put at a point the article does not name.
      const originKind = places.get(claim.origin)!.kind;
      const wide = originKind === 'country' || originKind === 'region';
      if (claim.unplaced && (claim.shape !== 'point' || !wide)) {
        throw new DataError(
          'claims.json',
          item,
          'unplaced',
          `only a "point" claim about a country or region can be unplaced (drawn as a badge at its name); this one is a "${claim.shape}" claim at a ${originKind}`,
        );
      }
      if (claim.shape === 'point' && wide && !claim.unplaced) {
        throw new DataError(
          'claims.json',
          item,
          'unplaced',
          `a point claim about a ${originKind} ("${claim.origin}") is drawn on the ${originKind}, not at a point: set "unplaced": true, or give a city the article names as its origin`,
        );
      }
      if (claim.shape === 'arrows') {
        const from = places.get(claim.origin)!.coordinates;
        claim.destinations.forEach((id, j) => {
          const to = places.get(id)!.coordinates;
          if (from[0] === to[0] && from[1] === to[1]) {
            throw new DataError(
              'claims.json',
              item,
              `destinations[${j}]`,
              `"${id}" is at the same coordinates as the origin "${claim.origin}": the arrow would have no length`,
            );
          }
        });
      }
      const anchor = anchorClaim(claim, article);
      // A quote over several sentences is quoted with all of them, as the reader reads them.
      const first = anchor.spans[0]!;
      const last = anchor.spans[anchor.spans.length - 1]!;
      const quote = anchor.spans.map((s) => s.sentence.text).join(' ');
      return {
        ...claim,
        // The published selector keeps the article's exact text (its quotes, dashes and spaces).
        selector: { ...claim.selector, exact: anchor.text },
        modality: claim.modality ?? 'reported',
        look: kinds.find((k) => k.id === claim.kind)?.look ?? claim.kind,
        number: i + 1,
        sentenceId: anchor.sentence.id,
        paragraph: anchor.sentence.paragraph,
        sentence: anchor.sentence.index,
        quote,
        exactRange: [first.range[0], quote.length - last.sentence.text.length + last.range[1]],
        sentences: anchor.spans.map((s) => ({ id: s.sentence.id, range: s.range })),
      };
    }),
  );
  return resolved.filter((claim) => claim !== undefined);
}

/**
 * The zoom the outlines of unplaced claims and named regions are simplified for (about a square
 * pixel there): they are schematic, framed rather than read, and ship in the app's script.
 */
const OUTLINE_ZOOM = 3.5;

/** The geography simplified for outlines (`buildFlows`), on a copy. */
function outlineGeography(geography: RegionTopology): RegionTopology {
  const weighted = presimplify(structuredClone(geography) as unknown as Topology<Objects<object>>);
  return simplify(weighted, minWeight(OUTLINE_ZOOM)) as unknown as RegionTopology;
}

/**
 * Validates and prepares a story. Throws `StoryErrors` with every problem found: each file is
 * checked as far as the files it depends on allow (claims' places once places.json is readable).
 */
export function prepareStory(files: StoryFiles): Story {
  const problems: DataError[] = [];
  const ajv = new Ajv({ allErrors: true, strict: true });
  const meta = collect(problems, () => {
    const meta = validate<StoryMeta>(ajv, files, 'story.json', 'story.schema.json', 'kinds', 'kind');
    checkDeclaredKinds('story.json', meta.kinds ?? []);
    return meta;
  });
  const vocabulary = collect(problems, () => {
    const { kinds } = validate<{ kinds: KindDeclaration[] }>(
      ajv,
      files,
      'kinds.json',
      'kinds.schema.json',
      'kinds',
      'kind',
    );
    checkDeclaredKinds('kinds.json', kinds);
    return kinds;
  });
  const article = parseArticle(files['article.txt']);
  if (!article.title) problems.push(new DataError('article.txt', null, null, 'the article is empty'));
  else if (article.paragraphs.length === 0) {
    problems.push(
      new DataError('article.txt', null, null, 'the article has a title but no paragraphs (one paragraph a line)'),
    );
  }
  const geography = collect(problems, () => {
    const geography = parseJson(files, 'region.topo.json') as RegionTopology;
    if (geography?.type !== 'Topology' || !geography.objects?.countries) {
      throw new DataError('region.topo.json', null, 'objects.countries', 'not a region topology (run npm run geo)');
    }
    return geography;
  });
  const places = collect(
    problems,
    () => validate<{ places: Place[] }>(ajv, files, 'places.json', 'places.schema.json', 'places', 'place').places,
  );
  const placesById = places && geography ? checkPlaces(places, geography, problems) : undefined;
  const rawClaims = collect(
    problems,
    () => validate<{ claims: Claim[] }>(ajv, files, 'claims.json', 'claims.schema.json', 'claims', 'claim').claims,
  );
  const kinds =
    rawClaims && meta && vocabulary
      ? collect(problems, () => claimKinds(rawClaims, meta.kinds ?? [], vocabulary))
      : undefined;
  const readable = article.paragraphs.length > 0;
  let claims: ResolvedClaim[] = [];
  if (rawClaims && placesById && readable) {
    claims = resolveClaims(rawClaims, article, placesById, kinds ?? [], problems);
  } else if (readable) {
    // The places or the claims' other fields cannot be read: the quotes can still be checked.
    for (const claim of rawClaims ?? looseClaims(files)) collect(problems, () => anchorClaim(claim, article));
  }
  if (problems.length || !meta || !kinds || !places || !placesById || !geography) {
    // One problem is thrown as itself, several together.
    throw problems.length === 1 ? problems[0]! : new StoryErrors(problems);
  }
  let flows;
  try {
    flows = buildFlows(claims, placesById, geography, outlineGeography(geography));
  } catch (error) {
    if (error instanceof FlowError) {
      throw new DataError('claims.json', `claim "${error.claimId}"`, error.field, error.message);
    }
    throw error;
  }
  return { meta, kinds, article, claims, places, flows, geography, basemap: prepareBasemap(geography, meta) };
}
