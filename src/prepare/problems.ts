/**
 * What every check of a story returns besides what it resolved: its problems, each a `DataError`
 * that names the file, the claim or place, the field, what is wrong and what to write instead.
 */
import type { LonLat } from '../story/types.ts';

/**
 * What is wrong, and where: `file`, then the claim or place (`item`), then the `field`; `code`
 * says which rule failed, for a reader of the problem that words it its own way (the studio):
 * `schema:<keyword>` for a schema's (`schema:required`, `schema:minLength`), or the check's own.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly item: string | null,
    readonly field: string | null,
    readonly problem: string,
    readonly code: string | null = null,
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

/** What a check resolved, and the problems it found on the way. */
export interface Checked<T> {
  value: T;
  problems: DataError[];
}

/**
 * Runs `check`, adding what it throws (one problem or several) to `problems`; undefined if it
 * failed. Inside a check, throwing stops the item at fault, not the others.
 */
export function collect<T>(problems: DataError[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (error instanceof StoryErrors) problems.push(...error.errors);
    else if (error instanceof DataError) problems.push(error);
    else throw error;
    return undefined;
  }
}

/** "a, b and c" */
export const list = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? 'none');

/** "[69.17, 34.53]" */
export const pointText = (point: LonLat) => `[${point.join(', ')}]`;
