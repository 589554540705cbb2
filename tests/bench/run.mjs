// `npm run bench`: runs bench.ts through Vite's module runner (Node 20 cannot strip types itself).
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const { module } = await runnerImport(resolve(import.meta.dirname, 'bench.ts'), { configFile: false });
await module.main();
