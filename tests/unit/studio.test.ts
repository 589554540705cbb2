import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { parseArticle, articleText, anchorQuote } from '../../src/story/text';
import { captureQuote } from '../../src/studio/quote';
import {
  checkDraft,
  DRAFT_FILES,
  draftFiles,
  readDraft,
  verdictOf,
  draftFromText,
  type DraftFiles,
  type EngineFiles,
} from '../../src/studio/draft';
import { MAX_FILE_BYTES, openStoryFolder, openStoryZip, storyZip, type FolderFile } from '../../src/studio/zip';
import { History } from '../../src/studio/history';
import {
  countries,
  countryAt,
  countryPlace,
  droppedPlace,
  findCountries,
  findTowns,
  townPlace,
  type TownRow,
} from '../../src/studio/places';
import { gazetteerRows } from '../../src/build/gazetteer';
import { saveStory } from '../../src/build/studio';
import { SCHEMA_FILES, validatorsSource } from '../../src/build/validators';
import type { Validators } from '../../src/prepare/prepare';
import type { Claim } from '../../src/story/types';
import { readStoryFiles } from '../../src/build/plugin';

const ARTICLE = [
  'A title',
  'The army moved north. Then the army moved south, and the army stayed. Refugees crossed into Chad.',
  '“It’s over,” she said — the army moved north again.',
].join('\n');
const article = parseArticle(ARTICLE);
const { text } = articleText(article);

/** Selects the `nth` occurrence (0-based) of `words` in the article as the reader sees it. */
function select(words: string, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`no ${words}`);
  return [at, at + words.length];
}

function capturedAt(start: number, end: number) {
  const capture = captureQuote(article, start, end);
  if (!capture.ok) throw new Error(capture.problem);
  const anchor = anchorQuote(article, capture.selector);
  if (!anchor.ok) throw new Error(`does not anchor: ${anchor.reason}`);
  const at = articleText(article).starts.find((s) => s.sentence.id === anchor.sentence.id)!.at + anchor.range[0];
  return { selector: capture.selector, at, anchor };
}

describe('quote capture', () => {
  it('takes words that occur once as they are, with no prefix or suffix', () => {
    const { selector } = capturedAt(...select('Refugees crossed into Chad'));
    expect(selector).toEqual({ type: 'TextQuoteSelector', exact: 'Refugees crossed into Chad' });
  });

  it('adds a prefix or suffix to repeated words, and anchors where they were selected', () => {
    for (let nth = 0; nth < 3; nth++) {
      const [start, end] = select('the army', nth);
      const { selector, at } = capturedAt(start, end);
      expect(selector.exact).toBe('the army');
      expect(selector.prefix || selector.suffix).toBeTruthy();
      expect(at).toBe(start);
    }
  });

  it('allows a selection across two sentences, bound to both', () => {
    const [start] = select('moved north.');
    const [, end] = select('Then the army');
    const { selector, anchor } = capturedAt(start, end);
    expect(selector.exact).toBe('moved north. Then the army');
    expect(anchor.spans.map((s) => s.sentence.id)).toEqual(['p1s1', 'p1s2']);
  });

  it('keeps the article’s curly quotes, apostrophes and dashes', () => {
    const { selector } = capturedAt(...select('“It’s over,” she said —'));
    expect(selector.exact).toBe('“It’s over,” she said —');
    // And a selector typed with straight quotes still anchors to the same words.
    expect(anchorQuote(article, { type: 'TextQuoteSelector', exact: '"It\'s over," she said -' }).ok).toBe(true);
  });

  it('leaves out space around the selection, and refuses an empty one or one across paragraphs', () => {
    const [start, end] = select(' Refugees crossed ');
    expect(capturedAt(start, end).selector.exact).toBe('Refugees crossed');
    expect(captureQuote(article, 5, 5).ok).toBe(false);
    const [from] = select('into Chad');
    const [, to] = select('“It’s');
    expect(captureQuote(article, from, to)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('one paragraph'),
    });
  });
});

