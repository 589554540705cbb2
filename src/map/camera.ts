/**
 * Where the camera goes: the bounds of the selected claims' geometry, or the story's overview.
 * Pure, so a test can check that every claim is framed without a map.
 */
import type { Position } from 'geojson';
import { placeLabelsWithin, type SceneSource } from '../static/scene.ts';
import {
  constrainView,
  fitView,
  fitViewClear,
  labelMargin,
  mapPadding,
  MAX_FIT_ZOOM,
  type Size,
  type View,
} from '../static/view.ts';
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
    if (f.geometry.type !== 'Point') onlyPoints = false;
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
 * The view for a selection on a map of `size`: the claims framed, with the names of the places
 * they link kept in the map and clear of the key (`keyWidth`, 0 when there is none), or the
 * overview, which may pass under the key's corner. Inside `maxBounds`, as MapLibre keeps it.
 */
export function selectionView(
  story: Story,
  source: SceneSource,
  selected: readonly string[],
  size: Size,
  keyWidth = 0,
): View {
  const bounds = claimBounds(story.flows, selected);
  const fitted = bounds
    ? fitViewClear(
        bounds,
        placeLabelsWithin(source, bounds),
        size,
        mapPadding(size, keyWidth),
        labelMargin(size, keyWidth),
        MAX_FIT_ZOOM,
      )
    : fitView(story.meta.region.overview, size, mapPadding(size), MAX_FIT_ZOOM);
  return constrainView(fitted, size, story.meta.region.maxBounds);
}
