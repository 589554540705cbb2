/**
 * The reader's journey: article beside the map, every claim drawn, flows and sentences linked
 * both ways, links that reopen a view, and the published data.
 */
import {
  test,
  expect,
  appReady,
  emphasis,
  mapIdle,
  mapSettled,
  clickClaimOnMap,
  published,
  type ClaimMapHandle,
} from './fixtures';
import type { FeatureCollection } from 'geojson';
import { claimTitle } from '../../src/story/wording';
import type { Modality } from '../../src/story/types';

interface PublishedClaims {
  title: string;
  claims: {
    id: string;
    caption: string;
    modality: Modality;
    shape: string;
    destinations: string[];
    paragraph: number;
    sentence: number;
    quote: string;
  }[];
}

const handle = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const map = (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap;
    return { ids: map.renderedClaimIds(), flows: map.renderedFlowCount() };
  });

test('the article and the map stand side by side, with every claim drawn', async ({ page }) => {
  const data = await published<PublishedClaims>(page, 'data/claims.json');
  const flows = await published<FeatureCollection>(page, 'data/flows.geojson');
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.title);
  await mapIdle(page);

  const articleBox = (await page.locator('article').boundingBox())!;
  const mapBox = (await page.locator('#map').boundingBox())!;
  expect(mapBox.x).toBeGreaterThan(articleBox.x + articleBox.width - 1);

  // Every claim has a numbered sentence control and something drawn on the map.
  await expect(page.locator('button.badge')).toHaveCount(data.claims.length);
  const drawn = await handle(page);
  expect(drawn.ids).toEqual(data.claims.map((c) => c.id).sort());
  // One arrow per destination, one feature per border, area and marker: as published.
  expect(drawn.flows).toBe(flows.features.length);
});

test('clicking a flow highlights it, shows its claim card and brings its sentence into view', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./');
  await mapIdle(page);
  // A claim whose sentence is below the fold and whose arrow has a spot of its own on the map.
  const candidates = claims.filter((c) => c.shape === 'arrows' && c.paragraph > 3).map((c) => c.id);
  const id = await page.evaluate(
    (ids) =>
      ids.find((i) =>
        (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.screenPoint(i),
      ),
    candidates,
  );
  const claim = claims.find((c) => c.id === id)!;
  const sentence = page.locator(`#sentence-p${claim.paragraph}s${claim.sentence}`);
  await expect(sentence).not.toBeInViewport();

  await clickClaimOnMap(page, claim.id);
  await expect(page).toHaveURL(new RegExp(`[?&]claim=${claim.id}$`));
  await expect(sentence).toHaveClass(/selected/);
  await expect(sentence).toBeInViewport();
  const card = page.locator(`[data-claim-card="${claim.id}"]`);
  await expect(card.getByRole('heading')).toHaveText(claimTitle(claim));
  await expect(card.locator('blockquote')).toHaveText(claim.quote);
  await expect(card).toContainText(`Paragraph ${claim.paragraph}, sentence ${claim.sentence}`);
  await expect(page.locator(`button.badge[data-claim="${claim.id}"]`)).toHaveAttribute('aria-pressed', 'true');
});

test('clicking a sentence selects its claims and the camera frames them', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./');
  await mapIdle(page);
  // Where MapLibre's camera puts a point of the region: framing moves it. (The canvas cannot be
  // read back: its drawing buffer is not preserved.)
  const mapHeight = (await page.locator('#map').boundingBox())!.height;
  const project = () =>
    page.evaluate(() =>
      (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.project([65, 35]),
    );
  const before = await project();

  // A sentence that makes two claims selects both.
  const sameSentence = (a: (typeof claims)[number], b: (typeof claims)[number]) =>
    a.paragraph === b.paragraph && a.sentence === b.sentence;
  const first = claims.find((c) => claims.some((o) => o !== c && sameSentence(o, c))) ?? claims[0]!;
  const target = claims.filter((c) => sameSentence(c, first));
  const sentence = page.locator(`#sentence-p${target[0]!.paragraph}s${target[0]!.sentence} .sentence-text`);
  await sentence.click();
  for (const claim of target) await expect(page.locator(`[data-claim-card="${claim.id}"]`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`claim=${target.map((c) => c.id).join(',')}`));
  await mapSettled(page);
  const after = await project();
  expect(Math.hypot(after[0] - before[0], after[1] - before[1])).toBeGreaterThan(10);
  // The map kept its size: only the camera moved.
  expect((await page.locator('#map').boundingBox())!.height).toBeCloseTo(mapHeight, 0);
  // MapLibre draws those claims highlighted and the rest dimmed.
  const other = claims.find((c) => !target.includes(c))!;
  const ids = [...target.map((c) => c.id), other.id];
  expect(await emphasis(page, ids)).toEqual({
    ...Object.fromEntries(target.map((c) => [c.id, 'selected'])),
    [other.id]: 'other',
  });

  // Clicking it again, or Escape, goes back to the overview.
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-claim-card]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/claim=/);
  await expect.poll(() => emphasis(page, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'none'])));
});

