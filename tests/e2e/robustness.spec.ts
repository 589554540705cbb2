/**
 * Hostile or odd input never breaks the page: fuzzed URLs, messages from a parent page, a lost
 * WebGL context, a thousand step changes; and the page stores nothing but preferences.
 */
import { test, expect, appReady, mapIdle, serveDist, FAKE_HOST, roles, type ClaimMapHandle } from './fixtures';

test('messages from a parent page are checked, and the embed keeps working', async ({ page }) => {
  await serveDist(page, '/site/');
  await page.route(`${FAKE_HOST}/host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Host</title><link rel="icon" href="data:,"><iframe id="e" src="${FAKE_HOST}/site/embed.html?claim=${roles.last}" title="Embed" style="width:100%;height:600px;border:0"></iframe>`,
    }),
  );
  await page.goto(`${FAKE_HOST}/host.html`);
  const frame = page.frameLocator('#e');
  await expect(frame.locator('html')).toHaveAttribute('data-app', 'ready');
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.evaluate(() => {
    const target = (document.getElementById('e') as HTMLIFrameElement).contentWindow!;
    const junk: unknown[] = [
      'pymxPYMxembed-1xPYMxnavigateToxPYMxjavascript:alert(1)',
      'pymxPYMx',
      '<img src=x onerror=alert(1)>',
      { type: 'claim-map:height', height: 'x' },
      { sentinel: 'amp', type: { toString: null } },
      { type: 'claim-map/step', step: 1e9 },
      null,
      undefined,
      12,
      'x'.repeat(100_000),
      [1, 2, 3],
      new ArrayBuffer(8),
    ];
    for (const data of junk) target.postMessage(data, '*');
  });
  await expect(frame.locator('img[src="x"]')).toHaveCount(0);
  await frame.locator('select').selectOption(roles.arrows);
  await expect(frame.locator(`[data-claim-card="${roles.arrows}"]`)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a lost WebGL context hands the map back to the SVG, and selection keeps working', async ({ page }) => {
  await page.goto(`./?claim=${roles.arrows}`);
  await mapIdle(page);
  await page.evaluate(() => {
    const canvas = document.querySelector('#map canvas') as HTMLCanvasElement;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
  });
  await expect(page.locator('#map')).toHaveAttribute('data-state', 'fallback');
  await expect(page.locator('#map .static-layer')).toBeVisible();
  await expect(
    page.locator(`#map .static-map g.arc[data-emphasis="selected"][data-claim="${roles.arrows}"]`).first(),
  ).toBeAttached();
  // A claim drawn as a marker (a point), or else another claim's arrows.
  const other = roles.point ?? roles.other;
  await page.locator(`button.badge[data-claim="${other}"]`).click();
  await expect(page.locator(`[data-claim-card="${other}"]`)).toBeVisible();
  const drawn = roles.point ? '.map-symbols .marker' : '.static-map *';
  await expect(page.locator(`#map ${drawn}[data-emphasis="selected"][data-claim="${other}"]`).first()).toBeAttached();
});

test('a thousand step changes leave no extra listeners or map layers behind', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await mapIdle(page);
  const cdp = await page.context().newCDPSession(page);
  const listeners = async () => {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      total += (
        await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1, pierce: true })
      ).listeners.length;
    }
    return total;
  };
  const layers = () =>
    page.evaluate(() =>
      (
        document.querySelector('#map .maplibre') as unknown as { claimMap: ClaimMapHandle & { layerCount(): number } }
      ).claimMap.layerCount(),
    );
  const steps = (count: number) =>
    page.evaluate(async (count) => {
      const badges = [...document.querySelectorAll<HTMLButtonElement>('button.badge')];
      for (let i = 0; i < count; i++) {
        badges[i % badges.length]!.click();
        if (i % 25 === 0) await new Promise(requestAnimationFrame);
      }
    }, count);
  await steps(50);
  const before = { listeners: await listeners(), layers: await layers() };
  await steps(1000);
  await page.keyboard.press('Escape');
  expect({ listeners: await listeners(), layers: await layers() }).toEqual(before);
});

test('nothing is stored but the classroom’s preferences', async ({ page, context }) => {
  await page.goto(`./?claim=${roles.last}`);
  await appReady(page);
  await page.locator('button.badge').first().click();
  await page.goto('./?mode=present&step=2');
  await expect(page.locator('.present')).toHaveAttribute('data-step', '2');
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.goto('./embed.html');
  await appReady(page);
  const stored = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
  // The classroom's display (text size, contrast) and, per lesson, whether it reveals in stages.
  expect(stored.session).toEqual([]);
  expect(stored.local).toContain('claim-map:present');
  for (const key of stored.local) expect(key).toMatch(/^claim-map:(present|staged:.+)$/);
  expect(await context.cookies()).toEqual([]);
});

test('the built pages carry a strict Content-Security-Policy', async ({ page }) => {
  for (const path of ['./', './embed.html']) {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  }
});
