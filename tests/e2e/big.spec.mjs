// 大字版 (large text) and text zoom, for older eyes: the 大字 switch in the top
// bar of every screen, remembered on the phone and on from a link with
// big=1; in it every text at least 20 px, headings 26 px, tap targets 56 px,
// lines 1.3 apart and paragraphs further apart than lines (MIIT's 2021
// 适老化 figures); and on every screen at 360 px, in 大字版 and at the
// browser's 200% text size, no horizontal scroll and no text cut off.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;
const RECORD_V2 = fs.readFileSync('tests/fixtures/record-v2.json', 'utf8');
const SEED = '?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07';

/** Starts the page with `record` (text) stored, before any script runs. */
async function withRecord(page, record) {
  await page.addInitScript((r) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('bangfu', r);
      sessionStorage.setItem('seeded', '1');
    }
  }, record);
}

// Every screen: [name, address, record to start with (null: none), ready].
const SCREENS = [
  ['home', '/', null, '#tile-check'],
  ['loan', '/' + SEED, null, '#amount'],
  ['check-questions', '/?v=check', null, '#section-title'],
  ['check-results', '/?v=check', RECORD_V2, 'h1:text("自查结果")'],
  ['check-shared', '/?v=check&r=members%3D4%7Cincome%3Dlt4000%7Cillness%3Dchronic', null, '#shared-banner'],
  ['households', '/?v=households', RECORD_V2, 'h1:text("农户名单")'],
  ['policy-library', '/?v=policy', null, 'h1:text("政策解读")'],
  // An entry, the glossary and the timeline are pages of their own, at the
  // app's normal size or larger (pages.spec.mjs); the app's screen for an
  // entry (read-aloud, share) is here.
  ['policy-entry', '/?v=policy&id=tuopin-xindai&read=1', null, '#entry-title'],
  ['qr', '/?v=qr&for=' + encodeURIComponent(SEED.slice(1)), null, '#qr-code'],
  ['local', '/?v=local', null, '#local-make'],
  ['local-offer', '/?v=local&lv=1&place=%E6%9F%90%E5%8E%BF&line=7500&ck=00000000', null, '#local-refused'],
  ['risk', '/?v=risk', null, '#risk-chart'],
];

/** What overflows at this width: the page itself, and any element that
 * clips its own text. Tables scroll inside their own box (.scroll) and
 * inputs scroll their text by design: those are not counted. */
async function overflow(page) {
  return page.evaluate(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    }
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.scroll, svg, input, select, textarea, .shell')) continue;
      const r = el.getBoundingClientRect();
      if (!r.width || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.right > width + 1) out.push(`${el.tagName}.${el.className} ends at ${Math.round(r.right)}px`);
      const cs = getComputedStyle(el);
      const clips = /hidden|clip/.test(cs.overflowX + cs.overflowY) || cs.textOverflow === 'ellipsis';
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && el.textContent.trim()) {
        out.push(`${el.tagName}.${el.className} cuts its text`);
      }
    }
    return out.slice(0, 10);
  });
}

/** In 大字版: what is smaller than MIIT's figures on the visible page. */
async function tooSmall(page) {
  return page.evaluate(() => {
    const out = [];
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const px = (v) => parseFloat(v);
    for (const el of document.querySelectorAll('#app *')) {
      if (el.closest('svg') || !shown(el)) continue;
      const cs = getComputedStyle(el);
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (ownText && px(cs.fontSize) < 19.9) out.push(`${el.tagName}.${el.className} text ${cs.fontSize}: ${el.textContent.trim().slice(0, 12)}`);
      if (ownText && cs.lineHeight !== 'normal' && px(cs.lineHeight) / px(cs.fontSize) < 1.29) {
        out.push(`${el.tagName}.${el.className} line height ${cs.lineHeight} for ${cs.fontSize}`);
      }
      if (/^H[1-3]$/.test(el.tagName) && px(cs.fontSize) < 25.9) out.push(`${el.tagName} ${cs.fontSize}`);
      const target = el.matches('button, .button, select, summary, .tile, .choice, input:not([type=radio]):not([type=checkbox])');
      if (target && el.getBoundingClientRect().height < 55.9) {
        out.push(`${el.tagName}#${el.id}.${el.className} tap target ${Math.round(el.getBoundingClientRect().height)}px`);
      }
      // Paragraphs further apart than lines: the gap from one paragraph's
      // last line to the next one's first is at least 1.3 times the line spacing.
      if (el.tagName === 'P' && el.nextElementSibling?.tagName === 'P' && shown(el.nextElementSibling)) {
        const lh = px(cs.lineHeight);
        const gap = Math.max(px(cs.marginBottom), px(getComputedStyle(el.nextElementSibling).marginTop));
        if ((lh + gap) / lh < 1.3) out.push(`P spacing ${gap}px for line ${lh}px`);
      }
    }
    return [...new Set(out)].slice(0, 15);
  });
}

