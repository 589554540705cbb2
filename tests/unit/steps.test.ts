import { describe, expect, it } from 'vitest';
import { applyMove, applyStep, clampStep, revealed, stageCount, stepsFor } from '../../src/state/steps';
import { isLessonMessage } from '../../src/state/lesson-channel';
import { commandForKey, KEY_HELP } from '../../src/state/keys';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));

describe('stepsFor', () => {
  it('opens with the overview, gives each claim a step in the data’s order, and closes with all', () => {
    const steps = stepsFor(story.claims);
    expect(steps).toHaveLength(story.claims.length + 2);
    expect(steps[0]).toEqual({ kind: 'intro', claimIds: [] });
    expect(steps.slice(1, -1).map((s) => s.claimIds[0])).toEqual(story.claims.map((c) => c.id));
    expect(steps.at(-1)).toEqual({ kind: 'outro', claimIds: story.claims.map((c) => c.id) });
  });
});

describe('applyStep', () => {
  it('moves one step at a time and never wraps past either end', () => {
    expect(applyStep(1, 5, { type: 'next' })).toBe(2);
    expect(applyStep(5, 5, { type: 'next' })).toBe(5);
    expect(applyStep(1, 5, { type: 'previous' })).toBe(1);
    expect(applyStep(3, 5, { type: 'previous' })).toBe(2);
  });

  it('jumps to the first, the last, or a given step, clamped', () => {
    expect(applyStep(3, 5, { type: 'first' })).toBe(1);
    expect(applyStep(3, 5, { type: 'last' })).toBe(5);
    expect(applyStep(1, 5, { type: 'goto', step: 4 })).toBe(4);
    expect(applyStep(1, 5, { type: 'goto', step: 40 })).toBe(5);
    expect(applyStep(3, 5, { type: 'goto', step: 0 })).toBe(1);
  });

  it('clamps anything that is not a whole step number', () => {
    expect(clampStep(NaN, 5)).toBe(1);
    expect(clampStep(Infinity, 5)).toBe(1);
    expect(clampStep(2.7, 5)).toBe(2);
    expect(clampStep(-3, 5)).toBe(1);
  });
});

describe('commandForKey', () => {
  it('steps forward on the keys a keyboard and a presentation clicker send', () => {
    for (const key of ['ArrowRight', ' ', 'PageDown', 'Enter'])
      expect(commandForKey({ key }, ''), key).toEqual({ type: 'next' });
  });

  it('steps on the up and down arrows too, as a keyboard beside a projector is pressed', () => {
    expect(commandForKey({ key: 'ArrowDown' }, '')).toEqual({ type: 'next' });
    expect(commandForKey({ key: 'ArrowUp' }, '')).toEqual({ type: 'previous' });
    expect(commandForKey({ key: 'ArrowDown', shiftKey: true }, '')).toBeNull();
  });

  it('steps back on ArrowLeft, PageUp and Backspace', () => {
    for (const key of ['ArrowLeft', 'PageUp', 'Backspace'])
      expect(commandForKey({ key }, ''), key).toEqual({ type: 'previous' });
  });

  it('goes to a typed number on Enter, and steps forward when none was typed', () => {
    expect(commandForKey({ key: '7' }, '')).toEqual({ type: 'digit', digit: '7' });
    expect(commandForKey({ key: 'Enter' }, '12')).toEqual({ type: 'goto', step: 12 });
  });

  it('knows Home, End, F, B, the clicker’s full stop, Escape and ?', () => {
    expect(commandForKey({ key: 'Home' }, '')).toEqual({ type: 'first' });
    expect(commandForKey({ key: 'End' }, '')).toEqual({ type: 'last' });
    expect(commandForKey({ key: 'f' }, '')).toEqual({ type: 'fullscreen' });
    expect(commandForKey({ key: 'F' }, '')).toEqual({ type: 'fullscreen' });
    expect(commandForKey({ key: 'b' }, '')).toEqual({ type: 'blackout' });
    expect(commandForKey({ key: '.' }, '')).toEqual({ type: 'blackout' });
    expect(commandForKey({ key: 'Escape' }, '')).toEqual({ type: 'escape' });
    expect(commandForKey({ key: '?' }, '')).toEqual({ type: 'help' });
  });

  it('ignores other keys', () => {
    for (const key of ['a', 'Tab', 'Shift', 'x']) expect(commandForKey({ key }, ''), key).toBeNull();
  });

  it('leaves keys with Ctrl, Cmd or Alt to the browser, and Shift + arrows to the map', () => {
    expect(commandForKey({ key: 'ArrowRight', shiftKey: true }, '')).toBeNull();
    expect(commandForKey({ key: 'ArrowLeft', shiftKey: true }, '')).toBeNull();
    expect(commandForKey({ key: 'ArrowRight', ctrlKey: true }, '')).toBeNull();
    expect(commandForKey({ key: 'r', metaKey: true }, '')).toBeNull();
    expect(commandForKey({ key: 'PageDown', altKey: true }, '')).toBeNull();
    // Shift is how some keyboards type `?`.
    expect(commandForKey({ key: '?', shiftKey: true }, '')).toEqual({ type: 'help' });
  });

  it('has help for every command it knows', () => {
    const help = KEY_HELP.map(([keys]) => keys).join(' ');
    for (const word of [
      'Space',
      'Page Down',
      'Page Up',
      'Backspace',
      'Home',
      'End',
      'Enter',
      'F',
      'B',
      'Esc',
      '?',
      'Shift + arrows',
    ]) {
      expect(help).toContain(word);
    }
  });
});

