import { describe, expect, it } from 'vitest';
import { selectionView } from '../../src/camera/framing';
import type { Size } from '../../src/camera/view';
import { sceneSource } from '../../src/static/scene';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';

const story = prepareStory(readStoryFiles('data'));
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
