/**
 * Flow geometry: claims and places in, GeoJSON out. Pure, so the MapLibre layers, the static
 * SVG renderer and the published `flows.geojson` all draw the same shapes.
 *
 * Arrows are curved so that several of them leaving one place stay apart and read as schematic
 * links rather than routes. The curve is a quadratic Bézier drawn in Web Mercator, the plane the
 * map is drawn in, then sampled back to longitude/latitude: on screen it is a clean arc at every
 * zoom (Mercator only scales and translates as the camera moves north-up). A great circle would
 * bend by latitude instead, and two arrows between the same places would lie on top of each other.
 */
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type {
  FlowCollection,
  FlowProperties,
  FlowRole,
  LonLat,
  Place,
  RegionTopology,
  ResolvedClaim,
} from '../story/types.ts';
import { ACT_FORMS } from '../story/acts.ts';

/** How far an arc bulges from its chord, as a share of the chord's length, for the first arc. */
export const BASE_BEND = 0.18;
/** Each further arc between the same two places bulges this much more, so none overlap. */
export const LANE_BEND = 0.14;
/** Points sampled along each arc. */
export const ARC_SAMPLES = 48;

/** A problem in the data that makes a claim impossible to draw. */
export class FlowError extends Error {
  constructor(
    readonly claimId: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FlowError';
  }
}

/** Longitude/latitude to Web Mercator world coordinates in [0, 1], y growing southwards. */
export function toMercator([lon, lat]: LonLat): [number, number] {
  const phi = (lat * Math.PI) / 180;
  return [(lon + 180) / 360, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}

export function fromMercator([x, y]: [number, number]): LonLat {
  const lat = (Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) * 360) / Math.PI - 90;
  return [x * 360 - 180, lat];
}

function round5([lon, lat]: LonLat): LonLat {
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

/**
 * A curved arc from `from` to `to`. It bends to the right of the direction of travel (seen on a
 * north-up map), so an arrow and its return trip never share a line.
 */
export function arc(from: LonLat, to: LonLat, bend = BASE_BEND, samples = ARC_SAMPLES): LonLat[] {
  const [x0, y0] = toMercator(from);
  const [x1, y1] = toMercator(to);
  const [dx, dy] = [x1 - x0, y1 - y0];
  // The normal (-dy, dx) points to the right of travel in screen space, where y grows downwards.
  const cx = (x0 + x1) / 2 - dy * bend;
  const cy = (y0 + y1) / 2 + dx * bend;
  const points: LonLat[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    const x = u * u * x0 + 2 * u * t * cx + t * t * x1;
    const y = u * u * y0 + 2 * u * t * cy + t * t * y1;
    points.push(round5(fromMercator([x, y])));
  }
  points[0] = from;
  points[samples] = to;
  return points;
}

/**
 * The direction an arrow points at its end, in degrees clockwise from north on a north-up map:
 * the direction of the arc's last segment in Mercator, where angles on screen are true.
 */
export function headingAtEnd(line: LonLat[]): number {
  const [xa, ya] = toMercator(line[line.length - 2]!);
  const [xb, yb] = toMercator(line[line.length - 1]!);
  const degrees = (Math.atan2(xb - xa, -(yb - ya)) * 180) / Math.PI;
  return Math.round(((degrees + 360) % 360) * 10) / 10;
}

/** The countries a place stands for: none for a place at sea. */
function placeCountries(place: Place): string[] {
  return place.countries ?? (place.country ? [place.country] : []);
}

/** What to say when a claim asks for the country of a place at sea. */
function atSea(place: Place, drawn: string): string {
  return `"${place.id}" is a place at sea, in no country: ${drawn}; draw it with "arrows" or a "point" claim`;
}

/** The area a place stands for: its country, or the union of a region's countries. */
function areaOf(geography: RegionTopology, place: Place, claimId: string): Polygon | MultiPolygon {
  const ids = new Set(placeCountries(place));
  if (ids.size === 0) throw new FlowError(claimId, 'origin', atSea(place, 'an area is drawn on a country'));
  const geometries = geography.objects.countries.geometries.filter((g) => ids.has(String(g.id)));
  if (geometries.length !== ids.size) {
    throw new FlowError(claimId, 'origin', `place "${place.id}" names a country missing from the geography`);
  }
  if (geometries.length === 1) {
    return (feature(geography, geometries[0]!) as Feature<Polygon | MultiPolygon>).geometry;
  }
  return merge(geography, geometries as never);
}

/** An outline (unplaced claims, named regions) with its points rounded to 1e-3 degrees: it is schematic. */
function outlineOf(outlines: RegionTopology, place: Place, claimId: string): Polygon | MultiPolygon {
  const round = (ring: Position[]) => ring.map(([x, y]) => [Math.round(x! * 1e3) / 1e3, Math.round(y! * 1e3) / 1e3]);
  const area = areaOf(outlines, place, claimId);
  return area.type === 'Polygon'
    ? { type: 'Polygon', coordinates: area.coordinates.map(round) }
    : { type: 'MultiPolygon', coordinates: area.coordinates.map((polygon) => polygon.map(round)) };
}

/** The border two places' countries share, drawn once. */
function sharedBorder(geography: RegionTopology, a: Place, b: Place, claimId: string): MultiLineString {
  const sideA = new Set(placeCountries(a));
  const sideB = new Set(placeCountries(b));
  for (const [place, side] of [
    [a, sideA],
    [b, sideB],
  ] as const) {
    if (side.size === 0) {
      throw new FlowError(
        claimId,
        place === a ? 'origin' : 'destinations',
        atSea(place, 'a border runs between countries'),
      );
    }
  }
  const border = mesh(geography, geography.objects.countries, (x, y) => {
    const [idX, idY] = [String(x.id), String(y.id)];
    return (sideA.has(idX) && sideB.has(idY)) || (sideB.has(idX) && sideA.has(idY));
  });
  if (border.coordinates.length === 0) {
    throw new FlowError(
      claimId,
      'destinations',
      `"${a.id}" and "${b.id}" share no border in the geography: name two countries that share one, or draw the claim with "arrows"`,
    );
  }
  return border;
}

function propertiesOf(claim: ResolvedClaim, role: FlowRole, to: string | null, from = claim.origin): FlowProperties {
  return {
    claimId: claim.id,
    role,
    kind: claim.kind,
    look: claim.look,
    modality: claim.modality,
    actors: claim.actors,
    caption: claim.caption,
    quote: claim.quote,
    paragraph: claim.paragraph,
    sentence: claim.sentence,
    act: claim.act,
    from,
    to,
  };
}

/** The mark on a party that fears (`fear`): a point at its name. */
function fearMark(properties: FlowProperties, origin: Place): Feature<Point, FlowProperties> {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: origin.coordinates } };
}

