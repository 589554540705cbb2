/**
 * Every country of the world can be a place (issue 22, item 1): each of Natural Earth's countries,
 * written as a story's places.json writes a country with no coordinates, resolves to its own
 * country, is named, and gets a point to write its name at inside its own outline, in the
 * geography the build cuts for a story of that country alone. Among them: a territory Natural
 * Earth gives its country's code (Ashmore and Cartier, Australia's 036), countries across 180°
 * (Fiji, Kiribati, Russia), states with no ISO code (Kosovo, Northern Cyprus, Somaliland),
 * countries too small for the map to name (Kiribati, Malta). Then a sweep of whole stories: one
 * unplaced claim about a country, built and drawn, its country named on the overview.
 */
import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3-geo';
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import { readStoryFiles } from '../../src/build/plugin';
import { countryResolver } from '../../src/prepare/countries';
import { deriveRegion } from '../../src/prepare/frame';
import { makeGeography } from '../../src/prepare/geography';
import { namePoints } from '../../src/prepare/placing';
import { prepareStory, type StoryFiles } from '../../src/prepare/prepare';
import { worldCountries, type WorldCountry } from '../../src/prepare/world';
import { selectionView } from '../../src/camera/framing';
import { renderScene, sceneSource } from '../../src/static/scene';
import type { Size } from '../../src/camera/view';
import type { Place } from '../../src/story/types';
import { storyUnderTest } from '../support';

/** Natural Earth's numeric code → the ISO codes (alpha-2, alpha-3, numeric), for the countries the standard has. */
const ISO = new Map(
  (codes as [string, string, string][]).map(([alpha2, alpha3, numeric]) => [numeric, [alpha2, alpha3, numeric]]),
);

const world = worldCountries();

/** The reader's map (`layout.test.ts`'s MAP_SIZES). */
const READER: Size = { width: 722, height: 480 };
const byName = (name: string) => world.find((c) => c.name === name)!;

/** A country as a journalist's places.json writes it: drawn at its name, no coordinates. */
function countryPlace(country: WorldCountry, given: string): Place {
  return { id: 'here', name: country.name, kind: 'country', country: given, source: 'test' } as Place;
}

/** The point a story of `country` alone writes its name at, in the geography cut for it. */
function namePoint(country: WorldCountry) {
  const region = deriveRegion([], [country])!;
  return namePoints(makeGeography(region.bounds).topology).get(country.id);
}

describe('every country of the world as a place', () => {
  it('has one country per id: a territory never takes a country’s code', () => {
    const ids = world.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byName('Australia').id).toBe('036');
    expect(byName('Ashmore and Cartier Is.').id).toBe('x-ashmore-and-cartier-is');
  });

  it('resolves each country, by each of its codes or (with none) its name, names it, and writes its name inside it', () => {
    const failures: string[] = [];
    for (const country of world) {
      for (const given of ISO.get(country.id) ?? [country.name]) {
        const found = countryResolver().resolve(countryPlace(country, given).country!);
        if (!('id' in found) || found.id !== country.id || !found.name) {
          failures.push(`${country.name} as "${given}": ${JSON.stringify(found)}`);
        }
      }
      const point = namePoint(country);
      if (!point || !geoContains(country.shape, point))
        failures.push(`${country.name}: name at ${point} is outside it`);
    }
    expect(failures).toEqual([]);
    expect(world.length).toBe(241);
  }, 120_000);

  it('resolves each country by the name Natural Earth writes, unless that name is ambiguous', () => {
    const failures = world.flatMap((country) => {
      const found = countryResolver().resolve(country.name);
      if ('id' in found) return found.id === country.id ? [] : [`${country.name} → ${found.id}`];
      return /may be/.test(found.problem) ? [] : [`${country.name}: ${found.problem}`];
    });
    expect(failures).toEqual([]);
  });

  it('resolves a state with no ISO code by name, and a territory that shares a code by its own', () => {
    const cases: [string, string][] = [
      ['Kosovo', 'x-kosovo'],
      ['N. Cyprus', 'x-n-cyprus'],
      ['Somaliland', 'x-somaliland'],
      ['Ashmore and Cartier Is.', 'x-ashmore-and-cartier-is'],
      ['Australia', '036'],
      ['AU', '036'],
      ['AUS', '036'],
      ['036', '036'],
      ['36', '036'],
    ];
    for (const [given, id] of cases) expect(countryResolver().resolve(given), given).toMatchObject({ id });
  });

  it('writes the name of a country across 180° on its largest part, inside it', () => {
    for (const name of ['Fiji', 'Kiribati', 'Russia', 'United States of America', 'New Zealand']) {
      const country = byName(name);
      const point = namePoint(country)!;
      expect(geoContains(country.shape, point), `${name} at ${point}`).toBe(true);
    }
    // The United States is named on its largest part, not in Alaska nor the ocean between.
    const [lon, lat] = namePoint(byName('United States of America'))!;
    expect(lon).toBeGreaterThan(-125);
    expect(lat).toBeLessThan(50);
  });
});

/** A story of one unplaced claim about `country`, with no region: the build frames it. */
function storyOf(country: string): StoryFiles {
  const files = readStoryFiles(storyUnderTest());
  const quote = 'Something happened there, officials said.';
  const story = JSON.parse(files['story.json']) as Record<string, unknown>;
  delete story.region;
  return {
    ...files,
    'story.json': JSON.stringify(story),
    'article.txt': `A test story\n${quote}\n`,
    'places.json': JSON.stringify({
      places: [{ id: 'here', name: country, kind: 'country', country, source: 'test' }],
    }),
    'claims.json': JSON.stringify({
      claims: [
        {
          id: 'there',
          kind: 'diplomatic',
          shape: 'point',
          modality: 'reported',
          actors: ['Officials'],
          origin: 'here',
          destinations: [],
          unplaced: true,
          caption: 'Something happened there',
          selector: { type: 'TextQuoteSelector', exact: quote },
        },
      ],
    }),
  };
}

describe('a story of one unplaced claim about a country', () => {
  const sweep = [
    'Australia',
    'France',
    'Norway',
    'Fiji',
    'Kiribati',
    'Russia',
    'United States',
    'Kosovo',
    'New Zealand',
    'Chile',
    'Indonesia',
    'Denmark',
  ];
  it.each(sweep)('builds %s, with its name written inside it and named once on the overview', (name) => {
    const story = prepareStory(storyOf(name));
    const place = story.places[0]!;
    const country = world.find((c) => c.id === place.country)!;
    expect(geoContains(country.shape, place.coordinates), `${name} at ${place.coordinates}`).toBe(true);
    // Drawn: the claim's badge, and the place named on the reader's overview.
    expect(story.flows.features.some((f) => f.properties.claimId === 'there')).toBe(true);
    const source = sceneSource(story);
    const scene = renderScene(source, selectionView(story, source.placeLabels, [], READER), READER);
    const names = [...scene.places, ...scene.countryLabels].map((l) => l.name.toLowerCase());
    // Named once, as the story names it (the United States, not also Natural Earth's "United States of America").
    expect(
      names.filter((n) => n === name.toLowerCase()),
      name,
    ).toHaveLength(1);
    if (country.name !== name) expect(names, name).not.toContain(country.name.toLowerCase());
    expect(scene.markers.some((m) => m.badge)).toBe(true);
  });
});
