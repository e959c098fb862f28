// One program, screens on demand (ARCHITECTURE.md, "One program, split"):
// every link downloads the one main module (the runtime, the shell, the home
// screen) and its own screen's files, which index.html preloads; moving to
// any other screen fetches that screen's files the first time and never
// reloads the page; back and forward work; a screen whose file cannot be
// downloaded says so with 重试, and nothing typed is lost.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './guard.mjs';

const MAIN = /\/app-[0-9a-f]{16}\/bangfu_bg\.wasm$/;

/** Each screen's files as the build wrote them into index.html. */
function screenFiles() {
  const html = readFileSync(path.resolve('dist', 'index.html'), 'utf8');
  const json = html.match(/var screens = (\{[^;]*\});/)?.[1];
  expect(json, 'index.html lists the screens\' files').toBeTruthy();
  return JSON.parse(json);
}

/** Paths of the .wasm files the page requests, in order. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.wasm')) seen.push(p);
  });
  return seen;
}

// 3万 as typed (full-width) or as a link rewrote it: the same amount, read as 30,000.
const THREE = /^[3３]万$/;

const names = (paths) => paths.map((p) => p.split('/').pop());

const cases = [
  ['/', null, '#tile-check'],
  ['/?v=loan&amount=3万&from=singlemessage', 'loan', '#amount'],
  ['/?v=policy', 'policy', 'h1:text("政策解读")'],
  ['/?v=policy&id=tekun&read=1&from=singlemessage', 'policy', '#entry-title'],
  ['/?v=check', 'check', 'h1:text("家庭自查")'],
  ['/?v=households&isappinstalled=0', 'households', 'h1:text("农户名单")'],
  ['/?v=local&from=singlemessage', 'local', 'h1:text("本地数字")'],
  ['/?v=risk', 'risk', 'h1:text("风险补偿金测算")'],
  ['/?v=qr&for=v%3Dloan&from=singlemessage', 'qr', '#qr-code'],
  ['/?v=village&from=singlemessage', 'village', 'h1:text("村情汇总")'],
];
// The household list fetches the self-check's files once it has painted (a
// cadre opens households in it, app.rs `preload_household`): after all of
// its own, and nothing else.
const AFTER = { households: 'check' };
for (const [url, screen, ready] of cases) {
  test(`${url} downloads the one main module and only its own screen's files`, async ({ page }) => {
    const files = screenFiles();
    const wasm = wasmRequests(page);
    await page.goto(url);
    await expect(page.locator(ready)).toBeVisible();
    await page.waitForTimeout(AFTER[screen] ? 1500 : 0);
    await page.waitForLoadState('networkidle');
    expect(wasm.filter((p) => MAIN.test(p))).toHaveLength(1);
    const own = screen ? files[screen] : [];
    expect(own.length > 0 || !screen).toBe(true);
    const next = AFTER[screen] ? files[AFTER[screen]] : [];
    const requested = names(wasm.filter((p) => !MAIN.test(p)));
    expect(new Set(requested)).toEqual(new Set([...own, ...next]));
    // The next screen's files are asked for only after all of the link's own.
    const ahead = requested.findIndex((f) => !own.includes(f));
    if (ahead >= 0) expect(requested.slice(ahead).filter((f) => own.includes(f))).toEqual([]);
    expect(ahead >= 0).toBe(!!AFTER[screen]);
    // Every file came from the same build's directory.
    expect(new Set(wasm.map((p) => p.split('/').slice(-2)[0])).size).toBe(1);
  });
}

test('村情汇总 comes in the household list\'s file: opening it from the list downloads nothing more', async ({ page }) => {
  const files = screenFiles();
  expect(files.village).toEqual(files.households);
  const wasm = wasmRequests(page);
  await page.goto('/?v=households');
  await expect(page.locator('h1:text("农户名单")')).toBeVisible();
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  const before = wasm.length;
  await page.locator('#go-village').click();
  await expect(page.locator('h1:text("村情汇总")')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(wasm.slice(before)).toEqual([]);
});

test('every screen opens by navigating, one runtime, no page load; back and forward work', async ({ page }) => {
  const files = screenFiles();
  const wasm = wasmRequests(page);
  await page.goto('/');
  await expect(page.locator('#tile-check')).toBeVisible();
  // A page load would lose this.
  await page.evaluate(() => { window.bangfuSamePage = true; });
  const steps = [
    ['#tile-loan, #open-loan', 'loan', '#amount'],
    ['#go-home', null, '#tile-check'],
    ['#tile-check', 'check', 'h1:text("家庭自查")'],
    ['#go-home', null, '#tile-check'],
    ['#tile-policy', 'policy', 'h1:text("政策解读")'],
    ['#go-home', null, '#tile-check'],
    ['#tile-households', 'households', 'h1:text("农户名单")'],
    ['#go-village', 'village', 'h1:text("村情汇总")'],
    ['#go-home', null, '#tile-check'],
    ['#tile-local', 'local', 'h1:text("本地数字")'],
    ['#go-home', null, '#tile-check'],
    ['#tile-risk', 'risk', 'h1:text("风险补偿金测算")'],
  ];
  for (const [tap, screen, ready] of steps) {
    await page.locator(tap).first().click();
    await expect(page.locator(ready)).toBeVisible();
    if (screen) expect(new URL(page.url()).searchParams.get('v')).toBe(screen);
    for (const f of screen ? files[screen] : []) expect(names(wasm)).toContain(f);
  }
  // The QR screen, from a share card.
  await page.goto('about:blank');
  wasm.length = 0;
  await page.goto('/?v=loan&amount=2万');
  await expect(page.locator('#amount')).toHaveValue('2万');
  await page.evaluate(() => { window.bangfuSamePage = true; });
  await page.getByRole('button', { name: '二维码' }).first().click();
  await expect(page.locator('#qr-code')).toBeVisible();
  for (const f of files.qr) expect(names(wasm)).toContain(f);
  expect(await page.evaluate(() => window.bangfuSamePage)).toBe(true);
  await page.goBack();
  await expect(page.locator('#amount')).toHaveValue('2万');
  await page.goForward();
  await expect(page.locator('#qr-code')).toBeVisible();
  expect(await page.evaluate(() => window.bangfuSamePage)).toBe(true);
  expect(wasm.filter((p) => MAIN.test(p))).toHaveLength(1);
  // No file was fetched twice.
  expect(new Set(wasm).size).toBe(wasm.length);
});

test('moving between screens loses nothing; back and forward go through every screen', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto('/?v=loan');
  await expect(page.locator('#amount')).toBeVisible();
  // Typed, then a plain link (a page load) within the same task: what was
  // just typed is saved before the page goes.
  await page.fill('#amount', '３万');
  await page.evaluate(() => {
    const go = document.createElement('a');
    go.href = '?v=check';
    document.getElementById('screen').appendChild(go);
    go.click();
  });
  await expect(page.locator('h1')).toHaveText('家庭自查');
  expect(new URL(page.url()).search).toBe('?v=check');
  // From here on, no page loads.
  await page.evaluate(() => { window.bangfuSamePage = true; });
  const mains = wasm.filter((p) => MAIN.test(p)).length;
  await page.click('#go-home');
  await page.click('#open-loan');
  await expect(page.locator('#amount')).toHaveValue(THREE);
  await page.goBack();
  await expect(page.locator('#tile-check')).toBeVisible();
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('家庭自查');
  await page.goForward();
  await page.goForward();
  await expect(page.locator('#amount')).toHaveValue(THREE);
  // Back through all of it to the self-check.
  for (let i = 0; i < 2; i++) await page.goBack();
  await expect(page.locator('h1')).toHaveText('家庭自查');
  expect(await page.evaluate(() => window.bangfuSamePage)).toBe(true);
  expect(wasm.filter((p) => MAIN.test(p))).toHaveLength(mains);
  // The estimator's link to its policy entry is the entry's page (a page of
  // its own, ARCHITECTURE.md "Policy pages"), and back returns to the figures.
  await page.goForward();
  await page.goForward();
  await expect(page.locator('#amount')).toHaveValue(THREE);
  await page.click('#product-policy');
  await expect(page.locator('#entry-title')).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/policy\/[a-z0-9-]+\.html$/);
  await page.goBack();
  await expect(page.locator('#amount')).toHaveValue(THREE);
  await page.goForward();
  await expect(page.locator('#entry-title')).toBeVisible();
});

for (const base of ['/', '/bangfu/']) {
  test(`a mangled link opens the screen the app reads, with one runtime (${base})`, async ({ page }) => {
    const files = screenFiles();
    const wasm = wasmRequests(page);
    // An escaped letter: index.html does not decode it (no preload), the app does.
    await page.goto(`${base}?v=%63heck&from=singlemessage`);
    await expect(page.locator('h1')).toHaveText('家庭自查');
    for (const f of files.check) expect(names(wasm)).toContain(f);
    // Two views: the app takes the first; the estimate in the link is used.
    wasm.length = 0;
    await page.goto(`${base}?v=loan&v=check&amount=2万`);
    await expect(page.locator('#amount')).toHaveValue('2万');
    expect(new URL(page.url()).searchParams.get('v')).toBe('loan');
    expect(wasm.filter((p) => MAIN.test(p))).toHaveLength(1);
    wasm.length = 0;
    await page.goto(`${base}?v=%70olicy&id=tekun&read=1&from=singlemessage`);
    await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
    expect(new URL(page.url()).pathname).toBe(base);
    // Without read=1 the same link is the entry's page.
    await page.goto(`${base}?v=%70olicy&id=tekun&from=singlemessage`);
    await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
    expect(new URL(page.url()).pathname).toBe(`${base}policy/tekun.html`);
  });
}

test.describe('without a service worker (iPhone WeChat, or before the first visit has cached everything)', () => {
  // With one, every file is cached after the first load and no request is cut.
  test.use({ serviceWorkers: 'block' });
  test('a screen whose file cannot be downloaded says so, offers 重试, and keeps what was typed', async ({ page }) => {
    const files = screenFiles();
    await page.goto('/?v=loan');
    await page.fill('#amount', '4万');
    // The self-check's own file fails (a flaky network).
    const own = files.check.at(-1);
    let cut = true;
    await page.route(`**/${own}`, (route) => (cut ? route.abort('internetdisconnected') : route.continue()));
    await page.click('#go-home');
    await page.click('#tile-check');
    await expect(page.locator('#chunk-failed')).toBeVisible();
    await expect(page.locator('#chunk-failed')).toContainText('这一页没能下载下来');
    await expect(page.locator('#chunk-failed')).toContainText('您填的内容都还在');
    await page.screenshot({ path: 'tests/e2e/screenshots/chunk-failed-360x740.png' });
    // The rest of the app still works.
    await page.click('#go-home');
    await page.click('#open-loan');
    await expect(page.locator('#amount')).toHaveValue('4万');
    await page.click('#go-home');
    await page.click('#tile-check');
    await expect(page.locator('#chunk-failed')).toBeVisible();
    // The network is back: 重试 downloads it.
    cut = false;
    await page.click('#chunk-retry');
    await expect(page.locator('h1')).toHaveText('家庭自查');
    await page.click('#go-home');
    await page.click('#open-loan');
    await expect(page.locator('#amount')).toHaveValue('4万');
  });
});
