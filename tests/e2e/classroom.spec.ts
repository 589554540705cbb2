/**
 * Classroom mode: a teacher steps through the claims with keys, a clicker, buttons or swipes;
 * the step is in the URL; a presenter view drives the presenting window and follows it.
 */
import { test, expect, mapIdle, mapSettled, published, type ClaimMapHandle } from './fixtures';
import type { Page } from '@playwright/test';
import { claimTitle } from '../../src/story/wording';
import type { Modality } from '../../src/story/types';

interface PublishedClaims {
  claims: { id: string; caption: string; modality: Modality; paragraph: number; sentence: number; quote: string }[];
}

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

const stepOf = async (page: Page) => Number(await page.locator('.present').getAttribute('data-step'));

async function expectStep(page: Page, step: number) {
  await expect(page.locator('.present')).toHaveAttribute('data-step', String(step));
  await expect(page).toHaveURL(new RegExp(`[?&]step=${step}(&|$)`));
  await expect(page.locator('.progress')).toHaveText(new RegExp(`^${step} / \\d+$`));
}

test('every key steps as the help says, and nothing wraps', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const count = claims.length + 2;
  await page.goto('./?mode=present');
  await expectStep(page, 1);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  for (const key of ['ArrowRight', 'Space', 'PageDown', 'Enter']) {
    const before = await stepOf(page);
    await page.keyboard.press(key);
    await expectStep(page, before + 1);
  }
  for (const key of ['ArrowLeft', 'PageUp', 'Backspace']) {
    const before = await stepOf(page);
    await page.keyboard.press(key);
    await expectStep(page, before - 1);
  }
  await page.keyboard.press('End');
  await expectStep(page, count);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, count);
  await page.keyboard.press('Home');
  await expectStep(page, 1);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 1);

  // A number then Enter: that step. Step 2 is the first claim.
  await page.keyboard.press('4');
  await page.keyboard.press('Enter');
  await expectStep(page, 4);
  const claim = claims[2]!;
  // Attributed to the article, never the caption alone.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(claimTitle(claim));
  await expect(page.locator('blockquote.sentence')).toHaveText(claim.quote);
  await expect(page.locator('blockquote.sentence')).toHaveCSS('font-size', /^(2[4-9]|[3-9]\d)(\.\d+)?px$/);
  // Its flow is the one highlighted: on the symbol layer and the SVG map, the others dimmed.
  await expect(page.locator(`#map [data-claim="${claim.id}"][data-emphasis]`).first()).toHaveAttribute(
    'data-emphasis',
    'selected',
  );
  await expect(page.locator(`#map [data-claim]:not([data-claim="${claim.id}"])[data-emphasis="selected"]`)).toHaveCount(
    0,
  );
  await expect(page.locator(`#map [data-emphasis="other"]`).first()).toBeAttached();

  // Blank and show again, with B and with the clicker's full stop.
  await page.keyboard.press('b');
  await expect(page.locator('.blackout')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.locator('.blackout')).toHaveCount(0);
  await page.keyboard.press('.');
  await expect(page.locator('.blackout')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.blackout')).toHaveCount(0);
  // While blanked, the first step key only shows the screen again, as presentation tools do.
  await page.keyboard.press('b');
  await page.keyboard.press('PageDown');
  await expect(page.locator('.blackout')).toHaveCount(0);
  await expectStep(page, 4);

  // Help lists the keys.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keys' })).toContainText('Page Down');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Escape, outside full screen, asks first (a clicker's slideshow button sends it); Enter leaves
  // for the reader with the claim selected.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toContainText('Leave the lesson?');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`\\?claim=${claim.id}$`));
  await expect(page.locator(`#sentence-p${claim.paragraph}s${claim.sentence}`)).toHaveClass(/selected/);
});