describe('a lesson in stages', () => {
  const withNote = story.claims.find((c) => c.note);
  const without = story.claims.find((c) => !c.note);
  const claims = [withNote, without].filter((c) => c !== undefined);
  const steps = stepsFor(claims);

  it('shows a claim’s sentence, then its map, then its note, and the rest whole', () => {
    expect(stageCount(steps[0], true)).toBe(1);
    if (withNote) expect(stageCount(steps[1], true)).toBe(3);
    expect(stageCount(steps[1], false)).toBe(1);
    const claimStep = steps[1]!;
    expect(revealed(claimStep, 0, true)).toEqual({ map: false, note: false });
    expect(revealed(claimStep, 1, true)).toEqual({ map: true, note: false });
    expect(revealed(claimStep, 0, false)).toEqual({ map: true, note: true });
  });

  it('reveals stage by stage on next, hides the last on previous, and jumps to a step’s first stage', () => {
    let at = { step: 1, stage: 0 };
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      at = applyMove(at, steps, true, { type: 'next' });
      seen.push(`${at.step}.${at.stage}`);
    }
    const first = withNote ? ['2.0', '2.1', '2.2'] : ['2.0', '2.1'];
    expect(seen.slice(0, first.length)).toEqual(first);
    expect(seen.at(-1)).toBe(`${steps.length}.0`);
    expect(applyMove({ step: 2, stage: 1 }, steps, true, { type: 'previous' })).toEqual({ step: 2, stage: 0 });
    expect(applyMove({ step: 3, stage: 0 }, steps, true, { type: 'previous' })).toEqual({
      step: 2,
      stage: stageCount(steps[1], true) - 1,
    });
    expect(applyMove({ step: 1, stage: 0 }, steps, true, { type: 'goto', step: 2 })).toEqual({ step: 2, stage: 0 });
    // Shown whole, a lesson steps as before.
    expect(applyMove({ step: 2, stage: 0 }, steps, false, { type: 'next' })).toEqual({ step: 3, stage: 0 });
  });
});

describe('messages between the room and the presenter view', () => {
  it('believes only well-formed ones', () => {
    expect(isLessonMessage({ type: 'claim-map/lesson', claims: ['a'], step: 2, stage: 0 })).toBe(true);
    expect(isLessonMessage({ type: 'claim-map/lesson', claims: [1], step: 2, stage: 0 })).toBe(false);
    expect(isLessonMessage({ type: 'claim-map/lesson', claims: [], step: 2.5, stage: 0 })).toBe(false);
    expect(isLessonMessage({ type: 'claim-map/display', display: { scale: 1.2, projector: true } })).toBe(true);
    expect(isLessonMessage({ type: 'claim-map/display', display: { scale: 'big' } })).toBe(false);
    expect(isLessonMessage({ type: 'claim-map/display', display: { evil: true } })).toBe(false);
    expect(isLessonMessage({ type: 'claim-map/hello' })).toBe(true);
    expect(isLessonMessage({ type: 'other' })).toBe(false);
    expect(isLessonMessage(null)).toBe(false);
  });
});
