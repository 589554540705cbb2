import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { arc } from '../../src/flows/geometry';
import { arrowHeads, MARKER_RING, markerOffset, markers } from '../../src/flows/render';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import type { FlowCollection, FlowProperties, LonLat } from '../../src/story/types';
import { storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));

/** -0 and 0 are the same offset on screen. */
const plain = ([x, y]: [number, number]): [number, number] => [x + 0, y + 0];

/** The role the build gives a feature of this geometry. */
function roleOf(geometry: Geometry): FlowProperties['role'] {
  if (geometry.type === 'LineString') return 'arc';
  if (geometry.type === 'MultiLineString') return 'border';
  return geometry.type === 'Point' ? 'point' : 'area';
}

function flow(
  claimId: string,
  from: string,
  geometry: Geometry,
  to: string | null = null,
): Feature<Geometry, FlowProperties> {
  return {
    type: 'Feature',
    properties: {
      claimId,
      role: roleOf(geometry),
      kind: 'sanctuary',
      look: 'sanctuary',
      modality: 'reported',
      actors: ['someone'],
      caption: `caption of ${claimId}`,
      quote: 'A sentence.',
      paragraph: 1,
      sentence: 1,
      from,
      to,
    },
    geometry,
  };
}

function collection(...features: Feature<Geometry, FlowProperties>[]): FlowCollection {
  return { type: 'FeatureCollection', features };
}

describe('arrowHeads', () => {
  it('gives a tie (a view, a fear’s line toward its source) no head: it is not a route', () => {
    const line = { type: 'LineString' as const, coordinates: [plain([0, 0]), plain([10, 5])] };
    const arc = flow('moves', 'a', line, 'b');
    const tie = {
      ...flow('views', 'a', line, 'b'),
      properties: { ...flow('views', 'a', line, 'b').properties, role: 'tie' as const },
    };
    expect(arrowHeads(collection(arc, tie)).map((h) => h.properties.claimId)).toEqual(['moves']);
  });

  it('puts one head at the end of each arrow of the story, and none on its ties', () => {
    const lines = story.flows.features.filter((f) => f.properties.role === 'arc');
    const heads = arrowHeads(story.flows);
    expect(heads).toHaveLength(lines.length);
    heads.forEach((head, i) => {
      const line = lines[i]!;
      if (line.geometry.type !== 'LineString') throw new Error('not a line');
      const coordinates = line.geometry.coordinates as LonLat[];
      expect(head.properties.claimId).toBe(line.properties.claimId);
      expect(head.properties.kind).toBe(line.properties.kind);
      // Drawn as its claim is: the kind's look, hollow or solid by its modality.
      expect([head.properties.look, head.properties.modality]).toEqual([
        line.properties.look,
        line.properties.modality,
      ]);
      expect(head.geometry.coordinates).toEqual(coordinates[coordinates.length - 1]);
      // The Mercator bearing of the arc's last step, worked out here on its own.
      const [a, b] = [coordinates[coordinates.length - 2]!, coordinates[coordinates.length - 1]!];
      const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
      const bearing = (Math.atan2((b[0] - a[0]) * (Math.PI / 180), y(b[1]) - y(a[1])) * 180) / Math.PI;
      const diff = Math.abs(((head.properties.angle - bearing + 540) % 360) - 180);
      expect(diff, line.properties.claimId).toBeLessThan(0.1);
    });
  });

  it('gives no heads to markers, areas and borders', () => {
    const flows = collection(
      flow('m', 'a', { type: 'Point', coordinates: [60, 30] }),
      flow('b', 'a', {
        type: 'MultiLineString',
        coordinates: [
          [
            [60, 30],
            [61, 31],
          ],
        ],
      }),
      flow('p', 'a', {
        type: 'Polygon',
        coordinates: [
          [
            [60, 30],
            [61, 30],
            [61, 31],
            [60, 30],
          ],
        ],
      }),
    );
    expect(arrowHeads(flows)).toEqual([]);
  });

  it('points the head the way the arrow travels', () => {
    const north = flow('n', 'a', { type: 'LineString', coordinates: arc([60, 30], [60, 40], 0) }, 'b');
    const west = flow('w', 'a', { type: 'LineString', coordinates: arc([70, 35], [50, 35], 0) }, 'b');
    expect(arrowHeads(collection(north, west)).map((h) => h.properties.angle)).toEqual([0, 270]);
  });
});

