/**
 * Classroom steps: an opening overview, one step per claim in the data's order, and a closing
 * step with every claim together. Steps are numbered from 1, as people count and as the URL
 * says (`?mode=present&step=4`). Moving never wraps: past the last step nothing happens.
 *
 * Also the keys a presenter presses, as a pure mapping, so the keyboard, a presentation
 * clicker (PageDown/PageUp, B or . to blank) and the on-screen buttons share one vocabulary.
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

export type PresenterCommand =
  | StepAction
  | { type: 'fullscreen' }
  | { type: 'blackout' }
  | { type: 'escape' }
  | { type: 'help' }
  | { type: 'digit'; digit: string };

/** The keys, for the help overlay: what to press, and what it does. */
export const KEY_HELP: [keys: string, does: string][] = [
  ['→  Space  Page Down  Enter', 'Next step'],
  ['←  Page Up  Backspace', 'Previous step'],
  ['Home  End', 'First and last step'],
  ['A number, then Enter', 'Go to that step'],
  ['F', 'Full screen on or off'],
  ['B  or  .', 'Blank the screen, or show it again'],
  ['Esc', 'Leave full screen, then leave the presentation'],
  ['?', 'This help'],
];

/**
 * The command a key stands for, or null. `pendingDigits` is the number typed so far: Enter
 * goes to it when there is one, and steps forward otherwise.
 */
export function commandForKey(key: string, pendingDigits: string): PresenterCommand | null {
  if (/^[0-9]$/.test(key)) return { type: 'digit', digit: key };
  switch (key) {
    case 'Enter':
      return pendingDigits ? { type: 'goto', step: Number(pendingDigits) } : { type: 'next' };
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
    case 'Backspace':
      return { type: 'previous' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blackout' };
    case 'Escape':
      return { type: 'escape' };
    case '?':
      return { type: 'help' };
    default:
      return null;
  }
}
