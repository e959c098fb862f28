// Phones whose browser engine is too old for the app's WebAssembly (before
// Chrome/WebView 96, Safari 15: no reference types) are told in plain words
// what to do, before anything is downloaded. The engine is made old by
// stubbing WebAssembly.validate to refuse modules that use reference types
// (ref.null extern: bytes 0xd0 0x6f), as such an engine's validator would.
import { test, expect } from '@playwright/test';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;

function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) seen.push(r.url());
  });
  return seen;
}

for (const url of ['/', '/?v=check&from=singlemessage', '/?v=policy&id=tekun', '/?v=qr']) {
  test(`an engine without reference types: ${url} says what to do and downloads no WebAssembly`, async ({ page }) => {
    await page.addInitScript(() => {
      const validate = WebAssembly.validate;
      window.probed = 0;
      WebAssembly.validate = function (bytes) {
        window.probed++;
        const b = new Uint8Array(bytes.buffer || bytes);
        for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0xd0 && b[i + 1] === 0x6f) return false;
        return validate.call(WebAssembly, bytes);
      };
    });
    const wasm = wasmRequests(page);
    await page.goto(url);
    const shell = page.locator('#shell');
    await expect(shell).toHaveClass('shell failed old');
    await expect(page.locator('#fail-text')).toHaveText(
      '这个浏览器版本太旧，打不开帮扶助手。请先把微信更新到最新版；还打不开，就点右上角“…”，选“在浏览器打开”，用手机自带的浏览器打开。',
    );
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

test('a current engine passes the same check and the app starts', async ({ page }) => {
  await page.addInitScript(() => {
    const validate = WebAssembly.validate;
    window.probe = null;
    WebAssembly.validate = function (bytes) {
      const ok = validate.call(WebAssembly, bytes);
      window.probe = ok;
      return ok;
    };
  });
  const wasm = wasmRequests(page);
  await page.goto('/');
  await expect(page.locator('#tile-check')).toBeVisible();
  expect(await page.evaluate(() => window.probe)).toBe(true);
  expect(wasm).toHaveLength(1);
});
