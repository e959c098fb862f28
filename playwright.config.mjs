// Playwright harness for the browser tests in tests/e2e/*.spec.mjs.
//
// Runs against the release build in dist/ (scripts/test.sh builds it first),
// served by tests/e2e/server.mjs at / and /bangfu/. The browser is Debian's
// chromium: Playwright cannot download its own here.
//
//   npx playwright test                      all specs (after a trunk build)
//   npx playwright test tests/e2e/smoke.spec.mjs
//   E2E_PORT=9000 npx playwright test        another port (default 8765)
//   E2E_WORKERS=1, E2E_REUSE_SERVER=1, CHROME_PATH=... also apply.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8765);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  // Failure screenshots/traces; specs should save their own screenshots here too.
  outputDir: 'tests/e2e/artifacts',
  // 2 cores: one browser per core at most.
  workers: Number(process.env.E2E_WORKERS || 2),
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // Every spec imports its test from tests/e2e/guard.mjs (same origin, no
  // CSP violation); this prints what it recorded over the run.
  globalTeardown: './tests/e2e/guard-summary.mjs',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium-mobile',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node tests/e2e/server.mjs',
    url: `${baseURL}/`,
    env: { PORT: String(port) },
    // A server left on the port might serve another checkout's dist/, so the
    // default is to start our own (and fail if the port is taken).
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 15_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
