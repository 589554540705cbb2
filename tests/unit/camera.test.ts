import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { claimBounds } from '../../src/map/camera';
import { readStoryFiles } from '../../src/story/plugin';
import { prepareStory } from '../../src/story/prepare';
import type { Bounds, FlowCollection, FlowProperties } from '../../src/story/types';

const story = prepareStory(readStoryFiles('data'));

function flow(claimId: string, geometry: Geometry): Feature<Geometry, FlowProperties> {
  return {
    type: 'Feature',
    properties: {
      claimId,
      kind: 'drugs',
      actors: ['a'],
      caption: 'c',
      quote: 'q',
      paragraph: 1,
      sentence: 1,
      from: 'x',
      to: null,
    },
    geometry,
  };
}

const flows: FlowCollection = {
  type: 'FeatureCollection',
  features: [
    flow('point', { type: 'Point', coordinates: [69, 34] }),
    flow('other-point', { type: 'Point', coordinates: [51, 35] }),
    flow('line', {
      type: 'LineString',
      coordinates: [
        [60, 30],
        [65, 38],
        [70, 33],
      ],
    }),
    flow('line', {
      type: 'LineString',
      coordinates: [
        [60, 30],
        [58, 29],
      ],
    }),
    flow('area', {
      type: 'Polygon',
      coordinates: [
        [
          [50, 20],
          [55, 20],
          [55, 25],
          [50, 20],
        ],
      ],
    }),
    flow('multi', {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [10, 10],
            [11, 10],
            [11, 11],
            [10, 10],
          ],
        ],
        [
          [
            [12, 12],
            [13, 12],
            [13, 14],
            [12, 12],
          ],
        ],
      ],
    }),
    flow('border', {
      type: 'MultiLineString',
      coordinates: [
        [
          [61, 31],
          [61, 35],
        ],
        [
          [62, 29],
          [61.5, 30],
        ],
      ],
    }),
  ],
};

describe('claimBounds', () => {
  it('frames every feature of a claim', () => {
    expect(claimBounds(flows, ['line'])).toEqual([58, 29, 70, 38]);
    expect(claimBounds(flows, ['area'])).toEqual([50, 20, 55, 25]);
    expect(claimBounds(flows, ['multi'])).toEqual([10, 10, 13, 14]);
    expect(claimBounds(flows, ['border'])).toEqual([61, 29, 62, 35]);
  });

  it('gives a lone point some context around it', () => {
    expect(claimBounds(flows, ['point'])).toEqual([65, 30, 73, 38]);
    expect(claimBounds(flows, ['point', 'other-point'])).toEqual([47, 30, 73, 39]);
  });

  it('frames several claims together, without extra margin once a line or area is among them', () => {
    expect(claimBounds(flows, ['point', 'line'])).toEqual([58, 29, 70, 38]);
    expect(claimBounds(flows, ['area', 'border'])).toEqual([50, 20, 62, 35]);
  });

  it('gives nothing to frame for no claim or claims it does not know', () => {
    expect(claimBounds(flows, [])).toBeNull();
    expect(claimBounds(flows, ['atlantis'])).toBeNull();
    expect(claimBounds({ type: 'FeatureCollection', features: [] }, ['line'])).toBeNull();
  });

  it('ignores unknown ids next to known ones', () => {
    expect(claimBounds(flows, ['atlantis', 'area'])).toEqual([50, 20, 55, 25]);
  });

  it('frames every claim of the real story within the region, arrows whole', () => {
    const [w, s, e, n] = story.meta.region.bounds;
    for (const claim of story.claims) {
      const bounds = claimBounds(story.flows, [claim.id]);
      expect(bounds, claim.id).not.toBeNull();
      const [bw, bs, be, bn] = bounds as Bounds;
      expect(bw).toBeLessThan(be);
      expect(bs).toBeLessThan(bn);
      expect(bw).toBeGreaterThanOrEqual(w - 4);
      expect(be).toBeLessThanOrEqual(e + 4);
      expect(bs).toBeGreaterThanOrEqual(s - 4);
      expect(bn).toBeLessThanOrEqual(n + 4);
      for (const f of story.flows.features.filter((x) => x.properties.claimId === claim.id)) {
        if (f.geometry.type !== 'LineString') continue;
        for (const [lon, lat] of f.geometry.coordinates) {
          expect(lon).toBeGreaterThanOrEqual(bw);
          expect(lon).toBeLessThanOrEqual(be);
          expect(lat).toBeGreaterThanOrEqual(bs);
          expect(lat).toBeLessThanOrEqual(bn);
        }
      }
    }
  });
});
