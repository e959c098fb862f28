#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml [[hooks]]). Trunk runs it after the
// final index.html is written to its staging directory and before that
// directory replaces dist/. Plain Node; its one dependency is esbuild (npm,
// a dev dependency), which minifies what the app ships in release builds.
//
//   node scripts/postbuild.mjs [DIR]    DIR defaults to $TRUNK_STAGING_DIR
//
// Every build: the policy library's content pack is copied in (target/pack),
// and its static pages (target/pages) into policy/.
// Release builds ($TRUNK_PROFILE=release, or no Trunk at all):
//   1. sw.js: the service worker, public/sw.template.js preceded by the
//      precache list (every built file with its sha384, see below) and a
//      VERSION hashed from that list and the template, so any change to any
//      byte of any file yields a byte-different sw.js and thus an update.
//   2. FILE.gz (gzip -9) and FILE.br (brotli 11) beside every compressible
//      file, for hosts that serve precompressed files (nginx gzip_static /
//      brotli_static, Caddy precompressed, tests/e2e/server.mjs). Skipped when
//      not smaller than the file itself.
//   0. The app's WebAssembly and its JS, built by scripts/build-wasm.mjs,
//      copied in as app-<hash>/ (see below). Minified (esbuild): that JS
//      (wasm-bindgen's glue and the screens' loader), and index.html's inline CSS; the inline scripts and the
//      page lose their comments and indentation (not more: the scripts'
//      quoted placeholders are read by the steps below and by the tests).
// Debug builds (`trunk serve`): sw.js is a worker that removes itself and any
// release worker's caches, so development never sees a stale cached build;
// nothing is compressed.
//
// Running it again on the same directory gives the same bytes: old .gz/.br
// and sw.js are replaced, never listed.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { minifyGlue, minifyIndex } from './minify.mjs';
import { cspFor, cspForPage, inlineAttribute, inlineBlocks } from './csp.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/;
const TEMPLATE = path.join(here, '..', 'public', 'sw.template.js');
const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.webmanifest', '.json', '.txt', '.xml']);
// Never precached: the worker itself, compressed copies, robots.txt (for
// crawlers) and the icons that only a launcher fetches, once, when the app is
// added to the home screen (the manifest's icons, the apple-touch-icon): they
// are never needed offline, and skipping them saves ~14 KB on a first visit.
const NOT_PRECACHED = (rel, installOnly) =>
  rel === 'sw.js' || rel === 'robots.txt' || /\.(gz|br)$/.test(rel) || installOnly.has(rel);
// Content-hashed names: every file of the app's directory (app-<16 hex>/,
// named below) and the content pack (pack-<16 hex>.json).
const HASHED = /^app-[0-9a-f]{16}\/|-[0-9a-f]{16}\.[a-z0-9]+$/;

const die = (msg) => {
  console.error(`postbuild: ${msg}`);
  process.exit(1);
};

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || '');
if (!process.argv[2] && !process.env.TRUNK_STAGING_DIR) die('no directory: pass one or run as a Trunk hook (TRUNK_STAGING_DIR)');
if (!statSync(path.join(dir, 'index.html'), { throwIfNoEntry: false })?.isFile()) die(`${dir}/index.html is missing`);
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';

