/**
 * The first paint needs no script and no WebGL: the built HTML carries the article and an SVG
 * map. With scripts the SVG map is live at once; MapLibre takes over at the same view; without
 * WebGL the SVG map stays and everything still works.
 */
import { test, expect, mapIdle, published, handleOf } from './fixtures';

interface PublishedClaims {
  claims: { id: string; caption: string; shape: string; paragraph: number; sentence: number }[];
  places: { id: string; name: string; coordinates: [number, number]; label?: boolean }[];
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
    // Every claim is drawn on the static map.
    const drawn = await svg
      .locator('[data-claim]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-claim')))]);
    expect(drawn.sort()).toEqual(claims.map((c) => c.id).sort());
    await expect(page.getByText('Loading the interactive map')).toHaveCount(0);
  });
});

test('MapLibre takes over at the same view, with the same claim selected', async ({ page }) => {
  const { claims, places } = await published<PublishedClaims>(page, 'data/claims.json');
  const claim = claims.find((c) => c.shape === 'arrows')!;
  await page.goto(`./?claim=${claim.id}`);
  await mapIdle(page);
  // The SVG map is still in the page, hidden: its places must sit where MapLibre draws them.
  const labelled = places.filter((p) => p.label);
  const svgDots = await page
    .locator('#map .static-map > svg circle.place-dot')
    .evaluateAll((dots) =>
      dots.map((d) => [Number(d.getAttribute('cx')), Number(d.getAttribute('cy'))] as [number, number]),
    );
  const mapDots = await page.evaluate(
    (coords) => {
      const handle = (
        document.querySelector('#map .maplibre') as unknown as {
          claimMap: { project(c: [number, number]): [number, number] };
        }
      ).claimMap;
      return coords.map((c) => handle.project(c));
    },
    labelled.map((p) => p.coordinates),
  );
  const visible = mapDots.filter(([x, y]) => x >= 0 && y >= 0);
  expect(visible.length).toBeGreaterThan(2);
  for (const [x, y] of visible) {
    const nearest = Math.min(...svgDots.map(([sx, sy]) => Math.hypot(sx - x, sy - y)));
    expect(nearest, 'SVG and MapLibre place a capital within 1 px of each other').toBeLessThanOrEqual(1);
  }
  await expect(page.locator(`[data-claim-card="${claim.id}"]`)).toBeVisible();
  await expect(page.locator('#map .maplibre')).toHaveClass(/ready/);
  await expect(page.locator('#map .static-layer')).toBeHidden();
  void handleOf;
});
