/**
 * A seeded fuzz of the page's URL: 200 generated addresses with hostile values in every
 * parameter and the hash. Each must give a working page with at most a polite note, and
 * nothing from the URL may become markup. WebGL is off here: URL handling is the same, and the
 * SVG map loads in a fraction of the time.
 */
import type { Page } from '@playwright/test';
import { test, expect, appReady, roles } from './fixtures';
import { launchOptions } from './browser';
import { random } from '../support';

test.use({ launchOptions: launchOptions(['--disable-webgl', '--disable-3d-apis']) });

const NASTY = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '%E0%A4%A',
  '%',
  '%00%01%1F',
  '\u202Eevil',
  '-1',
  '99999999999999999999',
  '1e308',
  'NaN',
  '__proto__',
  'constructor',
  roles.arrows,
  `${roles.arrows},${roles.last},nope`,
  ',,,',
  'present',
  'presenter',
  'embed',
  'dark',
  'off',
  '😀'.repeat(40),
  'a'.repeat(5000),
  '<svg onload=window.__pwned=1>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];
const KEYS = ['claim', 'mode', 'step', 'autoplay', 'theme', 'legend', 'text', 'childId', 'claim[]', '__proto__'];

function fuzzUrls(count: number): string[] {
  const next = random(20261126);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const n = 1 + Math.floor(next() * 3);
    for (let j = 0; j < n; j++) {
      const value = pick(NASTY);
      // Half raw (broken encodings stay broken), half properly encoded.
      parts.push(`${pick(KEYS)}=${next() < 0.5 ? value : encodeURIComponent(value)}`);
    }
    const hash = next() < 0.3 ? `#${encodeURIComponent(pick(NASTY))}` : '';
    urls.push(`${next() < 0.25 ? 'embed.html' : ''}?${parts.join('&')}${hash}`);
  }
  return urls;
}

async function injected(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    // Inline scripts but the loader and the build's data blocks (never run): the JSON-LD, and
    // the prerendered map's layout.
    scripts: [...document.scripts].filter(
      (s) =>
        !s.src &&
        !s.textContent?.includes('PerformanceObserver') &&
        !['application/ld+json', 'application/json'].includes(s.type),
    ).length,
    images: document.querySelectorAll('img[src="x"], svg[onload]').length,
  }));
}

/** The view's own first control does what it says: a step, a claim from the article, or the picker. */
async function answers(page: Page, url: string) {
  const present = page.locator('.present, .presenter');
  if (await present.count()) {
    const before = await present.first().getAttribute('data-step');
    const next = page.getByRole('button', { name: 'Next →' });
    if (await next.isEnabled()) {
      await next.click();
      await expect(present.first(), url).not.toHaveAttribute('data-step', before!);
    } else await expect(page.getByRole('button', { name: '← Previous' }), url).toBeEnabled();
  } else if (await page.locator('.embed').count()) {
    await page.locator('.embed select').selectOption({ index: 1 });
    await expect(page.locator('[data-claim-card]'), url).toBeVisible();
  } else {
    const badge = page.locator('button.badge').first();
    const id = await badge.getAttribute('data-claim');
    if ((await badge.getAttribute('aria-pressed')) === 'true') await badge.click();
    await badge.click();
    await expect(page.locator(`[data-claim-card="${id}"]`), url).toBeVisible();
  }
}

test('200 generated URLs each give a working page with nothing injected', async ({ page }) => {
  test.setTimeout(480_000);
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  for (const [i, url] of fuzzUrls(200).entries()) {
    await page.goto(`./${url}`);
    await appReady(page);
    expect(await injected(page), url).toEqual({ pwned: null, scripts: 0, images: 0 });
    // The page still works: its first control answers (tried on every fifth URL, for time).
    if (i % 5 === 0) await answers(page, url);
  }
});
