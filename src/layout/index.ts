/**
 * The map's layout for one view: where each arrow runs, where its head sits, where badges and
 * markers go, which names are written and where, and the edge labels of places off the map. Pure
 * and cached per view: the SVG map, the symbol layer above MapLibre, MapLibre's own lines
 * (`map/style.ts` takes the arrows as GeoJSON), the posters and print all draw the same layout.
 *
 * Decided in the view's pixels, kept in Web Mercator world units (0..1): a renderer showing another
 * view (the camera in flight, MapLibre zoomed by the reader) scales and shifts it, which Mercator
 * allows exactly, until the layout for the view it settles at replaces it.
 *
 * The rules, after Jenny et al., "Design principles for origin-destination flow maps" (2018) and
 * their Flox software:
 * - A claim about a country is drawn at the country's name: arrows start and end around it, on an
 *   ellipse just outside the name (and its badges), never at a capital the article does not name.
 *   A country partly in view is named on the part in view; one out of view, where the arrow
 *   leaves the map (an edge label with a pointer towards it).
 * - Arrows sharing a place fan out radially: their ends are spread around the place, in the order
 *   of their directions, so that they stand `fanGap` apart `fanDistance` out, and heads of
 *   different claims do not stack. Arrows between the same two places take lanes.
 * - Arrows are curved, more the longer they are, bending to the right of travel; an arrow that
 *   would pass within `nodeClearance` of a place or name it does not connect bends another way.
 * - Every claim keeps a point on one of its arrows `pickClearance` from other claims' arrows: a
 *   claim without one bends one of its arrows until it has one (when there are not too many).
 * - Names: the story's places and countries first (each claim's ends, areas, borders; then the
 *   countries of the regions they name), then other countries by size where room is left, never
 *   over a symbol or an arrow.
 *
 * This module is the layout's one entry: other folders import only from it (the lint checks). A
 * story goes in once (`layoutSource`), a view and a map's size in per layout (`layoutFor`), a
 * `Layout` out. Where each decision lives:
 * - `types.ts`: what a layout is (the types renderers read); `world.ts`: views, sizes, world units;
 * - `source.ts`: what layouts are computed from, once per story (`layoutSource`);
 * - `cache.ts`: the layouts kept per view (`layoutFor`, `keepLayout`, `hasLayout`);
 * - `steps.ts`: a layout as a list of steps (`computeLayout`), on one sheet (`sheet.ts`: the
 *   view's pixels and what is on the map so far);
 * - `names.ts`: the story's names (the places arrows attach to) and their badges;
 * - `cities.ts`: cities' names and markers, then other names where room is left;
 * - `arrows.ts`: where arrows run (lanes, bends, pickability, where lines stop under heads);
 * - `fan.ts`: where arrows' ends sit round a place (fan-out), and heads kept clear;
 * - `parts.ts`: the working parts (nodes, arrows, ends) and their geometry;
 * - `edges.ts`: edge labels for places off the map;
 * - `text.ts`: how wide a name is written (the one estimate of text size);
 * - `plane.ts`: plane geometry (vectors, rectangles, cubic curves, clipping, triangles);
 * - `page.ts`: a page's layouts without blocking it (the prerendered ones, then a worker's:
 *   `worker.ts`).
 */
export type { LaidArrow, LaidClaim, LaidEdge, LaidName, LaidSymbol, Layout, NameStyle } from './types.ts';
export { TILE_SIZE, worldToPixel, type Size, type View, type World } from './world.ts';
export { layoutSource, type LayoutSource, type LayoutStory } from './source.ts';
export { hasLayout, keepLayout, layoutFor } from './cache.ts';
export { CHAR_WIDTH, fontSize, nameSize, textWidth } from './text.ts';
export {
  Layouts,
  MAX_PRERENDERED_LAYOUTS,
  notePrerendered,
  noteStoryJson,
  PRERENDERED_LAYOUTS_ID,
  prerenderedLayoutsJson,
  type LayoutAt,
} from './page.ts';
