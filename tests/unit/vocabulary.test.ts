/**
 * Kinds are data: the engine's general vocabulary (`data/kinds.json`), a story's own kinds or its
 * own words for the engine's (`story.json` `kinds`), each drawn with one of the engine's looks.
 * The key, cards, table, posters and embed show the story's words.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { readStoryFiles } from '../../src/build/plugin';
import { DataError, prepareStory, type StoryFiles } from '../../src/prepare/prepare';
import { kindInfo, resolveKinds, type KindDeclaration } from '../../src/story/kinds';
import { isLook, KIND_LOOKS, LOOK_NAMES } from '../../src/symbology/claims';
import { posterSvg } from '../../src/static/poster';
import { sceneSource } from '../../src/static/scene';
import Legend from '../../src/ui/Legend.svelte';
import ClaimCard from '../../src/ui/ClaimCard.svelte';
import ClaimsTable from '../../src/ui/ClaimsTable.svelte';

const vocabulary = (JSON.parse(readFileSync('data/kinds.json', 'utf8')) as { kinds: KindDeclaration[] }).kinds;

/** Today's eight kind ids: still kinds, and still look names, so existing stories build unchanged. */
const LEGACY = [
  'armed-group',
  'diplomatic',
  'border-instability',
  'humanitarian',
  'displacement',
  'drugs',
  'sanctuary',
  'governance',
];

/** The real story's files with changes made to its JSON. */
function edited(
  change: (json: { story: Record<string, unknown>; claims: { claims: Record<string, unknown>[] } }) => void,
): StoryFiles {
  const files = readStoryFiles('data');
  const json = { story: JSON.parse(files['story.json']), claims: JSON.parse(files['claims.json']) };
  change(json);
  return { ...files, 'story.json': JSON.stringify(json.story), 'claims.json': JSON.stringify(json.claims) };
}

function caught(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected an error, got none');
}

describe('the engine’s vocabulary of kinds', () => {
  it('is general: people moving, armed threat, diplomacy, trade and smuggling, resources and water, border tension, control of territory, base or sanctuary', () => {
    const labels = vocabulary.map((k) => k.label);
    for (const label of [
      'People moving',
      'Armed threat',
      'Diplomacy',
      'Trade and smuggling',
      'Resources and water',
      'Border tension',
      'Control of territory',
      'Base or sanctuary',
    ]) {
      expect(labels).toContain(label);
    }
    expect(new Set(vocabulary.map((k) => k.id)).size).toBe(vocabulary.length);
  });

  it('keeps today’s eight ids as kinds and as looks', () => {
    for (const id of LEGACY) {
      expect(vocabulary.find((k) => k.id === id)?.look, id).toBe(id);
      expect(isLook(id), id).toBe(true);
    }
  });

  it('draws every kind with one of the engine’s looks, and every look serves some kind', () => {
    for (const kind of vocabulary) expect(isLook(kind.look), kind.id).toBe(true);
    expect(new Set(vocabulary.map((k) => k.look))).toEqual(new Set(LOOK_NAMES));
    expect(Object.keys(KIND_LOOKS)).toEqual(LOOK_NAMES);
  });

  it('resolves a story’s kinds: its own declaration first, then the engine’s, in order of first use', () => {
    const own = { id: 'drugs', label: 'Narcotics', description: 'd', look: 'drugs' };
    const { kinds, unknown } = resolveKinds(['drugs', 'diplomacy', 'drugs', 'nope'], [own], vocabulary);
    expect(kinds.map((k) => [k.id, k.label])).toEqual([
      ['drugs', 'Narcotics'],
      ['diplomacy', 'Diplomacy'],
    ]);
    expect(unknown).toEqual(['nope']);
    expect(kindInfo(kinds, 'diplomacy').look).toBe('diplomatic');
  });
});

