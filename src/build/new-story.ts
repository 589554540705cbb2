/**
 * `npm run story:new <dir>`: a story folder a journalist can fill. It holds a placeholder
 * article with one example sentence, the example's claim and places, `story.json` with what is
 * known about the article left null and no region (the build frames the places), `$schema` links to the engine's JSON Schemas (editors that
 * read them complete and check the fields as they are typed), and a README with the steps.
 * The folder checks and builds as it is, so each step can be tried at once; see data/README.md,
 * "Map your own article, step by step".
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { SCHEMA_DIR } from './plugin.ts';
import { blankStoryJson } from '../prepare/blank.ts';

/** The files `story:new` writes, in the order a journalist fills them. */
export const NEW_STORY_FILES = ['article.txt', 'story.json', 'places.json', 'claims.json', 'README.md'] as const;

export class NewStoryError extends Error {}

/** `$schema` for a file of the story in `dir`: the engine's schema, as a path from there. */
function schemaLink(dir: string, schema: string): string {
  const path = relative(dir, resolve(SCHEMA_DIR, schema)).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const ARTICLE = `Replace this line with the article's headline
Replace this paragraph with the article's text, exactly as published: the headline on the first line, then one paragraph a line. This sentence is an example of a claim the map can draw: trucks carry goods from Madrid to Portugal. Each claim in claims.json quotes the words of the sentence that makes it.
`;

function readme(dir: string): string {
  const shown = relative(process.cwd(), dir) || '.';
  return `# A claim map story

This folder is a story for the claim map: an article and the geographic claims it makes, each
bound to its sentence. It builds as it is (one example claim); replace the example step by step,
checking as you go. The engine's data/README.md, "Map your own article, step by step", walks through each file.

1. \`article.txt\`: the article, exactly as published. The headline on the first line, then one
   paragraph a line.
2. \`story.json\`: who wrote the article, where and when it was published, its address and its
   genre ("News report", "Analysis", "Interview"...; leave null what you do not know: nothing is
   invented). \`kinds\` declares kinds of claim of your own; \`license\` the terms of the published
   data; \`region\`, optional, the map's frame (without it the map frames the places).
3. \`places.json\`: every place a claim names. A country needs only its \`country\`: an ISO 3166-1
   code ("PT", "PRT" or "620") or its English name; a city, a capital, a region or a place at sea
   (\`"kind": "sea"\`, no country) needs \`coordinates\`, \`[longitude, latitude]\`; every place a
   \`source\` for where they come from.
4. \`claims.json\`: each claim, in the order a class should step through them, with the words of
   its sentence in \`selector.exact\` (copied from the article; a quote may run across sentences).
5. Check, build and look, from the engine's folder:

       npm run story:check ${shown}
       STORY=${shown} npm run build
       npm run preview

   The check prints every problem, one line each, with how to fix it. The build writes the site
   into \`${shown}/dist/\` (or \`OUT_DIR\`), and the story's geography beside these files
   (\`region.topo.json\`, \`region.topo.key\`: keep them with the story); \`npm run preview\`
   serves the last site built. Copy that folder to any web server, under any path.

The \`$schema\` line at the top of each JSON file points to the engine's JSON Schemas: an editor
that reads them (VS Code does) completes and checks the fields as you type.
`;
}

/**
 * Writes a new story folder at `dir` and returns the files written. Refuses a folder that already
 * holds files, so no one's work is overwritten.
 */
export function newStory(dir: string): string[] {
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length) {
    throw new NewStoryError(
      `${dir} already holds files: story:new writes a new folder and overwrites nothing. Give a new folder's name.`,
    );
  }
  mkdirSync(root, { recursive: true });
  const files: Record<(typeof NEW_STORY_FILES)[number], string> = {
    'article.txt': ARTICLE,
    'story.json': json({
      $schema: schemaLink(root, 'story.schema.json'),
      ...blankStoryJson(),
    }),
    'places.json': json({
      $schema: schemaLink(root, 'places.schema.json'),
      places: [
        {
          id: 'madrid',
          name: 'Madrid',
          kind: 'capital',
          country: 'ES',
          coordinates: [-3.704, 40.417],
          source: 'Example: the city centre, from GeoNames',
          wikidata: 'Q2807',
        },
        {
          id: 'portugal',
          name: 'Portugal',
          kind: 'country',
          country: 'PT',
          source: 'Example: the article names the country, not a place in it: drawn at its name',
          wikidata: 'Q45',
        },
      ],
    }),
    'claims.json': json({
      $schema: schemaLink(root, 'claims.schema.json'),
      claims: [
        {
          id: 'example-trucks',
          kind: 'trade-smuggling',
          shape: 'arrows',
          modality: 'reported',
          actors: ['Trucks'],
          origin: 'madrid',
          destinations: ['portugal'],
          caption: 'Trucks carry goods from Madrid to Portugal',
          note: 'An example: replace it with the article’s first claim.',
          selector: { type: 'TextQuoteSelector', exact: 'trucks carry goods from Madrid to Portugal' },
        },
      ],
    }),
    'README.md': readme(root),
  };
  for (const name of NEW_STORY_FILES) writeFileSync(resolve(root, name), files[name]);
  return [...NEW_STORY_FILES];
}