// Every file below dir, as sorted '/'-separated relative paths.
function walk(base, rel = '') {
  const out = [];
  for (const ent of readdirSync(path.join(base, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...walk(base, r));
    else if (ent.isFile()) out.push(r);
  }
  return out.sort();
}

// The policy library's content pack (build/pack.rs writes it during the cargo
// build and names the current one in target/pack/current): beside the app,
// under its content-hashed name, so it is precached and compressed below.
{
  const packDir = path.join(here, '..', 'target', 'pack');
  let name;
  try {
    name = readFileSync(path.join(packDir, 'current'), 'utf8').trim();
  } catch {
    die(`${packDir}/current is missing: the cargo build writes it (build/pack.rs)`);
  }
  if (!/^pack-[0-9a-f]{16}\.json$/.test(name)) die(`target/pack/current names ${JSON.stringify(name)}, not a pack`);
  for (const rel of walk(dir)) {
    if (/^pack-[0-9a-f]{16}\.json$/.test(rel) && rel !== name) rmSync(path.join(dir, rel));
  }
  copyFileSync(path.join(packDir, name), path.join(dir, name));
  // index.html preloads it for policy links: give it the name.
  const index = path.join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  if (html.includes("'PACK_FILE_NAME'")) writeFileSync(index, html.replace("'PACK_FILE_NAME'", `'${name}'`));
  else if (!html.includes(`'${name}'`)) die('index.html has no PACK_FILE_NAME placeholder for the content pack');
}

// The policy pages (build/pages.rs writes them during the cargo build into
// target/pages/, with `ids` naming them): into policy/, each with its own
// content security policy (no script at all; its inline <style> by hash).
// index.html's loader gets the names (POLICY_PAGES) to send an old
// ?v=policy&id= link to its page. A page over 20 KB brotli fails the build
// (the budget of a shared entry's first load). BANGFU_PAGES_DIR names
// another directory (the tests).
const PAGE_BUDGET = 20 * 1024;
{
  const pagesDir = process.env.BANGFU_PAGES_DIR || path.join(here, '..', 'target', 'pages');
  let ids;
  try {
    ids = readFileSync(path.join(pagesDir, 'ids'), 'utf8').split('\n').filter(Boolean);
  } catch {
    die(`${pagesDir}/ids is missing: the cargo build writes it (build/pages.rs)`);
  }
  const out = path.join(dir, 'policy');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  for (const id of ids) {
    if (!/^[a-z0-9-]+$/.test(id)) die(`target/pages/ids names ${JSON.stringify(id)}, not a page`);
    let html;
    try {
      html = readFileSync(path.join(pagesDir, `${id}.html`), 'utf8');
    } catch {
      die(`${pagesDir}/ids names ${id}, whose page is missing`);
    }
    if (inlineBlocks(html).scripts.length || /<script\b/i.test(html)) die(`policy/${id}.html has a script: a policy page has none`);
    const attr = inlineAttribute(html);
    if (attr) die(`policy/${id}.html has an inline handler or style attribute: ${attr}`);
    if (!CSP_META.test(html)) die(`policy/${id}.html has no content security policy line`);
    html = release
      ? html.replace(CSP_META, (line) => line.replace(/content="[^"]*"/, `content="${cspForPage(html)}"`))
      : html.replace(CSP_META, '');
    writeFileSync(path.join(out, `${id}.html`), html);
    if (release) {
      const br = brotliCompressSync(Buffer.from(html), { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_MODE]: zc.BROTLI_MODE_TEXT } });
      if (br.length > PAGE_BUDGET) die(`policy/${id}.html is ${br.length} bytes brotli, over the ${PAGE_BUDGET} of a page`);
    }
  }
  const index = path.join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  const list = JSON.stringify(ids.join(' '));
  if (html.includes("'POLICY_PAGES'")) writeFileSync(index, html.replace("'POLICY_PAGES'", list));
  else if (!html.includes(list)) die("index.html has no 'POLICY_PAGES' placeholder for the policy pages");
}

