/**
 * The claims as linked data: `data/annotations.jsonld` (W3C Web Annotations) and the schema.org
 * `Claim`s in each page, both expanded by a JSON-LD processor (jsonld.js) as a consumer
 * would read them. The processor reads the W3C and schema.org contexts from the copies in
 * `tests/fixtures/jsonld/` and is refused the network. Every selector must anchor exactly once in
 * the published article, and the JSON-LD in a page must survive an article that quotes `</script>`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import { parse } from 'parse5';
import { linkedDataScript, loadStory, readStoryFiles, sharePage } from '../../src/build/plugin';
import { newStory } from '../../src/build/new-story';
import { prepareStory } from '../../src/prepare/prepare';
import {
  ANNOTATION_CONTEXT,
  claimsLinkedData,
  publishedAnnotations,
  publishedArticle,
  SCHEMA_ORG_CONTEXT,
} from '../../src/build/linked-data';
import { scriptJson } from '../../src/story/escape';
import type { Story } from '../../src/story/types';
import { fillStory } from '../support';

const context = (file: string) => JSON.parse(readFileSync(`tests/fixtures/jsonld/${file}`, 'utf8')) as object;
const anno = context('anno.jsonld');
const schema = context('schemaorg-context.jsonld');
/** The contexts a consumer's processor would fetch, from the local copies; nothing else. */
const CONTEXTS: Record<string, object> = {
  [ANNOTATION_CONTEXT]: anno,
  'https://www.w3.org/ns/anno.jsonld': anno,
  [SCHEMA_ORG_CONTEXT]: schema,
  'https://schema.org/': schema,
  'http://schema.org': schema,
  'http://schema.org/': schema,
};
const loaded: string[] = [];
async function documentLoader(url: string) {
  const document = CONTEXTS[url];
  if (!document) throw new Error(`the test has no network: ${url}`);
  loaded.push(url);
  return { contextUrl: undefined, documentUrl: url, document };
}

/** Expanded by jsonld.js against `base`, with the local contexts (its typings predate its promise API). */
async function expand(document: unknown, base: string): Promise<Node[]> {
  const options = { base, documentLoader } as unknown as jsonld.Options.Expand;
  return (await jsonld.expand(document as jsonld.JsonLdDocument, options)) as unknown as Node[];
}

type Node = Record<string, unknown[]>;
const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';
const SCHEMA = 'http://schema.org/';
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';

/** The nodes of an expanded property. */
const nodes = (node: Node, property: string): Node[] => (node[property] ?? []) as Node[];
const node = (parent: Node, property: string): Node => {
  const all = nodes(parent, property);
  expect(all, property).toHaveLength(1);
  return all[0]!;
};
/** The one literal value of an expanded property. */
const value = (n: Node, property: string): unknown => {
  const values = (n[property] ?? []) as { '@value': unknown }[];
  expect(values, property).toHaveLength(1);
  return values[0]!['@value'];
};
const id = (n: Node) => (n as unknown as { '@id': string })['@id'];
const types = (n: Node) => (n as unknown as { '@type'?: string[] })['@type'] ?? [];

/** How many times `exact` occurs in `text` with `prefix` right before it and `suffix` right after. */
function occurrences(text: string, exact: string, prefix: string, suffix: string): number {
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (text.slice(0, at).endsWith(prefix) && text.slice(at + exact.length).startsWith(suffix)) count++;
  }
  return count;
}

/** The news report, made from scratch as a journalist would (its place at sea is a schema.org BodyOfWater). */
function newsStory(): Story {
  const dir = join(mkdtempSync(join(tmpdir(), 'linked-data-')), 'news-story');
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));
  newStory(dir);
  fillStory(dir, 'tests/fixtures/news-story');
  return loadStory(dir, { write: false });
}

const SITE = 'https://maps.example.org/story/';
const STORIES: [name: string, story: Story][] = [
  ['the first story', prepareStory(readStoryFiles('data'))],
  ['the fixture story', prepareStory(readStoryFiles('tests/fixtures/story'))],
  ['the news story', newsStory()],
];

