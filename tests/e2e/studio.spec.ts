/**
 * The studio (author.html): a story made from pasted text through the interface alone, kept
 * across a reload, downloaded as a zip, built by the engine, and read in the built reader with
 * each claim bound to its sentence.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, serveDist, FAKE_HOST } from './fixtures';

const TITLE = 'Water and Roads: A Test Report';
const ARTICLE = [
  TITLE,
  'Traders carry goods from Tajikistan into Afghanistan across the river. Officials say the <b>trade</b> is growing.',
  'A camp near the town shelters families who fled the floods. The camp is crowded.',
  'Drought grips Turkmenistan this year. Wells across the country are empty.',
].join('\n');

/** Selects `words` in the studio's article, as a journalist would with the mouse. */
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

async function addClaim(page: Page, words: string, caption: string, shape: string, actor: string) {
  await selectWords(page, words);
  await page.getByRole('button', { name: 'Add claim' }).click();
  await expect(page.getByRole('status')).toContainText('added');
  await page.getByLabel('Caption', { exact: true }).fill(caption);
  await page.getByLabel('Shape', { exact: true }).selectOption(shape);
  await page.getByLabel('Actors (one a line)', { exact: true }).fill(actor);
  await page.getByLabel('Actors (one a line)', { exact: true }).blur();
}

async function findPlace(page: Page, query: string, name: string) {
  await page.getByRole('searchbox', { name: 'Find a place' }).fill(query);
  await page.getByRole('button', { name: `Add ${name} (country)`, exact: true }).click();
  await expect(page.getByRole('status').first()).toContainText(`${name} added to the story’s places`);
}

/** Chooses a place of the story in the claim: under From or Where, or ticked under To. */
async function choosePlace(page: Page, field: 'From' | 'Where' | 'To', name: string) {
  if (field === 'To') await page.getByRole('group', { name: 'To' }).getByLabel(name, { exact: true }).check();
  else await page.getByLabel(field, { exact: true }).selectOption({ label: name });
}

