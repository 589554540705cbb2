/**
 * Turns a story's data files into the prepared `Story` the app ships, or fails with a
 * `DataError` that names the file, the claim (or place) and the field.
 *
 * The steps: story.json, the places (their countries resolved, `countries.ts`, and their points
 * checked against the world's countries, `placing.ts`), the region (story.json's, checked, or the
 * places framed, `frame.ts`), the geography cut for it (`geography.ts`), the claims, their flows.
 *
 * Browser-safe (no Node built-ins; the world and the country codes are JSON imports), so the
 * build and the studio run the same checks: it pulls in Ajv, the world's countries (`world.ts`)
 * and the basemap's simplification (`basemap.ts`), which readers never download. The Vite
 * plugin (`build/plugin.ts`) calls it, with the geography kept in the story's folder
 * (`build/geography.ts`); the studio's check worker (`studio/check.worker.ts`) calls it as the
 * journalist edits, the geography made in memory; so do the unit tests.
 */
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { buildFlows, FlowError } from '../flows/geometry.ts';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { minWeight, prepareBasemap } from './basemap.ts';
import { countryResolver } from './countries.ts';
import { boxText, contains, deriveRegion, within } from './frame.ts';
import { makeGeography } from './geography.ts';
import {
  COAST_TOLERANCE_KM,
  countryAt,
  countryLabel,
  distanceToOutline,
  km,
  nearlyInside,
  whereItLies,
} from './placing.ts';
import { worldCountries, type WorldCountry } from './world.ts';
import search from 'approx-string-match';
import { anchorQuote, articleText, foldText, parseArticle } from '../story/text.ts';
import { resolveKinds, type KindDeclaration, type KindInfo } from '../story/kinds.ts';
import { actOf, actShapeProblem } from '../story/acts.ts';
import { isLook, LOOK_NAMES } from '../symbology/claims.ts';
import type {
  Bounds,
  Claim,
  CountryProperties,
  LonLat,
  Place,
  Region,
  RegionTopology,
  ResolvedClaim,
  Story,
  StoryJson,
  StoryMeta,
} from '../story/types.ts';

/** The files of one story, as text, keyed by their names in the story folder. */
export interface StoryFiles {
  'article.txt': string;
  'claims.json': string;
  'places.json': string;
  'story.json': string;
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
  'claims.schema.json',
  'places.schema.json',
  'story.schema.json',
  'kinds.json',
  'kinds.schema.json',
];

/** How Ajv reads the schemas, here and where they are compiled ahead (`build/validators.ts`). */
export const AJV_OPTIONS = { allErrors: true, strict: true } satisfies Options;

/**
 * The schemas' validators compiled ahead of time, by schema file: a page whose Content Security
 * Policy forbids `eval` (the studio's) cannot let Ajv compile them.
 */
export type Validators = Partial<Record<StoryFileName, ValidateFunction>>;

type Compile = (schemaFile: StoryFileName) => ValidateFunction;

/** The validator of a schema file: compiled ahead if given, else by Ajv (made on first need). */
function compiler(files: StoryFiles, validators: Validators = {}): Compile {
  let ajv: Ajv | undefined;
  return (schemaFile) =>
    validators[schemaFile] ?? (ajv ??= new Ajv(AJV_OPTIONS)).compile(parseJson(files, schemaFile) as object);
}

/** How a story is prepared besides its files. */
export interface PrepareOptions {
  /** The schemas' validators compiled ahead (the studio's); by default Ajv compiles the story's. */
  validators?: Validators;
  /**
   * The story's geography for the region's bounds: by default cut from the world in memory;
   * the build reads and writes it in the story's folder (`geography.ts`).
   */
  geography?: (bounds: Bounds) => RegionTopology;
}

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

function describe(error: ErrorObject, entry: { kind?: unknown } | undefined): string {
  if (error.keyword === 'false schema') {
    // The schema forbids the field for this kind of item: a place at sea has no country.
    return entry?.kind === 'sea'
      ? 'a place at sea (kind "sea") is in no country: leave this field out, or give the place another kind'
      : `is not allowed${typeof entry?.kind === 'string' ? ` for kind "${entry.kind}"` : ''}`;
  }
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
  compile: Compile,
  files: StoryFiles,
  file: StoryFileName,
  schemaFile: StoryFileName,
  collection: string,
  noun: string,
): T {
  const data = parseJson(files, file);
  const check = compile(schemaFile);
  if (check(data)) return data as T;
  // Report the most specific errors: `if/then` wrappers say less than the failures inside them.
  const errors = (check.errors ?? []).filter((e) => e.keyword !== 'if');
  const problems = new Map<string, DataError>();
  for (const error of errors.length ? errors : check.errors!) {
    const { index, field } = locate(error.instancePath, collection);
    let item: string | null = null;
    let entry: { id?: unknown; kind?: unknown } | undefined;
    if (index !== null) {
      entry = ((data as Record<string, unknown[]>)[collection] ?? [])[index] as typeof entry;
      item = typeof entry?.id === 'string' ? `${noun} "${entry.id}"` : `${noun} #${index + 1}`;
    }
    const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
    const fullField = missing ? [field, missing].filter(Boolean).join('.') : field;
    const problem = new DataError(file, item, fullField || null, missing ? 'is required' : describe(error, entry));
    problems.set(problem.message, problem);
  }
  throw new StoryErrors([...problems.values()]);
}

