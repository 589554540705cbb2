/**
 * The honesty rules on acts and modalities (`story/honesty-rules.ts`): every bundled story
 * passes, and stories made wrong on purpose (a worry drawn as movement, a view as an act, an
 * accusation as a report) are flagged, naming the claim, the field and the words.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { honestyProblems } from '../../src/story/honesty-rules';
import { readStoryFiles } from '../../src/build/plugin';
import { checkStory } from '../../src/prepare/prepare';
import { actOf, actShapeProblem, defaultAct } from '../../src/story/acts';
import type { Claim } from '../../src/story/types';

const claimsOf = (dir: string): Claim[] =>
  (JSON.parse(readFileSync(`${dir}/claims.json`, 'utf8')) as { claims: Claim[] }).claims;

const first = claimsOf('data');
const byId = (id: string) => structuredClone(first.find((c) => c.id === id)!);

describe('honesty rules', () => {
  for (const dir of ['data', 'tests/fixtures/story', 'tests/fixtures/news-story']) {
    it(`find nothing in ${dir}`, () => expect(honestyProblems(claimsOf(dir))).toEqual([]));
  }

  it('flag a government’s worry drawn as movement', () => {
    const worry = { ...byId('extremists-central-asia'), act: 'moves' as const };
    expect(honestyProblems([worry])).toEqual([
      expect.objectContaining({
        claimId: 'extremists-central-asia',
        field: 'act',
        message: expect.stringContaining('"concern"'),
      }),
    ]);
  });

  it('flag a view drawn as an act, and a claim with no act, which moves', () => {
    const view = { ...byId('russia-central-asia'), act: 'acts' as const };
    const bare = { ...byId('russia-central-asia') };
    delete bare.act;
    const problems = honestyProblems([view, bare]);
    expect(problems.map((p) => [p.claimId, p.field])).toEqual([
      ['russia-central-asia', 'act'],
      ['russia-central-asia', 'act'],
    ]);
    expect(problems[0]!.message).toContain('"views"');
  });

  it('flag a warning and "sees … as" too, but not a threat', () => {
    const claim = (exact: string): Claim => ({
      ...byId('russia-upgrade'),
      selector: { type: 'TextQuoteSelector', exact },
    });
    const acts = (exact: string) => honestyProblems([claim(exact)]).filter((p) => p.field === 'act');
    expect(acts('Officials warn of fighters crossing')).toHaveLength(1);
    expect(acts('Moscow sees Kabul as a partner')).toHaveLength(1);
    expect(honestyProblems([claim('Groups threaten the security of the region')])).toEqual([]);
  });

  it('flag an accusation drawn as a report', () => {
    const stated = { ...byId('groups-sheltered'), modality: 'reported' as const };
    expect(honestyProblems([stated])).toEqual([
      expect.objectContaining({
        claimId: 'groups-sheltered',
        field: 'modality',
        message: expect.stringContaining('"alleged"'),
      }),
    ]);
    const unsaid = { ...byId('groups-sheltered') };
    delete unsaid.modality;
    expect(honestyProblems([unsaid])).toHaveLength(1);
  });
});

describe('captions stronger than their sentence', () => {
  it('are flagged: a concern captioned as an act, an accusation captioned as a fact', () => {
    const act = { ...byId('extremists-central-asia'), caption: 'Extremist movements entering from Afghanistan' };
    const fact = { ...byId('groups-sheltered'), caption: 'The Taliban protecting the TTP, IMU, ISKP and Al-Qaeda' };
    const problems = honestyProblems([act, fact]);
    expect(problems.map((p) => [p.claimId, p.field])).toEqual([
      ['extremists-central-asia', 'caption'],
      ['groups-sheltered', 'caption'],
    ]);
    expect(problems[0]!.message).toContain('"concern"');
    expect(problems[1]!.message).toContain('"denounced"');
  });
});

/** The article's story with claims rewritten, by claim id: a story made wrong on purpose. */
function storyWith(changes: Record<string, Partial<Claim>>) {
  const files = readStoryFiles('data');
  const claims = JSON.parse(files['claims.json']) as { claims: Claim[] };
  claims.claims = claims.claims.map((c) => ({ ...c, ...changes[c.id] }));
  return checkStory({ ...files, 'claims.json': JSON.stringify(claims) });
}

describe('the build’s checks', () => {
  it('warn of a worry drawn as movement and an accusation stated as a fact, and the story still builds', () => {
    const { story, warnings } = storyWith({
      'extremists-central-asia': { act: 'moves', caption: 'Extremist movements entering Uzbekistan from Afghanistan' },
      'groups-sheltered': { modality: 'reported' },
    });
    expect(story.claims).toHaveLength(12);
    expect(warnings.map((w) => [w.item, w.field])).toEqual([
      ['claim "groups-sheltered"', 'modality'],
      ['claim "extremists-central-asia"', 'act'],
      ['claim "extremists-central-asia"', 'caption'],
    ]);
    expect(warnings[1]!.message).toMatch(
      /claims\.json: claim "extremists-central-asia": field "act": drawn as a movement/,
    );
  });

  it('warn of nothing in the article’s story as it is', () => {
    expect(storyWith({}).warnings.map((w) => w.message)).toEqual([]);
  });
});

describe('acts', () => {
  it('default from the shape, so an older story builds', () => {
    expect(defaultAct('arrows')).toBe('moves');
    expect(['point', 'area', 'border'].map((s) => defaultAct(s as Claim['shape']))).toEqual([
      'holds',
      'holds',
      'holds',
    ]);
    expect(actOf({ shape: 'arrows', act: 'views' })).toBe('views');
  });

  it('refuse a tie or a movement on one place, and a state as an arrow', () => {
    expect(actShapeProblem('views', 'point')).toMatch(/"views" is drawn as "arrows"/);
    expect(actShapeProblem('holds', 'arrows')).toMatch(/"holds"/);
    expect(actShapeProblem('fears', 'point')).toBeNull();
  });
});
