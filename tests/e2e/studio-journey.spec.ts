/**
 * A journalist's whole journey in the studio, through the interface alone, on a made-up article
 * from a region no story of the repository covers: pasted text, claims, places found and chosen
 * on purpose, an unfinished draft downloaded (refused by the build with the page's own list) and
 * opened again as it was, then the finished story downloaded and built. At every step the page
 * says nothing in a schema's words.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { schemaPhrasing } from '../support';

const TITLE = 'Rivers Run Low as Drought Spreads Across the Southern Cone';
const ARTICLE = [
  TITLE,
  'Farmers in Paraguay say barges can no longer carry soy down the river to Argentina. Officials blame the weakest rains in decades.',
  'Bolivia and Peru will hold talks on sharing water from Lake Titicaca, ministers said on Monday.',
  'Hydropower output in Brazil could fall sharply if the dry season lasts into December, engineers warned.',
].join('\n');

/**
 * Fails on any schema phrasing the page shows, the article's own text and the developer's
 * commands aside (and the developers' details, closed, which the page does not show).
 */
async function plainPage(page: Page, step: string) {
  const text = await page.evaluate(() =>
    [...document.querySelectorAll('.studio > :not(.columns), .columns > :not(.text)')]
      .map((part) => (part as HTMLElement).innerText)
      .join('\n'),
  );
  const commands = await page.getByTestId('developer-commands').allInnerTexts();
  const shown = commands.reduce((t, c) => t.replace(c, ''), text);
  expect(schemaPhrasing(shown), `schema phrasing at "${step}"`).toEqual([]);
}

async function selectWords(page: Page, words: string) {
  await page.evaluate((words) => {
    const sentence = [...document.querySelectorAll('[data-at]')].find((s) => s.textContent!.includes(words))!;
    const text = sentence.firstChild!;
    const at = text.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + words.length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, words);
}

async function addClaim(page: Page, words: string) {
  await selectWords(page, words);
  await page.getByRole('button', { name: 'Add claim' }).click();
  await expect(page.getByRole('status').first()).toContainText('added');
}

async function findCountry(page: Page, query: string, name: string) {
  await page.getByRole('searchbox', { name: 'Find a place' }).fill(query);
  await page.getByRole('button', { name: `Add ${name} (country)`, exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText(`${name} added to the story’s places`);
}

/** Unzips a download into a new folder; the story's folder in it. */
async function unzipped(download: Download): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'journey-'));
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync((await download.path())!))))) {
    mkdirSync(dirname(join(work, name)), { recursive: true });
    writeFileSync(join(work, name), bytes);
  }
  return join(work, download.suggestedFilename().replace(/\.zip$/, ''));
}

async function download(page: Page): Promise<Download> {
  const [taken] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download story' }).click(),
  ]);
  return taken;
}

