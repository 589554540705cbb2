import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { buildRegion, clipToBounds, countryId, countryIds, labelPoint } from '../../geo/region';
import type { Bounds, Place, RegionTopology, StoryMeta } from '../../src/story/types';

const require = createRequire(import.meta.url);

const committed = readFileSync('data/region.topo.json', 'utf8');
const region = JSON.parse(committed) as RegionTopology;
const meta = JSON.parse(readFileSync('data/story.json', 'utf8')) as StoryMeta;
const { places } = JSON.parse(readFileSync('data/places.json', 'utf8')) as { places: Place[] };
const countries = feature(region, region.objects.countries).features;

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function isClosed(ring: Position[]): boolean {
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  return first[0] === last[0] && first[1] === last[1];
}

describe('countryId', () => {
  it('keeps the ISO 3166-1 numeric code Natural Earth gives', () => {
    expect(countryId('004', 'Afghanistan')).toBe('004');
    expect(countryId('586', 'Pakistan')).toBe('586');
    expect(countryId(156, 'China')).toBe('156');
  });

  it('makes a stable slug from the name where there is no code', () => {
    expect(countryId(undefined, 'N. Cyprus')).toBe('x-n-cyprus');
    expect(countryId('', 'Somaliland')).toBe('x-somaliland');
    expect(countryId(undefined, '  Siachen Glacier! ')).toBe('x-siachen-glacier');
    expect(countryId(undefined, 'Kosovo')).toBe('x-kosovo');
  });

  it('never gives a slug that could be mistaken for an ISO code', () => {
    expect(countryId(undefined, '123')).toBe('x-123');
  });
});

describe('clipToBounds', () => {
  const bounds: Bounds = [0, 0, 10, 10];

  it('keeps a polygon inside the bounds as it is', () => {
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [2, 2],
          [4, 2],
          [4, 4],
          [2, 4],
          [2, 2],
        ],
      ],
    };
    const clipped = clipToBounds(square, bounds);
    expect(clipped?.type).toBe('MultiPolygon');
    expect(clipped?.coordinates).toHaveLength(1);
    const ring = clipped!.coordinates[0]![0]!;
    expect(isClosed(ring)).toBe(true);
    expect(new Set(ring.map((p) => p.join(',')))).toEqual(new Set(['2,2', '4,2', '4,4', '2,4']));
  });

  it('cuts the part of a polygon outside the bounds, leaving a closed ring on the edge', () => {
    const wide: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-5, 2],
          [15, 2],
          [15, 4],
          [-5, 4],
          [-5, 2],
        ],
      ],
    };
    const clipped = clipToBounds(wide, bounds)!;
    const ring = clipped.coordinates[0]![0]!;
    expect(isClosed(ring)).toBe(true);
    for (const [x, y] of ring) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(10);
      expect(y).toBeGreaterThanOrEqual(2);
      expect(y).toBeLessThanOrEqual(4);
    }
    expect(Math.min(...ring.map(([x]) => x!))).toBe(0);
    expect(Math.max(...ring.map(([x]) => x!))).toBe(10);
  });

  it('drops a polygon wholly outside the bounds', () => {
    const far: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [20, 20],
          [30, 20],
          [30, 30],
          [20, 20],
        ],
      ],
    };
    expect(clipToBounds(far, bounds)).toBeNull();
  });

  it('drops a sliver that touches the bounds only along an edge', () => {
    const outside: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 2],
          [12, 2],
          [12, 4],
          [10, 4],
          [10, 2],
        ],
      ],
    };
    expect(clipToBounds(outside, bounds)).toBeNull();
  });

  it('keeps only the pieces of a multipolygon that reach into the bounds', () => {
    const islands: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 1],
          ],
        ],
        [
          [
            [50, 50],
            [51, 50],
            [51, 51],
            [50, 50],
          ],
        ],
        [
          [
            [8, 8],
            [12, 8],
            [12, 12],
            [8, 8],
          ],
        ],
      ],
    };
    const clipped = clipToBounds(islands, bounds)!;
    expect(clipped.coordinates).toHaveLength(2);
    for (const ring of clipped.coordinates.flat()) {
      for (const [x, y] of ring) {
        expect(x).toBeLessThanOrEqual(10);
        expect(y).toBeLessThanOrEqual(10);
      }
    }
  });

  it('keeps a hole inside its shell, and drops a hole cut away with the outside', () => {
    const withHoles: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-5, -5],
          [8, -5],
          [8, 8],
          [-5, 8],
          [-5, -5],
        ],
        [
          [2, 2],
          [2, 4],
          [4, 4],
          [4, 2],
          [2, 2],
        ],
        [
          [-4, -4],
          [-4, -2],
          [-2, -2],
          [-2, -4],
          [-4, -4],
        ],
      ],
    };
    const clipped = clipToBounds(withHoles, bounds)!;
    expect(clipped.coordinates).toHaveLength(1);
    const [shell, ...holes] = clipped.coordinates[0]!;
    expect(holes).toHaveLength(1);
    expect(new Set(holes[0]!.map((p) => p.join(',')))).toEqual(new Set(['2,2', '2,4', '4,4', '4,2']));
    expect(Math.min(...shell!.map(([x]) => x!))).toBe(0);
  });
});