test.describe('a framed claim and the key', () => {
  /** The claim with arrows to the most places: it spans the most map. */
  const widest = async (page: import('@playwright/test').Page) => {
    const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
    return [...claims].sort((a, b) => b.destinations.length - a.destinations.length)[0]!;
  };
  test.use({ viewport: { width: 1000, height: 700 } });

  test("the key lists the claim's kinds and stays as the reader sets it", async ({ page }) => {
    const claim = await widest(page);
    await page.goto('./');
    await mapIdle(page);
    const key = page.locator('.map-box details.legend');
    await expect(key).toHaveAttribute('open', '');
    await page.locator(`button.badge[data-claim="${claim.id}"]`).first().click();
    await mapSettled(page);
    await expect(key).toHaveAttribute('open', '');
    // A strip above the map keeps its height: the other kinds are dimmed, not dropped.
    await expect(key.locator('li:not(.aside)')).toHaveCount(1);
    expect(await key.locator('li').count()).toBeGreaterThan(1);
    await key.locator('summary').click();
    await expect(key).not.toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    await mapSettled(page);
    await expect(key).not.toHaveAttribute('open', '');
    await key.locator('summary').click();
    await expect(key).toHaveAttribute('open', '');
  });
});

test('the map zooms in no closer than its geography holds', async ({ page }) => {
  await page.goto('./');
  await mapIdle(page);
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  // From the overview (zoom 3 or so) to the cap takes a few presses, not the 19 MapLibre allows.
  for (let i = 0; i < 8 && (await zoomIn.isEnabled()); i++) {
    await zoomIn.click();
    await mapSettled(page);
  }
  await expect(zoomIn).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeEnabled();
});

test('a numbered badge works from the keyboard', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./');
  await mapIdle(page);
  const badge = page.locator('button.badge').first();
  await badge.focus();
  await page.keyboard.press('Enter');
  await expect(badge).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`[data-claim-card="${claims[0]!.id}"]`)).toBeVisible();
  await expect(page.locator('[aria-live="polite"]').last()).toContainText(claims[0]!.caption);
});

/** Holds the app's script back, as a slow phone's network would, until the returned function is called. */
async function holdAppScript(page: import('@playwright/test').Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(/\/assets\/main-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('a claim picked before the app has started is picked once it has', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  // The app's script is held back until the reader has tapped a number, as on a slow phone.
  const release = await holdAppScript(page);
  await page.goto('./');
  const claim = claims[2]!;
  const badge = page.locator(`button.badge[data-claim="${claim.id}"]`);
  await badge.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
  release();
  await appReady(page);
  await expect(badge).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`[data-claim-card="${claim.id}"]`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`claim=${claim.id}`));
});

