// The content security policy (index.html's meta, written by
// scripts/postbuild.mjs) on every view of the app, and the watch in
// guard.mjs that fails any test on a violation or a request to another
// origin: proved able to fail, here, by provoking both on purpose.
import { test, expect } from './guard.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cspFor, cspForPage, cspIn, inlineAttribute, inlineBlocks } from '../../scripts/csp.mjs';
import { DIST, copyDist, postbuild, startServer } from './pwa-helpers.mjs';

// Every view, as a link opens it. A finished self-check (the results view)
// comes from a stored record.
const FINISHED = JSON.stringify({
  version: 2,
  check: { answers: { members: '4', income: 'lt4000', house: 'problem' }, section: 0, editing: null, finished: true },
});
const VIEWS = [
  { url: '/', ready: '#tile-check' },
  { url: '/?v=loan', ready: '#schedule, #amount' },
  { url: '/?v=loan&amount=5%E4%B8%87&rate=4.35&months=36&method=equal_installment', ready: '#amount' },
  { url: '/?v=check', ready: '#section-title' },
  { url: '/?v=check', stored: FINISHED, ready: '#top-actions' },
  { url: '/?v=check&r=' + encodeURIComponent('members=4|income=lt4000|house=problem'), ready: 'h1' },
  { url: '/?v=households', ready: '#household-list' },
  { url: '/?v=policy', ready: '#library' },
  { url: '/?v=policy&id=tuopin-xindai&read=1', ready: '#entry-title' },
  { url: '/?v=local', ready: '#local-make' },
  { url: '/?v=local&lv=1&place=%E6%9F%90%E5%8E%BF&line=7500&ck=00000000', ready: '#local-refused' },
  { url: '/?v=risk', ready: '#risk-chart' },
];

test('a policy page runs under its own policy: no script at all, its style by hash, no violation', async ({ page, guard }) => {
  for (const id of ['tekun', 'tuopin-xindai', 'glossary', 'timeline']) {
    const file = readFileSync(path.join(DIST, 'policy', `${id}.html`), 'utf8');
    const policy = cspIn(file);
    expect(policy, id).toBe(cspForPage(file));
    expect(policy).toContain("script-src 'none'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'sha256-");
    expect(policy).not.toContain('unsafe-inline');
    expect(inlineAttribute(file), id).toBeNull();
    expect(inlineBlocks(file).scripts, id).toEqual([]);
    await page.goto(`/policy/${id}.html`);
    await expect(page.locator('h1')).toBeVisible();
    // The inline style, allowed by its hash, applies.
    await expect(page.locator('h1')).toHaveCSS('color', 'rgb(140, 29, 24)');
    expect(guard.stats.csp, id).toEqual([]);
  }
});

