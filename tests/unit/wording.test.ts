/**
 * Claims read as claims everywhere: every title the app, the build and the posters generate for
 * a claim (cards, classroom and presenter steps, posters, share pages and their link previews,
 * the embed's picker, the map's tooltip) attributes it to the article; no caption adds a verb
 * its sentence lacks; the article is described by its genre, whatever it is, and nothing in
 * src/ describes this story's article or names a kind's label.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { loadStory, readStoryFiles, sharePage } from '../../src/build/plugin';
import { storyCheck } from '../../src/build/story-cli';
import { captionWarnings } from '../../src/prepare/honesty';
import { checkStory, prepareStory, type StoryFiles } from '../../src/prepare/prepare';
import { posterSvg } from '../../src/static/poster';
import { sceneSource } from '../../src/static/scene';
import { parseAddress } from '../../src/state/url';
import App from '../../src/App.svelte';
import ClaimCard from '../../src/ui/ClaimCard.svelte';
import {
  aboutMap,
  articlePhrase,
  claimRoute,
  claimsOfArticle,
  claimTitle,
  embedLine,
  overviewHint,
  readerKicker,
  siteDescription,
  stepKicker,
} from '../../src/story/wording';
import type { Story } from '../../src/story/types';

const STORIES: [name: string, story: Story][] = [
  ['data', prepareStory(readStoryFiles('data'))],
  ['tests/fixtures/story', prepareStory(readStoryFiles('tests/fixtures/story'))],
];

/** A title that attributes its claim to the article, with what it does: says, predicts, recommends. */
const ATTRIBUTED = /^The article (says|reports the accusation|predicts|predicts, on a condition|recommends): \S/;

type Element = DefaultTreeAdapterMap['element'];

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode']) => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) node.childNodes.forEach(walk);
    if ('content' in node) walk(node.content as DefaultTreeAdapterMap['parentNode']);
  };
  walk(parseFragment(html));
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** The elements inside `el`. */
function within(el: Element): Element[] {
  return el.childNodes.flatMap((child) => ('tagName' in child ? [child as Element, ...within(child as Element)] : []));
}

function text(el: Element | DefaultTreeAdapterMap['childNode']): string {
  if ('value' in el && el.nodeName === '#text') return el.value;
  return 'childNodes' in el ? el.childNodes.map(text).join('') : '';
}