test('a journalist maps an article from pasted text to a built map, in plain words throughout', async ({ page }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto('./author.html');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await plainPage(page, 'the studio opens');

  await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
  await page.getByRole('button', { name: 'Start from this text' }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await plainPage(page, 'a story started');

  // 1. A claim: it says what the sentence does from the start, and its kind is the engine's.
  await addClaim(page, 'barges can no longer carry soy down the river to Argentina');
  await expect(page.getByLabel('How the article says it', { exact: true })).toHaveValue('reported');
  const kinds = await page.getByLabel('Kind', { exact: true }).locator('option').allInnerTexts();
  const site = JSON.parse(readFileSync('data/claims.json', 'utf8')) as { claims: { kind: string }[] };
  const engine = JSON.parse(readFileSync('data/kinds.json', 'utf8')) as { kinds: { id: string; label: string }[] };
  const sitesOwn = engine.kinds.filter((k) => site.claims.some((c) => c.kind === k.id)).map((k) => k.label);
  expect(kinds.length).toBeGreaterThan(3);
  expect(kinds.filter((k) => sitesOwn.includes(k))).toEqual([]);
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Trade and smuggling' });
  // Its look as a picture, with its meaning in words.
  await expect(page.getByTestId('kind-look').locator('svg')).toBeVisible();
  await expect(page.getByTestId('kind-look')).toContainText('Drawn');
  await expect(page.locator('.problems')).toContainText('Claim 1 needs a caption');
  await plainPage(page, 'a claim without a caption');

  // Unfinished, it still downloads: as a draft the build refuses with the page's own list.
  const draft = await download(page);
  expect(draft.suggestedFilename()).toBe('rivers-run-low-as-drought-spreads-across-the-draft.zip');
  await expect(page.getByTestId('next-step')).toContainText('is a draft');
  await plainPage(page, 'a draft downloaded');
  const listed = (await page.locator('.problems > li').first().innerText()).split('\n')[0]!.trim();
  const draftFolder = await unzipped(draft);
  const refused = spawnSync('node', ['src/build/story.mjs', 'check', draftFolder], { encoding: 'utf8' });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(listed.replace(/ Go to claim \d+$/, ''));

  // Opened again, it is as it was.
  await page.getByLabel('Open a story zip').setInputFiles((await draft.path())!);
  await expect(page.getByRole('status').first()).toContainText('opened');
  await expect(page.locator('.claims li')).toHaveCount(1);
  await page.locator('.claims li').first().locator('.claim-pick').click();

  await page.getByLabel('Caption', { exact: true }).fill('Barges cannot carry soy from Paraguay to Argentina');
  await page.getByLabel('Shape', { exact: true }).selectOption('arrows');
  await page.getByLabel('Actors (one a line)', { exact: true }).fill('Farmers');
  await page.getByLabel('Actors (one a line)', { exact: true }).blur();
  // A place found joins the story's places; the claim chooses it.
  await findCountry(page, 'parag', 'Paraguay');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('');
  await page.getByLabel('From', { exact: true }).selectOption({ label: 'Paraguay' });
  await findCountry(page, 'argen', 'Argentina');
  await page.getByRole('group', { name: 'To' }).getByLabel('Argentina', { exact: true }).check();
  await expect(page.getByTestId('claim-route')).toContainText('From “Paraguay” to “Argentina”.');
  await plainPage(page, 'claim 1 placed');

  // 2. A prediction between two countries.
  await addClaim(page, 'Bolivia and Peru will hold talks on sharing water');
  await page.getByLabel('Caption', { exact: true }).fill('Bolivia and Peru to talk about sharing a lake');
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Diplomacy' });
  await page.getByLabel('Shape', { exact: true }).selectOption('arrows');
  await page.getByLabel('How the article says it', { exact: true }).selectOption('predicted');
  await page.getByLabel('Actors (one a line)', { exact: true }).fill('Ministers');
  await page.getByLabel('Actors (one a line)', { exact: true }).blur();
  await findCountry(page, 'bolivi', 'Bolivia');
  await findCountry(page, 'peru', 'Peru');
  await page.getByLabel('From', { exact: true }).selectOption({ label: 'Bolivia' });
  await page.getByRole('group', { name: 'To' }).getByLabel('Peru', { exact: true }).check();

  // 3. A condition, on a whole country.
  await addClaim(page, 'Hydropower output in Brazil could fall sharply');
  await page.getByLabel('Caption', { exact: true }).fill('Brazil’s hydropower may fall if the dry season lasts');
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Resources and water' });
  await page.getByLabel('Shape', { exact: true }).selectOption('area');
  await page.getByLabel('How the article says it', { exact: true }).selectOption('conditional');
  await page.getByLabel('Actors (one a line)', { exact: true }).fill('Engineers');
  await page.getByLabel('Actors (one a line)', { exact: true }).blur();
  await findCountry(page, 'brazi', 'Brazil');
  await page.getByLabel('Where', { exact: true }).selectOption({ label: 'Brazil' });

  // A place in use is not removed unasked: the page says which claim uses it.
  const argentina = page.locator('.places li', { hasText: 'Argentina' });
  await argentina.getByRole('button', { name: 'Remove' }).click();
  await expect(argentina.getByRole('alert')).toContainText('Claim 1 (“Barges cannot carry soy');
  await argentina.getByRole('button', { name: 'Keep it' }).click();

  await expect(page.getByRole('heading', { name: 'No problems', exact: true })).toBeVisible();
  await plainPage(page, 'the story finished');

  // Finished: the zip is named by whole words, the next step said, and it builds.
  const done = await download(page);
  expect(done.suggestedFilename()).toBe('rivers-run-low-as-drought-spreads-across-the.zip');
  await expect(page.getByTestId('next-step')).toContainText('Send it to your web developer');
  const folder = await unzipped(done);
  await expect(page.getByTestId('developer-commands')).toContainText(
    `STORY=../rivers-run-low-as-drought-spreads-across-the npm run build`,
  );
  await plainPage(page, 'the story downloaded');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    env: { ...process.env, STORY: folder, OUT_DIR: join(folder, 'dist'), POSTERS: 'svg' },
    stdio: 'inherit',
  });
  expect(readFileSync(join(folder, 'dist', 'index.html'), 'utf8')).toContain('Rivers Run Low');
  console.log(`journey: ${Math.round((Date.now() - started) / 1000)} s`);
});
