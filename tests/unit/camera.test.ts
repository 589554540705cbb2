import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { claimBounds, selectionView } from '../../src/camera/framing';
import { renderSymbols, sceneSource } from '../../src/static/scene';
import { webMercatorPixel, type Size } from '../../src/camera/view';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import type { Bounds, FlowCollection, FlowProperties } from '../../src/story/types';
import { feature } from 'topojson-client';
import { geoBounds } from 'd3-geo';
import { storyRoles, storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));
const roles = storyRoles(story);

/** The role the build gives a feature of this geometry. */
function roleOf(geometry: Geometry): FlowProperties['role'] {
  if (geometry.type === 'LineString') return 'arc';
  if (geometry.type === 'MultiLineString') return 'border';
  return geometry.type === 'Point' ? 'point' : 'area';
}

function flow(claimId: string, geometry: Geometry): Feature<Geometry, FlowProperties> {
  return {
    type: 'Feature',
    properties: {
      claimId,
      role: roleOf(geometry),
      kind: 'drugs',
      look: 'drugs',
      modality: 'reported',
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

describe('selectionView', () => {
  const source = sceneSource(story);
  /**
   * The names a claim's drawing carries where it is drawn: each place its arrows link, or the
   * country or region an unplaced claim, an area or a border is about (written as the map writes
   * them: a region's shorter name, if it has one).
   */
  const namesOf = (id: string) => {
    const claim = story.claims.find((c) => c.id === id)!;
    return [claim.origin, ...claim.destinations].map((p) => {
      const place = story.places.find((q) => q.id === p)!;
      return typeof place.label === 'string' ? place.label : place.name;
    });
  };
  // A phone's map (36vh of an 844 px screen), a reader's map beside the article, and a wide one.
  const maps: [string, Size][] = [
    ['a phone', { width: 390, height: 304 }],
    ['a reader map', { width: 564, height: 573 }],
    ['a wide map', { width: 1000, height: 600 }],
  ];

  it.each(maps)('frames each claim with the names of the places it uses, in the map, on %s', (_, size) => {
    const arrows = story.claims.find((c) => c.id === roles.arrows)!;
    expect(namesOf(arrows.id)).toHaveLength(1 + arrows.destinations.length);
    const missing: string[] = [];
    for (const claim of story.claims) {
      const scene = renderSymbols(source, selectionView(story, source.placeLabels, [claim.id], size), size);
      const written = [...scene.countryLabels, ...scene.places];
      for (const name of namesOf(claim.id)) {
        const label = written.find((l) => l.name === name);
        if (!label || label.x < 0 || label.y < 0 || label.x > size.width || label.y > size.height)
          missing.push(`claim ${claim.number}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  // A claim about a whole country: one the article does not place, or else an area.
  const about = roles.unplaced ?? roles.area;
  it.skipIf(!about)('frames a claim about a country by the country: all of it is on the map', () => {
    const size = maps[2]![1];
    const view = selectionView(story, source.placeLabels, [about!], size);
    const country = story.places.find((p) => p.id === story.claims.find((c) => c.id === about)!.origin)!.country;
    const shape = feature(story.geography, story.geography.objects.countries).features.find((f) => f.id === country)!;
    // The corners of the country's bounds, a little inside them.
    const [[w, s], [e, n]] = geoBounds(shape);
    for (const corner of [
      [w + 0.1, s + 0.1],
      [e - 0.1, n - 0.1],
    ] as [number, number][]) {
      const [x, y] = webMercatorPixel(corner, view, size);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(size.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(size.height);
    }
  });

  it('frames the overview when nothing is selected', () => {
    const size = maps[2]![1];
    const overview = selectionView(story, source.placeLabels, [], size);
    const [w, s, e, n] = story.meta.region.overview;
    for (const corner of [
      [w, n],
      [e, s],
    ] as [number, number][]) {
      const [x, y] = webMercatorPixel(corner, overview, size);
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThanOrEqual(size.width + 1);
      expect(y).toBeGreaterThanOrEqual(-1);
      expect(y).toBeLessThanOrEqual(size.height + 1);
    }
  });
});
