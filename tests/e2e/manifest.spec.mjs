// The web app manifest and icons: valid, relative (so they work from any
// sub-path), and every icon really is the size it claims.
import { test, expect } from './guard.mjs';
import { pngSize, waitForControl } from './pwa-helpers.mjs';

for (const base of ['/', '/bangfu/']) {
  test(`manifest fields and icons resolve from ${base}`, async ({ page, request }) => {
    await page.goto(base);
    const themeInPage = await page.locator('meta[name="theme-color"]').getAttribute('content');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href, page.url()).href;
    expect(manifestUrl).toBe(new URL(`${base}manifest.webmanifest`, page.url()).href);

    const res = await request.get(manifestUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const m = JSON.parse(await res.text());

    expect(m.name).toBe('帮扶助手');
    expect(m.short_name).toBeTruthy();
    expect([...m.short_name].length).toBeLessThanOrEqual(6); // fits under a home-screen icon
    expect(m.lang).toBe('zh-CN');
    expect(m.display).toBe('standalone');
    expect(m.theme_color.toLowerCase()).toBe(themeInPage.toLowerCase());
    expect(m.theme_color.toLowerCase()).toBe('#b3261e');
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    // Relative, so the same dist/ works at any path; resolved, inside the scope.
    for (const key of ['start_url', 'scope', 'id']) {
      expect(m[key], key).not.toMatch(/^(\/|[a-z]+:)/i);
    }
    const scope = new URL(m.scope, manifestUrl).href;
    expect(scope).toBe(new URL(base, page.url()).href);
    expect(new URL(m.start_url, manifestUrl).href.startsWith(scope)).toBe(true);

    expect(m.icons.length).toBeGreaterThanOrEqual(3);
    const seen = [];
    for (const icon of m.icons) {
      const url = new URL(icon.src, manifestUrl).href;
      const r = await request.get(url);
      expect(r.status(), url).toBe(200);
      expect(r.headers()['content-type'], url).toBe(icon.type);
      expect(icon.type).toBe('image/png');
      const { width, height } = pngSize(await r.body());
      expect(`${width}x${height}`, url).toBe(icon.sizes);
      seen.push(`${icon.sizes} ${icon.purpose || 'any'}`);
    }
    expect(seen).toContain('192x192 any');
    expect(seen).toContain('512x512 any');
    expect(seen).toContain('512x512 maskable');

    // The iOS home-screen icon named in index.html.
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const r = await request.get(new URL(apple, page.url()).href);
    expect(r.status()).toBe(200);
    expect(pngSize(await r.body())).toEqual({ width: 180, height: 180 });
  });
}

test('Chromium reads the manifest without errors and finds the app installable', async ({ page }) => {
  await page.goto('/bangfu/?v=home');
  await waitForControl(page);
  const cdp = await page.context().newCDPSession(page);
  const got = await cdp.send('Page.getAppManifest');
  expect(got.url).toMatch(/\/bangfu\/manifest\.webmanifest$/);
  expect(got.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, which alone rules out installing.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

test('robots.txt is valid and allows the app', async ({ request }) => {
  const r = await request.get('/robots.txt');
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toMatch(/^text\/plain/);
  const lines = (await r.text()).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const l of lines) expect(l).toMatch(/^(User-agent|Allow|Disallow|Sitemap):\s*\S+/i);
  expect(lines).toContain('User-agent: *');
  expect(lines.some((l) => /^Disallow:\s*\/\s*$/i.test(l))).toBe(false);
});
