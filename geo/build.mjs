// `npm run geo [storyDir]`: writes <storyDir>/region.topo.json (and its key, region.topo.key) from
// world-atlas (Natural Earth 1:50m) for the region story.json gives, or its places framed. The
// build does the same by itself when the file is missing or stale; this remakes it whatever its
// key says. Vite's module runner loads the TypeScript modules.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const storyDir = resolve(process.argv[2] ?? 'data');
const { module: plugin } = await runnerImport(resolve(import.meta.dirname, '../src/build/plugin.ts'), {
  configFile: false,
});
try {
  const { topology, path, bytes, region, explicit } = plugin.writeStoryGeography(storyDir);
  const source = explicit ? 'region.bounds in story.json' : 'the places framed (story.json gives no region)';
  console.log(
    `${path}: ${topology.objects.countries.geometries.length} countries, ${(bytes / 1024).toFixed(1)} kB, for ${source}: [${region.bounds.join(', ')}]`,
  );
} catch (error) {
  if (!error?.lines) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
