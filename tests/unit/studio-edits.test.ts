import { describe, expect, it } from 'vitest';
import {
  actorsFrom,
  actorsText,
  fingerprint,
  newClaim,
  newKind,
  placeInClaim,
  problemCount,
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

  it('puts a place in as the origin, then as a destination only where the shape takes them', () => {
    const claim = newClaim(selector, [], 'k');
    placeInClaim(claim, 'a');
    placeInClaim(claim, 'b');
    expect([claim.origin, claim.destinations]).toEqual(['a', []]);
    claim.shape = 'arrows';
    placeInClaim(claim, 'b');
    placeInClaim(claim, 'b');
    placeInClaim(claim, 'a');
    expect(claim.destinations).toEqual(['b']);
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
