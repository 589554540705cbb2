/**
 * What a sentence does, drawn alike by every renderer (issue 23): ties without heads, an act's
 * bar at its tip, a view's mid-dot, a fear's "!" badge at the fearer's name, and the downloads'
 * note and key.
 */
import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { renderScene, sceneSource } from '../../src/static/scene';
import { posterSvg } from '../../src/static/poster';
import { buildStyle } from '../../src/map/style';
import { fitView, uniformPadding } from '../../src/camera/view';
import { KEY_HEADING, NOTE_LABEL } from '../../src/story/wording';
import { FEAR_MARK } from '../../src/symbology/acts';

const story = prepareStory(readStoryFiles('data'));
const source = sceneSource(story);
const SIZE = { width: 720, height: 540 };
const scene = renderScene(source, fitView(story.meta.region.overview, SIZE, uniformPadding(48)), SIZE);
const claim = (id: string) => story.claims.find((c) => c.id === id)!;

describe('the map draws what each sentence does', () => {
  it('draws a view as a tie: a line with a dot at its middle and no head', () => {
    expect(scene.arcs.filter((a) => a.claimId === 'russia-central-asia')).toHaveLength(1);
    expect(scene.heads.filter((h) => h.claimId === 'russia-central-asia')).toEqual([]);
    expect(scene.actMarks.filter((m) => m.claimId === 'russia-central-asia').map((m) => m.shape)).toEqual(['dot']);
  });

  it('puts a bar across the tip of every arrow that acts on another, at its head', () => {
    const bars = scene.actMarks.filter((m) => m.claimId === 'russia-upgrade');
    const head = scene.heads.find((h) => h.claimId === 'russia-upgrade')!;
    expect(bars.map((m) => m.shape)).toEqual(['bar']);
    expect([bars[0]!.x, bars[0]!.y]).toEqual([head.x, head.y]);
  });

  it('marks a fear on those who fear, never with a head into them', () => {
    const fear = scene.markers.filter((m) => m.claimId === 'extremists-central-asia');
    expect(fear).toHaveLength(1);
    expect(fear[0]).toMatchObject({ act: 'fears', badge: true, r: FEAR_MARK.radius });
    expect(scene.heads.filter((h) => h.claimId === 'extremists-central-asia')).toEqual([]);
  });

  it('gives MapLibre the ties in layers of their own, round-capped, and picks them', () => {
    const layers = buildStyle(story).layers;
    const ties = layers.find((l) => l.id === 'flow-ties')!;
    expect(ties).toMatchObject({ filter: ['==', ['get', 'role'], 'tie'], layout: { 'line-cap': 'round' } });
    expect(JSON.stringify(layers.find((l) => l.id === 'flow-hit'))).toContain('"tie"');
  });
});

describe('a downloaded map', () => {
  const download = (id: string) =>
    posterSvg(story, source, { claims: [claim(id)], width: 1200, height: 630, key: true });

  it('carries the claim’s note where it fits, and the key headed as what the article claims', () => {
    const svg = download('extremists-central-asia');
    expect(svg).toContain(NOTE_LABEL.toUpperCase());
    expect(svg).toContain(claim('extremists-central-asia').note!.split(' ').slice(0, 4).join(' '));
    expect(svg).toContain(KEY_HEADING.toUpperCase());
    expect(svg).toContain('a fear reported');
    expect(svg).toContain(`>${FEAR_MARK.glyph}</text>`);
  });

  it('leaves the key out of a link preview, and keeps the note', () => {
    const svg = posterSvg(story, source, { claims: [claim('russia-central-asia')], width: 1200, height: 630 });
    expect(svg).not.toContain(KEY_HEADING.toUpperCase());
    expect(svg).toContain(NOTE_LABEL.toUpperCase());
  });
});
