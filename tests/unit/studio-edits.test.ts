import { describe, expect, it } from 'vitest';
import {
  actorsFrom,
  actorsText,
  fingerprint,
  newClaim,
  newKind,
  placeUses,
  problemCount,
  takeOutOfClaims,
} from '../../src/studio/edits';
import { claimItem, problemsAt, type Problem } from '../../src/studio/draft';
import type { TextQuoteSelector } from '../../src/story/types';

const selector: TextQuoteSelector = {
  type: 'TextQuoteSelector',
  exact: 'Troops crossed the river into the north',
  prefix: '',
  suffix: '',
};

describe('studio edits', () => {
  it('makes a point claim whose id is its first five words, unlike those taken', () => {
    const claim = newClaim(selector, ['troops-crossed-the-river-into'], 'movement');
    expect(claim).toMatchObject({
      id: 'troops-crossed-the-river-into-2',
      kind: 'movement',
      shape: 'point',
      origin: '',
    });
  });

  it('makes a kind from a label, none from a blank one', () => {
    expect(newKind('  Air strike ', 'fire', ['air-strike'])).toEqual({
      id: 'air-strike-2',
      label: 'Air strike',
      description: 'Air strike',
      look: 'fire',
    });
    expect(newKind('   ', 'fire', [])).toBeNull();
  });

  it('starts a claim saying what the sentence does: a report, until the journalist says otherwise', () => {
    expect(newClaim(selector, [], 'k').modality).toBe('reported');
  });

  it('says which claims use a place, by the label of the field, and takes it out of them', () => {
    const arrows = { ...newClaim(selector, [], 'k'), shape: 'arrows' as const, origin: 'a', destinations: ['b', 'c'] };
    const point = { ...newClaim(selector, [], 'k'), origin: 'b' };
    const other = { ...newClaim(selector, [], 'k'), origin: 'c' };
    const claims = [arrows, point, other];
    expect(placeUses(claims, 'b')).toEqual([
      { claim: 0, as: 'To' },
      { claim: 1, as: 'Where' },
    ]);
    expect(placeUses(claims, 'a')).toEqual([{ claim: 0, as: 'From' }]);
    expect(takeOutOfClaims(claims, 'b')).toEqual([0, 1]);
    expect([arrows.destinations, point.origin, other.origin]).toEqual([['c'], '', 'c']);
    expect(placeUses(claims, 'b')).toEqual([]);
  });

  it('reads actors one a line, trimmed, blank lines dropped', () => {
    expect(actorsFrom(' army \n\n rebels ')).toEqual(['army', 'rebels']);
    expect(actorsText({ actors: ['army', 'rebels'] })).toBe('army\nrebels');
  });

  it('counts problems and fingerprints text', () => {
    expect([problemCount(1, 'a problem'), problemCount(3, 'a problem')]).toEqual(['a problem', '3 problems']);
    expect(fingerprint('abc')).toBe(fingerprint('abc'));
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
  });

  it('finds the problems of a field by its root', () => {
    const item = claimItem({ id: 'x' });
    const problems: Problem[] = [
      { file: 'claims.json', item, field: 'destinations[0]', problem: 'p', message: 'm' },
      { file: 'claims.json', item, field: 'caption', problem: 'q', message: 'n' },
    ];
    expect(problemsAt(problems, 'claims.json', item, 'destinations').map((p) => p.problem)).toEqual(['p']);
  });
});
