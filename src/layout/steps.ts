/**
 * A layout, step by step (the rules are in `index.ts`). Each step keeps clear of what the
 * steps before it put on the sheet, so the order is the priority: the story's names, then the
 * arrows between them, then edge labels, then cities' names and markers, then the neighbours' names, then the base map's towns.
 */
import { mapNameScale } from '../symbology/sizes.ts';
import { laidArrows, placeArrows } from './arrows.ts';
import { placeEdgeLabels } from './edges.ts';
import { placeCities, placeContextNames } from './cities.ts';
import { placeTowns } from './context.ts';
import { placeStoryNames } from './names.ts';
import { newSheet } from './sheet.ts';
import type { LayoutSource } from './source.ts';
import type { Layout } from './types.ts';
import type { Size, View } from './world.ts';

export function computeLayout(source: LayoutSource, view: View, size: Size, requested: number): Layout {
  const scale = mapNameScale(size, requested);
  const sheet = newSheet(view, size, scale);
  // 1. The names of the places the claims use (the nodes arrows attach to), their badges, and
  //    the countries of the regions and cities they use.
  const story = placeStoryNames(source, sheet);
  // 2. The arrows between them: lanes, bends, ends fanned out, pickability, heads.
  const arrows = placeArrows(source, sheet, story.nodes);
  // 3. Edge labels where arrows leave the map towards a place off it.
  const edges = placeEdgeLabels(sheet, arrows);
  // 4. Cities' names beside their dots, and markers round them.
  const cities = placeCities(source, sheet, story.nodes, arrows);
  // 5. Other names, where room is left.
  const named = [...story.names, ...cities.names];
  const context = placeContextNames(source, sheet, arrows, named);
  // 6. The base map's towns, for orientation: last, so they are the first names dropped.
  const towns = placeTowns(source, sheet, arrows);
  return {
    view,
    size,
    requested,
    scale,
    arrows: laidArrows(arrows, sheet),
    symbols: [...story.symbols, ...cities.symbols],
    names: [...named, ...context, ...towns],
    edges,
  };
}
