/**
 * Classroom steps: an opening overview, one step per claim in the data's order (or per claim of
 * those a lesson presents, in its order), and a closing step with all of them together. Steps
 * are numbered from 1, as people count and as the URL says (`?mode=present&step=4`). Moving
 * never wraps: past the last step nothing happens. The keys that move are `keys.ts`.
 */
import type { ResolvedClaim } from '../story/types.ts';

export type Step =
  | { kind: 'intro'; claimIds: [] }
  | { kind: 'claim'; claimIds: [string]; claim: ResolvedClaim }
  | { kind: 'outro'; claimIds: string[] };

export function stepsFor(claims: readonly ResolvedClaim[]): Step[] {
  return [
    { kind: 'intro', claimIds: [] },
    ...claims.map((claim): Step => ({ kind: 'claim', claimIds: [claim.id], claim })),
    { kind: 'outro', claimIds: claims.map((c) => c.id) },
  ];
}

/** A step number clamped into `1..count`; anything that is not a whole number gives 1. */
export function clampStep(step: number, count: number): number {
  if (!Number.isFinite(step)) return 1;
  return Math.min(count, Math.max(1, Math.trunc(step)));
}

export type StepAction =
  { type: 'next' } | { type: 'previous' } | { type: 'first' } | { type: 'last' } | { type: 'goto'; step: number };

export function applyStep(current: number, count: number, action: StepAction): number {
  switch (action.type) {
    case 'next':
      return clampStep(current + 1, count);
    case 'previous':
      return clampStep(current - 1, count);
    case 'first':
      return 1;
    case 'last':
      return count;
    case 'goto':
      return clampStep(action.step, count);
  }
}
