// 家庭自查 and the cadre's household list, at phone size (360×740).
import { test, expect } from './guard.mjs';
import fs from 'node:fs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;

import { POOR, WELL, WIDOW, answerAll as answerAllWith, answerVisible } from './answers.mjs';

const answerAll = (page, answers, { screenshotFirst } = {}) =>
  answerAllWith(page, answers, { screenshot: screenshotFirst && shot(screenshotFirst) });

test('a new user answers the whole questionnaire and sees what to do', async ({ page }) => {
  await page.goto('/');
  await page.click('#tile-check');
  await expect(page.locator('h1')).toHaveText('家庭自查');
  expect(page.url()).toContain('v=check');
  await answerAll(page, POOR, { screenshotFirst: 'check-questionnaire-360x740' });
  await expect(page.locator('h1')).toHaveText('自查结果');
  const top = page.locator('#top-actions');
  // One place to start, covering both: monitoring and the cracked house.
  await expect(top).toContainText('到村委会');
  await expect(top).toContainText('防返贫监测');
  await expect(top).toContainText('住房安全');
  await expect(page.locator('#basic-housing')).toContainText('有风险');
  await expect(page.locator('#basic-food')).toContainText('有保障');
  await expect(page.locator('#finding-jiance')).toContainText('低于监测线 6000元');
  await expect(page.locator('#finding-jiance')).toContainText('脱贫不稳定户');
  await expect(page.locator('#finding-yulu')).toContainText('很可能符合');
  await expect(page.locator('#finding-loan')).toBeVisible();
  await expect(page.locator('#line-used')).toContainText('没找到湖北公布的监测线');
  await page.screenshot({ path: shot('check-results-360x740') });
  await page.screenshot({ path: shot('check-results-full'), fullPage: true });
  // The loan finding leads into the estimator, prefilled.
  await page.click('#to-loan');
  await expect(page.locator('h1')).toHaveText('贷款测算');
  await expect(page.locator('#product')).toHaveValue('bangfu2026');
  await expect(page.locator('#age')).toHaveValue('45');
  await expect(page.locator('#status')).toHaveValue('tuopin');
});

test('reloading midway resumes where the user stopped', async ({ page }) => {
  await page.goto('/?v=check');
  await answerVisible(page, POOR);
  await page.click('#next');
  await page.locator('#question-income input[value="calc"]').check();
  await page.fill('#a-inc_wage', '１.８万');
  await page.reload();
  await expect(page.locator('#section-title')).toHaveText('收入');
  await expect(page.locator('#question-income input[value="calc"]')).toBeChecked();
  await expect(page.locator('#a-inc_wage')).toHaveValue('１.８万');
  await page.click('#prev');
  await expect(page.locator('#a-members')).toHaveValue('4');
  await expect(page.locator('#question-status input[value="tuopin"]')).toBeChecked();
  // Partial results at any time.
  await page.click('#results-now');
  await expect(page.locator('h1')).toHaveText('自查结果');
});

