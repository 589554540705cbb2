/**
 * "Get the data": the claims as CSV (parsed back here as a spreadsheet would read it), and every
 * published file saying, in its own metadata or in the README beside it, that arrows are
 * schematic, where the data comes from, and its licence.
 */
import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import {
  claimsCsv,
  CSV_COLUMNS,
  dataMetadata,
  dataReadme,
  DATA_FILES,
  publishedClaims,
  publishedFlows,
} from '../../src/build/publish';
import { kindInfo } from '../../src/story/kinds';
import { placeName } from '../../src/story/places';
import type { Story } from '../../src/story/types';
import { storyUnderTest } from '../support';

/** RFC 4180, strictly: CRLF between records, quoted fields with doubled quotes, nothing else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) throw new Error('last record not ended with CRLF');
  return rows;
}

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const files = readStoryFiles(storyUnderTest());
const story = prepareStory(files);
/** The story under test with a licence: its own, or one given here. */
const licensed = story.meta.license
  ? story
  : prepareStory({
      ...files,
      'story.json': JSON.stringify({
        ...(JSON.parse(files['story.json']) as object),
        license: { text: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      }),
    });
const fixture = prepareStory(readStoryFiles('tests/fixtures/story'));

describe('claims.csv', () => {
  it.each([
    ['the story under test', story],
    ['the fixture story', fixture],
  ] as const)('parses back (%s): one row per claim, the columns asked for, every value as the story has it', (_, s) => {
    const csv = claimsCsv(s);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    for (const column of ['number', 'kind', 'modality', 'caption', 'from', 'to', 'paragraph', 'sentence', 'quote']) {
      expect(header).toContain(column);
    }
    expect(rows).toHaveLength(s.claims.length);
    rows.forEach((row, i) => {
      const claim = s.claims[i]!;
      const record = Object.fromEntries(header!.map((name, j) => [name, row[j]]));
      expect(record).toEqual({
        number: String(claim.number),
        id: claim.id,
        kind: kindInfo(s.kinds, claim.kind).label,
        modality: claim.modality,
        caption: claim.caption,
        from: placeName(s.places, claim.origin),
        to: claim.destinations.map((id) => placeName(s.places, id)).join('; '),
        paragraph: String(claim.paragraph),
        sentence: String(claim.sentence),
        quote: claim.quote,
      });
    });
  });

  it('quotes what must be quoted: commas, double quotes, line breaks, and keeps curly quotes as UTF-8', () => {
    const tricky = 'A caption, with "quotes",\r\na line break and “curly” ones';
    const changed: Story = { ...story, claims: story.claims.map((c, i) => (i === 0 ? { ...c, caption: tricky } : c)) };
    const csv = claimsCsv(changed);
    expect(csv).toContain('"A caption, with ""quotes"",\r\na line break and “curly” ones"');
    const rows = parseCsv(csv.slice(1));
    expect(rows[1]![CSV_COLUMNS.indexOf('caption')]).toBe(tricky);
    // Fields with nothing to quote are left bare.
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('says each claim’s modality, as the story has it', () => {
    const rows = parseCsv(claimsCsv(story).slice(1));
    const modality = CSV_COLUMNS.indexOf('modality');
    expect(rows.slice(1).map((r) => r[modality])).toEqual(story.claims.map((c) => c.modality));
  });
});

describe('each published file says it is schematic, where it comes from, and its licence', () => {
  it('the metadata', () => {
    const meta = dataMetadata(licensed);
    expect(meta.schematic).toBe(true);
    expect(meta.note).toMatch(/schematic/i);
    expect(meta.note).toMatch(/not verified movements or routes/);
    expect(meta.source).toContain(licensed.article.title);
    expect(meta.source).toMatch(/quotes its sentence verbatim/);
    expect(meta.source).toMatch(/Natural Earth/);
    expect(meta.license).toBe(licensed.meta.license!.text);
    expect(meta.licenseUrl).toBe(licensed.meta.license!.url);
  });

  it('flows.geojson: as foreign members of the FeatureCollection, with each feature’s modality', () => {
    const flows = JSON.parse(JSON.stringify(publishedFlows(story))) as Record<string, unknown> & {
      features: { properties: Record<string, unknown> }[];
    };
    expect(flows.type).toBe('FeatureCollection');
    expect(flows).toMatchObject(dataMetadata(story));
    expect(flows.features).toEqual(JSON.parse(JSON.stringify(story.flows.features)));
    for (const f of flows.features)
      expect(['reported', 'alleged', 'predicted', 'conditional', 'recommended']).toContain(f.properties.modality);
  });

  it('claims.json: as top-level fields, with each claim’s modality and the kinds’ words', () => {
    const claims = publishedClaims(story) as Record<string, unknown> & {
      claims: Record<string, unknown>[];
      kinds: unknown[];
    };
    expect(claims).toMatchObject(dataMetadata(story));
    expect(claims.claims.map((c) => c.modality)).toEqual(story.claims.map((c) => c.modality));
    expect(claims.kinds).toEqual(story.kinds.map(({ id, label, description }) => ({ id, label, description })));
    for (const claim of claims.claims) expect(claim).not.toHaveProperty('look');
  });

  it('README.txt, beside them, for the CSV: every file, every column, schematic, source and licence', () => {
    const readme = dataReadme(licensed);
    for (const file of Object.values(DATA_FILES)) {
      if (file !== DATA_FILES.readme) expect(readme).toContain(file.replace('data/', ''));
    }
    for (const column of CSV_COLUMNS) expect(readme).toContain(column);
    expect(readme).toContain(`\n\n${dataMetadata(licensed).note}\n\n`);
    expect(readme).toMatch(/Arrows are schematic/);
    expect(readme).toContain(`Source: ${dataMetadata(licensed).source}`);
    expect(readme).toContain(`Licence: ${licensed.meta.license!.text} (${licensed.meta.license!.url})`);
    for (const kind of licensed.kinds) expect(readme).toContain(kind.label);
    expect(readme).toMatch(/conditional: /);
  });

  it('a story with no licence says so rather than inventing one', () => {
    expect(fixture.meta.license).toBeUndefined();
    expect(dataMetadata(fixture).license).toMatch(/^No licence stated/);
    expect(dataMetadata(fixture)).not.toHaveProperty('licenseUrl');
    expect(dataReadme(fixture)).toMatch(/Licence: No licence stated/);
  });
});
