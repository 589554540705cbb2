/**
 * The house's import rules, checked by `npm run lint` (dependency-cruiser).
 *
 * Folders of src/ form layers, from story data to geometry to symbology, layout and camera, to the two
 * renderers, to state, UI and shells; a folder imports only from layers before it, so no two
 * folders can import each other. Build-time code (src/build/) is imported by nothing in the
 * browser bundle, and the two renderers (static/, map/) never import each other. The story's
 * checks (src/prepare/, browser-safe) are run by the build and by the studio (src/studio/, its own
 * page) and loaded by no reader's page.
 */
const LAYERS = [
  ['story'], // the data model: types, kinds, text, places
  ['flows'], // flow geometry (pure GeoJSON)
  ['symbology'], // each kind's look per state, palettes
  // Where arrows, fans, names, badges and edge labels go for a view, in one entry (index.ts). It
  // works in a view's pixels and Web Mercator world units, so what a view is (`View`, `Size`,
  // `TILE_SIZE`, world units to pixels) is the layout's (`layout/world.ts`), re-exported by the
  // camera: the layout needs no decision of the camera's, and the camera's framing measures names
  // with the layout's one text estimate.
  ['layout'],
  ['camera'], // the view shown: fitting, framing, projection, how far names reach: shared by both renderers
  ['prepare'], // a story's files validated and prepared: run by the build and, in the browser, by the studio
  ['static', 'map'], // the SVG renderer and the MapLibre owner: side by side, never importing each other
  ['state'], // one state, one URL schema, the classroom's controller
  ['start'], // how the page starts: when the app and MapLibre start, the inline loader
  ['embed'], // the embed's messages and snippet
  ['ui'], // components
  ['modes'], // the shells
  ['studio'], // the authoring page (author.html): its own entry, imported by no other page
  ['build'], // Vite plugins, prerender, posters to PNG: build time only
];

const below = (i) => LAYERS.slice(0, i).flat();
const forbidden = [];
LAYERS.forEach((layer, i) => {
  for (const folder of layer) {
    const allowed = [folder, ...below(i)];
    forbidden.push({
      name: `layers-${folder}`,
      comment: `src/${folder}/ may import only from ${allowed.map((f) => `src/${f}/`).join(', ')} (see .ci/dependency-cruiser.cjs)`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: '^src/[^/]+/', pathNot: `^src/(${allowed.join('|')})/` },
    });
  }
});
forbidden.push(
  {
    name: 'layout-one-entry',
    comment: 'Other folders import the layout only through its entry, src/layout/index.ts',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/layout/' },
    to: { path: '^src/layout/', pathNot: '^src/layout/index\\.ts$' },
  },
  {
    name: 'no-build-in-browser',
    comment: 'src/build/ runs at build time: the browser bundle (main.ts and what it imports) never imports it',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/build/' },
    to: { path: '^src/build/' },
  },
  {
    name: 'no-checks-in-reader',
    comment:
      "The reader, classroom and embed pages never load the story's checks (Ajv, the world's countries): only the build and the studio do",
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/(prepare|studio|build)/' },
    to: { path: '^src/prepare/' },
  },
  {
    name: 'no-node-in-browser',
    comment: 'Node built-ins only in build-time code',
    severity: 'error',
    from: { path: '^src/', pathNot: '^src/build/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'no-circular',
    comment: 'No import cycles between modules either',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
);

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
