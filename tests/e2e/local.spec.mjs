// 本地数字: a cadre makes a link, a villager's phone (a clean profile) opens
// it, accepts, sees the figures used in the self-check and the estimator,
// and removes them; damaged links are refused. 360×740.
import { test, expect } from './guard.mjs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;

// The link's checksum (FNV-1a over "key=value\n" of each figure in field
// order, UTF-8), so a test can write a link with a figure out of range.
const ORDER = ['place', 'date', 'line', 'line_doc', 'dibao', 'dibao_doc', 'tekun', 'tekun_doc', 'max', 'months',
  'rate', 'subsidy', 'cap', 'timing', 'age_min', 'age_max', 'loan_doc'];
function linkOf(fields) {
  let h = 0x811c9dc5;
  let q = '?v=local&lv=1';
  for (const k of ORDER) {
    if (!(k in fields)) continue;
    for (const b of new TextEncoder().encode(`${k}=${fields[k]}\n`)) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    q += `&${k}=${encodeURIComponent(fields[k])}`;
  }
  return `${q}&ck=${h.toString(16).padStart(8, '0')}`;
}

const noSideways = async (page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

async function stored(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('bangfu') || '{}'));
}

async function makeLink(page, values) {
  await page.goto('/?v=local');
  await expect(page.locator('h1')).toHaveText('本地数字');
  for (const [id, v] of Object.entries(values)) {
    if (id === 'timing') await page.selectOption('#timing', v);
    else await page.fill(`#${id}`, v);
  }
  await page.click('#local-make');
  const link = await page.locator('#local-link').inputValue();
  return new URL(link);
}

test('a local-figures link round trip: make, open clean, accept, used in the self-check and the estimator, remove', async ({ page, browser, baseURL }) => {
  const url = await makeLink(page, {
    place: '湖北省某某县',
    date: '2026-01-01',
    line: '７５００', // full-width digits, as a phone keyboard types them
    line_doc: '某乡振发〔2026〕1号',
    dibao: '600',
    max: '8万',
    age_min: '18',
    age_max: '60',
    loan_doc: '某某县帮扶小额信贷实施办法',
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('local-editor-360x740') });
  expect(url.searchParams.get('v')).toBe('local');
  expect(url.searchParams.get('lv')).toBe('1');
  expect(url.searchParams.get('line')).toBe('7500');
  expect(url.searchParams.get('max')).toBe('80000');
  expect(url.searchParams.get('ck')).toMatch(/^[0-9a-f]{8}$/);
  // Nothing about a household in the link.
  for (const k of ['age', 'status', 'r', 'name', 'income']) expect(url.searchParams.has(k)).toBe(false);

  // A villager's phone: nothing stored yet. WeChat appends its parameters and a fragment.
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  await p2.goto(`${baseURL}/${url.search}&from=singlemessage&isappinstalled=0#wechat_redirect`);
  await expect(p2.locator('h1')).toHaveText('收到一组本地数字');
  await expect(p2.locator('#local-for')).toContainText('湖北省某某县');
  await expect(p2.locator('#local-for')).toContainText('2026-01-01');
  const offer = p2.locator('#local-offer');
  await expect(offer).toContainText('防返贫监测线');
  await expect(offer).toContainText('7,500 元/人/年');
  // Beside the figure in use now: the national baseline.
  await expect(offer).toContainText('全国基准 6,000 元/人/年（2021年）');
  await expect(offer).toContainText('8万 元');
  await expect(p2.locator('#local-docs')).toContainText('某乡振发〔2026〕1号');
  await expect(p2.locator('#local-refused-fields')).toHaveCount(0);
  await p2.screenshot({ path: shot('local-accept-360x740') });
  // Nothing changes without the tap.
  expect((await stored(p2)).local).toBeUndefined();
  await p2.click('#local-accept');
  await expect(p2.locator('#local-in-use')).toContainText('湖北省某某县 2026年标准');
  await expect(p2).toHaveURL(/\?v=local$/);
  await p2.locator('#local-in-use').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await p2.screenshot({ path: shot('local-in-use-360x740') });
  // Stored as the figures' canonical texts.
  expect((await stored(p2)).local).toMatchObject({ place: '湖北省某某县', line: '7500', dibao: '600', max: '80000' });

  // The self-check: income 6,000–8,000 per person is not below the national
  // 6,000 line, but is against the county's 7,500.
  await p2.evaluate(() => {
    const r = JSON.parse(localStorage.getItem('bangfu'));
    r.check = { answers: { members: '3', income: '6000_8000' }, section: 0, editing: null, finished: true };
    localStorage.setItem('bangfu', JSON.stringify(r));
  });
  await p2.goto(`${baseURL}/?v=check`);
  const jiance = p2.locator('#finding-jiance');
  await expect(jiance).toContainText('低于监测线 7500元（湖北省某某县 2026年标准，来自分享的本地数字）');
  // The document is named once, on the line under the results, not inside a reason.
  await expect(jiance.locator('.why')).not.toContainText('某乡振发〔2026〕1号');
  await expect(p2.locator('#local-note')).toContainText('湖北省某某县 2026年标准');
  await expect(p2.locator('#line-used')).toContainText('湖北省某某县 2026年标准，来自分享的本地数字；依据：某乡振发〔2026〕1号');
  await jiance.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await p2.screenshot({ path: shot('local-check-finding-360x740') });

  // The estimator: 9万 is over the county's 8万 ceiling (the national is 10万).
  await p2.goto(`${baseURL}/?v=loan&product=bangfu2026&amount=9%E4%B8%87&months=24`);
  const elig = p2.locator('#eligibility');
  await expect(elig).toContainText('9万元，超过了上限 8万元（湖北省某某县 2026年标准）');
  await expect(elig).toContainText('来自分享的本地数字；依据：某某县帮扶小额信贷实施办法');
  await expect(p2.locator('#verdict')).toHaveText('不符合');
  await elig.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await p2.screenshot({ path: shot('local-loan-eligibility-360x740') });

  // Removed in one tap from the 本地数字 screen, reached from the note.
  await p2.click('#local-note-link');
  await expect(p2).toHaveURL(/\?v=local$/);
  await p2.click('#local-remove');
  await expect(p2.locator('#local-in-use')).toContainText('全国数字');
  expect((await stored(p2)).local).toBeUndefined();
  await p2.goto(`${baseURL}/?v=loan&product=bangfu2026&amount=9%E4%B8%87&months=24`);
  await expect(p2.locator('#eligibility')).toContainText('9万元，不超过 10万元。');
  await expect(p2.locator('#local-note')).toHaveCount(0);
  await ctx.close();
});