describe('clipToBounds across the antimeridian', () => {
  // A ring from 170°E on across 180° to 170°W and back, as Natural Earth draws Chukotka's: in
  // plain longitudes it jumps by 360° twice, and once streaked right across any bounds it spans.
  const chukotka: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [170, 60],
        [180, 60],
        [-170, 60],
        [-170, 70],
        [180, 70],
        [170, 70],
        [170, 60],
      ],
    ],
  };

  it('leaves nothing in bounds the land is not in', () => {
    expect(clipToBounds(chukotka, [0, 50, 100, 80])).toBeNull();
  });

  it('keeps the part on each side of the antimeridian that lies in the bounds', () => {
    const east = clipToBounds(chukotka, [160, 50, 180, 80])!;
    expect(east.coordinates).toHaveLength(1);
    const xs = east.coordinates[0]![0]!.map(([x]) => x!);
    expect([Math.min(...xs), Math.max(...xs)]).toEqual([170, 180]);
    const west = clipToBounds(chukotka, [-180, 50, -160, 80])!;
    const ws = west.coordinates[0]![0]!.map(([x]) => x!);
    expect([Math.min(...ws), Math.max(...ws)]).toEqual([-180, -170]);
  });
});

describe('labelPoint', () => {
  it('puts the name inside the largest piece of a country', () => {
    // Exterior rings clockwise, as d3-geo and world-atlas wind them.
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [0, 1],
            [1, 1],
            [1, 0],
            [0, 0],
          ],
        ],
        [
          [
            [10, 10],
            [10, 14],
            [14, 14],
            [14, 10],
            [10, 10],
          ],
        ],
      ],
    };
    const [lon, lat] = labelPoint(geometry);
    expect(lon).toBeCloseTo(12, 0);
    expect(lat).toBeCloseTo(12, 0);
  });

  it('puts the name of a country curved round a gulf inside it, where its centroid is not', () => {
    // A U open to the north, clockwise: its centroid lies in the gulf between its arms.
    const u: Position[] = [
      [0, 0],
      [0, 10],
      [2, 10],
      [2, 2],
      [8, 2],
      [8, 10],
      [10, 10],
      [10, 0],
      [0, 0],
    ];
    const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: [[u]] };
    expect(geoContains(geometry, geoCentroid(geometry) as [number, number])).toBe(false);
    const point = labelPoint(geometry);
    expect(geoContains(geometry, point), `${point}`).toBe(true);
  });

  it('names every piece of every country of the world inside it, across 180° too (Fiji, Russia)', () => {
    const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
    const outside: string[] = [];
    for (const country of feature(world, world.objects.countries).features) {
      const g = country.geometry as Polygon | MultiPolygon;
      for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
        const piece: MultiPolygon = { type: 'MultiPolygon', coordinates: [rings] };
        const point = labelPoint(piece);
        if (!geoContains(piece, point)) outside.push(`${(country.properties as { name: string }).name} ${point}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

describe('countryIds', () => {
  it('gives a code two countries share to the larger, and the other its name', () => {
    const square = (size: number): Polygon => ({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, size],
          [size, size],
          [size, 0],
          [0, 0],
        ],
      ],
    });
    const country = (id: string | undefined, name: string, size: number) =>
      ({ type: 'Feature', id, properties: { name }, geometry: square(size) }) as const;
    expect(
      countryIds([
        country('036', 'Ashmore and Cartier Is.', 0.1),
        country('036', 'Australia', 5),
        country(undefined, 'Kosovo', 1),
      ]),
    ).toEqual(['x-ashmore-and-cartier-is', '036', 'x-kosovo']);
  });
});

describe('region.topo.json', () => {
  it('is what world-atlas and story.json build today, byte for byte', () => {
    const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{
      countries: GeometryCollection<{ name: string }>;
    }>;
    const rebuilt = `${JSON.stringify(buildRegion(world, meta.region.bounds))}\n`;
    // Compare lengths first: a failure then says how far apart the files are, not 100 kB of diff.
    expect(rebuilt.length).toBe(committed.length);
    expect(rebuilt === committed).toBe(true);
  });

  it('stays small enough to ship (under 150 kB)', () => {
    expect(Buffer.byteLength(committed)).toBeLessThan(150 * 1024);
  });

  it('has no coordinate outside the region bounds', () => {
    const [w, s, e, n] = meta.region.bounds;
    const eps = 1e-9;
    let count = 0;
    for (const country of countries) {
      for (const ring of rings(country.geometry as Polygon | MultiPolygon)) {
        expect(isClosed(ring)).toBe(true);
        for (const [lon, lat] of ring) {
          count++;
          expect(lon!).toBeGreaterThanOrEqual(w - eps);
          expect(lon!).toBeLessThanOrEqual(e + eps);
          expect(lat!).toBeGreaterThanOrEqual(s - eps);
          expect(lat!).toBeLessThanOrEqual(n + eps);
        }
      }
    }
    expect(count).toBeGreaterThan(1000);
  });

  it('has every country once, with a stable id and a name, sorted by id', () => {
    const ids = region.objects.countries.geometries.map((g) => String(g.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a.localeCompare(b))).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^(\d{3}|x-[a-z0-9-]+)$/);
    for (const g of region.objects.countries.geometries) {
      expect(Object.keys(g.properties ?? {}).sort()).toEqual(['label', 'name']);
    }
    for (const id of ['004', '586', '364', '860', '762', '795', '156', '643', '398', '417']) expect(ids).toContain(id);
  });

  it('winds every ring the way d3 expects: no country covers half the globe', () => {
    for (const country of countries) {
      expect(geoArea(country), country.properties.name).toBeLessThan(2 * Math.PI);
      expect(geoArea(country), country.properties.name).toBeGreaterThan(0);
    }
  });

  it('puts each country label inside the region', () => {
    const [w, s, e, n] = meta.region.bounds;
    for (const country of countries) {
      const label = country.properties.label;
      if (!label) continue;
      expect(label[0]).toBeGreaterThanOrEqual(w);
      expect(label[0]).toBeLessThanOrEqual(e);
      expect(label[1]).toBeGreaterThanOrEqual(s);
      expect(label[1]).toBeLessThanOrEqual(n);
    }
    const afghanistan = countries.find((c) => String(c.id) === '004')!;
    expect(geoContains(afghanistan, afghanistan.properties.label!)).toBe(true);
  });

  it('contains every place of places.json inside its country, and names every country it leaves unplaced', () => {
    const byId = new Map(countries.map((c) => [String(c.id), c]));
    for (const place of places) {
      const country = byId.get(place.country!);
      expect(country, `${place.id}: country ${place.country}`).toBeDefined();
      // A country with no coordinates is drawn at its name, where the geography writes it.
      const at = place.coordinates ?? country!.properties.label;
      expect(at, `${place.id}: a point to draw it at`).toBeTruthy();
      expect(geoContains(country!, at!), `${place.id} in ${place.country}`).toBe(true);
    }
  });

  it('contains each region place in one of the countries it stands for', () => {
    const byId = new Map(countries.map((c) => [String(c.id), c]));
    for (const place of places.filter((p) => p.countries)) {
      for (const id of place.countries!) expect(byId.has(id), `${place.id}: ${id}`).toBe(true);
      expect(place.countries).toContain(place.country);
    }
  });

  it('tells places apart: Kabul is not inside Pakistan, nor Tehran inside Afghanistan', () => {
    const byId = new Map(countries.map((c) => [String(c.id), c]));
    expect(geoContains(byId.get('586')!, [69.17, 34.53])).toBe(false);
    expect(geoContains(byId.get('004')!, [51.42, 35.7])).toBe(false);
  });
});
