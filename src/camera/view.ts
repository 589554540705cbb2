/**
 * The camera, shared by the static SVG map and MapLibre: a centre and a zoom in MapLibre's
 * sense (a 512 px world at zoom 0, Web Mercator, north up), for a map of a given size in CSS
 * pixels. Both renderers are driven by the same `View`, so the hand-over from SVG to WebGL does
 * not move a pixel.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import { fromMercator, toMercator } from '../flows/geometry.ts';
import type { Bounds, LonLat } from '../story/types.ts';
import { TILE_SIZE, type Size, type View } from '../layout/index.ts';

/** What a view and a map's size are, and the world's width at zoom 0: the layout's (`layout/world.ts`). */
export { TILE_SIZE, type Size, type View };

/** Framing claims never zooms in closer than this: the arrows are schematic. */
export const MAX_FIT_ZOOM = 5.5;

/**
 * The closest the reader may zoom: the geography is Natural Earth 1:50m (see geo/build.mjs),
 * which holds up to about 1:4M (zoom 7 at mid-latitudes); closer, coasts turn to straight lines.
 */
export const MAX_ZOOM = 7;

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function uniformPadding(p: number): Padding {
  return { top: p, right: p, bottom: p, left: p };
}

/**
 * The view that fits `bounds` inside `size` less `padding`, like MapLibre's `fitBounds` on a
 * north-up map, capped at `maxZoom`. A box too small for its padding still gets a view.
 */
export function fitView(bounds: Bounds, size: Size, padding: Padding, maxZoom = 22): View {
  const [w, s, e, n] = bounds;
  const [x0, y0] = toMercator([w, n]);
  const [x1, y1] = toMercator([e, s]);
  const innerWidth = Math.max(1, size.width - padding.left - padding.right);
  const innerHeight = Math.max(1, size.height - padding.top - padding.bottom);
  const spanX = Math.max(1e-9, (x1 - x0) * TILE_SIZE);
  const spanY = Math.max(1e-9, (y1 - y0) * TILE_SIZE);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(innerWidth / spanX, innerHeight / spanY)));
  // The padding is asymmetric: shift the centre by half the difference, in world units.
  const worldSize = TILE_SIZE * 2 ** zoom;
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / worldSize;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / worldSize;
  return { center: fromMercator([cx, cy]), zoom };
}

/**
 * A d3 Mercator projection that puts every point where MapLibre would draw it for `view` in a
 * map of `size`. d3's Mercator has radius `scale`, so a world of `TILE_SIZE * 2^zoom` px is
 * `scale = TILE_SIZE * 2^zoom / 2π`. Lines run straight between their points on the Mercator
 * plane, as MapLibre draws them (`precision(0)`: d3's resampling along great circles would both
 * depart from MapLibre's lines and cost most of the time a scene takes to draw).
 */
export function projectionFor(view: View, size: Size): GeoProjection {
  // Turned to the view's longitude, so that a map across the antimeridian (a centre past 180°)
  // draws every point within half a turn of its centre where it lies, not a world away.
  return geoMercator()
    .scale((TILE_SIZE * 2 ** view.zoom) / (2 * Math.PI))
    .rotate([-view.center[0], 0])
    .center([0, view.center[1]])
    .translate([size.width / 2, size.height / 2])
    .precision(0);
}

/** Where MapLibre draws `lonLat` for `view` in a map of `size`: Web Mercator, worked by hand. */
export function webMercatorPixel(lonLat: LonLat, view: View, size: Size): [number, number] {
  const worldSize = TILE_SIZE * 2 ** view.zoom;
  const [x, y] = toMercator(lonLat);
  const [cx, cy] = toMercator(view.center);
  return [(x - cx) * worldSize + size.width / 2, (y - cy) * worldSize + size.height / 2];
}

/** A step between two views, for animating the SVG map: zoom linearly, centre in Mercator. */
export function interpolateView(a: View, b: View, t: number): View {
  const [ax, ay] = toMercator(a.center);
  const [bx, by] = toMercator(b.center);
  return {
    center: fromMercator([ax + (bx - ax) * t, ay + (by - ay) * t]),
    zoom: a.zoom + (b.zoom - a.zoom) * t,
  };
}

