// scripts/postbuild.mjs (the Trunk post_build hook), checked on the release
// build in dist/ and on copies of it. No browser needed.
import { test, expect } from './guard.mjs';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, copyDist, postbuild } from './pwa-helpers.mjs';
import { minifyGlue } from '../../scripts/minify.mjs';

const COMPRESSIBLE = /\.(wasm|js|css|html|svg|webmanifest|json)$/;

// VERSION and FILES as generated into sw.js.
function readSw(dir) {
  const text = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = text.match(/^const VERSION = '([0-9a-f]{16})';$/m)?.[1];
  const files = JSON.parse(text.match(/^const FILES = (\[[\s\S]*?\n\]);$/m)[1].replace(/,\n\]$/, '\n]'));
  return { text, version, files };
}

const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');

test('every compressible file has .gz and .br that decode to it', () => {
  const names = readdirSync(DIST);
  const originals = names.filter((n) => COMPRESSIBLE.test(n));
  expect(originals).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'manifest.webmanifest', 'favicon.svg']));
  expect(originals.some((n) => n.endsWith('.wasm'))).toBe(true);
  for (const n of originals) {
    const raw = readFileSync(path.join(DIST, n));
    for (const [ext, decode] of [['.gz', gunzipSync], ['.br', brotliDecompressSync]]) {
      const packed = readFileSync(path.join(DIST, n + ext));
      expect(decode(packed).equals(raw), n + ext).toBe(true);
      expect(packed.length, n + ext).toBeLessThan(raw.length);
    }
  }
  // Nothing else is compressed (PNGs already are).
  for (const n of names.filter((n) => /\.(gz|br)$/.test(n))) {
    expect(originals, n).toContain(n.replace(/\.(gz|br)$/, ''));
  }
  // gzip -9 and brotli 11: what this machine's zlib makes at those levels.
  const wasm = originals.find((n) => n.endsWith('.wasm'));
  expect(readFileSync(path.join(DIST, `${wasm}.br`)).length).toBeLessThan(readFileSync(path.join(DIST, `${wasm}.gz`)).length);
});

test('sw.js precaches exactly the built files the page uses, each with its sha384', () => {
  const { version, files } = readSw(DIST);
  expect(version).toMatch(/^[0-9a-f]{16}$/);
  // Icons only a launcher fetches when installing are left out.
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  const installOnly = [...manifest.icons.map((i) => i.src), 'apple-touch-icon.png'];
  expect(installOnly).toEqual(expect.arrayContaining(['icon-192.png', 'icon-512.png', 'icon-maskable-512.png']));
  const built = readdirSync(DIST)
    .filter((n) => !/\.(gz|br)$/.test(n) && !['sw.js', 'robots.txt', ...installOnly].includes(n))
    .map((n) => (n === 'index.html' ? './' : n))
    .sort();
  expect(built).toEqual(expect.arrayContaining(['./', 'favicon.svg', 'manifest.webmanifest']));
  expect(files.map((f) => f[0]).sort()).toEqual(built);
  for (const [url, integrity, immutable] of files) {
    const file = path.join(DIST, url === './' ? 'index.html' : url);
    expect(integrity, url).toBe(sri(readFileSync(file)));
    // Trunk's hashed js, wasm and css, and the content pack, may come from the HTTP cache.
    expect(immutable, url).toBe(/-[0-9a-f]{16}(_bg)?\.(js|wasm|css|json)$/.test(url));
  }
  // index.html names exactly the hashed files that are precached; the
  // WebAssembly names the content pack that is precached (and only that one).
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const packs = files.map((f) => f[0]).filter((u) => /^pack-[0-9a-f]{16}\.json$/.test(u));
  expect(packs).toHaveLength(1);
  // The five parts (index.html loads one by the link): each a content-hashed
  // js and wasm pair, named in index.html by their common stem.
  const js = files.map((f) => f[0].match(/^(.+)\.js$/)?.[1]).filter(Boolean);
  const stems = [
    /^bangfu-[0-9a-f]{16}$/,
    /^bangfu-policy-[0-9a-f]{16}$/,
    /^bangfu-check-[0-9a-f]{16}$/,
    /^bangfu-cadre-[0-9a-f]{16}$/,
    /^bangfu-share-[0-9a-f]{16}$/,
  ].map((re) => js.find((s) => re.test(s)));
  expect(js).toHaveLength(5);
  expect(stems.every(Boolean), js.join()).toBe(true);
  for (const stem of stems) {
    expect(html).toContain(`'${stem}'`);
    expect(files.map((f) => f[0])).toContain(`${stem}_bg.wasm`);
  }
  // No placeholder is left for the loader to load.
  expect(html).not.toMatch(/'BANGFU(_[A-Z0-9]+)*'|PACK_FILE_NAME/);
  const immutables = files.filter((f) => f[2]).map((f) => f[0]).sort();
  expect(immutables).toEqual([...packs, ...stems.flatMap((s) => [`${s}.js`, `${s}_bg.wasm`])].sort());
  // Only the policy part has the policy pages, so only it names the pack.
  const [main, policy, check, cadre] = stems.map((s) => readFileSync(path.join(DIST, `${s}_bg.wasm`)));
  expect(policy.includes(Buffer.from(packs[0]))).toBe(true);
  expect(main.includes(Buffer.from(packs[0]))).toBe(false);
  expect(check.includes(Buffer.from(packs[0]))).toBe(false);
  expect(cadre.includes(Buffer.from(packs[0]))).toBe(false);
});

