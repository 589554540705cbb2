/**
 * Layout on every screen and on paper: every claim control selects on one click and nothing
 * moves under the pointer; a phone leaves most of the screen to the article; selecting keeps the
 * map's size; a projector fits every step; print keeps arrows on their
 * heads and gives the classroom a handout, a page per step.
 */
import {
  test,
  expect,
  appReady,
  clickClaimOnMap,
  mapIdle,
  mapSettled,
  published,
  type ClaimMapHandle,
} from './fixtures';
import type { Locator, Page } from '@playwright/test';

interface PublishedClaims {
  claims: {
    id: string;
    caption: string;
    note: string | null;
    destinations: string[];
    paragraph: number;
    sentence: number;
    quote: string;
  }[];
}

const claimsOf = async (page: Page) => (await published<PublishedClaims>(page, 'data/claims.json')).claims;

/**
 * Clicks a control as a reader does, holding the button down a moment, and checks that it did
 * not move between pointer down and up.
 */
async function clickHeld(page: Page, control: Locator) {
  await control.scrollIntoViewIfNeeded();
  const before = (await control.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(120);
  const pressed = (await control.boundingBox())!;
  await page.mouse.up();
  expect(Math.abs(pressed.x - before.x), 'moved sideways while pressed').toBeLessThan(0.5);
  expect(Math.abs(pressed.y - before.y), 'moved up or down while pressed').toBeLessThan(0.5);
}

/** The claim alone is selected: its card shows, its number is pressed, and no other. */
async function expectSelected(page: Page, id: string) {
  await expect(page.locator(`[data-claim-card="${id}"]`)).toBeVisible();
  await expect(page.locator(`.claim-list button[data-claim="${id}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.claim-list button[aria-pressed="true"]')).toHaveCount(1);
}

test.describe('every claim control selects on one click', () => {
  test.use({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });

  test('the numbered row, in order, then the overview list and the badges in the text', async ({ page }) => {
    // Three clicks, each held, for every claim: about a minute on a busy machine.
    test.slow();
    const claims = await claimsOf(page);
    await page.goto('./');
    await appReady(page);
    for (const c of claims) {
      const number = page.locator(`.claim-list button[data-claim="${c.id}"]`);
      await clickHeld(page, number);
      await expectSelected(page, c.id);
    }
    for (const c of claims) {
      await page.keyboard.press('Escape');
      await expect(page.locator('[data-claim-card]')).toHaveCount(0);
      await clickHeld(page, page.locator(`.overview-list button[data-claim="${c.id}"]`));
      await expectSelected(page, c.id);
    }
    for (const c of claims) {
      const badge = page.locator(`button.badge[data-claim="${c.id}"]`);
      await clickHeld(page, badge);
      await expectSelected(page, c.id);
      await expect(badge).toHaveAttribute('aria-pressed', 'true');
    }
  });

  test('the arrows and markers on the map', async ({ page }) => {
    // MapLibre draws in software here: a smaller map, and time for twelve flights.
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1100, height: 760 });
    const claims = await claimsOf(page);
    await page.goto('./');
    await mapIdle(page);
    const spot = (id: string) =>
      page.evaluate(
        (id) =>
          (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.screenPoint(
            id,
          ),
        id,
      );
    for (const c of claims) {
      // From the overview; a claim crowded out there is picked where another claim's frame shows it.
      await page.keyboard.press('Escape');
      await mapSettled(page);
      for (const other of claims.filter((o) => o !== c)) {
        if (await spot(c.id)) break;
        await page.locator(`.claim-list button[data-claim="${other.id}"]`).click();
        await mapSettled(page);
      }
      await clickClaimOnMap(page, c.id);
      await expectSelected(page, c.id);
    }
  });

  test('the numbered row keeps arrow-key focus, and the keys select', async ({ page }) => {
    const claims = await claimsOf(page);
    await page.goto('./');
    await appReady(page);
    const first = page.locator('.claim-list button').first();
    await first.focus();
    // Focus alone selects nothing: a click would otherwise select, then toggle off.
    await expect(page.locator('[data-claim-card]')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.claim-list button').nth(1)).toBeFocused();
    await expectSelected(page, claims[1]!.id);
    await page.keyboard.press('End');
    await expectSelected(page, claims[claims.length - 1]!.id);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });

  test('the title is on the first screen, and a claim leaves most of the screen to its sentence', async ({ page }) => {
    const claims = await claimsOf(page);
    await page.goto('./');
    await appReady(page);
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(title.y + title.height).toBeLessThanOrEqual(844);
    const column = page.locator('.map-col');
    for (const c of claims) {
      const number = page.locator(`.claim-list button[data-claim="${c.id}"]`);
      await clickHeld(page, number);
      await expect(number).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator(`[data-claim-card="${c.id}"] h2`)).toBeVisible();
      // At least 45 % of the screen is the article's, and the claim's sentence is there in full.
      const bottom = await column.evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bottom / 844, `${c.id}: share of the screen the map and card take`).toBeLessThanOrEqual(0.55);
      const sentence = page.locator(`#sentence-p${c.paragraph}s${c.sentence}`);
      await expect
        .poll(async () => {
          const box = (await sentence.boundingBox())!;
          return box.y >= bottom - 1 && box.y + box.height <= 844 + 1;
        }, `${c.id}: its sentence is in full below the map`)
        .toBe(true);
    }
  });

  test('the whole claim opens on request, with nothing to scroll inside it', async ({ page }) => {
    const claim = (await claimsOf(page)).find((c) => c.note)!;
    await page.goto(`./?claim=${claim.id}`);
    await appReady(page);
    const card = page.locator(`[data-claim-card="${claim.id}"]`);
    await expect(card.locator('blockquote')).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Whole claim' });
    await toggle.tap();
    await expect(page.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    await expect(card.locator('blockquote')).toHaveText(claim.quote);
    await expect(card.locator('blockquote')).toBeInViewport({ ratio: 1 });
    await expect(card.locator('.note')).toBeInViewport({ ratio: 1 });
    // No small box around the card scrolls: the quote is not cut off inside one.
    const smallScrollers = await card.evaluate((card) => {
      const found: string[] = [];
      for (let el = card.parentElement; el && el !== document.body; el = el.parentElement) {
        const small = el.clientHeight < window.innerHeight * 0.6;
        if (small && el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible')
          found.push(el.className);
      }
      return found;
    });
    expect(smallScrollers).toEqual([]);
    await page.getByRole('button', { name: 'Show less' }).tap();
    await expect(card.locator('blockquote')).toBeHidden();
  });
});

test.describe('the reader on a desktop', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    test(`selecting a claim keeps the map's size at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const claims = await claimsOf(page);
      await page.goto('./');
      await appReady(page);
      const map = page.locator('#map');
      const overview = (await map.boundingBox())!;
      for (const c of claims) {
        await page.locator(`.claim-list button[data-claim="${c.id}"]`).click();
        await expectSelected(page, c.id);
        expect(await map.boundingBox(), c.id).toEqual(overview);
      }
    });
  }

  test('the key lists the kinds of the selected claims', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const claims = await claimsOf(page);
    await page.goto('./');
    await appReady(page);
    const rows = page.locator('.map-box .legend li:visible');
    const all = await rows.count();
    await page.locator(`.claim-list button[data-claim="${claims[0]!.id}"]`).click();
    await expect.poll(() => rows.count()).toBeLessThan(all);
    await page.keyboard.press('Escape');
    await expect(rows).toHaveCount(all);
  });

  test('the claims table shows its sentences without sideways scrolling at 1280 wide', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const claims = await claimsOf(page);
    await page.goto('./');
    await appReady(page);
    await page.getByRole('button', { name: /claims as a table/ }).click();
    const wrap = page.locator('#claims-table');
    await expect(wrap).toBeVisible();
    const { scroll, client, column, table } = await wrap.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      column: Math.min(
        ...[...el.querySelectorAll('tbody td:last-child')].map((td) => td.getBoundingClientRect().width),
      ),
      table: el.querySelector('table')!.getBoundingClientRect().width,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
    // The sentence is the widest column: lines of words, not of a dozen letters.
    expect(column).toBeGreaterThan(table * 0.35);
    for (const c of claims) await expect(wrap).toContainText(c.quote);
  });
});

test.describe('the presenting view on projectors', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`every step fits ${viewport.width}×${viewport.height}, in type that scales with it`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const count = (await claimsOf(page)).length + 2;
      await page.goto('./?mode=present');
      await appReady(page);
      const panel = page.locator('.present .panel');
      for (let step = 1; step <= count; step++) {
        await expect(page.locator('.present')).toHaveAttribute('data-step', String(step));
        const fit = await panel.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
        expect(fit.scroll, `step ${step}: the panel scrolls`).toBeLessThanOrEqual(fit.client);
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(viewport.height);
        await expect(page.getByRole('button', { name: 'Next →' })).toBeInViewport({ ratio: 1 });
        await expect(page.getByRole('button', { name: '← Previous' })).toBeInViewport({ ratio: 1 });
        await expect(page.getByRole('button', { name: 'Keys ?' })).toBeInViewport({ ratio: 1 });
        const sentence = page.locator('blockquote.sentence');
        if (await sentence.count()) {
          const size = await sentence.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
          expect(size, `step ${step}: the sentence's type`).toBeGreaterThanOrEqual(viewport.height * 0.04);
        }
        // The step's layout (names set for the projector's map) is drawn once the worker gives it.
        await expect(page.locator('#map')).toHaveAttribute('data-layout', 'ready');
        const smallestName = async () => {
          const names = await page
            .locator('#map .map-symbols :is(.place-label, .country-label, .region-label)')
            .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
          return names.length ? Math.min(...names) : 0;
        };
        await expect
          .poll(smallestName, { message: `step ${step}: the names' type` })
          .toBeGreaterThanOrEqual(viewport.height * 0.018);
        await page.keyboard.press('ArrowRight');
      }
    });
  }

  test('A+ and A− scale the map names too, and the panel still fits', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const claims = await claimsOf(page);
    // The claim with the longest sentence.
    const longest = [...claims].sort((a, b) => b.quote.length - a.quote.length)[0]!;
    await page.goto(`./?mode=present&step=${claims.indexOf(longest) + 2}`);
    await appReady(page);
    const nameSize = () =>
      page
        .locator('#map .map-symbols :is(.place-label, .country-label, .region-label)')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await expect(page.locator('#map')).toHaveAttribute('data-layout', 'ready');
    const before = await nameSize();
    const panel = page.locator('.present .panel');
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Larger text' }).click();
    await expect.poll(nameSize).toBeGreaterThan(before * 1.4);
    const fit = await panel.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    await expect(page.getByRole('button', { name: 'Next →' })).toBeInViewport({ ratio: 1 });
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Smaller text' }).click();
    await expect.poll(nameSize).toBeLessThan(before);
  });
});

