import { describe, expect, it } from 'vitest';
import { placeLabelsWithin } from '../../src/camera/reach';
import { projectedLabelScale, PROJECTED_LABEL_SHARE } from '../../src/symbology/basemap';
import { SMALLEST_NAME } from '../../src/symbology/tiers';
import type { LonLat } from '../../src/story/types';

describe('projectedLabelScale', () => {
  it.each([768, 1080, 2160])('sets the smallest name at %i px tall to its share of the screen', (height) => {
    const smallest = SMALLEST_NAME * projectedLabelScale(height);
    expect(smallest).toBeGreaterThanOrEqual(height * PROJECTED_LABEL_SHARE - 0.01);
    expect(smallest).toBeLessThan(height * PROJECTED_LABEL_SHARE + 0.1);
  });

  it('never sets names smaller than on the page', () => {
    expect(projectedLabelScale(300)).toBe(1);
  });
});

describe('the boxes of names set at a scale', () => {
  const places = [
    { name: 'Westplace', at: [0, 0] as LonLat },
    { name: 'Eastplace', at: [1, 0] as LonLat },
  ];

  it('grows the boxes framing keeps inside the map', () => {
    const bounds: [number, number, number, number] = [-1, -1, 2, 1];
    const [one] = placeLabelsWithin(places, bounds, 1);
    const [two] = placeLabelsWithin(places, bounds, 2);
    expect(two!.right).toBeCloseTo(2 * one!.right, 5);
    expect(two!.bottom).toBeCloseTo(2 * one!.bottom, 5);
  });
});
