import { describe, expect, it } from 'vitest';
import { applyStep, clampStep, stepsFor } from '../../src/state/steps';
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
    for (const key of ['a', 'Tab', 'Shift', 'ArrowUp', 'x']) expect(commandForKey({ key }, ''), key).toBeNull();
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
