/**
 * Posters, link previews, exports and print: pictures of the map that need no WebGL.
 */
import { readFileSync } from 'node:fs';
import { test, expect, appReady, mapIdle, published, roles } from './fixtures';
import { claimTitle, QUOTE_LABEL } from '../../src/story/wording';
import type { Modality } from '../../src/story/types';

interface PublishedClaims {
  claims: { id: string; caption: string; modality: Modality; quote: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the current view downloads as SVG and PNG, with its caption, sentence and credits', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const claim = claims.find((c) => c.id === roles.arrows)!;
  await page.goto(`./?claim=${claim.id}`);
  await mapIdle(page);

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe(`claim-map-${claim.id}.svg`);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  // The words, as a reader of the picture sees them (lines joined).
  const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  expect(words).toContain('The article says:');
  expect(words).toContain(claim.caption.split(' ').slice(0, 3).join(' '));
  expect(words).toContain(QUOTE_LABEL.toUpperCase());
  expect(words).toContain('Natural Earth');
  expect(svg).toContain('@font-face');
  expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  const png = readFileSync((await pngDownload.path())!);
  expect(pngSize(png)).toEqual([2400, 1260]);
  // Not blank: a blank 2400 × 1260 PNG compresses to a few kilobytes.
  expect(png.length).toBeGreaterThan(60_000);
});

test('posters and share pages give each claim its own link preview', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const overview = await page.request.get('posters/overview.png');
  expect(overview.ok()).toBe(true);
  expect(pngSize(await overview.body())).toEqual([1200, 630]);
  for (const claim of claims) {
    const svg = await (await page.request.get(`posters/${claim.id}.svg`)).text();
    expect(svg, claim.id).toContain(`<title>${claimTitle(claim).replace(/'/g, '&#39;')}</title>`);
    const png = await page.request.get(`posters/${claim.id}.png`);
    expect(png.ok(), claim.id).toBe(true);
  }
  await page.goto('./');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /posters\/overview\.png$/);
  const share = await (await page.request.get(`share/${claims[0]!.id}.html`)).text();
  expect(share).toContain(`posters/${claims[0]!.id}.png`);
  await page.goto(`share/${claims[0]!.id}.html`);
  await expect(page).toHaveURL(new RegExp(`\\?claim=${claims[0]!.id}$`));
  await expect(page.locator(`[data-claim-card="${claims[0]!.id}"]`)).toBeVisible();
});

test('the embed without scripts shows its poster', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('./embed.html');
  const fallbacks = await page.locator('noscript').evaluateAll((els) => els.map((e) => e.innerHTML));
  expect(fallbacks.some((html) => html.includes('posters/overview.png'))).toBe(true);
  expect((await page.request.get('./posters/overview.png')).ok()).toBe(true);
  await context.close();
});

test('printing gives the map and every claim with its sentence', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./');
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-map svg').first()).toBeVisible();
  await expect(page.locator('#claims-table')).toBeVisible();
  for (const claim of claims) await expect(page.locator('#claims-table')).toContainText(claim.caption);
  await expect(page.getByRole('button', { name: 'Embed' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(50_000);
});
