// The loan estimator in a real browser at phone size (360×740).
import { test, expect } from './guard.mjs';
import fs from 'node:fs';

const SEED =
  '?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8' +
  '&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07';
const WECHAT = '&from=singlemessage&isappinstalled=0';
const shot = (name) => `tests/e2e/screenshots/${name}.png`;

async function ready(page) {
  await expect(page.locator('.topbar .brand')).toBeVisible();
}

test('a shared link with WeChat parameters shows the seed case figures', async ({ page }) => {
  await page.goto('/' + SEED + WECHAT);
  await ready(page);
  const lines = page.locator('#payment-lines');
  await expect(lines).toContainText('第1–8期，每月还 612.50 元');
  await expect(lines).toContainText('第9–12期，每月还 25,383.98 元');
  await expect(page.locator('#total-interest')).toHaveText('6,435.92 元');
  await expect(page.locator('#total-subsidy')).toHaveText('6,435.92 元');
  await expect(page.locator('#net-interest')).toHaveText('0.00 元');
  // 先付后贴: all 6,435.92 is advanced and returned after clearing.
  await expect(page.locator('#peak-advance')).toHaveText('6,435.92 元');
  await expect(page.locator('#refunds')).toContainText('2018年6月7日 还清贷款后申请');
  await expect(page.locator('#direct-line')).toBeVisible();
  await expect(page.locator('#not-a-grant')).toContainText('扶贫贷款不是扶贫款');
  // The product's policy entry is a real link, its id percent-encoded like every policy link.
  await expect(page.locator('#product-policy')).toHaveAttribute('href', 'policy/tianmen-2017.html');
  // WeChat's parameters are ignored silently and dropped from the address.
  await expect(page.locator('#link-notes')).toHaveCount(0);
  await expect.poll(() => page.url()).not.toContain('from=');
  expect(page.url()).toContain('method=staged');
  // Schedule rows.
  const rows = page.locator('#schedule tbody tr.due');
  await expect(rows).toHaveCount(12);
  await expect(rows.nth(8)).toContainText('25,383.98');
  await expect(rows.nth(0)).toContainText('2017-07-07');
  await page.screenshot({ path: shot('loan-seed-360x740') });
  await page.screenshot({ path: shot('loan-seed-full'), fullPage: true });
});