describe('a story’s kinds', () => {
  it('first story: are the engine’s where the story declares none, and it builds unchanged', () => {
    const story = prepareStory(readStoryFiles('data'));
    expect(story.kinds.map((k) => k.id)).toEqual([...new Set(story.claims.map((c) => c.kind))]);
    for (const kind of story.kinds) expect(kind).toEqual(vocabulary.find((k) => k.id === kind.id));
    for (const claim of story.claims) expect(claim.look).toBe(claim.kind);
  });

  it('may be its own, drawn with an engine look (the fixture story’s smuggling networks)', () => {
    const fixture = prepareStory(readStoryFiles('tests/fixtures/story'));
    expect(kindInfo(fixture.kinds, 'smuggling')).toMatchObject({ label: 'Smuggling networks', look: 'drugs' });
    const claim = fixture.claims.find((c) => c.kind === 'smuggling')!;
    expect(claim.look).toBe('drugs');
    expect(fixture.flows.features.find((f) => f.properties.claimId === claim.id)!.properties.look).toBe('drugs');
  });

  it('may use the engine’s general kinds', () => {
    const story = prepareStory(
      edited(({ claims }) => {
        claims.claims.find((c) => c.id === 'displacement')!.kind = 'people-moving';
      }),
    );
    expect(story.claims.find((c) => c.id === 'displacement')).toMatchObject({
      kind: 'people-moving',
      look: 'displacement',
    });
    expect(kindInfo(story.kinds, 'people-moving').label).toBe('People moving');
  });

  describe('show the story’s words in the key, cards, table and posters', () => {
    const story = prepareStory(
      edited(({ story }) => {
        story.kinds = [
          { id: 'governance', label: 'Who rules here', description: 'The story’s own words', look: 'governance' },
        ];
      }),
    );
    const claim = story.claims.find((c) => c.kind === 'governance')!;

    it('resolves them at build time', () => {
      expect(kindInfo(story.kinds, 'governance').label).toBe('Who rules here');
    });

    it('the key', () => {
      const html = render(Legend, { props: { claims: story.claims, kinds: story.kinds } }).body;
      expect(html).toContain('Who rules here');
      expect(html).toContain('The story’s own words');
      expect(html).not.toContain(vocabulary.find((k) => k.id === 'governance')!.label);
    });

    it('the card and the table', () => {
      const props = { claim, places: story.places, kinds: story.kinds, onshowsentence: () => {} };
      expect(render(ClaimCard, { props }).body).toContain('Who rules here');
      expect(
        render(ClaimsTable, { props: { claims: story.claims, places: story.places, kinds: story.kinds, open: true } })
          .body,
      ).toContain('Who rules here');
    });

    it('the poster', () => {
      expect(posterSvg(story, sceneSource(story), { claims: [claim], width: 1200, height: 630 })).toContain(
        'Who rules here · claim',
      );
    });
  });

  it('an unknown kind names the claim, the field and the kinds available, the story’s first', () => {
    const error = caught(() =>
      prepareStory(
        edited(({ story, claims }) => {
          story.kinds = [{ id: 'raids', label: 'Raids', description: 'd', look: 'armed-group' }];
          claims.claims.find((c) => c.id === 'ttp-pakistan')!.kind = 'raid';
        }),
      ),
    );
    expect([error.file, error.item, error.field]).toEqual(['claims.json', 'claim "ttp-pakistan"', 'kind']);
    expect(error.problem).toMatch(
      /^unknown kind "raid"\. The kinds available are this story's \(story\.json "kinds"\): "raids"; the engine's: "people-moving", /,
    );
    expect(error.problem).toContain('"governance"');
  });
});

describe('the key says what hollow means', () => {
  it('first story: with a row for the hollow claims, naming their modality', () => {
    const story = prepareStory(readStoryFiles('data'));
    const html = render(Legend, { props: { claims: story.claims, kinds: story.kinds } }).body;
    expect(html).toContain('Hollow: predicted by the article, on a condition (not a report)');
    expect(html).toContain('data-modality="conditional"');
    // And without hollow claims, no such row.
    const fixture = prepareStory(readStoryFiles('tests/fixtures/story'));
    expect(render(Legend, { props: { claims: fixture.claims, kinds: fixture.kinds } }).body).not.toContain('Hollow');
  });

  it('first story: and the card says so in words', () => {
    const story = prepareStory(readStoryFiles('data'));
    const claim = story.claims.find((c) => c.modality === 'conditional')!;
    const html = render(ClaimCard, {
      props: { claim, places: story.places, kinds: story.kinds, onshowsentence: () => {} },
    }).body;
    expect(html).toContain('Predicted by the article, on a condition:');
    expect(html).toContain('Drawn hollow on the map, tagged “if …”.');
  });
});
