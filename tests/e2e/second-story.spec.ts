/**
 * The engine is data-driven: a second, different story (another article, region and claims,
 * in tests/fixtures/story) builds with no code change and is drawn in full.
 */
import { test, expect, mapIdle, clickClaimOnMap, type ClaimMapHandle } from './fixtures';
import claims from '../fixtures/story/claims.json' with { type: 'json' };

test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4178) + 1}/` });

test('a second story builds from its own data and draws every claim', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test Story: Sahel Pressures Reach the Coast');
  await mapIdle(page);
  const ids = await page.evaluate(() =>
    (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.renderedClaimIds(),
  );
  expect(ids).toEqual(claims.claims.map((c) => c.id).sort());
  await clickClaimOnMap(page, 'push-south');
  await expect(page.locator('#sentence-p2s1')).toHaveClass(/selected/);
  await expect(page.getByText('Author: Test Author')).toBeVisible();
});
