/** The files of a story, as the checks read them, and JSON read with its line and column at fault. */
import { DataError } from './problems.ts';

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

/** Files the engine provides for every story: a story folder may carry its own schemas, not these. */
export const ENGINE_FILES: StoryFileName[] = ['kinds.json'];

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