/** The world's countries by the geography's id (where two share one, the larger). */
function worldById(): Map<string, WorldCountry> {
  const byId = new Map<string, WorldCountry>();
  for (const country of worldCountries()) if (!byId.has(country.id)) byId.set(country.id, country);
  return byId;
}

/** "[69.17, 34.53]" */
const pointText = (point: LonLat) => `[${point.join(', ')}]`;

/**
 * Checks a place at sea: off the land, or within the coast's tolerance of it (a strait the 1:50m
 * coasts close, a harbour's bay).
 */
function checkSea(place: Place, item: string, world: readonly WorldCountry[]): void {
  const land = countryAt(
    world.filter((c) => contains(c.box, place.coordinates)).map((c) => c.shape),
    place.coordinates,
  );
  if (land && distanceToOutline(land, place.coordinates) > COAST_TOLERANCE_KM) {
    throw new DataError(
      'places.json',
      item,
      'coordinates',
      `${pointText(place.coordinates)} lies in ${countryLabel(land)}, ${km(distanceToOutline(land, place.coordinates))} from its outline, not at sea: check the coordinates ([longitude, latitude]), or give the place another kind and its country`,
    );
  }
}

/**
 * Resolves a place's country (and a region's countries) to the geography's ids, as the data may
 * write them: ISO alpha-2, alpha-3, numeric, or an English name.
 */
function resolvePlaceCountries(place: Place, item: string): void {
  const resolve = (field: string, given: string): string => {
    const found = countryResolver().resolve(given);
    if ('problem' in found) throw new DataError('places.json', item, field, found.problem);
    return found.id;
  };
  place.country = resolve('country', place.country!);
  if (place.countries) place.countries = place.countries.map((c, i) => resolve(`countries[${i}]`, c));
}

/**
 * Checks that a place's point is in its country, or within the coast's tolerance of its outline
 * (Natural Earth's 1:50m coasts put many a harbour a few km offshore); if not, says where it lies.
 */
function checkInCountry(place: Place, item: string, world: readonly WorldCountry[], country: WorldCountry): void {
  const point = place.coordinates;
  if (nearlyInside(country.shape, point)) return;
  const near = world.filter((c) => contains(c.box, point)).map((c) => c.shape);
  const swapped: LonLat = [point[1], point[0]];
  const swap =
    Math.abs(swapped[1]) <= 85 && nearlyInside(country.shape, swapped)
      ? `; ${pointText(swapped)} would be: longitude comes first`
      : '';
  throw new DataError(
    'places.json',
    item,
    'coordinates',
    `${pointText(point)} is not inside ${countryLabel(country.shape)}, the place's country: ${whereItLies(near.length ? near : world.map((c) => c.shape), point, country.shape)}${swap}`,
  );
}

/**
 * The places by id, their countries resolved and their points checked against the world's
 * countries; every problem found is added to `problems`. `sound` lists the places with none.
 */
function checkPlaces(places: Place[], problems: DataError[]): { byId: Map<string, Place>; sound: Place[] } {
  const world = worldCountries();
  const countries = worldById();
  const byId = new Map<string, Place>();
  const sound: Place[] = [];
  for (const place of places)
    collect(problems, () => {
      const item = `place "${place.id}"`;
      if (byId.has(place.id)) throw new DataError('places.json', item, 'id', 'duplicate place id');
      byId.set(place.id, place);
      if (place.kind === 'sea') {
        // A sea, a strait, a bay: no country (the schema says so, and asks for its coordinates).
        checkSea(place, item, world);
      } else {
        resolvePlaceCountries(place, item);
        if (place.coordinates) checkInCountry(place, item, world, countries.get(place.country!)!);
        else if (place.kind !== 'country') {
          throw new DataError(
            'places.json',
            item,
            'coordinates',
            `a ${place.kind} needs coordinates (only a country may leave them out, to be drawn at its name)`,
          );
        }
      }
      sound.push(place);
    });
  return { byId, sound };
}

/** The region a story without one is framed in: its places' points and their countries' land. */
function framedRegion(places: readonly Place[]): Region | null {
  const countries = worldById();
  const points = places.flatMap((p) => (p.coordinates ? [p.coordinates] : []));
  const named = places.flatMap((p) =>
    p.kind === 'country' ? [p.country!] : p.kind === 'region' ? (p.countries ?? [p.country!]) : [],
  );
  return deriveRegion(
    points,
    named.map((id) => countries.get(id)!),
  );
}

const REGION_FIX = 'or leave "region" out of story.json and the build frames the places itself';