test('the buttons do it all too, and a reload keeps the step', async ({ page }) => {
  await page.goto('./?mode=present&step=3');
  await expectStep(page, 3);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectStep(page, 4);
  await page.getByRole('button', { name: '← Previous' }).click();
  await expectStep(page, 3);
  await page.getByRole('button', { name: 'Last' }).click();
  await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await page.getByRole('button', { name: 'First' }).click();
  await expectStep(page, 1);
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.getByRole('button', { name: 'High contrast' }).click();
  await expect(page.locator('.present')).toHaveAttribute('data-theme', 'projector');
  // The map takes the projector's palette too.
  await expect(page.locator('#map')).toHaveAttribute('data-theme', 'projector');
  await page.goto('./?mode=present&step=5');
  await page.reload();
  await expectStep(page, 5);
  // The text size and theme are remembered: the only thing the page stores.
  await expect(page.locator('.present')).toHaveAttribute('data-theme', 'projector');
  await expect(page.locator('.present')).toHaveAttribute('style', /--scale: 1\.1/);
});

test('odd step numbers in a link are clamped, not errors', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./?mode=present&step=999999');
  await expectStep(page, claims.length + 2);
  await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await page.goto('./?mode=present&step=-4');
  await expectStep(page, 1);
});

test('with reduced motion, a step moves the camera without animating', async ({ page }) => {
  await page.goto('./?mode=present');
  await mapIdle(page);
  const kabul = () =>
    page.evaluate(() =>
      (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.project([
        69.17, 34.53,
      ]),
    );
  const before = await kabul();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.present')).toHaveAttribute('data-step', '3');
  // The camera jumps: two frames later it has moved, and a second later it is still there.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const moved = await kabul();
  expect(Math.hypot(moved[0] - before[0], moved[1] - before[1])).toBeGreaterThan(20);
  await page.waitForTimeout(1000);
  const later = await kabul();
  expect(later[0]).toBeCloseTo(moved[0], 0);
  expect(later[1]).toBeCloseTo(moved[1], 0);
  // No arrow is drawn in.
  await expect(page.locator('#map .draw-in')).toBeHidden();
});

test('once the map has the focus, every step key still steps, and Shift + arrows pan the map', async ({ page }) => {
  await page.goto('./?mode=present&step=3');
  await expectStep(page, 3);
  // A teacher clicks the map (the zoomable one, once it is there), then uses the keyboard or a clicker.
  await mapIdle(page);
  const canvas = page.locator('#map .maplibregl-canvas');
  await canvas.click({ position: { x: 20, y: 20 } });
  await expect(canvas).toBeFocused();
  const kabul = () =>
    page.evaluate(() =>
      (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.project([
        69.17, 34.53,
      ]),
    );
  await mapSettled(page);
  const atStep3 = await kabul();
  let step = 3;
  for (const [key, change] of [
    ['ArrowRight', 1],
    ['PageDown', 1],
    ['Space', 1],
    ['Enter', 1],
    ['ArrowLeft', -1],
    ['PageUp', -1],
    ['Backspace', -1],
    ['ArrowLeft', -1],
  ] as const) {
    await page.keyboard.press(key);
    step += change;
    await expectStep(page, step);
  }
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.keyboard.press('End');
  await expectStep(page, claims.length + 2);
  await page.keyboard.press('Home');
  await expectStep(page, 1);
  await page.keyboard.press('4');
  await page.keyboard.press('Enter');
  await expectStep(page, 4);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 3);
  // The step keys moved the lesson, not the map: back at step 3, the camera is where step 3 put it.
  await expect(canvas).toBeFocused();
  await mapSettled(page);
  const back = await kabul();
  expect(back[0]).toBeCloseTo(atStep3[0], 0);
  expect(back[1]).toBeCloseTo(atStep3[1], 0);
  // Shift + arrow pans the map by 100 px, and leaves the step alone.
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => Math.round((await kabul())[0])).toBe(Math.round(back[0] - 100));
  expect((await kabul())[1]).toBeCloseTo(back[1], 0);
  await expectStep(page, 3);
});

test('a lesson of chosen claims presents just those, in that order', async ({ page }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const [a, b] = [claims[5]!, claims[1]!];
  await page.goto(`./?mode=present&claim=${a.id},${b.id}`);
  await expect(page.locator('.progress')).toHaveText('1 / 4');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(claimTitle(a));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(claimTitle(b));
  await expect(page).toHaveURL(new RegExp(`claim=${a.id},${b.id}`));
});

