// Static server for the browser tests and the benchmark: plain Node, no
// dependencies. It behaves like a well-configured static host, so the tests
// see what villagers' phones will see:
//
// - dist/ is served twice: at / and under the sub-path /bangfu/, so tests can
//   prove the app works when deployed below the site root. index.html for a
//   directory; nothing else is rewritten.
// - Compression as hosts with precompressed files do (nginx gzip_static and
//   brotli_static, Caddy `precompressed`): FILE.br when the client accepts br,
//   else FILE.gz when it accepts gzip, else gzip -9 on the fly for
//   compressible types; Content-Encoding and Vary: Accept-Encoding set.
//   (Chromium offers br to secure contexts, and 127.0.0.1 is one.)
// - Caching: Trunk's content-hashed files are immutable for a year; everything
//   else (index.html, sw.js, manifest, icons) is `no-cache`, i.e. revalidated
//   on every use, with an ETag so that revalidation answers 304.
//
//   PORT      listen port (default 8765; 0 picks a free one), on 127.0.0.1.
//             Prints "serving DIR at http://127.0.0.1:PORT/ ..." once listening.
//   DIST_DIR  directory to serve (default <repo>/dist)
//   E2E_LOG=1 log every request to stderr: status, method, URL, encoding
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.env.DIST_DIR || path.join(here, '..', '..', 'dist'));
const port = Number(process.env.PORT ?? 8765);
const host = '127.0.0.1';
const subPath = '/bangfu';
const log = process.env.E2E_LOG === '1';

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`server.mjs: ${root}/index.html is missing; run 'trunk build --release --offline --skip-version-check' first`);
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.gz': 'application/gzip',
  '.br': 'application/octet-stream',
};
// Already-compressed formats are sent as they are.
const compressible = (type) =>
  /^(text\/|application\/(wasm|json|manifest\+json|xml|javascript)|image\/svg\+xml|image\/x-icon)/.test(type);

// Content-hashed names: every file under app-<16 hex>/ (the app's
// WebAssembly and JS) and name-<16 hex>.ext (the content pack).
const HASHED = /(?:^|\/)app-[0-9a-f]{16}\/[^/]+$|-[0-9a-f]{16}\.[a-z0-9]+$/;

// Codings the client accepts: listed with q > 0, or covered by `*`.
function acceptedEncodings(header = '') {
  const listed = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    listed.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = new Set();
  for (const enc of ['br', 'gzip']) {
    const q = listed.has(enc) ? listed.get(enc) : listed.get('*') ?? 0;
    if (q > 0) ok.add(enc);
  }
  return ok;
}

const gzCache = new Map();

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url, `http://${host}`);
  let rel;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  // /bangfu without its slash would make relative URLs resolve against /.
  if (rel === subPath) {
    res.writeHead(301, { Location: `${subPath}/${url.search}` }).end();
    return;
  }
  if (rel.startsWith(`${subPath}/`)) rel = rel.slice(subPath.length);

  let file = path.join(root, path.normalize(rel));
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  let st = await stat(file).catch(() => null);
  if (st?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    file = path.join(file, 'index.html');
    st = await stat(file).catch(() => null);
  }
  if (!st?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }

  const type = types[path.extname(file).toLowerCase()] || 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'Cache-Control': HASHED.test(file.split(path.sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  // Which representation: a precompressed file, gzip made here, or the file.
  let encoding = null;
  let source = file;
  let sourceStat = st;
  if (compressible(type)) {
    headers.Vary = 'Accept-Encoding';
    const accepts = acceptedEncodings(req.headers['accept-encoding']);
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepts.has(enc)) continue;
      const pre = await stat(file + ext).catch(() => null);
      // A precompressed copy older than its file is stale: never serve it.
      if (pre?.isFile() && pre.mtimeMs >= st.mtimeMs) {
        encoding = enc;
        source = file + ext;
        sourceStat = pre;
        break;
      }
    }
    if (!encoding && accepts.has('gzip')) encoding = 'gzip';
  }
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Last-Modified'] = st.mtime.toUTCString();
  headers.ETag = `"${sourceStat.size.toString(36)}-${Math.floor(sourceStat.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}${source === file && encoding ? '-live' : ''}"`;

  const inm = req.headers['if-none-match'];
  const ims = Date.parse(req.headers['if-modified-since'] || '');
  const fresh = inm !== undefined
    ? inm.split(',').some((t) => t.trim().replace(/^W\//, '') === headers.ETag || t.trim() === '*')
    : !Number.isNaN(ims) && Math.floor(st.mtimeMs / 1000) <= Math.floor(ims / 1000);
  if (fresh) {
    delete headers['Content-Type'];
    delete headers['Content-Encoding'];
    res.writeHead(304, headers).end();
    return;
  }

  let body;
  if (encoding && source === file) {
    // gzip on the fly, cached per file and mtime: dist/ changes only between builds.
    const key = `${file}:${st.mtimeMs}:${st.size}`;
    body = gzCache.get(key);
    if (!body) {
      body = gzipSync(await readFile(file), { level: 9 });
      gzCache.set(key, body);
    }
  } else {
    body = await readFile(source);
  }
  headers['Content-Length'] = body.length;
  if (log) res.encoding = encoding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer((req, res) => {
  if (log) res.on('finish', () => console.error(`${res.statusCode} ${req.method} ${req.url}${res.encoding ? ` ${res.encoding}` : ''}`));
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end('internal error');
  });
});
server.on('error', (err) => {
  console.error(`server.mjs: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`serving ${root} at http://${host}:${actual}/ and http://${host}:${actual}${subPath}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