test('a cadre saves two households, exports CSV and a backup, and restores it elsewhere', async ({ page, browser }) => {
  await page.goto('/?v=check');
  await answerAll(page, POOR);
  await page.fill('#hh-label', '3组 王家');
  await page.fill('#hh-village', '梅河村');
  await page.click('#save-hh');
  await expect(page.locator('#save-status')).toContainText('已保存');
  await page.click('#new-check');
  await answerAll(page, WELL);
  await page.fill('#hh-label', '5组 李家');
  await page.fill('#hh-village', '梅河村');
  await page.click('#save-hh');
  await page.goto('/?v=households');
  const items = page.locator('#household-list li.household');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('3组 王家');
  await expect(items.nth(0)).toContainText('需要尽快帮扶');
  await page.screenshot({ path: shot('households-360x740') });

  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csvText = fs.readFileSync(await csvDl.path(), 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const lines = csvText.slice(1).split('\r\n');
  expect(lines[0]).toBe('标签,村/组,日期,风险,最重要的事,人口,人均年收入,全部发现,申报');
  expect(lines[1]).toMatch(/^3组 王家,梅河村,\d{4}-\d\d-\d\d,需要尽快帮扶,/);
  expect(lines[2]).toMatch(/^5组 李家,梅河村,/);

  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const backupPath = test.info().outputPath('backup.json');
  await jsonDl.saveAs(backupPath);

  // A cleared browser (a fresh context) imports the backup.
  const fresh = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const other = await fresh.newPage();
  await other.goto('/?v=households');
  await expect(other.locator('#household-list')).toContainText('还没有保存的农户');
  await other.setInputFiles('#import-file', backupPath);
  await expect(other.locator('#io-status')).toContainText('已导入 2 户');
  await expect(other.locator('#household-list li.household')).toHaveCount(2);
  // Open one: its results come back.
  await other.locator('#household-list li.household').first().getByRole('button', { name: '打开' }).click();
  await expect(other.locator('h1')).toHaveText('自查结果');
  await expect(other.locator('#hh-label')).toHaveValue('3组 王家');
  await fresh.close();
});

test('a malformed import is refused and changes nothing; delete can be undone', async ({ page }) => {
  await page.goto('/?v=check');
  await answerAll(page, WELL);
  await page.fill('#hh-label', '1组 张家');
  await page.click('#save-hh');
  await page.goto('/?v=households');
  const before = await page.evaluate(() => localStorage.getItem('bangfu'));
  await page.setInputFiles('#import-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"app":"bangfu","kind":"households","version":1,"households":[{"id":"x"}]}') });
  await expect(page.locator('#io-status')).toContainText('没有导入');
  await expect(page.locator('#io-status')).toContainText('没有任何改动');
  await page.setInputFiles('#import-file', { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
  await expect(page.locator('#io-status')).toContainText('读不出来');
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(before);
  await expect(page.locator('#household-list li.household')).toHaveCount(1);

  await page.getByRole('button', { name: '删除' }).click();
  await expect(page.locator('#household-list li.household')).toHaveCount(0);
  await page.click('#undo');
  await expect(page.locator('#household-list li.household')).toHaveCount(1);
  await expect(page.locator('#household-list')).toContainText('1组 张家');
});

test('sharing a result is explicit, warns about privacy and carries no name', async ({ page, context }) => {
  await page.goto('/?v=check');
  await answerAll(page, POOR);
  await page.fill('#hh-label', '3组 王家');
  await page.click('#save-hh');
  await expect(page.locator('#check-link')).toHaveCount(0);
  await page.click('#share-check');
  await expect(page.locator('#privacy-warning')).toContainText('没有称呼和姓名');
  const link = await page.locator('#check-link').inputValue();
  expect(link).toContain('?v=check&r=');
  expect(decodeURIComponent(link)).not.toContain('王家');
  const other = await context.newPage();
  await other.goto(link + '&from=singlemessage&isappinstalled=0');
  await expect(other.locator('#shared-banner')).toBeVisible();
  await expect(other.locator('#top-actions')).toContainText('防返贫监测');
  await expect(other.locator('#save-household')).toHaveCount(0);
});

test('a finding links to its policy explanation and back returns to the results', async ({ page }) => {
  await page.goto('/?v=check');
  await answerAll(page, POOR);
  await page.locator('#finding-yulu summary').click();
  await page.locator('#finding-yulu').getByRole('link', { name: '看政策解读' }).click();
  await expect(page).toHaveURL(/\/policy\/yulu-jihua\.html$/);
  await expect(page.locator('h1')).toContainText('雨露计划');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('自查结果');
  await expect(page.locator('#finding-yulu')).toBeVisible();
});

test('按称呼 sorts households in Chinese (pinyin) order, not by character code', async ({ page }) => {
  // By UTF-8 bytes (or code points) these come 张 李 王 陈; read aloud in
  // pinyin (chen, li, wang, zhang), a cadre expects 陈 李 王 张.
  const labels = ['王家', '张家', '陈家', '李家'];
  const backup = {
    app: 'bangfu', kind: 'households', version: 1, exported: '2026-11-29',
    households: labels.map((label, i) => ({ id: `h${i}`, label, village: '梅河村', date: `2026-11-2${i}`, answers: {} })),
  };
  expect([...labels].sort()).toEqual(['张家', '李家', '王家', '陈家']);
  await page.goto('/?v=households');
  await page.setInputFiles('#import-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.locator('#io-status')).toContainText('已导入 4 户');
  // Sorting is under the one line of filters.
  await expect(page.locator('#filters-line')).toHaveText('筛选、排序');
  await page.click('#filters-line');
  await page.selectOption('#sort', 'label');
  await expect(page.locator('#household-list .hh-label')).toHaveText(['陈家', '李家', '王家', '张家']);
  // The other orders still apply: newest visit first.
  await page.selectOption('#sort', 'date');
  await expect(page.locator('#household-list .hh-label')).toHaveText(['李家', '陈家', '张家', '王家']);
});

test('a widow whose son cannot support her is told of 特困, 临时救助 and 两项补贴, each with its rule', async ({ page }) => {
  await page.goto('/?v=check');
  await answerAll(page, WIDOW);
  await expect(page.locator('h1')).toHaveText('自查结果');
  const tekun = page.locator('#finding-tekun');
  await expect(tekun).toContainText('可能符合');
  await expect(tekun).toContainText('有子女、但子女自己没有能力赡养的，也可以申请');
  await expect(tekun.locator('.src')).toContainText('依据（国家文件原文）：《社会救助暂行办法》第十四条');
  const linshi = page.locator('#finding-linshi');
  await expect(linshi).toContainText('很可能符合');
  await expect(linshi).toContainText('急难型');
  const two = page.locator('#finding-liangxiang');
  await expect(two).toContainText('很可能符合');
  await expect(two).toContainText('重度残疾人护理补贴');
  // A repost keeps 以当地为准 beside it.
  await expect(two.locator('.src')).toContainText('依据（官方文件的转载，以当地为准）');
  // Reasons say what about the household leads there; no document numbers inside them.
  for (const why of await page.locator('.finding .why').allInnerTexts()) expect(why).not.toContain('〔');
  await expect(page.locator('#finding-jiance .why')).toContainText('没找到甘肃公布的监测线，按全国基准（2021年）');
  await expect(page.locator('#line-used')).toContainText('国开发〔2020〕6号');
  // Source lines are as large as the text they back.
  const body = await tekun.locator('p').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const src = await tekun.locator('.src').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(src).toBeGreaterThanOrEqual(body);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await tekun.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('check-widow-tekun-360x740') });
  await two.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('check-widow-liangxiang-360x740') });
  await page.screenshot({ path: shot('check-widow-full'), fullPage: true });
  // 临时救助 opens its explanation.
  await linshi.locator('summary').click();
  await linshi.locator('a', { hasText: '看政策解读' }).click();
  await expect(page.locator('#entry-title')).toHaveText('临时救助（急难型、支出型）');
});

test('the disability grade is asked only when someone is disabled', async ({ page }) => {
  await page.goto('/?v=check');
  await expect(page.locator('#section-title')).toBeVisible();
  for (let i = 0; i < 8 && !(await page.locator('#question-illness').isVisible()); i++) await page.click('#next');
  await expect(page.locator('#question-illness')).toBeVisible();
  await expect(page.locator('#question-disability_grade')).toBeHidden();
  await page.locator('#question-illness input[value="disabled"]').check();
  await expect(page.locator('#question-disability_grade')).toBeVisible();
  await expect(page.locator('#question-disability_grade')).toContainText('一级或二级');
  await page.screenshot({ path: shot('check-disability-grade-360x740') });
  await page.locator('#question-illness input[value="disabled"]').uncheck();
  await expect(page.locator('#question-disability_grade')).toBeHidden();
});
