#!/usr/bin/env node
// Measures the release build in dist/ (scripts/bench.sh builds it first):
//
//   1. sizes: every file raw, gzip -9 and brotli 11 (the app's directory
//      app-<hash>/ file by file); the first-load transfer of each kind of
//      link (index.html, the main module with its JS, and the files of the
//      link's own screen, which index.html preloads; a policy link also the
//      pack) against the budget (each <= 170 KB gzip, aim 150 KB; brotli
//      beside it); everything the service worker keeps for offline use
//      against its budget (<= 400 KB gzip)
//   2. Lighthouse 12, default mobile mode (simulated slow 4G, 4x CPU), N runs
//      of each view (/, ?v=loan, ?v=check, ?v=households, ?v=policy&id=tekun)
//      against tests/e2e/server.mjs (compressing like a real host): medians of
//      the four category scores, FCP, LCP, TBT and total byte weight against
//      the budgets (performance >= 90, the others 100), and every audit that
//      keeps a category below 100, with the elements it names
//   3. time to answer: Playwright + Debian chromium, cold cache each run, 4x
//      CPU slowdown and Lighthouse's slow-4G figures applied through the
//      DevTools protocol; from navigation start until the loan estimator shows
//      the figure for a typed amount (budget: 2.5 s, median)
//   4. time to switch screens once loaded, same throttling, no service
//      worker, the next screen's files not yet cached: home → 自查 and
//      自查结果 → a policy entry (reported; kept under 1 s)
//   5. a village's size: a 1,000-household backup with 5 visits and 3
//      measures (一户一策) each and a declaration every 10th household,
//      4x CPU slowdown, the screens' files cached: importing it, the list's
//      first paint (home → 农户名单), a search as typed, the summary
//      (→ 村情汇总), each <= 200 ms; the stored record's bytes (UTF-8)
//      against 2 MB (the phone's localStorage quota is about 5 MB). Timed
//      inside the page from the user's event to the first frame showing
//      the result (copying the file into the page is Playwright's cost).
//
// Results are also written to target/bench/latest.json (and a dated copy).
//
//   node scripts/bench.mjs [--runs N] [--page QUERY] [--skip-lighthouse] [--skip-timing] [--only SECTION] [--strict]
//     --runs N        runs of Lighthouse and of the timing (default 3; medians)
//     --page QUERY    only this page for Lighthouse, e.g. '?v=loan' (default: all five views)
//     --only SECTION  sizes and one of lighthouse, answer, switching, village
//     --strict        exit 1 when a budget is over (default: report only)
// 1 KB = 1024 bytes throughout.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'target', 'bench');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
// Chromium here runs as root on a machine without network beyond the host.
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run',
];

const BUDGET = {
  firstLoadGzip: 170 * 1024,
  // Not a budget: the figure to aim for, reported beside it.
  firstLoadAimGzip: 150 * 1024,
  offlineGzip: 400 * 1024,
  scores: { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 },
  answeredMs: 2500,
  switchMs: 1000,
  villageMs: 200,
  villageRecordBytes: 2 * 1024 * 1024,
};
const PAGES = ['', '?v=loan', '?v=check', '?v=households', '?v=policy&id=tekun'];
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

// --- arguments -------------------------------------------------------------------
const args = process.argv.slice(2);
const opt = { runs: 3, page: null, lighthouse: true, answer: true, switching: true, village: true, strict: false };
const SECTIONS = ['lighthouse', 'answer', 'switching', 'village'];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--runs') opt.runs = Math.max(1, Number(args[++i]) | 0);
  else if (a === '--page') opt.page = args[++i] || '';
  else if (a === '--skip-lighthouse') opt.lighthouse = false;
  else if (a === '--skip-timing') opt.answer = opt.switching = opt.village = false;
  else if (a === '--only') {
    const only = args[++i];
    if (!SECTIONS.includes(only)) {
      console.error(`bench.mjs: --only takes one of ${SECTIONS.join(', ')}`);
      process.exit(2);
    }
    for (const k of SECTIONS) opt[k] = k === only;
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

// --- helpers ---------------------------------------------------------------------
const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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

// Slow 4G and the CPU slowdown on one page (the timings of sections 3 and 4);
// returns its DevTools session.
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

// Starts tests/e2e/server.mjs on a free port; resolves to { origin, stop }.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tests', 'e2e', 'server.mjs')], {
      env: { ...process.env, PORT: '0', DIST_DIR: DIST },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ origin: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`server.mjs exited with ${code}`)));
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
  ['?v=policy&id=… (preloads the pack)', 'policy', [pack]],
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