test('a press before the app is ready shows its claim at once, and the app keeps it', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const release = await holdAppScript(page);
  // The cards are fetched after the first paint, with the app's files.
  const cards = page.waitForResponse(/\/cards\.html$/);
  await page.goto('./');
  await cards;
  const claim = claims[2]!;
  const badge = page.locator(`article button.badge[data-claim="${claim.id}"]`);
  const sentence = page.locator(`#sentence-p${claim.paragraph}s${claim.sentence}`);
  const card = page.locator(`[data-claim-card="${claim.id}"]`);
  await badge.click();
  // The app's script is still held back: the prerendered page shows the press.
  await expect(page.locator('html')).toHaveAttribute('data-app', 'waiting');
  await expect(card).toBeVisible();
  await expect(sentence).toHaveClass(/selected/);
  await expect(badge).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`#map .static-map g.arc:not([data-claim="${claim.id}"])`).first()).toHaveAttribute(
    'data-emphasis',
    'other',
  );
  await expect(page.locator('.panel-body .hint')).toBeHidden();
  const shown = await card.boundingBox();
  release();
  await appReady(page);
  // The app keeps it: one card, in the same place, the sentence still marked, the address says so.
  await expect(page).toHaveURL(new RegExp(`claim=${claim.id}`));
  await expect(card).toHaveCount(1);
  await expect(card).toBeVisible();
  expect(await card.boundingBox()).toEqual(shown);
  await expect(sentence).toHaveClass(/selected/);
  await expect(badge).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).not.toHaveAttribute('data-preview');
  // And it is the app's selection now: the same number pressed again goes back to the overview.
  await badge.click();
  await expect(card).toHaveCount(0);
  await expect(sentence).not.toHaveClass(/selected/);
});

test('before the app has started, a tap on the folded key opens it for good, and a lone click picks a claim', async ({
  page,
}) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.setViewportSize({ width: 390, height: 844 });
  const release = await holdAppScript(page);
  await page.goto('./');
  const key = page.locator('.map-box details.legend');
  await expect(key).not.toHaveAttribute('open');
  await key.locator('summary').click();
  await expect(key).toHaveAttribute('open', '');
  release();
  await appReady(page);
  // The app starts with the key folded on a phone, then makes the reader's tap again.
  await expect(key).toHaveAttribute('open', '');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(key).toHaveAttribute('open', '');

  // A screen reader in browse mode activates a button with a click alone: no pointer, no key.
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'waiting');
  const badge = page.locator(`button.badge[data-claim="${claims[4]!.id}"]`);
  await badge.dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(badge).toHaveAttribute('aria-pressed', 'true');
});

test('a link to a claim opens on it, and survives a reload', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const claim = claims[claims.length - 1]!;
  await page.goto(`./?claim=${claim.id}`);
  await mapIdle(page);
  const sentence = page.locator(`#sentence-p${claim.paragraph}s${claim.sentence}`);
  await expect(page.locator(`[data-claim-card="${claim.id}"]`)).toBeVisible();
  await expect(sentence).toHaveClass(/selected/);
  await expect(sentence).toBeInViewport();
  await page.reload();
  await mapIdle(page);
  await expect(page.locator(`[data-claim-card="${claim.id}"]`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`claim=${claim.id}`));
});

