// Offline: after one visit the service worker serves the app with no network,
// from the site root and from a sub-path, and what was typed is still there.
// Each test has its own server so it can check that, once offline, nothing at
// all reaches the host.
import { test, expect } from './guard.mjs';
import { SEED, shot, startServer, waitForControl } from './pwa-helpers.mjs';

let server;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

for (const base of ['/', '/bangfu/']) {
  test(`works offline after the first visit (${base})`, async ({ page, context }) => {
    const app = server.origin + base;
    await page.goto(app + SEED);
    await expect(page.locator('.topbar .brand')).toBeVisible();
    await waitForControl(page);
    // The first install never prompts.
    await expect(page.locator('#sw-update')).toHaveCount(0);
    // One cache, named after this scope, holding the build.
    const keys = await page.evaluate(() => caches.keys());
    expect(keys.filter((k) => k.startsWith(`bangfu:${app}:`))).toHaveLength(1);

    await page.fill('#amount', '5万');
    await expect(page.locator('#total-interest')).toHaveText('3,217.97 元');
    await page.fill('#age', '45');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('bangfu') || '')).toContain('5万');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('bangfu') || '')).toContain('45');
    const saved = await page.evaluate(() => localStorage.getItem('bangfu'));

    await context.setOffline(true);
    const before = server.requests.length;
    await page.reload();
    await expect(page.locator('#amount')).toHaveValue('5万');
    await expect(page.locator('#age')).toHaveValue('45');
    await expect(page.locator('#total-interest')).toHaveText('3,217.97 元');
    await expect(page.locator('#schedule tbody tr').first()).toContainText('306.25');

    // A link as WeChat hands it over, opened offline: the stored estimate.
    await page.goto(`${app}?v=loan&from=singlemessage&isappinstalled=0`);
    await expect(page.locator('#amount')).toHaveValue('5万');
    await expect(page.locator('#total-interest')).toHaveText('3,217.97 元');
    // Another view and index.html by name work offline as well.
    await page.goto(`${app}index.html?v=policy&id=tekun`);
    await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
    await page.screenshot({ path: shot(`offline-policy${base === '/' ? '' : '-subpath'}-360x740`) });
    // The self-check's part, never opened online, was precached too (as was
    // the policy part, just opened offline).
    await page.goto(`${app}?v=check`);
    await expect(page.locator('h1')).toHaveText('家庭自查');

    expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(saved);
    // Nothing reached the host while offline (the browser's own update checks
    // for sw.js aside, which fail offline anyway).
    expect(server.requests.slice(before).filter((r) => !/\/sw\.js /.test(r + ' '))).toEqual([]);
    await context.setOffline(false);
  });
}

test('each deployment\'s worker answers only for its own directory', async ({ browser }) => {
  // Two deployments on one origin: / and /bangfu/. Visiting one must not make
  // the other "work" offline with the wrong page.
  for (const [visited, other] of [['/bangfu/', '/'], ['/', '/bangfu/']]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}${visited}?v=home`);
      await waitForControl(page);
      const scopes = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
      expect(scopes).toEqual([`${server.origin}${visited}`]);
      await context.setOffline(true);
      // Offline, the directory never visited fails like any uncached site
      // (in its own tab: Chromium's error page would cut the next goto short).
      const probe = await context.newPage();
      const failed = await probe.goto(`${server.origin}${other}?v=home`).then(
        () => false,
        () => true,
      );
      await probe.close();
      expect(failed, `${other} after visiting ${visited}`).toBe(true);
      // The visited one still opens.
      await page.goto(`${server.origin}${visited}?v=loan`);
      await expect(page.locator('#amount')).toBeVisible();
    } finally {
      await context.close();
    }
  }
});

// Every screen, after one visit that opened only the home screen: the worker
// kept the main module and every screen's file, so each opens offline from a
// deep link (WeChat's additions included) and by navigating, and nothing
// reaches the host.
test('after one visit to the home screen, every screen opens offline, from a link and by navigating', async ({ page, context }) => {
  const app = server.origin + '/';
  await page.goto(app);
  await expect(page.locator('#tile-check')).toBeVisible();
  await waitForControl(page);
  await context.setOffline(true);
  const before = server.requests.length;
  const screens = [
    ['?v=loan&amount=3万&from=singlemessage', '#amount'],
    ['?v=policy', 'h1:text("政策解读")'],
    ['?v=policy&id=tekun&from=singlemessage', '#entry-title'],
    ['?v=check', 'h1:text("家庭自查")'],
    ['?v=households&isappinstalled=0', 'h1:text("农户名单")'],
    ['?v=village', 'h1:text("村情汇总")'],
    ['?v=local&from=singlemessage', 'h1:text("本地数字")'],
    ['?v=risk', 'h1:text("风险补偿金测算")'],
    ['?v=qr&for=v%3Dloan&from=singlemessage', '#qr-code'],
  ];
  for (const [query, ready] of screens) {
    await page.goto(app + query);
    await expect(page.locator(ready), query).toBeVisible();
    await expect(page.locator('#chunk-failed'), query).toHaveCount(0);
  }
  await page.goto(app);
  await expect(page.locator('#tile-check')).toBeVisible();
  await page.evaluate(() => { window.bangfuSamePage = true; });
  for (const [tap, ready] of [
    ['#tile-loan', '#amount'],
    ['#go-home', '#tile-check'],
    ['#tile-check', 'h1:text("家庭自查")'],
    ['#go-home', '#tile-check'],
    ['#tile-policy', 'h1:text("政策解读")'],
    ['#go-home', '#tile-check'],
    ['#tile-households', 'h1:text("农户名单")'],
    ['#go-village', 'h1:text("村情汇总")'],
    ['#go-home', '#tile-check'],
    ['#tile-local', 'h1:text("本地数字")'],
    ['#go-home', '#tile-check'],
    ['#tile-risk', 'h1:text("风险补偿金测算")'],
  ]) {
    await page.locator(tap).first().click();
    await expect(page.locator(ready), tap).toBeVisible();
  }
  expect(await page.evaluate(() => window.bangfuSamePage)).toBe(true);
  expect(server.requests.slice(before).filter((r) => !/\/sw\.js /.test(r + ' '))).toEqual([]);
  await context.setOffline(false);
});
