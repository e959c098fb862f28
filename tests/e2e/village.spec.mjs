// 村情汇总 and the household list's visits, filters and backups: a household
// visited three times shows its visits newest first with what changed; the
// summary counts a seeded list and every count opens exactly its households;
// the list filters and searches as you type; the report prints on one A4
// page; the list asks for a backup after 10 changes; the file picker reads
// 选择文件; and a whole list moves to a successor's phone with its visits.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test, expect } from './guard.mjs';

const dir = 'tests/e2e/screenshots';
const shot = (name) => `${dir}/${name}`;

// Today as the page sees it (the config's timezone is Asia/Shanghai).
const day = (offset = 0) => new Date(Date.now() + 8 * 3600e3 + offset * 86400e3).toISOString().slice(0, 10);
const TODAY = day();

const ANSWERS = [
  { members: '4', income: 'lt4000' },
  { members: '3', income: 'gt15000', house: 'safe' },
  { members: '2', income: 'unknown' },
  { members: '5', income: '10000_15000', house: 'problem' },
  { members: '4', income: '8000_10000' },
];
const NAMES = ['王', '李', '张', '刘', '陈', '杨'];

/** 30 households: 18 in 梅河村, 12 in 河西村; every fourth last visited 120
 * days ago; every seventh with an earlier, better-off visit. */
function seeded() {
  const households = [];
  const visits = [];
  for (let i = 0; i < 30; i++) {
    const id = `g${i}`;
    households.push({
      id,
      label: `${(i % 5) + 1}组 ${NAMES[i % 6]}家${i + 1}`,
      village: i < 18 ? '梅河村' : '河西村',
      date: i % 4 === 0 ? day(-120) : day(-10),
      answers: ANSWERS[i % 5],
    });
    if (i % 7 === 0) {
      visits.push({ id, earlier: [{ date: day(-200), note: '', answers: { members: '4', income: 'gt15000', house: 'safe' } }] });
    }
  }
  return { households, visits };
}

function backupFile({ households, visits }, name = 'backup.json') {
  const text = JSON.stringify({ app: 'bangfu', kind: 'households', version: 1, exported: TODAY, households, visits }, null, 2);
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function importSeeded(page) {
  await page.goto('/?v=households');
  await page.setInputFiles('#import-file', backupFile(seeded()));
  await expect(page.locator('#io-status')).toContainText('已导入 30 户');
}

const items = (page) => page.locator('#household-list li.household');
const countOf = async (page, key) => Number((await page.locator(`#count-${key}`).innerText()).replace('户', ''));

// 王家: visited 2026-05-02 and 2026-08-10 (stored), and now again through
// the results page's save, with a note.
const THREE = {
  version: 2,
  check: { answers: { members: '4', income: 'lt4000', food: 'yes', house: 'problem' }, section: 0, editing: 'h1', finished: true },
  households: [{ id: 'h1', label: '3组 王家', village: '梅河村', date: '2026-08-10', answers: { members: '4', income: '8000_10000', food: 'yes', house: 'safe' } }],
  visits: [{ id: 'h1', note: '打工的儿子回家了，收入少了', earlier: [{ date: '2026-05-02', note: '', answers: { members: '4', income: '10000_15000', food: 'yes', house: 'safe' } }] }],
};

async function threeVisits(page) {
  await page.goto('/?v=households');
  await page.evaluate((r) => localStorage.setItem('bangfu', JSON.stringify(r)), THREE);
  await page.goto('/?v=check');
  await expect(page.locator('h1')).toHaveText('自查结果');
  await expect(page.locator('#hh-label')).toHaveValue('3组 王家');
  await page.fill('#hh-note', '墙裂了，已报乡镇');
  await page.click('#save-hh');
  await expect(page.locator('#save-status')).toContainText('已保存');
}

test.beforeAll(() => fs.mkdirSync(dir, { recursive: true }));

test('a household visited three times shows its visits newest first and what changed', async ({ page }) => {
  await threeVisits(page);
  const visits = page.locator('#visit-list li');
  await expect(visits).toHaveCount(3);
  await expect(visits.nth(0)).toContainText(TODAY);
  await expect(visits.nth(0)).toContainText('墙裂了，已报乡镇');
  await expect(visits.nth(1)).toContainText('2026-08-10');
  await expect(visits.nth(1)).toContainText('打工的儿子回家了');
  await expect(visits.nth(2)).toContainText('2026-05-02');
  await expect(page.locator('#change-headline')).toContainText('风险升高');
  await expect(page.locator('#change-headline')).toContainText('人均年收入');
  // Stored as one household with two earlier visits, note kept.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('bangfu')));
  expect(stored.households).toHaveLength(1);
  expect(stored.households[0].date).toBe(TODAY);
  expect(stored.visits[0].note).toBe('墙裂了，已报乡镇');
  expect(stored.visits[0].earlier.map((v) => v.date)).toEqual(['2026-05-02', '2026-08-10']);
  await page.locator('#visits').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shot('household-three-visits-360x740.png') });
  // The list's card says so too; saving again today corrects today's visit.
  await page.goto('/?v=households');
  await expect(items(page).first()).toContainText('走访 3 次');
  await expect(items(page).first()).toContainText('风险升高');
  await items(page).first().getByRole('button', { name: '打开' }).click();
  await expect(page.locator('#hh-note')).toHaveValue('墙裂了，已报乡镇');
  await page.click('#save-hh');
  await expect(page.locator('#visit-list li')).toHaveCount(3);
});

