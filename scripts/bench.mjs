#!/usr/bin/env node
// Measures the release build in dist/ (scripts/bench.sh builds it first), as
// two kinds of static host serve it, side by side (issue 29, "Measure as
// hosts serve"):
//
//   HTTP/2 + brotli   scripts/h2-server.mjs: node:http2 over TLS with a
//                     self-signed certificate for 127.0.0.1 made once into
//                     target/bench/tls/ (openssl), which Chromium and
//                     Lighthouse accept through --ignore-certificate-errors-spki-list;
//                     the .br files. What a county's host (object storage
//                     behind a CDN, a Pages service) does. Budgets are
//                     judged here.
//   HTTP/1.1 + gzip   tests/e2e/server.mjs with ENCODINGS=gzip: 6 connections,
//                     so a screen's 8 files take two waves of round trips, and
//                     the .gz files. Reported beside it as the worst case.
//
// Both servers share tests/e2e/static-host.mjs (content types, the
// compressed variant, cache headers). Every timing runs each host in turn,
// run by run, so a busy moment of the machine falls on both.
//
//   1. sizes: every file raw, gzip -9 and brotli 11 (the app's directory
//      app-<hash>/ file by file); the first-load transfer of each kind of
//      link (index.html, the main module with its JS, and the files of the
//      link's own screen, which index.html preloads; a policy link also the
//      pack) in brotli against the budgets (/ <= 120 KB, every deep link
//      <= 200 KB; gzip beside); everything kept for offline use (what the
//      service worker keeps, and the static pages policy/*.html, reported
//      apart) against its budget (<= 450 KB gzip)
//   2. Lighthouse 12, default mobile mode (simulated slow 4G, 4x CPU), N runs
//      of each view (/, ?v=loan, ?v=check, ?v=households, ?v=policy&id=tekun,
//      and policy/tekun.html when the static pages are built) on each host:
//      medians of the four category scores, FCP, LCP, TBT and total byte
//      weight against the budgets (performance >= 90, the others 100), and
//      every audit that keeps a category below 100 on the HTTP/2 host, with
//      the elements it names
//   3. time to answer: Playwright + Debian chromium, cold cache each run, 4x
//      CPU slowdown and Lighthouse's slow-4G figures applied through the
//      DevTools protocol; from navigation start until the loan estimator shows
//      the figure for a typed amount (budget: 2.5 s, median)
//   4. time to switch screens once loaded, same throttling, no service
//      worker, the next screen's files not yet cached: home → 自查 and
//      自查结果 → a policy entry's page (budget: 1.5 s each, median)
//   5. a village's size: a 1,000-household backup with 5 visits and 3
//      measures (一户一策) each and a declaration every 10th household,
//      4x CPU slowdown, the screens' files cached: importing it, the list's
//      first paint (home → 农户名单), a search as typed, the summary
//      (→ 村情汇总), each <= 200 ms; the stored record's bytes (UTF-8)
//      against 2 MB (the phone's localStorage quota is about 5 MB). Timed
//      inside the page from the user's event to the first frame showing
//      the result (copying the file into the page is Playwright's cost).
//   6. a policy entry's shared address, policy/tekun.html (a static page),
//      cold, same throttling: from navigation start until its h1 is visible
//      (<= 1.5 s) and the bytes transferred until the network is idle
//      (<= 20 KB). Skipped, without failing, when dist/ has no such page.
//
// Results are also written to target/bench/latest.json (and a dated copy):
// each timing under its host's id (h2br, h1gz).
//
//   node scripts/bench.mjs [--runs N] [--page QUERY] [--host ID] [--skip-lighthouse] [--skip-timing] [--only SECTIONS] [--strict]
//     --runs N        runs of Lighthouse and of the timing on each host (default 5; medians)
//     --page QUERY    only this page for Lighthouse, e.g. '?v=loan' (default: all views)
//     --host ID       only one host: h2br or h1gz (default both)
//     --only SECTIONS sizes and these of lighthouse, answer, switching, village, static-page (comma-separated)
//     --strict        exit 1 when a budget is over (default: report only)
// 1 KB = 1024 bytes throughout.
import { spawn, execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// DIST_DIR measures another build's dist/ (default <repo>/dist).
const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
const OUT = path.join(ROOT, 'target', 'bench');
const TLS = path.join(OUT, 'tls');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

const BUDGET = {
  // First loads in brotli, as the budget host serves them.
  homeBrotli: 120 * 1024,
  deepLinkBrotli: 200 * 1024,
  offlineGzip: 450 * 1024,
  scores: { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 },
  answeredMs: 2500,
  switchMs: 1500,
  villageMs: 200,
  villageRecordBytes: 2 * 1024 * 1024,
  staticPageMs: 1500,
  staticPageBytes: 20 * 1024,
};
const STATIC_PAGE = 'policy/tekun.html';
const VIEWS = ['', '?v=loan', '?v=check', '?v=households', '?v=policy&id=tekun'];
// Lighthouse's mobileSlow4G as it applies it with DevTools throttling
// (lighthouse/core/config/constants.js via @paulirish/trace_engine lantern
// Constants): 150 ms RTT and 1.6 Mbps down, 750 Kbps up, which through the
// protocol's per-request latency become 562.5 ms (x3.75) and 90 % throughput.
const SLOW_4G = { rttMs: 150, requestLatencyMs: 150 * 3.75, downloadKbps: 1.6 * 1024 * 0.9, uploadKbps: 750 * 0.9 };
const CPU_SLOWDOWN = 4;
// The seed report's case; typing 5万 must show 3,217.97 元 total interest
// (the same figure tests/e2e/loan.spec.mjs checks).
const TIMING_QUERY =
  '?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8' +
  '&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07';
const TIMING_INPUT = '5万';
const TIMING_EXPECT = '3,217.97 元';

// The two hosts; the first is the one the budgets are judged on.
const ALL_HOSTS = [
  { id: 'h2br', label: 'HTTP/2 + brotli', budget: true },
  { id: 'h1gz', label: 'HTTP/1.1 + gzip', budget: false },
];

// --- arguments -------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = { runs: 5, page: null, host: null, lighthouse: true, answer: true, switching: true, village: true, 'static-page': true, strict: false };
const SECTIONS = ['lighthouse', 'answer', 'switching', 'village', 'static-page'];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--runs') opt.runs = Math.max(1, Number(args[++i]) | 0);
  else if (a === '--page') opt.page = args[++i] || '';
  else if (a === '--host') {
    opt.host = args[++i];
    if (!ALL_HOSTS.some((h) => h.id === opt.host)) {
      console.error(`bench.mjs: --host takes one of ${ALL_HOSTS.map((h) => h.id).join(', ')}`);
      process.exit(2);
    }
  }
  else if (a === '--skip-lighthouse') opt.lighthouse = false;
  else if (a === '--skip-timing') opt.answer = opt.switching = opt.village = opt['static-page'] = false;
  else if (a === '--only') {
    const only = (args[++i] || '').split(',');
    if (!only.every((o) => SECTIONS.includes(o))) {
      console.error(`bench.mjs: --only takes one or more of ${SECTIONS.join(', ')} (comma-separated)`);
      process.exit(2);
    }
    for (const k of SECTIONS) opt[k] = only.includes(k);
  }
  else if (a === '--strict') opt.strict = true;
  else if (a === '-h' || a === '--help') {
    const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    console.log(head.slice(1, head.findIndex((l) => l.startsWith('// 1 KB')) + 1).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  } else {
    console.error(`bench.mjs: unknown argument '${a}' (try --help)`);
    process.exit(2);
  }
}
const HOSTS = ALL_HOSTS.filter((h) => !opt.host || h.id === opt.host);

// --- helpers ---------------------------------------------------------------------
const kb = (n) => (n / 1024).toFixed(1);
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// min–max of the runs, to show the spread beside a median.
const spread = (xs, f = (x) => x) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length > 1 ? `${f(Math.min(...s))}–${f(Math.max(...s))}` : '';
};
const verdict = (ok) => (ok ? 'PASS' : 'OVER');
const heading = (t) => console.log(`\n==> ${t}`);
function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const [i, r] of rows.entries()) {
    console.log('  ' + r.map((cell, c) => (align[c] === 'r' ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join('  ').trimEnd());
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
const overs = [];
// A budget judged on the budget host; the other host's figure is reported only.
function judge(host, ok, what) {
  if (host.budget && !ok) overs.push(what);
  return host.budget ? verdict(ok) : '(worst case)';
}

// The self-signed certificate of the HTTP/2 host: made once with openssl
// (Node can read certificates but not make them), reused on later runs.
// Chromium is told to accept exactly this key (its SPKI's sha256), nothing
// else.
function certificate() {
  const cert = path.join(TLS, 'cert.pem');
  const key = path.join(TLS, 'key.pem');
  if (!existsSync(cert) || !existsSync(key)) {
    mkdirSync(TLS, { recursive: true });
    try {
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', key, '-out', cert, '-days', '3650', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      console.error(`bench.mjs: could not make the HTTP/2 host's certificate with openssl (scripts/setup.sh --browser installs it): ${err.message}`);
      process.exit(1);
    }
  }
  const spki = createHash('sha256')
    .update(new X509Certificate(readFileSync(cert)).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  return { cert, key, spki };
}
const tls = certificate();
// Chromium here runs as root on a machine without network beyond the host.
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run', `--ignore-certificate-errors-spki-list=${tls.spki}`,
];
const PW_FLAGS = CHROME_FLAGS.filter((f) => f !== '--headless=new');
const MOBILE = {
  viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
};

// Slow 4G and the CPU slowdown on one page (the timings of sections 3, 4 and
// 6); returns its DevTools session.
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_4G.requestLatencyMs,
    downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
    uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

// Starts one host's server on a free port; resolves to { origin, stop }.
function startServer(host) {
  const [script, env] = host.id === 'h2br'
    ? [path.join(ROOT, 'scripts', 'h2-server.mjs'), { TLS_CERT: tls.cert, TLS_KEY: tls.key, ENCODINGS: 'br,gzip' }]
    : [path.join(ROOT, 'tests', 'e2e', 'server.mjs'), { ENCODINGS: 'gzip' }];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, PORT: '0', DIST_DIR: DIST, E2E_LOG: '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/at (https?:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ origin: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`${path.basename(script)} exited with ${code}`)));
  });
}

// Lighthouse's TBT and the timings suffer when other processes share the CPU.
const load = os.loadavg()[0];
console.log(`bench: ${os.cpus().length} CPUs, load average ${load.toFixed(2)}${load > os.cpus().length / 2 ? ' (busy: timings and TBT will read high)' : ''}`);
// --- 1. sizes ----------------------------------------------------------------------
if (!statSync(path.join(DIST, 'index.html'), { throwIfNoEntry: false })) {
  console.error(`bench.mjs: ${DIST}/index.html is missing; run scripts/bench.sh (it builds first)`);
  process.exit(1);
}
const files = readdirSync(DIST, { recursive: true })
  .map((n) => n.split(path.sep).join('/'))
  .filter((n) => !/\.(gz|br)$/.test(n) && statSync(path.join(DIST, n)).isFile());
const sizes = Object.fromEntries(
  files.map((n) => {
    const raw = readFileSync(path.join(DIST, n));
    const br = brotliCompressSync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    return [n, { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: br.length }];
  }),
);

// What the first visit downloads depends on the link (ARCHITECTURE.md, "One
// program, split"): index.html, what it names in tags (favicon), the main
// module (app-<hash>/bangfu.js, __wasm_split.js, bangfu_bg.wasm) and the
// files of the link's own screen that index.html preloads; a policy link
// also the content pack. The apple-touch-icon is fetched only by iOS when
// adding to the home screen; the manifest and its icon by Chrome on Android
// to check installability (listed apart); sw.js and its precache after the
// load event.
const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
const named = new Set();
for (const m of html.matchAll(/<(link|script)\b[^>]*>/g)) {
  const tag = m[0];
  const rel = tag.match(/\brel="([^"]+)"/)?.[1] || '';
  const url = tag.match(/\b(?:href|src)="([^"]+)"/)?.[1];
  if (!url || /apple-touch-icon|manifest/.test(rel)) continue;
  named.add(decodeURIComponent(url.replace(/^\.\//, '')));
}
const app = html.match(/'(app-[0-9a-f]{16})'/)?.[1];
const pack = html.match(/'(pack-[0-9a-f]{16}\.json)'/)?.[1];
const screenFiles = JSON.parse(html.match(/var screens = (\{[^;]*\});/)?.[1] || 'null');
if (!app || !pack || !screenFiles) {
  console.error('bench.mjs: index.html does not name the app directory, the pack and the screens\' files: not a build of this app?');
  process.exit(1);
}
const MAIN = ['bangfu.js', '__wasm_split.js', 'bangfu_bg.wasm'].map((n) => `${app}/${n}`);
const entries = [
  ['/ (home)', null, []],
  ['?v=loan (estimator)', 'loan', []],
  ['?v=check (self-check)', 'check', []],
  ['?v=households', 'households', []],
  ['?v=policy (the library, preloads the pack)', 'policy', [pack]],
  ['?v=local (本地数字)', 'local', []],
  ['?v=risk (风险补偿金)', 'risk', []],
  // For a policy entry the QR screen fetches the pack for the title.
  ['?v=qr&for=… (QR code, with the pack)', 'qr', [pack]],
].map(([link, view, extra]) => {
  const own = (view && screenFiles[view]) || [];
  const names = ['index.html', ...named, ...MAIN, ...own.map((f) => `${app}/${f}`), ...extra].filter(
    (n, i, all) => sizes[n] && all.indexOf(n) === i,
  );
  return { link, view, wasm: `${app}/bangfu_bg.wasm`, names };
});
// An entry is a static page: its old link (?v=policy&id=) is sent on to it by
// index.html's first script, before any other download; its own address is
// the page alone.
if (sizes[STATIC_PAGE]) {
  entries.push(
    { link: '?v=policy&id=tekun (an old entry link, sent on to its page)', names: ['index.html', STATIC_PAGE], limit: BUDGET.deepLinkBrotli },
    { link: `${STATIC_PAGE} (an entry's page)`, names: [STATIC_PAGE], limit: BUDGET.staticPageBytes },
  );
}
const firstLoad = entries[0].names;
const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
const installCheck = ['manifest.webmanifest', manifest.icons.find((i) => i.sizes === '192x192')?.src].filter((n) => sizes[n]);
// After load the worker downloads itself and its precache list (read from
// sw.js): index.html again (cached under './', another URL than the page's)
// and the files the page did not load (the other parts, the pack); the rest it
// revalidates or takes from the HTTP cache.
const precached = JSON.parse(readFileSync(path.join(DIST, 'sw.js'), 'utf8').match(/^const FILES = (\[[\s\S]*?\n\]);$/m)[1].replace(/,\n\]$/, '\n]'))
  .map((f) => (f[0] === './' ? 'index.html' : decodeURIComponent(f[0])));
const swFiles = ['sw.js', ...precached.filter((n) => n === 'index.html' || !firstLoad.includes(n))];
const sum = (names, key) => names.reduce((t, n) => t + sizes[n][key], 0);
// The static pages (policy/<id>.html, the glossary, the timeline): a shared
// address opens one without the app.
const staticPages = files.filter((n) => /^policy\/[^/]+\.html$/.test(n)).sort();

heading(`sizes of dist/ (${files.length} files; * = first load of /)`);
const sorted = [...files].sort((a, b) => sizes[b].raw - sizes[a].raw);
table(
  [
    ['file', 'raw B', 'gzip -9 B', 'brotli 11 B', 'raw KB', 'gzip KB', 'br KB'],
    ...sorted.map((n) => [
      (firstLoad.includes(n) ? '* ' : '  ') + n,
      sizes[n].raw, sizes[n].gzip, sizes[n].brotli, kb(sizes[n].raw), kb(sizes[n].gzip), kb(sizes[n].brotli),
    ]),
    ['  all files', sum(files, 'raw'), sum(files, 'gzip'), sum(files, 'brotli'), kb(sum(files, 'raw')), kb(sum(files, 'gzip')), kb(sum(files, 'brotli'))],
  ],
  ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
);

heading('first-load transfer and budgets, for each kind of link (budgets in brotli, as the HTTP/2 host serves; gzip is the worst case)');
const budgetRows = [['budget', 'brotli B', 'brotli KB', 'gzip KB', 'limit', 'result']];
const firstLoads = [];
for (const e of entries) {
  const fl = { raw: sum(e.names, 'raw'), gzip: sum(e.names, 'gzip'), brotli: sum(e.names, 'brotli') };
  const limit = e.limit ?? (e.view ? BUDGET.deepLinkBrotli : BUDGET.homeBrotli);
  const ok = fl.brotli <= limit;
  firstLoads.push({ link: e.link, files: e.names, ...fl, limitBrotli: limit, ok });
  console.log(`  ${e.link}: ${e.names.join(' + ')}`);
  console.log(`      = ${fl.raw} B raw, ${fl.brotli} B brotli (${kb(fl.brotli)} KB), ${fl.gzip} B gzip (${kb(fl.gzip)} KB)`);
  const w = sizes[e.wasm];
  if (w && !budgetRows.some((r) => r[0].includes(e.wasm))) {
    budgetRows.push([`  of which wasm (${e.wasm})`, w.brotli, kb(w.brotli), kb(w.gzip), '', '']);
  }
  budgetRows.push([`first load, ${e.link}`, fl.brotli, kb(fl.brotli), kb(fl.gzip), `${kb(limit)} KB br`, verdict(ok)]);
  if (!ok) overs.push(`first load brotli (${e.link})`);
}
console.log(`  not counted: Chrome on Android also fetches ${installCheck.join(' + ')} to check installability: ` +
  `+${sum(installCheck, 'brotli')} B brotli; after load the service worker fetches ${swFiles.join(', ')} ` +
  `(${sum(swFiles, 'brotli')} B brotli, ${sum(swFiles, 'gzip')} B gzip, once per version, for offline use; the other files it revalidates or takes from the HTTP cache).`);
// Everything kept for offline use: what the service worker precaches, and
// the static pages (reported apart, counted once if the worker lists them).
const offline = ['sw.js', ...precached];
const appOffline = offline.filter((n) => !staticPages.includes(n));
const off = { files: appOffline.length, raw: sum(appOffline, 'raw'), gzip: sum(appOffline, 'gzip'), brotli: sum(appOffline, 'brotli') };
const pagesNotPrecached = staticPages.filter((n) => !precached.includes(n));
const pagesOff = { files: staticPages.length, precached: staticPages.length - pagesNotPrecached.length,
  raw: sum(staticPages, 'raw'), gzip: sum(staticPages, 'gzip'), brotli: sum(staticPages, 'brotli') };
const allNames = [...appOffline, ...staticPages];
const offAll = { files: allNames.length, raw: sum(allNames, 'raw'), gzip: sum(allNames, 'gzip'), brotli: sum(allNames, 'brotli') };
budgetRows.push([`kept for offline: the app (sw.js and its ${appOffline.length - 1} files)`, off.brotli, kb(off.brotli), kb(off.gzip), '', '']);
budgetRows.push([staticPages.length
  ? `kept for offline: the static pages (${staticPages.length} policy/*.html, ${pagesOff.precached} listed in sw.js)`
  : 'kept for offline: the static pages (none in dist/ yet)', pagesOff.brotli, kb(pagesOff.brotli), kb(pagesOff.gzip), '', '']);
const offOk = offAll.gzip <= BUDGET.offlineGzip;
budgetRows.push([`kept for offline, all (${offAll.files} files)`, offAll.brotli, kb(offAll.brotli), kb(offAll.gzip), `${kb(BUDGET.offlineGzip)} KB gzip`, verdict(offOk)]);
if (!offOk) overs.push('offline total gzip');
table(budgetRows, ['l', 'r', 'r', 'r', 'r', 'l']);
if (staticPages.length && pagesNotPrecached.length) {
  console.log(`  ${pagesNotPrecached.length} static page(s) not in sw.js's list, counted beside it: ${pagesNotPrecached.slice(0, 5).join(', ')}${pagesNotPrecached.length > 5 ? ', …' : ''}`);
}
const fl = firstLoads[0];
const hasStaticPage = Boolean(sizes[STATIC_PAGE]);

const results = {
  date: new Date().toISOString(),
  commit: (() => {
    try {
      const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
      return rev + (dirty ? '+dirty' : '');
    } catch {
      return null;
    }
  })(),
  // The build measured (dist/ may be older than the checkout): sw.js's VERSION.
  build: readFileSync(path.join(DIST, 'sw.js'), 'utf8').match(/VERSION = ['"]([^'"]+)/)?.[1] ?? null,
  kbIs: 1024,
  loadAverage: load,
  runs: opt.runs,
  hosts: HOSTS.map(({ id, label, budget }) => ({ id, label, budget })),
  sizes,
  firstLoad: fl,
  offline: { app: off, staticPages: { ...pagesOff, names: staticPages, notPrecached: pagesNotPrecached }, all: offAll },
  firstLoads,
  serviceWorkerAfterLoad: { files: swFiles, gzip: sum(swFiles, 'gzip'), brotli: sum(swFiles, 'brotli') },
  budgets: BUDGET,
};

// Prints one table of medians, a column per host: rows of [measure, values by
// host id (numbers), format, budget text, ok(value) or null].
function hostTable(rows) {
  const head = ['measure', ...HOSTS.map((h) => `${h.label} median (runs)`), 'budget', 'result'];
  table(
    [head, ...rows.map(([name, byHost, fmt, budgetText, ok]) => {
      const budgetHost = HOSTS.find((h) => h.budget);
      const cells = HOSTS.map((h) => {
        const v = byHost[h.id];
        if (!v) return '';
        const sp = spread(v.runs, fmt);
        return `${fmt(v.median)}${sp ? ` (${sp})` : ''}`;
      });
      const res = ok && budgetHost && byHost[budgetHost.id] ? verdict(ok(byHost[budgetHost.id].median)) : '';
      return [name, ...cells, budgetText || '', res];
    })],
    ['l', ...HOSTS.map(() => 'r'), 'l', 'l'],
  );
}
const perHost = (fn) => Object.fromEntries(HOSTS.map((h) => [h.id, fn(h)]));
const launch = async () => (await import('@playwright/test')).chromium.launch({ executablePath: CHROME, args: PW_FLAGS });

// --- 2. Lighthouse ---------------------------------------------------------------------
const servers = {};
try {
  if (SECTIONS.some((k) => opt[k])) {
    for (const h of HOSTS) servers[h.id] = await startServer(h);
    heading('hosts');
    for (const h of HOSTS) console.log(`  ${h.label}: ${servers[h.id].origin}/${h.budget ? ' (budgets judged here)' : ' (worst case, reported)'}`);
  }
  if (opt.lighthouse) {
    results.lighthouse = [];
    const version = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
    const views = opt.page !== null ? [opt.page] : [...VIEWS, ...(hasStaticPage ? [STATIC_PAGE] : [])];
    if (opt.page === null && !hasStaticPage) console.log(`\n  (no ${STATIC_PAGE} in dist/: Lighthouse skips the static page)`);
    mkdirSync(OUT, { recursive: true });
    const cats = Object.keys(BUDGET.scores);
    for (const page of views) {
      heading(`Lighthouse ${version}, mobile (simulated slow 4G, 4x CPU), ${opt.runs} runs of /${page} on each host`);
      const runs = perHost(() => []);
      for (let i = 1; i <= opt.runs; i++) {
        for (const h of HOSTS) {
          const url = `${servers[h.id].origin}/${page}`;
          const file = path.join(OUT, `lighthouse-${h.id}-${page.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${i}.json`);
          const started = Date.now();
          execFileSync(
            path.join(ROOT, 'node_modules', '.bin', 'lighthouse'),
            [url, '--output=json', `--output-path=${file}`, '--quiet', '--no-enable-error-reporting', `--chrome-flags=${CHROME_FLAGS.join(' ')}`],
            { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'inherit'] },
          );
          const lhr = JSON.parse(readFileSync(file, 'utf8'));
          if (lhr.runtimeError) throw new Error(`Lighthouse run ${i} (${h.label}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          runs[h.id].push(lhr);
          const s = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
          console.log(`  run ${i}, ${h.label}: ${Object.entries(s).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
            `FCP ${sec(lhr.audits['first-contentful-paint'].numericValue)}, LCP ${sec(lhr.audits['largest-contentful-paint'].numericValue)}, ` +
            `TBT ${Math.round(lhr.audits['total-blocking-time'].numericValue)} ms (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        }
      }
      const entry = { version, page: page || '/', runs: opt.runs, hosts: {} };
      for (const h of HOSTS) {
        const rs = runs[h.id];
        const perRun = rs.map((r) => ({ scores: Object.fromEntries(cats.map((k) => [k, Math.round((r.categories[k]?.score ?? NaN) * 100)])),
          fcpMs: r.audits['first-contentful-paint'].numericValue, lcpMs: r.audits['largest-contentful-paint'].numericValue,
          tbtMs: r.audits['total-blocking-time'].numericValue, totalByteWeight: r.audits['total-byte-weight'].numericValue }));
        const medians = {
          ...Object.fromEntries(cats.map((k) => [k, median(perRun.map((r) => r.scores[k]))])),
          fcpMs: median(perRun.map((r) => r.fcpMs)), lcpMs: median(perRun.map((r) => r.lcpMs)),
          tbtMs: median(perRun.map((r) => r.tbtMs)), totalByteWeight: median(perRun.map((r) => r.totalByteWeight)),
        };
        // Audits that hold a category below 100, in any run, with what they name.
        const failing = {};
        for (const k of cats) {
          if (rs.every((r) => Math.round(r.categories[k].score * 100) === 100)) continue;
          const list = new Map();
          for (const r of rs) {
            for (const ref of r.categories[k].auditRefs) {
              const a = r.audits[ref.id];
              if (a.score === null || a.score >= 1 || ['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode)) continue;
              // Performance diagnostics without weight are advice, not the score.
              if (k === 'performance' && ref.weight === 0 && a.score >= 0.9) continue;
              if (list.has(a.id)) continue;
              const items = (a.details?.items || []).slice(0, 6).map((it) => {
                const node = it.node || it.element || (it.subItems?.items?.[0]?.relatedNode);
                if (node?.selector || node?.snippet) return `${node.selector || ''} ${node.snippet ? node.snippet.slice(0, 160) : ''}`.trim();
                return it.url || it.source?.url || null;
              }).filter(Boolean);
              list.set(a.id, { id: a.id, title: a.title, score: a.score, weight: ref.weight, displayValue: a.displayValue || '', items });
            }
          }
          failing[k] = [...list.values()];
        }
        entry.hosts[h.id] = { medians, failing, perRun };
      }
      const col = (f) => perHost((h) => ({ median: f(entry.hosts[h.id].medians), runs: entry.hosts[h.id].perRun.map(f) }));
      console.log(`\n  medians of ${opt.runs} runs (min–max in brackets)`);
      hostTable([
        ...cats.map((k) => [k, col((m) => m.scores ? m.scores[k] : m[k]), (v) => String(v), `>= ${BUDGET.scores[k]}`, (v) => v >= BUDGET.scores[k]]),
        ['FCP', col((m) => m.fcpMs), sec, '', null],
        ['LCP', col((m) => m.lcpMs), sec, '', null],
        ['TBT', col((m) => m.tbtMs), (v) => `${Math.round(v)} ms`, '', null],
        ['total byte weight', col((m) => m.totalByteWeight), (v) => `${kb(v)} KB`, '', null],
      ]);
      for (const h of HOSTS.filter((x) => x.budget)) {
        for (const k of cats) if (!(entry.hosts[h.id].medians[k] >= BUDGET.scores[k])) overs.push(`Lighthouse ${k} (${page || '/'})`);
      }
      // What keeps the scores down, on the budget host (the JSON has both).
      const shown = HOSTS.find((h) => h.budget) || HOSTS[0];
      for (const [k, list] of Object.entries(entry.hosts[shown.id].failing)) {
        console.log(`\n  ${k} (${shown.label}): audits below full marks in at least one run`);
        if (!list.length) console.log('    (none listed: the score is below 100 through metric rounding only)');
        for (const a of list) {
          console.log(`    - ${a.id}: ${a.title} (score ${a.score}${a.weight ? `, weight ${a.weight}` : ''}${a.displayValue ? `, ${a.displayValue}` : ''})`);
          for (const it of a.items) console.log(`        ${it}`);
        }
      }
      results.lighthouse.push(entry);
    }

    if (results.lighthouse.length > 1) {
      heading(`Lighthouse medians per view (${HOSTS.map((h) => h.label).join(' / ')})`);
      const both = (l, f) => HOSTS.map((h) => f(l.hosts[h.id].medians)).join(' / ');
      table(
        [['view', 'performance', 'FCP s', 'LCP s', 'TBT ms', 'bytes KB', ...cats.slice(1)],
          ...results.lighthouse.map((l) => [l.page,
            both(l, (m) => m.performance), both(l, (m) => (m.fcpMs / 1000).toFixed(2)), both(l, (m) => (m.lcpMs / 1000).toFixed(2)),
            both(l, (m) => Math.round(m.tbtMs)), both(l, (m) => kb(m.totalByteWeight)), ...cats.slice(1).map((k) => both(l, (m) => m[k]))])],
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      );
    }
  }

  // --- 3. time to answer ---------------------------------------------------------------
  if (opt.answer) {
    heading(`time to answer: ${opt.runs} cold runs on each host, ${CPU_SLOWDOWN}x CPU slowdown, slow 4G ` +
      `(Lighthouse mobileSlow4G: ${SLOW_4G.rttMs} ms RTT applied as ${SLOW_4G.requestLatencyMs} ms request latency, ` +
      `${(SLOW_4G.downloadKbps / 1024).toFixed(2)} Mbps down, ${SLOW_4G.uploadKbps} Kbps up)`);
    console.log(`  open /${TIMING_QUERY}, type ${TIMING_INPUT} as the amount, wait for total interest ${TIMING_EXPECT}`);
    const runs = perHost(() => []);
    for (let i = 1; i <= opt.runs; i++) {
      for (const h of HOSTS) {
        // A new browser each run: empty HTTP cache, no service worker.
        const browser = await launch();
        try {
          const context = await browser.newContext(MOBILE);
          const page = await context.newPage();
          const cdp = await throttle(context, page);
          let bytes = 0;
          cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
          // Timestamps are taken inside the page, by a MutationObserver, in ms
          // since its navigation started: no polling delay in the figures.
          await page.addInitScript(([want]) => {
            const t = (window.__bench = { ready: null, answered: null });
            const check = () => {
              const input = document.querySelector('#amount');
              if (t.ready === null && input && !input.disabled) t.ready = performance.now();
              const out = document.querySelector('#total-interest');
              if (t.answered === null && out && out.textContent.trim() === want) t.answered = performance.now();
            };
            new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
          }, [TIMING_EXPECT]);
          await page.goto(`${servers[h.id].origin}/${TIMING_QUERY}`, { waitUntil: 'commit', timeout: 120_000 });
          await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 120_000 });
          await page.fill('#amount', TIMING_INPUT);
          await page.waitForFunction(() => window.__bench.answered !== null, null, { timeout: 60_000 });
          const { ready, answered } = await page.evaluate(() => window.__bench);
          runs[h.id].push({ inputReadyMs: ready, answeredMs: answered, transferredBytes: bytes });
          console.log(`  run ${i}, ${h.label}: input ready ${sec(ready)}, answer shown ${sec(answered)}, ${bytes} B transferred`);
        } finally {
          await browser.close();
        }
      }
    }
    const col = (k) => perHost((h) => ({ median: median(runs[h.id].map((r) => r[k])), runs: runs[h.id].map((r) => r[k]) }));
    const answered = col('answeredMs');
    hostTable([
      ['input ready', col('inputReadyMs'), sec, '', null],
      ['answer shown', answered, sec, `<= ${sec(BUDGET.answeredMs)}`, (v) => v <= BUDGET.answeredMs],
      ['transferred', col('transferredBytes'), (v) => `${kb(v)} KB`, '', null],
    ]);
    for (const h of HOSTS) judge(h, answered[h.id].median <= BUDGET.answeredMs, 'time to answer');
    results.timing = { url: TIMING_QUERY, input: TIMING_INPUT, expect: TIMING_EXPECT, cpuSlowdown: CPU_SLOWDOWN, network: SLOW_4G,
      hosts: perHost((h) => ({ runs: runs[h.id], medians: Object.fromEntries(['inputReadyMs', 'answeredMs', 'transferredBytes'].map((k) => [k, median(runs[h.id].map((r) => r[k]))])) })) };
  }

  // --- 4. time to switch screens ----------------------------------------------------
  if (opt.switching) {
    heading(`time to switch screens: ${opt.runs} runs each on each host, ${CPU_SLOWDOWN}x CPU slowdown, slow 4G, no service worker, ` +
      'the next screen\'s files not yet cached (from the tap until the next screen\'s heading shows)');
    const SWITCHES = [
      ['home → 自查', '', '#tile-check', 'h1', '家庭自查'],
      // A policy entry is a static page (policy/<id>.html): from the tap until its heading is there.
      ['自查结果 → 政策 page', '?v=check', '#results-now', '.finding a[href*="policy/"]', null],
    ];
    results.switching = [];
    const rows = [];
    for (const [name, start, tap, next, text] of SWITCHES) {
      const runs = perHost(() => []);
      for (let i = 1; i <= opt.runs; i++) {
        for (const h of HOSTS) {
          const browser = await launch();
          try {
            const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
            const page = await context.newPage();
            await page.goto(`${servers[h.id].origin}/${start}`);
            await page.waitForSelector(tap);
            let target = tap;
            let want = text;
            if (name.startsWith('自查结果')) {
              // To the results (same file), then time the tap on a finding's policy link.
              // A finding's policy link is inside its explanation (说明、怎么办…,
              // collapsed): open the first finding's that has one.
              await page.click(tap);
              await page.locator('.finding').filter({ has: page.locator('a[href*="policy/"]') }).first().locator('summary').click();
              target = `${next} >> visible=true`;
              await page.locator(target).first().waitFor({ timeout: 60_000 });
              want = '';
            }
            await throttle(context, page);
            const t0 = Date.now();
            await page.locator(target).first().click();
            if (want) await page.waitForFunction((w) => document.querySelector('h1')?.textContent.trim() === w, want, { timeout: 60_000 });
            else await page.waitForSelector('#entry-title', { timeout: 60_000 });
            runs[h.id].push(Date.now() - t0);
          } finally {
            await browser.close();
          }
        }
      }
      const byHost = perHost((h) => ({ median: median(runs[h.id]), runs: runs[h.id] }));
      for (const h of HOSTS) {
        console.log(`  ${name}, ${h.label}: ${runs[h.id].map(sec).join(', ')}; median ${sec(byHost[h.id].median)}`);
        judge(h, byHost[h.id].median <= BUDGET.switchMs, `screen switch (${name})`);
      }
      rows.push([name, byHost, sec, `<= ${sec(BUDGET.switchMs)}`, (v) => v <= BUDGET.switchMs]);
      results.switching.push({ name, hosts: perHost((h) => ({ runs: runs[h.id], medianMs: byHost[h.id].median })) });
    }
    hostTable(rows);
  }

  // --- 5. a village's size -------------------------------------------------------------
  if (opt.village) {
    heading(`a village's size: 1,000 households x 5 visits x 3 measures, a declaration every 10th, ${CPU_SLOWDOWN}x CPU slowdown, median of ${opt.runs} on each host (budget ${BUDGET.villageMs} ms each)`);
    const day = (d) => new Date(Date.UTC(2026, 0, 1) + d * 86400e3).toISOString().slice(0, 10);
    const INCOME = ['lt4000', '4000_6000', '6000_8000', '8000_10000', '10000_15000', 'gt15000', 'unknown'];
    const households = [];
    const visits = [];
    const measures = [];
    const declared = [];
    const WHAT = ['申请医疗救助', '联系公益岗位', '危房改造'];
    const PROGRESS = ['todo', 'doing', 'done'];
    for (let i = 0; i < 1000; i++) {
      const answers = (k) => ({ members: String(2 + ((i + k) % 5)), income: INCOME[(i + k) % 7], food: 'yes', house: k % 3 ? 'safe' : 'problem' });
      const id = `v${i}`;
      households.push({ id, label: `${(i % 9) + 1}组 农户${i + 1}`, village: ['梅河村', '河西村', '石桥村', '新店村'][i % 4], date: day(300 + (i % 30)), answers: answers(4) });
      visits.push({ id, note: '已走访', earlier: [0, 1, 2, 3].map((k) => ({ date: day(60 * k + (i % 30)), note: `第${k + 1}次走访：收入和住房情况已记下`, answers: answers(k) })) });
      for (let k = 0; k < 3; k++) {
        measures.push({ id, key: `m${k}`, what: WHAT[k], who: '张书记', by: day(310 + 10 * k + (i % 10)), progress: PROGRESS[k], note: '', stamp: String(1000 + k) });
      }
      if (i % 10 === 0) declared.push({ id, programme: 'jiance', date: day(300 + (i % 20)), stamp: '1' });
    }
    const backup = JSON.stringify({ app: 'bangfu', kind: 'households', version: 1, exported: day(330), households, visits, declared, measures }, null, 2);
    const runs = perHost(() => []);
    for (let i = 1; i <= opt.runs; i++) {
      for (const h of HOSTS) {
        const origin = servers[h.id].origin;
        const browser = await launch();
        try {
          const context = await browser.newContext(MOBILE);
          const page = await context.newPage();
          await page.goto(`${origin}/?v=village`);
          await page.waitForSelector('#counts, h1');
          await page.goto(`${origin}/?v=households`);
          await page.waitForSelector('#import-file', { state: 'attached' });
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
          // Timed in the page, from the user's event (the first click, input
          // or change it sees) to the first frame whose check passes (each
          // check ends with __passed(), which stamps the time): Playwright's
          // own cost, such as copying a 3 MB file into the page, is not the app's.
          const timed = async (act, done) => {
            await page.evaluate(() => {
              window.__t0 = window.__t1 = null;
              window.__passed = () => ((window.__t1 = performance.now()), true);
              for (const t of ['click', 'input', 'change']) {
                document.addEventListener(t, () => { window.__t0 ??= performance.now(); }, { capture: true, once: true });
              }
            });
            await act();
            await page.waitForFunction(done, null, { timeout: 120_000, polling: 'raf' });
            return Math.round(await page.evaluate(() => window.__t1 - window.__t0));
          };
          const run = {};
          run.importMs = await timed(
            () => page.setInputFiles('#import-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) }),
            () => /已导入 1000 户/.test(document.getElementById('io-status')?.textContent || '') && window.__passed(),
          );
          run.recordBytes = await page.evaluate(() => new TextEncoder().encode(localStorage.getItem('bangfu') || '').length);
          await page.click('#go-home');
          run.listMs = await timed(() => page.click('#tile-households'), () => document.querySelectorAll('#household-list li.household').length > 0 && window.__passed());
          run.searchMs = await timed(() => page.fill('#search', '农户77'), () => document.querySelectorAll('#household-list li.household').length === 11 && window.__passed());
          await page.fill('#search', '');
          run.summaryMs = await timed(() => page.click('#go-village'), () => !!document.getElementById('count-all') && window.__passed());
          runs[h.id].push(run);
          console.log(`  run ${i}, ${h.label}: import ${run.importMs} ms, list ${run.listMs} ms, search ${run.searchMs} ms, summary ${run.summaryMs} ms; record ${run.recordBytes} B`);
        } finally {
          await browser.close();
        }
      }
    }
    const KEYS = ['importMs', 'listMs', 'searchMs', 'summaryMs'];
    const col = (k) => perHost((h) => ({ median: median(runs[h.id].map((r) => r[k])), runs: runs[h.id].map((r) => r[k]) }));
    const rec = col('recordBytes');
    hostTable([
      ...KEYS.map((k) => [k.replace('Ms', ''), col(k), (v) => `${Math.round(v)} ms`, `<= ${BUDGET.villageMs} ms`, (v) => v <= BUDGET.villageMs]),
      ['stored record', rec, (v) => `${(v / 1048576).toFixed(2)} MB`, '<= 2 MB', (v) => v <= BUDGET.villageRecordBytes],
    ]);
    for (const h of HOSTS) {
      for (const k of KEYS) judge(h, col(k)[h.id].median <= BUDGET.villageMs, `village ${k.replace('Ms', '')}`);
      judge(h, rec[h.id].median <= BUDGET.villageRecordBytes, 'village record size');
    }
    console.log(`  (backup file ${backup.length} characters)`);
    results.village = { households: 1000, visitsEach: 5, measuresEach: 3, declarationsEvery: 10,
      hosts: perHost((h) => ({ runs: runs[h.id], medians: Object.fromEntries([...KEYS, 'recordBytes'].map((k) => [k, median(runs[h.id].map((r) => r[k]))])) })) };
  }

  // --- 6. a policy entry's shared address (a static page) ------------------------------
  if (opt['static-page']) {
    heading(`a policy entry's shared address, /${STATIC_PAGE}: ${opt.runs} cold runs on each host, ${CPU_SLOWDOWN}x CPU slowdown, slow 4G, no service worker ` +
      `(until its h1 is visible <= ${sec(BUDGET.staticPageMs)}; bytes until the network is idle <= ${kb(BUDGET.staticPageBytes)} KB)`);
    if (!hasStaticPage) {
      console.log(`  skipped: dist/ has no ${STATIC_PAGE} yet (the static pages are not built)`);
      results.staticPage = { page: STATIC_PAGE, skipped: true };
    } else {
      const runs = perHost(() => []);
      for (let i = 1; i <= opt.runs; i++) {
        for (const h of HOSTS) {
          const browser = await launch();
          try {
            const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
            const page = await context.newPage();
            const cdp = await throttle(context, page);
            let bytes = 0;
            const requests = [];
            cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
            cdp.on('Network.requestWillBeSent', (e) => requests.push(e.request.url));
            // Checked on every frame from the start: the first frame in which
            // the h1 has a box, text and is not hidden (the frame's start; the
            // figure reported is the later of it and the first contentful paint).
            await page.addInitScript(() => {
              const t = (window.__bench = { h1: null });
              const tick = () => {
                const h1 = document.querySelector('h1');
                if (h1 && h1.textContent.trim()) {
                  const r = h1.getBoundingClientRect();
                  const cs = getComputedStyle(h1);
                  if (r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0) {
                    t.h1 = performance.now();
                    return;
                  }
                }
                requestAnimationFrame(tick);
              };
              requestAnimationFrame(tick);
            });
            await page.goto(`${servers[h.id].origin}/${STATIC_PAGE}`, { waitUntil: 'commit', timeout: 120_000 });
            await page.waitForFunction(() => window.__bench.h1 !== null, null, { timeout: 60_000 });
            await page.waitForLoadState('networkidle', { timeout: 60_000 });
            const { laidOut, fcp } = await page.evaluate(() => ({ laidOut: window.__bench.h1,
              fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null }));
            // The frame that has it is painted no earlier than the first
            // contentful paint.
            const h1 = Math.max(laidOut, fcp ?? 0);
            runs[h.id].push({ h1VisibleMs: h1, fcpMs: fcp, transferredBytes: bytes, requests: requests.length });
            console.log(`  run ${i}, ${h.label}: h1 visible ${sec(h1)}${fcp !== null ? ` (first contentful paint ${sec(fcp)})` : ''}, ` +
              `${bytes} B transferred in ${requests.length} requests`);
          } finally {
            await browser.close();
          }
        }
      }
      const col = (k) => perHost((h) => ({ median: median(runs[h.id].map((r) => r[k])), runs: runs[h.id].map((r) => r[k]) }));
      const vis = col('h1VisibleMs');
      const bytes = col('transferredBytes');
      hostTable([
        ['h1 visible', vis, sec, `<= ${sec(BUDGET.staticPageMs)}`, (v) => v <= BUDGET.staticPageMs],
        ['first contentful paint', col('fcpMs'), sec, '', null],
        ['transferred', bytes, (v) => `${kb(v)} KB`, `<= ${kb(BUDGET.staticPageBytes)} KB`, (v) => v <= BUDGET.staticPageBytes],
      ]);
      for (const h of HOSTS) {
        judge(h, vis[h.id].median <= BUDGET.staticPageMs, `static page h1 (${STATIC_PAGE})`);
        judge(h, bytes[h.id].median <= BUDGET.staticPageBytes, `static page bytes (${STATIC_PAGE})`);
      }
      results.staticPage = { page: STATIC_PAGE, cpuSlowdown: CPU_SLOWDOWN, network: SLOW_4G,
        hosts: perHost((h) => ({ runs: runs[h.id], medians: Object.fromEntries(['h1VisibleMs', 'fcpMs', 'transferredBytes'].map((k) => [k, median(runs[h.id].map((r) => r[k]))])) })) };
    }
  }
} catch (err) {
  // A section that breaks must not lose the others' figures: they are written
  // below, with the error, and the bench exits 1.
  console.error(err);
  results.error = String(err?.stack || err);
} finally {
  for (const s of Object.values(servers)) s.stop();
}

heading(overs.length ? `budgets over (${HOSTS.find((h) => h.budget)?.label || 'no budget host measured'}): ${overs.join(', ')}` : 'all budgets pass');
results.over = overs;
mkdirSync(OUT, { recursive: true });
const json = JSON.stringify(results, null, 2) + '\n';
writeFileSync(path.join(OUT, 'latest.json'), json);
writeFileSync(path.join(OUT, `bench-${results.date.replace(/[:.]/g, '-')}.json`), json);
console.log(`  results: ${path.relative(ROOT, path.join(OUT, 'latest.json'))}`);
if (results.error) console.log('  the bench stopped early on an error (above); what it measured before is in the results');
process.exit(results.error || (opt.strict && overs.length) ? 1 : 0);
