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

/**
 * A lesson shown in stages (so a class can predict before it sees): a claim's step shows its
 * sentence first, then the map's drawing of it, then the map maker's reading (its note, where it
 * has one), each on the next key. The opening and closing steps have one stage, as has every
 * step of a lesson shown whole.
 */
export interface Position {
  step: number;
  /** From 0: what of the step is shown (`revealed`). */
  stage: number;
}

export function stageCount(step: Step | undefined, staged: boolean): number {
  if (!staged || step?.kind !== 'claim') return 1;
  return step.claim.note ? 3 : 2;
}

/** What a step shows at a stage: the map's drawing of its claim, and its note. */
export function revealed(step: Step, stage: number, staged: boolean): { map: boolean; note: boolean } {
  if (stageCount(step, staged) === 1) return { map: true, note: true };
  return { map: stage >= 1, note: stage >= 2 };
}

/**
 * Where a move goes in a lesson of `steps`: next reveals the next stage, then the next step's
 * first; previous hides the last stage shown, then shows the previous step whole; a jump shows a
 * step's first stage (the last step whole). Nothing wraps.
 */
export function applyMove(at: Position, steps: readonly Step[], staged: boolean, action: StepAction): Position {
  const count = steps.length;
  const last = (step: number) => stageCount(steps[step - 1], staged) - 1;
  const step = clampStep(at.step, count);
  const stage = Math.min(Math.max(0, Math.trunc(at.stage) || 0), last(step));
  switch (action.type) {
    case 'next':
      if (stage < last(step)) return { step, stage: stage + 1 };
      return step < count ? { step: step + 1, stage: 0 } : { step, stage };
    case 'previous':
      if (stage > 0) return { step, stage: stage - 1 };
      return step > 1 ? { step: step - 1, stage: last(step - 1) } : { step, stage };
    case 'last':
      return { step: count, stage: last(count) };
    default: {
      const to = applyStep(step, count, action);
      return { step: to, stage: 0 };
    }
  }
}