test('a tampered or cut link is refused with a reason and changes nothing', async ({ page }) => {
  const url = await makeLink(page, { place: '某某县', date: '2026-01-01', line: '7500' });
  const good = url.search;
  // Figure altered by hand.
  await page.goto(`/${good.replace('line=7500', 'line=9500')}`);
  await expect(page.locator('h1')).toHaveText('这个本地数字链接用不了');
  await expect(page.locator('#local-refused')).toContainText('被改动过或损坏了');
  await expect(page.locator('#local-accept')).toHaveCount(0);
  await page.screenshot({ path: shot('local-refused-360x740') });
  // Cut before its end.
  await page.goto(`/${good.slice(0, good.indexOf('&ck='))}&from=singlemessage`);
  await expect(page.locator('#local-refused')).toContainText('链接不完整');
  // From a newer version of the format.
  await page.goto(`/${good.replace('lv=1', 'lv=2')}`);
  await expect(page.locator('#local-refused')).toContainText('更新版本');
  expect((await stored(page)).local).toBeUndefined();
  // The refusal screen leads to the editor.
  await page.click('#local-open-editor');
  await expect(page.locator('h1')).toHaveText('本地数字');
});

test('figures out of range are refused one by one; the rest can be used', async ({ page }) => {
  await page.goto(`/${linkOf({ place: '某某县', date: '2026-01-01', line: '7500', dibao: '99999', rate: '48', max: '5万' })}`);
  await expect(page.locator('h1')).toHaveText('收到一组本地数字');
  const refused = page.locator('#local-refused-fields');
  await expect(refused).toContainText('农村低保标准“99999”没有采用：低保标准 99,999 元不合理');
  await expect(refused).toContainText('年利率上限“48”没有采用：年利率 48% 不合理');
  await expect(page.locator('#local-offer')).toContainText('7,500 元/人/年');
  await expect(page.locator('#local-offer')).not.toContainText('99,999');
  await page.click('#local-accept');
  const s = await stored(page);
  expect(s.local.line).toBe('7500');
  expect(s.local.max).toBe('50000');
  expect(s.local.dibao ?? null).toBeNull();
  expect(s.local.rate ?? null).toBeNull();
});

test('the editor checks as typed, with the estimator\'s messages, and keeps a draft', async ({ page }) => {
  await page.goto('/?v=local');
  await page.fill('#line', 'abc');
  await expect(page.locator('#line-error')).toContainText('看不懂“abc”');
  await page.fill('#line', '50');
  await expect(page.locator('#line-error')).toContainText('监测线 50 元不合理');
  await page.fill('#place', '');
  await page.click('#local-make');
  await expect(page.locator('#local-make-note')).toContainText('有标红的地方');
  await expect(page.locator('#place-error')).toContainText('请填这些数字是哪里的');
  await expect(page.locator('#local-link')).toHaveCount(0);
  // Typing survives a reload.
  await page.fill('#place', '某某乡');
  await page.reload();
  await expect(page.locator('#place')).toHaveValue('某某乡');
  await expect(page.locator('#line')).toHaveValue('50');
});