/**
 * How far each arrowhead of a map lies from the end of its claim's nearest arc, in pixels: 0 when
 * the arc's end is within the head's drawn box (the line runs into its head).
 */
function headGaps(page: Page, scope: string) {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope)!;
    const ends = [...root.querySelectorAll<SVGGElement>('.static-map g.arc')].map((g) => {
      const path = g.querySelector('defs path') as SVGPathElement;
      const m = path.getScreenCTM()!;
      const e = path.getPointAtLength(path.getTotalLength());
      return { id: g.dataset.claim, x: m.a * e.x + m.c * e.y + m.e, y: m.b * e.x + m.d * e.y + m.f };
    });
    return [...root.querySelectorAll<SVGPathElement>('.map-symbols .head')].map((head) => {
      const b = head.getBoundingClientRect();
      const own = ends.filter((e) => e.id === head.dataset.claim);
      return Math.min(
        ...own.map((e) =>
          Math.hypot(Math.max(b.left - e.x, 0, e.x - b.right), Math.max(b.top - e.y, 0, e.y - b.bottom)),
        ),
      );
    });
  }, scope);
}

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

test.describe('print', () => {
  test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

  test('the reader prints the title, who wrote it, the map with arrows on their heads, and the table', async ({
    page,
  }) => {
    const claims = await claimsOf(page);
    const widest = [...claims].sort((a, b) => b.destinations.length - a.destinations.length)[0]!;
    await page.goto('./');
    // The screen's map as a reader leaves it: MapLibre on, the camera moved since.
    await mapIdle(page);
    await page.locator(`.claim-list button[data-claim="${widest.id}"]`).click();
    await mapSettled(page);
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-map');
    await expect(printed).toBeVisible();
    await expect(page.locator('.map-col')).toBeHidden();
    const gaps = await headGaps(page, '.print-map');
    expect(gaps.length).toBeGreaterThan(widest.destinations.length - 1);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(2);
    // Names at their screen size on a map the page's width: about 10 pt.
    const names = await printed
      .locator('.place-label, .country-label, .region-label')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('font-size'))));
    expect(names.length).toBeGreaterThan(0);
    expect(Math.min(...names)).toBeGreaterThanOrEqual(11);
    // In order: the title, the attribution, the map, then every claim with its sentence.
    const top = async (l: Locator) => (await l.boundingBox())!.y;
    const title = page.getByRole('heading', { level: 1 });
    const attribution = page.locator('.attribution');
    const table = page.locator('#claims-table');
    expect(await top(title)).toBeLessThan(await top(attribution));
    expect(await top(attribution)).toBeLessThan(await top(printed));
    expect(await top(printed)).toBeLessThan(await top(table));
    for (const c of claims) await expect(table).toContainText(c.quote);
    await expect(page.locator('.article > p').first()).toBeHidden();
    const pdf = await page.pdf();
    expect(pageCount(pdf)).toBeGreaterThan(0);
  });

  test('the presenting view prints a handout, a page per step, with no buttons', async ({ page }) => {
    const claims = await claimsOf(page);
    await page.goto('./?mode=present&step=3');
    await appReady(page);
    const pdf = await page.pdf();
    expect(pageCount(pdf)).toBe(claims.length + 2);

    await page.emulateMedia({ media: 'print' });
    const pages = page.locator('.handout-page');
    await expect(pages).toHaveCount(claims.length + 2);
    await expect(page.locator('button:visible')).toHaveCount(0);
    for (const [i, c] of claims.entries()) {
      const sheet = pages.nth(i + 1);
      await expect(sheet.locator('.print-map')).toBeVisible();
      await expect(sheet.locator('blockquote.sentence')).toHaveText(c.quote);
      if (c.note) await expect(sheet.locator('.note')).toContainText(c.note);
      for (const gap of await headGaps(page, `.handout-page:nth-child(${i + 2}) .print-map`))
        expect(gap).toBeLessThanOrEqual(2);
    }
  });
});
