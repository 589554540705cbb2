import { describe, expect, it } from 'vitest';
import { INTENT_EVENTS, mapStart, preloadsMap, SMALL_SCREEN_MAX_WIDTH } from '../../src/map/policy';

describe('mapStart', () => {
  it('starts MapLibre on the first sign of use on laptops, tablets and projectors', () => {
    for (const width of [SMALL_SCREEN_MAX_WIDTH + 1, 768, 1280, 1920]) expect(mapStart({ width })).toBe('intent');
  });

  it('waits for the reader to ask on phones held upright and in narrow embeds', () => {
    for (const width of [320, 390, 412, SMALL_SCREEN_MAX_WIDTH]) expect(mapStart({ width })).toBe('request');
  });

  it('waits for the reader to ask whenever the reader saves data', () => {
    expect(mapStart({ width: 1920, saveData: true })).toBe('request');
  });

  it('takes a pointer, a press, a wheel or the keyboard’s focus on the map as intent', () => {
    expect([...INTENT_EVENTS].sort()).toEqual(['focusin', 'pointerdown', 'pointermove', 'pointerover', 'wheel']);
  });
});

describe('preloadsMap', () => {
  it('fetches MapLibre’s files with the app exactly where a gesture starts the map', () => {
    for (const environment of [{ width: 1280 }, { width: 390 }, { width: 1280, saveData: true }, { width: 601 }])
      expect(preloadsMap(environment), JSON.stringify(environment)).toBe(mapStart(environment) === 'intent');
  });
});
