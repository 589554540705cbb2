/**
 * Embeds in a newsroom's page: three kinds on one host page (a pym.js parent, the generated
 * snippet, a bare iframe), sized to their content independently, never taking the page's
 * scroll; and the built site served from a sub-path.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, appReady, mapIdle, roles, serveDist, FAKE_HOST as HOST } from './fixtures';
import { snippetHtml, type SnippetOptions } from '../../src/embed/snippet-html';
import { bundleScript } from '../../src/build/scripts';

/** The snippet as the embed dialog gives it (`src/embed/snippet.ts`, whose `?script` import only Vite reads). */
async function embedSnippet(pageUrl: string, title: string, options: SnippetOptions): Promise<string> {
  const { code } = await bundleScript(resolve('src/embed/resize.ts'));
  return snippetHtml(pageUrl, title, options, code);
}

async function hostPage(page: Page, embedBase: string, body: string) {
  await page.route(`${HOST}/pym.v1.min.js`, (route) =>
    route.fulfill({
      body: readFileSync(resolve('node_modules/pym.js/dist/pym.v1.min.js')),
      contentType: 'text/javascript',
    }),
  );
  await page.route(`${HOST}/article.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title><link rel="icon" href="data:,">
<script>window.ampMessages = []; window.addEventListener('message', function (e) { if (e.data && e.data.sentinel === 'amp') window.ampMessages.push(e.data); });</script>
</head><body style="margin: 0 auto; max-width: 720px; font-family: sans-serif">
<h1>A newsroom article</h1><p style="height: 200px">Some text before the map.</p>
${body}
<div style="height: 2400px">The rest of the article.</div></body></html>`,
    }),
  );
  void embedBase;
  await page.goto(`${HOST}/article.html`);
}

