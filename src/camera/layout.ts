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
 * This module is the entry other folders import; where each decision lives:
 * - `layout-types.ts`: what a layout is (the types renderers read);
 * - `layout-source.ts`: what layouts are computed from, once per story (`layoutSource`);
 * - `layout-cache.ts`: the layouts kept per view (`layoutFor`, `keepLayout`, `hasLayout`);
 * - `layout-steps.ts`: a layout as a list of steps (`computeLayout`), on one sheet
 *   (`layout-sheet.ts`: the view's pixels and what is on the map so far);
 * - `layout-names.ts`: which names are written and where, badges and markers;
 * - `layout-arrows.ts`: where arrows run (lanes, bends, pickability, where lines stop under heads);
 * - `layout-fan.ts`: where arrows' ends sit round a place (fan-out), and heads kept clear;
 * - `layout-parts.ts`: the working parts (nodes, arrows, ends) and their geometry;
 * - `layout-edges.ts`: edge labels for places off the map;
 * - `plane.ts`: plane geometry (vectors, rectangles, cubic curves, clipping, triangles).
 */
export type { LaidArrow, LaidClaim, LaidEdge, LaidName, LaidSymbol, Layout, NameStyle, World } from './layout-types.ts';
export { layoutSource, type LayoutSource, type LayoutStory } from './layout-source.ts';
export { hasLayout, keepLayout, layoutFor } from './layout-cache.ts';
export { worldToPixel } from './layout-sheet.ts';
