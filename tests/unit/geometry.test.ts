import { describe, expect, it } from 'vitest';
import type { Feature, LineString, Position } from 'geojson';
import { geoContains } from 'd3-geo';
import {
  ARC_SAMPLES,
  arc,
  BASE_BEND,
  buildFlows,
  FlowError,
  fromMercator,
  headingAtEnd,
  LANE_BEND,
  toMercator,
} from '../../src/flows/geometry';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import type { FlowProperties, LonLat, Place, ResolvedClaim } from '../../src/story/types';

const story = prepareStory(readStoryFiles('data'));
const placesById = new Map(story.places.map((p) => [p.id, p]));

function place(id: string): Place {
  const p = placesById.get(id);
  if (!p) throw new Error(`no place ${id}`);
  return p;
}

/**
 * Which side of the chord from `a` to `b` the point `p` lies, on a north-up map: positive on the
 * right of travel. Computed in Mercator, where y grows southwards.
 */
function side(a: LonLat, b: LonLat, p: LonLat): number {
  const [x0, y0] = toMercator(a);
  const [x1, y1] = toMercator(b);
  const [x, y] = toMercator(p);
  return (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
}

/** Distance of `p` from the chord `a`-`b` as a share of the chord's length, in Mercator. */
function bulge(a: LonLat, b: LonLat, p: LonLat): number {
  const [x0, y0] = toMercator(a);
  const [x1, y1] = toMercator(b);
  return Math.abs(side(a, b, p)) / Math.hypot(x1 - x0, y1 - y0) ** 2;
}

function middle(line: LonLat[]): LonLat {
  return line[Math.floor(line.length / 2)]!;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

describe('toMercator / fromMercator', () => {
  it('puts lon 0, lat 0 at the middle of the world square', () => {
    expect(toMercator([0, 0]).map(round3)).toEqual([0.5, 0.5]);
    expect(toMercator([-180, 0])[0]).toBe(0);
    expect(toMercator([180, 0])[0]).toBe(1);
  });

  it('grows y southwards', () => {
    expect(toMercator([0, 40])[1]).toBeLessThan(toMercator([0, 0])[1]);
    expect(toMercator([0, -40])[1]).toBeGreaterThan(toMercator([0, 0])[1]);
  });

  it('round-trips longitude and latitude', () => {
    const points: LonLat[] = [
      [0, 0],
      [69.17, 34.53],
      [-122.4, 37.8],
      [179.9, -84],
      [-179.9, 84],
      [37.62, 55.75],
    ];
    for (const p of points) {
      const [lon, lat] = fromMercator(toMercator(p));
      expect(lon).toBeCloseTo(p[0], 9);
      expect(lat).toBeCloseTo(p[1], 9);
    }
  });
});

describe('arc', () => {
  const kabul: LonLat = [69.17, 34.53];
  const islamabad: LonLat = [73.06, 33.72];

  it('starts exactly at the origin and ends exactly at the destination', () => {
    const line = arc(kabul, islamabad);
    expect(line).toHaveLength(ARC_SAMPLES + 1);
    expect(line[0]).toEqual(kabul);
    expect(line[line.length - 1]).toEqual(islamabad);
    const other = arc([37.62, 55.75], [64.5, 42.5], 0.6, 10);
    expect(other).toHaveLength(11);
    expect(other[0]).toEqual([37.62, 55.75]);
    expect(other[10]).toEqual([64.5, 42.5]);
  });

  it('bends to the right of the direction of travel', () => {
    const trips: [LonLat, LonLat][] = [
      [kabul, islamabad],
      [islamabad, kabul],
      [
        [60, 30],
        [60, 40],
      ], // north: bends east
      [
        [60, 40],
        [60, 30],
      ], // south: bends west
      [
        [50, 35],
        [70, 35],
      ], // east: bends south
      [
        [70, 35],
        [50, 35],
      ], // west: bends north
      [
        [37.62, 55.75],
        [69.17, 34.53],
      ],
    ];
    for (const [from, to] of trips) {
      const line = arc(from, to);
      for (const p of line.slice(1, -1)) expect(side(from, to, p)).toBeGreaterThan(0);
    }
    expect(middle(arc([60, 30], [60, 40]))[0]).toBeGreaterThan(60);
    expect(middle(arc([60, 40], [60, 30]))[0]).toBeLessThan(60);
    expect(middle(arc([50, 35], [70, 35]))[1]).toBeLessThan(35);
    expect(middle(arc([70, 35], [50, 35]))[1]).toBeGreaterThan(35);
  });

  it('bulges half the bend from the chord at its middle, more for a wider bend', () => {
    // A quadratic Bézier's midpoint sits halfway between the chord's midpoint and the control point.
    expect(round3(bulge(kabul, islamabad, middle(arc(kabul, islamabad))))).toBeCloseTo(BASE_BEND / 2, 2);
    const wide = arc(kabul, islamabad, BASE_BEND + LANE_BEND);
    expect(bulge(kabul, islamabad, middle(wide))).toBeCloseTo((BASE_BEND + LANE_BEND) / 2, 2);
  });

  it('is a straight line with no bend', () => {
    const line = arc([50, 35], [70, 35], 0);
    for (const [, lat] of line) expect(lat).toBeCloseTo(35, 4);
    const lons = line.map(([lon]) => lon);
    expect([...lons].sort((a, b) => a - b)).toEqual(lons);
  });

  it('rounds inner points to 1e-5 degrees', () => {
    for (const [lon, lat] of arc(kabul, islamabad).slice(1, -1)) {
      expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
      expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
    }
  });
});

describe('headingAtEnd', () => {
  it('gives exact compass headings for straight lines', () => {
    expect(headingAtEnd(arc([60, 30], [60, 40], 0))).toBe(0);
    expect(headingAtEnd(arc([50, 35], [70, 35], 0))).toBe(90);
    expect(headingAtEnd(arc([60, 40], [60, 30], 0))).toBe(180);
    expect(headingAtEnd(arc([70, 35], [50, 35], 0))).toBe(270);
  });

  it('points an eastward arc roughly east, turned left by the bend it took to the right', () => {
    const heading = headingAtEnd(arc([50, 35], [70, 35]));
    expect(heading).toBeGreaterThan(0);
    expect(heading).toBeLessThan(90);
    // The tangent at the end of a quadratic Bézier points from the control point to the end.
    const expected = (Math.atan2(0.5, BASE_BEND) * 180) / Math.PI;
    expect(Math.abs(heading - expected)).toBeLessThan(2);
  });

  it('points every arrow at its destination', () => {
    const trips: [LonLat, LonLat][] = [
      [
        [60, 30],
        [60, 40],
      ],
      [
        [60, 40],
        [60, 30],
      ],
      [
        [70, 35],
        [50, 35],
      ],
      [
        [69.17, 34.53],
        [51.42, 35.7],
      ],
      [
        [37.62, 55.75],
        [64.5, 42.5],
      ],
    ];
    for (const [from, to] of trips) {
      const line = arc(from, to);
      const [x0, y0] = toMercator(line[line.length - 2]!);
      const [x1, y1] = toMercator(to);
      const toward = ((Math.atan2(x1 - x0, -(y1 - y0)) * 180) / Math.PI + 360) % 360;
      const diff = Math.abs(((headingAtEnd(line) - toward + 540) % 360) - 180);
      expect(diff).toBeLessThan(0.1);
      // Bent to the right of travel, the arc arrives turned left of the chord's direction.
      const [cx0, cy0] = toMercator(from);
      const chord = ((Math.atan2(x1 - cx0, -(y1 - cy0)) * 180) / Math.PI + 360) % 360;
      const turn = ((chord - headingAtEnd(line) + 540) % 360) - 180;
      expect(turn).toBeGreaterThan(10);
      expect(turn).toBeLessThan(30);
    }
  });

  it('gives headings in [0, 360)', () => {
    for (const to of [
      [60, 40],
      [70, 35],
      [60, 30],
      [50, 35],
      [55, 31],
      [65, 39],
    ] as LonLat[]) {
      const h = headingAtEnd(arc([60, 35], to));
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(360);
    }
  });
});

describe('first story: buildFlows', () => {
  const flows = story.flows;
  const claims = story.claims;
  const lines = flows.features.filter(
    (f): f is Feature<LineString, FlowProperties> => f.geometry.type === 'LineString',
  );

  it('draws one arrow per destination of each arrows claim', () => {
    const expected = claims.filter((c) => c.shape === 'arrows').reduce((n, c) => n + c.destinations.length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(lines).toHaveLength(expected);
    for (const claim of claims.filter((c) => c.shape === 'arrows')) {
      expect(lines.filter((f) => f.properties.claimId === claim.id).map((f) => f.properties.to)).toEqual(
        claim.destinations,
      );
    }
  });

  it('starts each arrow at its origin place and ends it at its destination place', () => {
    for (const f of lines) {
      const coordinates = f.geometry.coordinates;
      expect(coordinates[0]).toEqual(place(f.properties.from).coordinates);
      expect(coordinates[coordinates.length - 1]).toEqual(place(f.properties.to!).coordinates);
    }
  });

  it('fills the country for area claims', () => {
    const areas = claims.filter((c) => c.shape === 'area');
    expect(areas.length).toBeGreaterThan(0);
    for (const claim of areas) {
      const features = flows.features.filter((f) => f.properties.claimId === claim.id);
      expect(features).toHaveLength(1);
      expect(['Polygon', 'MultiPolygon']).toContain(features[0]!.geometry.type);
      expect(features[0]!.properties.to).toBeNull();
    }
  });

  it('draws a shared border for border claims', () => {
    const borders = claims.filter((c) => c.shape === 'border');
    expect(borders.length).toBeGreaterThan(0);
    for (const claim of borders) {
      const features = flows.features.filter((f) => f.properties.claimId === claim.id);
      expect(features).toHaveLength(claim.destinations.length);
      for (const f of features) {
        expect(f.geometry.type).toBe('MultiLineString');
        if (f.geometry.type !== 'MultiLineString') continue;
        expect(f.geometry.coordinates.length).toBeGreaterThan(0);
      }
    }
  });

  it('places the Afghanistan-Iran border between the two countries', () => {
    const border = flows.features.find((f) => f.properties.claimId === 'iran-border');
    expect(border?.geometry.type).toBe('MultiLineString');
    if (border?.geometry.type !== 'MultiLineString') return;
    const points = border.geometry.coordinates.flat();
    // The Afghan-Iranian border runs roughly north-south between 60°E and 62°E.
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThan(59.5);
      expect(lon).toBeLessThan(62);
      expect(lat).toBeGreaterThan(29);
      expect(lat).toBeLessThan(36);
    }
  });

  it('draws a claim the article does not place on its country, with the country’s outline, never a point', () => {
    const points = claims.filter((c) => c.shape === 'point');
    expect(points.length).toBeGreaterThan(0);
    for (const claim of points) {
      expect(claim.unplaced, claim.id).toBe(true);
      const features = flows.features.filter((f) => f.properties.claimId === claim.id);
      expect(features).toHaveLength(1);
      const [feature] = features;
      expect(feature!.properties.role).toBe('badge');
      expect(['Polygon', 'MultiPolygon']).toContain(feature!.geometry.type);
      // The outline is the origin country's: it holds the point the geography writes the name at.
      const country = story.geography.objects.countries.geometries.find((g) => g.id === place(claim.origin).country)!;
      expect(geoContains(feature!.geometry, (country.properties as { label: LonLat }).label)).toBe(true);
      expect(JSON.stringify(feature!.geometry)).not.toContain(JSON.stringify(place(claim.origin).coordinates));
    }
  });

  it('puts a marker on a city the article names', () => {
    const niamey = prepareStory(readStoryFiles('tests/fixtures/story')).flows.features.find(
      (f) => f.properties.claimId === 'smuggling',
    )!;
    expect(niamey.properties.role).toBe('point');
    expect(niamey.geometry).toEqual({ type: 'Point', coordinates: [2.11, 13.51] });
  });

  it('draws a region an arrow names as that region: the outline of its countries', () => {
    const regions = flows.features.filter((f) => f.properties.role === 'region');
    // The region a threat runs to, and the two governments that fear (one mark at their name).
    expect(regions.map((f) => [f.properties.claimId, f.properties.to])).toEqual([
      ['threat-to-region', 'central-asia'],
      ['extremists-central-asia', 'uzbekistan-tajikistan'],
    ]);
    expect(geoContains(regions[1]!.geometry, [69, 38.5])).toBe(true);
    for (const f of regions.slice(0, 1)) {
      expect(f.properties.to).toBe('central-asia');
      // Kazakhstan's north and Turkmenistan's south are both inside it.
      expect(geoContains(f.geometry, [70, 50])).toBe(true);
      expect(geoContains(f.geometry, [58.4, 38])).toBe(true);
      expect(geoContains(f.geometry, [66, 33.8])).toBe(false);
    }
  });

  it('draws what a sentence does: a view as a tie, a fear as a mark on the party that fears', () => {
    const of = (id: string) => flows.features.filter((f) => f.properties.claimId === id);
    // A view: a tie between Russia and Afghanistan, never an arc (an arrow).
    expect(of('russia-central-asia').map((f) => [f.properties.role, f.properties.act, f.properties.to])).toEqual([
      ['tie', 'views', 'afghanistan'],
    ]);
    // A fear: a mark at the name of those who fear, and a faint tie toward the source; no arc.
    const fear = of('extremists-central-asia');
    expect(fear.map((f) => f.properties.role)).toEqual(['fear', 'tie', 'region']);
    expect(fear[0]!.geometry).toEqual({ type: 'Point', coordinates: place('uzbekistan-tajikistan').coordinates });
    expect(fear[1]!.properties).toMatchObject({ from: 'uzbekistan-tajikistan', to: 'afghanistan', act: 'fears' });
    // Acts on another stay arrows; no arc ends at a party that fears.
    expect(of('russia-upgrade').map((f) => f.properties.role)).toEqual(['arc']);
    const arcs = flows.features.filter((f) => f.properties.role === 'arc');
    expect(arcs.some((f) => f.properties.to === 'uzbekistan-tajikistan')).toBe(false);
  });

  it('keeps claim order and copies the sentence each feature comes from', () => {
    const order = [...new Set(flows.features.map((f) => f.properties.claimId))];
    expect(order).toEqual(claims.map((c) => c.id));
    for (const f of flows.features) {
      const claim = claims.find((c) => c.id === f.properties.claimId)!;
      expect(f.properties).toMatchObject({
        kind: claim.kind,
        caption: claim.caption,
        quote: claim.quote,
        paragraph: claim.paragraph,
        sentence: claim.sentence,
        from: claim.origin,
      });
    }
  });

  it('keeps apart arrows between the same two places', () => {
    const pairs = new Map<string, Position[][]>();
    for (const f of lines) {
      const key = [f.properties.from, f.properties.to].sort().join('|');
      pairs.set(key, [...(pairs.get(key) ?? []), f.geometry.coordinates]);
    }
    const shared = [...pairs.values()].filter((group) => group.length > 1);
    // Afghanistan-Pakistan alone has two arrows in the real story.
    expect(shared.length).toBeGreaterThan(0);
    expect(Math.max(...shared.map((g) => g.length))).toBeGreaterThanOrEqual(2);
    for (const group of shared) {
      const mids = group.map((line) => line[Math.floor(line.length / 2)]!);
      for (let i = 0; i < mids.length; i++) {
        for (let j = i + 1; j < mids.length; j++) {
          const [a, b] = [mids[i]!, mids[j]!];
          // At least a few km apart in the middle.
          expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThan(0.05);
        }
      }
    }
  });

  it('gives an arrow and its return trip different lanes', () => {
    const claim = (id: string, origin: string, destinations: string[]): ResolvedClaim => ({
      ...story.claims.find((c) => c.shape === 'arrows')!,
      id,
      origin,
      origins: [origin],
      destinations,
    });
    const there = claim('there', 'afghanistan', ['iran']);
    const back = claim('back', 'iran', ['afghanistan']);
    const again = claim('again', 'afghanistan', ['iran']);
    const built = buildFlows([there, back, again], placesById, story.geography);
    const [a, b, c] = built.features.map((f) => (f.geometry as LineString).coordinates as LonLat[]);
    const [kabul, tehran] = [place('afghanistan').coordinates, place('iran').coordinates];
    expect(round3(bulge(kabul, tehran, middle(a!)))).toBeCloseTo(BASE_BEND / 2, 2);
    expect(bulge(kabul, tehran, middle(b!))).toBeCloseTo((BASE_BEND + LANE_BEND) / 2, 2);
    expect(bulge(kabul, tehran, middle(c!))).toBeCloseTo((BASE_BEND + 2 * LANE_BEND) / 2, 2);
    // The first trip and the third bend the same way, the third further out.
    expect(side(kabul, tehran, middle(a!))).toBeGreaterThan(0);
    expect(side(kabul, tehran, middle(c!))).toBeGreaterThan(side(kabul, tehran, middle(a!)));
  });

  it('names the claim and field of an unknown place', () => {
    const bad: ResolvedClaim = { ...story.claims.find((c) => c.id === 'ttp-pakistan')!, destinations: ['atlantis'] };
    let error: unknown;
    try {
      buildFlows([bad], placesById, story.geography);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FlowError);
    expect(error).toMatchObject({ claimId: 'ttp-pakistan', field: 'destinations[0]' });
    expect((error as Error).message).toContain('atlantis');
  });

  it('refuses a border between countries that share none', () => {
    const bad: ResolvedClaim = {
      ...story.claims.find((c) => c.id === 'iran-border')!,
      origin: 'russia',
      origins: ['russia'],
      destinations: ['pakistan'],
    };
    expect(() => buildFlows([bad], placesById, story.geography)).toThrow(FlowError);
  });
});
