import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { claimBounds, selectionView } from '../../src/camera/framing';
import { renderSymbols, sceneSource } from '../../src/static/scene';
import { fitView, mapPadding, MAX_FIT_ZOOM, webMercatorPixel, type Size, type View } from '../../src/camera/view';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/build/prepare';
import type { Bounds, FlowCollection, FlowProperties } from '../../src/story/types';

const story = prepareStory(readStoryFiles('data'));

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
  const named = story.places.filter((p) => p.label);
  /**
   * The names written where a claim is drawn at a place: where its arrows start and end, or
   * under its marker (a country's arrow ends at its capital). Borders and areas have none.
   */
  const namedEnds = (id: string) => {
    const claim = story.claims.find((c) => c.id === id)!;
    if (claim.shape !== 'arrows' && claim.shape !== 'point') return [];
    const ends = [claim.origin, ...claim.destinations].map((p) => story.places.find((q) => q.id === p)!.coordinates);
    return named
      .filter((p) => ends.some(([x, y]) => p.coordinates[0] === x && p.coordinates[1] === y))
      .map((p) => p.name);
  };
  // A phone's map (36vh of an 844 px screen), a reader's map beside the article with its key
  // open, and a wide one.
  const maps: [string, Size, number][] = [
    ['a phone', { width: 390, height: 304 }, 0],
    ['a reader map with the key open', { width: 564, height: 573 }, 238],
    ['a wide map with the key open', { width: 1000, height: 600 }, 238],
  ];

  /** Where a place's name would be written on its own, or null if it would not fit in the map. */
  const nameAt = (name: string, view: View, size: Size) =>
    renderSymbols({ ...source, placeLabels: source.placeLabels.filter((l) => l.name === name) }, view, size)
      .places[0] ?? null;

  it.each(maps)('frames each claim with the names of the places it links inside %s', (_, size, keyWidth) => {
    expect(namedEnds(story.claims.find((c) => c.number === 7)!.id)).toEqual(['Kabul', 'Islamabad']);
    const missing: string[] = [];
    for (const claim of story.claims) {
      const view = selectionView(story, source.placeLabels, [claim.id], size, keyWidth);
      for (const name of namedEnds(claim.id))
        if (!nameAt(name, view, size)) missing.push(`claim ${claim.number}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(maps)('writes the names of the places each claim links on %s, none over another', (_, size, keyWidth) => {
    const missing: string[] = [];
    for (const claim of story.claims) {
      const scene = renderSymbols(source, selectionView(story, source.placeLabels, [claim.id], size, keyWidth), size);
      const shown = new Set(scene.places.map((p) => p.name));
      for (const name of namedEnds(claim.id)) if (!shown.has(name)) missing.push(`claim ${claim.number}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('leaves room for a name on its first side, clear of the arrow coming in (claim 7 on a phone)', () => {
    const size = maps[0]![1];
    const claim = story.claims.find((c) => c.number === 7)!;
    const arrowOnly = fitView(claimBounds(story.flows, [claim.id])!, size, mapPadding(size), MAX_FIT_ZOOM);
    // Framed by its arrow alone, the arrowhead is so near the edge that the name goes back over the arrow.
    expect(nameAt('Islamabad', arrowOnly, size)?.anchor).toBe('end');
    expect(nameAt('Islamabad', selectionView(story, source.placeLabels, [claim.id], size), size)?.anchor).toBe('start');
  });

  it('frames the overview when nothing is selected, whatever the key', () => {
    const size = maps[2]![1];
    const overview = selectionView(story, source.placeLabels, [], size, 238);
    expect(overview).toEqual(selectionView(story, source.placeLabels, [], size, 0));
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
