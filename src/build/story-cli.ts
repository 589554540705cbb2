/**
 * The story commands (`src/build/story.mjs` runs them):
 * - `npm run story:new <dir>` writes a story folder to fill (`new-story.ts`);
 * - `npm run story:check [dir]` checks a story folder (`data/` by default, or `$STORY`) as the
 *   build does, without building, and prints every problem, one line each.
 * Each returns the exit code: 0, or 1 with what to do on standard error.
 */
import { join, relative, resolve } from 'node:path';
import { loadStory } from './plugin.ts';
import { BadStoryData } from './report.ts';
import { NewStoryError, newStory } from './new-story.ts';
import { defaultOutDir } from './output.ts';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const STDIO: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function storyCheck(dir: string, io: Io = STDIO): number {
  try {
    // A check writes nothing: a missing or stale geography is made in memory.
    let warned = 0;
    const story = loadStory(dir, {
      write: false,
      onWarnings: (report, warnings) => {
        warned = warnings.length;
        io.err(report);
      },
    });
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const warnings = warned ? `, ${count(warned, 'warning')} above` : '';
    io.out(
      `${dir}: no problems (${count(story.claims.length, 'claim')}, ${count(story.places.length, 'place')}${warnings})`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BadStoryData)) throw error;
    io.err(error.message);
    return 1;
  }
}

export function storyNew(dir: string | undefined, io: Io = STDIO): number {
  if (!dir) {
    io.err('Usage: npm run story:new <folder>   (a new folder for the story, e.g. ../my-story)');
    return 1;
  }
  let files: string[];
  try {
    files = newStory(dir);
  } catch (error) {
    if (!(error instanceof NewStoryError)) throw error;
    io.err(error.message);
    return 1;
  }
  const out = join(dir, relative(resolve(dir), defaultOutDir(dir)));
  const quoted = /^[\w./-]+$/.test(dir) ? dir : JSON.stringify(dir);
  io.out(`Wrote ${dir}: ${files.join(', ')}. It builds as it is, with one example claim.`);
  io.out('');
  io.out('Next (README.md there, and the engine README\'s "Map your own article", say more):');
  io.out(
    `  1. Paste the article into ${join(dir, 'article.txt')}: the headline on the first line, one paragraph a line.`,
  );
  io.out(`  2. Fill in ${join(dir, 'story.json')}, places.json and claims.json, in that order.`);
  io.out(`  3. npm run story:check ${quoted}`);
  io.out(`  4. STORY=${quoted} npm run build       (the site goes to ${out}/)`);
  io.out('  5. npm run preview                  (serves the last site built)');
  return 0;
}

/** `story.mjs <check|new> [dir]`. */
export function main(args: readonly string[]): number {
  const [command, dir] = args;
  if (command === 'new') return storyNew(dir);
  if (command === 'check') return storyCheck(dir ?? process.env.STORY ?? 'data');
  STDIO.err(`Unknown story command "${command ?? ''}": use new or check.`);
  return 1;
}