test('a story made in the studio from pasted text builds and reads with each claim bound to its sentence', async ({
  page,
}) => {
  test.setTimeout(300_000);
  page.on('dialog', (dialog) => dialog.accept());
  // The page allows no eval (the schemas come compiled): nothing it runs is refused.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto('./author.html');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).not.toHaveAttribute(
    'content',
    /unsafe-eval/,
  );
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  // The site's own story, read-only.
  await expect(page.getByRole('button', { name: 'Make a copy' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add claim' })).toBeDisabled();

  await page.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
  await page.getByRole('button', { name: 'Start from this text' }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  // Markup in the article is text, never HTML.
  await expect(page.locator('.studio b')).toHaveCount(0);
  await expect(page.getByText('the <b>trade</b> is growing', { exact: false })).toBeVisible();

  // 1. Arrows, both places found by search.
  await addClaim(
    page,
    'Traders carry goods from Tajikistan into Afghanistan',
    'Goods cross from Tajikistan',
    'arrows',
    'Traders',
  );
  await findPlace(page, 'tajik', 'Tajikistan');
  await findPlace(page, 'afgh', 'Afghanistan');
  await choosePlace(page, 'From', 'Tajikistan');
  await choosePlace(page, 'To', 'Afghanistan');

  // 2. A point dropped on the map.
  await addClaim(page, 'A camp near the town shelters families', 'A camp shelters families', 'point', 'Families');
  await page.getByRole('button', { name: 'Drop a point on the map' }).click();
  await page.getByTestId('studio-map').click({ position: { x: 300, y: 200 } });
  await expect(page.getByRole('status').first()).toContainText('placed at');
  await choosePlace(page, 'Where', 'Place 3');
  // Its coordinates nudged on the map by keyboard (the handle also drags).
  const longitude = page.getByLabel('Longitude', { exact: true }).first();
  const before = Number(await longitude.inputValue());
  await page.getByRole('button', { name: /^Move Place/ }).press('ArrowRight');
  await expect.poll(async () => Number(await longitude.inputValue())).toBeCloseTo(before + 0.01, 4);

  // A reload loses nothing.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(page.locator('.claims li')).toHaveCount(2);
  await expect(page.locator('.claims li').first()).toContainText('Goods cross from Tajikistan');
  // And undo still takes back the last change (the nudge), then redo puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => Number(await longitude.inputValue())).toBeCloseTo(before, 4);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => Number(await longitude.inputValue())).toBeCloseTo(before + 0.01, 4);

  // 3. An area.
  await addClaim(page, 'Drought grips Turkmenistan', 'Drought in Turkmenistan', 'area', 'Drought');
  await findPlace(page, 'turkm', 'Turkmenistan');
  await choosePlace(page, 'Where', 'Turkmenistan');

  await expect(page.getByRole('heading', { name: 'No problems', exact: true })).toBeVisible();
  // As readers will see it: the embed at phone width with the claim's card, and the classroom's step.
  await page.locator('.claims li').first().locator('.claim-pick').click();
  await expect(page.getByTestId('phone-preview')).toContainText('Goods cross from Tajikistan');
  await expect(page.getByTestId('classroom-preview').locator('blockquote mark')).toHaveText(
    'Traders carry goods from Tajikistan into Afghanistan',
  );
  await expect(page.getByTestId('classroom-preview').locator('[data-claim]').first()).toBeAttached();
  expect(refused).toEqual([]);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download story' }).click(),
  ]);
  const zip = readFileSync((await download.path())!);
  const work = mkdtempSync(join(tmpdir(), 'studio-'));
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip)))) {
    mkdirSync(dirname(join(work, name)), { recursive: true });
    writeFileSync(join(work, name), bytes);
  }
  const folder = join(work, download.suggestedFilename().replace(/\.zip$/, ''));
  const out = join(work, 'dist');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    env: { ...process.env, STORY: folder, OUT_DIR: out, POSTERS: 'svg' },
    stdio: 'inherit',
  });

  await serveDist(page, '/built/', out);
  await page.goto(`${FAKE_HOST}/built/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  for (const [words, number] of [
    ['Traders carry goods', 1],
    ['A camp near the town', 2],
    ['Drought grips Turkmenistan', 3],
  ] as const) {
    const sentence = page.locator('.claim-sentence', { hasText: words });
    await expect(sentence.locator('button.badge')).toHaveText(String(number));
  }
});

test('the studio keeps two tabs from overwriting each other, undoes, reorders by keyboard, and refuses a hostile zip', async ({
  page,
  context,
}) => {
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto('./author.html');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await page.getByRole('button', { name: 'Make a copy' }).click();
  await expect(page.getByRole('button', { name: 'Add claim' })).toBeEnabled();

  // Reorder by keyboard: Alt+↓ on the first claim makes it the second.
  const first = page.locator('.claims li').first();
  const caption = (await first.locator('.claim-pick').innerText()).replace(/^1\. /, '');
  await first.locator('.claim-pick').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.claims li').nth(1)).toContainText(caption);
  await expect(page.getByRole('status')).toContainText('step 2');

  // A caption with markup shows as text; undo takes it back.
  await page.getByLabel('Caption', { exact: true }).fill('<img src=x onerror=alert(1)>Hello');
  await expect(page.locator('.claims li').nth(1)).toContainText('<img src=x onerror=alert(1)>Hello');
  await expect(page.locator('.studio img')).toHaveCount(0);
  await page.getByLabel('Caption', { exact: true }).blur();
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue(caption);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue('<img src=x onerror=alert(1)>Hello');

  // A second tab on the same story: a change there stops this tab from saving until the journalist chooses.
  const other = await context.newPage();
  other.on('dialog', (dialog) => dialog.accept());
  await other.goto('./author.html');
  await expect(other.locator('html')).toHaveAttribute('data-app', 'ready');
  await other.locator('.claims li').first().locator('.claim-pick').click();
  await other.getByLabel('Caption', { exact: true }).fill('Changed in the other tab');
  await expect(page.getByRole('alert')).toContainText('changed in another tab');
  await page.getByRole('button', { name: 'Load the other tab’s version' }).click();
  await expect(page.locator('.claims li').first()).toContainText('Changed in the other tab');
  await other.close();

  // A zip with a missing file and a file from outside its folder: refused, naming the file.
  const hostile = zipSync({
    'story/article.txt': strToU8('Title\nA paragraph.'),
    '../claims.json': strToU8('{"claims": []}'),
    'story/places.json': strToU8('{"places": [}'),
    'story/story.json': strToU8('{}'),
  });
  await page.getByLabel('Open a story zip').setInputFiles({
    name: 'hostile.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(hostile),
  });
  await expect(page.getByRole('status')).toContainText('hostile.zip was not opened');
  await expect(page.locator('.start .problems')).toContainText('claims.json: is missing from hostile.zip');
  await expect(page.locator('.claims li').first()).toContainText('Changed in the other tab');

  // A saved folder with malformed JSON: refused, naming the file and the line.
  const folder = join(mkdtempSync(join(tmpdir(), 'studio-folder-')), 'my-story');
  mkdirSync(folder);
  writeFileSync(join(folder, 'article.txt'), 'Title\nA paragraph.\n');
  writeFileSync(join(folder, 'claims.json'), '{"claims": []}\n');
  writeFileSync(join(folder, 'places.json'), '{\n  "places": [\n    { "id": "x", }\n  ]\n}\n');
  writeFileSync(join(folder, 'story.json'), '{}\n');
  writeFileSync(join(folder, 'run.sh'), 'rm -rf /\n');
  await page.getByLabel('Open a story folder').setInputFiles(folder);
  await expect(page.getByRole('status')).toContainText('my-story was not opened');
  await expect(page.locator('.start .problems')).toContainText('places.json: invalid JSON at line 3');
  await expect(page.locator('.claims li').first()).toContainText('Changed in the other tab');

  // Towns from the gazetteer, with the country they lie in.
  await page.getByRole('searchbox', { name: 'Find a place' }).fill('kabu');
  await expect(page.getByRole('button', { name: 'Add Kabul (capital in Afghanistan)', exact: true })).toBeVisible();
});
