/**
 * Any place on Earth (issue 22): a story across the antimeridian is framed and drawn there, a few
 * far places are left to the overview's edge, and a claim may have several origins.
 */
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { farPlaces, type FramedPlace } from '../../src/prepare/far';
import { lonWindow } from '../../src/prepare/frame';
import { worldCountries } from '../../src/prepare/world';
import { projectionFor, webMercatorPixel } from '../../src/camera/view';
import { claimsCsv, publishedClaims } from '../../src/build/publish';
import type { Bounds, LonLat } from '../../src/story/types';

const world = worldCountries();
const country = (id: string) => world.find((c) => c.id === id)!;
const inside = ([w, s, e, n]: Bounds, [x, y]: LonLat) => x >= w && x <= e && y >= s && y <= n;
const pacific = prepareStory(readStoryFiles('tests/fixtures/pacific'));
const place = (id: string) => pacific.places.find((p) => p.id === id)!;

describe('a story across the antimeridian', () => {
  const { overview, maxBounds, bounds } = pacific.meta.region;

  it('is framed on its places, running on past 180° rather than round the world', () => {
    expect(overview[0]).toBeGreaterThan(90);
    expect(overview[2]).toBeGreaterThan(180);
    expect(bounds[2] - bounds[0]).toBeLessThanOrEqual(360);
    for (const p of pacific.places) expect(inside(maxBounds, p.coordinates), p.id).toBe(true);
    // Fiji, across 180°, named inside its own outline, on the story's side of the antimeridian.
    expect(place('fiji').coordinates[0]).toBeGreaterThan(170);
  });

  it('cuts its geography in the frame, each country named inside its own outline', () => {
    const countries = feature(pacific.geography, pacific.geography.objects.countries).features;
    for (const p of pacific.places.filter((q) => q.kind === 'country')) {
      const shape = countries.find((c) => String(c.id) === p.country)!;
      expect(geoContains(shape, p.coordinates), p.id).toBe(true);
    }
  });

  it('takes the short way: the arrow from China to the United States crosses the Pacific', () => {
    const arc = pacific.flows.features.find((f) => f.properties.claimId === 'watched' && f.properties.role === 'arc')!;
    const lons = (arc.geometry as LineString).coordinates.map(([x]) => x!);
    expect(Math.max(...lons)).toBeGreaterThan(240);
    for (let i = 1; i < lons.length; i++) expect(lons[i]!).toBeGreaterThan(lons[i - 1]!);
  });

  it('draws the SVG map where MapLibre does, centred past 180°', () => {
    const view = { center: [185, -20] as LonLat, zoom: 3 };
    const size = { width: 800, height: 500 };
    const projection = projectionFor(view, size);
    for (const at of [
      [150, -30],
      [178, -17.8],
      [200, -10],
      [261, 40],
    ] as LonLat[]) {
      const [x, y] = projection(at)!;
      const [mx, my] = webMercatorPixel(at, view, size);
      expect(x).toBeCloseTo(mx, 6);
      expect(y).toBeCloseTo(my, 6);
    }
  });

  it('publishes the places as the world writes them, within ±180°', () => {
    const places = (publishedClaims(pacific) as { places: { coordinates: LonLat }[] }).places;
    for (const p of places) expect(Math.abs(p.coordinates[0])).toBeLessThanOrEqual(180);
  });
});

describe('far places', () => {
  it('leaves the United States to the edge of a Pacific story, within the reader’s reach', () => {
    const { overview } = pacific.meta.region;
    expect(inside(overview, place('united-states').coordinates)).toBe(false);
    for (const id of ['china', 'australia', 'new-zealand', 'solomon-islands', 'vanuatu', 'fiji'])
      expect(inside(overview, place(id).coordinates), id).toBe(true);
  });

  const kabul: FramedPlace[] = [
    { id: 'afghanistan', point: null, countries: [country('004')], ends: 3 },
    { id: 'pakistan', point: null, countries: [country('586')], ends: 2 },
    { id: 'iran', point: null, countries: [country('364')], ends: 1 },
    { id: 'tajikistan', point: null, countries: [country('762')], ends: 1 },
    { id: 'moscow', point: [37.62, 55.75], countries: [], ends: 1 },
  ];

  it('sees Moscow from Kabul as far, and keeps it when story.json says so', () => {
    expect(farPlaces(kabul)).toEqual(['moscow']);
    expect(farPlaces(kabul, { keep: ['moscow'] })).toEqual([]);
    expect(farPlaces(kabul, { edge: ['iran'] })).toEqual(['iran', 'moscow']);
  });

  it('never puts a story’s main actor at the edge (more than a quarter of the claim ends)', () => {
    const heavy = kabul.map((p) => (p.id === 'moscow' ? { ...p, ends: 3 } : p));
    expect(farPlaces(heavy)).toEqual([]);
  });

  it('keeps a neighbour, however large, that touches the rest (Russia beside Central Asia)', () => {
    const withRussia = [...kabul, { id: 'russia', point: null, countries: [country('643')], ends: 1 }];
    expect(farPlaces(withRussia)).toEqual([]);
  });

  it('starts the longitudes in the widest stretch with no place', () => {
    expect(lonWindow([[-10, 40]])).toBe(-180);
    const west = lonWindow([
      [100, 150],
      [-180, -170],
      [170, 180],
    ]);
    expect(west).toBeGreaterThan(-170);
    expect(west).toBeLessThan(100);
  });
});

describe('a claim with several origins', () => {
  const airfield = pacific.claims.find((c) => c.id === 'airfield')!;

  it('is one claim, drawn with an arrow from each origin to each destination', () => {
    expect(airfield.origins).toEqual(['australia', 'new-zealand']);
    const arcs = pacific.flows.features.filter((f) => f.properties.claimId === 'airfield');
    expect(arcs.map((f) => [f.properties.from, f.properties.to])).toEqual([
      ['australia', 'solomon-islands'],
      ['new-zealand', 'solomon-islands'],
    ]);
  });

  it('is published as the data gives it, and its CSV row names both origins', () => {
    const claims = (publishedClaims(pacific) as { claims: { id: string; origin: unknown }[] }).claims;
    expect(claims.find((c) => c.id === 'airfield')!.origin).toEqual(['australia', 'new-zealand']);
    expect(claims.find((c) => c.id === 'building-gift')!.origin).toBe('china');
    expect(claimsCsv(pacific)).toContain('Australia; New Zealand');
  });
});
