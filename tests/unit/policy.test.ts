import { describe, expect, it } from 'vitest';
import { loadsAtOnce, SMALL_SCREEN_MAX_WIDTH } from '../../src/map/policy';

describe('loadsAtOnce', () => {
  it('loads MapLibre at once on laptops, tablets and projectors', () => {
    for (const width of [SMALL_SCREEN_MAX_WIDTH + 1, 768, 1280, 1920]) expect(loadsAtOnce({ width })).toBe(true);
  });

  it('waits to be asked on phones held upright and in narrow embeds', () => {
    for (const width of [320, 390, 412, SMALL_SCREEN_MAX_WIDTH]) expect(loadsAtOnce({ width })).toBe(false);
  });

  it('waits to be asked whenever the reader saves data', () => {
    expect(loadsAtOnce({ width: 1920, saveData: true })).toBe(false);
  });
});
