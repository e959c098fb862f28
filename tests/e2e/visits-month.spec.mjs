// 本月要走访 (issue: the 驻村工作队's month), at phone size (360×740), normal
// and 大字版: a generated list where each rule of data/visits.toml names one
// household and ordinary households are not listed; the order is the rules'
// order of urgency, each reason in plain words with the last visit's note;
// the household list's first screen shows households, and filters by
// declarations waiting or overdue.
import { test, expect } from './guard.mjs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;
// 10:00 in China on Monday 7 December 2026.
const DEC7 = new Date('2026-12-07T10:00:00+08:00');
const TODAY = '2026-12-07';

const SETTLED = {
  members: '4', workers: '2', main_age: '45', who: 'elderly,child', support: 'yes', province: 'hebei',
  status: 'none', income: 'gt15000', income_drop: 'no', food: 'yes', water: 'yes', school: 'yes',
  vocational: 'no', insured: 'yes', illness: 'none', medical: 'lt2000', house: 'safe', events: 'none',
  plan: 'no', needs: 'none',
};

// One household per rule, in the data file's order of urgency, each with
// the words its reason must carry.
const RULES = [
  ['declare_overdue', '申报过了期限', {}, '申报的低保过了答复期限'],
  ['basic_risk', '两不愁三保障有风险', { house: 'cd' }, '住房安全有风险'],
  ['event', '遭遇变故或灾害', { events: 'disaster' }, '过去12个月遇到了自然灾害'],
  ['illness', '大病重病或慢性病负担重', { illness: 'serious' }, '家里有大病重病的人'],
  ['income', '收入低或明显减少', { income_drop: 'half' }, '收入比前一年少了一半以上'],
  ['tekun', '特困或独自生活', { members: '2', workers: '0', who: 'elderly', support: 'no', income: 'unknown' }, '特困供养'],
  ['dibao', '低保户或要申请低保', { status: 'dibao' }, '家里在低保'],
  ['disability', '残疾人家庭', { illness: 'disabled', disability_grade: 'mild' }, '家里有残疾人'],
  ['students', '孩子读中职、高职', { vocational: 'yes' }, '中职、高职'],
  ['migrant', '靠打工、打工不稳', { events: 'job' }, '有人失业或出不去打工'],
  ['risk_rose', '风险升高', { insured: 'unknown' }, '上次走访以后风险升高了'],
  ['declare_waiting', '申报在等答复', {}, '申报了防返贫监测，在等答复'],
  ['not_visited', '很久没走访', {}, '128天没走访了'],
];

function list() {
  const households = RULES.map(([id, , answers], i) => ({
    id, label: `${i + 1}号 ${id}`, village: '梅河村',
    date: id === 'not_visited' ? '2026-08-01' : '2026-11-27', answers: { ...SETTLED, ...answers },
  }));
  for (let i = 1; i <= 3; i++) {
    households.push({ id: `ok${i}`, label: `平常${i}`, village: '梅河村', date: '2026-11-27', answers: SETTLED });
  }
  const visits = [{
    id: 'risk_rose', note: '孩子医保还没续上',
    earlier: [{ date: '2026-08-20', note: '', answers: SETTLED }],
  }];
  const declared = [
    { id: 'declare_overdue', programme: 'dibao', date: '2026-10-09', stamp: '1' },
    { id: 'declare_waiting', programme: 'jiance', date: '2026-12-01', stamp: '2' },
  ];
  return { app: 'bangfu', kind: 'households', version: 1, exported: TODAY, households, visits, declared };
}

async function imported(page) {
  await page.clock.setFixedTime(DEC7);
  await page.goto('/?v=households');
  const text = JSON.stringify(list());
  await page.setInputFiles('#import-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('#io-status')).toContainText(`已导入 ${RULES.length + 3} 户`);
}

const noSideways = async (page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

test('each rule names its household with the reason, most urgent first, and ordinary households are not listed', async ({ page }) => {
  await imported(page);
  await page.goto('/?v=village');
  await expect(page.locator('#visit-title')).toHaveText('本月要走访');
  const items = page.locator('#to-visit-list > li');
  await expect(items).toHaveCount(RULES.length);
  for (const [i, [id, label, , words]] of RULES.entries()) {
    const item = items.nth(i);
    await expect(item.locator('strong')).toHaveText(`${i + 1}号 ${id}`);
    await expect(item.locator('.visit-why > li').first()).toContainText(`${label}：`);
    await expect(item.locator('.visit-why')).toContainText(words);
  }
  await expect(page.locator('#to-visit-list')).not.toContainText('平常');
  // Every item keeps its number: nothing that clips an item's marker (such as
  // content-visibility's containment) applies to the numbered list.
  for (const i of [0, 6, RULES.length - 1]) {
    expect(await items.nth(i).evaluate((e) => [getComputedStyle(e).contentVisibility, getComputedStyle(e).contain]))
      .toEqual(['visible', 'none']);
  }
  // A list without 一户一策 shows no measure counts and no measure section.
  await expect(page.locator('#count-measure-overdue')).toHaveCount(0);
  await expect(page.locator('#measures-due')).toHaveCount(0);
  await expect(items.nth(10).locator('.last-note')).toHaveText('上次走访记：孩子医保还没续上');
  await noSideways(page);
  await page.locator('#to-visit').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('visits-month-360x740') });
  await page.click('#big-toggle');
  await page.locator('#to-visit').scrollIntoViewIfNeeded();
  await noSideways(page);
  await page.screenshot({ path: shot('visits-month-big-360x740') });
});

test('the list shows households on its first screen and filters by declarations waiting or overdue', async ({ page }) => {
  await imported(page);
  const items = page.locator('#household-list li.household');
  await expect(items).toHaveCount(RULES.length + 3);
  // The backup reminder and the filters take a line each: a household is on the first screen.
  await expect(page.locator('#backup-banner')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await items.first().boundingBox();
  expect(box.y + 40).toBeLessThan(740);
  await page.screenshot({ path: shot('households-first-screen-360x740') });
  await page.click('#filters-line');
  await page.selectOption('#filter-declared', 'waiting');
  await expect(page.locator('#filters-line')).toHaveText('筛选：申报待答复');
  await expect(items).toHaveCount(2);
  await page.selectOption('#filter-declared', 'late');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('1号 declare_overdue');
  await expect(items.first()).toContainText('申报等答复：低保（已超期）');
  await page.selectOption('#filter-declared', '');
  await expect(items).toHaveCount(RULES.length + 3);
});