const clean = (s: string) =>
  s
    .replace(/<!--.*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** HTML entities the escaper writes, back to text. */
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The App, rendered on the server as the build prerenders it, at an address. */
function page(story: Story, search: string, pageMode: 'read' | 'embed' = 'read'): Element[] {
  const initial = parseAddress(
    search,
    story.claims.map((c) => c.id),
    pageMode,
  );
  return elements(render(App, { props: { story, pageMode, initial } }).body);
}

// The classroom's controller joins other windows over a BroadcastChannel: none on the server.
beforeAll(() => vi.stubGlobal('BroadcastChannel', undefined));
// Rendering the whole page, map included, for every claim takes a few seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
afterAll(() => vi.unstubAllGlobals());

describe.each(STORIES)('every title of a claim in %s attributes it to the article', (_, story) => {
  const source = sceneSource(story);

  it('claim cards', () => {
    for (const claim of story.claims) {
      const html = render(ClaimCard, {
        props: { claim, places: story.places, kinds: story.kinds, onshowsentence: () => {} },
      }).body;
      const heading = elements(html).find((el) => el.tagName === 'h2')!;
      expect(clean(text(heading))).toMatch(ATTRIBUTED);
      expect(clean(text(heading))).toBe(claimTitle(claim));
    }
  });

  it('the reader’s and the embed’s card for a claim picked by a link', () => {
    for (const claim of story.claims) {
      for (const mode of ['read', 'embed'] as const) {
        const card = page(story, `?claim=${claim.id}`, mode).find((el) => attr(el, 'data-claim-card') === claim.id);
        expect(card, `${mode} ${claim.id}`).toBeDefined();
        const heading = within(card!).find((el) => el.tagName === 'h2')!;
        expect(clean(text(heading))).toBe(claimTitle(claim));
        expect(clean(text(heading))).toMatch(ATTRIBUTED);
      }
    }
  });

  it('classroom steps and the presenter view', () => {
    story.claims.forEach((claim, i) => {
      const step = i + 2; // the overview is step 1
      const room = page(story, `?mode=present&step=${step}`).find((el) => el.tagName === 'h1')!;
      expect(clean(text(room)), `step ${step}`).toMatch(ATTRIBUTED);
      const presenter = page(story, `?mode=presenter&step=${step}`).filter((el) => el.tagName === 'h2');
      const now = clean(text(presenter.find((el) => attr(el, 'id') === 'now-title')!));
      expect(now).toBe(`Now: ${claimTitle(claim)}`);
      if (i > 0) {
        const before = page(story, `?mode=presenter&step=${step - 1}`).find((el) => attr(el, 'id') === 'next-title')!;
        expect(clean(text(before))).toBe(`Next: ${claimTitle(claim)}`);
      }
    });
  });

  it('the embed’s picker, and the embed’s card', () => {
    const options = page(story, '', 'embed').filter((el) => el.tagName === 'option' && attr(el, 'value'));
    expect(options).toHaveLength(story.claims.length);
    options.forEach((option, i) => {
      expect(clean(text(option))).toBe(`${i + 1}. ${claimTitle(story.claims[i]!)}`);
      expect(clean(text(option)).replace(/^\d+\. /, '')).toMatch(ATTRIBUTED);
    });
  });

  it('posters: their title and headline', () => {
    for (const claim of story.claims) {
      const svg = posterSvg(story, source, { claims: [claim], width: 1200, height: 630 });
      const title = elements(svg).find((el) => el.tagName === 'title')!;
      expect(unescape(text(title))).toBe(claimTitle(claim));
      expect(unescape(text(title))).toMatch(ATTRIBUTED);
      // The headline in the picture starts with the attribution too (it is wrapped into lines).
      const bold = elements(svg).filter((el) => el.tagName === 'text' && attr(el, 'font-weight') === '700');
      expect(unescape(text(bold.find((el) => attr(el, 'font-size') === '26')!))).toMatch(
        /^The article (says|reports|predicts)/,
      );
    }
  });

  it('share pages: title, description, Open Graph and Twitter card', () => {
    for (const claim of story.claims) {
      const html = sharePage(story, claim);
      const meta = (key: string) =>
        unescape(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? '');
      expect(unescape(/<title>([^<]*)<\/title>/.exec(html)![1]!)).toMatch(ATTRIBUTED);
      for (const key of ['og:title', 'twitter:title', 'og:image:alt']) expect(meta(key), key).toMatch(ATTRIBUTED);
      for (const key of ['og:description', 'twitter:description', 'description']) {
        expect(meta(key), key).toMatch(/^From an? .+, paragraph \d+, sentence \d+: “.+”$/);
        expect(meta(key), key).toContain(claim.quote);
      }
      expect(meta('twitter:card')).toBe('summary_large_image');
    }
  });
});

describe('captions', () => {
  it.each(STORIES)('in %s use only the words of their sentence, its actors and its places', (_, story) => {
    expect(captionWarnings(story.claims, story.places).map((w) => w.message)).toEqual([]);
  });

  it('in the news-story fixture, made as a journalist makes one, add nothing either', () => {
    expect(checkStory(readStoryFiles('tests/fixtures/news-story')).warnings.map((w) => w.message)).toEqual([]);
  });

  /** The fixture story with captions rewritten, by claim id: a story made wrong on purpose. */
  function withCaptions(captions: Record<string, string>): StoryFiles {
    const files = readStoryFiles('tests/fixtures/story');
    const claims = JSON.parse(files['claims.json']) as { claims: { id: string; caption: string }[] };
    for (const claim of claims.claims) claim.caption = captions[claim.id] ?? claim.caption;
    return { ...files, 'claims.json': JSON.stringify(claims) };
  }

  it('warn of a verb the sentence lacks, naming the claim, the field and the word, and the story still builds', () => {
    const files = withCaptions({ 'push-south': 'Armed groups in Mali court Ghana' });
    const { story, warnings } = checkStory(files);
    expect(story.claims.find((c) => c.id === 'push-south')!.quote).not.toMatch(/court/i);
    expect(warnings.map((w) => [w.file, w.item, w.field])).toEqual([['claims.json', 'claim "push-south"', 'caption']]);
    expect(warnings[0]!.problem).toMatch(/^adds "court", which its sentence does not say/);
  });

  it('warn of every such caption in one run, and let endings, actors and places pass', () => {
    const { warnings } = checkStory(
      withCaptions({
        // "pushing" is the sentence's "push"; Ghana is a destination; "armed groups" its actors.
        'push-south': 'Armed groups pushing south from Mali into Ghana',
        'niger-border': 'Niger invades Nigeria',
        smuggling: 'Smuggling networks secretly operate from Niamey',
      }),
    );
    expect(warnings.map((w) => `${w.item}: ${/^adds (.*), which/.exec(w.problem)?.[1]}`)).toEqual([
      'claim "niger-border": "invades"',
      'claim "smuggling": "secretly"',
    ]);
  });

  it('are checked for every story the build loads, whose warnings it prints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caption-'));
    try {
      for (const [name, text] of Object.entries(withCaptions({ smuggling: 'Smuggling networks flee Niamey' }))) {
        if (!name.startsWith('kinds')) writeFileSync(join(dir, name), text);
      }
      const reports: string[] = [];
      const story = loadStory(dir, { write: false, onWarnings: (report) => reports.push(report) });
      expect(story.claims.map((c) => c.id)).toContain('smuggling');
      expect(reports).toHaveLength(1);
      expect(reports[0]!.split('\n')).toEqual([
        'Story data warnings (one warning; the story builds):',
        expect.stringMatching(/claims\.json: claim "smuggling": field "caption": adds "flee", which /),
      ]);
      const out: string[] = [];
      const err: string[] = [];
      expect(storyCheck(dir, { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(0);
      expect(err.join('\n')).toContain('field "caption": adds "flee"');
      expect(out.join('\n')).toMatch(/no problems \(.*, 1 warning above\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are data with a modality: every claim says it, and a conditional prediction is one', () => {
    for (const dir of ['data', 'tests/fixtures/story']) {
      const raw = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as { claims: { modality?: string }[] };
      for (const claim of raw.claims)
        expect(['reported', 'alleged', 'predicted', 'conditional', 'recommended']).toContain(claim.modality);
    }
    const [, story] = STORIES[0]!;
    const future = story.claims.find((c) => /^If .* will become/.test(c.quote))!;
    expect(future.modality).toBe('conditional');
    expect(claimTitle(future)).toMatch(/^The article predicts, on a condition: /);
  });
});

describe('the article, described by its genre', () => {
  it.each([
    ['Opinion', 'an opinion article'],
    ['Analysis', 'an analysis'],
    ['News report', 'a news report'],
    ['News', 'a news article'],
    ['Op-Ed', 'an op-ed'],
    ['Editorial', 'an editorial'],
    ['Feature', 'a feature'],
    ['Investigation', 'an investigation'],
    ['Live blog', 'a live blog'],
    ['Explainer', 'an explainer'],
    ['Unusual', 'an unusual article'],
    ['  ', 'an article'],
    [null, 'an article'],
  ])('“%s” is %s', (genre, phrase) => {
    expect(articlePhrase(genre)).toBe(phrase);
    // Every sentence that describes the article uses the same words.
    for (const sentence of [
      aboutMap(genre),
      claimsOfArticle(genre),
      embedLine(genre),
      overviewHint(3, genre),
      siteDescription(3, genre),
    ]) {
      expect(sentence.toLowerCase()).toContain(phrase);
    }
    expect(readerKicker(genre)).toBe(genre?.trim() ? `Claim map · ${phrase.replace(/^an? /, '')}` : 'Claim map');
  });

  it('drives the pages of each story: its own genre, never another’s', () => {
    for (const [, story] of STORIES) {
      const html = render(App, { props: { story, pageMode: 'read' } }).body;
      expect(html).toContain(aboutMap(story.meta.article.genre));
      expect(clean(html)).toContain(readerKicker(story.meta.article.genre));
    }
    const [, fixture] = STORIES[1]!;
    expect(render(App, { props: { story: fixture, pageMode: 'read' } }).body).not.toMatch(/opinion/i);
  });
});

describe('src/ says nothing about any one article', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|svelte|html|css)$/.test(name)) files.push(path);
    }
  };
  walk('src');
  const sources = files.map((file) => [file, readFileSync(file, 'utf8')] as const);

  it('never says “opinion”', () => {
    expect(sources.filter(([, text]) => /opinion/i.test(text)).map(([file]) => file)).toEqual([]);
  });

  it('names no kind’s label: they are data (data/kinds.json, story.json)', () => {
    const vocabulary = JSON.parse(readFileSync('data/kinds.json', 'utf8')) as { kinds: { label: string }[] };
    const labels = [...vocabulary.kinds, ...STORIES.flatMap(([, s]) => s.kinds)].map((k) => k.label);
    const named = sources.flatMap(([file, text]) =>
      labels.filter((label) => text.includes(label)).map((l) => `${file}: ${l}`),
    );
    expect(named).toEqual([]);
  });
});

describe('a claim in one line', () => {
  const names: Record<string, string> = { a: 'Alpha', b: 'Beta', c: 'Gamma' };
  const nameOf = (id: string) => names[id]!;
  it('says where a claim runs: arrows to each destination, a border between two, a point alone', () => {
    expect(claimRoute({ origin: 'a', destinations: ['b', 'c'], shape: 'arrows' }, nameOf)).toBe('Alpha → Beta, Gamma');
    expect(claimRoute({ origin: 'a', destinations: ['b'], shape: 'border' }, nameOf)).toBe('Alpha – Beta');
    expect(claimRoute({ origin: 'a', destinations: [], shape: 'point' }, nameOf)).toBe('Alpha');
  });
  it('heads a classroom step with its kind, its number and what is not a report', () => {
    expect(stepKicker('Kind', { number: 3, modality: 'reported' }, 12)).toBe('Kind · claim 3 of 12');
    expect(stepKicker('Kind', { number: 4, modality: 'predicted' }, 12)).toMatch(/^Kind · claim 4 of 12 · \S/);
  });
});
