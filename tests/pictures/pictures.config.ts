import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * `npm run pictures`: the README's pictures, taken from the built site by the browser tests'
 * server and browser. Not part of `npm test`: it writes files, it asserts nothing new.
 */
const [site] = [base.webServer].flat();
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'pictures.spec.ts',
  retries: 0,
  timeout: 180_000,
  webServer: { ...site!, cwd: resolve(import.meta.dirname, '../..') },
});
