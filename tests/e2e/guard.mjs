// The fixture every spec uses: `import { test, expect } from './guard.mjs'`.
//
// Same-origin proof and content-security-policy watch. For every test it
// records every request made by the test's pages and by the service worker
// (Chromium reports a worker's fetches on its browser context, with
// request.serviceWorker() set), in the default context and in any context
// the test opens with browser.newContext(). The test fails when:
//   - a request goes to any origin but the app's own: the test server
//     (baseURL) or a server a spec started itself (pwa-helpers' startServer
//     calls allowOrigin); blob: URLs count by the origin inside them;
//   - the page reports a `securitypolicyviolation` event (listened for by an
//     init script, before any of the page's own scripts run) or logs a
//     console error about the Content Security Policy.
// A test that provokes one on purpose (to prove the watch works) takes it
// with `guard.take()`, which empties the lists and counts it as caught.
//
// Each test's figures are appended to tests/e2e/artifacts/guard.jsonl
// (Playwright empties artifacts/ when a run starts); guard-summary.mjs (the
// config's globalTeardown) adds them up and prints them.
import { test as base, expect } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { expect };

const here = path.dirname(fileURLToPath(import.meta.url));
export const GUARD_LOG = path.join(here, 'artifacts', 'guard.jsonl');

// Origins of servers the specs start themselves (this worker process).
const extraOrigins = new Set();
export function allowOrigin(origin) {
  extraOrigins.add(new URL(origin).origin);
}

// Reports violations to the test through the console (read below).
const WATCH = () => {
  window.addEventListener('securitypolicyviolation', (e) => {
    console.error(`bangfu-guard: securitypolicyviolation ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
};

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

export const test = base.extend({
  guard: [
    async ({ context, browser, baseURL }, use, testInfo) => {
      const own = originOf(baseURL);
      const allowed = (url) => {
        if (url.startsWith('data:')) return true; // no network: the bytes are in the URL
        const o = originOf(url.startsWith('blob:') ? url.slice(5) : url);
        return o === own || extraOrigins.has(o);
      };
      const stats = { requests: 0, fromServiceWorker: 0, offOrigin: [], csp: [], caught: 0 };
      const watch = async (ctx) => {
        await ctx.addInitScript(WATCH);
        ctx.on('request', (r) => {
          stats.requests++;
          if (r.serviceWorker()) stats.fromServiceWorker++;
          if (!allowed(r.url())) stats.offOrigin.push(`${r.method()} ${r.url()}`);
        });
        ctx.on('console', (m) => {
          const text = m.text();
          if (m.type() === 'error' && (/bangfu-guard: securitypolicyviolation/.test(text) || /Content Security Policy/i.test(text))) {
            stats.csp.push(text);
          }
        });
      };
      await watch(context);
      // Contexts the test opens itself are watched too.
      const newContext = browser.newContext;
      browser.newContext = async function (...args) {
        const ctx = await newContext.apply(this, args);
        await watch(ctx);
        return ctx;
      };
      const guard = {
        stats,
        /** Takes what was recorded so far (a test that provokes it on purpose). */
        take() {
          const out = { offOrigin: stats.offOrigin.splice(0), csp: stats.csp.splice(0) };
          stats.caught += out.offOrigin.length + out.csp.length;
          return out;
        },
      };
      try {
        await use(guard);
      } finally {
        browser.newContext = newContext;
      }
      mkdirSync(path.dirname(GUARD_LOG), { recursive: true });
      appendFileSync(
        GUARD_LOG,
        JSON.stringify({
          test: `${path.basename(testInfo.file)} › ${testInfo.title}`,
          requests: stats.requests,
          fromServiceWorker: stats.fromServiceWorker,
          offOrigin: stats.offOrigin.length,
          csp: stats.csp.length,
          caught: stats.caught,
        }) + '\n',
      );
      expect(stats.offOrigin, 'requests to another origin (the app may only load its own files)').toEqual([]);
      expect(stats.csp, 'content security policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
