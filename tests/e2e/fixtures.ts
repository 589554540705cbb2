/**
 * The guard every browser test runs under: it fails the test on any uncaught page error and on
 * any request to an origin other than the page's own, and gives helpers to wait on the map.
 */
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';
import { CONTENT_TYPES, isFirstStory, storyRoles, storyUnderTest, TEST_STORY_OUT } from '../support';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';

/**
 * The story the site under test is built from (`playwright.config.ts`: `data/`, or the folder
 * `TEST_STORY` names), and ids read from its data by role: the engine's tests name no claim.
 */
export const STORY_DIR = storyUnderTest('data');
export const roles = storyRoles(prepareStory(readStoryFiles(STORY_DIR)));
/** Whether the site is the first story's: tests of its reading ("first story: …") run only then. */
export const FIRST_STORY = isFirstStory(STORY_DIR);
/** Where the site under test is built (`playwright.config.ts`). */
export const DIST = resolve(FIRST_STORY ? 'dist' : TEST_STORY_OUT);

/**
 * A host that exists only inside the browser (`page.route`): other people's pages, and the
 * built site served from a sub-path, as a CDN would. Pages on it may frame each other, which
 * Chromium's local-network checks refuse between a routed page and a real local server.
 */
export const FAKE_HOST = 'http://127.0.0.1:5990';

interface Guard {
  /** Requests to other origins, failed responses, and uncaught errors, seen so far. */
  foreignRequests: string[];
  failedResponses: string[];
  pageErrors: string[];
  /** Content-Security-Policy violations the browser reported. */
  cspViolations: string[];
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page }, use) => {
      const guard: Guard = { foreignRequests: [], failedResponses: [], pageErrors: [], cspViolations: [] };
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) guard.cspViolations.push(message.text());
      });
      page.on('response', (response) => {
        if (response.status() >= 400) guard.failedResponses.push(`${response.status()} ${response.url()}`);
      });
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') guard.foreignRequests.push(request.url());
      });
      page.on('pageerror', (error) => guard.pageErrors.push(error.message));
      await use(guard);
      expect(guard.foreignRequests, 'requests to another origin').toEqual([]);
      expect(guard.pageErrors, 'uncaught page errors').toEqual([]);
      expect(guard.failedResponses, 'failed requests').toEqual([]);
      expect(guard.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Starts the app as a reader's first gesture does (a reader's page waits for one: the inline
 * loader in build/prerender.ts): a key pressed that does nothing else (Shift). Then waits until
 * the app has taken the page over. A frame (the embed) does not wait: give its locator.
 */
export async function appReady(page: Page | FrameLocator): Promise<void> {
  const root = page.locator('html');
  if ('keyboard' in page && (await root.getAttribute('data-app')) !== 'ready') await page.keyboard.press('Shift');
  await expect(root).toHaveAttribute('data-app', 'ready');
}

/**
 * Shows intent on the map as a reader would, by pointing at it: where the screen is large enough,
 * that is what starts MapLibre (start/policy.ts). Starts the app first: before it, nothing listens.
 * In a frame, give the frame's locator.
 */
export async function showIntent(page: Page | FrameLocator): Promise<void> {
  await appReady(page);
  await page.locator('#map').hover();
}

/**
 * Points at the map, then waits until MapLibre has taken over from the SVG map and finished
 * drawing (no fixed sleeps). On a small screen, press "Zoom and pan" first.
 */
export async function mapIdle(page: Page | FrameLocator): Promise<void> {
  await showIntent(page);
  // Software WebGL on a busy 2-core machine can take a while: wait on state, generously.
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'idle', { timeout: 45_000 });
  await expect(page.locator('#map')).toHaveAttribute('data-layout', 'ready');
  await expect.poll(() => page.locator('#map .maplibre').evaluate((el) => 'claimMap' in el)).toBe(true);
}

/**
 * Waits for the camera to finish a move that the last action started, and for the layout of
 * the view it came to (computed by a worker) to be drawn.
 */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = document.getElementById('map');
    return map?.dataset.state === 'idle' && map.dataset.layout === 'ready';
  });
}

export interface ClaimMapHandle {
  renderedClaimIds(): string[];
  renderedFlowCount(): number;
  screenPoint(id: string): [number, number] | null;
  project(lngLat: [number, number]): [number, number];
  /** Where each arrow MapLibre draws starts and ends (longitude, latitude), as the layout runs it. */
  arcEnds(): [[number, number], [number, number]][];
  emphasis(id: string): 'none' | 'selected' | 'other';
}

/** Each listed claim's highlight state in MapLibre (the feature state its paint reads). */
export async function emphasis(page: Page, ids: string[]): Promise<Record<string, string>> {
  return page.evaluate((ids) => {
    const handle = (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap;
    return Object.fromEntries(ids.map((id) => [id, handle.emphasis(id)]));
  }, ids);
}

/** Clicks the map where a claim is drawn, as a reader would. */
export async function clickClaimOnMap(page: Page, id: string): Promise<void> {
  const point = await page.evaluate(
    (claimId) =>
      (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.screenPoint(
        claimId,
      ),
    id,
  );
  expect(point, `a visible spot on the map for claim ${id}`).not.toBeNull();
  // The point is in MapLibre's canvas, which the key beside or above it leaves in part of `#map`.
  const box = (await page.locator('#map .maplibre').boundingBox())!;
  await page.mouse.click(box.x + point![0], box.y + point![1]);
}

export async function published<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok()).toBe(true);
  return (await response.json()) as T;
}

/** Serves the built site from `dist/` (or `dir`) under `prefix` on the fake host, as a CDN would. */
export async function serveDist(page: Page, prefix: string, dir = DIST) {
  await page.route(`${FAKE_HOST}${prefix}**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice(prefix.length)) || 'index.html';
    try {
      const body = readFileSync(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      await route.fulfill({ body, contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}