// The app's WebAssembly (scripts/build-wasm.mjs, the pre_build hook, wrote
// it to target/split/<profile>/): copied in as one directory named by a hash
// of all its files, app-<16 hex>/. The files load each other by relative
// name (bangfu.js imports __wasm_split.js, which imports bangfu.js and
// fetches the screens' files), so the directory, not each file, carries the
// hash: a screen's file of one build can never load into the main module of
// another. index.html gets the directory's name ('BANGFU_APP') and each
// screen's files (SCREEN_FILES), to preload the link's own screen.
{
  const index = path.join(dir, 'index.html');
  let html = readFileSync(index, 'utf8');
  const named = html.match(/'(app-[0-9a-f]{16})'/)?.[1];
  if (!html.includes("'BANGFU_APP'") || !html.includes('SCREEN_FILES')) {
    // Named by an earlier run: keep it, if it is there.
    if (!named) die("index.html has no 'BANGFU_APP' and SCREEN_FILES placeholders for the app's files");
    if (!statSync(path.join(dir, named, 'bangfu_bg.wasm'), { throwIfNoEntry: false })) die(`index.html loads ${named}/, which is not there`);
  } else {
    const profile = release ? 'release' : 'debug';
    const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(here, '..', 'target');
    const src = path.join(target, 'split', profile);
    let screens;
    try {
      screens = JSON.parse(readFileSync(path.join(src, 'files.json'), 'utf8'));
    } catch {
      die(`${src}/files.json is missing: scripts/build-wasm.mjs (the pre_build hook) writes it`);
    }
    for (const rel of readdirSync(dir)) {
      if (/^app-([0-9a-f]{16}|new)$/.test(rel)) rmSync(path.join(dir, rel), { recursive: true, force: true });
    }
    const staged = path.join(dir, 'app-new');
    mkdirSync(staged);
    const names = readdirSync(src).filter((n) => n !== 'files.json').sort();
    if (!names.includes('bangfu.js') || !names.includes('bangfu_bg.wasm')) die(`${src} has no bangfu.js with bangfu_bg.wasm`);
    const hash = createHash('sha256');
    for (const n of names) {
      let bytes = readFileSync(path.join(src, n));
      // Minified before it is hashed, so the name is the hash of what ships.
      if (release && n.endsWith('.js')) bytes = Buffer.from(minifyGlue(bytes.toString('utf8')));
      writeFileSync(path.join(staged, n), bytes);
      hash.update(n).update('\0').update(bytes);
    }
    for (const files of Object.values(screens)) {
      for (const f of files) if (!names.includes(f)) die(`files.json names ${f}, which was not built`);
    }
    const app = `app-${hash.digest('hex').slice(0, 16)}`;
    renameSync(staged, path.join(dir, app));
    html = html.replace("'BANGFU_APP'", `'${app}'`).replace('SCREEN_FILES', JSON.stringify(screens));
    writeFileSync(index, html);
  }
}

// index.html, smaller (release builds; scripts/minify.mjs): before the CSP
// step, which hashes the result.
if (release) {
  const index = path.join(dir, 'index.html');
  writeFileSync(index, minifyIndex(readFileSync(index, 'utf8')));
}

// The content security policy (index.html's <meta http-equiv>, README
// "Deploying"): nothing but this site's own files, WebAssembly allowed
// ('wasm-unsafe-eval'), and the page's inline <script> and <style> elements
// allowed by the sha256 of exactly what was built, computed here after every
// other change to index.html. No inline event handler or style attribute may
// be in the page (a hash cannot allow those without 'unsafe-hashes'); the
// app sets styles through the CSSOM (Leptos `style:`), which CSP permits.
// Debug builds (`trunk serve`, whose live reload is an inline script and a
// WebSocket) drop the meta instead: the policy is tested on release builds.
{
  const index = path.join(dir, 'index.html');
  let html = readFileSync(index, 'utf8');
  if (release && !CSP_META.test(html)) die('index.html has no <meta http-equiv="Content-Security-Policy" content="..."> line');
  const attr = inlineAttribute(html);
  if (attr) die(`index.html has an inline handler or style attribute, which the content security policy refuses: ${attr}`);
  if (release) {
    // The meta itself holds no script or style, so its old hashes never change the new ones.
    const csp = cspFor(html);
    html = html.replace(CSP_META, (line) => line.replace(/content="[^"]*"/, `content="${csp}"`));
  } else {
    html = html.replace(CSP_META, '');
  }
  writeFileSync(index, html);
}

// Paths (relative to dir) of the manifest's icons and of index.html's
// apple-touch-icon, read from the built files themselves.
function installOnlyIcons() {
  const out = new Set();
  const local = (href, base) => {
    const u = new URL(href, `http://x/${base}`);
    if (u.origin === 'http://x') out.add(decodeURIComponent(u.pathname.slice(1)));
  };
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = tag.match(/\bhref\s*=\s*"([^"]*)"/i)?.[1];
    if (href && /\brel\s*=\s*"[^"]*\bapple-touch-icon\b/i.test(tag)) local(href, '');
    const manifest = /\brel\s*=\s*"manifest"/i.test(tag) && href ? new URL(href, 'http://x/').pathname.slice(1) : null;
    if (!manifest) continue;
    let icons = [];
    try {
      icons = JSON.parse(readFileSync(path.join(dir, decodeURIComponent(manifest)), 'utf8')).icons || [];
    } catch (err) {
      die(`${manifest}: ${err.message}`);
    }
    for (const icon of icons) if (typeof icon?.src === 'string') local(icon.src, manifest);
  }
  return out;
}

