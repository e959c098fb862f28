// What a well-configured static host does with a request for a file of dist/,
// shared by the two servers that play one: tests/e2e/server.mjs (HTTP/1.1,
// the browser tests and the bench's worst case) and scripts/h2-server.mjs
// (HTTP/2 over TLS, the bench's budget host). Plain Node, no dependencies.
//
// - dist/ is served twice: at / and under the sub-path /bangfu/, so tests can
//   prove the app works when deployed below the site root. index.html for a
//   directory; nothing else is rewritten.
// - Compression as hosts with precompressed files do (nginx gzip_static and
//   brotli_static, Caddy `precompressed`, object storage with the .br/.gz
//   uploaded as the file): FILE.br when the client accepts br, else FILE.gz
//   when it accepts gzip, else gzip -9 on the fly for compressible types;
//   Content-Encoding and Vary: Accept-Encoding set. `encodings` limits what
//   the host serves (['gzip'] plays a host without brotli).
// - Caching: content-hashed files are immutable for a year; everything else
//   (index.html, sw.js, manifest, icons, static pages) is `no-cache`, i.e.
//   revalidated on every use, with an ETag so that revalidation answers 304.
//   sw.js gets nothing of its own: `no-cache` is what lets a browser notice a
//   new build (browsers revalidate the worker's script at most daily anyway).
//
// createHandler works for node:http's and node:http2's compatibility API alike
// (req.method, req.url, req.headers, res.writeHead, res.end).
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

export const SUB_PATH = '/bangfu';

export const TYPES = {
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
export const compressible = (type) =>
  /^(text\/|application\/(wasm|json|manifest\+json|xml|javascript)|image\/svg\+xml|image\/x-icon)/.test(type);

// Content-hashed names: every file under app-<16 hex>/ (the app's
// WebAssembly and JS) and name-<16 hex>.ext (the content pack).
export const HASHED = /(?:^|\/)app-[0-9a-f]{16}\/[^/]+$|-[0-9a-f]{16}\.[a-z0-9]+$/;

export const cacheControl = (file) =>
  HASHED.test(file.split(path.sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache';

// Codings the client accepts, of those the host serves: listed with q > 0,
// or covered by `*`.
export function acceptedEncodings(header = '', serves = ['br', 'gzip']) {
  const listed = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    listed.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = new Set();
  for (const enc of serves) {
    const q = listed.has(enc) ? listed.get(enc) : listed.get('*') ?? 0;
    if (q > 0) ok.add(enc);
  }
  return ok;
}

// Which representation of `file` (stat `st`) to send: a precompressed copy
// (br before gzip), gzip made on the fly, or the file itself.
export async function chooseVariant(file, st, acceptEncoding, serves = ['br', 'gzip']) {
  const accepts = acceptedEncodings(acceptEncoding, serves);
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepts.has(enc)) continue;
    const pre = await stat(file + ext).catch(() => null);
    // A precompressed copy older than its file is stale: never serve it.
    if (pre?.isFile() && pre.mtimeMs >= st.mtimeMs) return { encoding: enc, source: file + ext, sourceStat: pre };
  }
  return { encoding: accepts.has('gzip') ? 'gzip' : null, source: file, sourceStat: st };
}

// The request handler. `encodings` is what the host serves (default br and
// gzip); `log` records the coding on the response for the caller's log line.
export function createHandler({ root, encodings = ['br', 'gzip'], log = false }) {
  const gzCache = new Map();
  return async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    // /bangfu without its slash would make relative URLs resolve against /.
    if (rel === SUB_PATH) {
      res.writeHead(301, { Location: `${SUB_PATH}/${url.search}` }).end();
      return;
    }
    if (rel.startsWith(`${SUB_PATH}/`)) rel = rel.slice(SUB_PATH.length);

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

    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Cache-Control': cacheControl(file),
      'X-Content-Type-Options': 'nosniff',
    };
    let variant = { encoding: null, source: file, sourceStat: st };
    if (compressible(type)) {
      headers.Vary = 'Accept-Encoding';
      variant = await chooseVariant(file, st, req.headers['accept-encoding'], encodings);
    }
    const { encoding, source, sourceStat } = variant;
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
  };
}

// The request wrapper both servers use: the log line, errors as 500.
export function serveWith(handle, { log = false } = {}) {
  return (req, res) => {
    if (log) res.on('finish', () => console.error(`${res.statusCode} ${req.method} ${req.url}${res.encoding ? ` ${res.encoding}` : ''}`));
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end('internal error');
    });
  };
}
