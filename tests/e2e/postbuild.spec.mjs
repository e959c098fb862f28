// scripts/postbuild.mjs (the Trunk post_build hook), checked on the release
// build in dist/ and on copies of it. No browser needed.
import { test, expect } from './guard.mjs';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, copyDist, postbuild } from './pwa-helpers.mjs';
import { minifyGlue } from '../../scripts/minify.mjs';
import { cspForPage, cspIn } from '../../scripts/csp.mjs';

const COMPRESSIBLE = /\.(wasm|js|css|html|svg|webmanifest|json)$/;

// VERSION and FILES as generated into sw.js.
function readSw(dir) {
  const text = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = text.match(/^const VERSION = '([0-9a-f]{16})';$/m)?.[1];
  const files = JSON.parse(text.match(/^const FILES = (\[[\s\S]*?\n\]);$/m)[1].replace(/,\n\]$/, '\n]'));
  return { text, version, files };
}

const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');

/** Every file below dir, '/'-separated. */
const allFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();

test('every compressible file has .gz and .br that decode to it', () => {
  const names = allFiles(DIST);
  const originals = names.filter((n) => COMPRESSIBLE.test(n));
  expect(originals).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'manifest.webmanifest', 'favicon.svg']));
  expect(originals.some((n) => n.endsWith('.wasm'))).toBe(true);
  for (const n of originals) {
    const raw = readFileSync(path.join(DIST, n));
    for (const [ext, decode] of [['.gz', gunzipSync], ['.br', brotliDecompressSync]]) {
      // Left out only where it would not be smaller: a tiny shared chunk.
      if (!existsSync(path.join(DIST, n + ext))) {
        expect(raw.length, `${n}${ext} is missing`).toBeLessThan(256);
        continue;
      }
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
  const wasm = originals.find((n) => n.endsWith('/bangfu_bg.wasm'));
  expect(readFileSync(path.join(DIST, `${wasm}.br`)).length).toBeLessThan(readFileSync(path.join(DIST, `${wasm}.gz`)).length);
});

