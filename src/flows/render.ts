/**
 * What renderers draw on top of the published flows: arrowheads and marker slots. Kept apart
 * from `geometry.ts` so that `flows.geojson` holds only the claims, not drawing helpers.
 */
import type { Feature, LineString, Point } from 'geojson';
import type { ClaimKind } from '../story/kinds.ts';
import type { FlowCollection, LonLat, Modality } from '../story/types.ts';
import { headingAtEnd } from './geometry.ts';

export interface HeadProperties {
  claimId: string;
  kind: ClaimKind;
  look: string;
  modality: Modality;
  /** Degrees clockwise from north, on a north-up map. */
  angle: number;
}

export interface MarkerProperties {
  claimId: string;
  kind: ClaimKind;
  look: string;
  modality: Modality;
  caption: string;
  /** Screen offset in pixels from the place, so markers sharing a place sit side by side. */
  offset: [number, number];
}

/** Distance in pixels from a place to each of the markers sharing it. */
export const MARKER_RING = 17;

/** One arrowhead at the end of each arrow, pointing along the arc. */
export function arrowHeads(flows: FlowCollection): Feature<Point, HeadProperties>[] {
  return flows.features
    .filter((f): f is Feature<LineString, (typeof f)['properties']> => f.properties.role === 'arc')
    .map((f) => {
      const line = f.geometry.coordinates as LonLat[];
      return {
        type: 'Feature',
        properties: {
          claimId: f.properties.claimId,
          kind: f.properties.kind,
          look: f.properties.look,
          modality: f.properties.modality,
          angle: headingAtEnd(line),
        },
        geometry: { type: 'Point', coordinates: line[line.length - 1]! },
      };
    });
}

/**
 * Pixel offset of marker `slot` of `count` sharing one place: alone, on the place; together, on
 * a ring around it, starting at the top and going clockwise in claim order.
 */
export function markerOffset(slot: number, count: number, radius = MARKER_RING): [number, number] {
  if (count <= 1) return [0, 0];
  const angle = -Math.PI / 2 + (slot * 2 * Math.PI) / count;
  return [Math.round(radius * Math.cos(angle) * 10) / 10, Math.round(radius * Math.sin(angle) * 10) / 10];
}

/** The point claims as markers, each with its slot on the ring of its place. */
export function markers(flows: FlowCollection): Feature<Point, MarkerProperties>[] {
  const points = flows.features.filter(
    (f): f is Feature<Point, (typeof f)['properties']> => f.properties.role === 'point',
  );
  const perPlace = new Map<string, number>();
  for (const p of points) perPlace.set(p.properties.from, (perPlace.get(p.properties.from) ?? 0) + 1);
  const seen = new Map<string, number>();
  return points.map((p) => {
    const slot = seen.get(p.properties.from) ?? 0;
    seen.set(p.properties.from, slot + 1);
    return {
      type: 'Feature',
      properties: {
        claimId: p.properties.claimId,
        kind: p.properties.kind,
        look: p.properties.look,
        modality: p.properties.modality,
        caption: p.properties.caption,
        offset: markerOffset(slot, perPlace.get(p.properties.from)!),
      },
      geometry: p.geometry,
    };
  });
}
