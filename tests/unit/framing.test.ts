import { describe, expect, it } from 'vitest';
import { selectionView } from '../../src/camera/framing';
import { webMercatorPixel, type Size } from '../../src/camera/view';
import { sceneSource } from '../../src/static/scene';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));
const source = sceneSource(story);

describe('framing for names set larger (a projector)', () => {
  it('zooms out no further than needed, and keeps room for the larger names', () => {
    const size: Size = { width: 560, height: 700 };
    for (const c of story.claims) {
      const small = selectionView(story, source.placeLabels, [c.id], size, 1);
      const large = selectionView(story, source.placeLabels, [c.id], size, 1.7);
      expect(large.zoom, c.id).toBeLessThanOrEqual(small.zoom + 1e-9);
    }
  });
});

describe('each claim framed whole', () => {
  const sizes: Size[] = [
    { width: 722, height: 480 },
    { width: 390, height: 304 },
    { width: 790, height: 673 },
  ];
  const byShape = (shape: string, unplaced: boolean) =>
    story.claims.find((c) => c.shape === shape && !!c.unplaced === unplaced);

  it('frames a claim drawn over a country apart from one the article does not place there', () => {
    const area = byShape('area', false);
    const badge = story.claims.find((c) => c.unplaced && c.origin === area?.origin);
    if (!area || !badge) return; // the story under test has no area and unplaced claim at one country
    for (const size of sizes) {
      const a = selectionView(story, source.placeLabels, [area.id], size);
      const b = selectionView(story, source.placeLabels, [badge.id], size);
      // The unplaced claim shows the country with its neighbours: at least half a zoom level out.
      expect(a.zoom - b.zoom).toBeGreaterThan(0.5);
    }
  });

  it('keeps the names of both countries of a border claim in the map, a margin in', () => {
    const border = byShape('border', false)!;
    for (const size of sizes) {
      const view = selectionView(story, source.placeLabels, [border.id], size);
      for (const id of [border.origin, ...border.destinations]) {
        const [x, y] = webMercatorPixel(story.places.find((p) => p.id === id)!.coordinates, view, size);
        expect(x).toBeGreaterThan(20);
        expect(x).toBeLessThan(size.width - 20);
        expect(y).toBeGreaterThan(20);
        expect(y).toBeLessThan(size.height - 20);
      }
    }
  });
});
