import { describe, expect, it } from 'vitest';
import { claimsUnder, selectionView } from '../../src/camera/framing';
import { webMercatorPixel, type Size } from '../../src/camera/view';
import { sceneSource } from '../../src/static/scene';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));
const source = sceneSource(story);

describe('claimsUnder', () => {
  const size: Size = { width: 800, height: 600 };
  const claim = story.claims.find((c) => c.shape === 'arrows')!;
  const view = selectionView(story, source.placeLabels, [claim.id], size);
  const origin = story.places.find((p) => p.id === claim.origin)!.coordinates;
  const [x, y] = webMercatorPixel(origin, view, size);

  it('finds a claim whose arrow starts inside a box', () => {
    expect(claimsUnder(story.flows, [claim.id], view, size, { x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5 })).toBe(true);
  });

  it('counts the reach of the symbols drawn at its points, and nothing beyond', () => {
    const near = { x0: x + 6, y0: y - 2, x1: x + 20, y1: y + 2 };
    expect(claimsUnder(story.flows, [claim.id], view, size, near)).toBe(true);
    // A box far from every point of the claim (the map's opposite corners hold none of it here).
    const corners = [
      { x0: 0, y0: 0, x1: 20, y1: 20 },
      { x0: size.width - 20, y0: size.height - 20, x1: size.width, y1: size.height },
    ];
    expect(corners.some((box) => !claimsUnder(story.flows, [claim.id], view, size, box))).toBe(true);
  });

  it('looks only at the claims asked about', () => {
    const box = { x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5 };
    expect(claimsUnder(story.flows, [], view, size, box)).toBe(false);
  });

  it('finds no claim framed beside a key on a map wide enough for both', () => {
    const wide: Size = { width: 1000, height: 600 };
    const key = { x0: 8, y0: 360, x1: 246, y1: 592 };
    for (const c of story.claims) {
      const framed = selectionView(story, source.placeLabels, [c.id], wide, key.x1);
      expect(claimsUnder(story.flows, [c.id], framed, wide, key), c.id).toBe(false);
    }
  });
});

describe('framing for names set larger (a projector)', () => {
  it('zooms out no further than needed, and keeps room for the larger names', () => {
    const size: Size = { width: 560, height: 700 };
    for (const c of story.claims) {
      const small = selectionView(story, source.placeLabels, [c.id], size, 0, 1);
      const large = selectionView(story, source.placeLabels, [c.id], size, 0, 1.7);
      expect(large.zoom, c.id).toBeLessThanOrEqual(small.zoom + 1e-9);
    }
  });
});
