/**
 * Points on the map where a claim can be pointed at: along its arcs, on its marker, inside its
 * area or on its border. Used to find a spot where a click reaches the claim (tests, the
 * keyboard focus ring of a later feature), best candidates first.
 */
import type { Position } from 'geojson';
import { markers } from '../flows/render';
import type { Story } from '../story/types';

export interface Anchor {
  lngLat: [number, number];
  /** Extra screen offset in pixels (markers sit on a ring around their place). */
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

export function claimAnchors(story: Story, claimId: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const marker of markers(story.flows)) {
    if (marker.properties.claimId !== claimId) continue;
    const [x, y] = marker.geometry.coordinates;
    anchors.push({ lngLat: [x!, y!], offset: marker.properties.offset });
  }
  for (const f of story.flows.features) {
    if (f.properties.claimId !== claimId) continue;
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
