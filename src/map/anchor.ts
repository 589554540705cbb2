/**
 * Points on the map where a claim can be pointed at: along its arcs (as the map draws them), on
 * its markers and badges, inside its area or on its border. Used to find a spot where a click
 * reaches the claim (tests, the keyboard focus ring of a later feature), best candidates first.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { fromMercator } from '../flows/geometry';
import type { LaidSymbol } from '../layout/index.ts';

export interface Anchor {
  lngLat: [number, number];
  /** Extra screen offset in pixels. */
  offset: [number, number];
}

/** Positions along a line at the given fractions of its vertices. */
function along(line: Position[], fractions: number[]): Anchor[] {
  return fractions.map((t) => {
    const p = line[Math.round(t * (line.length - 1))]!;
    return { lngLat: [p[0]!, p[1]!], offset: [0, 0] };
  });
}

const ORDER = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];

/**
 * Where `claimId` can be pointed at: its markers and badges (`symbols`, where the layout put
 * them), then points of its features as the map draws them (`flows`: the arrows laid out). A
 * badge's and a region's outlines are not drawn to be clicked, so they give none.
 */
export function claimAnchors(
  flows: FeatureCollection<Geometry, { claimId: string; role: string }>,
  claimId: string,
  symbols: readonly LaidSymbol[] = [],
): Anchor[] {
  const anchors: Anchor[] = [];
  for (const symbol of symbols) {
    if (symbol.claimId === claimId) anchors.push({ lngLat: fromMercator(symbol.at), offset: [0, 0] });
  }
  for (const f of flows.features) {
    if (f.properties.claimId !== claimId || f.properties.role === 'badge' || f.properties.role === 'region') continue;
    const g = f.geometry;
    if (g.type === 'LineString') anchors.push(...along(g.coordinates, ORDER));
    else if (g.type === 'MultiLineString') g.coordinates.forEach((line) => anchors.push(...along(line, ORDER)));
    else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      // A grid over the area's bounding box; the caller keeps the points that hit the area.
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      const xs = rings.flat().map((p) => p[0]!);
      const ys = rings.flat().map((p) => p[1]!);
      const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      for (const fy of ORDER)
        for (const fx of ORDER) anchors.push({ lngLat: [w + (e - w) * fx, s + (n - s) * fy], offset: [0, 0] });
    }
  }
  return anchors;
}
