import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { LineString, MultiLineString, MultiPolygon } from 'geojson';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import { buildStyle, CLAIM_LAYERS, flowSourceData, SOURCES } from '../../src/map/style';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import type { FlowRole, Story } from '../../src/story/types';
import { ACT_FORMS } from '../../src/story/acts';
import { layoutFor, layoutSource, worldToPixel } from '../../src/layout';
import { fitView, uniformPadding, webMercatorPixel } from '../../src/camera/view';
import { storyUnderTest } from '../support';

const sub = (a: [number, number], b: [number, number]): [number, number] => [a[0] - b[0], a[1] - b[1]];

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));
const fixture = prepareStory(readStoryFiles('tests/fixtures/story'));

const stories: [string, Story][] = [
  ['the story under test', story],
  ['the fixture story', fixture],
];

function sourceOf(layer: LayerSpecification): string | undefined {
  return 'source' in layer && typeof layer.source === 'string' ? layer.source : undefined;
}

describe('buildStyle', () => {
  for (const [name, s] of stories) {
    it(`passes MapLibre’s style validator for ${name}`, () => {
      const style = buildStyle(s);
      expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    });
  }

  it('is checked by a validator that does find mistakes', () => {
    const style = buildStyle(story);
    const broken: StyleSpecification = {
      ...style,
      layers: [...style.layers, { id: 'stray', type: 'line', source: 'nowhere' }],
    };
    expect(validateStyleMin(broken).map((e) => e.message)).toEqual([expect.stringContaining('nowhere')]);
  });

  it('has no symbol layers: names, arrowheads and markers are the SVG symbol layer’s', () => {
    const style = buildStyle(story);
    expect(style.layers.filter((l) => l.type === 'symbol')).toEqual([]);
    expect(style['font-faces']).toBeUndefined();
    expect(style.glyphs).toBeUndefined();
  });

  it('gives every layer a source that exists, with unique layer ids', () => {
    const style = buildStyle(story);
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of style.layers) {
      const source = sourceOf(layer);
      if (layer.type === 'background') {
        expect(source).toBeUndefined();
        continue;
      }
      expect(source, layer.id).toBeDefined();
      expect(Object.keys(style.sources), layer.id).toContain(source);
    }
    for (const id of Object.values(SOURCES)) expect(Object.keys(style.sources)).toContain(id);
  });

  it('has every layer the selection code changes', () => {
    const ids = buildStyle(story).layers.map((l) => l.id);
    for (const id of CLAIM_LAYERS) expect(ids).toContain(id);
  });

  it('asks no server for anything: inline GeoJSON only, no tiles, sprite or glyphs', () => {
    const style = buildStyle(story);
    expect(style.sprite).toBeUndefined();
    expect(style.glyphs).toBeUndefined();
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source.type, id).toBe('geojson');
      expect(source, id).not.toHaveProperty('url');
      expect(source, id).not.toHaveProperty('tiles');
      if (source.type !== 'geojson') continue;
      // A string here would be a URL MapLibre fetches.
      expect(typeof source.data, id).toBe('object');
      expect((source.data as { type: string }).type, id).toMatch(
        /^(FeatureCollection|Feature|MultiLineString|MultiPolygon)$/,
      );
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('draws the story’s own geography and claims', () => {
    const style = buildStyle(story);
    const data = (id: string) => {
      const source = style.sources[id];
      if (source?.type !== 'geojson') throw new Error(`no GeoJSON source ${id}`);
      return source.data as { type: string; features?: unknown[] };
    };
    // The land is one merged shape: no country is left out of it, and no border is inside it.
    const land = data(SOURCES.land) as unknown as MultiPolygon;
    expect(land.type).toBe('MultiPolygon');
    const countries = feature(story.geography, story.geography.objects.countries);
    const countryArea = countries.features.reduce((sum, f) => sum + geoArea(f), 0);
    expect(geoArea(land) / countryArea).toBeCloseTo(1, 4);
    // No outline of its own: the coast layer draws its edge, and inner borders have none.
    const fill = style.layers.find((l) => l.id === 'land') as { paint: Record<string, unknown> };
    expect(fill.paint['fill-antialias']).toBe(false);
    expect(data(SOURCES.flows).features).toHaveLength(story.flows.features.length);
  });

  for (const [name, s] of stories) {
    it(`draws the land, coast and borders the build prepared, at full detail, for ${name}`, () => {
      const style = buildStyle(s);
      const data = (id: string) => (style.sources[id] as GeoJSONSourceSpecification).data;
      expect(data(SOURCES.land)).toEqual(feature(s.geography, s.basemap.land).geometry);
      expect(data(SOURCES.coast)).toEqual(feature(s.geography, s.basemap.coast).geometry);
      expect(data(SOURCES.borders)).toEqual(feature(s.geography, s.basemap.borders).geometry);
      // Full detail: every point of the geography's arcs is drawn by the coast or the borders.
      const points = (lines: MultiLineString) => lines.coordinates.reduce((n, l) => n + l.length, 0);
      const [coast, borders] = [data(SOURCES.coast), data(SOURCES.borders)] as [MultiLineString, MultiLineString];
      const arcPoints = s.geography.arcs.reduce((n, arc) => n + arc.length, 0);
      expect(points(coast) + points(borders)).toBeGreaterThanOrEqual(arcPoints - s.geography.arcs.length);
    });
  }
});