test('the same files give the same sw.js; a changed byte in a precached file, a new version', () => {
  test.setTimeout(90_000); // brotli 11 on the wasm, three times
  const copy = copyDist('postbuild');
  try {
    postbuild(copy.dir);
    const same = readSw(copy.dir);
    expect(same.text).toBe(readSw(DIST).text);

    // One byte in a file that is not content-hashed.
    const file = path.join(copy.dir, 'favicon.svg');
    const buf = readFileSync(file);
    buf[buf.length - 2] ^= 1;
    writeFileSync(file, buf);
    postbuild(copy.dir);
    const changed = readSw(copy.dir);
    expect(changed.version).not.toBe(same.version);
    const entry = (sw, url) => sw.files.find((f) => f[0] === url);
    expect(entry(changed, 'favicon.svg')[1]).toBe(sri(buf));
    expect(entry(changed, './')).toEqual(entry(same, './'));
    // Its precompressed copies follow.
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(buf)).toBe(true);

    // A changed manifest icon is not precached, so the worker stays the same.
    const icon = path.join(copy.dir, 'icon-192.png');
    const png = readFileSync(icon);
    png[png.length - 1] ^= 1;
    writeFileSync(icon, png);
    postbuild(copy.dir);
    expect(readSw(copy.dir).text).toBe(changed.text);

    // A file gone from the build leaves the list; its old .gz/.br go too.
    rmSync(file);
    postbuild(copy.dir);
    const fewer = readSw(copy.dir);
    expect(fewer.files.map((f) => f[0])).not.toContain('favicon.svg');
    expect(fewer.version).not.toBe(changed.version);
    expect(existsSync(path.join(copy.dir, 'favicon.svg.gz'))).toBe(false);
    expect(existsSync(path.join(copy.dir, 'favicon.svg.br'))).toBe(false);
  } finally {
    copy.remove();
  }
});

test('every part Trunk leaves unhashed is named by its content, and index.html must load each one', () => {
  test.setTimeout(90_000); // brotli 11 on the wasm
  const copy = copyDist('parts');
  try {
    const index = path.join(copy.dir, 'index.html');
    const html = readFileSync(index, 'utf8');
    // A fourth binary, as Trunk builds a "worker": NAME.js and NAME_bg.wasm,
    // with its placeholder in the loader (the name in capitals).
    const main = readdirSync(copy.dir).find((n) => /^bangfu-[0-9a-f]{16}\.js$/.test(n)).replace(/\.js$/, '');
    const js = Buffer.concat([readFileSync(path.join(copy.dir, `${main}.js`)), Buffer.from('\n// extra\n')]);
    const wasm = readFileSync(path.join(copy.dir, `${main}_bg.wasm`));
    writeFileSync(path.join(copy.dir, 'bangfu-extra.js'), js);
    writeFileSync(path.join(copy.dir, 'bangfu-extra_bg.wasm'), wasm);
    writeFileSync(index, html.replace("window.bangfuPart = {", "var extra = 'BANGFU_EXTRA'; window.bangfuPart = {"));
    postbuild(copy.dir);
    // Named by what ships: the glue as minified in a release build.
    const hash = createHash('sha256').update(minifyGlue(js.toString('utf8'))).update(wasm).digest('hex').slice(0, 16);
    const names = readdirSync(copy.dir);
    expect(names).toEqual(expect.arrayContaining([`bangfu-extra-${hash}.js`, `bangfu-extra-${hash}_bg.wasm`]));
    expect(names).not.toContain('bangfu-extra.js');
    expect(names).not.toContain('bangfu-extra_bg.wasm');
    expect(readFileSync(index, 'utf8')).toContain(`var extra = 'bangfu-extra-${hash}';`);
    const urls = readSw(copy.dir).files.filter((f) => f[2]).map((f) => f[0]);
    expect(urls).toEqual(expect.arrayContaining([`bangfu-extra-${hash}.js`, `bangfu-extra-${hash}_bg.wasm`]));

    // A placeholder for a part that was not built, and a part index.html never loads: refused.
    const named = readFileSync(index, 'utf8');
    writeFileSync(index, named.replace("window.bangfuPart = {", "var gone = 'BANGFU_GONE'; window.bangfuPart = {"));
    expect(() => postbuild(copy.dir)).toThrow(/'BANGFU_GONE', but no such part was built/);
    const check = names.find((n) => /^bangfu-check-[0-9a-f]{16}\.js$/.test(n)).replace(/\.js$/, '');
    writeFileSync(index, named.replaceAll(`'${check}'`, "''"));
    expect(() => postbuild(copy.dir)).toThrow(/index\.html has no 'BANGFU_CHECK' placeholder/);
  } finally {
    copy.remove();
  }
});

test('a debug build (trunk serve) gets a worker that removes itself, and no compression', () => {
  const copy = copyDist('debug');
  try {
    postbuild(copy.dir, { TRUNK_PROFILE: 'debug' });
    const sw = readFileSync(path.join(copy.dir, 'sw.js'), 'utf8');
    expect(sw).toContain('self.registration.unregister()');
    expect(sw).not.toContain("addEventListener('fetch'");
    expect(readdirSync(copy.dir).filter((n) => /\.(gz|br)$/.test(n))).toEqual([]);
  } finally {
    copy.remove();
  }
});

test('without index.html, or with a broken manifest, it refuses and says why', () => {
  const copy = copyDist('bad');
  try {
    writeFileSync(path.join(copy.dir, 'manifest.webmanifest'), '{"icons": [');
    expect(() => postbuild(copy.dir)).toThrow(/manifest\.webmanifest: .*JSON/);
    rmSync(path.join(copy.dir, 'index.html'));
    expect(() => postbuild(copy.dir)).toThrow(/index\.html is missing/);
  } finally {
    copy.remove();
  }
});
