/**
 * Web Mercator world units and a view's pixels: what a view is (a centre and a zoom in MapLibre's
 * sense: a `TILE_SIZE` px world at zoom 0, north up), a map's size, and the step from world units
 * to a view's pixels that every renderer draws a layout with. The layout works in these; the
 * camera (`camera/view.ts`, which re-exports them) decides which view to show.
 */
import { toMercator } from '../flows/geometry.ts';
import type { LonLat } from '../story/types.ts';

/** MapLibre's tile size: the whole world is 512 px wide at zoom 0. */
export const TILE_SIZE = 512;

export interface View {
  center: LonLat;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A point in Web Mercator world units, [0, 1] across the world, y growing southwards. */
export type World = [number, number];

/** From world units to the pixels of a view: what every renderer draws a layout with. */
export function worldToPixel(view: View, size: Size): (w: World) => [number, number] {
  const world = TILE_SIZE * 2 ** view.zoom;
  const [cx, cy] = toMercator(view.center);
  return ([x, y]) => [(x - cx) * world + size.width / 2, (y - cy) * world + size.height / 2];
}
