/**
 * Every problem of a story in one run, each saying what to write: a file that fails its schema
 * does not stop the other checks, and no check changes what it is given. Stories made wrong on
 * purpose, in memory, from the fixture story.
 */
import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { checkPlaces } from '../../src/prepare/places';
import { DataError, prepareStory, StoryErrors, type StoryFiles } from '../../src/prepare/prepare';
import { placeInRegion } from '../../src/prepare/region';
import type { Claim, Place } from '../../src/story/types';

const FIXTURE = 'tests/fixtures/story';

interface Edits {
  places?: (places: Record<string, unknown>[]) => void;
  claims?: (claims: Partial<Claim>[]) => void;
}

/** The fixture story with its places and claims edited. */
function story({ places, claims }: Edits): StoryFiles {
  const files = readStoryFiles(FIXTURE);
  const p = JSON.parse(files['places.json']) as { places: Record<string, unknown>[] };
  const c = JSON.parse(files['claims.json']) as { claims: Partial<Claim>[] };
  places?.(p.places);
  claims?.(c.claims);
  return { ...files, 'places.json': JSON.stringify(p), 'claims.json': JSON.stringify(c) };
}

function problems(files: StoryFiles): DataError[] {
  try {
    prepareStory(files);
  } catch (error) {
    return error instanceof StoryErrors ? error.errors : [error as DataError];
  }
  throw new Error('expected problems, got none');
}

const where = (p: DataError) => `${p.file}: ${p.item}: ${p.field}`;

/** A place written as a region, with coordinates and no country. */
const region = (coordinates: [number, number]) => ({
  id: 'gulf',
  name: 'the Gulf',
  kind: 'region',
  coordinates,
  source: 'written as a region, made wrong on purpose',
});

describe('every problem at once', () => {
  it("reports a place's schema problem and a claim's unknown place id in the same run", () => {
    const found = problems(
      story({
        places: (places) => places.push(region([2, 2])),
        claims: (claims) => {
          claims[0]!.destinations = ['timbuktu'];
        },
      }),
    );
    expect(found.map(where)).toEqual([
      'places.json: place "gulf": country',
      'claims.json: claim "push-south": destinations[0]',
    ]);
    expect(found[1]!.problem).toBe(
      'unknown place id "timbuktu" (not in places.json): add the place to places.json, or write the id of one it has',
    );
  });

  it('says to write "kind": "sea" for a region with no country whose point lies at sea', () => {
    const [problem] = problems(story({ places: (places) => places.push(region([2, 2])) }));
    expect(problem!.message).toMatch(
      /^places\.json: place "gulf": field "country": is required for a region: \[2, 2\] lies at sea \(\d+ km off .+\)\. A sea, a strait or a bay is written "kind": "sea", with no country/,
    );
  });

  it('names the country to write for a region with no country whose point lies on land', () => {
    const [problem] = problems(story({ places: (places) => places.push(region([-1.2, 7.9])) }));
    expect(problem!.problem).toMatch(
      /^is required for a region: \[-1\.2, 7\.9\] lies in Ghana \(288\), so write "country": "Ghana"/,
    );
  });

  it("checks the claims past one that fails the schema: the others' places, and its own quote", () => {
    const found = problems(
      story({
        places: (places) => {
          places.find((p) => p.id === 'niamey')!.coordinates = [-1.5, 12.4];
        },
        claims: (claims) => {
          delete claims[0]!.caption;
          claims[0]!.selector = { ...claims[0]!.selector!, exact: 'words the article does not have at all' };
          claims[1]!.origin = 'atlantis';
        },
      }),
    );
    expect(found.map(where)).toEqual([
      'places.json: place "niamey": coordinates',
      'claims.json: claim "push-south": caption',
      'claims.json: claim "push-south": selector.exact',
      'claims.json: claim "niger-border": origin',
    ]);
  });

  it("reports every claim's problem with its drawing, not only the first", () => {
    const found = problems(
      story({
        claims: (claims) => {
          const border = claims.find((c) => c.id === 'niger-border')!;
          border.destinations = ['ghana'];
          claims.push({ ...border, id: 'second-border', origin: 'mali', destinations: ['togo'] });
        },
      }),
    );
    expect(found.map(where)).toEqual([
      'claims.json: claim "niger-border": destinations',
      'claims.json: claim "second-border": destinations',
    ]);
    expect(found[0]!.problem).toMatch(/share no border in the geography: name two countries that share one/);
  });

  it('names the file and the claim or place in every message, with the field where there is one', () => {
    const found = problems(
      story({
        places: (places) => {
          places.push({ ...places[0]!, country: 'Atlantis' });
          places[1]!.coordinates = [200, 12];
        },
        claims: (claims) => {
          claims.push({ ...claims[0]! });
          claims[1]!.kind = 'unheard-of';
        },
      }),
    );
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const p of found) {
      expect(p.message.startsWith(`${p.file}: `), p.message).toBe(true);
      expect(p.item ?? p.field, p.message).toBeTruthy();
    }
    expect(found.map(where)).toEqual(
      expect.arrayContaining([
        'places.json: place "mali": id',
        'places.json: place "burkina-faso": coordinates[0]',
        'claims.json: claim "niger-border": kind',
        'claims.json: claim "push-south": id',
      ]),
    );
  });
});

describe('the checks', () => {
  const freeze = <T>(value: T): T => {
    if (value && typeof value === 'object') for (const v of Object.values(value)) freeze(v);
    return Object.freeze(value);
  };

  it('resolve places without changing them: countries to their ids, countries drawn at their name to a point', () => {
    const given = freeze(JSON.parse(readStoryFiles(FIXTURE)['places.json']).places as Place[]);
    const before = JSON.stringify(given);
    const checked = checkPlaces(given);
    expect(checked.problems).toEqual([]);
    const story = prepareStory(readStoryFiles(FIXTURE));
    const placed = placeInRegion(checked.value, story.geography, story.meta.region, true);
    expect(placed.problems).toEqual([]);
    expect(placed.value).toEqual(story.places);
    expect(placed.value.every((p) => p.coordinates)).toBe(true);
    expect(JSON.stringify(given)).toBe(before);
    expect(given.some((p) => !p.coordinates)).toBe(true);
  });
});
