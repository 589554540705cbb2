/**
 * A seeded fuzz of the page's URL: 200 generated addresses with hostile values in every
 * parameter and the hash. Each must give a working page with at most a polite note, and
 * nothing from the URL may become markup. WebGL is off here: URL handling is the same, and the
 * SVG map loads in a fraction of the time.
 */
import type { Page } from '@playwright/test';
import { test, expect, appReady } from './fixtures';
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
  'ttp-pakistan',
  'ttp-pakistan,drugs,nope',
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
    scripts: [...document.scripts].filter((s) => !s.src && !s.textContent?.includes('PerformanceObserver')).length,
    images: document.querySelectorAll('img[src="x"], svg[onload]').length,
  }));
}

test('200 generated URLs each give a working page with nothing injected', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  for (const url of fuzzUrls(200)) {
    await page.goto(`./${url}`);
    await appReady(page);
    expect(await injected(page), url).toEqual({ pwned: null, scripts: 0, images: 0 });
    // The page still works: some control of the view answers.
    await expect(page.locator('#map, .presenter').first(), url).toBeAttached();
  }
});
