import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LineString, MultiLineString } from 'geojson';
import { geoArea } from 'd3-geo';
import { feature, merge, mesh, neighbors } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { bandFor, bandIndex } from '../../src/static/bands';
import { edgesInFocus, renderBasemap, renderScene, sceneSource } from '../../src/static/scene';
import { layoutFor } from '../../src/layout';
import { flowSourceData } from '../../src/map/style';
import { actLook } from '../../src/symbology/acts';
import {
  constrainView,
  fitView,
  projectionFor,
  MAX_ZOOM,
  uniformPadding,
  webMercatorPixel,
  type Size,
  type View,
} from '../../src/camera/view';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { BAND_WIDTH, minWeight, SMALLEST_MAP } from '../../src/prepare/basemap';
import type { LonLat, Story } from '../../src/story/types';
import { storyRoles, storyUnderTest } from '../support';

const story = prepareStory(readStoryFiles('data'));
const fixture = prepareStory(readStoryFiles('tests/fixtures/story'));

const SIZE: Size = { width: 720, height: 540 };
const overview = fitView(story.meta.region.overview, SIZE, uniformPadding(48));
const KABUL: LonLat = [69.17, 34.53];

function distance([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  return Math.hypot(ax - bx, ay - by);
}

/** The numbers of an SVG path, in pairs. */
function pathPoints(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
  return points;
}

/**
 * A path as the points it passes through: lines as they are, quadratic Béziers sampled finely.
 * Only the commands the scene writes (M, L, Q, C, Z) are understood; anything else fails the test.
 */
function flatten(d: string): [number, number][][] {
  const parts: [number, number][][] = [];
  let current: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
    const n = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const last = () => current[current.length - 1]!;
    if (command === 'M') {
      current = [[n[0]!, n[1]!]];
      parts.push(current);
      for (let i = 2; i + 1 < n.length; i += 2) current.push([n[i]!, n[i + 1]!]);
    } else if (command === 'L') {
      for (let i = 0; i + 1 < n.length; i += 2) current.push([n[i]!, n[i + 1]!]);
    } else if (command === 'Q') {
      for (let i = 0; i + 3 < n.length; i += 4) {
        const [x0, y0] = last();
        const [cx, cy, x1, y1] = [n[i]!, n[i + 1]!, n[i + 2]!, n[i + 3]!];
        for (let k = 1; k <= 256; k++) {
          const t = k / 256;
          const u = 1 - t;
          current.push([u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1]);
        }
      }
    } else if (command === 'C') {
      for (let i = 0; i + 5 < n.length; i += 6) {
        const p0 = last();
        const [p1, p2, p3]: [[number, number], [number, number], [number, number]] = [
          [n[i]!, n[i + 1]!],
          [n[i + 2]!, n[i + 3]!],
          [n[i + 4]!, n[i + 5]!],
        ];
        for (let k = 1; k <= 256; k++) {
          const t = k / 256;
          const u = 1 - t;
          const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
          current.push([a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]]);
        }
      }
    } else if (command !== 'Z') throw new Error(`unexpected path command ${command}`);
  }
  return parts;
}

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2)) : 0;
  return distance(p, [a[0] + t * dx, a[1] + t * dy]);
}

function distanceToPath(p: [number, number], parts: [number, number][][]): number {
  let best = Infinity;
  for (const part of parts) {
    if (part.length === 1) best = Math.min(best, distance(p, part[0]!));
    for (let i = 1; i < part.length; i++) best = Math.min(best, distanceToSegment(p, part[i - 1]!, part[i]!));
  }
  return best;
}

/** Drawing commands in a path: one per point, roughly what the HTML pays for. */
function commands(d: string): number {
  return (d.match(/[MLZ]/g) ?? []).length;
}

function vertices(lines: MultiLineString): number {
  return lines.coordinates.reduce((n, line) => n + line.length, 0);
}

function flowsOf(s: Story, type: string) {
  return s.flows.features.filter((f) => f.geometry.type === type);
}

function placeOf(s: Story, id: string) {
  const place = s.places.find((p) => p.id === id);
  if (!place) throw new Error(`no place ${id}`);
  return place;
}

