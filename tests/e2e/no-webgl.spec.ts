/**
 * A browser without WebGL (`--disable-webgl`): MapLibre never loads, the SVG map stays, and
 * everything a reader does still works on it.
 */
import { test, expect, appReady, published, roles, showIntent } from './fixtures';
import { launchOptions } from './browser';

interface PublishedClaims {
  claims: { id: string; caption: string; shape: string; paragraph: number; sentence: number }[];
}

test.use({ launchOptions: launchOptions(['--disable-webgl', '--disable-3d-apis']) });

test('the SVG map stays and selection works on it', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./');
  // A pointer over the map is what would start MapLibre.
  await showIntent(page);
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'fallback');
  await expect(page.locator('#map .static-map > svg')).toBeVisible();
  await expect(page.locator('#map canvas')).toHaveCount(0);

  // A click on an arrow selects its claim and highlights its sentence.
  const claim = claims.find((c) => c.shape === 'arrows' && c.paragraph > 3)!;
  await page.locator(`#map .static-map > svg g.arc[data-claim="${claim.id}"]`).first().dispatchEvent('click');
  await expect(page.locator(`[data-claim-card="${claim.id}"]`)).toBeVisible();
  await expect(page.locator(`#sentence-p${claim.paragraph}s${claim.sentence}`)).toBeInViewport();
  await expect(
    page.locator(`#map .static-map > svg g.arc[data-emphasis="selected"][data-claim="${claim.id}"]`).first(),
  ).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`claim=${claim.id}`));

  // A sentence click moves the SVG camera to frame its claim.
  // (The basemap is drawn once per zoom band, in its own plane, and placed by one transform.)
  const plane = page.locator('#map .static-map > svg g.plane');
  const before = await plane.getAttribute('transform');
  await page.locator('button.badge').first().click();
  await expect(plane).not.toHaveAttribute('transform', before!);
});

test('the classroom steps and the embed works on the SVG map', async ({ page }) => {
  // Step 5 is the fourth claim, an arrow claim.
  await page.goto('./?mode=present&step=4');
  await expect(page.locator('.present')).toHaveAttribute('data-step', '4');
  await showIntent(page);
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'fallback');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.present')).toHaveAttribute('data-step', '5');
  const { claims } = await published<{ claims: { id: string }[] }>(page, 'data/claims.json');
  const id = await page.locator('#map .static-map g.arc[data-emphasis="selected"]').first().getAttribute('data-claim');
  expect(id).toBe(claims[3]!.id);
  await expect(page.locator('.visually-hidden[aria-live]').last()).toContainText(
    /^Step 5 of \d+: The article says: .+ From .+ to .+\. The sentence: /,
  );

  const other = roles.point ?? roles.other;
  await page.goto(`./embed.html?claim=${roles.arrows},${other}`);
  await showIntent(page);
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'fallback');
  await page.locator('select').selectOption(other);
  await expect(page.locator(`[data-claim-card="${other}"]`)).toBeVisible();
  const drawn = roles.point ? '.map-symbols .marker' : '.static-map *';
  await expect(page.locator(`#map ${drawn}[data-emphasis="selected"][data-claim="${other}"]`).first()).toBeAttached();
});

test('on a phone, asking for the zoomable map says why there is none, and the SVG map keeps working', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 760 });
  await page.goto('./');
  await appReady(page);
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'standby');
  const zoom = page.getByRole('button', { name: 'Zoom and pan' });
  await zoom.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'fallback');
  await expect(page.locator('#map [aria-live]')).toHaveText(/could not load/);
  await expect(zoom).toHaveCount(0);
  // The focus is not dropped to the top of the page: it is on the map.
  await expect(page.locator('#map')).toBeFocused();
  await expect(page.locator('#map')).toHaveAccessibleDescription(/cannot be zoomed/);
  await page.locator('button.badge').first().click();
  await expect(
    page
      .locator(
        '#map .static-map > svg g.arc[data-emphasis="selected"], #map .static-map > svg [data-emphasis="selected"]',
      )
      .first(),
  ).toBeAttached();
});
