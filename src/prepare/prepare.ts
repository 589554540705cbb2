/**
 * Turns a story's data files into the prepared `Story` the app ships, or fails with every problem
 * found, each a `DataError` that names the file, the claim (or place), the field and what to write.
 *
 * The checks, one module each, every one a pure function returning what it resolved and its
 * problems: the schemas (`schema-messages.ts`), the places (`places.ts`: their countries resolved,
 * `countries.ts`, their points checked, `placing.ts`), the region (`region.ts`: story.json's, or
 * the places framed, `frame.ts`; the geography cut for it, `geography.ts`), the kinds
 * (`kinds.ts`), the claims (`claims.ts`) and their quotes (`quotes.ts`), then the flows. A file
 * that fails its schema does not stop the others: each check goes on with what can be read. The
 * honesty rule (`honesty.ts`) runs on the prepared story, and warns (`checkStory`).
 *
 * Browser-safe (no Node built-ins; the world and the country codes are JSON imports), so the
 * build and the studio run the same checks: it pulls in Ajv, the world's countries (`world.ts`)
 * and the basemap's simplification (`basemap.ts`), which readers never download. The Vite
 * plugin (`build/plugin.ts`) calls it, with the geography kept in the story's folder
 * (`build/geography.ts`); the studio's check worker (`studio/check.worker.ts`) calls it as the
 * journalist edits, the geography made in memory; so do the unit tests.
 */
import { buildFlows, FlowError } from '../flows/geometry.ts';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { minWeight, prepareBasemap } from './basemap.ts';
import { resolveClaims, type PlaceFacts } from './claims.ts';
import type { StoryFiles } from './files.ts';
import { makeGeography } from './geography.ts';
import { captionWarnings, drawingWarnings } from './honesty.ts';
import { claimKinds, declaredKindProblems } from './kinds.ts';
import { checkPlaces, missingCountry, type PlaceEntry } from './places.ts';
import { DataError, StoryErrors } from './problems.ts';
import { frameChoiceProblems, framedRegion, placeInRegion, regionProblems } from './region.ts';
import { compiler, validate, type Validated, type Validators } from './schema-messages.ts';
import { parseArticle } from '../story/text.ts';
import type { KindDeclaration } from '../story/kinds.ts';
import type {
  Bounds,
  Claim,
  Place,
  Region,
  RegionTopology,
  ResolvedClaim,
  Story,
  StoryJson,
  StoryMeta,
} from '../story/types.ts';

export { DataError, StoryErrors } from './problems.ts';
export { ENGINE_FILES, parseJson, STORY_FILES, type StoryFileName, type StoryFiles } from './files.ts';
export { AJV_OPTIONS, type Validators } from './schema-messages.ts';

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

/** A flow's problem as the other checks say theirs. */
const flowProblem = (error: FlowError) =>
  new DataError('claims.json', `claim "${error.claimId}"`, error.field, error.message);

/**
 * The claims' flows (`buildFlows`), or every claim's problem with them: the geometry stops at the
 * first, so on one each claim is drawn alone to find the others.
 */
function claimFlows(claims: ResolvedClaim[], places: Map<string, Place>, geography: RegionTopology) {
  const outlines = outlineGeography(geography);
  try {
    return buildFlows(claims, places, geography, outlines);
  } catch (error) {
    if (!(error instanceof FlowError)) throw error;
    const problems = claims.flatMap((claim) => {
      try {
        buildFlows([claim], places, geography, outlines);
        return [];
      } catch (alone) {
        if (alone instanceof FlowError) return [flowProblem(alone)];
        throw alone;
      }
    });
    throw problems.length > 1 ? new StoryErrors(problems) : flowProblem(error);
  }
}

/** The items of a validated file that meet the schema: all of them, or those with no problem of their own. */
function soundEntries<T>(checked: Validated<unknown>): T[] {
  return checked.entries.filter((_, i) => !checked.faulty.has(i)) as T[];
}

/** story.json checked (its schema, its kinds, its region): usable only with no problem. */
function checkMeta(files: StoryFiles, compile: ReturnType<typeof compiler>, problems: DataError[]) {
  const checked = validate<StoryJson>(compile, files, 'story.json', 'story.schema.json', 'kinds', 'kind');
  const found = [...checked.problems];
  if (checked.data) {
    found.push(...declaredKindProblems('story.json', checked.data.kinds ?? []));
    if (checked.data.region) found.push(...regionProblems(checked.data.region));
  }
  problems.push(...found);
  return found.length ? undefined : checked.data;
}

/** places.json checked against its schema and the world: the places that passed, and what the claims need. */
function readPlaces(files: StoryFiles, compile: ReturnType<typeof compiler>, problems: DataError[]) {
  const schema = validate<{ places: PlaceEntry[] }>(
    compile,
    files,
    'places.json',
    'places.schema.json',
    'places',
    'place',
    missingCountry,
  );
  const checked = checkPlaces(soundEntries<PlaceEntry>(schema));
  problems.push(...schema.problems, ...checked.problems);
  return {
    sound: checked.value,
    /** Whether every place passed (the region may be framed on them). */
    all: !schema.problems.length && !checked.problems.length,
    /** Whether places.json could be read as a list of places (the claims' place ids can be checked). */
    readable: !!schema.data || schema.entries.length > 0,
    entries: schema.entries,
  };
}

