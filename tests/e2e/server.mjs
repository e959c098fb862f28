// Static server for the browser tests and the benchmark: plain Node, no
// dependencies, HTTP/1.1. It behaves like a well-configured static host, so
// the tests see what villagers' phones will see; what it does with a request
// (the sub-path /bangfu/, precompressed .br/.gz, cache headers, ETags) is
// tests/e2e/static-host.mjs, which scripts/h2-server.mjs (HTTP/2 + TLS, the
// bench's other host) shares. (Chromium offers br to secure contexts, and
// 127.0.0.1 is one, so by default this server sends the .br files.)
//
//   PORT       listen port (default 8765; 0 picks a free one), on 127.0.0.1.
//              Prints "serving DIR at http://127.0.0.1:PORT/ ..." once listening.
//   DIST_DIR   directory to serve (default <repo>/dist)
//   ENCODINGS  codings the host serves, comma-separated (default br,gzip;
//              the bench's worst case is ENCODINGS=gzip: a host without brotli)
//   E2E_LOG=1  log every request to stderr: status, method, URL, encoding
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUB_PATH, createHandler, serveWith } from './static-host.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.env.DIST_DIR || path.join(here, '..', '..', 'dist'));
const port = Number(process.env.PORT ?? 8765);
const host = '127.0.0.1';
const log = process.env.E2E_LOG === '1';
const encodings = (process.env.ENCODINGS || 'br,gzip').split(',').map((s) => s.trim()).filter(Boolean);

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`server.mjs: ${root}/index.html is missing; run 'trunk build --release --offline --skip-version-check' first`);
  process.exit(1);
}

const server = createServer(serveWith(createHandler({ root, encodings, log }), { log }));
server.on('error', (err) => {
  console.error(`server.mjs: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`serving ${root} at http://${host}:${actual}/ and http://${host}:${actual}${SUB_PATH}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
