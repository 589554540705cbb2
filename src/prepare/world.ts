/**
 * The world's countries before any region is cut from them: Natural Earth 1:50m admin-0, as the
 * `world-atlas` package gives them (pinned in package.json). The build resolves the countries a
 * story names against them, frames a story without a region around them, and cuts the story's
 * geography from them (`geo/region.ts`). Browser-safe, a JSON import rather than a file read: the
 * studio's checks (`studio/check.worker.ts`) read the same world as the build. Decoded once.
 */
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryIds } from '../../geo/region.ts';
import type { Bounds } from '../story/types.ts';
// A JSON import, not a file read: the studio's checks run in the browser (`studio/check.worker.ts`).
import world from 'world-atlas/countries-50m.json' with { type: 'json' };

export type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** One country of the world, with the id the story's geography gives it. */
export interface WorldCountry {
  /**
   * ISO 3166-1 numeric, or `x-<slug>` where Natural Earth has none, or gives the code to a larger
   * country too (`countryIds`): one country per id.
   */
  id: string;
  name: string;
  shape: Feature<Polygon | MultiPolygon, { name: string }>;
  /** On the sphere, in steradians. */
  area: number;
  /** [west, south, east, north] of all its pieces (a country across the antimeridian spans the world). */
  box: Bounds;
}

let topology: WorldTopology | null = null;
let countries: WorldCountry[] | null = null;

export function worldTopology(): WorldTopology {
  return (topology ??= world as unknown as WorldTopology);
}

function boxOf(shape: Feature<Polygon | MultiPolygon>): Bounds {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]!) {
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
    }
  }
  return box;
}

/** Every country of the world, the largest first. */
export function worldCountries(): WorldCountry[] {
  if (countries) return countries;
  const world = worldTopology();
  const features = feature(world, world.objects.countries).features as Feature<
    Polygon | MultiPolygon,
    { name: string }
  >[];
  const ids = countryIds(features);
  countries = features
    .map((shape, index) => ({ shape, id: ids[index]! }))
    .filter(({ shape }) => shape.geometry)
    .map(({ shape, id }) => ({
      id,
      name: shape.properties.name,
      shape,
      area: geoArea(shape),
      box: boxOf(shape),
    }))
    .sort((a, b) => b.area - a.area);
  return countries;
}