const dataFiles = readStoryFiles(resolve('data'));
const engine = Object.fromEntries(
  Object.entries(dataFiles).filter(([name]) => !(DRAFT_FILES as readonly string[]).includes(name)),
) as EngineFiles;
const four = Object.fromEntries(DRAFT_FILES.map((n) => [n, dataFiles[n]])) as DraftFiles;

function zipOf(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  );
}

describe('story zip', () => {
  it('round trip: the story downloaded and opened again is the same story, and passes the build’s checks', () => {
    const read = readDraft(four);
    if (!('draft' in read)) throw new Error('unreadable');
    const zipped = storyZip('my-story', draftFiles(read.draft));
    const opened = openStoryZip(zipped);
    if (!('files' in opened)) throw new Error(opened.problems.map((p) => p.message).join('\n'));
    expect(opened.ignored).toEqual([]);
    const again = readDraft(opened.files);
    if (!('draft' in again)) throw new Error('unreadable');
    expect(again.draft).toEqual(read.draft);
    const checked = checkDraft(again.draft, engine);
    expect(checked.problems).toEqual([]);
    expect(checked.story?.claims.length).toBe(JSON.parse(four['claims.json']).claims.length);
  });

  it('reads only the four story files: nothing else, nothing outside the zip’s folder', () => {
    const opened = openStoryZip(
      zipOf({
        ...four,
        '../claims.json': '{"claims": "from outside"}',
        '/etc/places.json': 'x',
        'a/b/story.json': 'x',
        'run.sh': 'rm -rf /',
      }),
    );
    if (!('files' in opened)) throw new Error(opened.problems.map((p) => p.message).join('\n'));
    expect(opened.files).toEqual(four);
    expect(opened.ignored.sort()).toEqual(['../claims.json', '/etc/places.json', 'a/b/story.json', 'run.sh'].sort());
  });

  it('refuses a missing file, naming it', () => {
    const { 'places.json': _gone, ...three } = four;
    expect(openStoryZip(zipOf(three))).toEqual({ problems: [expect.objectContaining({ file: 'places.json' })] });
  });

  it('refuses an article over the size cap, and a zip bomb, before inflating them', () => {
    const big = openStoryZip(zipOf({ ...four, 'article.txt': 'x'.repeat(MAX_FILE_BYTES + 1) }));
    expect(big).toEqual({
      problems: [expect.objectContaining({ file: 'article.txt', problem: expect.stringContaining('at most') })],
    });
    // A bomb: 200 MB of zeros deflates to about 200 kB.
    const zeros = new Uint8Array(200 * 1024 * 1024);
    const bomb = openStoryZip(zipOf({ ...four, 'claims.json': zeros }));
    expect(bomb).toEqual({
      problems: [expect.objectContaining({ file: 'claims.json', problem: expect.stringContaining('at most') })],
    });
  });

  it('refuses a bomb whose declared size lies', () => {
    const zipped = zipOf({ ...four, 'claims.json': new Uint8Array(50 * 1024 * 1024) });
    // Patch the declared uncompressed size of claims.json (local header and central directory) to 10 bytes.
    const view = new DataView(zipped.buffer, zipped.byteOffset, zipped.byteLength);
    for (let i = 0; i < zipped.length - 4; i++) {
      const sig = view.getUint32(i, true);
      const name = (offset: number, length: number) =>
        new TextDecoder().decode(zipped.subarray(offset, offset + length));
      if (sig === 0x04034b50 && name(i + 30, view.getUint16(i + 26, true)) === 'claims.json')
        view.setUint32(i + 22, 10, true);
      if (sig === 0x02014b50 && name(i + 46, view.getUint16(i + 28, true)) === 'claims.json')
        view.setUint32(i + 24, 10, true);
    }
    const started = performance.now();
    const opened = openStoryZip(zipped);
    expect(opened).toEqual({ problems: [expect.objectContaining({ file: 'claims.json' })] });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a file too large to be a zip, and something that is not a zip', () => {
    expect(openStoryZip(new Uint8Array(6 * 1024 * 1024), 'big.zip')).toEqual({
      problems: [expect.objectContaining({ file: 'big.zip' })],
    });
    expect(openStoryZip(strToU8('hello'), 'notes.zip')).toEqual({
      problems: [expect.objectContaining({ file: 'notes.zip' })],
    });
    expect(openStoryZip(deflateSync(strToU8('hello')), 'raw.zip')).toEqual({
      problems: [expect.objectContaining({ file: 'raw.zip' })],
    });
  });

  it('names the file and line of malformed JSON, and text that is not UTF-8', () => {
    const broken = openStoryZip(zipOf({ ...four, 'claims.json': '{\n  "claims": [\n    {,}\n  ]\n}' }));
    if (!('files' in broken)) throw new Error('should open');
    const read = readDraft(broken.files);
    expect(read).toEqual({
      problems: [expect.objectContaining({ file: 'claims.json', problem: expect.stringContaining('line 3') })],
    });
    const latin1 = openStoryZip(zipOf({ ...four, 'article.txt': new Uint8Array([0x54, 0xe9, 0x0a]) }));
    expect(latin1).toEqual({
      problems: [expect.objectContaining({ file: 'article.txt', problem: 'is not UTF-8 text' })],
    });
  });

  it('keeps markup in a story as text: nothing to strip, nothing run (the page shows it as text)', () => {
    const read = readDraft({
      ...four,
      'article.txt': 'Title <img src=x onerror=alert(1)>\n<script>alert(1)</script> Body.',
    });
    if (!('draft' in read)) throw new Error('unreadable');
    expect(read.draft.article).toContain('<script>');
  });
});