test('the village summary counts the list and every count opens exactly its households', async ({ page }) => {
  await importSeeded(page);
  await page.click('#go-village');
  await expect(page.locator('h1')).toHaveText('村情汇总');
  await expect(page).toHaveURL(/\?v=village$/);
  await expect(page.locator('#count-all')).toHaveText('30户');
  await expect(page.locator('#count-not-visited')).toHaveText('8户');
  expect(await countOf(page, 'unclear')).toBeGreaterThanOrEqual(6);
  expect(await countOf(page, 'risk-rose')).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#figures-used')).toContainText('全国');
  await expect(page.locator('#count-chart text')).toContainText(['全部农户']);
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: shot('village-summary-360x740.png') });
  await page.locator('#count-chart').screenshot({ path: shot('village-chart-360.png') });

  for (const key of ['risk-high', 'risk-medium', 'risk-low', 'program-dibao', 'program-housing', 'risk-rose', 'not-visited', 'unclear']) {
    const n = await countOf(page, key);
    await page.click(`#count-${key}`);
    await expect(page.locator('h1')).toHaveText('农户名单');
    await expect(page.locator('#group-filter')).toBeVisible();
    await expect(items(page)).toHaveCount(n);
    await page.goBack();
    await expect(page.locator('h1')).toHaveText('村情汇总');
  }
  // One village.
  await page.selectOption('#village-select', '=梅河村');
  await expect(page.locator('#count-all')).toHaveText('18户');
  await expect(page.locator('#count-not-visited')).toHaveText('5户');
  await expect(page.locator('#report-meta')).toContainText('梅河村');
  await page.click('#count-not-visited');
  await expect(items(page)).toHaveCount(5);
  for (const t of await items(page).allInnerTexts()) expect(t).toContain('梅河村');
  await page.click('#clear-group');
  await expect(items(page)).toHaveCount(30);

  // The summary table as CSV.
  await page.goto('/?v=village');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-summary')]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('全部农户,30\r\n');
  expect(csv).toContain(`统计日期,${TODAY}`);
});

test('大字版 summary fits 360 px', async ({ page }) => {
  await importSeeded(page);
  await page.goto('/?v=village&big=1');
  await expect(page.locator('#count-all')).toHaveText('30户');
  expect(await page.evaluate(() => document.documentElement.classList.contains('big-text'))).toBe(true);
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The chart's text grows with the page's (0.9em of 16 px without 大字版).
  const size = await page.locator('#count-chart text').first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
  expect(size).toBeGreaterThanOrEqual(17);
  // Each count's name sits above its bar, not over it.
  const label = await page.locator('#bar-risk-high text').first().boundingBox();
  const bar = await page.locator('#bar-risk-high rect').boundingBox();
  expect(label.y + label.height).toBeLessThanOrEqual(bar.y + 2);
  await page.screenshot({ path: shot('village-summary-big-360x740.png') });
});

