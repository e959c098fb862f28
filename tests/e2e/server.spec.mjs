// tests/e2e/server.mjs compresses and caches like a real host: precompressed
// .br, then .gz, then gzip on the fly; immutable hashed files; revalidated
// index.html and sw.js. Raw HTTP, so the bytes are checked as sent.
import { test, expect } from './guard.mjs';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, copyDist, rawGet, startServer } from './pwa-helpers.mjs';

// The main module, in the app's content-named directory.
const appDir = () => readdirSync(DIST).find((n) => /^app-[0-9a-f]{16}$/.test(n));
const wasmName = () => `${appDir()}/bangfu_bg.wasm`;

let server;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

for (const base of ['/', '/bangfu/']) {
  test(`encoding follows Accept-Encoding (${base})`, async () => {
    const wasm = wasmName();
    const raw = readFileSync(path.join(DIST, wasm));
    const url = `${server.origin}${base}${wasm}`;

    const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/wasm');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.equals(readFileSync(path.join(DIST, `${wasm}.br`)))).toBe(true);
    expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);

    const gz = await rawGet(url, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(readFileSync(path.join(DIST, `${wasm}.gz`)))).toBe(true);
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);

    // br refused with q=0: gzip.
    const q0 = await rawGet(url, { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(q0.headers['content-encoding']).toBe('gzip');

    for (const ae of [undefined, 'identity', 'gzip;q=0, br;q=0']) {
      const plain = await rawGet(url, ae ? { 'Accept-Encoding': ae } : {});
      expect(plain.headers['content-encoding'], String(ae)).toBeUndefined();
      expect(plain.body.equals(raw), String(ae)).toBe(true);
    }
    const star = await rawGet(url, { 'Accept-Encoding': '*' });
    expect(star.headers['content-encoding']).toBe('br');

    // PNGs are not compressed again.
    const png = await rawGet(`${server.origin}${base}icon-192.png`, { 'Accept-Encoding': 'gzip, br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
  });

  test(`cache headers: hashed files immutable, the rest revalidated (${base})`, async () => {
    const app = appDir();
    // The app's directory and the policy pages' (fixed names: revalidated).
    const names = [
      ...readdirSync(DIST),
      ...readdirSync(path.join(DIST, app)).map((n) => `${app}/${n}`),
      ...readdirSync(path.join(DIST, 'policy')).map((n) => `policy/${n}`),
    ].filter((n) => !/\.(gz|br)$/.test(n) && n !== app && n !== 'policy');
    expect(names).toContain('policy/tekun.html');
    for (const n of names) {
      const r = await rawGet(`${server.origin}${base}${n}`, { 'Accept-Encoding': 'br, gzip' });
      expect(r.status, n).toBe(200);
      if (/^app-[0-9a-f]{16}\/|-[0-9a-f]{16}\.json$/.test(n)) {
        expect(r.headers['cache-control'], n).toBe('public, max-age=31536000, immutable');
      } else {
        expect(r.headers['cache-control'], n).toBe('no-cache');
      }
    }
    const dir = await rawGet(`${server.origin}${base}?v=loan&from=singlemessage`);
    expect(dir.headers['cache-control']).toBe('no-cache');
    expect(dir.headers['content-type']).toBe('text/html; charset=utf-8');
  });
}

test('revalidation answers 304 for an unchanged file, per encoding', async () => {
  const url = `${server.origin}/bangfu/sw.js`;
  const first = await rawGet(url, { 'Accept-Encoding': 'br' });
  expect(first.headers.etag).toBeTruthy();
  const again = await rawGet(url, { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.etag });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  expect(again.headers['cache-control']).toBe('no-cache');
  // The gzip representation is another entity: full answer.
  const gz = await rawGet(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag });
  expect(gz.status).toBe(200);
  expect(gz.headers['content-encoding']).toBe('gzip');
});

test('without precompressed files (or with stale ones) it gzips on the fly', async () => {
  const copy = copyDist('server');
  const own = await startServer(copy.dir);
  try {
    for (const n of readdirSync(copy.dir)) if (/\.(gz|br)$/.test(n)) rmSync(path.join(copy.dir, n));
    const raw = readFileSync(path.join(copy.dir, 'index.html'));
    const r = await rawGet(`${own.origin}/`, { 'Accept-Encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).equals(raw)).toBe(true);
  } finally {
    await own.stop();
    copy.remove();
  }
});

test('paths outside dist/ and bad URLs are refused', async () => {
  // Dot segments are resolved by the client or clamped at dist/ by the server.
  for (const p of ['/../package.json', '/..%2fpackage.json', '/bangfu/..%2f..%2fpackage.json']) {
    const r = await rawGet(`${server.origin}${p}`);
    expect([403, 404], p).toContain(r.status);
  }
  expect((await rawGet(`${server.origin}/%E0%A4%A`)).status).toBe(400);
  expect((await rawGet(`${server.origin}/nothing-here.js`)).status).toBe(404);
  const redirect = await rawGet(`${server.origin}/bangfu?v=loan`);
  expect(redirect.status).toBe(301);
  expect(redirect.headers.location).toBe('/bangfu/?v=loan');
});
