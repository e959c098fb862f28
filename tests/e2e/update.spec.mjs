// A new deployment reaches people through the banner 有新版本，点此更新:
// the new worker waits, a tap activates it, the page reloads once onto the new
// build, and the old build's cache is gone. Each test serves its own copy of
// dist/ so it can "deploy" into it: change files, run the post-build step again.
import { test, expect } from './guard.mjs';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyDist, postbuild, shot, startServer, waitForControl } from './pwa-helpers.mjs';

const BANNER = '#sw-update button';

function version(dir) {
  const m = readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/^const VERSION = '([0-9a-f]{16})';$/m);
  if (!m) throw new Error('no VERSION in sw.js');
  return m[1];
}

// The second build: a marker in index.html and a changed icon, then sw.js and
// the .gz/.br files regenerated exactly as the Trunk hook does.
function deploy(dir) {
  const old = version(dir);
  const index = path.join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  writeFileSync(index, html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  <meta name="bangfu-build" content="second">'));
  const icon = path.join(dir, 'favicon.svg');
  writeFileSync(icon, readFileSync(icon, 'utf8').replace('#b3261e', '#8c1d18'));
  postbuild(dir);
  const now = version(dir);
  expect(now).not.toBe(old);
  return now;
}

async function countLoads(page) {
  await page.addInitScript(() => {
    sessionStorage.setItem('e2e-loads', String(Number(sessionStorage.getItem('e2e-loads') || 0) + 1));
  });
}
const loads = (page) => page.evaluate(() => Number(sessionStorage.getItem('e2e-loads')));

async function bangfuCaches(page, app) {
  return (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith(`bangfu:${app}:`));
}

let copy;
let server;
test.beforeEach(async () => {
  copy = copyDist('update');
  server = await startServer(copy.dir);
});
test.afterEach(async () => {
  await server?.stop();
  copy?.remove();
});

test('registration.update() finds the new build; one tap reloads onto it (/)', async ({ page, context }) => {
  // Two tabs, two updates and three page loads: on a busy 2-core machine
  // (the CI run that timed out at 30 s had a build running beside it) it
  // needs more than the default.
  test.setTimeout(60_000);
  const app = `${server.origin}/`;
  await countLoads(page);
  await page.goto(`${app}?v=loan`);
  await expect(page.locator('.topbar .brand')).toBeVisible();
  await waitForControl(page);
  await expect(page.locator('#sw-update')).toHaveCount(0);
  const first = version(copy.dir);
  expect(await bangfuCaches(page, app)).toEqual([`bangfu:${app}:${first}`]);

  const second = deploy(copy.dir);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
  });
  const banner = page.locator(BANNER);
  await expect(banner).toHaveText('有新版本，点此更新');
  await expect(banner).toBeInViewport();
  const box = await banner.boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(48);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shot('update-banner-360x740') });
  // Until the tap, the old build keeps running and the new one waits.
  await expect(page.locator('meta[name="bangfu-build"]')).toHaveCount(0);
  expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting)).toBe(true);

  // A tab opened now still gets the old build, and is offered the update too.
  const other = await context.newPage();
  await other.goto(`${app}?v=home`);
  await expect(other.locator(BANNER)).toBeVisible();
  await expect(other.locator('meta[name="bangfu-build"]')).toHaveCount(0);

  const before = await loads(page);
  await banner.tap();
  await expect(page.locator('meta[name="bangfu-build"]')).toHaveAttribute('content', 'second', { timeout: 15_000 });
  await expect(page.locator('.topbar .brand')).toBeVisible();
  await expect(page.locator('#sw-update')).toHaveCount(0);
  expect(await loads(page)).toBe(before + 1);
  expect(await bangfuCaches(page, app)).toEqual([`bangfu:${app}:${second}`]);

  // The other tab was not reloaded behind the user's back; its banner, tapped
  // after the new worker already took over, just reloads.
  await expect(other.locator('meta[name="bangfu-build"]')).toHaveCount(0);
  await other.locator(BANNER).tap();
  await expect(other.locator('meta[name="bangfu-build"]')).toHaveAttribute('content', 'second', { timeout: 15_000 });
  await expect(other.locator('#sw-update')).toHaveCount(0);
});