test('the list filters by village, risk and programme and searches as you type', async ({ page }) => {
  await importSeeded(page);
  await page.goto('/?v=village');
  const dibao = await countOf(page, 'program-dibao');
  const high = await countOf(page, 'risk-high');
  await page.goto('/?v=households');
  await expect(items(page)).toHaveCount(30);
  // The filters are one line until opened, and that line says what is chosen.
  await expect(page.locator('#filter-village')).toBeHidden();
  await page.click('#filters-line');
  await page.selectOption('#filter-village', '=河西村');
  await expect(items(page)).toHaveCount(12);
  await expect(page.locator('#filters-line')).toHaveText('筛选：河西村');
  await expect(page.locator('#list-count')).toHaveText('显示 12 户（共 30 户）');
  await page.selectOption('#filter-village', '');
  await page.selectOption('#filter-program', 'dibao');
  await expect(items(page)).toHaveCount(dibao);
  await page.selectOption('#filter-program', '');
  await page.selectOption('#filter', 'high');
  await expect(items(page)).toHaveCount(high);
  await page.selectOption('#filter', '');
  // As you type: 王 (5 households: 1, 7, 13, 19, 25), then 王家1 (1, 13, 19).
  await page.locator('#search').pressSequentially('王');
  await expect(items(page)).toHaveCount(5);
  await page.locator('#search').pressSequentially('家1');
  await expect(items(page)).toHaveCount(3);
  // Full-width digits and spaces as typed on a phone.
  await page.fill('#search', '3组王家１３');
  await expect(items(page)).toHaveCount(1);
  await page.fill('#search', '没有这户');
  await expect(page.locator('#household-list')).toContainText('没有符合筛选条件的农户');
  await page.fill('#search', '');
  await expect(items(page)).toHaveCount(30);
});