describe.each(STORIES)('annotations.jsonld of %s', (_name, story) => {
  const base = `${SITE}data/annotations.jsonld`;
  const articleUrl = `${SITE}data/article.txt`;
  const text = publishedArticle(story);

  it('expands as W3C Web Annotations, one per claim in step order, from the local contexts alone', async () => {
    const expanded = await expand(publishedAnnotations(story), base);
    expect(loaded).toContain(ANNOTATION_CONTEXT);
    expect(expanded).toHaveLength(1);
    const collection = expanded[0]!;
    expect(id(collection)).toBe(base);
    expect(types(collection)).toEqual([`${AS}OrderedCollection`]);
    expect(value(collection, `${AS}totalItems`)).toBe(story.claims.length);
    const page = node(collection, `${AS}first`);
    const items = (node(page, `${AS}items`) as unknown as { '@list': Node[] })['@list'];
    expect(items.map(id)).toEqual(story.claims.map((c) => `${base}#claim-${c.id}`));
    for (const annotation of items) expect(types(annotation)).toEqual([`${OA}Annotation`]);
  });

  it('every selector anchors exactly once in the published article, both on the claim’s words', async () => {
    const expanded = await expand(publishedAnnotations(story), base);
    const page = node(expanded[0]!, `${AS}first`);
    const items = (node(page, `${AS}items`) as unknown as { '@list': Node[] })['@list'];
    items.forEach((annotation, i) => {
      const claim = story.claims[i]!;
      const target = node(annotation, `${OA}hasTarget`);
      expect(types(target)).toEqual([`${OA}SpecificResource`]);
      const source = node(target, `${OA}hasSource`);
      expect(id(source)).toBe(articleUrl);
      expect(value(source, 'http://purl.org/dc/elements/1.1/format')).toBe('text/plain');
      const selectors = nodes(target, `${OA}hasSelector`);
      const quote = selectors.find((s) => types(s).includes(`${OA}TextQuoteSelector`))!;
      const position = selectors.find((s) => types(s).includes(`${OA}TextPositionSelector`))!;
      expect(selectors).toHaveLength(2);
      const exact = value(quote, `${OA}exact`) as string;
      const prefix = value(quote, `${OA}prefix`) as string;
      const suffix = value(quote, `${OA}suffix`) as string;
      // The article's own words, found once with their context.
      expect(exact, claim.id).toBe(claim.selector.exact);
      expect(occurrences(text, exact, prefix, suffix), claim.id).toBe(1);
      // Positions count Unicode code points from the start of article.txt.
      const start = Number(value(position, `${OA}start`));
      const end = Number(value(position, `${OA}end`));
      const points = Array.from(text);
      expect(points.slice(start, end).join(''), claim.id).toBe(exact);
      // The two selectors select the same passage.
      expect(points.slice(0, start).join('').endsWith(prefix)).toBe(true);
      expect(points.slice(end).join('').startsWith(suffix)).toBe(true);
    });
  });

  it('its body is the caption, the kind and the places, with coordinates and Wikidata ids where known', async () => {
    const expanded = await expand(publishedAnnotations(story), base);
    const page = node(expanded[0]!, `${AS}first`);
    const items = (node(page, `${AS}items`) as unknown as { '@list': Node[] })['@list'];
    items.forEach((annotation, i) => {
      const claim = story.claims[i]!;
      expect(nodes(annotation, `${OA}motivatedBy`).map(id)).toEqual([`${OA}describing`]);
      const bodies = nodes(annotation, `${OA}hasBody`);
      const textual = bodies.filter((b) => types(b).includes(`${OA}TextualBody`));
      const describing = textual.find((b) => nodes(b, `${OA}hasPurpose`).map(id).includes(`${OA}describing`))!;
      expect(value(describing, RDF_VALUE)).toBe(claim.caption);
      const classifying = textual.find((b) => nodes(b, `${OA}hasPurpose`).map(id).includes(`${OA}classifying`))!;
      expect(value(classifying, RDF_VALUE)).toBe(story.kinds.find((k) => k.id === claim.kind)!.label);
      const tags = bodies.filter((b) => nodes(b, `${OA}hasPurpose`).map(id).includes(`${OA}tagging`));
      const ids = [claim.origin, ...claim.destinations];
      expect(tags).toHaveLength(ids.length);
      tags.forEach((tag, j) => {
        const place = story.places.find((p) => p.id === ids[j])!;
        const resource = node(tag, `${OA}hasSource`);
        expect(id(resource)).toBe(`${base}#place-${place.id}`);
        expect(value(resource, `${SCHEMA}name`)).toBe(place.name);
        const geo = node(resource, `${SCHEMA}geo`);
        expect(types(geo)).toEqual([`${SCHEMA}GeoCoordinates`]);
        expect(value(geo, `${SCHEMA}longitude`)).toBe(place.coordinates[0]);
        expect(value(geo, `${SCHEMA}latitude`)).toBe(place.coordinates[1]);
        const same = nodes(resource, `${SCHEMA}sameAs`).map(id);
        expect(same).toEqual(place.wikidata ? [`http://www.wikidata.org/entity/${place.wikidata}`] : []);
      });
    });
  });
});

