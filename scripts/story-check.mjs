// `npm run story:check [storyDir]`: checks a story folder (`data/` by default) as the build does,
// without building, and prints every problem, one line each. Exits 1 if there is any.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const dir = process.argv[2] ?? process.env.STORY ?? 'data';
const { module: plugin } = await runnerImport(resolve(import.meta.dirname, '../src/build/plugin.ts'), {
  configFile: false,
});
const { module: report } = await runnerImport(resolve(import.meta.dirname, '../src/build/report.ts'), {
  configFile: false,
});
try {
  // A check writes nothing: a missing or stale geography is made in memory.
  const story = plugin.loadStory(dir, { write: false });
  console.log(`${dir}: no problems (${story.claims.length} claims, ${story.places.length} places)`);
} catch (error) {
  if (!(error instanceof report.BadStoryData) && !error?.lines) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