describe('first story: renderScene at the overview', () => {
  const source = sceneSource(story);
  const scene = renderScene(source, overview, SIZE);
  const lines = flowsOf(story, 'LineString');

  it('draws every flow once, in the story’s order', () => {
    // Arrows and ties (a view, a fear's line toward its source: headless).
    expect(lines.length).toBeGreaterThan(6);
    expect(scene.arcs).toHaveLength(lines.length);
    expect(scene.arcs.map((a) => a.claimId)).toEqual(lines.map((f) => f.properties.claimId));
    expect(scene.arcs.map((a) => [a.from, a.to])).toEqual(lines.map((f) => [f.properties.from, f.properties.to]));
    const arrows = lines.filter((f) => f.properties.role === 'arc');
    expect(arrows.length).toBeGreaterThan(0);
    expect(scene.heads.map((h) => h.claimId)).toEqual(arrows.map((f) => f.properties.claimId));
    // Claims the article does not place are badges at their country's name; a fear, a badge at
    // the name of those who fear.
    const badges = story.flows.features.filter((f) => f.properties.role === 'badge' || f.properties.role === 'fear');
    expect(badges.length).toBeGreaterThan(0);
    expect(scene.markers.map((m) => m.claimId).sort()).toEqual(badges.map((f) => f.properties.claimId).sort());
    expect(scene.markers.every((m) => m.badge)).toBe(true);
    const areas = flowsOf(story, 'MultiPolygon').filter((f) => f.properties.role === 'area');
    expect(areas.length).toBeGreaterThan(0);
    expect(scene.areas.map((a) => a.claimId).sort()).toEqual(areas.map((f) => f.properties.claimId).sort());
    const borders = flowsOf(story, 'MultiLineString');
    expect(borders.length).toBeGreaterThan(0);
    expect(scene.claimBorders.map((b) => b.claimId)).toEqual(borders.map((f) => f.properties.claimId));
    const regions = story.flows.features.filter((f) => f.properties.role === 'region');
    expect(scene.regions.map((r) => r.claimId)).toEqual(regions.map((f) => f.properties.claimId));
    for (const p of [...scene.arcs, ...scene.areas, ...scene.claimBorders, ...scene.regions]) {
      expect(p.d, p.claimId).toMatch(/^M/);
      const claim = story.claims.find((c) => c.id === p.claimId);
      expect(p.kind).toBe(claim?.kind);
    }
  });

  it('draws each arrow as one cubic curve, from its origin’s name to its destination’s', () => {
    const named = new Map(scene.countryLabels.map((l) => [l.name, l]));
    scene.arcs.forEach((arc, i) => {
      expect(arc.d, arc.claimId).toMatch(/^M-?[\d.]+,-?[\d.]+C(-?[\d.]+,){5}-?[\d.]+$/);
      const [start, , , end] = pathPoints(arc.d);
      const nameOf = (id: string) => {
        const place = placeOf(story, id);
        return named.get(typeof place.label === 'string' ? place.label : place.name);
      };
      for (const [id, at] of [
        [lines[i]!.properties.from, start!],
        [lines[i]!.properties.to!, end!],
      ] as const) {
        const name = nameOf(id);
        if (!name) continue; // off the map: an edge label names it (tests/unit/layout.test.ts)
        // A country's name is about 100 px wide at most: the end is beside it, not at a capital.
        expect(Math.abs(at[0] - name.x), `${arc.claimId} at ${id}`).toBeLessThan(90);
        expect(Math.abs(at[1] - name.y), `${arc.claimId} at ${id}`).toBeLessThan(45);
      }
    });
  });

  it('ends every arrow where its head starts, the head pointing along the arrow’s end', () => {
    const headed = scene.arcs.filter((a) => actLook(a.act).head);
    expect(headed).toHaveLength(scene.heads.length);
    scene.heads.forEach((head, i) => {
      const [, , c2, end] = pathPoints(headed[i]!.d);
      // The line stops short of the tip, under the head.
      expect(distance([head.x, head.y], end!), head.claimId).toBeLessThan(head.length + 1);
      const onScreen = ((Math.atan2(end![0] - c2![0], -(end![1] - c2![1])) * 180) / Math.PI + 360) % 360;
      const diff = Math.abs(((onScreen - head.angle + 540) % 360) - 180);
      expect(diff, head.claimId).toBeLessThan(15);
    });
  });

  it('draws every arrow where MapLibre draws it, within a pixel', () => {
    for (const view of [overview, { center: KABUL, zoom: 5.5 }]) {
      const drawn = renderScene(source, view, SIZE);
      const data = flowSourceData(story, layoutFor(source.layout, view, SIZE));
      const laid = data.features.filter((f) => f.properties.role === 'arc' || f.properties.role === 'tie');
      drawn.arcs.forEach((arc, i) => {
        const parts = flatten(arc.d);
        let checked = 0;
        for (const at of (laid[i]!.geometry as LineString).coordinates as LonLat[]) {
          const [x, y] = webMercatorPixel(at, view, SIZE);
          if (x < 0 || y < 0 || x > SIZE.width || y > SIZE.height) continue;
          expect(distanceToPath([x, y], parts), `${arc.claimId} at zoom ${view.zoom}`).toBeLessThan(0.8);
          checked++;
        }
        if (view === overview) expect(checked, arc.claimId).toBeGreaterThan(0);
      });
    }
  });

  it('sets badges sharing a name apart, in a block beside it, and a fear’s at the name of those who fear', () => {
    const nameOf = (id: string) => {
      const place = story.places.find((p) => p.id === id)!;
      return scene.countryLabels.find((l) => l.name === (typeof place.label === 'string' ? place.label : place.name))!;
    };
    expect(scene.markers.length).toBeGreaterThan(1);
    const positions = new Set(scene.markers.map((m) => `${m.x},${m.y}`));
    expect(positions.size).toBe(scene.markers.length);
    for (const m of scene.markers) {
      const at = story.flows.features.find(
        (f) => f.properties.claimId === m.claimId && (f.properties.role === 'badge' || f.properties.role === 'fear'),
      )!.properties.from;
      const name = nameOf(at);
      expect(distance([m.x, m.y], [name.x, name.y]), m.claimId).toBeLessThan(80);
      expect(m.r).toBeGreaterThan(3);
    }
  });

  it('names the story’s countries first, and writes no capital the article does not name', () => {
    expect(scene.countryLabels.length).toBeGreaterThan(5);
    for (const label of [...scene.countryLabels, ...scene.places]) {
      expect(label.x, label.name).toBeGreaterThanOrEqual(0);
      expect(label.x, label.name).toBeLessThanOrEqual(SIZE.width);
      expect(label.y, label.name).toBeGreaterThanOrEqual(0);
      expect(label.y, label.name).toBeLessThanOrEqual(SIZE.height);
    }
    const names = scene.countryLabels.map((l) => l.name);
    for (const name of ['Afghanistan', 'Pakistan', 'Iran', 'China', 'Uzbekistan', 'Tajikistan', 'Turkmenistan'])
      expect(names, name).toContain(name);
    expect(scene.countryLabels.find((l) => l.name === 'Central Asian republics')?.style).toBe('region');
    expect(scene.places.map((p) => p.name)).toEqual([]);
  });

  it('draws land and borders as SVG paths', () => {
    expect(scene.land).toMatch(/^M-?\d/);
    expect(scene.borders).toMatch(/^M-?\d/);
    expect(commands(scene.land)).toBeGreaterThan(100);
    expect(commands(scene.borders)).toBeGreaterThan(100);
    expect(scene.land).not.toMatch(/NaN|Infinity|e[-+]?\d/);
    expect(scene.borders).not.toMatch(/NaN|Infinity|e[-+]?\d/);
    expect(scene.size).toEqual(SIZE);
  });

  it('keeps the prerendered basemap small', () => {
    expect(scene.land.length + scene.borders.length).toBeLessThan(60_000);
  });
});

