/**
 * The honesty rules on acts and modalities (`story/honesty-rules.ts`): every bundled story
 * passes, and stories made wrong on purpose (a worry drawn as movement, a view as an act, an
 * accusation as a report) are flagged, naming the claim, the field and the words.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { honestyProblems } from '../../src/story/honesty-rules';
import { actOf, actShapeProblem, defaultAct, originsOf } from '../../src/story/acts';
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
    expect(honestyProblems([claim('Officials warn of fighters crossing')])).toHaveLength(1);
    expect(honestyProblems([claim('Moscow sees Kabul as a partner')])).toHaveLength(1);
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

  it('read several origins where a story gives them', () => {
    expect(originsOf({ origin: 'a' })).toEqual(['a']);
    expect(originsOf({ origin: 'a', origins: ['a', 'b'] })).toEqual(['a', 'b']);
  });
});
