/**
 * CSS cannot import the page's start states (`start/policy.ts`): the stylesheets of src/ spell
 * them in selectors on the root element (`html[data-app='starting']`). This holds every such
 * selector to the names the loader and the app set, so renaming a state, or the attribute,
 * fails here until the CSS follows.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_START, APP_START_ATTRIBUTE } from '../../src/start/policy';

function styleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return styleFiles(path);
    return /\.(svelte|css)$/.test(entry.name) ? [path] : [];
  });
}

/** Every `html[attribute='value']` in the stylesheets, with where it is. */
const rootSelectors = styleFiles('src').flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/html\[([\w-]+)=['"]?([\w-]+)['"]?\]/g)].map(
    ([selector, attribute, value]) => ({ file, selector, attribute, value }),
  ),
);

describe("the page's start states in CSS", () => {
  it('are the states the loader and the app set, on the attribute they set', () => {
    expect(rootSelectors.length).toBeGreaterThan(0);
    const states: string[] = Object.values(APP_START);
    for (const { file, selector, attribute, value } of rootSelectors) {
      expect(attribute, `${file}: ${selector}`).toBe(APP_START_ATTRIBUTE);
      expect(states, `${file}: ${selector}`).toContain(value);
    }
  });
});