test('every view opens under the content security policy with no violation', async ({ page, guard }) => {
  const policy = cspIn(readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("form-action 'none'");
  expect(policy).not.toContain('unsafe-inline');
  let opened = 0;
  for (const v of VIEWS) {
    if (v.stored) {
      await page.goto('/');
      await page.evaluate((t) => localStorage.setItem('bangfu', t), v.stored);
    }
    await page.goto(v.url);
    await expect(page.locator('#shell')).toHaveCount(0);
    await expect(page.locator(v.ready).first()).toBeVisible();
    // The policy the page runs under is the built one.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(policy);
    expect(guard.stats.csp, v.url).toEqual([]);
    opened++;
    if (v.stored) await page.evaluate(() => localStorage.clear());
  }
  // Styles the app sets (Leptos `style:`, through the CSSOM) still apply:
  // the chart legend's colours and the questionnaire's progress bar.
  await page.goto('/?v=loan');
  await expect(page.locator('#amount')).toBeVisible();
  const legend = page.locator('.legend i').first();
  await expect(legend).toHaveCount(1);
  expect(await legend.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(140, 29, 24)');
  await page.goto('/?v=check');
  await page.locator('#question-members input[type="text"]').fill('4');
  await expect.poll(() => page.locator('#progress .bar i').evaluate((el) => el.style.width)).toMatch(/^[1-9]\d*%$/);
  expect(guard.stats.csp).toEqual([]);
  console.log(`csp: ${opened} views opened, ${guard.stats.csp.length} violations`);
});

test('the watch catches a violation and a request to another origin (so it can fail a test)', async ({ page, guard }) => {
  await page.goto('/?v=loan');
  await expect(page.locator('#amount')).toBeVisible();
  // An injected inline script is refused, and the refusal is caught.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1;';
    document.body.appendChild(s);
  });
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  // The policy refuses a fetch to another origin before it is made (a
  // violation, caught above). Without the policy (a blank page), a request
  // to another origin (nothing listens there) is recorded as such.
  await page.evaluate(() => fetch('http://192.0.2.1:9/x').catch(() => {}));
  // The connect-src violation reaches the guard as a console message some
  // time after the fetch is refused: wait for that message itself before
  // leaving the page, or navigating away can drop it (a race that failed
  // about 1 run in 6).
  await expect.poll(() => guard.stats.csp.some((t) => /connect-src blocked http:\/\/192\.0\.2\.1/.test(t))).toBe(true);
  await page.goto('about:blank');
  await page.setContent('<img src="http://192.0.2.1:9/x.png">');
  await expect.poll(() => guard.stats.offOrigin.length).toBeGreaterThanOrEqual(1);
  await expect.poll(() => guard.stats.csp.length).toBeGreaterThanOrEqual(2);
  const caught = guard.take();
  expect(caught.csp.join('\n')).toMatch(/script-src/);
  expect(caught.csp.join('\n')).toMatch(/connect-src blocked http:\/\/192\.0\.2\.1/);
  expect(caught.offOrigin.join('\n')).toContain('192.0.2.1');
});

test('the built page has every inline script and style hashed, and no inline handler or style attribute', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const { scripts, styles } = inlineBlocks(html);
  // The failure handler, the part loader, the module starter, the reload
  // button, the nomodule message, the service worker; the shell's style and style.css.
  expect(scripts.length).toBeGreaterThanOrEqual(5);
  expect(styles.length).toBeGreaterThanOrEqual(2);
  expect(cspIn(html)).toBe(cspFor(html));
  expect(inlineAttribute(html)).toBeNull();
  // No placeholder is left.
  expect(html).not.toContain('CSP_WRITTEN_BY_POSTBUILD');
});

test('an inline script changed without rebuilding is refused; postbuild writes the new hash', async ({ page, guard }) => {
  const copy = copyDist('csp');
  const server = await startServer(copy.dir);
  try {
    const index = path.join(copy.dir, 'index.html');
    const html = readFileSync(index, 'utf8');
    // A change to the part loader that the policy has not seen.
    const changed = html.replace("window.bangfuPart = {", "window.bangfuEdited = true; window.bangfuPart = {");
    expect(changed).not.toBe(html);
    writeFileSync(index, changed);
    expect(cspIn(changed)).not.toBe(cspFor(changed));
    await page.goto(`${server.origin}/?v=loan`);
    await expect.poll(() => guard.stats.csp.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.bangfuEdited)).toBeUndefined();
    guard.take();
    // The post-build step run again (as a rebuild does) hashes what is there.
    postbuild(copy.dir);
    const rebuilt = readFileSync(index, 'utf8');
    expect(cspIn(rebuilt)).toBe(cspFor(rebuilt));
    await page.goto(`${server.origin}/?v=loan&x=1`);
    await expect(page.locator('#amount')).toBeVisible();
    expect(await page.evaluate(() => window.bangfuEdited)).toBe(true);
    // A debug build (trunk serve, live reload) has no policy line.
    postbuild(copy.dir, { TRUNK_PROFILE: 'debug' });
    expect(cspIn(readFileSync(index, 'utf8'))).toBeNull();
  } finally {
    await server.stop();
    copy.remove?.();
  }
});
