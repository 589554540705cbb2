/**
 * Region from the places (issue 14, item 2): without a `region` in story.json the build frames
 * the story's places with a margin, and cuts its geography for that frame.
 */
import { geoArea, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { countryBody, deriveRegion, FRAME, placesFrame, within } from '../../src/prepare/frame';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory, storyRegion, type StoryFiles } from '../../src/prepare/prepare';
import { worldCountries } from '../../src/prepare/world';
import type { Bounds, LonLat, Story } from '../../src/story/types';

const world = worldCountries();
const country = (id: string) => world.find((c) => c.id === id)!;

/** A story folder's files without the region its story.json gives. */
function withoutRegion(dir: string): StoryFiles {
  const files = readStoryFiles(dir);
  const meta = JSON.parse(files['story.json']) as { region?: unknown };
  delete meta.region;
  return { ...files, 'story.json': JSON.stringify(meta) };
}

const inside = ([w, s, e, n]: Bounds, [x, y]: LonLat) => x >= w && x <= e && y >= s && y <= n;

/** Each box inside the next, by at least the margins the framing keeps. */
function expectNested({ bounds, maxBounds, overview }: Story['meta']['region']): void {
  expect(within(overview, maxBounds)).toBe(true);
  expect(within(maxBounds, bounds)).toBe(true);
  for (let i = 0; i < 4; i++) {
    const outward = i < 2 ? -1 : 1;
    // Clamped at the poles and the antimeridian, else a margin on every side.
    if (Math.abs(bounds[i]!) < (i % 2 ? 85 : 180)) {
      expect((bounds[i]! - maxBounds[i]!) * outward).toBeGreaterThanOrEqual(FRAME.clip - 0.1);
      expect((maxBounds[i]! - overview[i]!) * outward).toBeGreaterThanOrEqual(FRAME.minPan - 0.1);
    }
  }
}

describe('a country body', () => {
  it('is its largest piece of land and the pieces near it, not its far territories', () => {
    const [w, s, e, n] = countryBody(country('250')).box;
    // France with Corsica (9.6°E), without French Guiana (South America) or Réunion.
    expect([w, s, e, n].map(Math.round)).toEqual([-5, 41, 10, 51]);
    // The United States without Alaska and Hawaii.
    expect(countryBody(country('840')).box.map(Math.round)).toEqual([-125, 25, -67, 49]);
    // Indonesia whole, Sumatra to New Guinea: islands a strait apart.
    const indonesia = countryBody(country('360')).box;
    expect(indonesia[0]).toBeLessThan(96);
    expect(indonesia[2]).toBeGreaterThan(140);
  });

  it('runs on across the antimeridian rather than round the world (Russia to Chukotka)', () => {
    const [w, , e] = countryBody(country('643')).box;
    expect(w).toBeGreaterThan(19);
    expect(e).toBeGreaterThan(180);
    expect(e - w).toBeLessThan(180);
  });
});

describe('the frame of the places', () => {
  it('frames a country and a city in it whole', () => {
    const mali = countryBody(country('466')).box;
    expect(placesFrame([[-3, 16.77]], [country('466')])).toEqual(mali);
  });

  it('frames a much larger country only where the rest reaches it (Russia and China beside Afghanistan)', () => {
    const frame = placesFrame(
      [[63.5, 46.2]],
      ['004', '586', '364', '860', '762', '795', '156', '643', '398', '417'].map(country),
    )!;
    // From Iran's west to Kazakhstan's east, from Pakistan's south to Kazakhstan's north.
    expect(frame.map(Math.round)).toEqual([44, 24, 87, 55]);
  });

  it('reaches into a large country it would otherwise leave out', () => {
    const frame = placesFrame([[-99.13, 19.43]], [country('840')])!;
    expect(inside(frame, [-99.13, 19.43])).toBe(true);
    // A few degrees of the United States, north of Mexico City, not all of it.
    expect(frame[3]).toBeGreaterThan(30);
    expect(frame[3]).toBeLessThan(40);
    expect(frame[2] - frame[0]).toBeLessThan(20);
  });

  it('has nothing to frame without a place', () => {
    expect(placesFrame([], [])).toBeNull();
    expect(deriveRegion([], [])).toBeNull();
  });
});

describe('the region derived from the frame', () => {
  it('gives one city a few degrees round it', () => {
    const region = deriveRegion([[2.35, 48.85]], [])!;
    expect(region.overview[2] - region.overview[0]).toBeGreaterThanOrEqual(FRAME.minSize);
    expect(region.overview[3] - region.overview[1]).toBeGreaterThanOrEqual(FRAME.minSize);
    expect(inside(region.overview, [2.35, 48.85])).toBe(true);
    expectNested(region);
  });

  it('is rounded outwards to a tenth of a degree', () => {
    const region = deriveRegion([[2.3456, 48.8567]], [country('250')])!;
    for (const box of Object.values(region)) for (const v of box) expect(Math.round(v * 10) / 10).toBe(v);
  });

  it('stays on the map: latitudes within ±85°, longitudes running on past 180° rather than round the world', () => {
    const region = deriveRegion([], [country('643')])!;
    // Russia to Chukotka, in one turn of longitude.
    expect(region.overview[2]).toBeGreaterThan(180);
    expect(region.bounds[2] - region.bounds[0]).toBeLessThanOrEqual(360);
    expect(region.bounds[3]).toBeLessThanOrEqual(85);
    expectNested(region);
  });
});

describe('a story without a region', () => {
  for (const dir of ['data', 'tests/fixtures/story']) {
    describe(dir, () => {
      const files = withoutRegion(dir);
      const story = prepareStory(files);
      const { region } = story.meta;

      it('builds, framed round its places with a margin', () => {
        expect(storyRegion(files)).toEqual({ region, explicit: false });
        expectNested(region);
        for (const place of story.places) {
          expect(inside(region.maxBounds, place.coordinates), place.id).toBe(true);
          expect(inside(region.bounds, place.coordinates), place.id).toBe(true);
        }
        const given = (JSON.parse(readStoryFiles(dir)['story.json']) as Story['meta']).region;
        // Near what its maker chose by hand: the overview's corners within a few degrees.
        for (let i = 0; i < 4; i++) expect(Math.abs(region.overview[i]! - given.overview[i]!), `${i}`).toBeLessThan(8);
      });

      it('is cut its own geography, every country once, none wrapped round the globe', () => {
        const countries = feature(story.geography, story.geography.objects.countries).features;
        const [w, s, e, n] = region.bounds;
        for (const c of countries) {
          expect(geoArea(c), c.properties.name).toBeLessThan(2 * Math.PI);
          const label = c.properties.label;
          if (label) expect(inside([w, s, e, n], label), c.properties.name).toBe(true);
        }
        // Every country a place is drawn at is written inside its own outline.
        for (const place of story.places.filter((p) => p.kind === 'country')) {
          const shape = countries.find((c) => String(c.id) === place.country)!;
          expect(geoContains(shape, place.coordinates), place.id).toBe(true);
        }
      });
    });
  }

  it('first story: keeps an explicit region as story.json gives it', () => {
    const story = prepareStory(readStoryFiles('data'));
    expect(story.meta.region).toEqual({
      bounds: [26, 4, 106, 68],
      maxBounds: [31, 9, 101, 63],
      overview: [44, 23.5, 91, 50],
    });
  });
});
