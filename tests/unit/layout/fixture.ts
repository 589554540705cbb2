/**
 * A tiny made-up world for the layout's unit tests, built in code (no `data/`): square countries,
 * cities, and claims drawn as arrows, markers or badges between them. Each test file builds the
 * few places it needs, so what it checks is visible in the test.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { layoutSource, type LayoutSource, type LayoutStory } from '../../../src/layout';
import { roughEnd, setCurve, shapeOutline, type Arrow, type Node } from '../../../src/layout/parts';
import type { P } from '../../../src/layout/plane';
import { newSheet, type Sheet } from '../../../src/layout/sheet';
import type { Size, View } from '../../../src/layout/world';
import { LOOK_NAMES } from '../../../src/symbology/claims';
import type { FlowProperties, FlowRole, LonLat, Place, RegionTopology } from '../../../src/story/types';

/** A country drawn as a square, `[west, south, east, north]` in degrees. */
export interface Square {
  id: string;
  name: string;
  bounds: [number, number, number, number];
}

/**
 * The countries' geography, as the build writes it: their squares (wound clockwise, as d3-geo
 * reads a polygon's outside), named at their centres.
 */
export function geography(countries: readonly Square[]): RegionTopology {
  const features: Feature<Polygon, { name: string; label: LonLat }>[] = countries.map(
    ({ id, name, bounds: [w, s, e, n] }) => ({
      type: 'Feature',
      id,
      properties: { name, label: [(w + e) / 2, (s + n) / 2] },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [w, n],
            [e, n],
            [e, s],
            [w, s],
          ],
        ],
      },
    }),
  );
  const collection: FeatureCollection<Polygon, { name: string; label: LonLat }> = {
    type: 'FeatureCollection',
    features,
  };
  return topology({ countries: collection }) as unknown as RegionTopology;
}

export function city(id: string, name: string, coordinates: LonLat, country?: string): Place {
  return { id, name, kind: 'city', coordinates, source: 'test', ...(country ? { country } : {}) };
}

export function countryPlace(id: string, name: string, country: string, coordinates: LonLat): Place {
  return { id, name, kind: 'country', country, coordinates, source: 'test' };
}

export function region(id: string, name: string, coordinates: LonLat, countries: string[] = []): Place {
  return { id, name, kind: 'region', countries, coordinates, source: 'test' };
}

/** A claim's feature: an arrow (`arc`) between two places, or a marker (`point`) or badge at one. */
export function flow(
  claimId: string,
  role: FlowRole,
  from: Place,
  to: Place | null = null,
): Feature<LineString | Point, FlowProperties> {
  const properties: FlowProperties = {
    claimId,
    role,
    kind: 'test-kind',
    look: LOOK_NAMES[0]!,
    modality: 'reported',
    actors: [],
    caption: claimId,
    quote: claimId,
    paragraph: 0,
    sentence: 0,
    from: from.id,
    to: to?.id ?? null,
  };
  const geometry: LineString | Point = to
    ? { type: 'LineString', coordinates: [from.coordinates, to.coordinates] }
    : { type: 'Point', coordinates: from.coordinates };
  return { type: 'Feature', properties, geometry };
}

/** A story the layout reads: its places, its claims' features and the countries' geography. */
export function story(
  places: Place[],
  flows: Feature<LineString | Point, FlowProperties>[],
  countries: readonly Square[] = [],
): LayoutStory {
  return {
    places,
    flows: { type: 'FeatureCollection', features: flows },
    geography: geography(countries),
  } as LayoutStory;
}

export const SIZE: Size = { width: 600, height: 400 };

/** A view of the made-up world around `[0, 0]` at zoom 4 (about 23 px a degree). */
export const VIEW: View = { center: [0, 0], zoom: 4 };

/** A story's layout source and a fresh sheet for the view. */
export function sourceAndSheet(
  laid: LayoutStory,
  view: View = VIEW,
  size: Size = SIZE,
): { source: LayoutSource; sheet: Sheet } {
  return { source: layoutSource(laid), sheet: newSheet(view, size, 1) };
}

/** A node for a city's dot at `centre` (in the view's pixels), its outline shaped: as the names step makes one. */
export function dotNode(place: Place, centre: P | null, far: P = centre ?? [0, 0]): Node {
  const node: Node = {
    id: place.id,
    place,
    centre,
    far,
    halfWidth: 0,
    halfHeight: 0,
    cornerRadius: 0,
    byDirection: [],
    box: centre ? { x0: centre[0] - 4, y0: centre[1] - 4, x1: centre[0] + 4, y1: centre[1] + 4 } : null,
    ends: [],
  };
  shapeOutline(node);
  return node;
}

/** An arrow between two nodes, not bent, its ends where they would be before spreading. */
export function arrowBetween(claimId: string, index: number, from: Node, to: Node, bulge = 0): Arrow {
  const arrow: Arrow = {
    source: { claimId, kind: 'test-kind', look: LOOK_NAMES[0]!, modality: 'reported', from: from.id, to: to.id },
    index,
    from,
    to,
    bulge,
    head: { length: 8, width: 7 },
    curve: [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ],
    line: [],
    distances: [],
    length: 0,
    bounds: { x0: 0, y0: 0, x1: 0, y1: 0 },
    stopShort: 6,
    ends: [null, null],
  };
  arrow.ends = [roughEnd(arrow, true), roughEnd(arrow, false)];
  setCurve(arrow, arrow.ends);
  return arrow;
}