heading('first-load transfer and budgets, for each kind of link');
const budgetRows = [['budget', 'gzip B', 'gzip KB', 'brotli KB', 'limit', 'result']];
const firstLoads = [];
for (const e of entries) {
  const fl = { raw: sum(e.names, 'raw'), gzip: sum(e.names, 'gzip'), brotli: sum(e.names, 'brotli') };
  firstLoads.push({ link: e.link, files: e.names, ...fl });
  console.log(`  ${e.link}: ${e.names.join(' + ')}`);
  console.log(`      = ${fl.raw} B raw, ${fl.gzip} B gzip (${kb(fl.gzip)} KB), ${fl.brotli} B brotli (${kb(fl.brotli)} KB)`);
  const w = sizes[e.wasm];
  if (!budgetRows.some((r) => r[0].includes(e.wasm))) {
    budgetRows.push([`  of which wasm (${e.wasm})`, w.gzip, kb(w.gzip), kb(w.brotli), '', '']);
  }
  const aim = fl.gzip <= BUDGET.firstLoadAimGzip ? ` (within the ${kb(BUDGET.firstLoadAimGzip)} KB aim)` : '';
  budgetRows.push([`first load, ${e.link}`, fl.gzip, kb(fl.gzip), kb(fl.brotli), `${kb(BUDGET.firstLoadGzip)} KB gzip`, verdict(fl.gzip <= BUDGET.firstLoadGzip) + aim]);
  if (fl.gzip > BUDGET.firstLoadGzip) overs.push(`first load gzip (${e.link})`);
}
console.log(`  not counted: Chrome on Android also fetches ${installCheck.join(' + ')} to check installability: ` +
  `+${sum(installCheck, 'gzip')} B gzip; after load the service worker fetches ${swFiles.join(', ')} ` +
  `(${sum(swFiles, 'gzip')} B gzip, once per version, for offline use; the other files it revalidates or takes from the HTTP cache).`);
const offline = ['sw.js', ...precached];
const off = { files: offline.length, raw: sum(offline, 'raw'), gzip: sum(offline, 'gzip'), brotli: sum(offline, 'brotli') };
budgetRows.push([`kept for offline (sw.js and its ${precached.length} files)`, off.gzip, kb(off.gzip), kb(off.brotli), `${kb(BUDGET.offlineGzip)} KB gzip`, verdict(off.gzip <= BUDGET.offlineGzip)]);
if (off.gzip > BUDGET.offlineGzip) overs.push('offline total gzip');
table(budgetRows, ['l', 'r', 'r', 'r', 'r', 'l']);
const fl = firstLoads[0];

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
  kbIs: 1024,
  loadAverage: load,
  sizes,
  firstLoad: fl,
  offline: off,
  firstLoads,
  serviceWorkerAfterLoad: { files: swFiles, gzip: sum(swFiles, 'gzip'), brotli: sum(swFiles, 'brotli') },
  budgets: BUDGET,
};

