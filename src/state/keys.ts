/**
 * The classroom's one key map: what each key a keyboard or a presentation clicker sends does, in
 * the presenting view and the presenter view alike, wherever the focus is (the map included),
 * except in a text field. Clickers send Page Down / Page Up, and B or . to blank the screen.
 * Shift + arrows pan the map, so the plain arrows (all four) can always step.
 */
import type { StepAction } from './steps.ts';

export type ClassroomCommand =
  | StepAction
  | { type: 'fullscreen' }
  | { type: 'blackout' }
  | { type: 'escape' }
  | { type: 'help' }
  | { type: 'digit'; digit: string };

/** A typed step number waits this long for Enter, then is forgotten. */
export const DIGITS_TIMEOUT_MS = 3_000;

/** The keys, for the help overlay: what to press, and what it does. */
export const KEY_HELP: [keys: string, does: string][] = [
  ['→  ↓  Space  Page Down  Enter', 'Next step (or, in stages, what the step shows next)'],
  ['←  ↑  Page Up  Backspace', 'Previous step'],
  ['Home  End', 'First and last step'],
  [
    'A number, then Enter',
    `Go to that step (behind a blank screen too; forgotten after ${DIGITS_TIMEOUT_MS / 1000} s)`,
  ],
  ['Shift + arrows', 'Pan the map (once it can be zoomed); + and − zoom it'],
  ['F', 'Full screen on or off'],
  ['B  or  .', 'Blank the screen, or show it again'],
  ['Esc', 'Close this help, show a blanked screen, leave full screen, then ask to leave (Esc or Enter again leaves)'],
  ['?', 'This help'],
];

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * The command a key stands for, or null. `pendingDigits` is the number typed so far: Enter
 * goes to it when there is one, and steps forward otherwise. Keys with Ctrl, Cmd or Alt are the
 * browser's; Shift with an arrow is the map's.
 */
export function commandForKey(press: KeyPress, pendingDigits: string): ClassroomCommand | null {
  const { key } = press;
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.shiftKey && key.startsWith('Arrow')) return null;
  if (/^[0-9]$/.test(key)) return { type: 'digit', digit: key };
  switch (key) {
    case 'Enter':
      return pendingDigits ? { type: 'goto', step: Number(pendingDigits) } : { type: 'next' };
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
    case 'PageDown':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
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

/** Where a key belongs to what has the focus, not to the lesson: text fields, and a pressed button. */
export function keyBelongsToTarget(target: Element | null, key: string): boolean {
  if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  // On a focused button or link, Enter and Space press it; they do not also step.
  return !!target?.closest('button, a') && (key === 'Enter' || key === ' ');
}