test('a swipe steps on a touch screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto('./?mode=present&step=2');
  await expect(page.locator('.present')).toHaveAttribute('data-step', '2');
  const swipe = (fromX: number, toX: number) =>
    page.evaluate(
      ([a, b]) => {
        const el = document.querySelector('.present')!;
        const touch = (x: number) => new Touch({ identifier: 1, target: el, clientX: x, clientY: 200 });
        el.dispatchEvent(
          new TouchEvent('touchstart', { touches: [touch(a!)], changedTouches: [touch(a!)], bubbles: true }),
        );
        el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(b!)], bubbles: true }));
      },
      [fromX, toX],
    );
  await swipe(600, 200);
  await expect(page.locator('.present')).toHaveAttribute('data-step', '3');
  await swipe(200, 600);
  await expect(page.locator('.present')).toHaveAttribute('data-step', '2');
  await context.close();
});

test('a presenter view opened from its own address joins the room’s step', async ({ page, context }) => {
  await page.goto('./?mode=present&step=5');
  await expectStep(page, 5);
  const presenter = await context.newPage();
  await presenter.goto('./?mode=presenter');
  await expect(presenter.locator('.presenter')).toHaveAttribute('data-step', '5');
  // Its first key moves on from there, not from step 1.
  await presenter.keyboard.press('ArrowRight');
  await expectStep(page, 6);
});

test('the presenter view drives the presenting window, and follows it', async ({ page, context }) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  await page.goto('./?mode=present&step=2');
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open presenter view' }).click(),
  ]);
  await presenter.waitForLoadState();
  await expect(presenter.locator('.presenter')).toHaveAttribute('data-step', '2');
  await expect(presenter.getByRole('heading', { name: /^Now:/ })).toHaveText(`Now: ${claimTitle(claims[0]!)}`);
  await expect(presenter.getByRole('heading', { name: /^Next:/ })).toHaveText(`Next: ${claimTitle(claims[1]!)}`);
  await expect(presenter.locator('.timer')).toContainText(/\d+:\d\d/);

  await presenter.getByRole('button', { name: 'Next →' }).click();
  await expect(page.locator('.present')).toHaveAttribute('data-step', '3');
  await expect(page).toHaveURL(/step=3/);

  await page.keyboard.press('ArrowRight');
  await expect(presenter.locator('.presenter')).toHaveAttribute('data-step', '4');
  await expect(presenter).toHaveURL(/mode=presenter.*step=4|step=4.*mode=presenter/);
});

test('the reader has a Present button, and a kiosk link steps on its own', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Present ▸' }).click();
  await expect(page).toHaveURL(/mode=present/);
  await expect(page.locator('.present')).toHaveAttribute('data-step', '1');
  await page.goto('./?mode=present&autoplay=3');
  await expect(page.getByText('Autoplay every 3 s')).toBeVisible();
  await expect(page.locator('.present')).toHaveAttribute('data-step', '2', { timeout: 10_000 });
});

test('one Esc never leaves the lesson: it asks, any other key stays, a second Esc leaves', async ({ page }) => {
  await page.goto('./?mode=present&step=3');
  await expectStep(page, 3);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expect(page).toHaveURL(/mode=present/);
  // Any other key stays, and does not also step.
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectStep(page, 3);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\?claim=/);
});

