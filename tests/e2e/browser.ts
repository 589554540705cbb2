/**
 * How the browser tests launch Chromium: Debian's where it is installed (CI and this project's
 * machines), Playwright's own elsewhere, with the flags that keep it off the network.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const systemChromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: existsSync(systemChromium) ? systemChromium : undefined,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}