test('the report prints on one A4 page with the counts, names to visit, date and figures', async ({ page }) => {
  await importSeeded(page);
  await page.goto('/?v=village');
  await expect(page.locator('#count-all')).toHaveText('30户');
  await expect(page.locator('#to-visit-list li').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#print-report')).toBeHidden();
  await expect(page.locator('#report-meta')).toContainText(TODAY);
  await expect(page.locator('#figures-used')).toBeVisible();
  await page.screenshot({ path: shot('village-report-print-360.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const path = shot('village-report-a4.pdf');
  fs.writeFileSync(path, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  expect(pages).toBe(1);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', path, shot('village-report-a4')]);
  } catch {
    // poppler-utils not installed: the PDF is still there.
  }
});

test('after 10 changes since the last backup the list asks for one, and says what deletes the list', async ({ page }) => {
  await importSeeded(page);
  // Never backed up: all 30 count, so it asks at once.
  await expect(page.locator('#backup-banner')).toBeVisible();
  await expect(page.locator('#backup-banner')).toContainText('清理微信缓存');
  await expect(page.locator('#backup-banner')).toContainText('退出微信登录');
  await expect(page.locator('#backup-status')).toContainText('还没有导出过备份');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  expect(dl.suggestedFilename()).toBe(`帮扶助手备份-${TODAY}.json`);
  await expect(page.locator('#backup-banner')).toBeHidden();
  await expect(page.locator('#backup-status')).toHaveText(`上次备份：${TODAY}；之后改过 0 户。`);
  for (let i = 0; i < 9; i++) await items(page).first().getByRole('button', { name: '删除' }).click();
  await expect(page.locator('#backup-status')).toContainText('之后改过 9 户');
  await expect(page.locator('#backup-banner')).toBeHidden();
  await items(page).first().getByRole('button', { name: '删除' }).click();
  await expect(page.locator('#backup-banner')).toBeVisible();
  await expect(page.locator('#backup-status')).toContainText('之后改过 10 户');
  // Kept over a reload.
  await page.reload();
  await expect(page.locator('#backup-banner')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('backup-banner-360x740.png') });
});

test('the list says whether the browser keeps its storage, and the file picker reads 选择文件', async ({ page }) => {
  await page.goto('/?v=households');
  await expect(page.locator('#persist-line')).toBeVisible();
  await expect(page.locator('#persist-line')).toContainText(/长期保存|不自动删除/);
  await expect(page.locator('#import-pick')).toHaveText('选择文件');
  await expect(page.locator('#import-pick')).toHaveAttribute('for', 'import-file');
  await expect(page.locator('#import-file-name')).toHaveText('未选择文件');
  const box = await page.locator('#import-file').boundingBox();
  expect(box === null || box.width <= 1).toBe(true);
  // Keyboard and screen readers still reach the input, by its name.
  await expect(page.getByLabel('选择文件')).toHaveCount(1);
  await page.setInputFiles('#import-file', backupFile(seeded(), '名单.json'));
  await expect(page.locator('#import-file-name')).toHaveText('名单.json');
  await expect(page.locator('#io-status')).toContainText('30 户新的');
  // A second import of the same file: nothing new, nothing changes.
  await page.setInputFiles('#import-file', backupFile(seeded(), '名单.json'));
  await expect(page.locator('#io-status')).toContainText('0 户新的，30 户和手机上一样');
  await expect(items(page)).toHaveCount(30);
});

test('hand-over: the whole list with its visits moves to a successor through the backup file', async ({ page, browser }) => {
  await threeVisits(page);
  await page.goto('/?v=households');
  await page.setInputFiles('#import-file', backupFile(seeded()));
  await expect(page.locator('#io-status')).toContainText('已导入 30 户');
  await expect(page.locator('#handover')).toContainText('导出备份');
  await expect(page.locator('#handover')).toContainText('导入');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const file = test.info().outputPath('handover.json');
  await dl.saveAs(file);
  const mine = await page.evaluate(() => JSON.parse(localStorage.getItem('bangfu')));

  const successor = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const other = await successor.newPage();
  await other.goto('/?v=households');
  await expect(other.locator('#household-list')).toContainText('还没有保存的农户');
  await other.setInputFiles('#import-file', file);
  await expect(other.locator('#io-status')).toContainText('已导入 31 户');
  const theirs = await other.evaluate(() => JSON.parse(localStorage.getItem('bangfu')));
  const byId = (l) => [...l].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(theirs.households)).toEqual(byId(mine.households));
  expect(byId(theirs.visits)).toEqual(byId(mine.visits));
  await other.locator('#household-list li.household').filter({ has: other.locator('.hh-label', { hasText: /^3组 王家$/ }) }).getByRole('button', { name: '打开' }).click();
  await expect(other.locator('#visit-list li')).toHaveCount(3);
  await expect(other.locator('#change-headline')).toContainText('风险升高');
  await successor.close();
});

test('a long list draws 50 households at a time, and 再显示 draws the rest', async ({ page }) => {
  const households = Array.from({ length: 120 }, (_, i) => ({
    id: `p${i}`,
    label: `${(i % 9) + 1}组 农户${i + 1}`,
    village: i % 2 ? '梅河村' : '河西村',
    date: TODAY,
    answers: ANSWERS[i % 5],
  }));
  await page.goto('/?v=households');
  await page.setInputFiles('#import-file', backupFile({ households, visits: [] }));
  await expect(page.locator('#io-status')).toContainText('已导入 120 户');
  await expect(items(page)).toHaveCount(50);
  await expect(page.locator('#show-more')).toHaveText('再显示 50 户（已显示 50 户，共 120 户）');
  await page.click('#show-more');
  await expect(items(page)).toHaveCount(100);
  await page.click('#show-more');
  await expect(items(page)).toHaveCount(120);
  await expect(page.locator('#show-more')).toBeHidden();
  // A search looks through all 120, not only the ones drawn, and starts again at the first page.
  await page.fill('#search', '农户11');
  await expect(items(page)).toHaveCount(11);
  await expect(page.locator('#show-more')).toBeHidden();
  await page.fill('#search', '');
  await expect(items(page)).toHaveCount(50);
});