/**
 * Every claim as features: one LineString per arrow (each origin to each destination), a Point for a
 * marker at a city, a (Multi)Polygon for an area, a MultiLineString per border. What the sentence
 * does decides an arrow's role: something that moves or an act on another is an `arc`; a view
 * or a rivalry is a `tie` (the same curve, headless: not a route); a fear is a `fear` mark on
 * each party that fears (each origin) and a faint `tie` toward each source it names. A claim the
 * article does not place (`unplaced`) is the outline of its country or region (role `badge`),
 * never a point; a region an arrow starts or ends at adds the region's outline (role `region`).
 * Outlines come from `outlines`, a simplified copy of the geography (they are schematic, and
 * ship in the app), or the geography itself. Features keep claim order.
 */
export function buildFlows(
  claims: ResolvedClaim[],
  places: Map<string, Place>,
  geography: RegionTopology,
  outlines: RegionTopology = geography,
): FlowCollection {
  const lanes = new Map<string, number>();
  const features: Feature<LineString | Point | Polygon | MultiPolygon | MultiLineString, FlowProperties>[] = [];
  const placeOf = (id: string, claimId: string, field: string): Place => {
    const place = places.get(id);
    if (!place) throw new FlowError(claimId, field, `unknown place id "${id}"`);
    return place;
  };
  for (const claim of claims) {
    const several = claim.origins.length > 1;
    const regions = new Set<string>();
    for (const [o, originId] of claim.origins.entries()) {
      const origin = placeOf(originId, claim.id, several ? `origin[${o}]` : 'origin');
      const props = (role: FlowRole, to: string | null) => propertiesOf(claim, role, to, originId);
      switch (claim.shape) {
        case 'arrows': {
          const form = ACT_FORMS[claim.act ?? 'moves'];
          if (form === 'mark') features.push(fearMark(props('fear', null), origin));
          for (const [i, id] of claim.destinations.entries()) {
            const destination = placeOf(id, claim.id, `destinations[${i}]`);
            // Arcs between the same two places, in either direction, take successive lanes.
            const key = [origin.id, destination.id].sort().join('|');
            const lane = lanes.get(key) ?? 0;
            lanes.set(key, lane + 1);
            features.push({
              type: 'Feature',
              properties: props(form === 'arrow' ? 'arc' : 'tie', id),
              geometry: {
                type: 'LineString',
                coordinates: arc(origin.coordinates, destination.coordinates, BASE_BEND + lane * LANE_BEND),
              },
            });
          }
          // The region an arrow names is drawn as that region, not as the country of its anchor.
          for (const id of [originId, ...claim.destinations]) {
            const place = placeOf(id, claim.id, 'destinations');
            if (place.kind !== 'region' || regions.has(id)) continue;
            regions.add(id);
            features.push({
              type: 'Feature',
              properties: propertiesOf(claim, 'region', id),
              geometry: outlineOf(outlines, place, claim.id),
            });
          }
          break;
        }
        case 'point':
          if (claim.act === 'fears') {
            features.push(fearMark(props('fear', null), origin));
            break;
          }
          features.push(
            claim.unplaced
              ? { type: 'Feature', properties: props('badge', null), geometry: outlineOf(outlines, origin, claim.id) }
              : {
                  type: 'Feature',
                  properties: props('point', null),
                  geometry: { type: 'Point', coordinates: origin.coordinates },
                },
          );
          break;
        case 'area':
          features.push({
            type: 'Feature',
            properties: props('area', null),
            geometry: areaOf(geography, origin, claim.id),
          });
          break;
        case 'border':
          for (const [i, id] of claim.destinations.entries()) {
            const destination = placeOf(id, claim.id, `destinations[${i}]`);
            features.push({
              type: 'Feature',
              properties: props('border', id),
              geometry: sharedBorder(geography, origin, destination, claim.id),
            });
          }
          break;
      }
    }
  }
  return { type: 'FeatureCollection', features };
}
