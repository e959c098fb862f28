// Harness smoke test: the release build loads from the site root and from a
// sub-path, and the server hands out the wasm correctly. The app's own UI is
// tested by the other specs.
import { test, expect } from './guard.mjs';

for (const base of ['/', '/bangfu/']) {
  test(`app shell loads from ${base}`, async ({ page }) => {
    const wasm = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r);
    });
    const res = await page.goto(base);
    expect(res.status()).toBe(200);
    await expect(page).toHaveTitle(/帮扶助手/);
    await expect(page.locator('#app')).toBeAttached();

    // The wasm came from the same base path, as application/wasm, as the
    // precompressed brotli file (Chromium offers br to secure contexts, and
    // 127.0.0.1 is one; server.spec checks the gzip fallback).
    await expect.poll(() => wasm.length).toBeGreaterThan(0);
    const r = wasm[0];
    expect(new URL(r.url()).pathname.startsWith(base)).toBe(true);
    expect(r.status()).toBe(200);
    const headers = await r.allHeaders();
    expect(headers['content-type']).toBe('application/wasm');
    expect(headers['content-encoding']).toBe('br');
  });
}