test('works from a sub-path and the link reproduces the estimate', async ({ page }) => {
  await page.goto('/bangfu/' + SEED + WECHAT);
  await expect(page.locator('#total-interest')).toHaveText('6,435.92 元');
  const link = await page.locator('#share-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bangfu\/\?v=loan&product=tianmen2017&amount=100000&months=12&rate=7\.35&method=staged&io=8/);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.locator('#total-interest')).toHaveText('6,435.92 元');
});

test('independent figures: 100万, 30年, 4.9%', async ({ page }) => {
  await page.goto('/?v=loan&product=custom&amount=100万&months=360&rate=4.9&method=equal_installment&subsidy=0');
  await expect(page.locator('#payment-lines')).toContainText('5,307.27');
  await page.selectOption('#method', 'equal_principal');
  await expect(page.locator('#payment-lines')).toContainText('第1期还 6,861.11 元');
  await expect(page.locator('#schedule tbody tr.due')).toHaveCount(12);
  await page.click('#toggle-rows');
  await expect(page.locator('#schedule tbody tr.due')).toHaveCount(360);
});

test('changing an input changes the schedule; reload keeps the inputs', async ({ page }) => {
  await page.goto('/' + SEED);
  const firstInterest = page.locator('#schedule tbody tr.parts').first().locator('[data-f=interest] .v');
  await expect(firstInterest).toHaveText('612.50');
  await page.fill('#amount', '５万');
  await expect(firstInterest).toHaveText('306.25');
  await expect(page.locator('#total-interest')).toHaveText('3,217.97 元'); // Python Decimal, half-up per period
  await page.fill('#rate', 'abc');
  await expect(page.locator('#rate-error')).toContainText('看不懂“abc”');
  await expect(page.locator('#fix-inputs')).toBeVisible();
  await page.fill('#rate', '7.35');
  await page.fill('#age', '45');
  await page.selectOption('#status', 'tuopin');
  await page.selectOption('#purpose', 'yangzhi');
  await page.selectOption('#bad_credit', 'no');
  await expect(page.locator('#verdict')).toHaveText('可以申请');
  await page.reload();
  await expect(page.locator('#amount')).toHaveValue('5万');
  await expect(page.locator('#age')).toHaveValue('45');
  await expect(firstInterest).toHaveText('306.25');
  // Opened without a query, the stored estimate comes back too.
  await page.goto('/?v=loan');
  await expect(page.locator('#amount')).toHaveValue('5万');
  await expect(page.locator('#status')).toHaveValue('tuopin');
});

test('example terms are flagged where they are typed', async ({ page }) => {
  await page.goto('/?v=loan&product=bangfu2026');
  await expect(page.locator('#example-terms')).toContainText('期限、利率、贴息比例、贴息方式是示例，以当地银行和文件为准');
  await page.selectOption('#product', 'tianmen2017');
  await expect(page.locator('#example-terms')).toBeEmpty();
});

test('eligibility explains each rule and a bad purpose is refused', async ({ page }) => {
  await page.goto('/?v=loan&product=tuopin2021&amount=5万&months=36&rate=3.5&start=2025-06-01');
  await page.fill('#age', '45');
  await page.selectOption('#status', 'jiance');
  await page.selectOption('#purpose', 'jianfang');
  await page.selectOption('#bad_credit', 'no');
  await expect(page.locator('#verdict')).toHaveText('不符合');
  await expect(page.locator('#eligibility')).toContainText('建房、买房不能用这项贷款');
  await expect(page.locator('#eligibility')).toContainText('银监发〔2017〕42号');
  await page.selectOption('#purpose', 'zhongzhi');
  await expect(page.locator('#verdict')).toHaveText('可以申请');
  await page.locator('#verdict-title').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: shot('loan-eligibility-360x740') });
});

test('a corrupted stored record is backed up and a banner says so', async ({ page }) => {
  await page.goto('/?v=loan');
  await ready(page);
  await page.evaluate(() => localStorage.setItem('bangfu', '{"version":1,"loan":5,"mine":"keep me"}'));
  await page.reload();
  await expect(page.locator('#storage-banner')).toContainText('读不出来');
  await expect(page.locator('#storage-banner')).toContainText('bangfu.backup');
  expect(await page.evaluate(() => localStorage.getItem('bangfu.backup'))).toBe('{"version":1,"loan":5,"mine":"keep me"}');
  // A record from a newer app is kept too, under the next free key.
  await page.evaluate(() => localStorage.setItem('bangfu', '{"version":9,"x":1}'));
  await page.reload();
  await expect(page.locator('#storage-banner')).toContainText('更新版本');
  expect(await page.evaluate(() => localStorage.getItem('bangfu.backup'))).toBe('{"version":1,"loan":5,"mine":"keep me"}');
  expect(await page.evaluate(() => localStorage.getItem('bangfu.backup.2'))).toBe('{"version":9,"x":1}');
  await page.screenshot({ path: shot('storage-banner-360x740') });
  // 知道了 puts the banner away; the app goes on with a fresh record.
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.locator('#storage-banner')).toHaveCount(0);
  await expect(page.locator('#total-interest')).toBeVisible();
});