/** Height of an embed's own content, from inside the frame. */
async function contentHeight(page: Page, selector: string): Promise<number> {
  const frame = await (await page.locator(selector).elementHandle())!.contentFrame();
  return frame!.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

async function frameHeight(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((f) => Math.round(f.getBoundingClientRect().height));
}

test('three embeds on one page size themselves independently, and follow a claim change', async ({ page }) => {
  const base = `${HOST}/graphics/claim-map/`;
  await serveDist(page, '/graphics/claim-map/');
  // An arrow with one destination and a border: cards of different heights, so a change between
  // them resizes the embed.
  const [opened, picked] = [roles.singleArrow ?? roles.arrows, roles.border ?? roles.other];
  const snippet = await embedSnippet(`${base}index.html`, 'Test map', {
    claims: [opened, picked],
    theme: 'light',
    legend: true,
    text: false,
    height: 'auto',
  });
  await hostPage(
    page,
    base,
    `<div id="pym-embed"></div><p>Between the maps.</p>
${snippet}
<p>Between the maps.</p>
<iframe id="bare" src="${base}embed.html?claim=${roles.last}" title="Bare embed" style="width: 100%; height: 420px; border: 0"></iframe>
<script src="/pym.v1.min.js"></script>
<script>new pym.Parent('pym-embed', '${base}embed.html?claim=${roles.first}&text=on', { title: 'Pym embed' });</script>`,
  );
  const pym = '#pym-embed iframe';
  const snip = 'iframe[data-claim-map]';
  await expect(page.locator(pym)).toBeAttached();
  for (const selector of [pym, snip]) {
    await expect
      .poll(async () => Math.abs((await frameHeight(page, selector)) - (await contentHeight(page, selector))), {
        message: `${selector} is as tall as its content`,
        timeout: 20_000,
      })
      .toBeLessThanOrEqual(2);
  }
  // The pym embed shows the article text: much taller than the other.
  expect(await frameHeight(page, pym)).toBeGreaterThan((await frameHeight(page, snip)) + 300);
  // The bare iframe keeps the height it was given.
  expect(await frameHeight(page, '#bare')).toBe(420);

  // A claim change in one embed resizes that one only.
  const before = await frameHeight(page, snip);
  const pymBefore = await frameHeight(page, pym);
  // The embed opens on the first claim it was made for; its picker moves to the other.
  await page.frameLocator(snip).locator('select').selectOption(picked);
  await expect.poll(() => frameHeight(page, snip), { timeout: 15_000 }).not.toBe(before);
  await expect
    .poll(async () => Math.abs((await frameHeight(page, snip)) - (await contentHeight(page, snip))))
    .toBeLessThanOrEqual(2);
  expect(await frameHeight(page, pym)).toBe(pymBefore);

  // AMP's amp-iframe hears the embed's size too.
  const amp = await page.evaluate(
    () => (window as unknown as { ampMessages: { type: string; height: number }[] }).ampMessages,
  );
  expect(amp.some((m) => m.type === 'embed-size' && m.height > 200)).toBe(true);
});

test('a wheel over the embedded map scrolls the host page', async ({ page }) => {
  const base = `${HOST}/claim-map/`;
  await serveDist(page, '/claim-map/');
  await hostPage(
    page,
    base,
    `<iframe id="map-embed" src="${base}embed.html" title="Embed" style="width: 100%; height: 700px; border: 0"></iframe>`,
  );
  const frame = page.frameLocator('#map-embed');
  await mapIdle(frame);
  const box = (await frame.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
});

test('the generated snippet works in a page with nothing else', async ({ page }) => {
  const base = `${HOST}/m/`;
  await serveDist(page, '/m/');
  const snippet = await embedSnippet(`${base}index.html`, 'Alone', {
    claims: [],
    theme: 'dark',
    legend: false,
    text: false,
    height: 'auto',
  });
  await page.route(`${HOST}/alone.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Alone</title><link rel="icon" href="data:,">${snippet}`,
    }),
  );
  await page.goto(`${HOST}/alone.html`);
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('title', 'Map: Alone');
  await expect
    .poll(async () => Math.abs((await frameHeight(page, 'iframe')) - (await contentHeight(page, 'iframe'))), {
      timeout: 20_000,
    })
    .toBeLessThanOrEqual(2);
  await expect(page.frameLocator('iframe').locator('.embed')).toHaveAttribute('data-theme', 'dark');
  await expect(page.frameLocator('iframe').locator('.legend-box')).toHaveCount(0);
  await expect(page.frameLocator('iframe').getByRole('link', { name: /Open the full map/ })).toBeVisible();
});

test('the site works from a sub-path: every request succeeds, in every view', async ({ page }) => {
  // Four pages, each waiting for MapLibre to be drawn: slow with software WebGL on a busy machine.
  test.setTimeout(180_000);
  const prefix = '/graphics/2026/claim-map/';
  await serveDist(page, prefix);
  for (const path of ['', `?claim=${roles.arrows}`, `embed.html?claim=${roles.last}`, '?mode=present&step=3']) {
    await page.goto(`${HOST}${prefix}${path}`);
    await mapIdle(page);
  }
  // The data links resolve under the sub-path too.
  await page.goto(`${HOST}${prefix}`);
  const href = await page
    .getByRole('link', { name: /flows \(GeoJSON\)/ })
    .evaluate((a) => (a as HTMLAnchorElement).href);
  expect(href).toBe(`${HOST}${prefix}data/flows.geojson`);
});

test('the embed code generator gives a snippet that previews and copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./?claim=${roles.arrows}`);
  await appReady(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Theme').selectOption('dark');
  await dialog.getByLabel('Key').uncheck();
  const code = await dialog.getByLabel('Code to paste').inputValue();
  expect(code).toContain(`embed.html?claim=${roles.arrows}&amp;theme=dark&amp;legend=off`);
  await expect(dialog.locator('iframe')).toHaveAttribute(
    'src',
    new RegExp(`embed\\.html\\?claim=${roles.arrows}&theme=dark&legend=off$`),
  );
  await expect(dialog.frameLocator('iframe').locator('.embed')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('button', { name: 'Copy the code' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});
