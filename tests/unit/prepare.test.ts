import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStory, publishedClaims, readStoryFiles } from '../../src/build/plugin';
import {
  DataError,
  prepareStory,
  STORY_FILES,
  StoryErrors,
  type StoryFileName,
  type StoryFiles,
} from '../../src/prepare/prepare';
import { BadStoryData } from '../../src/build/report';
import { allSentences } from '../../src/story/text';

const BAD = 'tests/fixtures/bad-data';

/**
 * The real story with a bad-data fixture laid over it: each fixture folder holds only the files
 * that differ from `data/`.
 */
function overlay(name: string): StoryFiles {
  const files = readStoryFiles('data');
  for (const file of readdirSync(join(BAD, name))) {
    if (!(STORY_FILES as string[]).includes(file)) throw new Error(`${name}/${file} is not a story file`);
    files[file as StoryFileName] = readFileSync(join(BAD, name, file), 'utf8');
  }
  return files;
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A complete story folder on disk (the real data, then the fixture), for `loadStory`. */
function overlayFolder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bad-data-${name}-`));
  temporary.push(dir);
  for (const file of STORY_FILES) copyFileSync(join('data', file), join(dir, file));
  for (const file of readdirSync(join(BAD, name))) copyFileSync(join(BAD, name, file), join(dir, file));
  return dir;
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

describe('first story: prepared', () => {
  const story = prepareStory(readStoryFiles('data'));

  it('prepares without error, with its 12 claims in file order', () => {
    const raw = JSON.parse(readFileSync('data/claims.json', 'utf8')) as { claims: { id: string }[] };
    expect(story.claims).toHaveLength(12);
    expect(story.claims.map((c) => c.id)).toEqual(raw.claims.map((c) => c.id));
    expect(story.claims.map((c) => c.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(story.places).toHaveLength(9);
    // A country the data gives no point for is drawn at its name: where the geography writes it.
    const afghanistan = story.geography.objects.countries.geometries.find((g) => g.id === '004')!;
    expect(story.places.find((p) => p.id === 'afghanistan')!.coordinates).toEqual(
      (afghanistan.properties as { label: [number, number] }).label,
    );
    expect(allSentences(story.article)).toHaveLength(38);
  });

  it('binds each claim to the sentence holding its quote', () => {
    for (const claim of story.claims) {
      const sentence = allSentences(story.article).find((s) => s.id === claim.sentenceId);
      expect(sentence?.text).toBe(claim.quote);
      expect(claim.sentenceId).toBe(`p${claim.paragraph}s${claim.sentence}`);
      expect(claim.quote.slice(...claim.exactRange)).toBe(claim.selector.exact);
    }
    const ttp = story.claims.find((c) => c.id === 'ttp-pakistan')!;
    expect(ttp.sentenceId).toBe('p4s2');
    expect(ttp.quote.startsWith('Iran has faced')).toBe(true);
  });

  it('loads the same story from the folder as from its files', () => {
    expect(JSON.stringify(loadStory('data'))).toBe(JSON.stringify(story));
  });

  it('publishes the claims with their sentences and without build details', () => {
    const published = publishedClaims(story) as { title: string; claims: Record<string, unknown>[]; places: unknown[] };
    expect(published.title).toBe(story.article.title);
    expect(published.claims).toHaveLength(12);
    expect(published.places).toEqual(story.places);
    for (const claim of published.claims) {
      expect(typeof claim.quote).toBe('string');
      expect(claim).not.toHaveProperty('exactRange');
      expect(claim).not.toHaveProperty('sentenceId');
    }
  });
});

interface BadCase {
  /** Folder in tests/fixtures/bad-data. */
  name: string;
  file: StoryFileName;
  /** The claim or place, as the message names it; null when the problem is the whole file. */
  item: string | null;
  field: string | null;
  problem: RegExp;
}

const CASES: BadCase[] = [
  {
    name: 'quote-not-found',
    file: 'claims.json',
    item: 'claim "ttp-pakistan"',
    field: 'selector.exact',
    problem:
      /^quote not found in article\.txt: "Pakistani territory .* Iranian soil"; did you mean "Pakistani territory [^"]*\S"\? /,
  },
  {
    name: 'quote-found-twice',
    file: 'claims.json',
    item: 'claim "counterterrorism"',
    field: 'selector.exact',
    problem: /^quote found 2 times in article\.txt; add a prefix or suffix: "counterterrorism principles"$/,
  },
  {
    name: 'point-at-a-country',
    file: 'claims.json',
    item: 'claim "drugs"',
    field: 'unplaced',
    problem: /is drawn on the country, not at a point: set "unplaced": true, or give a city/,
  },
  {
    name: 'unknown-place-id',
    file: 'claims.json',
    item: 'claim "ttp-pakistan"',
    field: 'destinations[0]',
    problem: /unknown place id "waziristan"/,
  },
  {
    name: 'duplicate-claim-id',
    file: 'claims.json',
    item: 'claim "afghan-threats"',
    field: 'id',
    problem: /duplicate claim id/,
  },
  {
    name: 'coordinates-out-of-range',
    file: 'places.json',
    item: 'place "kabul"',
    field: 'coordinates[0]',
    problem: /must be <= 180/,
  },
  {
    name: 'place-outside-country',
    file: 'places.json',
    item: 'place "kabul"',
    field: 'coordinates',
    problem:
      /^\[51\.42, 35\.7\] is not inside Afghanistan \(004\), the place's country: it lies in Iran \(364\), [\d,]+ km from Afghanistan \(004\)$/,
  },
  {
    name: 'sea-on-land',
    file: 'places.json',
    item: 'place "arabian-sea"',
    field: 'coordinates',
    problem: /^\[66, 26\] lies in Pakistan \(586\), \d+ km from its outline, not at sea/,
  },
  {
    name: 'sea-with-country',
    file: 'places.json',
    item: 'place "arabian-sea"',
    field: 'country',
    problem: /^a place at sea \(kind "sea"\) is in no country: leave this field out/,
  },
  {
    name: 'invalid-json',
    file: 'claims.json',
    item: null,
    field: null,
    problem: /^invalid JSON at line \d+, column \d+ \(/,
  },
  {
    name: 'unknown-kind',
    file: 'claims.json',
    item: 'claim "ttp-pakistan"',
    field: 'kind',
    problem:
      /^unknown kind "terrorism"\. The kinds available are the engine's: "people-moving", .*"armed-group", .*"governance"\. Or declare it in story\.json "kinds"/,
  },
  {
    name: 'unknown-look',
    file: 'story.json',
    item: 'kind "terrorism"',
    field: 'look',
    problem: /^unknown look "red"; the looks available are "armed-group", .*"governance" and "resources"$/,
  },
  {
    name: 'duplicate-kind-id',
    file: 'story.json',
    item: 'kind "terrorism"',
    field: 'id',
    problem: /^duplicate kind id$/,
  },
  {
    name: 'kinds-share-a-look',
    file: 'claims.json',
    item: 'claim "extremists-central-asia"',
    field: 'kind',
    problem:
      /^kind "armed-threat" is drawn with the same look \("armed-group"\) as kind "armed-group" \(claim "ttp-pakistan"\), so readers could not tell them apart\. Use one kind for both, or declare one in story\.json "kinds" with a look no other kind here uses: "diplomatic", /,
  },
  {
    name: 'unknown-modality',
    file: 'claims.json',
    item: 'claim "ttp-pakistan"',
    field: 'modality',
    problem: /^must be one of "reported", "alleged", "predicted", "conditional", "recommended"$/,
  },
  {
    name: 'missing-caption',
    file: 'claims.json',
    item: 'claim "ttp-pakistan"',
    field: 'caption',
    problem: /^is required$/,
  },
  {
    name: 'empty-article',
    file: 'article.txt',
    item: null,
    field: null,
    problem: /^the article is empty$/,
  },
  {
    name: 'title-without-paragraphs',
    file: 'article.txt',
    item: null,
    field: null,
    problem: /no paragraphs/,
  },
  {
    name: 'empty-claims',
    file: 'claims.json',
    item: null,
    field: 'claims',
    problem: /must NOT have fewer than 1 items/,
  },
  {
    name: 'arrows-without-destination',
    file: 'claims.json',
    item: 'claim "ttp-pakistan"',
    field: 'destinations',
    problem: /must NOT have fewer than 1 items/,
  },
  {
    name: 'non-numeric-coordinate',
    file: 'places.json',
    item: 'place "kabul"',
    field: 'coordinates[0]',
    problem: /must be number/,
  },
  {
    name: 'duplicate-place-id',
    file: 'places.json',
    item: 'place "kabul"',
    field: 'id',
    problem: /duplicate place id/,
  },
  {
    name: 'country-not-in-geography',
    file: 'story.json',
    item: null,
    field: 'region.bounds',
    problem:
      /^\[26, 4, 106, 68\] leaves out place "mexico" \(places\.json\): Mexico \(484\) lies wholly outside them\. Widen region\.bounds to take it in, or leave "region" out/,
  },
  {
    name: 'unknown-country',
    file: 'places.json',
    item: 'place "kabul"',
    field: 'country',
    problem:
      /^unknown country "Afganistan": neither an ISO 3166-1 code nor a country's English name\. Write a country as its ISO 3166-1 alpha-2 code \("FR"\), alpha-3 \("FRA"\), numeric \("250"\) or English name \("France"\); did you mean "Afghanistan" \(AFG\)\?$/,
  },
  {
    name: 'ambiguous-country',
    file: 'places.json',
    item: 'place "brazzaville"',
    field: 'country',
    problem:
      /^"Congo" may be Republic of the Congo \(COG\) or Democratic Republic of the Congo \(COD\): give its ISO code$/,
  },
  {
    name: 'place-at-sea',
    file: 'places.json',
    item: 'place "karachi"',
    field: 'coordinates',
    problem:
      /^\[66\.6, 24\.4\] is not inside Pakistan \(586\), the place's country: it lies at sea, \d+ km off Pakistan \(586\)$/,
  },
  {
    name: 'place-outside-bounds',
    file: 'story.json',
    item: null,
    field: 'region.bounds',
    problem:
      /^\[26, 4, 106, 68\] leaves out place "beijing" \(places\.json\), at \[116\.4, 39\.9\]: the geography is cut there\. Widen region\.bounds to take it in, or leave "region" out of story\.json and the build frames the places itself$/,
  },
  {
    name: 'place-outside-maxbounds',
    file: 'story.json',
    item: null,
    field: 'region.maxBounds',
    problem:
      /^\[31, 9, 80, 63\] leaves out place "urumqi" \(places\.json\), at \[87\.6, 43\.8\]: a reader cannot pan to it\. Widen region\.maxBounds/,
  },
  {
    name: 'maxbounds-beyond-bounds',
    file: 'story.json',
    item: null,
    field: 'region.maxBounds',
    problem: /^\[31, 9, 110, 63\] reaches beyond region\.bounds \[26, 4, 106, 68\], where the geography ends/,
  },
  {
    name: 'bounds-upside-down',
    file: 'story.json',
    item: null,
    field: 'region.overview',
    problem: /^\[91, 23\.5, 44, 50\] is not \[west, south, east, north\]: west must be less than east/,
  },
  {
    name: 'border-not-shared',
    file: 'claims.json',
    item: 'claim "iran-border"',
    field: 'destinations',
    problem: /"russia" and "iran" share no border/,
  },
  {
    // Every problem is reported at once: this one, and the two checked below.
    name: 'several-problems',
    file: 'places.json',
    item: 'place "kabul"',
    field: 'coordinates',
    problem: /is not inside Afghanistan/,
  },
  {
    name: 'region-at-sea',
    file: 'places.json',
    item: 'place "arabian-sea"',
    field: 'country',
    problem:
      /^is required for a region: \[63\.5, 21\] lies at sea \(\d+ km off .*\)\. A sea, a strait or a bay is written "kind": "sea", with no country/,
  },
  {
    name: 'origin-is-destination',
    file: 'claims.json',
    item: 'claim "ttp-pakistan"',
    field: 'destinations',
    problem: /the origin "pakistan" is also a destination/,
  },
];

describe('bad story data', () => {
  it('has one test for each fixture and one fixture for each test', () => {
    expect(readdirSync(BAD).sort()).toEqual(CASES.map((c) => c.name).sort());
  });

  it('keeps fixtures to the files that differ from the real data', () => {
    for (const { name } of CASES) {
      const files = readdirSync(join(BAD, name));
      expect(files.length, name).toBeGreaterThan(0);
      for (const file of files) {
        expect(STORY_FILES, `${name}/${file}`).toContain(file);
        expect(readFileSync(join(BAD, name, file), 'utf8'), `${name}/${file}`).not.toBe(
          readFileSync(join('data', file), 'utf8'),
        );
      }
    }
  });

  describe.each(CASES)('$name', ({ name, file, item, field, problem }) => {
    it('fails with an error naming the file, the claim or place, and the field', () => {
      const error = caught(() => prepareStory(overlay(name)));
      const problems = error instanceof StoryErrors ? error.errors : [error];
      for (const p of problems) expect(p).toBeInstanceOf(DataError);
      const found = (problems as DataError[]).find((p) => p.file === file && p.item === item && p.field === field);
      expect(found, (error as Error).message).toBeDefined();
      expect(found!.problem).toMatch(problem);
    });

    it('fails to load with one line per problem, each starting with the path of its file, and no stack', () => {
      const dir = overlayFolder(name);
      const error = caught(() => loadStory(dir));
      expect(error).toBeInstanceOf(BadStoryData);
      const { message, lines, stack } = error as BadStoryData;
      expect(message.split('\n')[0]).toMatch(/^Bad story data \((one problem|\d+ problems)\):$/);
      expect(message.split('\n').slice(1)).toEqual(lines.map((line) => `  ${line}`));
      expect(stack).toBe(message);
      const path = relative(process.cwd(), resolve(dir, file));
      const line = lines.find(
        (l) =>
          l.startsWith(`${path}: `) &&
          (!item || l.includes(`: ${item}: `)) &&
          (!field || l.includes(`field "${field}"`)),
      );
      expect(line, message).toBeDefined();
      expect((error as Error).cause).toBeInstanceOf(StoryErrors);
    });
  });

  it('says what is wrong as a data author reads it: file, claim, field, problem', () => {
    expect((caught(() => prepareStory(overlay('missing-caption'))) as Error).message).toBe(
      'claims.json: claim "ttp-pakistan": field "caption": is required',
    );
    expect((caught(() => prepareStory(overlay('empty-article'))) as Error).message).toBe(
      'article.txt: the article is empty',
    );
  });

  it("matches a quote typed with straight quotes, and publishes the article's exact text", () => {
    const files = readStoryFiles('data');
    const claims = JSON.parse(files['claims.json']) as { claims: { selector: { exact: string } }[] };
    const original = claims.claims.map((c) => c.selector.exact);
    for (const c of claims.claims)
      c.selector.exact = c.selector.exact.replace(/[\u2018\u2019]/g, "'").replace(/ /g, '  ');
    const story = prepareStory({ ...files, 'claims.json': JSON.stringify(claims) });
    expect(story.claims.map((c) => c.selector.exact)).toEqual(original);
    for (const c of story.claims) expect(c.sentences.map((s) => s.id)).toEqual([c.sentenceId]);
  });

  it('names a missing file by its path', () => {
    const error = caught(() => loadStory(join(BAD, 'quote-not-found'))) as BadStoryData;
    expect(error.lines[0]!.startsWith(`${join(BAD, 'quote-not-found', 'article.txt')}: missing file`)).toBe(true);
  });

  it('reports every problem of a story at once, in the order of the files', () => {
    const lines = (caught(() => loadStory(overlayFolder('several-problems'))) as BadStoryData).lines;
    expect(
      lines.map((l) => l.replace(/^.*?(places|claims)\.json/, '$1.json').replace(/(field "[^"]+"): .*/, '$1')),
    ).toEqual([
      'places.json: place "kabul": field "coordinates"',
      'claims.json: claim "drugs": field "caption"',
      'claims.json: claim "ttp-pakistan": field "selector.exact"',
    ]);
  });
});
