import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './tests/e2e/browser';
import { isFirstStory, storyUnderTest, TEST_STORY_OUT } from './tests/support';
import { resolve } from 'node:path';

/**
 * Browser tests run against the built site (`vite preview`), in Debian's Chromium where it is
 * installed (CI, this project's machines) and Playwright's own browser elsewhere.
 */
const PORT = Number(process.env.E2E_PORT ?? 4178);
const FIXTURE_OUT = resolve('node_modules/.cache/fixture-dist');
/** The story the engine's browser tests run on: `data/`, or another folder (`TEST_STORY=path`). */
const STORY = storyUnderTest('data');
const OUT = isFirstStory(STORY) ? 'dist' : resolve(TEST_STORY_OUT);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1000, height: 700 },
    launchOptions: launchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // `--outDir`: preview serves the last build by default, and the second story builds too.
      command: `npx vite build --logLevel warn && npx vite preview --outDir ${OUT} --port ${PORT} --strictPort --host 127.0.0.1`,
      env: isFirstStory(STORY) ? {} : { STORY, OUT_DIR: OUT },
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // A second, different story built by the same engine (tests/fixtures/story).
      command: `npx vite build --logLevel warn && npx vite preview --outDir ${FIXTURE_OUT} --port ${PORT + 1} --strictPort --host 127.0.0.1`,
      env: { STORY: 'tests/fixtures/story', OUT_DIR: FIXTURE_OUT },
      url: `http://127.0.0.1:${PORT + 1}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