test('an unknown claim in a link gives the overview and a polite note', async ({ page }) => {
  await page.goto('./?claim=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await mapIdle(page);
  await expect(page.getByRole('status')).toContainText('does not have');
  await expect(page.getByRole('status')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[data-claim-card]')).toHaveCount(0);
});

test('hovering a flow shows its caption, attributed; a click on empty map returns to the overview', async ({
  page,
}) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const claim = claims.find((c) => c.shape === 'arrows')!;
  await page.goto(`./?claim=${claim.id}`);
  await mapIdle(page);
  const point = await page.evaluate(
    (id) =>
      (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.screenPoint(id),
    claim.id,
  );
  // The point is in MapLibre's canvas, which the key above or beside it leaves in part of `#map`.
  const box = (await page.locator('#map .maplibre').boundingBox())!;
  await page.mouse.move(box.x + point![0], box.y + point![1]);
  await expect(page.locator('.tooltip')).toHaveText(claimTitle(claim));
  // The top right corner of the map, below the zoom buttons, is empty sea or land.
  await page.mouse.click(box.x + box.width - 30, box.y + box.height - 30);
  await expect(page.locator('[data-claim-card]')).toHaveCount(0);
});

test('the data behind the map can be downloaded', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const flows = await published<FeatureCollection>(page, 'data/flows.geojson');
  await page.goto('./');
  await expect(page.getByRole('link', { name: /flows \(GeoJSON\)/ })).toHaveAttribute('href', 'data/flows.geojson');
  await expect(page.getByRole('link', { name: /claims \(CSV/ })).toHaveAttribute('href', 'data/claims.csv');
  await expect(page.getByRole('link', { name: /README/ })).toHaveAttribute('href', 'data/README.txt');
  // A spreadsheet's file: UTF-8 with a byte order mark, one row per claim after the header.
  const csv = await page.request.get('data/claims.csv');
  expect(csv.ok()).toBe(true);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(
    bytes.toString('utf8').startsWith('\uFEFFnumber,id,kind,modality,caption,from,to,paragraph,sentence,quote\r\n'),
  ).toBe(true);
  const readme = await (await page.request.get('data/README.txt')).text();
  expect(readme).toMatch(/Arrows are schematic/);
  expect(readme).toMatch(/Licence: /);
  // The claims as W3C Web Annotations on the article's text, and as schema.org Claims in the page.
  await expect(page.getByRole('link', { name: /annotations/ })).toHaveAttribute('href', 'data/annotations.jsonld');
  const annotations = await page.request.get('data/annotations.jsonld');
  expect(annotations.headers()['content-type']).toMatch(/^application\/ld\+json/);
  const collection = (await annotations.json()) as { total: number; first: { items: unknown[] } };
  expect(collection.total).toBe(claims.length);
  expect((await page.request.get('data/article.txt')).ok()).toBe(true);
  const head = await page.locator('script[type="application/ld+json"]').textContent();
  const graph = (JSON.parse(head!) as { '@graph': { '@type': string }[] })['@graph'];
  expect(graph.filter((n) => n['@type'] === 'Claim')).toHaveLength(claims.length);
  // Each file says it is schematic, where it comes from, and its licence.
  for (const file of [
    flows as unknown as Record<string, unknown>,
    await published<Record<string, unknown>>(page, 'data/claims.json'),
  ]) {
    expect(file.schematic).toBe(true);
    expect(file.source).toEqual(expect.stringContaining('verbatim'));
    expect(file.license).toEqual(expect.any(String));
  }
  const arrows = claims.filter((c) => c.shape === 'arrows').reduce((n, c) => n + c.destinations.length, 0);
  expect(flows.features.filter((f) => f.geometry.type === 'LineString')).toHaveLength(arrows);
  for (const f of flows.features) {
    expect(Object.keys(f.properties!).sort()).toEqual([
      'act',
      'actors',
      'caption',
      'claimId',
      'from',
      'kind',
      'look',
      'modality',
      'paragraph',
      'quote',
      'role',
      'sentence',
      'to',
    ]);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });

  test('the map sits above the article and stays in view while reading', async ({ page }) => {
    await page.goto('./');
    await appReady(page);
    const map = page.locator('#map');
    const article = page.locator('article');
    expect((await map.boundingBox())!.y).toBeLessThan((await article.boundingBox())!.y);
    // A third of the screen or more: a map, not a strip.
    expect((await map.boundingBox())!.height).toBeGreaterThan(760 / 3);
    await page.locator('button.badge').last().scrollIntoViewIfNeeded();
    await page.locator('button.badge').last().tap();
    await expect(map).toBeInViewport();
    await expect(page.locator('[data-claim-card]').first()).toBeVisible();
    await expect(page.locator('.claim-sentence.selected')).toBeInViewport();
  });

  test('the SVG map serves until the reader asks to zoom; then MapLibre takes over with the selection', async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('./?claim=ttp-pakistan');
    await appReady(page);
    const map = page.locator('#map');
    await expect(map).toHaveAttribute('data-state', 'standby');
    // Selection works on the SVG map alone, and nothing of MapLibre has been fetched.
    await expect(page.locator('.static-map g.arc[data-emphasis="selected"][data-claim="ttp-pakistan"]')).toHaveCount(1);
    expect(requested.filter((path) => path.includes('maplibre'))).toEqual([]);
    const zoom = page.getByRole('button', { name: 'Zoom and pan' });
    await zoom.focus();
    await page.keyboard.press('Enter');
    await mapIdle(page);
    expect(requested.filter((path) => path.includes('maplibre')).length).toBeGreaterThan(0);
    await expect(zoom).toHaveCount(0);
    // Keyboard users land on the map, ready to pan with the arrow keys.
    await expect(page.locator('#map .maplibregl-canvas')).toBeFocused();
    await expect(page.locator('#map .maplibre')).toHaveAttribute('data-highlighted', 'ttp-pakistan');
    expect(await emphasis(page, ['ttp-pakistan', 'drugs'])).toEqual({ 'ttp-pakistan': 'selected', drugs: 'other' });
  });
});