describe('first story: renderScene from one source at several zooms', () => {
  it('reuses a basemap within a zoom band and adds one for another', () => {
    const source = sceneSource(story);
    expect(source.basemaps.size).toBe(0);
    const first = renderScene(source, overview, SIZE);
    expect(source.basemaps.size).toBe(1);
    const [cached] = [...source.basemaps.values()];
    const again = renderScene(source, { center: KABUL, zoom: overview.zoom + 0.01 }, SIZE);
    expect(source.basemaps.size).toBe(1);
    expect([...source.basemaps.values()][0]).toBe(cached);
    // Drawn once in the band's plane: another view of the band only moves it.
    expect(again.borders).toBe(first.borders);
    expect(again.areas).toEqual(first.areas);
    expect(again.plane.attribute).not.toBe(first.plane.attribute);
    renderScene(source, { center: KABUL, zoom: 5.5 }, SIZE);
    expect(source.basemaps.size).toBe(2);
    renderScene(source, { center: KABUL, zoom: 5.6 }, SIZE);
    expect(source.basemaps.size).toBe(2);
  });

  it('places the band’s plane by its transform where the view draws each place', () => {
    const source = sceneSource(story);
    for (const view of [overview, { center: KABUL, zoom: 5.3 }, { center: [60, 30] as LonLat, zoom: 2.9 }]) {
      for (const size of [SIZE, { width: 390, height: 300 }]) {
        const { drawing, plane } = renderBasemap(source, view, size);
        const inPlane = projectionFor({ center: source.origin, zoom: drawing.zoom }, { width: 0, height: 0 });
        for (const place of [KABUL, [51.39, 35.69] as LonLat, [74.35, 31.55] as LonLat]) {
          const [px, py] = inPlane(place)!;
          const [x, y] = webMercatorPixel(place, view, size);
          expect(px * plane.k + plane.x).toBeCloseTo(x, 1);
          expect(py * plane.k + plane.y).toBeCloseTo(y, 1);
        }
      }
    }
  });

  it('keeps the band drawn while it fits the zoom, and draws another when it does not', () => {
    const source = sceneSource(story);
    const { bands } = story.basemap;
    const at = bandIndex(bands, 4);
    expect(bandFor(source, 4)).toBe(at);
    // A map measured smaller or larger than the prerendered one keeps the prerendered band.
    expect(bandFor(source, 4 - 0.9, at)).toBe(at);
    expect(bandFor(source, 4 + 0.4, at)).toBe(at);
    // At most two bands coarser (half a level), at most four finer.
    expect(bandFor(source, bands[at + 2]!.minZoom, at)).toBe(at);
    expect(bandFor(source, bands[at + 3]!.minZoom, at)).toBe(at + 3);
    expect(bandFor(source, bands[at - 4]!.minZoom, at)).toBe(at);
    expect(bandFor(source, bands[at - 5]!.minZoom, at)).toBe(at - 5);
    // Too coarse or far too fine: the band of the zoom.
    expect(bandFor(source, 4 + 1, at)).toBe(bandIndex(bands, 5));
    expect(bandFor(source, 4 - 1.5, at)).toBe(bandIndex(bands, 2.5));
  });

  it('gives the same scene from a fresh source and a used one', () => {
    const used = sceneSource(story);
    renderScene(used, { center: KABUL, zoom: 5.5 }, SIZE);
    renderScene(used, overview, SIZE);
    expect(renderScene(used, overview, SIZE)).toEqual(renderScene(sceneSource(story), overview, SIZE));
  });

  it('keeps the bands used last, not every band a camera flight crossed', () => {
    const source = sceneSource(story);
    const { bands } = story.basemap;
    for (const band of bands) renderBasemap(source, { center: KABUL, zoom: band.minZoom }, SIZE);
    for (const kept of [source.basemaps, source.drawings]) {
      expect(kept.size).toBeLessThan(bands.length);
      expect([...kept.keys()]).toEqual(Array.from({ length: kept.size }, (_, i) => bands.length - kept.size + i));
    }
    const first = bands.length - source.drawings.size;
    // Used again, a band outlasts those used before it.
    renderBasemap(source, { center: KABUL, zoom: bands[first]!.minZoom }, SIZE);
    renderBasemap(source, { center: KABUL, zoom: bands[0]!.minZoom }, SIZE);
    expect(source.drawings.has(first)).toBe(true);
    expect(source.drawings.has(first + 1)).toBe(false);
  });

  it('keeps more detail zoomed in than at the overview', () => {
    const source = sceneSource(story);
    renderScene(source, overview, SIZE);
    renderScene(source, { center: KABUL, zoom: 5.5 }, SIZE);
    const [coarse, fine] = [...source.basemaps.entries()].sort(([a], [b]) => a - b).map(([, basemap]) => basemap);
    expect(vertices(fine!.borders)).toBeGreaterThan(vertices(coarse!.borders) * 1.5);
    // The same stretch of border, on screen, is drawn with more points when zoomed in.
    const box: [LonLat, LonLat] = [
      [66, 32],
      [72, 37],
    ];
    const inBox = (lines: MultiLineString) =>
      lines.coordinates
        .flat()
        .filter(([x, y]) => x! >= box[0][0] && x! <= box[1][0] && y! >= box[0][1] && y! <= box[1][1]).length;
    expect(inBox(fine!.borders)).toBeGreaterThan(inBox(coarse!.borders));
  });

  it('does not leave the source’s geography changed', () => {
    const before = JSON.stringify([story.geography, story.basemap]);
    renderScene(sceneSource(story), overview, SIZE);
    expect(JSON.stringify([story.geography, story.basemap])).toBe(before);
  });
});