// --- 2. Lighthouse -------------------------------------------------------------------
const server = SECTIONS.some((k) => opt[k]) ? await startServer() : null;
try {
  if (opt.lighthouse) results.lighthouse = [];
  for (const page of opt.lighthouse ? (opt.page === null ? PAGES : [opt.page]) : []) {
    const url = `${server.origin}/${page}`;
    heading(`Lighthouse ${JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version}, mobile (simulated slow 4G, 4x CPU), ${opt.runs} runs of ${url}`);
    mkdirSync(OUT, { recursive: true });
    const runs = [];
    for (let i = 1; i <= opt.runs; i++) {
      const file = path.join(OUT, `lighthouse-${page.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${i}.json`);
      const started = Date.now();
      execFileSync(
        path.join(ROOT, 'node_modules', '.bin', 'lighthouse'),
        [url, '--output=json', `--output-path=${file}`, '--quiet', '--no-enable-error-reporting', `--chrome-flags=${CHROME_FLAGS.join(' ')}`],
        { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      const lhr = JSON.parse(readFileSync(file, 'utf8'));
      if (lhr.runtimeError) throw new Error(`Lighthouse run ${i}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      runs.push(lhr);
      const s = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
      console.log(`  run ${i}: ${Object.entries(s).map(([k, v]) => `${k} ${v}`).join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    const cats = Object.keys(BUDGET.scores);
    const score = (k) => median(runs.map((r) => Math.round((r.categories[k]?.score ?? NaN) * 100)));
    const metric = (id) => median(runs.map((r) => r.audits[id]?.numericValue));
    const med = {
      ...Object.fromEntries(cats.map((k) => [k, score(k)])),
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      totalByteWeight: metric('total-byte-weight'),
    };
    console.log(`\n  medians of ${opt.runs} runs`);
    table(
      [
        ['measure', 'median', 'budget', 'result'],
        ...cats.map((k) => [k, med[k], `>= ${BUDGET.scores[k]}`, verdict(med[k] >= BUDGET.scores[k])]),
        ['FCP', `${(med.fcpMs / 1000).toFixed(2)} s`, '', ''],
        ['LCP', `${(med.lcpMs / 1000).toFixed(2)} s`, '', ''],
        ['TBT', `${Math.round(med.tbtMs)} ms`, '', ''],
        ['total byte weight', `${Math.round(med.totalByteWeight)} B (${kb(med.totalByteWeight)} KB)`, '', ''],
      ],
      ['l', 'r', 'l', 'l'],
    );
    for (const k of cats) if (!(med[k] >= BUDGET.scores[k])) overs.push(`Lighthouse ${k} (${page || '/'})`);

    // Audits that hold a category below 100, in any run, with what they name.
    const failing = {};
    for (const k of cats) {
      if (runs.every((r) => Math.round(r.categories[k].score * 100) === 100)) continue;
      const list = new Map();
      for (const r of runs) {
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
    for (const [k, list] of Object.entries(failing)) {
      console.log(`\n  ${k}: audits below full marks in at least one run`);
      if (!list.length) console.log('    (none listed: the score is below 100 through metric rounding only)');
      for (const a of list) {
        console.log(`    - ${a.id}: ${a.title} (score ${a.score}${a.weight ? `, weight ${a.weight}` : ''}${a.displayValue ? `, ${a.displayValue}` : ''})`);
        for (const it of a.items) console.log(`        ${it}`);
      }
    }
    results.lighthouse.push({ version: runs[0].lighthouseVersion, page: page || '/', runs: runs.length, medians: med, failing,
      perRun: runs.map((r) => ({ scores: Object.fromEntries(cats.map((k) => [k, Math.round(r.categories[k].score * 100)])),
        fcpMs: r.audits['first-contentful-paint'].numericValue, lcpMs: r.audits['largest-contentful-paint'].numericValue,
        tbtMs: r.audits['total-blocking-time'].numericValue, totalByteWeight: r.audits['total-byte-weight'].numericValue })) });
  }

  if (results.lighthouse?.length > 1) {
    heading('Lighthouse medians per view');
    const cats = Object.keys(BUDGET.scores);
    table(
      [['view', ...cats, 'LCP s', 'TBT ms'],
        ...results.lighthouse.map((l) => [l.page, ...cats.map((k) => l.medians[k]), (l.medians.lcpMs / 1000).toFixed(2), Math.round(l.medians.tbtMs)])],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    );
  }

  // --- 3. time to answer ---------------------------------------------------------------
  if (opt.answer) {
    const { chromium } = await import('@playwright/test');
    const url = `${server.origin}/${TIMING_QUERY}`;
    heading(`time to answer: ${opt.runs} cold runs, ${CPU_SLOWDOWN}x CPU slowdown, slow 4G ` +
      `(Lighthouse mobileSlow4G: ${SLOW_4G.rttMs} ms RTT applied as ${SLOW_4G.requestLatencyMs} ms request latency, ` +
      `${(SLOW_4G.downloadKbps / 1024).toFixed(2)} Mbps down, ${SLOW_4G.uploadKbps} Kbps up)`);
    console.log(`  open ${url.replace(server.origin, '')}, type ${TIMING_INPUT} as the amount, wait for total interest ${TIMING_EXPECT}`);
    const runs = [];
    for (let i = 1; i <= opt.runs; i++) {
      // A new browser each run: empty HTTP cache, no service worker.
      const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS.filter((f) => f !== '--headless=new') });
      try {
        const context = await browser.newContext({
          viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
          locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
        });
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
        await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
        await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 120_000 });
        await page.fill('#amount', TIMING_INPUT);
        await page.waitForFunction(() => window.__bench.answered !== null, null, { timeout: 60_000 });
        const { ready, answered } = await page.evaluate(() => window.__bench);
        runs.push({ inputReadyMs: ready, answeredMs: answered, transferredBytes: bytes });
        console.log(`  run ${i}: input ready ${(ready / 1000).toFixed(2)} s, answer shown ${(answered / 1000).toFixed(2)} s, ${bytes} B transferred`);
      } finally {
        await browser.close();
      }
    }
    const med = {
      inputReadyMs: median(runs.map((r) => r.inputReadyMs)),
      answeredMs: median(runs.map((r) => r.answeredMs)),
      transferredBytes: median(runs.map((r) => r.transferredBytes)),
    };
    console.log(`  median: input ready ${(med.inputReadyMs / 1000).toFixed(2)} s, answer shown ${(med.answeredMs / 1000).toFixed(2)} s ` +
      `after navigation start; ${med.transferredBytes} B (${kb(med.transferredBytes)} KB) transferred (brotli: the server sends the .br files)`);
    console.log(`  budget: answer within ${(BUDGET.answeredMs / 1000).toFixed(1)} s: ${verdict(med.answeredMs <= BUDGET.answeredMs)}`);
    if (!(med.answeredMs <= BUDGET.answeredMs)) overs.push('time to answer');
    results.timing = { url: TIMING_QUERY, input: TIMING_INPUT, expect: TIMING_EXPECT, cpuSlowdown: CPU_SLOWDOWN, network: SLOW_4G, runs, medians: med };
  }
  // --- 4. time to switch screens ----------------------------------------------------
  if (opt.switching) {
    const { chromium } = await import('@playwright/test');
    heading(`time to switch screens: ${opt.runs} runs each, ${CPU_SLOWDOWN}x CPU slowdown, slow 4G, no service worker, ` +
      'the next screen\'s files not yet cached (from the tap until the next screen\'s heading shows)');
    const SWITCHES = [
      ['home → 自查', '', '#tile-check', 'h1', '家庭自查'],
      ['自查结果 → 政策 entry', '?v=check', '#results-now', '.finding a[href*="v=policy"], .finding .policy-link', null],
    ];
    results.switching = [];
    for (const [name, start, tap, next, text] of SWITCHES) {
      const runs = [];
      for (let i = 1; i <= opt.runs; i++) {
        const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS.filter((f) => f !== '--headless=new') });
        try {
          const context = await browser.newContext({
            viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
            locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block',
          });
          const page = await context.newPage();
          await page.goto(`${server.origin}/${start}`);
          await page.waitForSelector(tap);
          let target = tap;
          let want = text;
          if (name.startsWith('自查结果')) {
            // To the results (same file), then time the tap on a finding's policy link.
            await page.click(tap);
            target = (await page.waitForSelector(next)) && next;
            want = '';
          }
          await throttle(context, page);
          const t0 = Date.now();
          await page.locator(target).first().click();
          if (want) await page.waitForFunction((w) => document.querySelector('h1')?.textContent.trim() === w, want, { timeout: 60_000 });
          else await page.waitForSelector('#entry-title', { timeout: 60_000 });
          runs.push(Date.now() - t0);
        } finally {
          await browser.close();
        }
      }
      const med = median(runs);
      console.log(`  ${name}: ${runs.map((r) => `${(r / 1000).toFixed(2)} s`).join(', ')}; median ${(med / 1000).toFixed(2)} s: ` +
        `${verdict(med <= BUDGET.switchMs)} (under ${(BUDGET.switchMs / 1000).toFixed(1)} s)`);
      if (!(med <= BUDGET.switchMs)) overs.push(`screen switch (${name})`);
      results.switching.push({ name, runs, medianMs: med });
    }
  }
  // --- 5. a village's size -------------------------------------------------------------
  if (opt.village) {
    const { chromium } = await import('@playwright/test');
    heading(`a village's size: 1,000 households x 5 visits x 3 measures, a declaration every 10th, ${CPU_SLOWDOWN}x CPU slowdown, median of ${opt.runs} (budget ${BUDGET.villageMs} ms each)`);
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
    const runs = [];
    for (let i = 1; i <= opt.runs; i++) {
      const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS.filter((f) => f !== '--headless=new') });
      try {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        const page = await context.newPage();
        await page.goto(`${server.origin}/?v=village`);
        await page.waitForSelector('#counts, h1');
        await page.goto(`${server.origin}/?v=households`);
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
        runs.push(run);
        console.log(`  run ${i}: import ${run.importMs} ms, list ${run.listMs} ms, search ${run.searchMs} ms, summary ${run.summaryMs} ms; record ${run.recordBytes} B`);
      } finally {
        await browser.close();
      }
    }
    const med = Object.fromEntries(['importMs', 'listMs', 'searchMs', 'summaryMs', 'recordBytes'].map((k) => [k, median(runs.map((r) => r[k]))]));
    for (const k of ['importMs', 'listMs', 'searchMs', 'summaryMs']) {
      console.log(`  ${k.replace('Ms', '')}: median ${med[k]} ms: ${verdict(med[k] <= BUDGET.villageMs)}`);
      if (!(med[k] <= BUDGET.villageMs)) overs.push(`village ${k.replace('Ms', '')}`);
    }
    console.log(`  stored record: ${med.recordBytes} B (${(med.recordBytes / 1048576).toFixed(2)} MB): ${verdict(med.recordBytes <= BUDGET.villageRecordBytes)} (2 MB; backup file ${backup.length} characters)`);
    if (!(med.recordBytes <= BUDGET.villageRecordBytes)) overs.push('village record size');
    results.village = { households: 1000, visitsEach: 5, measuresEach: 3, declarationsEvery: 10, runs, medians: med };
  }
} finally {
  server?.stop();
}

heading(overs.length ? `budgets over: ${overs.join(', ')}` : 'all budgets pass');
results.over = overs;
mkdirSync(OUT, { recursive: true });
const json = JSON.stringify(results, null, 2) + '\n';
writeFileSync(path.join(OUT, 'latest.json'), json);
writeFileSync(path.join(OUT, `bench-${results.date.replace(/[:.]/g, '-')}.json`), json);
console.log(`  results: ${path.relative(ROOT, path.join(OUT, 'latest.json'))}`);
process.exit(opt.strict && overs.length ? 1 : 0);
