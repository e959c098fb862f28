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
