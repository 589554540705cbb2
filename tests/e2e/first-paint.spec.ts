/**
 * The first paint needs no script and no WebGL: the built HTML carries the article and an SVG
 * map. With scripts the SVG map is live at once; MapLibre takes over at the same view; without
 * WebGL the SVG map stays and everything still works.
 */
import type { FeatureCollection } from 'geojson';
import { test, expect, mapIdle, published, type ClaimMapHandle } from './fixtures';

interface PublishedClaims {
  claims: { id: string; caption: string; shape: string; paragraph: number; sentence: number }[];
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the article and the map are in the page as it arrives', async ({ page }) => {
    const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
    await page.goto('./');
    await expect(page.locator('article p').first()).toBeVisible();
    await expect(page.locator('article [data-sentence]')).toHaveCount(38);
    const svg = page.locator('#map .static-map > svg');
    await expect(svg).toBeVisible();
    await expect(svg.locator('.land')).toHaveAttribute('d', /^M/);
    // Every claim is drawn on the static map: lines and areas below, markers in the symbol layer.
    const drawn = await page
      .locator('#map .static-map [data-claim], #map .map-symbols [data-claim]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-claim')))]);
    expect(drawn.sort()).toEqual(claims.map((c) => c.id).sort());
    await expect(page.getByText('Loading the interactive map')).toHaveCount(0);
  });

  test('the text’s font is asked for with the page, not after its CSS', async ({ page }) => {
    const fonts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'font' && fonts.push(r.url()));
    await page.goto('./');
    await expect(page.locator('article p').first()).toBeVisible();
    // Each preload (the text's weight, and the claims' names' semibold) is the very file the
    // page's CSS uses, so each is fetched once, and no other font file is.
    const preloaded = await page
      .locator('head link[rel="preload"][as="font"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(preloaded.length).toBeGreaterThanOrEqual(1);
    for (const font of preloaded) {
      await expect.poll(() => fonts).toContain(font);
      expect(fonts.filter((f) => f === font)).toHaveLength(1);
    }
    expect(fonts.filter((f) => !preloaded.includes(f))).toEqual([]);
  });
});

test("the reader's page runs no app while it loads: the reader's first gesture starts it; an address with a claim, at once", async ({
  page,
}) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./');
  // Loaded, painted, the app's script fetched, and the page idle: nothing of the app has run.
  await expect
    .poll(() =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/main-[^/]*\.js$/.test(e.name))),
    )
    .toBe(true);
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
  await expect(page.locator('html')).toHaveAttribute('data-app', 'waiting');
  // Fetched only: the script that would run it is not in the page.
  await expect(page.locator('script[type="module"]')).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName('claimmap:interactive').length)).toBe(0);
  // A pointer moved over the page is enough.
  await page.mouse.move(20, 20);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');

  await page.goto(`./?claim=${claims[1]!.id}`);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(page.locator(`.claim-list button[data-claim="${claims[1]!.id}"]`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('MapLibre takes over at the same view, with the same claim selected', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const flows = await published<FeatureCollection>(page, 'data/flows.geojson');
  const claim = claims.find((c) => c.shape === 'arrows')!;
  await page.goto(`./?claim=${claim.id}`);
  await mapIdle(page);
  // The SVG map is still in the page, hidden, at the view it showed when MapLibre took over:
  // every arrow must start where MapLibre draws it start (both draw the view's layout).
  const svgStarts = await page
    .locator('#map .static-map defs path')
    .evaluateAll((paths) =>
      paths.map((p) => (/^M(-?[\d.]+),(-?[\d.]+)/.exec(p.getAttribute('d') ?? '') ?? []).slice(1, 3).map(Number)),
    );
  // Arrows (ties, headless, are drawn apart from them).
  const lines = flows.features.filter((f) => f.geometry.type === 'LineString' && f.properties?.role === 'arc');
  const ends = await page.evaluate(() => {
    const handle = (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap;
    return handle
      .arcEnds()
      .map(([a, b]) => [handle.project(a), handle.project(b)] as [[number, number], [number, number]]);
  });
  expect(ends).toHaveLength(lines.length);
  expect(svgStarts).toHaveLength(ends.length);
  ends.forEach(([[x, y]], i) => {
    const [sx, sy] = svgStarts[i]!;
    expect(
      Math.hypot(sx! - x!, sy! - y!),
      `arrow ${i} starts within 1 px of where MapLibre starts it`,
    ).toBeLessThanOrEqual(1);
  });
  // The symbol layer follows MapLibre: every arrowhead sits at the end of MapLibre's line (the
  // line stops under its head, a head's length at most from its tip).
  const heads = await page
    .locator('#map .map-symbols path.head')
    .evaluateAll((els) =>
      els.map((h) =>
        (/translate\((-?[\d.]+) (-?[\d.]+)\)/.exec(h.getAttribute('transform') ?? '') ?? []).slice(1, 3).map(Number),
      ),
    );
  expect(heads).toHaveLength(ends.length);
  heads.forEach(([hx, hy], i) => {
    const [, [x, y]] = ends[i]!;
    expect(Math.hypot(hx! - x!, hy! - y!), `head ${i} sits at the end of its line`).toBeLessThanOrEqual(18);
  });
  await expect(page.locator(`[data-claim-card="${claim.id}"]`)).toBeVisible();
  await expect(page.locator('#map .maplibre')).toHaveClass(/ready/);
  await expect(page.locator('#map .static-layer')).toBeHidden();
});
