/**
 * A story file checked against its JSON Schema, each failure said as a data author reads it: the
 * file, the claim or place by its id (`claim "border-clash"`, else `claim #3`), the field, and
 * what to write. Reports the items at fault, so the other checks go on with the rest.
 */
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { parseJson, type StoryFileName, type StoryFiles } from './files.ts';
import { DataError } from './problems.ts';

/** How Ajv reads the schemas, here and where they are compiled ahead (`build/validators.ts`). */
export const AJV_OPTIONS = { allErrors: true, strict: true } satisfies Options;

/**
 * The schemas' validators compiled ahead of time, by schema file: a page whose Content Security
 * Policy forbids `eval` (the studio's) cannot let Ajv compile them.
 */
export type Validators = Partial<Record<StoryFileName, ValidateFunction>>;

export type Compile = (schemaFile: StoryFileName) => ValidateFunction;

/** The validator of a schema file: compiled ahead if given, else by Ajv (made on first need). */
export function compiler(files: Partial<StoryFiles>, validators: Validators = {}): Compile {
  let ajv: Ajv | undefined;
  return (schemaFile) =>
    validators[schemaFile] ?? (ajv ??= new Ajv(AJV_OPTIONS)).compile(parseJson(files, schemaFile) as object);
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

/** An item of a collection, as the schema's failure found it. */
export type Entry = Record<string, unknown>;

/** What to write, after Ajv's words, for the failures whose fix they do not say. */
function fix(error: ErrorObject, field: string, schemaFile: StoryFileName): string {
  if (error.keyword === 'additionalProperties') return `: leave it out or check its spelling (see ${schemaFile})`;
  if (error.keyword === 'pattern' && field === 'id')
    return ': write lower-case letters and digits, words joined by hyphens';
  if (/^(minimum|maximum)$/.test(error.keyword) && field.startsWith('coordinates[')) {
    return ' (coordinates are [longitude, latitude]: longitude from -180 to 180, latitude from -85 to 85)';
  }
  return '';
}

function describe(error: ErrorObject, entry: Entry | undefined): string {
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
 * What a file's own check says of a missing field instead of "is required" (what to write, from
 * the item's other fields), or undefined to say just that.
 */
export type RequiredHint = (entry: Entry, field: string) => string | undefined;

/** A file checked against its schema. */
export interface Validated<T> {
  /** The file's data, if it meets its schema. */
  data?: T;
  /** The items of its collection, whatever the schema says of them (none if the file has no list). */
  entries: readonly unknown[];
  /** The positions in `entries` of the items with a problem of their own: the others meet the schema. */
  faulty: ReadonlySet<number>;
  problems: DataError[];
}

/**
 * Validates `files[file]` against the story's schema for it, naming an item of `collection` by
 * its id where it has one (`claim "border-clash"`), else by its position (`claim #3`).
 */
export function validate<T>(
  compile: Compile,
  files: Partial<StoryFiles>,
  file: StoryFileName,
  schemaFile: StoryFileName,
  collection: string,
  noun: string,
  hint?: RequiredHint,
): Validated<T> {
  let data: unknown;
  try {
    data = parseJson(files, file);
  } catch (error) {
    return { entries: [], faulty: new Set(), problems: [error as DataError] };
  }
  const list = (data as Record<string, unknown> | null)?.[collection];
  const entries: readonly unknown[] = Array.isArray(list) ? list : [];
  const check = compile(schemaFile);
  if (check(data)) return { data: data as T, entries, faulty: new Set(), problems: [] };
  // Report the most specific errors: `if/then` wrappers say less than the failures inside them.
  const errors = (check.errors ?? []).filter((e) => e.keyword !== 'if');
  const problems = new Map<string, DataError>();
  const faulty = new Set<number>();
  for (const error of errors.length ? errors : check.errors!) {
    const { index, field } = locate(error.instancePath, collection);
    let item: string | null = null;
    let entry: Entry | undefined;
    if (index !== null) {
      faulty.add(index);
      entry = entries[index] as Entry | undefined;
      item = typeof entry?.id === 'string' ? `${noun} "${entry.id}"` : `${noun} #${index + 1}`;
    }
    const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
    const fullField = missing ? [field, missing].filter(Boolean).join('.') : field;
    const hinted = missing && entry && !field ? hint?.(entry, missing) : undefined;
    const said = missing ? (hinted ?? 'is required') : describe(error, entry) + fix(error, field, schemaFile);
    const problem = new DataError(file, item, fullField || null, said, `schema:${error.keyword}`);
    problems.set(problem.message, problem);
  }
  return { entries, faulty, problems: [...problems.values()] };
}