describe('the basemap the build prepares', () => {
  for (const [name, s] of [
    ['the real story', story],
    ['the fixture story', fixture],
  ] as const) {
    const { bands } = s.basemap;
    const geo = s.geography as unknown as Topology<Objects<object>>;

    it(`has a band for every zoom from the lowest any map reaches to the closest, for ${name}`, () => {
      const lowest = constrainView({ center: [0, 0], zoom: -Infinity }, SMALLEST_MAP, s.meta.region.maxBounds).zoom;
      expect(bands[0]!.minZoom).toBeLessThanOrEqual(lowest);
      expect(bands[bands.length - 1]!.detailZoom).toBe(MAX_ZOOM);
      bands.forEach((band, i) => {
        expect(band.detailZoom - band.minZoom).toBe(BAND_WIDTH);
        if (i > 0) expect(band.minZoom).toBe(bands[i - 1]!.detailZoom);
      });
      // Every zoom gets a band simplified for that zoom or at most a band's width closer, never coarser.
      for (let zoom = lowest; zoom <= MAX_ZOOM; zoom += 0.01) {
        const band = bands[bandIndex(bands, zoom)]!;
        expect(band.detailZoom, `zoom ${zoom}`).toBeGreaterThanOrEqual(zoom);
        expect(band.detailZoom - zoom, `zoom ${zoom}`).toBeLessThanOrEqual(BAND_WIDTH + 1e-9);
      }
      expect(bandIndex(bands, lowest - 3)).toBe(0);
      expect(bandIndex(bands, MAX_ZOOM)).toBe(bands.length - 1);
    });

    it(`keeps more detail in each band than in the one below, for ${name}`, () => {
      // A letter per point but the arcs' ends: the first band that keeps it.
      const points = s.geography.arcs.reduce((n, arc) => n + arc.length - 2, 0);
      expect(s.basemap.detail).toHaveLength(points);
      const kept = bands.map((_, i) => [...s.basemap.detail].filter((c) => c.charCodeAt(0) <= 97 + i).length);
      kept.forEach((n, i) => i > 0 && expect(n).toBeGreaterThanOrEqual(kept[i - 1]!));
      expect(kept[kept.length - 1]!).toBeGreaterThan(kept[0]! * 4);
      expect(kept[kept.length - 1]!).toBeLessThanOrEqual(points);
    });

    it(`draws each band as Visvalingam at 1 px² for its closest zoom, merged and meshed, for ${name}`, () => {
      const source = sceneSource(s);
      const weighted = presimplify(structuredClone(geo));
      for (const i of [0, Math.floor(bands.length / 2), bands.length - 1]) {
        const band = bands[i]!;
        renderBasemap(source, { center: s.meta.region.overview.slice(0, 2) as LonLat, zoom: band.minZoom }, SIZE);
        const simple = simplify(weighted, minWeight(band.detailZoom)) as unknown as Story['geography'];
        const countries = simple.objects.countries;
        const drawn = source.basemaps.get(i)!;
        expect(drawn.land, `band ${i}`).toEqual(merge(simple, countries.geometries as never));
        expect(drawn.borders, `band ${i}`).toEqual(mesh(simple, countries, (a, b) => a !== b));
      }
    });

    it(`merges every country into the land, with the countries' area, for ${name}`, () => {
      const countries = feature(s.geography, s.geography.objects.countries);
      const countryArea = countries.features.reduce((sum, f) => sum + geoArea(f), 0);
      const land = feature(s.geography, s.basemap.land).geometry;
      expect(geoArea(land) / countryArea).toBeCloseTo(1, 6);
      const source = sceneSource(s);
      for (const zoom of [bands[0]!.minZoom, 4, MAX_ZOOM]) {
        renderBasemap(source, { center: s.meta.region.overview.slice(0, 2) as LonLat, zoom }, SIZE);
        const drawn = source.basemaps.get(bandIndex(bands, zoom))!.land;
        expect(geoArea(drawn) / countryArea, `zoom ${zoom}`).toBeCloseTo(1, 1);
      }
      // The coast and the borders are the mesh of the countries, split by how many countries share a line.
      expect(feature(s.geography, s.basemap.coast).geometry).toEqual(
        mesh(s.geography, s.geography.objects.countries, (a, b) => a === b),
      );
      expect(feature(s.geography, s.basemap.borders).geometry).toEqual(
        mesh(s.geography, s.geography.objects.countries, (a, b) => a !== b),
      );
      expect(land).toEqual(merge(s.geography, s.geography.objects.countries.geometries as never));
    });
  }

  it('is drawn in the browser without merging, meshing or simplifying', () => {
    for (const file of ['src/static/scene.ts', 'src/map/style.ts']) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/topojson-simplify|\b(merge|mesh|mergeArcs|meshArcs|presimplify|simplify)\(/);
    }
  });
});