/** Checks a story's files: the prepared story, and the warnings the build prints (`honesty.ts`). */
export function checkStory(files: StoryFiles, options: PrepareOptions = {}): { story: Story; warnings: DataError[] } {
  const story = prepareStory(files, options);
  const warnings = [...captionWarnings(story.claims, story.places), ...drawingWarnings(story.claims)];
  // One claim's warnings together, in the story's order.
  const order = new Map(story.claims.map((c, i) => [`claim "${c.id}"`, i]));
  warnings.sort((a, b) => (order.get(a.item ?? '') ?? 0) - (order.get(b.item ?? '') ?? 0));
  return { story, warnings };
}

/**
 * Validates and prepares a story. Throws `StoryErrors` with every problem found (one alone is
 * thrown as itself): each file is checked as far as the files it depends on allow.
 */
export function prepareStory(files: StoryFiles, options: PrepareOptions = {}): Story {
  const problems: DataError[] = [];
  const compile = compiler(files, options.validators);
  const meta = checkMeta(files, compile, problems);
  const engine = validate<{ kinds: KindDeclaration[] }>(
    compile,
    files,
    'kinds.json',
    'kinds.schema.json',
    'kinds',
    'kind',
  );
  const engineProblems = [
    ...engine.problems,
    ...(engine.data ? declaredKindProblems('kinds.json', engine.data.kinds) : []),
  ];
  problems.push(...engineProblems);
  const vocabulary = engineProblems.length ? undefined : engine.data?.kinds;
  const article = parseArticle(files['article.txt']);
  if (!article.title) problems.push(new DataError('article.txt', null, null, 'the article is empty'));
  else if (article.paragraphs.length === 0) {
    problems.push(
      new DataError('article.txt', null, null, 'the article has a title but no paragraphs (one paragraph a line)'),
    );
  }
  const places = readPlaces(files, compile, problems);
  // The region story.json gives, or the places framed; then the geography cut for it.
  const explicit = meta?.region;
  if (meta)
    problems.push(
      ...frameChoiceProblems(meta.frame, new Set((places.entries as Partial<PlaceEntry>[]).map((p) => p.id!))),
    );
  const region =
    meta && (explicit || places.all)
      ? (explicit ?? framedRegion(places.sound, files['claims.json'], meta.frame))
      : null;
  const geography = region ? (options.geography ?? ((bounds) => makeGeography(bounds).topology))(region.bounds) : null;
  const placed = geography ? placeInRegion(places.sound, geography, region!, !!explicit) : null;
  problems.push(...(placed?.problems ?? []));
  // What the claims need of each place: its kind, and its point once placed.
  const facts = new Map<string, PlaceFacts>();
  for (const entry of places.entries as Partial<PlaceEntry>[]) {
    if (typeof entry?.id === 'string' && !facts.has(entry.id)) facts.set(entry.id, { kind: entry.kind });
  }
  for (const place of placed?.value ?? places.sound)
    facts.set(place.id, { kind: place.kind, coordinates: place.coordinates });
  const claimsFile = validate<{ claims: Claim[] }>(
    compile,
    files,
    'claims.json',
    'claims.schema.json',
    'claims',
    'claim',
  );
  problems.push(...claimsFile.problems);
  const kinds =
    meta && vocabulary ? claimKinds(soundEntries<Claim>(claimsFile), meta.kinds ?? [], vocabulary) : undefined;
  problems.push(...(kinds?.problems ?? []));
  const claims = resolveClaims(
    claimsFile.entries,
    claimsFile.faulty,
    article.paragraphs.length > 0 ? article : null,
    places.readable ? facts : null,
    kinds?.value ?? [],
  );
  problems.push(...claims.problems);
  if (problems.length || !meta || !kinds || !claimsFile.data || !region || !geography || !placed) {
    // One problem is thrown as itself, several together.
    throw problems.length === 1 ? problems[0]! : new StoryErrors(problems);
  }
  const flows = claimFlows(claims.value, new Map(placed.value.map((p) => [p.id, p])), geography);
  const prepared: StoryMeta = { ...meta, region };
  return {
    meta: prepared,
    kinds: kinds.value,
    article,
    claims: claims.value,
    places: placed.value,
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
  files: Pick<StoryFiles, 'story.json' | 'story.schema.json' | 'places.json' | 'places.schema.json'> &
    Partial<Pick<StoryFiles, 'claims.json'>>,
  { validators }: Pick<PrepareOptions, 'validators'> = {},
): {
  region: Region;
  explicit: boolean;
} {
  const problems: DataError[] = [];
  const all = files as StoryFiles;
  const compile = compiler(all, validators);
  const meta = validate<StoryJson>(compile, all, 'story.json', 'story.schema.json', 'kinds', 'kind');
  problems.push(...meta.problems);
  if (meta.data?.region) return { region: meta.data.region, explicit: true };
  const places = readPlaces(all, compile, problems);
  const region = !problems.length ? framedRegion(places.sound, files['claims.json'], meta.data?.frame) : null;
  if (!region) throw new StoryErrors(problems);
  return { region, explicit: false };
}
