// 二维码 beside every share link, and the A4 poster (打印海报). The code is
// read back from the pixels on screen with jsQR (a decoder written
// independently of the app's encoder) and must give exactly the link the
// share card shows; printed, the QR page is one A4 page without the top bar
// or buttons.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const JSQR = fs.readFileSync(require.resolve('jsqr/dist/jsQR.js'), 'utf8');
const shot = (name) => `tests/e2e/screenshots/${name}.png`;
const SEED = '?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07';
/** The QR screen's own files, as the build wrote them into index.html. */
const QR_FILES = JSON.parse(fs.readFileSync('dist/index.html', 'utf8').match(/var screens = (\{[^;]*\});/)[1]).qr;

/** Reads the QR code on the page from a screenshot of it, in a page of its
 * own with jsQR. Returns the text, or null. */
async function decode(page) {
  const png = await page.locator('#qr-code').screenshot();
  const reader = await page.context().newPage();
  await reader.setContent('<canvas></canvas>');
  await reader.addScriptTag({ content: JSQR });
  const text = await reader.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.querySelector('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height);
    return window.jsQR(data.data, c.width, c.height)?.data ?? null;
  }, png.toString('base64'));
  await reader.close();
  return text;
}

/** Pixels per module of the code as shown (CSS px), quiet zone included. */
async function modulePx(page) {
  return page.locator('#qr-code').evaluate((svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
}

/** From a share card: its link, then the 二维码 button beside it; checks the QR page. */
async function qrOf(page, linkInput, title, name) {
  const link = await page.locator(linkInput).inputValue();
  const wasm = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
  });
  await page.locator(linkInput).locator('xpath=..').getByRole('button', { name: '二维码' }).click();
  await expect(page.locator('#qr-code')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('v')).toBe('qr');
  // Only the QR screen's own files were downloaded for it, in the same
  // page: no second runtime. Its split file (the only one that holds the QR
  // encoder) came now or, from a policy entry, which shares it, before.
  const split = QR_FILES.find((f) => /^split_[a-z]+\.wasm$/.test(f));
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
  expect(loaded).toContain(split);
  expect(loaded.filter((f) => f === 'bangfu_bg.wasm')).toHaveLength(1);
  for (const p of wasm) expect(QR_FILES).toContain(p.split('/').pop());
  await expect(page.locator('#qr-title')).toHaveText(title);
  await expect(page.locator('#qr-code')).toHaveAttribute('aria-label', `二维码：${title}`);
  expect(await modulePx(page)).toBeGreaterThanOrEqual(4);
  await page.screenshot({ path: shot(`qr-${name}-360x740`) });
  expect(await decode(page)).toBe(link);
  await expect(page.locator('#qr-link')).toHaveText(link);
  return link;
}

test('the loan estimate: code holds exactly the share link; 返回 goes back to it', async ({ page }) => {
  await page.goto('/' + SEED);
  await expect(page.locator('#amount')).toHaveValue('10万');
  const link = await qrOf(page, '#share-link', '贷款测算', 'loan');
  await page.click('#qr-back');
  await expect(page.locator('#amount')).toHaveValue('10万');
  expect(page.url()).toBe(link);
});

test('a self-check result: code holds the result link, with the privacy warning', async ({ page }) => {
  await page.goto('/?v=check');
  // The shortest way to results: one answer, the rest left as they are.
  await page.locator('#question-members input[type="text"]').fill('4');
  for (let i = 0; i < 20 && !(await page.locator('#finish').count()); i++) await page.click('#next');
  await page.click('#finish');
  await expect(page.locator('h1')).toHaveText('自查结果');
  await page.click('#share-check');
  const link = await qrOf(page, '#check-link', '家庭自查结果', 'check');
  expect(link).toContain('?v=check&r=');
  await expect(page.locator('#qr-privacy')).toBeVisible();
  await page.click('#qr-back');
  await expect(page.locator('#shared-banner')).toBeVisible();
});

test('a policy entry: code holds the entry page, titled with the entry', async ({ page }) => {
  // The entry's share card in the app (its page's 复制链接).
  await page.goto('/?v=policy&id=tekun&read=1&from=singlemessage');
  const name = await page.locator('#entry-title').textContent();
  const link = await qrOf(page, '#policy-link', `政策解读：${name}`, 'policy');
  expect(new URL(link).pathname).toBe('/policy/tekun.html');
  expect(new URL(link).search).toBe('');
  await page.click('#qr-back');
  await expect(page.locator('#entry-title')).toHaveText(name);
  expect(new URL(page.url()).pathname).toBe('/policy/tekun.html');
});

test('a policy page and its 二维码: the code holds the page itself, at any sub-path; scanned, it opens the page', async ({ page }) => {
  for (const base of ['/', '/bangfu/']) {
    await page.goto(`${base}policy/dibao.html`);
    await page.click('#qr-link');
    await expect(page.locator('#qr-title')).toHaveText('政策解读：农村低保');
    const want = new URL(`${base}policy/dibao.html`, page.url()).href;
    await expect(page.locator('#qr-link')).toHaveText(want);
    expect(await decode(page)).toBe(want);
    await page.goto(want);
    await expect(page.locator('h1')).toHaveText('农村低保');
  }
});

test('the home page: code holds the app address; the poster is one clean A4 page', async ({ page }) => {
  await page.goto('/');
  await page.click('#home-qr');
  await expect(page.locator('#qr-title')).toHaveText('帮扶助手首页');
  const home = new URL('/', page.url()).href;
  expect(await decode(page)).toBe(home);
  await expect(page.locator('#qr-print')).toHaveText('打印海报');

  // Printed: no top bar, no buttons, no link text; title, lines, code, date.
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.topbar', '#qr-print', '#qr-back', '#qr-link', 'footer']) {
    await expect(page.locator(hidden)).toBeHidden();
  }
  for (const shown of ['#qr-title', '#qr-code', '.qr-date', '.qr-lines >> nth=0']) {
    await expect(page.locator(shown)).toBeVisible();
  }
  await expect(page.locator('.qr-date')).toHaveText(/^日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync('tests/e2e/screenshots/poster.pdf', pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || [];
  expect(pages).toHaveLength(1);
  // What the poster looks like: the print layout at A4's width.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: shot('poster-a4-print'), fullPage: true });
  // The printed code is still the same link.
  expect(await decode(page)).toBe(home);
});

test('a QR link can only ever hold a link to this page', async ({ page }) => {
  const base = (p) => new URL(p, page.url()).href;
  for (const [forValue, want, title] of [
    ['https://evil.example/?v=loan', '/', '帮扶助手首页'],
    ['v=qr&for=v%3Dloan', '/', '帮扶助手首页'],
    ['v=policy&id=dibao&from=singlemessage&big=1', '/policy/dibao.html', /^政策解读：.*低保/],
    ['policy/dibao.html', '/policy/dibao.html', /^政策解读：.*低保/],
    ['policy/../../x.html', '/', '帮扶助手首页'],
    ['v=policy&id=no-such-thing', '/?v=policy&id=no-such-thing', '政策解读'],
  ]) {
    await page.goto('/?v=qr&for=' + encodeURIComponent(forValue) + '&from=timeline');
    await expect(page.locator('#qr-code')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('#qr-link')).toHaveText(base(want));
    expect(await decode(page)).toBe(base(want));
    await expect(page.locator('#qr-title')).toHaveText(title);
  }
});
