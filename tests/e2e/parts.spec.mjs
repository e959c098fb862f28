// The app is two WebAssembly files (ARCHITECTURE.md, "Two parts"): a link
// downloads only the part it opens, moving to the other part is a page load
// that loses nothing, and index.html's choice agrees with the app's reading of
// the link, putting a mangled one right with at most one more load.
import { test, expect } from '@playwright/test';

const MAIN = /\/bangfu-[0-9a-f]{16}_bg\.wasm$/;
const CHECK = /\/bangfu-check-[0-9a-f]{16}_bg\.wasm$/;

/** Paths of the .wasm files the page requests, in order. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.wasm')) seen.push(p);
  });
  return seen;
}

const cases = [
  ['/', MAIN, '#tile-check'],
  ['/?v=loan&amount=3万&from=singlemessage', MAIN, '#amount'],
  ['/?v=policy', MAIN, 'h1:text("政策解读")'],
  ['/?v=check', CHECK, 'h1:text("家庭自查")'],
  ['/?v=households&isappinstalled=0', CHECK, 'h1:text("农户名单")'],
];
for (const [url, part, ready] of cases) {
  test(`${url} downloads only its own part`, async ({ page }) => {
    const wasm = wasmRequests(page);
    await page.goto(url);
    await expect(page.locator(ready)).toBeVisible();
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(part);
  });
}

test('moving to the other part loses nothing; back and forward work across parts', async ({ page }) => {
  await page.goto('/?v=loan');
  await expect(page.locator('#amount')).toBeVisible();
  // Type and leave for the self-check within one task (a plain link to the
  // other part's address): what was just typed is saved before the other
  // part loads.
  await page.evaluate(() => {
    const amount = document.getElementById('amount');
    amount.value = '３万';
    amount.dispatchEvent(new Event('input', { bubbles: true }));
    const go = document.createElement('a');
    go.href = '?v=check';
    document.getElementById('screen').appendChild(go);
    go.click();
  });
  await expect(page.locator('h1')).toHaveText('家庭自查');
  expect(new URL(page.url()).search).toBe('?v=check');
  await page.goBack();
  // As typed, with the full-width digit read (as a reload shows it).
  await expect(page.locator('#amount')).toHaveValue('3万');
  // Within the self-check part, home is the same page; from there the
  // estimator is the other part again.
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('家庭自查');
  await page.click('#go-home');
  await page.click('#open-loan');
  await expect(page.locator('#amount')).toHaveValue('3万');
});

for (const base of ['/', '/bangfu/']) {
  test(`a link index.html reads differently from the app is put right with one load (${base})`, async ({ page }) => {
    const wasm = wasmRequests(page);
    // An escaped letter: index.html does not decode, so it loads the main part;
    // the app reads the self-check and loads its plain address.
    await page.goto(`${base}?v=%63heck&from=singlemessage`);
    await expect(page.locator('h1')).toHaveText('家庭自查');
    expect(new URL(page.url()).pathname).toBe(base);
    expect(new URL(page.url()).search).toBe('?v=check');
    expect(wasm).toHaveLength(2);
    expect(wasm[0]).toMatch(MAIN);
    expect(wasm[1]).toMatch(CHECK);

    // Two views: the app takes the first (the estimator), index.html saw the
    // self-check. The estimate in the link survives the extra load.
    wasm.length = 0;
    await page.goto(`${base}?v=loan&v=check&amount=2万`);
    await expect(page.locator('#amount')).toHaveValue('2万');
    expect(new URL(page.url()).searchParams.get('v')).toBe('loan');
    expect(wasm).toHaveLength(2);
    expect(wasm[0]).toMatch(CHECK);
    expect(wasm[1]).toMatch(MAIN);
  });
}