// Outputs of an earlier run go first, so a rerun starts from what Trunk built.
for (const rel of walk(dir)) {
  if (rel === 'sw.js' || /\.(gz|br)$/.test(rel)) rmSync(path.join(dir, rel));
}

let sw;
let summary;
if (release) {
  // sw.js is downloaded again on every update check, so the template's
  // comment lines (whole lines starting with //) and blank lines stay home.
  const template = readFileSync(TEMPLATE, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/.*)?$/.test(line))
    .join('\n') + '\n';
  // [url relative to sw.js, SRI integrity, immutable]. index.html is cached
  // under its directory's URL ('./'): every host serves that, while some
  // (Netlify, Cloudflare Pages) redirect /index.html to /.
  const installOnly = installOnlyIcons();
  const files = walk(dir)
    .filter((rel) => !NOT_PRECACHED(rel, installOnly))
    .map((rel) => {
      const integrity = 'sha384-' + createHash('sha384').update(readFileSync(path.join(dir, rel))).digest('base64');
      const url = rel === 'index.html' ? './' : rel.split('/').map(encodeURIComponent).join('/');
      return [url, integrity, HASHED.test(rel)];
    });
  const version = createHash('sha256').update(template).update(JSON.stringify(files)).digest('hex').slice(0, 16);
  sw =
    '// 帮扶助手 service worker. Generated by scripts/postbuild.mjs from public/sw.template.js: edit those.\n' +
    `const VERSION = '${version}';\n` +
    `const FILES = [\n${files.map((f) => `  ${JSON.stringify(f)},`).join('\n')}\n];\n\n` +
    template;
  summary = `sw.js ${version} precaches ${files.length} files`;
} else {
  sw = `// Generated by scripts/postbuild.mjs for a debug build (trunk serve): no offline
// cache. This worker takes over from any release worker registered at this
// address, deletes its caches and unregisters, so every reload shows the
// latest build.
'use strict';
const PREFIX = 'bangfu:' + self.registration.scope + ':';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX)).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister()),
  );
});
`;
  summary = 'sw.js (debug: removes itself and its caches)';
}
writeFileSync(path.join(dir, 'sw.js'), sw);

let compressed = 0;
if (release) {
  for (const rel of walk(dir)) {
    if (!COMPRESSIBLE.has(path.extname(rel).toLowerCase())) continue;
    const file = path.join(dir, rel);
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 });
    const br = brotliCompressSync(raw, {
      params: {
        [zc.BROTLI_PARAM_QUALITY]: 11,
        [zc.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [zc.BROTLI_PARAM_MODE]: rel.endsWith('.wasm') ? zc.BROTLI_MODE_GENERIC : zc.BROTLI_MODE_TEXT,
      },
    });
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length || br.length < raw.length) compressed++;
  }
}
console.log(`postbuild: ${summary}${release ? `; ${compressed} files compressed (.gz, .br)` : ''} in ${dir}`);
