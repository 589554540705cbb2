/**
 * The reader's first press against a later one (issue 27): a laptop's and a phone's screen with
 * the CPU slowed 4× (`Emulation.setCPUThrottlingRate`), from a press on a claim's number in the
 * article to the first frame that shows that claim's card, and the Event Timing duration of the
 * press (what Interaction to Next Paint is made of; before the app is ready a press runs no
 * handler, so its entry ends at the next frame whatever that frame shows). The first press is the page's first gesture
 * (a reader's page starts the app on it); the later one, in the same load, is made once the app
 * is ready and the page has settled. Medians over the loads.
 */
import type { Browser, Page } from '@playwright/test';

export const PRESS_SCREENS = {
  laptop: { viewport: { width: 1280, height: 800 }, touch: false },
  phone: { viewport: { width: 390, height: 844 }, touch: true },
} as const;
export type PressScreen = keyof typeof PRESS_SCREENS;
export const CPU_SLOWDOWN = 4;

export interface Press {
  /** Press (its `pointerdown`) to the start of the first frame showing the claim's card, ms. */
  shown: number;
  /** The longest Event Timing entry of the press's interaction (INP's measure), ms. */
  inp: number;
}

/** Records presses and each card's first frame, installed before the page's own scripts. */
function record(): void {
  const log = {
    downs: [] as number[],
    interactions: new Map<number, { start: number; duration: number }>(),
    cards: new Map<string, number>(),
  };
  Object.assign(window, { pressLog: log });
  addEventListener('pointerdown', (e) => log.downs.push(e.timeStamp), { capture: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
      if (!e.interactionId) continue;
      const seen = log.interactions.get(e.interactionId);
      if (!seen || e.duration > seen.duration)
        log.interactions.set(e.interactionId, { start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  // Every frame, the cards on screen: the first frame each appears in is when the reader sees it.
  const frame = () => {
    for (const card of document.querySelectorAll<HTMLElement>('[data-claim-card]')) {
      const id = card.dataset.claimCard!;
      // This frame paints it: the task after the frame's callbacks runs once it is painted.
      if (!log.cards.has(id) && card.getClientRects().length) {
        log.cards.set(id, NaN);
        setTimeout(() => log.cards.set(id, performance.now()));
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Presses the `index`th claim number on screen and waits for its card; returns the press's figures. */
async function press(page: Page, index: number, touch: boolean): Promise<Press> {
  const badge = page.locator('article button.badge').nth(index);
  const id = (await badge.getAttribute('data-claim'))!;
  const before = await page.evaluate(
    () => (window as unknown as { pressLog: { downs: number[] } }).pressLog.downs.length,
  );
  if (touch) await badge.tap();
  else await badge.click();
  await page.waitForFunction(
    (id) => (window as unknown as { pressLog: { cards: Map<string, number> } }).pressLog.cards.get(id)! >= 0,
    id,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(300);
  return page.evaluate(
    ([id, before]) => {
      type Log = {
        downs: number[];
        interactions: Map<number, { start: number; duration: number }>;
        cards: Map<string, number>;
      };
      const log = (window as unknown as { pressLog: Log }).pressLog;
      const down = log.downs[before]!;
      const inp = Math.max(
        0,
        ...[...log.interactions.values()]
          .filter((i) => i.start >= down - 1 && i.start < down + 1000)
          .map((i) => i.duration),
      );
      return { shown: log.cards.get(id)! - down, inp };
    },
    [id, before] as [string, number],
  );
}

/** One load on `screen`: the first press, then a later one once the app is ready and settled. */
export async function measurePresses(
  browser: Browser,
  url: string,
  screen: PressScreen,
): Promise<{ first: Press; later: Press }> {
  const { viewport, touch } = PRESS_SCREENS[screen];
  const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: touch, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(record);
  await page.goto(url);
  // Loaded, painted and the app's files fetched, as a reader who reads a moment before pressing.
  await page.waitForFunction(() => document.documentElement.dataset.app === 'waiting');
  await page.waitForLoadState('networkidle');
  const first = await press(page, 0, touch);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  const later = await press(page, 1, touch);
  await context.close();
  return { first, later };
}

export type PressResults = Record<PressScreen, { first: Press[]; later: Press[] }>;

/** `runs` loads on each screen, interleaved. */
export async function measureAllPresses(browser: Browser, url: string, runs: number): Promise<PressResults> {
  const results = { laptop: { first: [], later: [] }, phone: { first: [], later: [] } } as PressResults;
  for (let i = 0; i < runs; i++)
    for (const screen of Object.keys(PRESS_SCREENS) as PressScreen[]) {
      const { first, later } = await measurePresses(browser, url, screen);
      results[screen].first.push(first);
      results[screen].later.push(later);
    }
  return results;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The table's rows: per screen, the first press and a later one to the card's frame, their
 * ratio against issue 27's goal (at most 2× a later press, and at most 200 ms), and the INP of both.
 */
export function pressRows(results: PressResults): string[][] {
  const ms = (v: number) => `${Math.round(v)} ms`;
  return (Object.keys(PRESS_SCREENS) as PressScreen[]).flatMap((screen) => {
    const { viewport } = PRESS_SCREENS[screen];
    const { first, later } = results[screen];
    const f = median(first.map((p) => p.shown));
    const l = median(later.map((p) => p.shown));
    const size = `${screen} ${viewport.width}×${viewport.height}, CPU ${CPU_SLOWDOWN}× slower`;
    return [
      [
        `First press on a number to its card's frame, ${size}: first / later press`,
        `${ms(f)} / ${ms(l)}`,
        '',
        `${(f / l).toFixed(2)}×`,
        '≤ 2× and ≤ 200 ms',
        f <= 2 * l && f <= 200 ? 'met' : '**missed**',
      ],
      [
        `… Event Timing (INP) of the first / later press, ${screen}`,
        `${ms(median(first.map((p) => p.inp)))} / ${ms(median(later.map((p) => p.inp)))}`,
        '',
        '',
        '',
        '',
      ],
    ];
  });
}
