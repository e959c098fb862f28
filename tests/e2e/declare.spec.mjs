// From a result to a declaration, at phone size (360×740): what to do first,
// the 申报准备单 (printed on one A4 page, shared as text), 我已申报 with the
// day an answer is due on the results and the home screen, what to do once it
// has passed (a fixed clock), and declarations in the backup and its import.
import { test, expect } from './guard.mjs';
import fs from 'node:fs';
import { POOR, WELL, WIDOW, answerAll, answerVisible } from './answers.mjs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;
// 10:00 in China on Monday 7 December 2026.
const DEC7 = new Date('2026-12-07T10:00:00+08:00');

async function widowResults(page) {
  await page.clock.setFixedTime(DEC7);
  await page.goto('/?v=check');
  await answerAll(page, WIDOW);
  await expect(page.locator('h1')).toHaveText('自查结果');
}

const noSideways = async (page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

test('a widow living alone is not asked about school children and is told one place to start', async ({ page }) => {
  await page.clock.setFixedTime(DEC7);
  await page.goto('/?v=check');
  // Answered section by section: the 上学 section has nothing to ask her and never shows.
  const titles = [];
  for (let i = 0; i < 20 && !(await page.locator('.results').count()); i++) {
    titles.push(await page.locator('#section-title').innerText());
    await answerVisible(page, WIDOW);
    await page.click((await page.locator('#finish').count()) ? '#finish' : '#next');
  }
  expect(titles).not.toContain('上学');
  expect(titles).toContain('看病');
  await expect(page.locator('h1')).toHaveText('自查结果');
  // Every question she was shown is answered; the school ones were never shown.
  const progress = await page.locator('.results > .hint').first().innerText();
  const [done, total] = progress.match(/已回答 (\d+)\/(\d+) 题/).slice(1).map(Number);
  expect(done).toBe(total);
  expect(total).toBeLessThan(20);
  await expect(page.locator('#basic-school')).toContainText('有保障');
  await expect(page.locator('#too-few')).toHaveCount(0);
  const first = page.locator('#top-actions');
  await expect(first.locator('h2')).toHaveText('先做这一件');
  await expect(page.locator('#first-lead')).toHaveText('到村委会（或找驻村工作队）说明家里的情况。');
  const covers = page.locator('#first-covers');
  await expect(covers).toContainText('去一次就可以提出：防返贫监测');
  await expect(covers).toContainText('村委会可以代交');
  await expect(covers).toContainText('特困供养');
  await expect(page.locator('#first-elsewhere')).toContainText('残疾人两项补贴到');
  await expect(page.locator('#first-alternatives')).toContainText('特困供养和低保一般只会是其中一种');
  await expect(page.locator('#first-times')).toContainText('防返贫监测：一般20个工作日内，各地不同');
  await expect(page.locator('#first-times')).toContainText('特困供养：没有规定总的期限');
  // The first screen shows the one action, not fifteen screens of detail.
  await expect(page.locator('#open-sheet')).toBeVisible();
  await expect(page.locator('#finding-tekun details')).not.toHaveAttribute('open', '');
  await noSideways(page);
  await page.screenshot({ path: shot('declare-first-step-360x740') });
  await page.click('#big-toggle');
  await first.scrollIntoViewIfNeeded();
  await noSideways(page);
  await page.screenshot({ path: shot('big-declare-first-step-360x740') });
});

test('too few answers are said plainly, not read as nothing to do', async ({ page }) => {
  await page.goto('/?v=check');
  await page.fill('#a-members', '3');
  await page.fill('#a-workers', '1');
  await page.fill('#a-main_age', '40');
  await page.click('#results-now');
  await expect(page.locator('h1')).toHaveText('自查结果');
  await expect(page.locator('#too-few')).toContainText('还判断不了这家要办什么');
  await expect(page.locator('#top-actions')).not.toContainText('暂时没有发现必须马上办的事');
  await expect(page.locator('#first-none')).toContainText('答的题太少');
});

test('a household that needs nothing is told so', async ({ page }) => {
  await page.goto('/?v=check');
  await answerAll(page, WELL);
  await expect(page.locator('#too-few')).toHaveCount(0);
  await expect(page.locator('#first-none')).toContainText('暂时没有发现必须马上办的事');
  await expect(page.locator('#declared')).toHaveCount(0);
});

test('the 申报准备单 lists what to bring, where, each step with its time and the rights, on one A4 page', async ({ page }) => {
  await widowResults(page);
  await page.click('#open-sheet');
  await expect(page).toHaveURL(/v=check&sheet=all$/);
  await expect(page).toHaveTitle('申报准备单 · 帮扶助手');
  const sheet = page.locator('#sheet');
  await expect(page.locator('#sheet-title')).toContainText('申报准备单：防返贫监测');
  await expect(page.locator('#sheet-who')).toHaveCount(0); // no name was typed
  await expect(page.locator('#sheet-situation')).toContainText('家里1口人');
  await expect(page.locator('#sheet-situation')).toContainText('不到 4000 元');
  await expect(page.locator('#sheet-documents')).toContainText('承诺授权书（不用自己准备）');
  await expect(page.locator('#sheet-documents')).toContainText('户口簿');
  await expect(page.locator('#sheet-channels')).toContainText('打12317');
  await expect(page.locator('#sheet-channels')).toContainText('甘肃“一键报贫”');
  await expect(page.locator('#sheet-channels')).not.toContainText('一码申报');
  await expect(page.locator('#sheet-steps')).toContainText('受理后15个工作日内');
  await expect(page.locator('#sheet-steps')).toContainText('公示7天');
  await expect(page.locator('#sheet-rights')).toContainText('书面告诉理由');
  await expect(page.locator('#sheet-rights')).toContainText('复核');
  await expect(page.locator('#sheet-sources')).toContainText('国家文件原文');
  // The shared text is the same sheet, with no link and no ID number.
  const text = await page.locator('#sheet-text').inputValue();
  expect(text).toContain('【要带的材料】');
  expect(text).toContain('【您的权利】');
  expect(text).not.toMatch(/http|\?v=|\d{15,18}/);
  await noSideways(page);
  await page.screenshot({ path: shot('declare-sheet-360x740') });
  await page.click('#sheet-copy');
  await expect(page.locator('#sheet-status')).toContainText(/复制/);
  // Printed: one A4 page.
  await page.emulateMedia({ media: 'print' });
  // As the page is laid out on paper (A4 at 96 dpi, less the 12 mm margins).
  await page.setViewportSize({ width: 703, height: 1032 });
  await page.screenshot({ path: shot('declare-sheet-print-a4'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(shot('declare-sheet-a4').replace('.png', '.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  expect(pages).toBe(1);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ media: 'screen' });
  // One programme's sheet, and back to the results.
  await page.locator('#sheet-one button', { hasText: '特困供养' }).click();
  await expect(page).toHaveURL(/sheet=tekun$/);
  await expect(page.locator('#sheet-title')).toHaveText('申报准备单：特困供养');
  await expect(page.locator('#sheet-steps ol li')).toHaveCount(4);
  await page.click('#big-toggle');
  await noSideways(page);
  await page.screenshot({ path: shot('big-declare-sheet-360x740') });
  await page.goBack();
  await expect(page.locator('#sheet-title')).toContainText('申报准备单：防返贫监测');
  await page.click('#sheet-back');
  await expect(page.locator('h1')).toHaveText('自查结果');
  // A mangled sheet link opens the self-check and says so.
  await page.goto('/?v=check&sheet=%3Cscript%3E&from=singlemessage');
  await expect(page.locator('h1')).toHaveText('自查结果');
});

test('我已申报: the due day on the results and home, refused dates, correcting and removing', async ({ page }) => {
  await widowResults(page);
  const row = page.locator('#declare-row-jiance');
  // One line until the family says it has declared; then one button per programme.
  await expect(page.locator('#declare-open-jiance')).toBeHidden();
  await page.click('#declare-more summary');
  await expect(row.locator('input')).toHaveCount(0);
  await page.click('#declare-open-jiance');
  await row.locator('input').fill('2026-12-08');
  await page.click('#declare-jiance');
  await expect(row.locator('.message')).toContainText('不能晚于今天');
  await row.locator('input').fill('１２月１日');
  await page.click('#declare-jiance');
  // Tue 1 Dec + 20 working days = Tue 29 Dec 2026 (all in the 2026 holiday table: no 约).
  await expect(row.locator('.declared')).toHaveText('您家12月1日申报了防返贫监测，各地规定不同，一般12月29日前应有答复。');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('declare-recorded-360x740') });
  // Saved: the home screen says it too, after a reload.
  await page.goto('/');
  await expect(page.locator('#home-declared')).toContainText('您家12月1日申报了防返贫监测，各地规定不同，一般12月29日前应有答复。');
  await page.screenshot({ path: shot('declare-home-360x740') });
  // Corrected, then removed.
  await page.goto('/?v=check');
  await page.click('#fix-jiance');
  await row.locator('input').fill('2026-12-02');
  await page.click('#declare-jiance');
  await expect(row.locator('.declared')).toContainText('12月2日申报了防返贫监测，各地规定不同，一般12月30日前');
  await page.click('#remove-jiance');
  await expect(row.locator('.declared')).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('#home-declared')).toHaveCount(0);
});

test('after the time to answer has passed, the family is told what to do', async ({ page }) => {
  await widowResults(page);
  await page.click('#declare-more summary');
  await page.click('#declare-open-jiance');
  await page.locator('#declare-row-jiance input').fill('2026-11-02');
  await page.click('#declare-jiance');
  await page.click('#declare-open-dibao');
  await page.locator('#declare-row-dibao input').fill('2026-12-01');
  await page.click('#declare-dibao');
  // Later: 31 December 2026.
  await page.clock.setFixedTime(new Date('2026-12-31T10:00:00+08:00'));
  await page.goto('/');
  const home = page.locator('#home-declared');
  await expect(home.locator('.declared.late')).toContainText('各地规定不同，一般11月30日前应有答复，已经过了20个工作日');
  await expect(home.locator('.advice')).toContainText('打12317');
  await expect(home.locator('.advice')).toContainText('理由写下来');
  await expect(home.locator('.advice')).toContainText('复核');
  // 低保's 30 working days from 1 December run into 2027, whose holidays are not announced: 约.
  await expect(home).toContainText('您家12月1日申报了低保，按规定约2027年1月12日前应有答复。');
  await noSideways(page);
  await page.screenshot({ path: shot('declare-overdue-home-360x740') });
  await page.click('#big-toggle');
  await page.screenshot({ path: shot('big-declare-overdue-home-360x740') });
  // An answer came: the clock stops.
  await page.goto('/?v=check');
  await page.click('#answered-jiance');
  await expect(page.locator('#declare-row-jiance .declared')).toContainText('12月31日有了答复');
  await expect(page.locator('#declare-row-jiance .advice')).toHaveCount(0);
});

test('a cadre household keeps its declarations in the CSV, the backup, and the import on another phone', async ({ page, browser }) => {
  await page.clock.setFixedTime(DEC7);
  await page.goto('/?v=check');
  await answerAll(page, POOR);
  await page.fill('#hh-label', '3组 王家');
  await page.fill('#hh-village', '梅河村');
  await page.click('#save-hh');
  await expect(page.locator('#save-status')).toContainText('已保存');
  // Declared under the household now open, named by its label; not before
  // the household was first saved.
  await page.click('#declare-more summary');
  await page.click('#declare-open-jiance');
  await page.locator('#declare-row-jiance input').fill('2026-12-01');
  await page.click('#declare-jiance');
  await expect(page.locator('#declare-row-jiance .message')).toContainText('这一户是2026年12月7日才记进名单的');
  await page.locator('#declare-row-jiance input').fill('2026-12-07');
  await page.click('#declare-jiance');
  await expect(page.locator('#declare-row-jiance .declared')).toContainText('3组 王家12月7日申报了防返贫监测');
  // The next household starts in the same province and village.
  await page.click('#new-check');
  await expect(page.locator('#question-province select')).toHaveValue('hubei');
  await answerAll(page, POOR);
  // Not saved yet, on a phone with a list: it says where a declaration would go.
  await expect(page.locator('#declare-own-hint')).toContainText('请先在下面“保存这一户”');
  await page.click('#new-check');
  await answerAll(page, WELL);
  await expect(page.locator('#hh-village')).toHaveValue('梅河村');
  await page.goto('/');
  await expect(page.locator('#home-list-waiting')).toContainText('农户名单里有 1 户申报了在等答复');

  await page.goto('/?v=households');
  await expect(page.locator('#household-list li.household', { hasText: '3组 王家' })).toContainText('申报等答复：防返贫监测');
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  expect(csv).toContain('防返贫监测 2026-12-07申报，约2027-01-04前答复');
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const backupPath = test.info().outputPath('backup.json');
  await jsonDl.saveAs(backupPath);
  expect(fs.readFileSync(backupPath, 'utf8')).toContain('"declared"');

  // Another phone with the same household and another declaration merges both.
  const fresh = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const other = await fresh.newPage();
  await other.clock.setFixedTime(DEC7);
  await other.goto('/?v=households');
  await other.setInputFiles('#import-file', backupPath);
  await expect(other.locator('#io-status')).toContainText('1 条申报记录');
  await other.locator('#household-list li.household').first().getByRole('button', { name: '打开' }).click();
  await expect(other.locator('#declare-row-jiance .declared')).toContainText('3组 王家12月7日申报了防返贫监测');
  await other.click('#declare-more summary');
  await other.click('#declare-open-dibao');
  await other.locator('#declare-row-dibao input').fill('2026-12-07');
  await other.click('#declare-dibao');
  await other.goto('/?v=households');
  const [back] = await Promise.all([other.waitForEvent('download'), other.click('#export-json')]);
  const backPath = test.info().outputPath('back.json');
  await back.saveAs(backPath);
  await fresh.close();
  await page.setInputFiles('#import-file', backPath);
  await expect(page.locator('#io-status')).toContainText('1 条申报记录');
  await page.locator('#household-list li.household', { hasText: '3组 王家' }).getByRole('button', { name: '打开' }).click();
  await expect(page.locator('#declare-row-jiance .declared')).toContainText('12月7日申报了防返贫监测');
  await expect(page.locator('#declare-row-dibao .declared')).toContainText('12月7日申报了低保');
});

test('two tabs keep both tabs\' declarations, a deaf one too', async ({ context }) => {
  const a = await context.newPage();
  await a.clock.setFixedTime(DEC7);
  await a.goto('/?v=check');
  await answerAll(a, WIDOW);
  const b = await context.newPage();
  const deaf = await context.newPage();
  await deaf.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  for (const p of [b, deaf]) {
    await p.clock.setFixedTime(DEC7);
    await p.goto('/?v=check');
    await expect(p.locator('#declared')).toBeVisible();
  }
  await a.click('#declare-more summary');
  await a.click('#declare-open-jiance');
  await a.locator('#declare-row-jiance input').fill('2026-12-01');
  await a.click('#declare-jiance');
  // B hears of it and shows it.
  await expect(b.locator('#declare-row-jiance .declared')).toContainText('12月1日申报了防返贫监测');
  await b.click('#declare-more summary');
  await b.click('#declare-open-dibao');
  await b.locator('#declare-row-dibao input').fill('2026-12-02');
  await b.click('#declare-dibao');
  await expect(a.locator('#declare-row-dibao .declared')).toContainText('12月2日申报了低保');
  // The deaf tab never heard either; its own declaration keeps both.
  await deaf.click('#declare-more summary');
  await deaf.click('#declare-open-tekun');
  await deaf.locator('#declare-row-tekun input').fill('2026-12-03');
  await deaf.click('#declare-tekun');
  const stored = JSON.parse(await a.evaluate(() => localStorage.getItem('bangfu')));
  expect(stored.declared.map((d) => d.programme).sort()).toEqual(['dibao', 'jiance', 'tekun']);
  // A removal in one tab is not brought back by another's older copy.
  await a.click('#remove-dibao');
  await expect(b.locator('#declare-row-dibao .declared')).toHaveCount(0);
  await b.click('#declare-open-linshi');
  await b.locator('#declare-row-linshi input').fill('2026-12-04');
  await b.click('#declare-linshi');
  for (const p of [a, b]) {
    await p.reload();
    await expect(p.locator('#declare-row-jiance .declared')).toBeVisible();
    await expect(p.locator('#declare-row-tekun .declared')).toBeVisible();
    await expect(p.locator('#declare-row-linshi .declared')).toBeVisible();
    await expect(p.locator('#declare-row-dibao .declared')).toHaveCount(0);
  }
});