test('a stored estimate without a method or subsidy timing is flagged under those selects', async ({ page }) => {
  await page.goto('/?v=loan');
  await ready(page);
  // A record written by hand or by an older app: "method" and "subsidy_timing" are missing.
  await page.evaluate(() => localStorage.setItem('bangfu', JSON.stringify({
    version: 2,
    loan: { product: 'bangfu2026', amount: '5万', months: '36', rate: '3.5', io: '0', subsidy: '100', subsidy_cap: '', start: '2026-03-15' },
  })));
  // Without loan figures in the link (the address bar now holds the estimate's).
  await page.goto('/?v=loan');
  const method = page.locator('#method');
  const error = page.locator('#method-error');
  await expect(error).toHaveText('请选择还款方式');
  await expect(method).toHaveAttribute('aria-invalid', 'true');
  await expect(method).toHaveAttribute('aria-describedby', 'method-error');
  // Right under the select, in its own field, not somewhere else on the page.
  await expect(page.locator('.field:has(#method) #method-error')).toBeVisible();
  const [m, e] = [await method.boundingBox(), await error.boundingBox()];
  expect(e.y).toBeGreaterThanOrEqual(m.y + m.height);
  expect(e.y - (m.y + m.height)).toBeLessThan(80);
  await expect(page.locator('.field:has(#subsidy_timing) #subsidy_timing-error')).toHaveText('请选择贴息方式');
  await expect(page.locator('#subsidy_timing')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#fix-inputs')).toBeVisible();
  await expect(page.locator('#fix-inputs')).toContainText('上面有标红的地方');
  await expect(page.locator('#results')).toBeHidden();
  // Nothing is shown as chosen, so choosing the first method is a choice too.
  await expect(method).toHaveValue('');
  await method.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('loan-select-error-360x740') });
  await page.selectOption('#method', 'equal_installment');
  await page.selectOption('#subsidy_timing', 'yearly');
  await expect(error).toBeEmpty();
  await expect(method).toHaveAttribute('aria-invalid', 'false');
  await expect(page.locator('#fix-inputs')).toBeHidden();
  await expect(page.locator('#total-interest')).toBeVisible();
});

test('chips fill the amount; a link keeps the own estimate one tap away', async ({ page }) => {
  await page.goto('/?v=loan&product=custom&amount=2万&months=12&rate=4&method=equal_installment&subsidy=0');
  await page.locator('#field-amount').getByRole('button', { name: '3万', exact: true }).click();
  await expect(page.locator('#amount')).toHaveValue('3万');
  await expect(page.locator('#payment-lines')).toContainText('每月还 2,554.50 元');
  // 阶段性等额本息 asks for its interest-only months; other methods hide the field.
  await expect(page.locator('#field-io')).toBeHidden();
  await page.selectOption('#method', 'staged');
  await expect(page.locator('#field-io')).toBeVisible();
  await expect(page.locator('#method-hint')).not.toBeEmpty();
  await page.selectOption('#method', 'equal_installment');
  // A shared link replaces the figures on screen; the own ones come back on request.
  await page.goto('/' + SEED);
  await expect(page.locator('#total-interest')).toHaveText('6,435.92 元');
  const banner = page.locator('#replaced-banner');
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '换回我填的' }).click();
  await expect(banner).toBeHidden();
  await expect(page.locator('#amount')).toHaveValue('3万');
  await expect(page.locator('#product')).toHaveValue('custom');
  expect(page.url()).toContain('amount=3');
});

test('bad link values fall back and are named', async ({ page }) => {
  await page.goto('/?v=loan&product=tuopin2021&amount=abc&rate=999&method=weekly' + WECHAT);
  const notes = page.locator('#link-notes');
  await expect(notes).toContainText('贷款金额“abc”无效');
  await expect(notes).toContainText('年利率“999”无效');
  await expect(notes).toContainText('还款方式“weekly”无效');
  await expect(page.locator('#amount')).toHaveValue('5万');
  await expect(page.locator('#total-interest')).not.toBeEmpty();
});

test('home screen leads to the estimator and back works', async ({ page }) => {
  await page.goto('/?from=singlemessage&isappinstalled=0');
  await expect(page.locator('h1')).toHaveText('帮扶助手');
  await page.screenshot({ path: shot('home-360x740') });
  await page.click('#open-loan');
  await expect(page.locator('h1')).toHaveText('贷款测算');
  expect(page.url()).toContain('v=loan');
  // The tab title (WeChat's share card) names the screen.
  await expect(page).toHaveTitle('贷款测算 · 帮扶助手');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('帮扶助手');
  await expect(page).toHaveTitle(/^帮扶助手 · 小额信贷测算/);
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('贷款测算');
});

test('without localStorage the app still works and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto('/' + SEED);
  await expect(page.locator('#storage-banner')).toContainText('不让保存');
  await expect(page.locator('#total-interest')).toHaveText('6,435.92 元');
});

