/**
 * The story being made in the studio: the four files a journalist writes (article, claims,
 * places, story.json), held as data, written out as the build reads them, and checked by the
 * build's own checks (`prepareStory`) with the engine's files (schemas, kinds), the geography
 * made in memory for the region the draft gives or its places frame.
 */
import { blankStoryJson } from '../prepare/blank.ts';
import { prepareBasemap } from '../prepare/basemap.ts';
import { makeGeography } from '../prepare/geography.ts';
import {
  checkStory,
  DataError,
  parseJson,
  StoryErrors,
  storyRegion,
  type StoryFiles,
  type Validators,
} from '../prepare/prepare.ts';
import type { Claim, LonLat, Place, Story, StoryJson } from '../story/types.ts';
import { originsOf } from '../story/places.ts';

/** The files of a story folder a journalist writes, in the order a zip lists them. */
export const DRAFT_FILES = ['article.txt', 'claims.json', 'places.json', 'story.json'] as const;
export type DraftFileName = (typeof DRAFT_FILES)[number];
export type DraftFiles = Record<DraftFileName, string>;

/** What the engine brings to every story: the schemas and the vocabulary of kinds. */
export type EngineFiles = Omit<StoryFiles, DraftFileName>;

/** A place as `places.json` has it: a country may leave out its coordinates (drawn at its name). */
export type DraftPlace = Omit<Place, 'coordinates'> & { coordinates?: LonLat };

