#!/usr/bin/env node
// The bench's HTTP/2 host: what a county would use (object storage behind a
// CDN, a Pages service) speaks HTTP/2 over TLS and serves brotli. node:http2
// createSecureServer with the same request handling as the browser tests'
// HTTP/1.1 server (tests/e2e/static-host.mjs: sub-path, precompressed .br/.gz,
// cache headers, ETags). HTTP/2 only (allowHTTP1: false): a client that
// cannot speak it should fail loudly, not quietly measure HTTP/1.1 over TLS.
//
//   TLS_CERT, TLS_KEY  PEM files (scripts/bench.mjs makes a self-signed pair
//                      for 127.0.0.1 and localhost in target/bench/tls/)
//   PORT       listen port (default 8766; 0 picks a free one), on 127.0.0.1.
//              Prints "serving DIR at https://127.0.0.1:PORT/ ..." once listening.
//   DIST_DIR   directory to serve (default <repo>/dist)
//   ENCODINGS  codings the host serves, comma-separated (default br,gzip)
//   E2E_LOG=1  log every request to stderr: status, method, URL, encoding
import { createSecureServer } from 'node:http2';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUB_PATH, createHandler, serveWith } from '../tests/e2e/static-host.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.env.DIST_DIR || path.join(here, '..', 'dist'));
const port = Number(process.env.PORT ?? 8766);
const host = '127.0.0.1';
const log = process.env.E2E_LOG === '1';
const encodings = (process.env.ENCODINGS || 'br,gzip').split(',').map((s) => s.trim()).filter(Boolean);

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`h2-server.mjs: ${root}/index.html is missing; run 'trunk build --release --offline --skip-version-check' first`);
  process.exit(1);
}
if (!process.env.TLS_CERT || !process.env.TLS_KEY) {
  console.error('h2-server.mjs: TLS_CERT and TLS_KEY must name PEM files (scripts/bench.mjs makes them)');
  process.exit(1);
}

const server = createSecureServer(
  { cert: readFileSync(process.env.TLS_CERT), key: readFileSync(process.env.TLS_KEY), allowHTTP1: false },
  serveWith(createHandler({ root, encodings, log }), { log }),
);
const sessions = new Set();
server.on('session', (s) => {
  sessions.add(s);
  s.on('close', () => sessions.delete(s));
});
server.on('error', (err) => {
  console.error(`h2-server.mjs: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`serving ${root} at https://${host}:${actual}/ and https://${host}:${actual}${SUB_PATH}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
  server.close(() => process.exit(0));
  for (const s of sessions) s.destroy();
});
