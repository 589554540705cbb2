// `npm run geo [storyDir]`: writes <storyDir>/region.topo.json from world-atlas (Natural Earth 1:50m)
// and <storyDir>/story.json's region.bounds. Vite's module runner loads the TypeScript modules.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const storyDir = resolve(process.argv[2] ?? 'data');
const require = createRequire(import.meta.url);
const { module: region } = await runnerImport(resolve(import.meta.dirname, 'region.ts'), { configFile: false });
const meta = JSON.parse(await readFile(resolve(storyDir, 'story.json'), 'utf8'));
const world = require('world-atlas/countries-50m.json');
const topo = region.buildRegion(world, meta.region.bounds);
const out = resolve(storyDir, 'region.topo.json');
const text = `${JSON.stringify(topo)}\n`;
await writeFile(out, text);
console.log(`${out}: ${topo.objects.countries.geometries.length} countries, ${(text.length / 1024).toFixed(1)} kB`);
