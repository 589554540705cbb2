/**
 * "Map your own article" (README), followed as a new user would: `npm run story:new`, fill the
 * folder, `npm run story:check`, build it into its own folder, `npm run preview`, and read it.
 * The story (tests/fixtures/news-story) differs from both others in region (Central America,
 * framed by the build from its places), genre (a news report) and kinds (one of its own), names
 * its countries as a journalist would ("CO", "PAN", "Costa Rica"), and has a place at sea and a
 * quote that runs across two sentences.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, mapIdle, clickClaimOnMap, type ClaimMapHandle } from './fixtures';
import { fillStory } from '../support';
import claims from '../fixtures/news-story/claims.json' with { type: 'json' };

const PORT = Number(process.env.E2E_PORT ?? 4178) + 2;
test.use({ baseURL: `http://127.0.0.1:${PORT}/` });

/** The commands' environment: as a new user's shell, with no story or output folder chosen. */
function shell(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!extra.STORY) delete env.STORY;
  delete env.OUT_DIR;
  return env;
}

/** `npm run <script> [-- args]` in the engine's folder, as the README says; its output. */
function npm(script: string, args: string[] = [], env: Record<string, string> = {}): string {
  return execFileSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: resolve('.'),
    env: shell(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

let folder: string;
let dir: string;
let preview: ChildProcess | null = null;

test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'map-your-own-'));
  dir = join(folder, 'news-story');
});

test.afterAll(async () => {
  // The preview server and what npm started under it: a process group of its own.
  if (preview?.pid) process.kill(-preview.pid, 'SIGTERM');
  rmSync(folder, { recursive: true, force: true });
});

test('a new story, made from the README alone, builds into its own folder and reads', async ({ page }) => {
  test.setTimeout(300_000);
  const defaultSite = statSync(resolve('dist/index.html')).mtimeMs;

  // 1. A folder to fill, with links to the schemas.
  const made = npm('story:new', [dir]);
  expect(made).toContain(`STORY=${dir} npm run build`);
  for (const file of ['article.txt', 'claims.json', 'places.json', 'story.json']) {
    expect(existsSync(join(dir, file)), file).toBe(true);
  }
  for (const file of ['claims.json', 'places.json', 'story.json']) {
    const { $schema } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { $schema: string };
    expect(existsSync(resolve(dir, $schema)), `${file}: ${$schema}`).toBe(true);
  }

  // 2. Filled in: the article, its facts, its places and its claims (no region: the build frames the places).
  fillStory(dir, 'tests/fixtures/news-story');

  // 3. Checked, then built into a folder of its own, its geography prepared beside it; the engine's
  //    own site is left as it was.
  expect(npm('story:check', [dir])).toContain('no problems (3 claims, 4 places)');
  const built = npm('build', [], { STORY: dir });
  expect(built).toContain(`into ${join(dir, 'dist')}/`);
  expect(existsSync(join(dir, 'dist/index.html'))).toBe(true);
  expect(existsSync(join(dir, 'region.topo.json'))).toBe(true);
  expect(statSync(resolve('dist/index.html')).mtimeMs).toBe(defaultSite);

  // 4. `npm run preview` serves the site built last: this one.
  preview = spawn(
    'npm',
    ['run', '--silent', 'preview', '--', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: resolve('.'),
      env: shell(),
      detached: true,
      stdio: 'ignore',
    },
  );
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${PORT}/`).catch(() => null))?.status, { timeout: 60_000 })
    .toBe(200);

  // 5. The reader: its words from its data, its own kind, the place at sea, both sentences of the quote.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Test Story: Migrants Turn to the Sea Around the Darién',
  );
  await expect(page.locator('.kicker').first()).toHaveText(/Claim map · news report/i);
  await expect(page.locator('.legend')).toContainText('Sea crossings');
  await expect(page.locator('#map')).toContainText('Caribbean Sea');
  await expect(page.getByText('Author: Test Reporter')).toBeVisible();
  await mapIdle(page);
  const ids = await page.evaluate(() =>
    (document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle }).claimMap.renderedClaimIds(),
  );
  expect(ids).toEqual(claims.claims.map((c) => c.id).sort());
  await clickClaimOnMap(page, 'boats-north');
  await expect(page.locator('#sentence-p3s1')).toHaveClass(/selected/);
  await expect(page.locator('#sentence-p3s2')).toHaveClass(/selected/);
  await page.getByRole('button', { name: /claims as a table/ }).click();
  await expect(page.locator('#claims-table')).toContainText('Sea crossings');
  await expect(page.locator('body')).not.toContainText(/opinion/i);

  // Its data, in the standards others read: an annotation per claim, a Claim per claim in the page.
  const annotations = (await (await page.request.get('data/annotations.jsonld')).json()) as { total: number };
  expect(annotations.total).toBe(claims.claims.length);
  const head = await page.locator('script[type="application/ld+json"]').textContent();
  const graph = (JSON.parse(head!) as { '@graph': { '@type': string }[] })['@graph'];
  expect(graph.filter((n) => n['@type'] === 'Claim')).toHaveLength(claims.claims.length);
});