/** Framing keeps clear of an overlay on the left (the key) only when the map can spare its width. */
export function keepsClearOf(size: Size, coveredLeft: number): boolean {
  return coveredLeft > 0 && size.width - coveredLeft > 320;
}

/**
 * Room left around what the camera frames: a little more on bigger maps, and the width of an
 * overlay on the left (the key) when the map is wide enough to spare it.
 */
export function mapPadding(size: Size, coveredLeft = 0): Padding {
  const pad = Math.round(Math.min(size.width, size.height) * 0.06) + 16;
  const left = keepsClearOf(size, coveredLeft) ? coveredLeft + 12 : pad;
  return { top: pad, right: pad, bottom: pad, left };
}

/** How near the map's edges (and the key, where `mapPadding` keeps clear of it) a name may come. */
export function labelMargin(size: Size, coveredLeft = 0): Padding {
  const edge = 4;
  return { top: edge, right: edge, bottom: edge, left: keepsClearOf(size, coveredLeft) ? coveredLeft + edge : edge };
}

/** The least share of the padded frame, on each axis, kept for what is framed when names need room. */
const MIN_FRAME = 0.4;

/** A box drawn at a point, such as a place's name: how far it reaches each way, in pixels. */
export interface PointBox {
  at: LonLat;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * `fitView`, with the padding grown on any side where one of `boxes` would reach within
 * `margin` of the map's edge: a framed arrow keeps the name of the place it points at. Each
 * round zooms out or shifts the frame, which brings the points in; it stops when every box fits
 * (to half a pixel) or after 12 rounds. The frame never shrinks below `MIN_FRAME` of what
 * `padding` leaves, so a name too long for a small map is left to the label placer.
 */
export function fitViewClear(
  bounds: Bounds,
  boxes: readonly PointBox[],
  size: Size,
  padding: Padding,
  margin: Padding,
  maxZoom = 22,
): View {
  const innerWidth = (p: Padding) => size.width - p.left - p.right;
  const innerHeight = (p: Padding) => size.height - p.top - p.bottom;
  const floor = { width: innerWidth(padding) * MIN_FRAME, height: innerHeight(padding) * MIN_FRAME };
  const grown = { ...padding };
  let view = fitView(bounds, size, grown, maxZoom);
  for (let round = 0; round < 12; round++) {
    const over = { top: 0, right: 0, bottom: 0, left: 0 };
    for (const box of boxes) {
      const [x, y] = webMercatorPixel(box.at, view, size);
      over.left = Math.max(over.left, margin.left - (x - box.left));
      over.right = Math.max(over.right, x + box.right - (size.width - margin.right));
      over.top = Math.max(over.top, margin.top - (y - box.top));
      over.bottom = Math.max(over.bottom, y + box.bottom - (size.height - margin.bottom));
    }
    if (Math.max(over.top, over.right, over.bottom, over.left) < 0.5) break;
    const next = {
      top: grown.top + Math.ceil(over.top),
      right: grown.right + Math.ceil(over.right),
      bottom: grown.bottom + Math.ceil(over.bottom),
      left: grown.left + Math.ceil(over.left),
    };
    if (innerWidth(next) < floor.width || innerHeight(next) < floor.height) break;
    Object.assign(grown, next);
    view = fitView(bounds, size, grown, maxZoom);
  }
  return view;
}

/**
 * Keeps a view inside `maxBounds` the way MapLibre does: zoomed in until the bounds cover the
 * whole map, then moved until no edge shows beyond them. Applying it before either renderer
 * sees a view is what keeps the SVG map and MapLibre in the same place.
 */
export function constrainView(view: View, size: Size, maxBounds: Bounds): View {
  const [w, s, e, n] = maxBounds;
  const [x0, y0] = toMercator([w, n]);
  const [x1, y1] = toMercator([e, s]);
  const minZoom = Math.log2(Math.max(size.width / ((x1 - x0) * TILE_SIZE), size.height / ((y1 - y0) * TILE_SIZE)));
  const zoom = Math.max(view.zoom, minZoom);
  const worldSize = TILE_SIZE * 2 ** zoom;
  const [halfW, halfH] = [size.width / 2 / worldSize, size.height / 2 / worldSize];
  const [cx, cy] = toMercator(view.center);
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  return {
    center: fromMercator([clamp(cx, x0 + halfW, x1 - halfW), clamp(cy, y0 + halfH, y1 - halfH)]),
    zoom,
  };
}