test('a reload finds the new build at a sub-path (/bangfu/) and the update works offline after', async ({ page, context }) => {
  const app = `${server.origin}/bangfu/`;
  await countLoads(page);
  await page.goto(`${app}?v=loan&from=singlemessage`);
  await waitForControl(page);
  await page.fill('#amount', '3万');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('bangfu') || '')).toContain('3万');

  const second = deploy(copy.dir);
  // The reload itself makes the browser check sw.js; the cached old build is
  // what opens, with the offer on top.
  await page.reload();
  await expect(page.locator(BANNER)).toBeVisible();
  await expect(page.locator('meta[name="bangfu-build"]')).toHaveCount(0);
  const before = await loads(page);
  await page.locator(BANNER).tap();
  await expect(page.locator('meta[name="bangfu-build"]')).toHaveAttribute('content', 'second', { timeout: 15_000 });
  expect(await loads(page)).toBe(before + 1);
  await expect(page.locator('#amount')).toHaveValue('3万');
  expect(await bangfuCaches(page, app)).toEqual([`bangfu:${app}:${second}`]);

  // The new build is what is cached now.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('meta[name="bangfu-build"]')).toHaveAttribute('content', 'second');
  await expect(page.locator('#amount')).toHaveValue('3万');
  await context.setOffline(false);
});

test('a deployment caught half-way (new sw.js, old index.html) is not installed', async ({ page }) => {
  const app = `${server.origin}/`;
  await page.goto(`${app}?v=home`);
  await waitForControl(page);
  const first = version(copy.dir);
  // sw.js from the next build, but the host still serves the old index.html.
  const index = path.join(copy.dir, 'index.html');
  const oldHtml = readFileSync(index);
  deploy(copy.dir);
  writeFileSync(index, oldHtml);
  rmSync(`${index}.gz`, { force: true });
  rmSync(`${index}.br`, { force: true });
  const failed = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const outcome = new Promise((resolve) => {
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        w.addEventListener('statechange', () => {
          if (w.state === 'redundant' || w.state === 'installed') resolve(w.state);
        });
      });
    });
    await reg.update();
    return outcome;
  });
  expect(failed).toBe('redundant');
  await expect(page.locator('#sw-update')).toHaveCount(0);
  // The working build and its cache are untouched.
  expect(await bangfuCaches(page, app)).toEqual([`bangfu:${app}:${first}`]);
});

// A new build of the app's WebAssembly: its files in a directory of another
// name (as a rebuild with changed code makes), the old directory gone from
// the host (as an upload that replaces the site does), then the post-build
// step. Returns the new directory's name.
function deployNewApp(dir) {
  const index = path.join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  const old = html.match(/'(app-[0-9a-f]{16})'/)[1];
  const next = `app-${old.slice(4).split('').reverse().join('')}`;
  cpSync(path.join(dir, old), path.join(dir, next), { recursive: true });
  rmSync(path.join(dir, old), { recursive: true });
  writeFileSync(index, html.replaceAll(`'${old}'`, `'${next}'`));
  postbuild(dir);
  return { old, next };
}

test('a tab left open across an update opens its own build\'s screens, never the new build\'s; a reload takes the new build', async ({ page, context }) => {
  const app = `${server.origin}/`;
  await page.goto(`${app}?v=loan`);
  await waitForControl(page);
  await page.fill('#amount', '6万');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('bangfu') || '')).toContain('6万');
  const { old, next } = deployNewApp(copy.dir);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // Before the new worker takes over, the old one serves the old build's
  // files from its cache: a screen never opened in this tab still opens.
  await page.click('#go-home');
  await page.click('#tile-check');
  await expect(page.locator('h1')).toHaveText('家庭自查');
  expect(requested.filter((p) => p.includes(`/${next}/`))).toEqual([]);

  // Another tab takes the update: the new worker activates and the old cache goes.
  const other = await context.newPage();
  await other.goto(`${app}?v=home`);
  await other.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await expect(other.locator(BANNER)).toBeVisible({ timeout: 15_000 });
  await other.locator(BANNER).tap();
  await expect.poll(() => bangfuCaches(other, app).then((k) => k.length).catch(() => 0), { timeout: 15_000 }).toBe(1);
  // The first tab, still on the old build, opens another screen it never
  // opened: its own build's files (from the HTTP cache, where they are
  // immutable), never the new build's, which would not fit its main module.
  await expect(page.locator(BANNER)).toBeVisible();
  await page.evaluate(() => document.getElementById('go-home').click());
  await page.click('#tile-risk');
  await expect(page.locator('h1')).toHaveText('风险补偿金测算');
  expect(requested.filter((p) => p.includes(`/${next}/`))).toEqual([]);
  // A reload takes the new build, and what was typed is still there.
  await page.reload();
  await expect(page.locator('h1')).toHaveText('风险补偿金测算');
  expect(requested.some((p) => p.includes(`/${next}/bangfu_bg.wasm`))).toBe(true);
  await page.click('#go-home');
  await page.click('#open-loan');
  await expect(page.locator('#amount')).toHaveValue('6万');
  expect(old).not.toBe(next);
});