export interface Draft {
  /** `article.txt`: the title on the first line, one paragraph a line. */
  article: string;
  claims: Claim[];
  places: DraftPlace[];
  /** story.json: its region is optional (the build frames the places). */
  meta: StoryJson;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The draft as the four files of a story folder, written as the build reads them. */
export function draftFiles(draft: Draft): DraftFiles {
  return {
    'article.txt': draft.article.endsWith('\n') ? draft.article : `${draft.article}\n`,
    'claims.json': json({ $schema: './claims.schema.json', claims: draft.claims }),
    'places.json': json({ $schema: './places.schema.json', places: draft.places }),
    'story.json': json({ $schema: './story.schema.json', ...draft.meta }),
  };
}

/** The problems a `prepareStory` error carries, or the error itself rethrown. */
function problemsOf(error: unknown): DataError[] {
  if (error instanceof StoryErrors) return error.errors;
  if (error instanceof DataError) return [error];
  throw error;
}

/**
 * The draft the four files hold, or the problems that keep them from being read as one (JSON
 * that does not parse, named by file, line and column; files of the wrong shape).
 */
export function readDraft(files: DraftFiles): { draft: Draft } | { problems: DataError[] } {
  const problems: DataError[] = [];
  const read = <T>(name: DraftFileName, field: string): T | undefined => {
    try {
      const value = (parseJson(files, name) ?? {}) as Record<string, unknown>;
      if (field && !Array.isArray(value[field])) {
        throw new DataError(
          name,
          null,
          field,
          `must be a list of ${field} (see ${name.replace('.json', '.schema.json')})`,
          'file:shape',
        );
      }
      return (field ? value[field] : value) as T;
    } catch (error) {
      problems.push(...problemsOf(error));
      return undefined;
    }
  };
  const claims = read<Claim[]>('claims.json', 'claims');
  const places = read<DraftPlace[]>('places.json', 'places');
  const meta = read<StoryJson & { $schema?: string }>('story.json', '');
  if (meta && (typeof meta !== 'object' || Array.isArray(meta))) {
    problems.push(new DataError('story.json', null, null, 'must be an object (see story.schema.json)', 'file:shape'));
  }
  if (problems.length || !claims || !places || !meta) return { problems };
  const { $schema: _schema, ...rest } = meta;
  return { draft: { article: files['article.txt'].replace(/\r\n/g, '\n').trimEnd(), claims, places, meta: rest } };
}

/**
 * The build's verdict on a draft: the prepared story (for the preview) and its warnings (the
 * build prints them: `prepare/honesty.ts`), or every problem.
 */
export function checkDraft(
  draft: Draft,
  engine: EngineFiles,
  validators?: Validators,
): { story: Story | null; problems: DataError[]; warnings: DataError[] } {
  try {
    return { ...checkStory({ ...engine, ...draftFiles(draft) }, { validators }), problems: [] };
  } catch (error) {
    return { story: null, problems: problemsOf(error), warnings: [] };
  }
}

/** A problem as the studio shows it: a `DataError`'s fields, plain (it crosses from the checking worker). */
export type Problem = Pick<DataError, 'file' | 'item' | 'field' | 'problem' | 'message'> &
  Partial<Pick<DataError, 'code'>>;

/** The `item` a problem names for a claim, and for a place. */
export const claimItem = (claim: Pick<Claim, 'id'>) => `claim "${claim.id}"`;
export const placeItem = (place: Pick<DraftPlace, 'id'>) => `place "${place.id}"`;

/** The field a problem names, up to its first dot or bracket: `destinations[0]` is `destinations`. */
const fieldRoot = (field: string | null) => field?.split(/[.[]/)[0] ?? null;

/** The problems of `file` about `item` (null: the file as a whole) and its `field`. */
export function problemsAt(problems: readonly Problem[], file: string, item: string | null, field: string): Problem[] {
  return problems.filter((p) => p.file === file && p.item === item && fieldRoot(p.field) === field);
}

/**
 * What the studio shows of a draft: its problems, and the story to preview: the draft's, or, when
 * it has problems, the draft without the claims and places at fault (`partial`), or, with no
 * claim ready, its region alone; none while nothing places the story (no region, no place).
 */
export interface Verdict {
  problems: Problem[];
  /** What the build warns of (a story with problems has none yet): it still builds. */
  warnings: Problem[];
  story: Story | null;
  partial: boolean;
}

/** The region the draft gives, or its `places` frame, with no claim on it; null if there is none. */
function regionOnly(
  draft: Draft,
  places: readonly DraftPlace[],
  engine: EngineFiles,
  validators?: Validators,
): Story | null {
  try {
    const files = { ...engine, ...draftFiles({ ...draft, places: [...places] }) };
    const { region } = storyRegion(files, { validators });
    const geography = makeGeography(region.bounds).topology;
    const meta = { ...draft.meta, region };
    return {
      meta,
      kinds: [],
      article: { title: '', paragraphs: [] },
      claims: [],
      places: [],
      flows: { type: 'FeatureCollection', features: [] },
      geography,
      basemap: prepareBasemap(geography, meta),
    };
  } catch (error) {
    problemsOf(error);
    return null;
  }
}

/** The verdict on `draft`; `validators`, the schemas compiled ahead (the studio's page allows no eval). */
export function verdictOf(draft: Draft, engine: EngineFiles, validators?: Validators): Verdict {
  const checked = checkDraft(draft, engine, validators);
  const plain = ({ file, item, field, problem, message, code }: DataError): Problem => ({
    file,
    item,
    field,
    problem,
    message,
    code,
  });
  const problems = checked.problems.map(plain);
  if (checked.story) return { problems, warnings: checked.warnings.map(plain), story: checked.story, partial: false };
  const faulty = new Set(problems.map((p) => p.item));
  const places = draft.places.filter((p) => !faulty.has(placeItem(p)));
  const claims = draft.claims.filter(
    (c) =>
      !faulty.has(claimItem(c)) && [...originsOf(c), ...c.destinations].every((id) => places.some((p) => p.id === id)),
  );
  const story =
    (claims.length ? checkDraft({ ...draft, claims, places }, engine, validators).story : null) ??
    regionOnly(draft, places, engine, validators);
  return { problems, warnings: [], story, partial: true };
}

/** A draft to start from pasted text: story.json as a new story's (`blankStoryJson`), no region. */
export function draftFromText(text: string): Draft {
  return { article: text.replace(/\r\n/g, '\n').trim(), claims: [], places: [], meta: blankStoryJson() };
}

/** The longest slug is cut to this many characters, at the end of a word. */
const SLUG_LENGTH = 48;

/**
 * An id for `name` in the form the schemas ask (`lower-case-words`), unlike any of `taken`: whole
 * words, as many as fit in `SLUG_LENGTH` characters (a first word longer than that is cut).
 */
export function slugId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const words = name
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let base = words[0]?.slice(0, SLUG_LENGTH) ?? 'item';
  for (const word of words.slice(1)) {
    if (base.length + 1 + word.length > SLUG_LENGTH) break;
    base = `${base}-${word}`;
  }
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}
