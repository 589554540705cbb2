/**
 * The key stands off the map on every screen: open, its box meets no claim's drawing and no name
 * the map shows, for the overview and each claim framed. Measured on the SVG map (no WebGL, as
 * for a reader whose browser has none), which draws every view the camera shows.
 */
import { test, expect, appReady, published } from './fixtures';
import type { Page } from '@playwright/test';

interface PublishedClaims {
  claims: { id: string }[];
}

const SCREENS = [
  { name: 'reader 1280×720', url: './', viewport: { width: 1280, height: 720 }, mobile: false, each: true },
  { name: 'reader 1920×1080', url: './', viewport: { width: 1920, height: 1080 }, mobile: false, each: true },
  { name: 'phone 390×844', url: './', viewport: { width: 390, height: 844 }, mobile: true, each: true },
  { name: 'embed 600', url: './embed.html', viewport: { width: 600, height: 700 }, mobile: false, each: true },
  { name: 'embed 360', url: './embed.html', viewport: { width: 360, height: 640 }, mobile: true, each: true },
  {
    name: 'presenting 1024×768',
    url: './?mode=present',
    viewport: { width: 1024, height: 768 },
    mobile: false,
    each: false,
  },
];

/** What of the map's claims and names, as shown (clipped to the map), lies under the key's box. */
function underKey(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const key = document.querySelector('#map .legend-box')!.getBoundingClientRect();
    const area = document.querySelector('#map .map-area')!.getBoundingClientRect();
    const within = (r: { left: number; right: number; top: number; bottom: number }, x: number, y: number) =>
      x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    const hits: string[] = [];
    // The arcs and claimed borders, sampled along their curves where the map shows them.
    for (const path of document.querySelectorAll<SVGPathElement>(
      '#map .static-map g.arc defs path, #map .static-map .claim-border',
    )) {
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      for (let i = 0; i <= 40; i++) {
        const p = path.getPointAtLength((length * i) / 40);
        const [x, y] = [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f];
        if (within(area, x, y) && within(key, x, y)) hits.push(`${path.getAttribute('class')} ${i}`);
      }
    }
    // Names, heads, markers, badges and areas: their boxes, clipped to the map.
    for (const el of document.querySelectorAll('#map .map-symbols text, #map .map-symbols [data-claim], #map .area')) {
      const b = el.getBoundingClientRect();
      const [l, r, t, bt] = [
        Math.max(b.left, area.left),
        Math.min(b.right, area.right),
        Math.max(b.top, area.top),
        Math.min(b.bottom, area.bottom),
      ];
      if (l >= r || t >= bt || b.width === 0) continue;
      if (l < key.right && r > key.left && t < key.bottom && bt > key.top)
        hits.push(`${el.getAttribute('class') ?? el.tagName} ${el.textContent?.trim() ?? ''}`);
    }
    return hits;
  });
}

test.use({ reducedMotion: 'reduce' });
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return type.startsWith('webgl') ? null : getContext.call(this, type, ...(rest as []));
    } as typeof getContext;
  });
});

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, isMobile: screen.mobile, hasTouch: screen.mobile });

    test('the open key covers no claim and no name', async ({ page }) => {
      const { claims } = await published<PublishedClaims>(page, 'data/claims.json');
      const views = screen.each ? ['', ...claims.map((c) => c.id)] : [''];
      for (const id of views) {
        const join = screen.url.includes('?') ? '&' : '?';
        await page.goto(id ? `${screen.url}${join}claim=${id}` : screen.url);
        await appReady(page);
        const key = page.locator('#map details.legend');
        if ((await key.getAttribute('open')) === null) await key.locator('summary').click();
        await expect(key).toHaveAttribute('open', '');
        await expect(page.locator('#map')).toHaveAttribute('data-layout', 'ready');
        await expect.poll(() => underKey(page), { message: `${id || 'overview'}: under the key` }).toEqual([]);
        // Beside or above the key, the map keeps most of its room.
        const [map, area] = [page.locator('#map'), page.locator('#map .map-area')];
        const [m, a] = [(await map.boundingBox())!, (await area.boundingBox())!];
        expect(a.width * a.height, id).toBeGreaterThan(0.5 * m.width * m.height);
      }
    });
  });
}