describe('a story folder', () => {
  /** A folder as the browser gives it: every file, with its path from the folder picked. */
  const folder = (entries: Record<string, string>, sizes: Record<string, number> = {}): FolderFile[] =>
    Object.entries(entries).map(([path, text]) => ({
      path,
      size: sizes[path] ?? strToU8(text).length,
      bytes: async () => {
        if (sizes[path]) throw new Error(`${path} read despite its size`);
        return strToU8(text).buffer as ArrayBuffer;
      },
    }));
  const inFolder = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([name, text]) => [`my-story/${name}`, text]));

  it('opens the four files, and nothing else in it or deeper', async () => {
    const opened = await openStoryFolder(
      folder({ ...inFolder(four), 'my-story/region.topo.json': '{}', 'my-story/dist/claims.json': 'x' }),
    );
    if (!('files' in opened)) throw new Error(opened.problems.map((p) => p.message).join('\n'));
    expect(opened.files).toEqual(four);
    expect(opened.ignored.sort()).toEqual(['my-story/dist/claims.json', 'my-story/region.topo.json']);
  });

  it('refuses a file over the cap without reading it, and names a missing one', async () => {
    const opened = await openStoryFolder(
      folder(inFolder({ ...four, 'places.json': '' }), { 'my-story/article.txt': 50 * 1024 * 1024 }),
    );
    expect(opened).toEqual({
      problems: [expect.objectContaining({ file: 'article.txt', problem: expect.stringContaining('50.0 MB') })],
    });
  });

  it('names the file and line of malformed JSON, as for a zip', async () => {
    const broken = { ...four, 'places.json': '{\n  "places": [\n    { "id": "x", }\n  ]\n}\n' };
    const opened = await openStoryFolder(folder(inFolder(broken)));
    if (!('files' in opened)) throw new Error('refused');
    expect(readDraft(opened.files)).toEqual({
      problems: [expect.objectContaining({ file: 'places.json', problem: expect.stringContaining('line 3') })],
    });
  });
});

