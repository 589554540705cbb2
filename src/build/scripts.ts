/**
 * Small scripts written from TypeScript modules: the page's inline loader (`start/loader.ts`)
 * and the embed snippet's resizing listener (`embed/resize.ts`) are ordinary modules under
 * src/, type-checked and linted like the rest, bundled here with what they import into one
 * minified script that runs on its own (an IIFE: no module, no import, no global left behind).
 *
 * A module imported with `?script` (`import code from './resize.ts?script'`) is that script as
 * a string: its default export, run with no arguments (`scriptPlugin`).
 */
import { build, type Plugin } from 'vite';
import type { RolldownOutput } from 'rolldown';

/** The browsers the scripts are written for: the site's own (vite.config.ts). */
const TARGET = 'es2022';
const QUERY = '?script';
const ENTRY = '\0claim-map-script-entry';

export interface Script {
  code: string;
  /** The files bundled into it (for a dev server to watch). */
  files: string[];
}

/**
 * The script that runs `file`'s default export (or the function exported as `name`) with
 * `args` (JSON: numbers, strings, lists, records), and the files it is made of.
 */
export async function bundleScript(file: string, args: readonly unknown[] = [], name = 'default'): Promise<Script> {
  const call = [
    `import { ${name} as run } from ${JSON.stringify(file)};`,
    `run(${args.map((a) => JSON.stringify(a)).join(', ')});`,
  ].join('\n');
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins: [
      {
        name: 'claim-map-script-entry',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) => (id === ENTRY ? call : null),
      },
    ],
    build: {
      write: false,
      target: TARGET,
      minify: true,
      // A module's top-level `new Set(...)` or spread list, unused by the script, is left out.
      rollupOptions: { input: ENTRY, output: { format: 'iife' }, treeshake: { manualPureFunctions: ['Set'] } },
    },
  })) as RolldownOutput;
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`scripts: ${file} bundled to nothing`);
  return { code: chunk.code.trim(), files: chunk.moduleIds.filter((id) => !id.startsWith('\0')) };
}

/** `import code from './x.ts?script'`: the module's default export, run, as a script's text. */
export function scriptPlugin(): Plugin {
  return {
    name: 'claim-map-script',
    async load(id) {
      if (!id.endsWith(QUERY)) return null;
      const { code, files } = await bundleScript(id.slice(0, -QUERY.length));
      for (const file of files) this.addWatchFile(file);
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
