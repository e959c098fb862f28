// Helpers for the offline/update/manifest/server specs (not a spec itself).
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowOrigin } from './guard.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const shot = (name) => `tests/e2e/screenshots/${name}.png`;

// The seed report's case; typing 5万 as the amount gives 3,217.97 元 interest
// (tests/e2e/loan.spec.mjs checks the same figure).
export const SEED =
  '?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8' +
  '&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07';

// Starts tests/e2e/server.mjs on a free port serving `dist`. Every request is
// recorded as "STATUS METHOD URL [encoding]" in `requests`.
export async function startServer(dist = DIST) {
  const child = spawn(process.execPath, [path.join(here, 'server.mjs')], {
    env: { ...process.env, PORT: '0', DIST_DIR: dist, E2E_LOG: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const requests = [];
  let errText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    for (const line of chunk.split('\n')) {
      if (/^\d{3} /.test(line)) requests.push(line);
      else if (line.trim()) errText += line + '\n';
    }
  });
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server.mjs exited (${code}): ${errText}`)));
  });
  // The app's own files from another port: the same-origin guard allows it.
  allowOrigin(origin);
  return {
    origin,
    requests,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// A throwaway copy of dist/ (timestamps kept: the server refuses a
// precompressed file older than its original).
export function copyDist(tag) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `bangfu-${tag}-`));
  cpSync(DIST, dir, { recursive: true, preserveTimestamps: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// What a deployment does after changing files: the post-build step again.
export function postbuild(dir, env = {}) {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'postbuild.mjs'), dir], {
    env: { ...process.env, TRUNK_PROFILE: 'release', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// Resolves once a service worker controls the page.
export async function waitForControl(page) {
  await page.waitForFunction(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller), null, {
    timeout: 15_000,
  });
}

// GET without any decoding: status, headers and the bytes as sent.
export function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Width and height from a PNG's IHDR chunk; throws if it is not a PNG.
export function pngSize(buf) {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(sig) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
