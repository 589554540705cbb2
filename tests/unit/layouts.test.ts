/**
 * The layouts a page carries (`layout/page.ts`): the prerendered map's layout is written into
 * the page as JSON and kept by the page instead of being computed again, so it must come back
 * exactly as computed, and no text of a story can end the element that carries it.
 */
import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import {
  hasLayout,
  keepLayout,
  layoutFor,
  layoutSource,
  notePrerendered,
  prerenderedLayoutsJson,
  type Layout,
} from '../../src/layout';
import { selectionView } from '../../src/camera/framing';
import { sceneSource } from '../../src/static/scene';
import { storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));
const size = { width: 720, height: 540 };
const overview = () => selectionView(story, sceneSource(story).placeLabels, [], size);

describe('the prerendered layout', () => {
  it('comes back from the page exactly as computed, and is then at hand', () => {
    const view = overview();
    const computed = layoutFor(layoutSource(story), view, size, 1);
    notePrerendered(computed);
    const [read] = JSON.parse(prerenderedLayoutsJson()) as Layout[];
    expect(read).toEqual(computed);
    const page = layoutSource(story);
    expect(hasLayout(page, view, size, 1)).toBe(false);
    keepLayout(page, read!);
    expect(hasLayout(page, view, size, 1)).toBe(true);
    expect(layoutFor(page, view, size, 1)).toBe(read);
  });

  it('cannot end its script element, whatever a story names', () => {
    const view = overview();
    const layout = layoutFor(layoutSource(story), view, size, 1);
    const hostile = { ...layout, names: [{ ...layout.names[0]!, text: '</script><script>alert(1)</script>\u2028' }] };
    notePrerendered(hostile);
    const json = prerenderedLayoutsJson();
    expect(json).not.toMatch(/<|\u2028/);
    expect((JSON.parse(json) as Layout[])[0]!.names[0]!.text).toBe('</script><script>alert(1)</script>\u2028');
  });

  it('is left out where it would weigh more than computing it costs (a thousand arrows)', () => {
    const view = overview();
    const layout = layoutFor(layoutSource(story), view, size, 1);
    const heavy = { ...layout, names: Array.from({ length: 2000 }, () => layout.names[0]!) };
    notePrerendered(heavy);
    expect(prerenderedLayoutsJson()).toBe('[]');
  });

  it('is noted once per page', () => {
    expect(JSON.parse(prerenderedLayoutsJson())).toEqual([]);
  });
});
