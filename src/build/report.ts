/**
 * Bad story data as a person reads it: every problem of a story at once, one line each (the
 * file's path, the claim or place, the field, what is wrong and how to fix it), and no stack
 * trace, since the lines already say where in the data to look.
 */
import { relative, resolve } from 'node:path';
import { DataError, StoryErrors } from '../prepare/prepare.ts';
import { DRAFT_NOTE } from '../studio/download.ts';

/** The problems an error from `prepareStory` carries, or null for any other error. */
export function problemsOf(error: unknown): DataError[] | null {
  if (error instanceof StoryErrors) return error.errors;
  if (error instanceof DataError) return [error];
  return null;
}

/** One line per problem, each starting with the path of its file as typed from the working folder. */
export function problemLines(dir: string, problems: readonly DataError[]): string[] {
  return problems.map((problem) => {
    const where = relative(process.cwd(), resolve(dir, problem.file)) || problem.file;
    return `${where}${problem.message.slice(problem.file.length)}`;
  });
}

/** Its count, said: "one warning", "3 warnings". */
const counted = (n: number, noun: string) => (n === 1 ? `one ${noun}` : `${n} ${noun}s`);

/**
 * What the build and `npm run story:check` print for a story's warnings (`prepare/honesty.ts`):
 * one line each, as problems are, under a heading that says the story still builds.
 */
export function warningReport(dir: string, warnings: readonly DataError[]): string {
  const lines = problemLines(dir, warnings).map((line) => `  ${line}`);
  return `Story data warnings (${counted(warnings.length, 'warning')}; the story builds):\n${lines.join('\n')}`;
}

/** What the build and `npm run story:check` print for a story with problems. */
export class BadStoryData extends Error {
  readonly lines: string[];
  constructor(dir: string, problems: readonly DataError[]) {
    const lines = problemLines(dir, problems);
    super(`Bad story data (${counted(problems.length, 'problem')}):\n${lines.map((line) => `  ${line}`).join('\n')}`, {
      cause: new StoryErrors([...problems]),
    });
    this.name = 'BadStoryData';
    this.lines = lines;
    // The lines say where in the data; where in the engine it was noticed helps nobody fixing it.
    this.stack = this.message;
  }
}

/**
 * A draft the studio downloaded (its folder holds `DRAFT.txt`): refused with the note's own words,
 * the problems the studio listed, until the story is finished and downloaded again.
 */
export class DraftStory extends BadStoryData {
  constructor(dir: string, note: string) {
    super(dir, [new DataError(DRAFT_NOTE, null, null, note.trim(), 'draft')]);
    const where = relative(process.cwd(), resolve(dir)) || dir;
    this.message = `${where} is a draft, not ready to build (${DRAFT_NOTE} says so):\n\n${note.trimEnd()}`;
    this.stack = this.message;
  }
}
