/**
 * Edge labels (`layout/edges.ts`): a place off the map is named where its arrows leave the map,
 * with a pointer heading towards it.
 */
import { describe, expect, it } from 'vitest';
import { placeArrows } from '../../../src/layout/arrows';
import { placeEdgeLabels } from '../../../src/layout/edges';
import { placeStoryNames } from '../../../src/layout/names';
import { worldToPixel } from '../../../src/layout/world';
import { city, flow, SIZE, sourceAndSheet, story, VIEW } from './fixture';

function edgesFor(far: ReturnType<typeof city>) {
  const here = city('here', 'Here', [0, 0]);
  const { source, sheet } = sourceAndSheet(story([here, far], [flow('a', 'arc', here, far)]));
  const { nodes } = placeStoryNames(source, sheet);
  const arrows = placeArrows(source, sheet, nodes);
  return { edges: placeEdgeLabels(sheet, arrows), nodes };
}

describe('edge labels', () => {
  it('name a place off the map where its arrows leave it, pointing towards it', () => {
    const { edges, nodes } = edgesFor(city('far', 'Faraway', [40, 0]));
    expect(nodes.get('far')!.centre).toBeNull();
    expect(edges).toHaveLength(1);
    const [edge] = edges;
    expect(edge).toMatchObject({ text: 'Faraway', place: 'far', claimIds: ['a'] });
    // East (90° clockwise from north, give or take where the label sits), at the map's right edge.
    expect(edge!.pointer.angle).toBeGreaterThan(70);
    expect(edge!.pointer.angle).toBeLessThan(110);
    const [x, y] = worldToPixel(VIEW, SIZE)(edge!.at);
    expect(x + edge!.box[2]).toBeLessThanOrEqual(SIZE.width);
    expect(x).toBeGreaterThan(SIZE.width * 0.75);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(SIZE.height);
  });

  it('point the other way for a place off the map’s other side', () => {
    const [edge] = edgesFor(city('far', 'Faraway', [-40, 0])).edges;
    expect(edge!.pointer.angle).toBeGreaterThan(250);
    expect(edge!.pointer.angle).toBeLessThan(290);
  });

  it('are left out for places in view', () => {
    expect(edgesFor(city('near', 'Nearby', [5, 0])).edges).toEqual([]);
  });
});