/** A region story.json gives: each box the right way round, and the panning inside the geography. */
function checkRegion(region: Region): void {
  const problems: DataError[] = [];
  for (const field of ['bounds', 'maxBounds', 'overview'] as const) {
    const [w, s, e, n] = region[field];
    if (w >= e || s >= n) {
      problems.push(
        new DataError(
          'story.json',
          null,
          `region.${field}`,
          `${boxText(region[field])} is not [west, south, east, north]: west must be less than east and south less than north`,
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
  if (problems.length) throw new StoryErrors(problems);
}

/** A place the explicit region leaves out: outside its bounds (no geography), or its panning. */
function leftOut(region: Region, place: Place, at: LonLat, what: string): DataError | null {
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

/**
 * Gives each country drawn at its name the point where the geography writes it, and checks that
 * an explicit region keeps every place in: the geography's bounds and the reader's panning.
 */
function placeInRegion(
  places: readonly Place[],
  geography: RegionTopology,
  region: Region,
  explicit: boolean,
  problems: DataError[],
): void {
  const labels = new Map<string, LonLat | null>();
  for (const geometry of geography.objects.countries.geometries) {
    labels.set(String(geometry.id), (geometry.properties as CountryProperties | null)?.label ?? null);
  }
  for (const place of places)
    collect(problems, () => {
      const item = `place "${place.id}"`;
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
      const atName = !place.coordinates;
      if (atName) {
        // A country is drawn at its name: where the geography writes it, unless the data says where.
        const label = labels.get(place.country!);
        if (!label) {
          throw new DataError(
            'places.json',
            item,
            'coordinates',
            `the geography has no point to write ${place.name}'s name at (too small at this scale): give coordinates`,
          );
        }
        place.coordinates = label;
      }
      if (!explicit) return;
      const what = atName ? 'its name written at' : 'at';
      const problem = leftOut(region, place, place.coordinates, what);
      if (problem) throw problem;
    });
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
  const passage = text.slice(folded.at[best.start], folded.at[best.end]).trim();
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
      const shapeProblem = actShapeProblem(actOf(claim), claim.shape);
      if (shapeProblem) throw new DataError('claims.json', item, 'act', shapeProblem);
      if (claim.shape === 'arrows') {
        const from = places.get(claim.origin)!.coordinates;
        claim.destinations.forEach((id, j) => {
          const to = places.get(id)!.coordinates;
          // A place with a problem of its own may have no point: its problem is reported.
          if (from && to && from[0] === to[0] && from[1] === to[1]) {
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
        act: actOf(claim),
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
export function prepareStory(files: StoryFiles, options: PrepareOptions = {}): Story {
  const problems: DataError[] = [];
  const ajv = compiler(files, options.validators);
  const meta = collect(problems, () => {
    const meta = validate<StoryJson>(ajv, files, 'story.json', 'story.schema.json', 'kinds', 'kind');
    checkDeclaredKinds('story.json', meta.kinds ?? []);
    if (meta.region) checkRegion(meta.region);
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
  const places = collect(
    problems,
    () => validate<{ places: Place[] }>(ajv, files, 'places.json', 'places.schema.json', 'places', 'place').places,
  );
  const checked = places ? checkPlaces(places, problems) : undefined;
  const placesById = checked?.byId;
  // The region story.json gives, or the places framed; then the geography cut for it.
  const explicit = meta?.region;
  const region =
    meta && checked && (explicit || checked.sound.length === places!.length)
      ? (explicit ?? framedRegion(checked.sound))
      : null;
  const geography = region ? (options.geography ?? ((bounds) => makeGeography(bounds).topology))(region.bounds) : null;
  if (geography && checked) placeInRegion(checked.sound, geography, region!, !!explicit, problems);
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
  if (problems.length || !meta || !kinds || !places || !placesById || !region || !geography) {
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
  const prepared: StoryMeta = { ...meta, region };
  return {
    meta: prepared,
    kinds,
    article,
    claims,
    places,
    flows,
    geography,
    basemap: prepareBasemap(geography, prepared),
  };
}

/**
 * The region and geography of a story folder's data, for `npm run geo`: the region story.json
 * gives, or its places framed. Throws `StoryErrors` when story.json or places.json cannot say.
 */
export function storyRegion(
  files: Pick<StoryFiles, 'story.json' | 'story.schema.json' | 'places.json' | 'places.schema.json'>,
  { validators }: Pick<PrepareOptions, 'validators'> = {},
): {
  region: Region;
  explicit: boolean;
} {
  const problems: DataError[] = [];
  const all = files as StoryFiles;
  const ajv = compiler(all, validators);
  const meta = collect(problems, () =>
    validate<StoryJson>(ajv, all, 'story.json', 'story.schema.json', 'kinds', 'kind'),
  );
  if (meta?.region) return { region: meta.region, explicit: true };
  const places = collect(
    problems,
    () => validate<{ places: Place[] }>(ajv, all, 'places.json', 'places.schema.json', 'places', 'place').places,
  );
  const checked = places ? checkPlaces(places, problems) : undefined;
  const region = checked && !problems.length ? framedRegion(checked.sound) : null;
  if (!region) throw new StoryErrors(problems);
  return { region, explicit: false };
}