describe('flowSourceData', () => {
  /** What each geometry type of the published flows is drawn as. */
  const expectedRole: Record<string, FlowRole[]> = {
    // An arrow, or a tie (a view, a rivalry, the line from a fear toward its source).
    LineString: ['arc', 'tie'],
    MultiLineString: ['border'],
    // An area, the outline of a claim the article does not place (a badge), a region's outline.
    Polygon: ['area', 'badge', 'region'],
    MultiPolygon: ['area', 'badge', 'region'],
    // A marker at a city, or the mark on a party that fears.
    Point: ['point', 'fear'],
  };

  for (const [name, s] of stories) {
    it(`draws every feature of ${name} by the role the build gave it, with a distinct flow index`, () => {
      const data = flowSourceData(s);
      expect(data.features).toHaveLength(s.flows.features.length);
      const flows = data.features.map((f) => f.properties?.flow as number);
      expect(flows).toEqual(flows.map((_, i) => i));
      data.features.forEach((f, i) => {
        const original = s.flows.features[i]!;
        expect(expectedRole[f.geometry.type], original.properties.claimId).toContain(original.properties.role);
        expect(f.geometry).toEqual(original.geometry);
        expect(f.properties).toMatchObject(original.properties);
      });
      // Each claim's shape gives its role: a claim the article does not place is a badge, and a
      // region an arrow starts or ends at is drawn as its outline.
      const expected = new Set<string>();
      // An arrows claim's lines are arcs or ties by what its sentence does; a fear adds its mark.
      for (const c of s.claims) {
        if (c.shape !== 'arrows') expected.add(c.unplaced ? 'badge' : c.shape);
        else if (ACT_FORMS[c.act ?? 'moves'] === 'arrow') expected.add('arc');
        else {
          expected.add('tie');
          if (ACT_FORMS[c.act!] === 'mark') expected.add('fear');
        }
      }
      const kindOf = (id: string) => s.places.find((p) => p.id === id)?.kind;
      if (
        s.claims.some(
          (c) => c.shape === 'arrows' && [c.origin, ...c.destinations].flat().some((id) => kindOf(id) === 'region'),
        )
      )
        expected.add('region');
      const roles = new Set(data.features.map((f) => f.properties?.role));
      expect([...roles].sort()).toEqual([...expected].sort());
    });

    it(`draws the arrows of ${name} as a view's layout runs them, the rest as published`, () => {
      const size = { width: 722, height: 673 };
      const view = fitView(s.meta.region.overview, size, uniformPadding(56));
      const layout = layoutFor(layoutSource(s), view, size);
      const data = flowSourceData(s, layout);
      const point = worldToPixel(view, size);
      let arrow = 0;
      data.features.forEach((f, i) => {
        const original = s.flows.features[i]!;
        // Arrows and ties (headless) are both laid out.
        const laidOut = original.properties.role === 'arc' || original.properties.role === 'tie';
        if (!laidOut) return expect(f.geometry).toEqual(original.geometry);
        const laid = layout.arrows[arrow++]!;
        expect([laid.claimId, laid.from, laid.to]).toEqual([
          original.properties.claimId,
          original.properties.from,
          original.properties.to,
        ]);
        // The line MapLibre draws starts and ends where the symbol layer's arrow does, to a pixel.
        const line = (f.geometry as LineString).coordinates as [number, number][];
        const [start, end] = [line[0]!, line[line.length - 1]!].map((ll) => webMercatorPixel(ll, view, size));
        expect(Math.hypot(...sub(start!, point(laid.curve[0])))).toBeLessThan(0.5);
        expect(Math.hypot(...sub(end!, point(laid.curve[3])))).toBeLessThan(0.5);
      });
      expect(arrow).toBe(layout.arrows.length);
    });
  }

  it('leaves the story’s flows untouched', () => {
    const before = JSON.stringify(story.flows);
    flowSourceData(story);
    expect(JSON.stringify(story.flows)).toBe(before);
  });
});
