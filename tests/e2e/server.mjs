// Static server for the browser tests: plain Node, no dependencies.
//
// Serves dist/ twice: at / and under the sub-path /bangfu/, so tests can prove
// the app works when deployed below the site root. gzip when the client accepts
// it; index.html for a directory; nothing else is rewritten.
//
//   PORT      listen port (default 8765), on 127.0.0.1
//   DIST_DIR  directory to serve (default <repo>/dist)
//   E2E_LOG=1 log every request to stderr
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.env.DIST_DIR || path.join(here, '..', '..', 'dist'));
const port = Number(process.env.PORT || 8765);
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
};
// Already-compressed formats are sent as they are.
const compressible = (type) =>
  /^(text\/|application\/(wasm|json|manifest\+json|xml|javascript)|image\/svg\+xml|image\/x-icon)/.test(type);

// gzip output cached per file and mtime: dist/ changes only between builds.
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
    // Tests must always see the latest build.
    'Cache-Control': 'no-cache',
    'Last-Modified': st.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  let body;
  if (compressible(type)) {
    headers.Vary = 'Accept-Encoding';
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const key = `${file}:${st.mtimeMs}:${st.size}`;
      body = gzCache.get(key);
      if (!body) {
        body = gzipSync(await readFile(file), { level: 9 });
        gzCache.set(key, body);
      }
      headers['Content-Encoding'] = 'gzip';
    }
  }
  body ??= await readFile(file);
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer((req, res) => {
  if (log) res.on('finish', () => console.error(`${res.statusCode} ${req.method} ${req.url}`));
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
  console.log(`serving ${root} at http://${host}:${port}/ and http://${host}:${port}${subPath}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