// 本月要走访 with the county's days between visits: three households last
// visited 30, 29 and 128 days before 7 December 2026, nothing else about
// them to visit for.
test('accepting shared figures with visits every 30 days changes 村情汇总\'s 本月要走访', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00+08:00'));
  const settled = {
    members: '4', workers: '2', main_age: '45', who: 'elderly,child', support: 'yes', province: 'hebei',
    status: 'none', income: 'gt15000', income_drop: 'no', food: 'yes', water: 'yes', school: 'yes',
    vocational: 'no', insured: 'yes', illness: 'none', medical: 'lt2000', house: 'safe', events: 'none',
    plan: 'no', needs: 'none',
  };
  const households = [['d30', '2026-11-07'], ['d29', '2026-11-08'], ['d128', '2026-08-01']].map(([id, date]) => ({
    id, label: `${id}户`, village: '梅河村', date, answers: settled,
  }));
  const backup = { app: 'bangfu', kind: 'households', version: 1, exported: '2026-12-07', households, visits: [] };
  await page.goto('/?v=households');
  await page.setInputFiles('#import-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.locator('#io-status')).toContainText('已导入 3 户');

  // Before: the data file's 90 days.
  await page.goto('/?v=village');
  const items = page.locator('#to-visit-list > li');
  await expect(items).toHaveCount(1);
  await expect(items.nth(0).locator('strong')).toHaveText('d128户');
  await expect(page.locator('#to-visit-hint')).toContainText('走访间隔（90天）');
  await expect(page.locator('#count-not-visited')).toHaveAttribute('aria-label', '90天以上没走访：1户，点开看名单');
  await expect(page.locator('#figures-used')).toContainText('没有用本地数字');

  // A cadre sets 30 days (and how near the line counts) with its document.
  const url = await makeLink(page, {
    place: '某某县',
    date: '2026-01-01',
    near_line: '150',
    visit_days: '30天',
    visit_doc: '某某县防返贫监测走访办法',
  });
  expect(url.searchParams.get('visit_days')).toBe('30');
  expect(url.searchParams.get('near_line')).toBe('150');
  expect(url.searchParams.get('xk')).toMatch(/^[0-9a-f]{8}$/);
  await page.locator('#near_line').evaluate((e) => e.closest('.field').previousElementSibling.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: shot('local-visit-figures-360x740') });

  // Opened and accepted: what it sets beside what is in use.
  await page.goto(`/${url.search}`);
  const offer = page.locator('#local-offer');
  await expect(offer).toContainText('多少天没走访就要去');
  await expect(offer).toContainText('30 天');
  await expect(offer).toContainText('90 天（本工具定的）');
  await expect(offer).toContainText('150 %');
  await expect(page.locator('#local-docs')).toContainText('走访：某某县防返贫监测走访办法');
  await page.click('#local-accept');
  await expect(page.locator('#local-in-use')).toContainText('多少天没走访就要去：30 天');
  expect((await stored(page)).local).toMatchObject({ visit_days: '30', near_line: '150' });

  // After: 30 days is due, 29 is not; the hint, the count and the figures line say so.
  await page.goto('/?v=village');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator('strong')).toHaveText('d128户');
  await expect(items.nth(1).locator('strong')).toHaveText('d30户');
  await expect(items.nth(1).locator('.visit-why')).toContainText('很久没走访：30天没走访了');
  await expect(page.locator('#to-visit-list')).not.toContainText('d29户');
  await expect(page.locator('#to-visit-hint')).toContainText('走访间隔（30天）');
  await expect(page.locator('#count-not-visited')).toHaveAttribute('aria-label', '30天以上没走访：2户，点开看名单');
  const used = page.locator('#figures-used');
  await expect(used).toContainText('某某县 2026年标准');
  await expect(used).toContainText('本月要走访也按本地数字：30天没走访就要去，收入在监测线的150%以内');
  await expect(used).toContainText('某某县防返贫监测走访办法');
  await noSideways(page);
  await page.locator('#to-visit').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('local-visit-village-360x740') });

  // The count opens exactly its households.
  await page.click('#count-not-visited');
  await expect(page.locator('#group-filter')).toContainText('只看村情汇总里的：30天以上没走访');

  // Removed: back to 90 days.
  await page.goto('/?v=local');
  await page.click('#local-remove');
  await page.goto('/?v=village');
  await expect(items).toHaveCount(1);
  await expect(page.locator('#to-visit-hint')).toContainText('走访间隔（90天）');
});
