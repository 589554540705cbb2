import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { sceneSource } from '../../src/static/scene';
import { posterSvg } from '../../src/static/poster';
import { kindInfo, type ClaimKind } from '../../src/story/kinds';
import { hollowKeyLabel, KEY_TITLE } from '../../src/story/wording';
import { escapeHtml } from '../../src/story/escape';

const story = prepareStory(readStoryFiles('data'));
const source = sceneSource(story);
const SIZE = { width: 1200, height: 630 };
const label = (c: (typeof story.claims)[number]) => escapeHtml(kindInfo(story.kinds, c.kind as ClaimKind).label);
/** The poster's words, as read (a label wrapped on two lines reads as one). */
const words = (svg: string) => svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe("a downloaded poster's key", () => {
  it('names every kind the overview shows, and what hollow means', () => {
    const svg = posterSvg(story, source, { claims: [], ...SIZE, key: true });
    expect(svg).toContain(`>${KEY_TITLE}</text>`);
    for (const c of story.claims) expect(words(svg), c.id).toContain(` ${label(c)} `);
    expect(svg).toContain(escapeHtml(hollowKeyLabel(['conditional']).split(':')[0]!));
  });

  it("lists only a claim's own kind when one claim is shown, and is absent unless asked for", () => {
    const [one, other] = [story.claims[0]!, story.claims.find((c) => c.kind !== story.claims[0]!.kind)!];
    const svg = posterSvg(story, source, { claims: [one], ...SIZE, key: true });
    expect(words(svg)).toContain(` ${label(one)} `);
    expect(words(svg)).not.toContain(` ${label(other)} `);
    expect(posterSvg(story, source, { claims: [], ...SIZE })).not.toContain(`>${KEY_TITLE}</text>`);
  });
});
