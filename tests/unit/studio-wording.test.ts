/**
 * The studio's words for the build's problems (`studio/wording.ts`): every problem the schemas
 * and checks give for the bad-data fixtures, and for a story mutated field by field, said as
 * what to do, naming the claim by number and caption, with no schema phrasing; and a draft
 * downloaded with problems, opened again as it was and refused by the build with the same list.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStory, readStoryFiles } from '../../src/build/plugin';
import { DraftStory } from '../../src/build/report';
import { AJV_OPTIONS, type StoryFileName } from '../../src/prepare/prepare';
import {
  checkDraft,
  DRAFT_FILES,
  readDraft,
  type Draft,
  type DraftFiles,
  type EngineFiles,
  type Problem,
} from '../../src/studio/draft';
import { DRAFT_NOTE, nextStep, storyDownload } from '../../src/studio/download';
import { openStoryZip } from '../../src/studio/zip';
import { plainProblems, type WordingContext } from '../../src/studio/wording';
import type { KindDeclaration } from '../../src/story/types';
import { schemaPhrasing } from '../support';

const files = readStoryFiles('data');
const engine = Object.fromEntries(
  Object.entries(files).filter(([name]) => !(DRAFT_FILES as readonly string[]).includes(name)),
) as EngineFiles;
const vocabulary = (JSON.parse(files['kinds.json']) as { kinds: KindDeclaration[] }).kinds;
// The schemas compiled once, as the studio has them compiled ahead.
const SCHEMAS: StoryFileName[] = ['story.schema.json', 'claims.schema.json', 'places.schema.json', 'kinds.schema.json'];
const ajv = new Ajv(AJV_OPTIONS);
for (const name of SCHEMAS) ajv.addSchema(JSON.parse(files[name]) as object);
const validators = Object.fromEntries(SCHEMAS.map((name) => [name, ajv.getSchema(name)!]));

const read = (dir: string): DraftFiles =>
  Object.fromEntries(DRAFT_FILES.map((name) => [name, readFileSync(join(dir, name), 'utf8')])) as DraftFiles;
const NEWS = read('tests/fixtures/news-story');
const newsDraft = (): Draft => {
  const result = readDraft(NEWS);
  if (!('draft' in result)) throw new Error('the news story cannot be read');
  return result.draft;
};

/** The draft's problems, or the problems that keep its files from being read, with the draft to word them by. */
function problemsOf(draftFiles: DraftFiles): { problems: Problem[]; context: WordingContext } {
  const result = readDraft(draftFiles);
  if ('problems' in result) return { problems: result.problems, context: { draft: newsDraft(), vocabulary } };
  return {
    problems: checkDraft(result.draft, engine, validators).problems,
    context: { draft: result.draft, vocabulary },
  };
}

/** Every problem of `cases`, worded, with the case it came from; fails on schema phrasing. */
function expectPlain(cases: [name: string, draftFiles: DraftFiles][]): number {
  let count = 0;
  const phrased: string[] = [];
  const unnumbered: string[] = [];
  for (const [name, draftFiles] of cases) {
    const { problems, context } = problemsOf(draftFiles);
    const plain = plainProblems(problems, context);
    problems.forEach((problem) => {
      const words = plain.find((p) => p.details.split('\n').includes(problem.message));
      expect(words, `${name}: ${problem.message} is worded`).toBeDefined();
      count++;
      const found = schemaPhrasing(words!.text);
      if (found.length) phrased.push(`${name}: "${words!.text}" says ${found.join(', ')}`);
      if (problem.file === 'claims.json' && problem.item && !/^Claim \d+\b/.test(words!.text)) {
        unnumbered.push(`${name}: "${words!.text}"`);
      }
    });
  }
  expect(phrased).toEqual([]);
  expect(unnumbered).toEqual([]);
  return count;
}

