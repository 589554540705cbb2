import { describe, expect, it } from 'vitest';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { sceneSource } from '../../src/static/scene';
import { posterSvg } from '../../src/static/poster';
import { kindInfo, type ClaimKind } from '../../src/story/kinds';
import { KEY_HEADING, keyEntry } from '../../src/story/wording';
import { escapeHtml } from '../../src/story/escape';

const story = prepareStory(readStoryFiles('data'));
const source = sceneSource(story);
const SIZE = { width: 1200, height: 630 };
/** A row's words, as far as the key writes them before any line break. */
const label = (c: (typeof story.claims)[number]) =>
  escapeHtml(keyEntry(kindInfo(story.kinds, c.kind as ClaimKind).label, c.act))
    .split(' ')
    .slice(0, 2)
    .join(' ');
/** The poster's words, as read (a label wrapped on two lines reads as one). */
const words = (svg: string) => svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe("a downloaded poster's key", () => {
  it('names every kind and act the overview shows', () => {
    const svg = posterSvg(story, source, { claims: [], ...SIZE, key: true });
    expect(svg).toContain(`>${KEY_HEADING.toUpperCase()}</text>`);
    for (const c of story.claims) expect(words(svg), c.id).toContain(` ${label(c)} `);
  });

  it("lists only a claim's own kind when one claim is shown, and is absent unless asked for", () => {
    const one = story.claims[0]!;
    const other = story.claims.find((c) => label(c) !== label(one))!;
    const svg = posterSvg(story, source, { claims: [one], ...SIZE, key: true });
    expect(words(svg)).toContain(` ${label(one)} `);
    expect(words(svg)).not.toContain(` ${label(other)} `);
    expect(posterSvg(story, source, { claims: [], ...SIZE })).not.toContain(`>${KEY_HEADING.toUpperCase()}</text>`);
  });
});
