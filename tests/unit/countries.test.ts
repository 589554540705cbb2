/**
 * Countries as a journalist knows them (issue 14, item 3): a place's country given as ISO
 * alpha-2, alpha-3, numeric, or an English name resolves to the geography's id; and a point is
 * in its country when within 10 km of its outline, or the error says where it lies.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CountryResolver, nameKeys } from '../../src/prepare/countries';
import { readStoryFiles } from '../../src/build/plugin';
import { DataError, prepareStory, StoryErrors, type StoryFiles } from '../../src/prepare/prepare';
import {
  COAST_TOLERANCE_KM,
  countryAt,
  distanceToOutline,
  km,
  nearlyInside,
  whereItLies,
} from '../../src/prepare/placing';
import { worldCountries } from '../../src/prepare/world';
import type { LonLat, Place } from '../../src/story/types';

const require = createRequire(import.meta.url);
const resolver = new CountryResolver(worldCountries());
const id = (given: string) => {
  const found = resolver.resolve(given);
  return 'id' in found ? found.id : found.problem;
};

describe('a country as the data may give it', () => {
  it('resolves ISO alpha-2, alpha-3 and numeric codes, in any case, to the geography id', () => {
    for (const given of ['AF', 'af', 'AFG', 'afg', '004', '4', ' AF ']) expect(id(given), given).toBe('004');
    expect(id('PK')).toBe('586');
    expect(id('irn')).toBe('364');
    expect(id('156')).toBe('156');
  });

  it('resolves English names, as the standard, Natural Earth or the news write them', () => {
    const cases: [string, string][] = [
      ['Afghanistan', '004'],
      ['afghanistan', '004'],
      ['the United States', '840'],
      ['United States of America', '840'],
      ['USA', '840'],
      ['UK', '826'],
      ['Great Britain', '826'],
      ['Ivory Coast', '384'],
      ["Côte d'Ivoire", '384'],
      ["Cote d'Ivoire", '384'],
      ['Russian Federation', '643'],
      ['Russia', '643'],
      ['Iran', '364'],
      ['Islamic Republic of Iran', '364'],
      ['Dem. Rep. Congo', '180'],
      ['Democratic Republic of the Congo', '180'],
      ['DRC', '180'],
      ['Moldova, Republic of', '498'],
      ['Republic of Moldova', '498'],
      ['Burma', '104'],
      ['Türkiye', '792'],
      ['St. Lucia', '662'],
      ['Bosnia and Herz.', '070'],
      ['Bosnia and Herzegovina', '070'],
    ];
    for (const [given, expected] of cases) expect(id(given), given).toBe(expected);
  });

  it('resolves countries Natural Earth draws without an ISO code by name, or by the code in use', () => {
    expect(id('Kosovo')).toBe('x-kosovo');
    expect(id('XK')).toBe('x-kosovo');
    expect(id('x-kosovo')).toBe('x-kosovo');
    expect(id('Somaliland')).toBe('x-somaliland');
    expect(id('N. Cyprus')).toBe('x-n-cyprus');
  });

  it('resolves every country of the world by each of its codes and names to the same id', () => {
    const codes = require('i18n-iso-countries/codes.json') as [string, string, string][];
    const drawn = new Set(worldCountries().map((c) => c.id));
    let checked = 0;
    for (const [alpha2, alpha3, numeric] of codes) {
      if (!drawn.has(numeric)) continue;
      checked++;
      expect([id(alpha2), id(alpha3), id(numeric), id(String(Number(numeric)))], alpha2).toEqual([
        numeric,
        numeric,
        numeric,
        numeric,
      ]);
      expect(id(resolver.nameOf(numeric)!), alpha2).toMatch(numeric === '178' ? /may be/ : new RegExp(`^${numeric}$`));
    }
    expect(checked).toBeGreaterThan(220);
  });

  it('keeps every place of both stories where it is: their numeric codes resolve to themselves', () => {
    for (const dir of ['data', 'tests/fixtures/story']) {
      const { places } = JSON.parse(readFileSync(`${dir}/places.json`, 'utf8')) as { places: Place[] };
      for (const place of places) {
        for (const country of [place.country!, ...(place.countries ?? [])]) expect(id(country)).toBe(country);
      }
    }
  });

  it('says which countries a name may mean, and asks for the code', () => {
    expect(id('Congo')).toBe(
      '"Congo" may be Republic of the Congo (COG) or Democratic Republic of the Congo (COD): give its ISO code',
    );
  });

  it('says how to write a country it does not know, with the nearest name', () => {
    expect(id('Afganistan')).toBe(
      'unknown country "Afganistan": neither an ISO 3166-1 code nor a country\'s English name. Write a country as its ISO 3166-1 alpha-2 code ("FR"), alpha-3 ("FRA"), numeric ("250") or English name ("France"); did you mean "Afghanistan" (AFG)?',
    );
    expect(id('QQ')).toMatch(/^unknown country "QQ": neither an ISO 3166-1 alpha-2 code nor/);
    expect(id('999')).toMatch(/^unknown country "999": not an ISO 3166-1 numeric code/);
    // No guess when nothing is near.
    expect(id('Atlantis')).not.toMatch(/did you mean/);
  });

  it('says when a code is a territory the 1:50m map does not draw as a country', () => {
    expect(id('GI')).toMatch(/^"GI" is Gibraltar \(GI, GIB, 292\), which Natural Earth's 1:50m map does not draw/);
    expect(id('Gibraltar')).toMatch(/does not draw as a country of its own: give the country it belongs to/);
  });

  it('compares names without accents, case, punctuation or a leading "the"', () => {
    expect(nameKeys('The Gambia')).toEqual(['gambia']);
    expect(nameKeys('Côte d’Ivoire')).toEqual(['cote d ivoire']);
    expect(nameKeys('Korea, Republic of')).toEqual(['korea republic of', 'republic of korea']);
    expect(nameKeys('St. Kitts & Nevis')).toEqual(['saint kitts and nevis']);
  });
});

describe('a point and its country', () => {
  const world = worldCountries();
  const shape = (code: string) => world.find((c) => c.id === code)!.shape;
  const pakistan = shape('586');

  it('measures the distance to a country outline in km', () => {
    // Gwadar's coast, on the 1:50m outline, runs east-west; a degree of latitude (111 km) south of
    // the point, at sea, is a little further from it.
    expect(distanceToOutline(pakistan, [62.33, 25.1])).toBeLessThan(5);
    const far = distanceToOutline(pakistan, [62.33, 24.1]);
    expect(far).toBeGreaterThan(105);
    expect(far).toBeLessThan(120);
  });

  it(`takes a point within ${COAST_TOLERANCE_KM} km of its country's outline to be in it, and one beyond not`, () => {
    // Gwadar's coast runs east-west at about 25.1°N: points due south of it, at sea.
    const coast = [62.33, 25.1] as LonLat;
    const step = (kmSouth: number): LonLat => [coast[0], coast[1] - kmSouth / 111.2];
    const offshore = [2, 5, 8].map(step).filter((p) => !countryAt([pakistan], p));
    expect(offshore.length).toBeGreaterThan(0);
    for (const p of offshore) {
      const d = distanceToOutline(pakistan, p);
      expect(nearlyInside(pakistan, p), `${p} at ${d} km`).toBe(d <= COAST_TOLERANCE_KM);
    }
    expect(nearlyInside(pakistan, step(20))).toBe(false);
    expect(nearlyInside(pakistan, step(2))).toBe(true);
  });

  it('says in which country a point lies, or how far at sea', () => {
    const shapes = world.map((c) => c.shape);
    expect(whereItLies(shapes, [51.42, 35.7], shape('004'))).toMatch(
      /^it lies in Iran \(364\), \d{3} km from Afghanistan \(004\)$/,
    );
    expect(whereItLies(shapes, [62.33, 24.1], pakistan)).toMatch(/^it lies at sea, \d+ km off Pakistan \(586\)$/);
    expect(whereItLies(shapes, [64, 20])).toMatch(/^it lies at sea, \d+ km off (Pakistan \(586\)|Oman \(512\))$/);
  });

  it('rounds distances as a person says them', () => {
    expect(km(3.26)).toBe('3.3 km');
    expect(km(838.4)).toBe('838 km');
    expect(km(1234.5)).toBe('1,235 km');
  });
});

/** The real story with places.json edited. */
function withPlaces(edit: (places: Place[]) => void): StoryFiles {
  const files = readStoryFiles('data');
  const places = JSON.parse(files['places.json']) as { places: Place[] };
  edit(places.places);
  return { ...files, 'places.json': JSON.stringify(places) };
}

