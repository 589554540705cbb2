/**
 * MapLibre waits for a sign that the reader wants to use the map (start/policy.ts): on a laptop's
 * screen nothing of it is created while the page loads; a pointer over the map, or the keyboard's
 * focus moving into it, creates it, and it takes over from the SVG map.
 */
import type { Page } from '@playwright/test';
import { test, expect, appReady, roles } from './fixtures';

test.use({ viewport: { width: 1000, height: 700 } });

/** Lets the page run a few frames: whatever starts on its own after load would have started. */
async function frames(page: Page, count = 10): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const tick = () => (--left > 0 ? requestAnimationFrame(tick) : done());
        requestAnimationFrame(tick);
      }),
    count,
  );
}

/** Loads the reader and checks that MapLibre has not been created: the SVG map serves. */
async function loadedWithoutMapLibre(page: Page): Promise<void> {
  await page.goto('./');
  await appReady(page);
  await frames(page);
  const map = page.locator('#map');
  await expect(map).toHaveAttribute('data-state', 'standby');
  await expect(page.locator('#map .maplibregl-canvas')).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName('claimmap:maplibre-loaded').length)).toBe(0);
  // No button on a screen this size: a gesture on the map is enough, and the region says so.
  await expect(page.getByRole('button', { name: 'Zoom and pan' })).toHaveCount(0);
  await expect(map).toHaveAccessibleDescription(/pointer or the focus into the map loads a map you can zoom and pan/);
}

test('MapLibre is created when a pointer comes over the map, not before', async ({ page }) => {
  await loadedWithoutMapLibre(page);
  // The SVG map selects meanwhile.
  await page.locator(`button.badge[data-claim="${roles.arrows}"]`).click();
  await expect(page.locator(`#map .static-map g.arc[data-claim="${roles.arrows}"]`).first()).toBeAttached();
  await frames(page);
  await expect(page.locator('#map .maplibregl-canvas')).toHaveCount(0);

  await page.locator('#map').hover();
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'idle', { timeout: 45_000 });
  await expect(page.locator('#map .maplibregl-canvas')).toHaveCount(1);
  await expect(page.locator('#map .maplibre')).toHaveAttribute('data-highlighted', roles.arrows);
  await expect(page.locator('#map')).toHaveAccessibleDescription(/^Once the map has focus, drag/);
});

test('MapLibre is created when the keyboard’s focus moves into the map', async ({ page }) => {
  await loadedWithoutMapLibre(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the map' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#map')).toBeFocused();
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'idle', { timeout: 45_000 });
  // The next Tab reaches the zoomable map.
  await page.keyboard.press('Tab');
  await expect(page.locator('#map .maplibregl-canvas')).toBeFocused();
});

test('a wheel over the map, or a press on it, is intent enough', async ({ page }) => {
  for (const gesture of ['wheel', 'pointerdown'] as const) {
    await loadedWithoutMapLibre(page);
    // Only that event: no pointer moves over the map first.
    await page.locator('#map').dispatchEvent(gesture, gesture === 'wheel' ? { deltaY: 40 } : { pointerType: 'mouse' });
    await expect(page.locator('#map')).toHaveAttribute('data-state', 'idle', { timeout: 45_000 });
    await expect(page.locator('#map .maplibregl-canvas')).toHaveCount(1);
  }
});

test("a pointer over the map as the page's first gesture starts the app, and MapLibre with it", async ({ page }) => {
  await page.goto('./');
  await frames(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'waiting');
  // One move onto the map: the app starts, finds the pointer there, and takes it as intent.
  await page.locator('#map').hover();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'idle', { timeout: 45_000 });
  await expect(page.locator('#map .maplibregl-canvas')).toHaveCount(1);
});
