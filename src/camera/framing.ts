/**
 * Where the camera goes: the bounds of the selected claims' geometry, or the story's overview.
 * Pure, so a test can check that every claim is framed without a map.
 */
import type { Position } from 'geojson';
import { placeLabelsWithin, type NamedPoint } from './reach.ts';
import {
  constrainView,
  fitView,
  fitViewClear,
  labelMargin,
  mapPadding,
  MAX_FIT_ZOOM,
  type Padding,
  type Size,
  type View,
  webMercatorPixel,
} from './view.ts';
import type { Bounds, FlowCollection, Story } from '../story/types';

/** A claim shown as a single point still gets some context around it, in degrees. */
const POINT_MARGIN = 4;

function eachPosition(geometry: FlowCollection['features'][number]['geometry'], visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'LineString':
    case 'MultiPoint':
      geometry.coordinates.forEach(visit);
      break;
    case 'Polygon':
    case 'MultiLineString':
      geometry.coordinates.forEach((ring) => ring.forEach(visit));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((g) => eachPosition(g, visit));
      break;
  }
}

/** The bounds of the given claims' features, or null when none of them is drawn. */
export function claimBounds(flows: FlowCollection, ids: readonly string[]): Bounds | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  let onlyPoints = true;
  for (const f of flows.features) {
    if (!ids.includes(f.properties.claimId)) continue;
    if (f.properties.role !== 'point') onlyPoints = false;
    eachPosition(f.geometry, ([x, y]) => {
      w = Math.min(w, x!);
      s = Math.min(s, y!);
      e = Math.max(e, x!);
      n = Math.max(n, y!);
    });
  }
  if (w === Infinity) return null;
  if (onlyPoints) return [w - POINT_MARGIN, s - POINT_MARGIN, e + POINT_MARGIN, n + POINT_MARGIN];
  return [w, s, e, n];
}

/**
 * A claim the article does not place (a badge at its country's name) is framed with the
 * country's neighbours around it, this share of its width and height on each side: a claim drawn
 * over the whole country (an area) frames the country alone, so the two do not share one frame.
 */
const UNPLACED_CONTEXT = 0.5;

/**
 * What framing the selected claims takes in: their geometry, the points where the names of the
 * places they use are written (a border's two countries, not the line alone), and, for a claim
 * only drawn as badges, the country's neighbours.
 */
export function claimFrame(story: Story, ids: readonly string[]): Bounds | null {
  const bounds = claimBounds(story.flows, ids);
  if (!bounds) return null;
  let [w, s, e, n] = bounds;
  const mine = story.flows.features.filter((f) => ids.includes(f.properties.claimId));
  const used = new Set(mine.flatMap((f) => [f.properties.from, f.properties.to]));
  for (const place of story.places) {
    if (!used.has(place.id) || place.kind === 'region') continue;
    const [x, y] = place.coordinates;
    [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  }
  if (mine.every((f) => f.properties.role === 'badge')) {
    const [dx, dy] = [(e - w) * UNPLACED_CONTEXT, (n - s) * UNPLACED_CONTEXT];
    [w, s, e, n] = [w - dx, s - dy, e + dx, n + dy];
  }
  return [w, s, e, n];
}

/**
 * The view for a selection on a map of `size`: the claims framed inside `padding`, with the named
 * places within their bounds (the ends of their arrows among them) kept `margin` from the map's
 * edges, or the overview. Inside `maxBounds`, as MapLibre keeps it.
 */
export function framedView(
  story: Story,
  /** The places the map names: framing keeps those within the claims' bounds in the map. */
  names: readonly NamedPoint[],
  selected: readonly string[],
  size: Size,
  padding: Padding,
  margin: Padding,
  /** Names set this many times their usual size (a projector): their boxes grow alike. */
  labelScale = 1,
): View {
  const bounds = claimFrame(story, selected);
  const fitted = bounds
    ? fitViewClear(bounds, placeLabelsWithin(names, bounds, labelScale), size, padding, margin, MAX_FIT_ZOOM)
    : fitView(story.meta.region.overview, size, padding, MAX_FIT_ZOOM);
  return constrainView(fitted, size, story.meta.region.maxBounds);
}

/**
 * The view a map on the page frames a selection with: clear of the open key (`keyReach`, how far
 * it reaches in from the map's left edge; 0 when there is none) where the map can spare its
 * width. The overview may pass under the key's corner.
 */
export function selectionView(
  story: Story,
  names: readonly NamedPoint[],
  selected: readonly string[],
  size: Size,
  keyReach = 0,
  labelScale = 1,
): View {
  const key = selected.length ? keyReach : 0;
  return framedView(story, names, selected, size, mapPadding(size, key), labelMargin(size, key), labelScale);
}

/** A box on the map, in its pixels: an overlay such as the open key. */
export interface MapBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * How far a claim's symbols reach from the points of its geometry, in pixels: an arrowhead
 * drawn at an arc's end, a marker pushed aside on its ring.
 */
const SYMBOL_REACH = 10;

/**
 * Whether any point of the given claims' geometry, drawn for `view` on a map of `size`, falls
 * within `box` (grown by the reach of the symbols drawn at those points): what an overlay would
 * hide of a framed claim. Arcs are sampled along their curve (the build's samples), areas and
 * borders at their vertices.
 */
export function claimsUnder(
  flows: FlowCollection,
  ids: readonly string[],
  view: View,
  size: Size,
  box: MapBox,
): boolean {
  const [x0, y0, x1, y1] = [box.x0 - SYMBOL_REACH, box.y0 - SYMBOL_REACH, box.x1 + SYMBOL_REACH, box.y1 + SYMBOL_REACH];
  let under = false;
  for (const f of flows.features) {
    if (under || !ids.includes(f.properties.claimId)) continue;
    eachPosition(f.geometry, (p) => {
      const [x, y] = webMercatorPixel(p as [number, number], view, size);
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) under = true;
    });
  }
  return under;
}