function problems(files: StoryFiles): string[] {
  try {
    prepareStory(files);
    return [];
  } catch (error) {
    return (error instanceof StoryErrors ? error.errors : [error as DataError]).map((e) => e.message);
  }
}

describe('first story: places of a story, their countries as a journalist writes them', () => {
  it('builds the same story whether countries are given as numbers, codes or names', () => {
    const plain = prepareStory(readStoryFiles('data'));
    const spelled = prepareStory(
      withPlaces((places) => {
        const names: Record<string, string> = { '004': 'AF', '586': 'PAK', '364': 'Iran', '643': 'Russian Federation' };
        for (const place of places) {
          place.country = names[place.country!] ?? place.country;
          if (place.countries) place.countries = place.countries.map((c) => (c === '398' ? 'Kazakhstan' : c));
        }
      }),
    );
    expect(JSON.stringify(spelled)).toBe(JSON.stringify(plain));
  });

  it('takes a harbour a few km off the 1:50m coast, and says where a point beyond lies', () => {
    const harbour = (coordinates: LonLat) =>
      withPlaces((places) => {
        places.push({
          id: 'gwadar',
          name: 'Gwadar',
          kind: 'city',
          country: 'Pakistan',
          coordinates,
          label: true,
          source: 'test',
        });
      });
    const offshore: LonLat = [62.33, 25.1 - 5 / 111.2];
    expect(countryAt([worldCountries().find((c) => c.id === '586')!.shape], offshore)).toBeUndefined();
    expect(problems(harbour(offshore))).toEqual([]);
    expect(problems(harbour([62.33, 24.5]))).toEqual([
      expect.stringMatching(
        /^places\.json: place "gwadar": field "coordinates": \[62\.33, 24\.5\] is not inside Pakistan \(586\), the place's country: it lies at sea, \d+ km off Pakistan \(586\)$/,
      ),
    ]);
  });

  it('says when coordinates look swapped', () => {
    const found = problems(
      withPlaces((places) => {
        places.push({
          id: 'kabul',
          name: 'Kabul',
          kind: 'capital',
          country: 'AF',
          coordinates: [34.53, 69.17],
          source: 'latitude first, by mistake',
        });
      }),
    );
    expect(found.find((m) => m.includes('"kabul"'))).toMatch(
      /is not inside Afghanistan \(004\), the place's country: it lies .*; \[69\.17, 34\.53\] would be: longitude comes first$/,
    );
  });
});