describe('verdict', () => {
  it('previews a story with a problem without the claim at fault, and says where the problem is', () => {
    const read = readDraft(four);
    if (!('draft' in read)) throw new Error('unreadable');
    const broken = read.draft.claims[0]!;
    broken.origin = 'nowhere';
    const verdict = verdictOf(read.draft, engine);
    expect(verdict.problems).toEqual([
      expect.objectContaining({ file: 'claims.json', item: `claim "${broken.id}"`, field: 'origin' }),
    ]);
    expect(verdict.partial).toBe(true);
    expect(verdict.story?.claims.map((c) => c.id)).toEqual(read.draft.claims.slice(1).map((c) => c.id));
    // Plain data: it crosses from the worker.
    expect(structuredClone(verdict)).toEqual(verdict);
  });

  it('is the same with the schemas compiled ahead, as the studio checks under a CSP without eval', async () => {
    const dir = resolve('node_modules/.cache');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `validators-${process.pid}.mjs`);
    writeFileSync(file, validatorsSource(dataFiles));
    const { validators } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { validators: Validators };
    rmSync(file);
    expect(Object.keys(validators).sort()).toEqual([...SCHEMA_FILES].sort());
    const read = readDraft(four);
    if (!('draft' in read)) throw new Error('unreadable');
    const claim = read.draft.claims[0]! as Claim & { colour?: string };
    claim.colour = 'red';
    claim.actors = [];
    read.draft.places[0]!.name = '';
    const compiled = verdictOf(read.draft, engine, validators);
    expect(compiled.problems.length).toBeGreaterThanOrEqual(3);
    expect(compiled).toEqual(verdictOf(read.draft, engine));
  });
});

describe('history', () => {
  it('undoes and redoes, and a new change drops what was undone', () => {
    const h = new History('a');
    h.push('b');
    h.push('c');
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('b');
    h.push('d');
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe('b');
  });

  it('is kept across a reload for the same draft, the oldest steps dropped where storage is full', () => {
    const items = new Map<string, string>();
    let quota = Infinity;
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (value.length > quota) throw new DOMException('full', 'QuotaExceededError');
        items.set(key, value);
      },
    } as Storage;
    const h = new History('a');
    for (const step of ['b', 'c', 'd']) h.push(step);
    h.undo();
    h.keep(storage);
    const again = History.kept(storage, 'c');
    expect([again.canUndo, again.canRedo]).toEqual([true, true]);
    expect(again.redo()).toBe('d');
    expect([again.undo(), again.undo(), again.undo()]).toEqual(['c', 'b', 'a']);
    // Another draft starts afresh.
    expect(History.kept(storage, 'x').canUndo).toBe(false);
    // Full storage: the newest steps are kept.
    quota = 44;
    h.keep(storage);
    const short = History.kept(storage, 'c');
    expect([short.undo(), short.undo()]).toEqual(['b', null]);
  });
});

describe('places', () => {
  it('finds countries of the world by the start of their name first, ignoring case and accents', () => {
    const all = countries();
    expect(findCountries(all, 'pana')[0]?.name).toBe('Panama');
    // Codes and names as the build reads a place's country.
    expect(findCountries(all, 'CO')[0]?.name).toBe('Colombia');
    expect(findCountries(all, 'PAN')[0]?.name).toBe('Panama');
    expect(findCountries(all, 'DRC')[0]?.name).toBe('Dem. Rep. Congo');
    expect(findCountries(all, 'pak')[0]?.name).toBe('Pakistan');
    expect(findCountries(all, 'istan').length).toBeGreaterThan(3);
    expect(findCountries(all, '')).toEqual([]);
  });
  it('says which country a point lies in, or none at sea', () => {
    expect(countryAt([69.2, 34.5])?.name).toBe('Afghanistan');
    expect(countryAt([-79.5, 9])?.name).toBe('Panama');
    expect(countryAt([65, 20])).toBeNull();
  });

  it('finds towns of the gazetteer, all within the story’s region and the larger anywhere, largest first, as places in their country', () => {
    const loc = (lon: number, lat: number) => ({ coordinates: [lon, lat] as [number, number] });
    const rows = gazetteerRows(
      [
        { name: 'Kabul', population: 3_000_000, featureCode: 'PPLC', loc: loc(69.17, 34.53) },
        { name: 'Kabulnagar', population: 5_000, featureCode: 'PPL', loc: loc(80, 25) },
        { name: 'Kabulville', population: 5_000, featureCode: 'PPL', loc: loc(-80, 25) },
        { name: 'Lima', population: 9_000_000, featureCode: 'PPLC', loc: loc(-77, -12) },
        { name: 'Akabul', population: 9_000_000, featureCode: 'PPL', loc: loc(70, 30) },
      ],
      [26, 4, 106, 68],
    );
    expect(rows.map((r) => r[0])).toEqual(['Lima', 'Akabul', 'Kabul', 'Kabulnagar']);
    // Names that start with the query first, then the largest.
    expect(findTowns(rows, 'kabul').map((r) => r[0])).toEqual(['Kabul', 'Kabulnagar', 'Akabul']);
    const kabul = rows[2] as TownRow;
    const place = townPlace(kabul, countryAt([kabul[1], kabul[2]]), []);
    expect(place).toMatchObject({ id: 'kabul', kind: 'capital', country: '004', coordinates: [69.17, 34.53] });
  });
});

