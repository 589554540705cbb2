import { describe, expect, it } from 'vitest';
import { claimPlaces, placeName } from '../../src/story/places';
import type { Place } from '../../src/story/types';

const places = [
  { id: 'a', name: 'Alpha', kind: 'country', country: '1', coordinates: [0, 0], source: 'test' },
  { id: 'b', name: 'Beta', kind: 'country', country: '2', coordinates: [1, 1], source: 'test' },
  { id: 'c', name: 'Gamma', kind: 'country', country: '3', coordinates: [2, 2], source: 'test' },
] satisfies Place[];

describe('placeName', () => {
  it('names a place, and falls back to the id for one the story lacks', () => {
    expect(placeName(places, 'b')).toBe('Beta');
    expect(placeName(places, 'zz')).toBe('zz');
  });
});

describe('claimPlaces', () => {
  it('says where a claim goes, or where it is', () => {
    expect(claimPlaces({ origin: 'a', destinations: ['b', 'c'] }, places)).toBe('From Alpha to Beta, Gamma.');
    expect(claimPlaces({ origin: 'a', destinations: [] }, places)).toBe('In Alpha.');
  });
});
