// Playwright globalTeardown (playwright.config.mjs): adds up what guard.mjs
// recorded for each test in this run and prints it, and writes the totals to
// tests/e2e/artifacts/guard-summary.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GUARD_LOG } from './guard.mjs';

export default function summary() {
  if (!existsSync(GUARD_LOG)) return;
  const rows = readFileSync(GUARD_LOG, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  const totals = {
    tests: rows.length,
    requests: sum('requests'),
    fromServiceWorker: sum('fromServiceWorker'),
    offOrigin: sum('offOrigin'),
    cspViolations: sum('csp'),
    provokedAndCaught: sum('caught'),
  };
  writeFileSync(GUARD_LOG.replace(/guard\.jsonl$/, 'guard-summary.json'), JSON.stringify(totals, null, 2) + '\n');
  console.log(
    `guard: ${totals.tests} tests, ${totals.requests} requests recorded (${totals.fromServiceWorker} by the service worker), ` +
      `${totals.offOrigin} to another origin, ${totals.cspViolations} CSP violations` +
      (totals.provokedAndCaught ? ` (${totals.provokedAndCaught} provoked on purpose and caught)` : ''),
  );
}
