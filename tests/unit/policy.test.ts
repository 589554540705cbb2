import { describe, expect, it } from 'vitest';
import { mapStart, preloadsMap, SMALL_SCREEN_MAX_WIDTH } from '../../src/start/policy';

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
});

describe('preloadsMap', () => {
  it('fetches MapLibre’s files with the app on screens wider than a phone, unless the reader saves data', () => {
    expect(preloadsMap({ width: 1280 })).toBe(true);
    expect(preloadsMap({ width: 601 })).toBe(true);
    expect(preloadsMap({ width: 600 })).toBe(false);
    expect(preloadsMap({ width: 390 })).toBe(false);
    expect(preloadsMap({ width: 1920, saveData: true })).toBe(false);
  });
});
