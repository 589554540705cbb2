/**
 * WCAG 2.2 AA, checked by axe in every view and theme, and the keyboard-only journey.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, appReady, mapIdle, roles, FIRST_STORY } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`),
  }));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });

    test('the reader, with nothing and with a claim selected', async ({ page }) => {
      await page.goto('./');
      await mapIdle(page);
      expect(await violations(page)).toEqual([]);
      await page.goto(`./?claim=${roles.arrows}`);
      await mapIdle(page);
      expect(await violations(page)).toEqual([]);
    });

    test('the reader on a phone, before and after asking for the zoomable map', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 760 });
      await page.goto(`./?claim=${roles.point ?? roles.last}`);
      await appReady(page);
      await expect(page.locator('#map')).toHaveAttribute('data-state', 'standby');
      expect(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Zoom and pan' }).click();
      await mapIdle(page);
      expect(await violations(page)).toEqual([]);
    });

    test('the classroom and the presenter view', async ({ page }) => {
      await page.goto('./?mode=present&step=4');
      await expect(page.locator('.present')).toHaveAttribute('data-step', '4');
      await mapIdle(page);
      expect(await violations(page)).toEqual([]);
      await page.goto('./?mode=presenter&step=4');
      await expect(page.locator('.presenter')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the embed, light, dark and with its text', async ({ page }) => {
      for (const query of [
        `?theme=${scheme}&claim=${roles.border ?? roles.other}`,
        `?text=on&claim=${roles.point ?? roles.last}`,
      ]) {
        await page.goto(`./embed.html${query}`);
        await mapIdle(page);
        expect(await violations(page), query).toEqual([]);
      }
    });
  });
}

test('keyboard alone: skip to the map, pick claims, leave, with focus always visible', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the map' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#map')).toBeFocused();
  // The claims list: Enter shows a claim on the map and its sentence; the arrow keys move along
  // the list and show the claim they reach (focus alone selects nothing, so a click selects once).
  const first = page.locator('.claim-list button').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  const id = await first.getAttribute('data-claim');
  await expect(page.locator(`[data-claim-card="${id}"]`)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  const second = page.locator('.claim-list button').nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  const outline = await second.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-claim-card]')).toHaveCount(0);
});

test('first story: a selection is announced with its places and sentence', async ({ page }) => {
  test.skip(!FIRST_STORY, 'about the first story’s reading');
  await page.goto('./');
  await appReady(page);
  await page.locator('button.badge[data-claim="ttp-pakistan"]').click();
  await expect(page.locator('[aria-live="polite"]').last()).toHaveText(
    /Claim 7 of 12: The article says: Pakistan faces terrorist threats from the TTP, which operates from Afghan soil\. From Afghanistan to Pakistan\. The sentence: .*Pakistani territory faces/,
  );
});

test('at 200 % zoom the page reflows with no sideways scrolling', async ({ page }) => {
  // A 1280 × 720 screen at 200 % is a 640 × 360 viewport in CSS pixels.
  await page.setViewportSize({ width: 640, height: 360 });
  await page.goto(`./?claim=${roles.border ?? roles.other}`);
  await appReady(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator(`[data-claim-card="${roles.border ?? roles.other}"]`)).toBeVisible();
  // Map and sentence side by side: neither is pushed out of view by the other.
  await expect(page.locator('#map')).toBeInViewport({ ratio: 0.9 });
  await expect(page.locator('.claim-sentence.selected').first()).toBeInViewport();
});