test('a browser without WebAssembly gets a readable message', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/');
  await expect(page.locator('.shell .fail')).toBeVisible();
  await expect(page.locator('#fail-text')).toContainText('WebAssembly');
});

test('no request leaves the app\'s own origin', async ({ page }) => {
  const foreign = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url());
  });
  await page.goto('/' + SEED);
  await expect(page.locator('#total-interest')).toHaveText('6,435.92 元');
  await page.click('#copy-link');
  await expect(page.locator('#copy-status')).not.toBeEmpty();
  expect(foreign).toEqual([]);
});

test('a slow download says it is still loading, then the app starts', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 16_000));
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('.shell .slow')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.shell .fail')).toBeHidden();
  await expect(page.locator('.topbar .brand')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#shell')).toHaveCount(0);
});

test('a failed download shows a way to retry instead of a blank page', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('.shell .fail')).toBeVisible();
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
});

test('the principal due at maturity is in plain sight with its day; Chinese amounts and dates are read', async ({ page }) => {
  // 5万 for 3 years, interest each quarter, the principal at the end (the case).
  await page.goto('/?v=loan&product=bangfu2026&amount=5%E4%B8%87&months=36&rate=3.5&method=quarterly_interest&start=2026-12-15');
  const bar = page.locator('#answer-bar');
  await expect(bar).toContainText('每季还 437.50 元');
  await expect(page.locator('#answer-lump')).toHaveText('2029年12月15日还 50,437.50 元');
  await expect(page.locator('#payment-lines')).toContainText('第12期（2029年12月15日）还 50,437.50 元');
  await page.screenshot({ path: 'tests/e2e/screenshots/loan-lump-360x740.png' });
  // As people say and write them.
  await page.fill('#amount', '两万五');
  await expect(page.locator('#answer-lump')).toContainText('25,218.75 元');
  await page.fill('#amount', '五万');
  await expect(page.locator('#answer-lump')).toContainText('50,437.50 元');
  await page.fill('#start', '2026年12月15日');
  await expect(page.locator('#answer-lump')).toHaveText('2029年12月15日还 50,437.50 元');
  await page.fill('#start', '2026.12.15');
  await expect(page.locator('#answer-lump')).toHaveText('2029年12月15日还 50,437.50 元');
  // Every due date into the phone's calendar: one event per payment, the amount in its title.
  const [ics] = await Promise.all([page.waitForEvent('download'), page.click('#calendar')]);
  expect(ics.suggestedFilename()).toBe('huankuan-rili.ics');
  const cal = fs.readFileSync(await ics.path(), 'utf8');
  expect(cal.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(cal.match(/BEGIN:VEVENT/g)).toHaveLength(12);
  expect(cal).toContain('DTSTART;VALUE=DATE:20291215');
  expect(cal.replace(/\r\n /g, '')).toContain('还本付息（最后一期） 50\\,437.50元');
  await expect(page.locator('#calendar-status')).toContainText('已下载日历文件');
  // 能不能贷 is said at the top of the results, before what to repay.
  const verdict = page.locator('#verdict-top');
  await expect(verdict).toContainText('能不能贷：');
  const [vy, sy] = await Promise.all([verdict.boundingBox(), page.locator('#summary').boundingBox()]);
  expect(vy.y).toBeLessThan(sy.y);
  await verdict.locator('a').click();
  await expect(page.locator('#eligibility')).toBeInViewport();
  // With no other loan, the balance line does not add up a total.
  await expect(page.locator('#eligibility')).toContainText('没有别的贷款，这次 5万元，没超过合计上限 10万元');
});

// A picture of a whole card taller than the screen: the estimator's cards are
// laid out only near the screen (content-visibility: auto), so a capture beyond
// the viewport comes out blank. For the picture only, after the checks, they
// are drawn in full (through the CSSOM, which the page's CSP allows).
async function shotWhole(page, locator, path) {
  await page.evaluate(() => document.querySelectorAll('.loan .card').forEach((c) => { c.style.contentVisibility = 'visible'; }));
  await locator.screenshot({ path });
}

test('the schedule reads at 360 px, in normal text and in 大字版, with no sideways swipe', async ({ page }) => {
  // The seed's 9th period: 25,383.98 due, of which 24,771.48 principal and 612.50 interest, all of it subsidised.
  const ninth = {
    principal: '24,771.48', interest: '612.50', subsidy: '612.50', net: '24,771.48', balance: '75,228.52',
  };
  for (const big of [false, true]) {
    await page.goto('/' + SEED + (big ? '&big=1' : ''));
    await expect(page.locator('html')).toHaveClass(big ? /big-text/ : /^(?!.*big-text)/);
    const box = page.locator('#schedule-box');
    const due = page.locator('#schedule tbody tr.due').nth(8);
    const parts = page.locator('#schedule tbody tr.parts').nth(8);
    await due.scrollIntoViewIfNeeded();
    await expect(due).toContainText('第9期');
    await expect(due).toContainText('2018-03-07');
    await expect(due.locator('.pay')).toHaveText('25,383.98');
    for (const [key, value] of Object.entries(ninth)) {
      await expect(parts.locator(`[data-f=${key}] .v`)).toHaveText(value);
    }
    // Nothing wider than its box: no column is reached by a swipe.
    const widths = await box.evaluate((b) => ({
      box: b.clientWidth, scroll: b.scrollWidth, table: b.querySelector('table').scrollWidth,
      page: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(widths.scroll, JSON.stringify(widths)).toBeLessThanOrEqual(widths.box);
    expect(widths.table, JSON.stringify(widths)).toBeLessThanOrEqual(widths.box);
    expect(widths.page).toBeLessThanOrEqual(0);
    // Every figure of the period is on screen, inside the box.
    const edge = await box.boundingBox();
    const figures = [due.locator('td').first(), due.locator('.pay'),
      ...Object.keys(ninth).map((k) => parts.locator(`[data-f=${k}]`))];
    for (const f of figures) {
      await expect(f).toBeVisible();
      const b = await f.boundingBox();
      expect(b.x).toBeGreaterThanOrEqual(edge.x);
      expect(b.x + b.width).toBeLessThanOrEqual(edge.x + edge.width + 0.5);
    }
    await shotWhole(page, box, shot(`loan-schedule-360${big ? '-big' : ''}`));
  }
});

// 5万 for 3 years at 3.5%, the case: interest each quarter, the principal at the end.
const QUARTERLY =
  '/?v=loan&product=bangfu2026&amount=5%E4%B8%87&months=36&rate=3.5&method=quarterly_interest&start=2026-12-15';
const MONTHLY_EQUAL = QUARTERLY.replace('quarterly_interest', 'equal_installment');
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;

test('the 还款卡 prints on half an A4 page: every date and amount, the principal in bold, what being late costs', async ({ page }) => {
  for (const [url, rows, name] of [[QUARTERLY, 12, 'quarterly'], [MONTHLY_EQUAL, 36, 'monthly-36']]) {
    for (const big of [false, true]) {
      await page.goto(url + (big ? '&big=1' : ''));
      const card = page.locator('#repay-card');
      const items = card.locator('#card-rows li');
      await expect(items).toHaveCount(rows);
      if (rows === 12) {
        await expect(items.first()).toContainText('2027年3月15日');
        await expect(items.first()).toContainText('437.50');
        await expect(items.nth(10)).toContainText('2029年9月15日');
        await expect(items.last()).toContainText('2029年12月15日');
        await expect(items.last()).toContainText('50,437.50');
        await expect(card.locator('#card-lump strong')).toHaveText(
          '2029年12月15日要还本金 50,000.00 元（连利息一共 50,437.50 元）');
      } else {
        // 等额本息: 1,465.10 a month (50,000 at 3.5% over 36 months), cleared on the last day.
        await expect(items.first()).toContainText('2027年1月15日');
        await expect(items.first()).toContainText('1,465.10');
        await expect(items.last()).toContainText('2029年12月15日');
        await expect(card.locator('#card-lump strong')).toContainText('2029年12月15日最后一期');
      }
      // The payment that repays the loan is bold, in the list and in words.
      await expect(items.last()).toHaveClass(/key/);
      expect(Number(await items.last().evaluate((li) => getComputedStyle(li).fontWeight))).toBeGreaterThanOrEqual(700);
      expect(Number(await items.first().evaluate((li) => getComputedStyle(li).fontWeight))).toBeLessThan(700);
      await expect(card.locator('#card-overdue strong')).toHaveText('逾期不贴息、记入征信。');
      await expect(card.locator('#card-overdue')).toContainText('保存5年');
      await expect(card.locator('#card-bank')).toContainText('到期前提前找银行');
      // Sources in their own small line, never inside the sentences.
      await expect(card.locator('#card-source')).toContainText('出处：《征信业管理条例》第十六条');
      for (const id of ['#card-overdue', '#card-bank', '#card-lump', '#card-terms']) {
        expect(await card.locator(id).textContent()).not.toMatch(/《|〔|第.+条|号/);
      }
      // On the phone: readable at 360 px, no sideways swipe.
      await card.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const cardBox = await card.evaluate((c) => [c.scrollWidth, c.clientWidth]);
      expect(cardBox[0]).toBeLessThanOrEqual(cardBox[1]);
      const tag = `loan-card-${name}${big ? '-big' : ''}`;
      await expect(page.locator('#card-print')).toBeVisible();
      // Printed: only the card, on half an A4 page.
      await page.emulateMedia({ media: 'print' });
      await expect(card).toBeVisible();
      for (const gone of ['#amount', '#summary', '#schedule', '#answer-bar', '#card-print', '.topbar']) {
        await expect(page.locator(gone)).toBeHidden();
      }
      // As laid out on A4 paper (96 dpi, less the 12 mm margins): the card within half the page.
      await page.setViewportSize({ width: 703, height: 1032 });
      await page.screenshot({ path: shot(`${tag}-print`), fullPage: true });
      const h = (await card.boundingBox()).height;
      expect(h, `${tag}: ${h}px`).toBeLessThanOrEqual(((148.5 - 24) / 25.4) * 96);
      const pdf = await page.pdf({ width: '210mm', height: '148.5mm', printBackground: true });
      fs.writeFileSync(shot(`${tag}-half-a4`).replace('.png', '.pdf'), pdf);
      expect(pdfPages(pdf), tag).toBe(1);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.emulateMedia({ media: 'screen' });
      await shotWhole(page, page.locator('#card-box'), shot(`${tag}-360`));
    }
  }
});

test('到期还本: how much to put aside shows for 按季付息到期还本, by month, quarter or harvest, and not for 等额本息', async ({ page }) => {
  await page.goto(QUARTERLY);
  const plan = page.locator('#save-plan');
  await expect(plan).toBeVisible();
  await expect(page.locator('#plan-goal')).toContainText('2029年12月15日要一次还本金 50,000.00 元');
  const result = page.locator('#plan-result');
  // 50,000 ÷ 36 = 1,388.89, rounded up to 1,389 元; 35 × 1,389 = 48,615, so the 36th is 1,385.
  await expect(result).toHaveText('每月存 1,389元，存 35 次；第 36 次存 1,385元。');
  await expect(plan.locator('#plan-every button[aria-pressed=true]')).toHaveText('每月存');
  await plan.getByRole('button', { name: '每季存' }).click();
  await expect(result).toHaveText('每季存 4,167元，存 11 次；第 12 次存 4,163元。');
  await plan.getByRole('button', { name: '一年收一次（如秋收）' }).click();
  await expect(result).toHaveText('每次收成后存 16,667元，存 2 次；第 3 次存 16,666元。');
  await expect(plan).toContainText('合起来正好 50,000.00 元');
  await expect(plan).toContainText('收成 3 次');
  await plan.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shotWhole(page, plan, shot('loan-plan-360'));
  // Repaid as it goes: nothing to put aside.
  await page.selectOption('#method', 'equal_installment');
  await expect(page.locator('#answer-bar')).toContainText('每月还 1,465.10 元');
  await expect(plan).toBeHidden();
  // 利随本清: the interest falls due with the principal, and is saved too (50,000 × 3.5% × 3 = 5,250).
  await page.selectOption('#method', 'bullet');
  await expect(plan).toBeVisible();
  await expect(page.locator('#plan-goal')).toContainText('要一次还本金和利息 55,250.00 元');
});