it('a place at sea is a schema.org BodyOfWater, in the annotations and in the head', async () => {
  const [, story] = STORIES[2]!;
  const sea = story.places.find((p) => p.kind === 'sea')!;
  const annotations = await expand(publishedAnnotations(story), `${SITE}data/annotations.jsonld`);
  const items = (node(node(annotations[0]!, `${AS}first`), `${AS}items`) as unknown as { '@list': Node[] })['@list'];
  const tagged = items.flatMap((a) => nodes(a, `${OA}hasBody`)).filter((b) => nodes(b, `${OA}hasSource`).length);
  const resource = tagged.map((b) => node(b, `${OA}hasSource`)).find((r) => id(r).endsWith(`#place-${sea.id}`))!;
  expect(types(resource)).toEqual([`${SCHEMA}BodyOfWater`]);
  const claim = story.claims.find((c) => c.origin === sea.id)!;
  const head = await expand(claimsLinkedData(story, [claim], './'), SITE);
  const places = nodes(
    head.find((n) => types(n).includes(`${SCHEMA}Claim`))!,
    `${SCHEMA}spatialCoverage`,
  );
  expect(types(places[0]!)).toEqual([`${SCHEMA}BodyOfWater`]);
});

it('the first story names its places’ Wikidata items', () => {
  const [, story] = STORIES[0]!;
  // But the pair of countries whose governments speak together, which has no item of its own.
  for (const place of story.places.filter((p) => p.id !== 'uzbekistan-tajikistan'))
    expect(place.wikidata, place.id).toMatch(/^Q\d+$/);
});

it('annotation ids are absolute when the build knows where the site lives (SITE_URL)', () => {
  const [, story] = STORIES[1]!;
  const collection = publishedAnnotations(story, SITE) as { id: string; first: { items: { id: string }[] } };
  expect(collection.id).toBe(`${SITE}data/annotations.jsonld`);
  expect(collection.first.items[0]!.id).toBe(`${SITE}data/annotations.jsonld#claim-${story.claims[0]!.id}`);
});

/** The JSON-LD blocks in an HTML page, parsed as a browser would. */
function pageJsonLd(html: string): unknown[] {
  const found: unknown[] = [];
  type El = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: El[]; value?: string };
  const walk = (el: El) => {
    if (el.nodeName === 'script' && el.attrs?.find((a) => a.name === 'type')?.value === 'application/ld+json') {
      found.push(JSON.parse(el.childNodes!.map((t) => t.value).join('')));
    }
    (el.childNodes ?? []).forEach(walk);
  };
  walk(parse(html) as unknown as El);
  return found;
}

