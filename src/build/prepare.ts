/**
 * Turns a story's data files into the prepared `Story` the app ships, or fails with a
 * `DataError` that names the file, the claim (or place) and the field.
 *
 * Build-time only: it pulls in Ajv, d3-geo's point-in-polygon test and the basemap's
 * simplification (`basemap.ts`), which readers never download. The Vite plugin (`plugin.ts`)
 * calls it; so do the unit tests.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildFlows, FlowError } from '../flows/geometry.ts';
import { prepareBasemap } from './basemap.ts';
import { anchorQuote, parseArticle } from '../story/text.ts';
import type { Claim, Place, RegionTopology, ResolvedClaim, Story, StoryMeta } from '../story/types.ts';

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
];

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

/** "line 3, column 7" for a character offset, for error messages a person can act on. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function parseJson(files: StoryFiles, name: StoryFileName): unknown {
  try {
    return JSON.parse(files[name]);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(files[name], Number(position[1]))}` : '';
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
  // Report the most specific error: `if/then` wrappers say less than the failure inside them.
  const errors = (check.errors ?? []).filter((e) => e.keyword !== 'if');
  const error = errors[0] ?? check.errors![0]!;
  const { index, field } = locate(error.instancePath, collection);
  let item: string | null = null;
  if (index !== null) {
    const entry = ((data as Record<string, unknown[]>)[collection] ?? [])[index] as { id?: unknown } | undefined;
    item = typeof entry?.id === 'string' ? `${noun} "${entry.id}"` : `${noun} #${index + 1}`;
  }
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
  const fullField = missing ? [field, missing].filter(Boolean).join('.') : field;
  throw new DataError(file, item, fullField || null, missing ? 'is required' : describe(error));
}

function countryShapes(geography: RegionTopology): Map<string, Feature<Polygon | MultiPolygon>> {
  const shapes = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const geometry of geography.objects.countries.geometries) {
    shapes.set(String(geometry.id), feature(geography, geometry) as Feature<Polygon | MultiPolygon>);
  }
  return shapes;
}

function checkPlaces(places: Place[], geography: RegionTopology): Map<string, Place> {
  const shapes = countryShapes(geography);
  const byId = new Map<string, Place>();
  for (const place of places) {
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
    if (!geoContains(shape, place.coordinates)) {
      const name = (shape.properties as { name?: string } | null)?.name ?? place.country;
      throw new DataError(
        'places.json',
        item,
        'coordinates',
        `[${place.coordinates.join(', ')}] is not inside ${name} (${place.country}), the place's country`,
      );
    }
  }
  return byId;
}

function resolveClaims(
  claims: Claim[],
  article: ReturnType<typeof parseArticle>,
  places: Map<string, Place>,
): ResolvedClaim[] {
  const seen = new Set<string>();
  return claims.map((claim, i) => {
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
    const anchor = anchorQuote(article, claim.selector);
    if (!anchor.ok) {
      const problem =
        anchor.reason === 'ambiguous'
          ? `quote found ${anchor.count} times in article.txt; add a prefix or suffix: "${claim.selector.exact}"`
          : `quote not found in article.txt: "${claim.selector.exact}"`;
      throw new DataError('claims.json', item, 'selector.exact', problem);
    }
    return {
      ...claim,
      number: i + 1,
      sentenceId: anchor.sentence.id,
      paragraph: anchor.sentence.paragraph,
      sentence: anchor.sentence.index,
      quote: anchor.sentence.text,
      exactRange: anchor.range,
    };
  });
}

/** Validates and prepares a story. Throws `DataError` on the first problem found. */
export function prepareStory(files: StoryFiles): Story {
  const ajv = new Ajv({ allErrors: false, strict: true });
  const meta = validate<StoryMeta>(ajv, files, 'story.json', 'story.schema.json', '', 'story');
  const article = parseArticle(files['article.txt']);
  if (!article.title) throw new DataError('article.txt', null, null, 'the article is empty');
  if (article.paragraphs.length === 0) {
    throw new DataError('article.txt', null, null, 'the article has a title but no paragraphs (one paragraph a line)');
  }
  const geography = parseJson(files, 'region.topo.json') as RegionTopology;
  if (geography?.type !== 'Topology' || !geography.objects?.countries) {
    throw new DataError('region.topo.json', null, 'objects.countries', 'not a region topology (run npm run geo)');
  }
  const { places } = validate<{ places: Place[] }>(ajv, files, 'places.json', 'places.schema.json', 'places', 'place');
  const placesById = checkPlaces(places, geography);
  const { claims: rawClaims } = validate<{ claims: Claim[] }>(
    ajv,
    files,
    'claims.json',
    'claims.schema.json',
    'claims',
    'claim',
  );
  const claims = resolveClaims(rawClaims, article, placesById);
  let flows;
  try {
    flows = buildFlows(claims, placesById, geography);
  } catch (error) {
    if (error instanceof FlowError) {
      throw new DataError('claims.json', `claim "${error.claimId}"`, error.field, error.message);
    }
    throw error;
  }
  return { meta, article, claims, places, flows, geography, basemap: prepareBasemap(geography, meta) };
}