describe('markerOffset', () => {
  it('puts a lone marker on its place', () => {
    expect(plain(markerOffset(0, 1))).toEqual([0, 0]);
    expect(plain(markerOffset(0, 0))).toEqual([0, 0]);
  });

  it('spreads markers sharing a place on a ring, from the top, clockwise', () => {
    expect([0, 1, 2, 3].map((slot) => plain(markerOffset(slot, 4)))).toEqual([
      [0, -MARKER_RING],
      [MARKER_RING, 0],
      [0, MARKER_RING],
      [-MARKER_RING, 0],
    ]);
    expect([0, 1].map((slot) => plain(markerOffset(slot, 2, 10)))).toEqual([
      [0, -10],
      [0, 10],
    ]);
  });

  it('keeps every marker on the ring and no two in the same spot', () => {
    for (const count of [2, 3, 5, 7]) {
      const offsets = Array.from({ length: count }, (_, slot) => markerOffset(slot, count));
      for (const [x, y] of offsets) expect(Math.hypot(x, y)).toBeCloseTo(MARKER_RING, 0);
      expect(new Set(offsets.map((o) => plain(o).join(','))).size).toBe(count);
    }
  });

  it('rounds offsets to a tenth of a pixel', () => {
    for (const value of markerOffset(1, 3)) expect(Math.round(value * 10) / 10).toBe(value);
  });
});

describe('markers', () => {
  it('gives the point claims of the fixture story (a city) a marker, and unplaced claims none', () => {
    const placed = story.claims.filter((c) => c.shape === 'point' && !c.unplaced).map((c) => c.id);
    expect(markers(story.flows).map((m) => m.properties.claimId)).toEqual(placed);
    const fixture = prepareStory(readStoryFiles('tests/fixtures/story'));
    const points = fixture.flows.features.filter((f) => f.geometry.type === 'Point');
    const result = markers(fixture.flows);
    expect(result.map((m) => m.properties.claimId)).toEqual(points.map((p) => p.properties.claimId));
    expect(result.length).toBe(1);
    for (const m of result) {
      expect(m.properties.offset).toEqual([0, 0]);
      const source = points.find((p) => p.properties.claimId === m.properties.claimId)!;
      expect(m.geometry).toEqual(source.geometry);
      expect(m.properties.caption).toBe(source.properties.caption);
      expect(m.properties.kind).toBe(source.properties.kind);
      expect([m.properties.look, m.properties.modality]).toEqual([source.properties.look, source.properties.modality]);
    }
  });

  it('gives slots per place, in claim order, and leaves a lone marker on its place', () => {
    const flows = collection(
      flow('a1', 'kabul', { type: 'Point', coordinates: [69.17, 34.53] }),
      flow('t1', 'tehran', { type: 'Point', coordinates: [51.42, 35.7] }),
      flow(
        'line',
        'kabul',
        {
          type: 'LineString',
          coordinates: [
            [69.17, 34.53],
            [51.42, 35.7],
          ],
        },
        'tehran',
      ),
      flow('a2', 'kabul', { type: 'Point', coordinates: [69.17, 34.53] }),
    );
    const result = markers(flows);
    expect(result.map((m) => [m.properties.claimId, plain(m.properties.offset)])).toEqual([
      ['a1', [0, -MARKER_RING]],
      ['t1', [0, 0]],
      ['a2', [0, MARKER_RING]],
    ]);
  });
});