/** Numbers rounded to 3 places, in values and inside strings, so the snapshot is stable text. */
function normalise(value: unknown): unknown {
  const round = (n: number) => Math.round(n * 1000) / 1000 + 0;
  if (typeof value === 'number') return round(value);
  if (typeof value === 'string') return value.replace(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g, (n) => String(round(+n)));
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

describe('renderScene for the fixture story', () => {
  const size: Size = { width: 400, height: 300 };
  const view: View = { center: [2, 13], zoom: 3.5 };
  const scene = renderScene(sceneSource(fixture), view, size);

  it('draws the fixture’s claims from its own data', () => {
    expect(scene.arcs.map((a) => a.claimId)).toEqual(['push-south', 'push-south', 'push-south']);
    expect(scene.claimBorders.map((b) => b.claimId)).toEqual(['niger-border']);
    expect(scene.markers.map((m) => m.claimId)).toEqual(['smuggling']);
    expect(scene.areas.map((a) => a.claimId)).toEqual(['junta']);
    expect(scene.land.length).toBeGreaterThan(0);
    expect(scene.borders.length).toBeGreaterThan(0);
  });

  it('matches the snapshot', () => {
    expect(
      normalise({
        arcs: scene.arcs,
        heads: scene.heads,
        markers: scene.markers,
        countryLabels: scene.countryLabels,
        places: scene.places,
        areas: scene.areas.map(({ d: _d, ...rest }) => rest),
        claimBorders: scene.claimBorders.map(({ d: _d, ...rest }) => rest),
      }),
    ).toMatchSnapshot();
  });
});

/** Whether a point (in the view's pixels) is inside a plane path, by the even-odd rule SVG fills with. */
function insidePath(d: string, plane: { k: number; x: number; y: number }, [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of flatten(d)) {
    const points = ring.map(([px, py]) => [px * plane.k + plane.x, py * plane.k + plane.y] as const);
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A plane path as the points it passes through, in the view's pixels. */
function inView(d: string, plane: { k: number; x: number; y: number }): [number, number][][] {
  return flatten(d).map((part) => part.map(([px, py]) => [px * plane.k + plane.x, py * plane.k + plane.y]));
}

describe('the basemap a reader sees, for the story under test', () => {
  const s = prepareStory(readStoryFiles(storyUnderTest()));
  const size: Size = { width: 720, height: 540 };
  const view = fitView(s.meta.region.overview, size, uniformPadding(48));
  const scene = renderScene(sceneSource(s), view, size);
  const countries = s.geography.objects.countries.geometries as {
    id?: string;
    properties?: { name?: string; label?: LonLat };
  }[];
  const onMap = ([x, y]: [number, number]) => x > 8 && y > 8 && x < size.width - 8 && y < size.height - 8;
  const pixel = (p: LonLat) => webMercatorPixel(p, view, size);

  it('draws every country whose name point is on the map as land, and none of the sea around it', () => {
    const seen = countries.filter((g) => g.properties?.label && onMap(pixel(g.properties.label)));
    expect(seen.length).toBeGreaterThan(2);
    for (const g of seen)
      expect(insidePath(scene.land, scene.plane, pixel(g.properties!.label!)), g.properties!.name).toBe(true);
    // A map corner far from every country is not land (the fixture's region has open sea).
    const sea = [
      [2, 2],
      [size.width - 2, 2],
      [2, size.height - 2],
      [size.width - 2, size.height - 2],
    ].filter(
      ([x, y]) => !countries.some((g) => g.properties?.label && distance(pixel(g.properties.label), [x!, y!]) < 150),
    );
    for (const corner of sea) expect(insidePath(scene.land, scene.plane, corner as [number, number])).toBe(false);
  });

  it('draws a border between every two neighbours on the map, where their shared line runs', () => {
    const topology = s.geography as unknown as Topology<Objects>;
    const geometries = topology.objects.countries as unknown as { geometries: { id?: string }[] };
    const borders = inView(scene.borders, scene.plane);
    let checked = 0;
    for (const [i, others] of neighbors(geometries.geometries as never).entries()) {
      for (const j of others) {
        if (j < i) continue;
        const [a, b] = [geometries.geometries[i], geometries.geometries[j]];
        const shared = mesh(
          topology,
          topology.objects.countries as never,
          (x, y) => (x === a && y === b) || (x === b && y === a),
        );
        const line = shared.coordinates.flat();
        const middle = line[Math.floor(line.length / 2)] as LonLat | undefined;
        if (!middle || !onMap(pixel(middle))) continue;
        expect(distanceToPath(pixel(middle), borders), `${a!.id}–${b!.id}`).toBeLessThan(3);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('fills an area claim over its country and draws a claimed border along the shared line', () => {
    const label = (placeId: string) => {
      const country = s.places.find((p) => p.id === placeId)!.country;
      return countries.find((g) => g.id === country)?.properties?.label;
    };
    const roles = storyRoles(s);
    if (roles.area) {
      const area = scene.areas.find((a) => a.claimId === roles.area)!;
      const origin = s.claims.find((c) => c.id === roles.area)!.origin;
      expect(insidePath(area.d, scene.plane, pixel(label(origin)!))).toBe(true);
    }
    if (roles.border) {
      const border = scene.claimBorders.find((b) => b.claimId === roles.border)!;
      const drawn = inView(border.d, scene.plane).flat();
      const all = inView(scene.borders, scene.plane);
      expect(drawn.length).toBeGreaterThan(1);
      for (const point of drawn) expect(distanceToPath(point, all)).toBeLessThan(3);
    }
    expect(roles.area ?? roles.border, 'the story has an area or a border claim').toBeDefined();
  });
});

describe('first story: edge labels, places off the map', () => {
  const source = sceneSource(story);
  const size: Size = { width: 600, height: 400 };
  // Afghanistan close up: Russia, where two claims' arrows start, is far off the map's top.
  const view: View = { center: [67, 35], zoom: 5 };
  const scene = renderScene(source, view, size);

  it('names a place off the map where its arrows enter the map, with a pointer towards it', () => {
    const russia = scene.edgeLabels.filter((e) => e.name === 'Russia');
    expect(russia.length).toBeGreaterThan(0);
    expect(russia.flatMap((e) => e.claimIds).sort()).toEqual(['russia-central-asia', 'russia-upgrade']);
    const entries = scene.arcs
      .filter((a) => a.from === 'russia')
      .map((a) =>
        flatten(a.d)
          .flat()
          .find(([x, y]) => x >= 0 && y >= 0 && x <= size.width && y <= size.height)!,
      );
    for (const label of russia) {
      const [x0, y0, x1, y1] = label.box;
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(size.width);
      expect(y1).toBeLessThanOrEqual(size.height);
      // Near the top edge, pointing north (Moscow's side of the map), beside where its arrows come in.
      expect(y0).toBeLessThan(30);
      expect(Math.min(label.pointer.angle, 360 - label.pointer.angle)).toBeLessThan(60);
      const near = entries.some(([x, y]) => Math.hypot(Math.max(x0 - x, 0, x - x1), Math.max(y0 - y, 0, y - y1)) < 36);
      expect(near).toBe(true);
    }
  });

  it('shows a selected claim’s edge labels only, and every claim’s with nothing selected', () => {
    expect(edgesInFocus(scene.edgeLabels, [])).toEqual(scene.edgeLabels);
    const focused = edgesInFocus(scene.edgeLabels, ['russia-upgrade']);
    expect(focused.length).toBeGreaterThan(0);
    expect(focused.every((e) => e.claimIds.includes('russia-upgrade'))).toBe(true);
    expect(edgesInFocus(scene.edgeLabels, ['ttp-pakistan'])).toEqual([]);
  });
});
