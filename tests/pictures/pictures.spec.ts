/**
 * The README's pictures: the reader at a laptop and a large screen, a phone, a projector, and the
 * printed page, each as a reader meets it. Claims are picked by their position in claims.json,
 * so the pictures follow the data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { appReady, mapIdle, published, showIntent } from '../e2e/fixtures';

const OUT = import.meta.dirname;

interface Claims {
  claims: { id: string }[];
}

async function claimId(page: Page, index: number): Promise<string> {
  await page.goto('./');
  const { claims } = await published<Claims>(page, 'data/claims.json');
  return claims[Math.min(index, claims.length - 1)]!.id;
}

async function shoot(page: Page, name: string, url: string, { map = true } = {}): Promise<void> {
  await page.goto(url);
  await appReady(page);
  if (map) {
    await showIntent(page);
    await mapIdle(page);
  }
  // Let the camera's ease and the arrows' draw-in finish.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 1500)));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

test.use({ colorScheme: 'light', deviceScaleFactor: 1 });

test('reader at 1280×720: the overview, and a claim selected', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await shoot(page, 'reader-overview', './');
  await shoot(page, 'reader-claim', `./?claim=${await claimId(page, 4)}`);
});

test('reader at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, 'reader-1080p', './');
});

test('phone at 390×844, a claim selected', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, 'phone-claim', `./?claim=${await claimId(page, 4)}`, { map: false });
});

test('projector at 1024×768, a step', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await shoot(page, 'projector-step', './?mode=present&step=5');
});

test('the printed reader, first page', async ({ page }) => {
  test.skip(!existsSync('/usr/bin/pdftoppm'), 'pdftoppm (poppler-utils) makes the PDF a picture');
  await page.goto('./');
  await appReady(page);
  const pdf = join(OUT, 'print.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'print')]);
  rmSync(pdf);
});
