// Without service workers (iOS WeChat, an http:// host, a sandboxed frame) or
// when registration fails, the app loads and works as before: no banner, no
// failure screen, no stray errors.
import { test, expect } from './guard.mjs';

// Records anything that would reach index.html's failure handler, and whether
// the failure screen was ever shown.
async function watchFailures(page) {
  await page.addInitScript(() => {
    window.__e2e = { errors: [], failed: false, registerCalls: 0 };
    window.addEventListener('unhandledrejection', (e) => window.__e2e.errors.push('rejection: ' + String(e.reason)));
    window.addEventListener('error', (e) => window.__e2e.errors.push('error: ' + (e.message || e.target?.outerHTML)), true);
    new MutationObserver(() => {
      if (document.querySelector('.shell.failed')) window.__e2e.failed = true;
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
}

// Waits for `load` plus one task, by which time the registration script has
// run and any rejection it left unhandled has been reported.
async function settled(page) {
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
}

async function appWorks(page) {
  await expect(page.locator('#amount')).toBeVisible();
  await page.fill('#amount', '５万');
  await expect(page.locator('#total-interest')).toHaveText('3,217.97 元');
}

const SEED =
  '/?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8' +
  '&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07';

const cases = {
  'navigator.serviceWorker is missing': () => {
    delete Navigator.prototype.serviceWorker;
  },
  'navigator.serviceWorker throws (sandboxed frame)': () => {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  },
  'register() throws': () => {
    ServiceWorkerContainer.prototype.register = function () {
      window.__e2e.registerCalls++;
      throw new TypeError('no');
    };
  },
  'register() rejects': () => {
    ServiceWorkerContainer.prototype.register = function () {
      window.__e2e.registerCalls++;
      return Promise.reject(new DOMException('denied', 'SecurityError'));
    };
  },
};

for (const [name, init] of Object.entries(cases)) {
  test(`${name}: the app works, nothing is shown`, async ({ page }) => {
    const swRequests = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/sw.js')) swRequests.push(r.url());
    });
    await watchFailures(page);
    await page.addInitScript(init);
    await page.goto(SEED);
    await settled(page);
    await appWorks(page);
    const state = await page.evaluate(() => {
      let controlled = false;
      try {
        controlled = !!navigator.serviceWorker?.controller;
      } catch {}
      return { ...window.__e2e, controlled };
    });
    expect(state.errors).toEqual([]);
    expect(state.failed).toBe(false);
    expect(state.controlled).toBe(false);
    if (name.startsWith('register')) expect(state.registerCalls).toBe(1);
    expect(swRequests).toEqual([]);
    await expect(page.locator('#sw-update')).toHaveCount(0);
    await expect(page.locator('#shell')).toHaveCount(0);
  });
}

test('with service workers, the worker is registered only after load', async ({ page }) => {
  await page.addInitScript(() => {
    const real = ServiceWorkerContainer.prototype.register;
    window.__e2e = { readyStateAtRegister: null };
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__e2e.readyStateAtRegister = document.readyState;
      return real.apply(this, args);
    };
  });
  await page.goto('/?v=home');
  await page.waitForFunction(() => window.__e2e.readyStateAtRegister !== null);
  expect(await page.evaluate(() => window.__e2e.readyStateAtRegister)).toBe('complete');
});
