/**
 * `virtual:story-validators`: the story's JSON Schemas compiled to validators at build time (Ajv's
 * standalone code), so that the studio checks drafts with the build's own schemas under a Content
 * Security Policy without `'unsafe-eval'` (Ajv otherwise compiles each schema with `new Function`).
 * The module exports `validators`, by schema file, as `prepareStory`'s `validators` option takes them.
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, type StoryFileName, type StoryFiles } from '../prepare/prepare.ts';

export const SCHEMA_FILES = [
  'claims.schema.json',
  'places.schema.json',
  'story.schema.json',
  'kinds.schema.json',
] as const satisfies StoryFileName[];

/** `claims.schema.json` to `claims`: the name each validator is exported by in the standalone code. */
const exportName = (file: string) => file.replace('.schema.json', '');

/** The ES module source of the schemas in `files`, compiled. */
export function validatorsSource(files: StoryFiles): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  // Each schema is added under its file name, as the files refer to one another.
  for (const file of SCHEMA_FILES) ajv.addSchema(JSON.parse(files[file]) as object, file);
  let code = standaloneCode(ajv, Object.fromEntries(SCHEMA_FILES.map((file) => [exportName(file), file])));
  // Ajv's standalone code requires its runtime helpers (CommonJS) even in ES module form:
  // imported instead, whichever way the bundler presents a CommonJS module's `default`.
  const imports: string[] = [];
  code = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/g, (_, path: string) => {
    const name = `runtime${imports.length}`;
    imports.push(`import * as ${name} from ${JSON.stringify(`${path}.js`)};`);
    return `cjs(${name})`;
  });
  const cjs = `const cjs = (m) => (typeof m.default === 'function' ? m : (m.default ?? m));`;
  const table = SCHEMA_FILES.map((file) => `${JSON.stringify(file)}: ${exportName(file)}`).join(', ');
  return [...imports, cjs, code, `export const validators = { ${table} };`].join('\n');
}
