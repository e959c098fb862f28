// Which engines can open the app. The WebAssembly is built for WebAssembly
// 1.0 plus mutable globals (.cargo/config.toml; wasm-opt lowers what the
// prebuilt standard library brings), so an engine without reference types,
// bulk memory or sign extension (Chrome/WebView before 96, Safari before 15)
// runs it. An engine older than that (no mutable globals, or JS before 2020)
// is told in plain words what to do, before anything is downloaded.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;
const DIST = path.resolve('dist');
const TOO_OLD =
  '这个浏览器版本太旧，打不开帮扶助手。请先把微信更新到最新版；还打不开，就点右上角“…”，选“在浏览器打开”，用手机自带的浏览器打开。';

function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) seen.push(r.url());
  });
  return seen;
}

/** An engine whose validator lacks some features: 'mutable-globals' (before
 * Chrome 74), or 'post-mvp' (reference types, bulk memory, saturating
 * float-to-int: before Chrome 96 / Safari 15). Only the loader's probe goes
 * through WebAssembly.validate; what the app's own files need is checked
 * against the same feature set by the last test, with wasm-opt. */
async function engine(page, lacks) {
  await page.addInitScript((lacks) => {
    const validate = WebAssembly.validate;
    window.probed = 0;
    const uses = (b, pairs) => pairs.some(([x, y]) => b.some((v, i) => v === x && (y === undefined || y(b[i + 1]))));
    WebAssembly.validate = function (bytes) {
      window.probed++;
      const b = Array.from(new Uint8Array(bytes.buffer || bytes));
      // An exported mutable i32 global: type 0x7f, mut 0x01, export kind 0x03.
      if (lacks === 'mutable-globals' && uses(b, [[0x7f, (n) => n === 0x01]]) && b.includes(0x03)) return false;
      // ref.null (0xd0 0x6f/0x70), 0xfc-prefixed ops (trunc_sat, memory.copy/fill…).
      if (lacks === 'post-mvp' && uses(b, [[0xd0, (n) => n === 0x6f || n === 0x70], [0xfc, (n) => n <= 0x11]])) return false;
      return validate.call(WebAssembly, bytes);
    };
  }, lacks);
}

for (const url of ['/', '/?v=check&from=singlemessage', '/?v=policy&id=tekun&read=1', '/?v=qr']) {
  test(`an engine without mutable globals: ${url} says what to do and downloads no WebAssembly`, async ({ page }) => {
    await engine(page, 'mutable-globals');
    const wasm = wasmRequests(page);
    await page.goto(url);
    await expect(page.locator('#shell')).toHaveClass('shell failed old');
    await expect(page.locator('#fail-text')).toHaveText(TOO_OLD);
    // The network advice and 重新打开 do not apply: reloading cannot help.
    await expect(page.locator('.shell .net').first()).toBeHidden();
    await expect(page.getByRole('button', { name: '重新打开' })).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.probed)).toBe(1);
    expect(wasm).toEqual([]);
    // Nothing was preloaded either.
    expect(await page.locator('link[rel=modulepreload], link[as=fetch]').count()).toBe(0);
    if (url === '/') await page.screenshot({ path: shot('engine-too-old-360x740') });
  });
}

// A policy entry is a page of its own (ARCHITECTURE.md "Policy pages"): an
// engine the app turns away still reads it, from its old link too.
test('an engine without mutable globals still reads a policy entry from its link, with no download', async ({ page }) => {
  await engine(page, 'mutable-globals');
  await page.addInitScript(() => {
    delete String.prototype.replaceAll;
  });
  const wasm = wasmRequests(page);
  await page.goto('/?v=policy&id=tekun&from=singlemessage&isappinstalled=0');
  await expect(page.locator('h1')).toHaveText('特困人员供养（原五保）');
  expect(new URL(page.url()).pathname).toBe('/policy/tekun.html');
  await expect(page.locator('#basis')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Sent on before the engine check: nothing probed, nothing downloaded.
  expect(await page.evaluate(() => window.probed)).toBe(0);
  expect(wasm).toEqual([]);
});

test('JavaScript from before 2020 gets the same message and no download', async ({ page }) => {
  await page.addInitScript(() => {
    delete String.prototype.replaceAll;
  });
  const wasm = wasmRequests(page);
  await page.goto('/?v=loan');
  await expect(page.locator('#fail-text')).toHaveText(TOO_OLD);
  await page.waitForLoadState('networkidle');
  expect(wasm).toEqual([]);
});

test('an engine without reference types or the other post-1.0 features runs the app', async ({ page }) => {
  await engine(page, 'post-mvp');
  const wasm = wasmRequests(page);
  await page.goto('/?v=loan&amount=5万');
  await expect(page.locator('#amount')).toHaveValue('5万');
  expect(await page.evaluate(() => window.probed)).toBe(1);
  // The main module and the estimator's own files, nothing else.
  expect(wasm.filter((u) => /\/bangfu_bg\.wasm$/.test(u))).toHaveLength(1);
  expect(wasm.some((u) => /\/split_loan\.wasm$/.test(u))).toBe(true);
});

test('an engine without instantiateStreaming (Safari before 15) opens every screen', async ({ page }) => {
  await page.addInitScript(() => {
    delete WebAssembly.instantiateStreaming;
  });
  await page.goto('/?v=loan&amount=5万');
  await expect(page.locator('#amount')).toHaveValue('5万');
  await page.click('#go-home');
  await page.click('#tile-check');
  await expect(page.locator('h1')).toHaveText('家庭自查');
});

test('every WebAssembly file, the main module and each screen\'s, is valid WebAssembly 1.0 plus mutable globals', () => {
  const dirs = readdirSync(DIST).filter((n) => /^app-[0-9a-f]{16}$/.test(n));
  expect(dirs).toHaveLength(1);
  const parts = readdirSync(path.join(DIST, dirs[0])).filter((n) => n.endsWith('.wasm')).map((n) => path.join(dirs[0], n));
  expect(parts).toContain(path.join(dirs[0], 'bangfu_bg.wasm'));
  // Every screen's split file is here (each checked below), none missing.
  const screens = JSON.parse(readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/var screens = (\{[^;]*\});/)[1]);
  const splits = [...new Set(Object.values(screens).flat().filter((f) => /^split_[a-z]+\.wasm$/.test(f)))].sort();
  expect(splits).toEqual(['split_cadre.wasm', 'split_check.wasm', 'split_loan.wasm', 'split_policy.wasm']);
  expect(parts.filter((p) => /split_[a-z]+\.wasm$/.test(p)).sort()).toEqual(splits.map((f) => path.join(dirs[0], f)));
  for (const part of parts) {
    // wasm-opt validates against exactly these features and exits non-zero
    // on any instruction or type from another (a default Rust build fails:
    // reference types, bulk memory, sign extension).
    execFileSync('wasm-opt', [path.join(DIST, part), '--mvp-features', '--enable-mutable-globals', '-o', '/dev/null'], {
      stdio: 'pipe',
    });
  }
});
