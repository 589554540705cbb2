/**
 * The sheet a layout is worked out on: the view's pixels (from longitude and latitude, and back
 * to world units), the map less a small margin that names and symbols stay inside, and what is on
 * the map so far, for later names and symbols to keep clear of. Every step of the layout draws on
 * one sheet, in order: what is placed first is kept clear of by all that follows.
 */
import { toMercator } from '../flows/geometry.ts';
import type { LonLat } from '../story/types.ts';
import { overlaps, type P, type Rect } from './plane.ts';
import { TILE_SIZE, worldToPixel, type Size, type View, type World } from './world.ts';

/** A box on the map, and the place (or part) it belongs to: what may overlap it is its own. */
export interface Taken {
  rect: Rect;
  owner: string | null;
}

export interface Sheet {
  size: Size;
  /** The scale names are set at. */
  scale: number;
  /** From longitude and latitude to the view's pixels. */
  toPixel: (ll: LonLat) => P;
  /** From the view's pixels to world units, as the layout keeps them. */
  toWorld: (p: P) => World;
  /** The map, less `MARGIN`. */
  map: Rect;
  /** Whether a box lies inside `map`. */
  inMap: (r: Rect) => boolean;
  /** What is on the map so far: boxes, by the place they belong to. */
  taken: Taken[];
  /** Whether a box overlaps nothing on the map so far (but what `ignore` owns). */
  free: (r: Rect, ignore?: string | null) => boolean;
}

/** Pixels kept clear at the map's sides. */
const MARGIN = 4;

export function newSheet(view: View, size: Size, scale: number): Sheet {
  const world = TILE_SIZE * 2 ** view.zoom;
  const [cx, cy] = toMercator(view.center);
  const pixelOf = worldToPixel(view, size);
  const map: Rect = { x0: MARGIN, y0: MARGIN, x1: size.width - MARGIN, y1: size.height - MARGIN };
  const taken: Taken[] = [];
  return {
    size,
    scale,
    toPixel: (ll) => pixelOf(toMercator(ll)),
    toWorld: ([x, y]) => [(x - size.width / 2) / world + cx, (y - size.height / 2) / world + cy],
    map,
    inMap: (r) => r.x0 >= map.x0 && r.y0 >= map.y0 && r.x1 <= map.x1 && r.y1 <= map.y1,
    taken,
    free: (r, ignore = null) => !taken.some((t) => (ignore === null || t.owner !== ignore) && overlaps(r, t.rect)),
  };
}