describe('the studio’s words for problems', () => {
  it('says every problem of the bad-data fixtures as what to do, with no schema phrasing', () => {
    const BAD = 'tests/fixtures/bad-data';
    const data = read('data');
    const cases = readdirSync(BAD).map((name): [string, DraftFiles] => {
      const overlay = { ...data };
      for (const file of readdirSync(join(BAD, name))) {
        if ((DRAFT_FILES as readonly string[]).includes(file))
          overlay[file as keyof DraftFiles] = readFileSync(join(BAD, name, file), 'utf8');
      }
      return [name, overlay];
    });
    expect(expectPlain(cases)).toBeGreaterThan(30);
  });

  it('says every problem of a story broken field by field as what to do, with no schema phrasing', () => {
    const mutations: [string, (draft: Draft) => void][] = [
      ['no claims', (d) => (d.claims = [])],
      ['no places', (d) => (d.places = [])],
      ['empty article', (d) => (d.article = '')],
      ['title only', (d) => (d.article = 'A title')],
      ['unknown kind', (d) => (d.claims[0]!.kind = 'no-such-kind')],
      ['kinds share a look', (d) => (d.claims[1]!.kind = vocabulary.find((k) => k.look === 'diplomatic')!.id)],
      ['kind declared badly', (d) => (d.meta.kinds = [{ id: 'Bad Kind', label: '', description: '', look: 'nope' }])],
      ['origin not a place', (d) => (d.claims[0]!.origin = 'nowhere')],
      ['origin a destination', (d) => (d.claims[0]!.destinations = [d.claims[0]!.origin as string])],
      ['arrows to nowhere', (d) => Object.assign(d.claims[0]!, { shape: 'arrows', destinations: [] })],
      ['area with destinations', (d) => Object.assign(d.claims[0]!, { shape: 'area', destinations: ['x'] })],
      ['unplaced arrows', (d) => (d.claims[0]!.unplaced = true)],
      ['quote not found', (d) => (d.claims[0]!.selector.exact = 'Words the article does not have at all')],
      ['quote twice', (d) => (d.claims[0]!.selector.exact = 'the')],
      ['caption too long', (d) => (d.claims[0]!.caption = 'word '.repeat(40))],
      ['duplicate claim', (d) => d.claims.push(structuredClone(d.claims[0]!))],
      ['duplicate place', (d) => d.places.push(structuredClone(d.places[0]!))],
      ['extra claim field', (d) => Object.assign(d.claims[0]!, { colour: 'red' })],
      ['extra place field', (d) => Object.assign(d.places[0]!, { colour: 'red' })],
      ['city at sea', (d) => (d.places.find((p) => p.coordinates)!.coordinates = [-30, 0])],
      ['city off range', (d) => (d.places.find((p) => p.coordinates)!.coordinates = [500, 95])],
      ['city without point', (d) => delete d.places.find((p) => p.kind !== 'country' && p.kind !== 'sea')?.coordinates],
      ['unknown country', (d) => (d.places[0]!.country = 'Atlantis')],
      ['about the article', (d) => Object.assign(d.meta.article, { author: 42, extra: 'x' })],
      [
        'region upside down',
        (d) => (d.meta.region = { bounds: [10, 10, 0, 0], maxBounds: [1, 1, 0, 0], overview: [1, 1, 0, 0] }),
      ],
    ];
    // And each field of a claim and a place removed, emptied, or of the wrong type.
    const claim = newsDraft().claims[0]!;
    for (const key of [...Object.keys(claim), 'selector.exact', 'selector.type']) {
      const set = (d: Draft, value: unknown) => {
        const [field, sub] = key.split('.') as [keyof typeof claim, string?];
        const target = d.claims[0] as unknown as Record<string, unknown>;
        if (sub) (target[field] as Record<string, unknown>)[sub] = value;
        else target[field] = value;
      };
      mutations.push([`claim ${key} removed`, (d) => set(d, undefined)]);
      mutations.push([`claim ${key} empty`, (d) => set(d, '')]);
      mutations.push([`claim ${key} a number`, (d) => set(d, 42)]);
      mutations.push([`claim ${key} an empty list`, (d) => set(d, [])]);
    }
    for (const key of Object.keys(newsDraft().places[0]!)) {
      mutations.push([`place ${key} empty`, (d) => ((d.places[0] as unknown as Record<string, unknown>)[key] = '')]);
      mutations.push([`place ${key} removed`, (d) => delete (d.places[0] as unknown as Record<string, unknown>)[key]]);
    }
    const cases = mutations.map(([name, mutate]): [string, DraftFiles] => {
      const draft = newsDraft();
      mutate(draft);
      const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
      return [
        name,
        {
          'article.txt': draft.article,
          'claims.json': text({ claims: draft.claims }),
          'places.json': text({ places: draft.places }),
          'story.json': text(draft.meta),
        },
      ];
    });
    expect(expectPlain(cases)).toBeGreaterThan(mutations.length);
  });

  it('says the problems of a file that cannot be opened without its name, keeping it for developers', () => {
    const refused = openStoryZip(new Uint8Array([1, 2, 3]), 'mine.zip');
    expect('problems' in refused).toBe(true);
    const problems = 'problems' in refused ? refused.problems : [];
    const [plain] = plainProblems(problems, { draft: newsDraft(), vocabulary });
    expect(schemaPhrasing(plain!.text)).toEqual([]);
    expect(plain!.details).toContain('mine.zip');
  });

  it('names the claim by its number and caption and the field by its label', () => {
    const draft = newsDraft();
    draft.claims[1]!.caption = '';
    draft.claims[0]!.actors = [];
    const { problems } = checkDraft(draft, engine, validators);
    const texts = plainProblems(problems, { draft, vocabulary }).map((p) => p.text);
    expect(texts).toContain('Claim 2 needs a caption: a few words that say what the sentence claims.');
    expect(texts).toContainEqual(
      expect.stringMatching(/^Claim 1 \(“.+”\) needs who acts, as the article names them: .*“Actors”/),
    );
  });
});

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('a draft downloaded with problems', () => {
  it('says so, opens again as it was, and the build refuses it with the same list', () => {
    const draft = newsDraft();
    draft.claims[1]!.caption = '';
    const { problems } = checkDraft(draft, engine, validators);
    const plain = plainProblems(problems, { draft, vocabulary }).map((p) => p.text);
    const title = 'Boats Cross the Gulf as Rains Fail: A Long Title of Many Words Indeed';
    const download = storyDownload(title, draft, plain);
    // Whole words, never cut mid-word.
    expect(download.folder).toBe('boats-cross-the-gulf-as-rains-fail-a-long-title-draft');
    const entries = unzipSync(download.bytes);
    const note = new TextDecoder().decode(entries[`${download.folder}/${DRAFT_NOTE}`]);
    expect(note).toContain('This story is a draft');
    expect(note).toContain(`1. ${plain[0]}`);

    const opened = openStoryZip(download.bytes);
    expect('files' in opened && readDraft(opened.files)).toEqual({ draft });

    const work = mkdtempSync(join(tmpdir(), 'studio-draft-'));
    temporary.push(work);
    for (const [name, bytes] of Object.entries(entries)) {
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), bytes);
    }
    let refused: unknown;
    try {
      loadStory(join(work, download.folder), { write: false });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DraftStory);
    expect((refused as Error).message).toContain(`1. ${plain[0]}`);
  });

  it('and a finished story goes without a note, its next step in words to pass on and the exact commands', () => {
    const download = storyDownload('Boats cross the gulf', newsDraft(), []);
    expect(download.folder).toBe('boats-cross-the-gulf');
    expect(Object.keys(unzipSync(download.bytes))).not.toContain(`${download.folder}/${DRAFT_NOTE}`);
    const step = nextStep(download);
    for (const line of step.words) expect(schemaPhrasing(line)).toEqual([]);
    expect(step.commands).toContain('STORY=../boats-cross-the-gulf npm run build');
    const draftStep = nextStep({ folder: 'x-draft', problems: ['Claim 1 needs a caption.'] });
    for (const line of draftStep.words) expect(schemaPhrasing(line)).toEqual([]);
    expect(draftStep.commands).not.toContain('npm run build');
  });
});
