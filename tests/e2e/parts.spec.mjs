// The app is five WebAssembly files (ARCHITECTURE.md, "Parts"): a link
// downloads only the part it opens, moving to another part is a page load
// that loses nothing, and index.html's choice agrees with the app's reading of
// the link, putting a mangled one right with at most one more load.
import { test, expect } from './guard.mjs';

const MAIN = /\/bangfu-[0-9a-f]{16}_bg\.wasm$/;
const POLICY = /\/bangfu-policy-[0-9a-f]{16}_bg\.wasm$/;
const CHECK = /\/bangfu-check-[0-9a-f]{16}_bg\.wasm$/;
const CADRE = /\/bangfu-cadre-[0-9a-f]{16}_bg\.wasm$/;
const SHARE = /\/bangfu-share-[0-9a-f]{16}_bg\.wasm$/;

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
  ['/?v=policy', POLICY, 'h1:text("政策解读")'],
  ['/?v=policy&id=tekun&from=singlemessage', POLICY, '#entry-title'],
  ['/?v=check', CHECK, 'h1:text("家庭自查")'],
  ['/?v=households&isappinstalled=0', CHECK, 'h1:text("农户名单")'],
  ['/?v=local&from=singlemessage', CADRE, 'h1:text("本地数字")'],
  ['/?v=risk', CADRE, 'h1:text("风险补偿金测算")'],
  ['/?v=qr&for=v%3Dloan&from=singlemessage', SHARE, '#qr-code'],
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

test('moving to another part loses nothing; back and forward work across parts', async ({ page }) => {
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
  // estimator is another part again.
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('家庭自查');
  await page.click('#go-home');
  await page.click('#open-loan');
  await expect(page.locator('#amount')).toHaveValue('3万');
  // The estimator's own link to its policy entry leads to the policy part:
  // typed and left within one task, the estimate is saved first.
  await page.evaluate(() => {
    const amount = document.getElementById('amount');
    amount.value = '４万';
    amount.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('product-policy').click();
  });
  await expect(page.locator('#entry-title')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('v')).toBe('policy');
  await page.goBack();
  await expect(page.locator('#amount')).toHaveValue('4万');
  await page.goForward();
  await expect(page.locator('#entry-title')).toBeVisible();
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

test('the policy explainer is its own part: in and out of it is a page load, back and forward work across parts', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto('/');
  await expect(page.locator('#tile-policy')).toBeVisible();
  await page.click('#tile-policy');
  await expect(page.locator('h1')).toHaveText('政策解读');
  expect(new URL(page.url()).search).toBe('?v=policy');
  expect(wasm).toHaveLength(2);
  expect(wasm[0]).toMatch(MAIN);
  expect(wasm[1]).toMatch(POLICY);
  // Within the policy part an entry and the home screen are the same page.
  await page.fill('#policy-search', '五保');
  await page.locator('#search-results .tile').first().click();
  await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
  await page.click('#go-home');
  await expect(page.locator('#tile-check')).toBeVisible();
  expect(wasm).toHaveLength(2);
  // From its home screen, the self-check is another part.
  await page.click('#tile-check');
  await expect(page.locator('h1')).toHaveText('家庭自查');
  expect(wasm).toHaveLength(3);
  expect(wasm[2]).toMatch(CHECK);
  // Back through every page, across both borders, and forward again.
  await page.goBack();
  await expect(page.locator('#tile-check')).toBeVisible();
  await page.goBack();
  await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('政策解读');
  await page.goBack();
  await expect(page.locator('#tile-policy')).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('政策解读');
  await page.goForward();
  await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
  await page.goForward();
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('家庭自查');
  expect(new URL(page.url()).search).toBe('?v=check');
});

for (const base of ['/', '/bangfu/']) {
  test(`a policy link index.html reads differently from the app is put right with one load (${base})`, async ({ page }) => {
    const wasm = wasmRequests(page);
    // An escaped letter: index.html loads the estimator's part, the app reads
    // the policy entry and loads its plain address.
    await page.goto(`${base}?v=%70olicy&id=tekun&from=singlemessage`);
    await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
    expect(new URL(page.url()).pathname).toBe(base);
    expect(new URL(page.url()).search).toBe('?v=policy&id=tekun');
    expect(wasm).toHaveLength(2);
    expect(wasm[0]).toMatch(MAIN);
    expect(wasm[1]).toMatch(POLICY);

    // Two views: the app takes the first, index.html saw the self-check.
    wasm.length = 0;
    await page.goto(`${base}?v=policy&v=check&id=dibao`);
    await expect(page.locator('#entry-title')).toHaveText('农村低保');
    expect(new URL(page.url()).search).toBe('?v=policy&id=dibao');
    expect(wasm).toHaveLength(2);
    expect(wasm[0]).toMatch(CHECK);
    expect(wasm[1]).toMatch(POLICY);

    // And the other way: index.html saw the policy explainer, the app the estimator.
    wasm.length = 0;
    await page.goto(`${base}?v=loan&v=policy`);
    await expect(page.locator('h1')).toHaveText('贷款测算');
    expect(new URL(page.url()).searchParams.get('v')).toBe('loan');
    expect(wasm).toHaveLength(2);
    expect(wasm[0]).toMatch(POLICY);
    expect(wasm[1]).toMatch(MAIN);
  });
}
