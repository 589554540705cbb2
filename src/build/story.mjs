// `npm run story:new <dir>` and `npm run story:check [dir]` (src/build/story-cli.ts): Node runs
// this file; Vite's module runner loads the TypeScript it calls, as `npm run geo` does.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

// Output piped into a command that stops reading early (`| head`) ends quietly, as other commands do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

const { module: cli } = await runnerImport(resolve(import.meta.dirname, 'story-cli.ts'), { configFile: false });
process.exitCode = cli.main(process.argv.slice(2));