test('sw.js precaches exactly the built files the page uses, each with its sha384', () => {
  const { version, files } = readSw(DIST);
  expect(version).toMatch(/^[0-9a-f]{16}$/);
  // Icons only a launcher fetches when installing are left out.
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  const installOnly = [...manifest.icons.map((i) => i.src), 'apple-touch-icon.png'];
  expect(installOnly).toEqual(expect.arrayContaining(['icon-192.png', 'icon-512.png', 'icon-maskable-512.png']));
  const built = allFiles(DIST)
    .filter((n) => !/\.(gz|br)$/.test(n) && !['sw.js', 'robots.txt', ...installOnly].includes(n))
    .map((n) => (n === 'index.html' ? './' : n))
    .sort();
  expect(built).toEqual(expect.arrayContaining(['./', 'favicon.svg', 'manifest.webmanifest']));
  expect(files.map((f) => f[0]).sort()).toEqual(built);
  for (const [url, integrity, immutable] of files) {
    const file = path.join(DIST, url === './' ? 'index.html' : url);
    expect(integrity, url).toBe(sri(readFileSync(file)));
    // The app's directory (app-<hash>/) and the content pack may come from the HTTP cache.
    expect(immutable, url).toBe(/^app-[0-9a-f]{16}\/|^pack-[0-9a-f]{16}\.json$/.test(url));
  }
  // index.html names exactly the hashed files that are precached; the
  // WebAssembly names the content pack that is precached (and only that one).
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const packs = files.map((f) => f[0]).filter((u) => /^pack-[0-9a-f]{16}\.json$/.test(u));
  expect(packs).toHaveLength(1);
  // One directory of the app's files, named in index.html; every one of its
  // files precached, each screen's files as index.html lists them.
  const dirs = readdirSync(DIST).filter((n) => /^app-[0-9a-f]{16}$/.test(n));
  expect(dirs).toHaveLength(1);
  const [app] = dirs;
  expect(html).toContain(`'${app}'`);
  const inApp = allFiles(path.join(DIST, app)).filter((n) => !/\.(gz|br)$/.test(n));
  expect(inApp).toEqual(expect.arrayContaining(['bangfu.js', 'bangfu_bg.wasm', '__wasm_split.js']));
  const screens = JSON.parse(html.match(/var screens = (\{[^;]*\});/)[1]);
  expect(Object.keys(screens).sort()).toEqual(['check', 'households', 'loan', 'local', 'policy', 'qr', 'risk', 'village']);
  for (const [screen, list] of Object.entries(screens)) {
    expect(list.filter((f) => /^split_[a-z]+\.wasm$/.test(f)), screen).toHaveLength(1);
    for (const f of list) expect(inApp, screen).toContain(f);
  }
  // No placeholder is left for the loader to load.
  expect(html).not.toMatch(/'BANGFU_APP'|SCREEN_FILES|PACK_FILE_NAME/);
  const immutables = files.filter((f) => f[2]).map((f) => f[0]).sort();
  expect(immutables).toEqual([...packs, ...inApp.map((n) => `${app}/${n}`)].sort());
  // Only the policy screens' files name the pack (and the QR screen's, which
  // shows an entry's title): not the main module, nor any file that only the
  // estimator or the self-check use.
  const read = (n) => readFileSync(path.join(DIST, app, n));
  const names = (f) => read(f).includes(Buffer.from(packs[0]));
  expect(screens.policy.some(names)).toBe(true);
  expect(names('bangfu_bg.wasm')).toBe(false);
  for (const other of ['check', 'loan']) {
    for (const f of screens[other].filter((f) => !screens.policy.includes(f) && !screens.qr.includes(f))) expect(names(f), f).toBe(false);
  }
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

test('the app\'s files are named by their content, as one directory; index.html must load it', () => {
  test.setTimeout(90_000); // brotli 11 on the wasm
  const copy = copyDist('parts');
  try {
    const index = path.join(copy.dir, 'index.html');
    const html = readFileSync(index, 'utf8');
    const app = html.match(/'(app-[0-9a-f]{16})'/)[1];
    const screens = html.match(/var screens = (\{[^;]*\});/)[1];
    // A rerun on a named build keeps it.
    postbuild(copy.dir);
    expect(readdirSync(copy.dir).filter((n) => n.startsWith('app-'))).toEqual([app]);
    // From the placeholders, the same build gets the same name (the hash of
    // what ships: the JS as minified), and the old directory goes.
    writeFileSync(index, html.replace(`'${app}'`, "'BANGFU_APP'").replace(screens, 'SCREEN_FILES'));
    postbuild(copy.dir);
    expect(readdirSync(copy.dir).filter((n) => n.startsWith('app-'))).toEqual([app]);
    const again = readFileSync(index, 'utf8');
    expect(again).toContain(`'${app}'`);
    expect(again).toContain(`var screens = ${screens};`);
    expect(readFileSync(path.join(copy.dir, app, 'bangfu.js'), 'utf8')).toBe(readFileSync(path.join(DIST, app, 'bangfu.js'), 'utf8'));
    // The glue is minified.
    const js = readFileSync(path.join(copy.dir, app, 'bangfu.js'), 'utf8');
    expect(minifyGlue(js).length).toBeLessThanOrEqual(js.length + 1);
    // index.html that loads no app, or an app that is not there: refused.
    writeFileSync(index, again.replaceAll(`'${app}'`, "''"));
    expect(() => postbuild(copy.dir)).toThrow(/index\.html has no 'BANGFU_APP' and SCREEN_FILES placeholders/);
    rmSync(path.join(copy.dir, app), { recursive: true });
    writeFileSync(index, again);
    expect(() => postbuild(copy.dir)).toThrow(new RegExp(`index\\.html loads ${app}/, which is not there`));
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

test('the policy pages: copied with their own policy and listed for index.html; a page with a script, a handler, too many bytes or missing is refused', () => {
  const copy = copyDist('pages');
  const pages = mkdtempSync(path.join(os.tmpdir(), 'bangfu-pages-'));
  try {
    cpSync(path.resolve('target/pages'), pages, { recursive: true });
    const env = { BANGFU_PAGES_DIR: pages };
    postbuild(copy.dir, env);
    const ids = readFileSync(path.join(pages, 'ids'), 'utf8').split('\n').filter(Boolean);
    for (const id of ids) {
      const html = readFileSync(path.join(copy.dir, 'policy', `${id}.html`), 'utf8');
      expect(cspIn(html), id).toBe(cspForPage(html));
      expect(readdirSync(path.join(copy.dir, 'policy'))).toContain(`${id}.html.br`);
    }
    expect(readFileSync(path.join(copy.dir, 'index.html'), 'utf8')).toContain(JSON.stringify(ids.join(' ')));
    const sw = readFileSync(path.join(copy.dir, 'sw.js'), 'utf8');
    for (const id of ids) expect(sw).toContain(`"policy/${id}.html"`);
    const tekun = path.join(pages, 'tekun.html');
    const good = readFileSync(tekun, 'utf8');
    writeFileSync(tekun, good.replace('</main>', '<script>alert(1)</script></main>'));
    expect(() => postbuild(copy.dir, env)).toThrow(/policy\/tekun\.html has a script/);
    writeFileSync(tekun, good.replace('<main>', '<main onclick="x()">'));
    expect(() => postbuild(copy.dir, env)).toThrow(/policy\/tekun\.html has an inline handler/);
    // Text that does not compress: well over 20 KB brotli.
    const noise = Array.from({ length: 12000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    writeFileSync(tekun, good.replace('</main>', `<p>${noise}</p></main>`));
    expect(() => postbuild(copy.dir, env)).toThrow(/policy\/tekun\.html is \d+ bytes brotli, over the 20480/);
    rmSync(tekun);
    expect(() => postbuild(copy.dir, env)).toThrow(/names tekun, whose page is missing/);
  } finally {
    copy.remove();
    rmSync(pages, { recursive: true, force: true });
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