describe.each(STORIES)('schema.org Claims in the page of %s', (_name, story) => {
  const page = (script: string) =>
    `<!doctype html><html><head><title>x</title></head><body><p>x</p>${script}</body></html>`;

  it('the reader and the embed: a Claim per claim, its appearance the article, its text the quote', async () => {
    const [data] = pageJsonLd(page(linkedDataScript(claimsLinkedData(story, story.claims, './'))));
    const expanded = await expand(data, SITE);
    expect(loaded).toContain(SCHEMA_ORG_CONTEXT);
    const article = expanded.find((n) => types(n).includes(`${SCHEMA}Article`))!;
    expect(value(article, `${SCHEMA}headline`)).toBe(story.article.title);
    const claims = expanded.filter((n) => types(n).includes(`${SCHEMA}Claim`));
    expect(claims).toHaveLength(story.claims.length);
    expect(expanded.filter((n) => types(n).includes(`${SCHEMA}ClaimReview`))).toEqual([]);
    const text = publishedArticle(story);
    claims.forEach((claim, i) => {
      const source = story.claims[i]!;
      expect(nodes(claim, `${SCHEMA}appearance`).map(id)).toEqual([id(article)]);
      expect(value(claim, `${SCHEMA}name`)).toBe(source.caption);
      expect(value(claim, `${SCHEMA}text`)).toBe(source.selector.exact);
      expect(text).toContain(source.selector.exact);
      expect(nodes(claim, `${SCHEMA}url`).map(id)).toEqual([`${SITE}?claim=${source.id}`]);
      const places = nodes(claim, `${SCHEMA}spatialCoverage`);
      expect(places.map((p) => value(p, `${SCHEMA}name`))).toEqual(
        [source.origin, ...source.destinations].map((p) => story.places.find((q) => q.id === p)!.name),
      );
      for (const p of places) expect(types(node(p, `${SCHEMA}geo`))).toEqual([`${SCHEMA}GeoCoordinates`]);
    });
  });

  it('a share page: its own claim only', async () => {
    const claim = story.claims[0]!;
    const blocks = pageJsonLd(sharePage(story, claim));
    expect(blocks).toHaveLength(1);
    const expanded = await expand(blocks[0], `${SITE}share/${claim.id}.html`);
    const claims = expanded.filter((n) => types(n).includes(`${SCHEMA}Claim`));
    expect(claims).toHaveLength(1);
    expect(nodes(claims[0]!, `${SCHEMA}url`).map(id)).toEqual([`${SITE}?claim=${claim.id}`]);
  });
});

describe('JSON-LD in a script element', () => {
  const HOSTILE = ['</script><script>alert(1)</script>', '<!-- <script>', '</SCRIPT >', 'a & b > c', '\u2028\u2029'];

  it.each(HOSTILE)('scriptJson(%j) cannot end the element and parses back to the same value', (text) => {
    const data = { text, nested: [text] };
    const json = scriptJson(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('an article quoting </script> stays inside the head’s one JSON-LD block', () => {
    const files = readStoryFiles('tests/fixtures/story');
    const hostile = 'Officials wrote </script><script>alert(1)</script><!-- to Niamey.';
    files['article.txt'] = files['article.txt'].replace('Officials in Accra say so often.', hostile);
    const claims = JSON.parse(files['claims.json']) as { claims: { caption: string; selector: { exact: string } }[] };
    claims.claims[0]!.caption = 'A caption with </script> in it';
    claims.claims[2]!.selector.exact = 'wrote </script><script>alert(1)</script><!-- to Niamey';
    files['claims.json'] = JSON.stringify(claims);
    const story = prepareStory(files);
    const data = claimsLinkedData(story, story.claims, './');
    const html = `<!doctype html><html><head>${linkedDataScript(data)}</head><body><p>after</p></body></html>`;
    const blocks = pageJsonLd(html);
    expect(blocks).toEqual([JSON.parse(JSON.stringify(data))]);
    expect(JSON.stringify(blocks)).toContain('</script><script>alert(1)</script><!--');
    // Nothing leaked out: the body is as written.
    expect(html.slice(html.indexOf('<body>'))).toBe('<body><p>after</p></body></html>');
    expect(html.match(/<script/gi)).toHaveLength(1);
  });
});
