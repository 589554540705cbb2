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
  // The key at the overview: every kind, in the story's own words (its own kind for smuggling).
  await expect(page.locator('.legend')).toContainText('Smuggling networks');
  await mapIdle(page);
  const ids = await page.evaluate(() =>
    (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.renderedClaimIds(),
  );
  expect(ids).toEqual(claims.claims.map((c) => c.id).sort());
  await clickClaimOnMap(page, 'push-south');
  await expect(page.locator('#sentence-p2s1')).toHaveClass(/selected/);
  await expect(page.getByText('Author: Test Author')).toBeVisible();
  // Its words, from its data: its genre in every sentence about the article, its own kind in the key.
  await expect(page.locator('.kicker').first()).toHaveText(/Claim map · analysis/i);
  await page.getByRole('button', { name: /claims as a table/ }).click();
  await expect(page.locator('#claims-table')).toContainText('Smuggling networks');
  await expect(page.locator('body')).not.toContainText(/opinion/i);
});