describe('a story from pasted text, placed anywhere', () => {
  it('has no map until a place frames it, then the region alone, then its claims, as the build frames them', () => {
    const draft = draftFromText('Canal news\nShips wait off Panama and trucks leave Colombia for the canal.');
    expect(draft.meta.region).toBeUndefined();
    expect(verdictOf(draft, engine).story).toBeNull();
    // Countries as a journalist may write them in a zip's places.json: alpha-2, alpha-3.
    draft.places.push({ ...countryPlace({ id: '591', name: 'Panama' }, []), country: 'PAN' });
    draft.places.push({ ...countryPlace({ id: '170', name: 'Colombia' }, draft.places), country: 'CO' });
    const region = verdictOf(draft, engine);
    // No problem with the places; the only one, no claim yet.
    expect(region).toMatchObject({
      problems: [expect.objectContaining({ file: 'claims.json', field: 'claims' })],
      partial: true,
      story: { claims: [] },
    });
    const [w, s, e, n] = region.story!.meta.region.overview;
    expect(w < -80 && e > -77 && s < 8 && n > 9).toBe(true);
    // A point dropped off the coast is a place at sea, which needs no country.
    const sea = droppedPlace([-79.6, 7.5], countryAt([-79.6, 7.5]), draft.places);
    expect(sea).toMatchObject({ kind: 'sea', coordinates: [-79.6, 7.5] });
    expect(sea).not.toHaveProperty('country');
    draft.places.push(sea);
    draft.claims.push({
      id: 'trucks',
      kind: 'trade-smuggling',
      shape: 'arrows',
      actors: ['Trucks'],
      origin: 'colombia',
      destinations: ['panama'],
      caption: 'Trucks leave Colombia for Panama',
      selector: { type: 'TextQuoteSelector', exact: 'trucks leave Colombia' },
    });
    const full = verdictOf(draft, engine);
    expect(full.problems).toEqual([]);
    expect(full).toMatchObject({ partial: false, story: { claims: [{ id: 'trucks', number: 1 }] } });
  });
});

describe('saving in place under npm run dev', () => {
  it('writes the four files of a story that passes the checks, only for the server’s own page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-save-'));
    cpSync(resolve('data'), dir, { recursive: true });
    const read = readDraft(four);
    if (!('draft' in read)) throw new Error('unreadable');
    read.draft.claims[0]!.caption = 'Saved from the studio';
    const body = JSON.stringify(draftFiles(read.draft));
    const host = { origin: 'http://localhost:5173', host: 'localhost:5173' };
    expect(saveStory(dir, body, { origin: 'https://evil.example', host: 'localhost:5173' }).status).toBe(403);
    expect(saveStory(dir, JSON.stringify({ ...draftFiles(read.draft), '../x.txt': 'x' }), host).status).toBe(400);
    const bad = { ...draftFiles(read.draft), 'claims.json': '{"claims": []}' };
    expect(saveStory(dir, JSON.stringify(bad), host)).toMatchObject({ status: 422 });
    expect(saveStory(dir, body, host).status).toBe(200);
    expect(readFileSync(join(dir, 'claims.json'), 'utf8')).toContain('Saved from the studio');
  });
});