async function open(page, [, url, record, ready]) {
  if (record) await withRecord(page, record);
  await page.goto(url);
  await expect(page.locator(ready).first()).toBeVisible();
  // The policy pages and the QR's title settle after the content pack.
  await page.waitForLoadState('networkidle');
}

test('大字 switches large text on and off, is remembered, and old records stay byte for byte', async ({ page }) => {
  await withRecord(page, RECORD_V2);
  // Whether <html> had the class before the app started (no flash of small text).
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.bigAtParse = document.documentElement.classList.contains('big-text');
    });
  });
  await page.goto('/');
  // A checkbox labelled 大字 in the top bar: its tick says whether it is on.
  const toggle = page.getByRole('checkbox', { name: '大字' });
  await expect(toggle).toHaveAttribute('id', 'big-toggle');
  await expect(toggle).not.toBeChecked();
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/big-text/);
  const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(normal).toBe(18);

  // The whole label is the tap target.
  await page.locator('.topbar label', { hasText: '大字' }).click();
  await expect(html).toHaveClass(/big-text/);
  await expect(toggle).toBeChecked();
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(20);
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(RECORD_V2.slice(0, -1) + ',"big":true}');
  await page.screenshot({ path: shot('big-toggle-on-360x740') });

  // Remembered: on after a reload, from the first paint, on every part.
  await page.reload();
  await expect(html).toHaveClass(/big-text/);
  expect(await page.evaluate(() => window.bigAtParse)).toBe(true);
  await expect(page.locator('#big-toggle')).toBeChecked();
  await page.goto('/?v=check');
  await expect(page.locator('h1')).toHaveText('自查结果');
  await expect(html).toHaveClass(/big-text/);

  // Off again: the stored record is the old one, byte for byte.
  await page.locator('#big-toggle').click();
  await expect(html).not.toHaveClass(/big-text/);
  await expect(page.locator('#big-toggle')).not.toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(RECORD_V2);
  await page.reload();
  await expect(page.locator('h1')).toHaveText('自查结果');
  expect(await page.evaluate(() => window.bigAtParse)).toBe(false);
  await expect(html).not.toHaveClass(/big-text/);
});

test('a link with big=1 opens in 大字版, and it stays on', async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.bigAtParse = document.documentElement.classList.contains('big-text');
    });
  });
  await page.goto('/' + SEED + '&big=1&from=singlemessage');
  await expect(page.locator('#amount')).toBeVisible();
  expect(await page.evaluate(() => window.bigAtParse)).toBe(true);
  await expect(page.locator('html')).toHaveClass(/big-text/);
  await expect(page.locator('#big-toggle')).toBeChecked();
  // The link's loan is shown as without big=1, and the address keeps the loan.
  await expect(page.locator('#amount')).toHaveValue('10万');
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toMatch(/,"big":true}$/);
  await page.goto('/?v=policy&id=dibao&read=1');
  await expect(page.locator('#entry-title')).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/big-text/);
  // Without big=1 a fresh phone shows normal text.
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?v=policy&id=dibao&read=1');
  await expect(page.locator('#entry-title')).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/big-text/);
});

for (const screen of SCREENS) {
  const [name] = screen;
  test(`大字版 at 360 px: ${name} is large enough and nothing overflows`, async ({ page }) => {
    await page.addInitScript(() => {
      const url = new URL(location.href);
      if (!url.searchParams.has('big')) {
        url.searchParams.set('big', '1');
        history.replaceState(null, '', url);
      }
    });
    await open(page, screen);
    await expect(page.locator('html')).toHaveClass(/big-text/);
    await expect(page.locator('#big-toggle')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot(`big-${name}-360x740`) });
    expect(await overflow(page)).toEqual([]);
    expect(await tooSmall(page)).toEqual([]);
  });

  test(`200% text size at 360 px: ${name} has no horizontal scroll and no cut text`, async ({ page }) => {
    await open(page, screen);
    // Chromium's text size setting at 200%: the root font size doubles. Set
    // through the CSSOM: the content security policy refuses an injected <style>.
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '32px', 'important'));
    await expect(page.locator('body')).toHaveCSS('font-size', '36px');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot(`zoom200-${name}-360x740`) });
    expect(await overflow(page)).toEqual([]);
  });
}