test('up and down step; a typed number cues a step behind a blank screen, and is forgotten', async ({ page }) => {
  await page.goto('./?mode=present&step=2');
  await expectStep(page, 2);
  await page.keyboard.press('ArrowDown');
  await expectStep(page, 3);
  await page.keyboard.press('ArrowUp');
  await expectStep(page, 2);
  // The controls stay where they are while a number is typed.
  const next = page.getByRole('button', { name: 'Next →' });
  const before = await next.boundingBox();
  await page.keyboard.press('7');
  await expect(page.getByText('Go to step 7… (Enter)')).toBeVisible();
  expect(await next.boundingBox()).toEqual(before);
  // Forgotten after a few seconds: Enter then steps on, as ever.
  await expect(page.getByText('Go to step 7… (Enter)')).toHaveCount(0, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await expectStep(page, 3);
  // Behind a blank screen: the step changes, the screen stays blank until shown.
  await page.keyboard.press('b');
  await page.keyboard.press('6');
  await page.keyboard.press('Enter');
  await expect(page.locator('.blackout')).toBeVisible();
  await expectStep(page, 6);
  await page.keyboard.press('b');
  await expect(page.locator('.blackout')).toHaveCount(0);
  await expectStep(page, 6);
});

test('high contrast reaches the map: the other claims fainter, the selected one stronger', async ({ page }) => {
  // The first claim's step: an arrow, its head among the others' heads.
  await page.goto('./?mode=present&step=2');
  const other = page.locator('#map path.head[data-emphasis="other"]').first();
  const selected = page.locator('#map path.head[data-emphasis="selected"]').first();
  const light = {
    other: Number(await other.getAttribute('opacity')),
    width: Number(await selected.getAttribute('stroke-width')),
  };
  await page.getByRole('button', { name: 'High contrast' }).click();
  await expect(page.locator('#map')).toHaveAttribute('data-theme', 'projector');
  await expect.poll(async () => Number(await other.getAttribute('opacity'))).toBeLessThan(light.other);
  expect(Number(await selected.getAttribute('stroke-width'))).toBeGreaterThan(light.width);
});

test('a presenter view opened from its own address joins the room’s lesson of chosen claims', async ({
  page,
  context,
}) => {
  const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
  const chosen = [claims[4]!, claims[0]!, claims[7]!];
  await page.goto(`./?mode=present&claim=${chosen.map((c) => c.id).join(',')}&step=3`);
  await expect(page.locator('.progress')).toHaveText('3 / 5');
  const presenter = await context.newPage();
  await presenter.goto('./?mode=presenter');
  await expect(presenter.locator('.presenter .progress')).toHaveText('Step 3 of 5');
  await expect(presenter.getByRole('heading', { name: /^Now:/ })).toHaveText(`Now: ${claimTitle(chosen[1]!)}`);
  await expect(presenter.getByRole('status')).toHaveText('Connected to the room’s screen');
  await presenter.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(claimTitle(chosen[2]!));
  // The room closes: the presenter view says so.
  await page.close();
  await expect(presenter.getByRole('status')).toContainText('Not connected');
});

test('a presenter view with no room (another browser profile) says it is not connected', async ({ browser }) => {
  const context = await browser.newContext();
  const presenter = await context.newPage();
  await presenter.goto('./?mode=presenter');
  await expect(presenter.getByRole('status')).toContainText('Not connected');
  await context.close();
});

test('in stages, a step shows its sentence, then the map, then the note, and the choice is kept', async ({ page }) => {
  const { claims } = await published<PublishedClaims & { claims: { note?: string }[] }>(page, 'data/claims.json');
  const claim = claims[0]!;
  await page.goto(`./?mode=present&claim=${claim.id}&step=2`);
  await expectStep(page, 2);
  await page.getByRole('button', { name: 'In stages' }).click();
  const drawn = page.locator(`#map [data-claim="${claim.id}"][data-emphasis="selected"]`);
  // The sentence alone: the class predicts what the map will draw.
  await expect(page.locator('blockquote.sentence')).toHaveText(claim.quote);
  await expect(drawn).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await expect(drawn.first()).toBeAttached();
  await expect(page.locator('.room-note')).toHaveCount(0);
  if (claim.note) {
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.room-note')).toContainText(claim.note);
  }
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3);
  // Remembered for this lesson, not for another.
  await page.reload();
  await expect(page.getByRole('button', { name: 'In stages' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('./?mode=present&step=2');
  await expect(page.getByRole('button', { name: 'In stages' })).toHaveAttribute('aria-pressed', 'false');
});
