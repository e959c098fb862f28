// 一户一策 on a household's page, at phone size (360×740): add a measure
// (from a programme the result names), change it, mark it done, one past
// its day shows as overdue here and in 村情汇总; measures survive a reload,
// travel in the backup and its CSV, and an import merges them (the later
// change wins, one only the phone has stays).
import { test, expect } from './guard.mjs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;
const DEC7 = new Date('2026-12-07T10:00:00+08:00');
const TODAY = '2026-12-07';

const ILL = {
  members: '4', workers: '2', main_age: '45', who: 'elderly', support: 'yes', province: 'hebei', status: 'none',
  income: '6000_8000', income_drop: 'half', food: 'yes', water: 'yes', school: 'na', vocational: 'no',
  insured: 'yes', illness: 'serious', medical: 'gt30000', house: 'safe', events: 'illness', plan: 'no', needs: 'none',
};

function backup(measures = []) {
  return {
    app: 'bangfu', kind: 'households', version: 1, exported: TODAY,
    households: [{ id: 'h1', label: '3组 王家', village: '梅河村', date: '2026-11-20', answers: ILL }],
    ...(measures.length ? { measures } : {}),
  };
}

async function importFile(page, data) {
  await page.setInputFiles('#import-file', {
    name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)),
  });
}

async function openHousehold(page) {
  await page.goto('/?v=households');
  await page.locator('#household-list li.household').first().getByRole('button', { name: '打开' }).click();
  await expect(page.locator('#measures')).toBeVisible();
}

async function add(page, { pick, what, who, by, progress }) {
  if (pick) await page.locator('#measure-picks button', { hasText: pick }).click();
  if (what) await page.fill('#measure-what', what);
  if (who) await page.fill('#measure-who', who);
  if (by) await page.fill('#measure-by', by);
  if (progress) await page.selectOption('#measure-progress', progress);
  await page.click('#save-measure');
}

test('a measure is added, changed, done; one past its day is overdue here and in the summary; all survive a reload', async ({ page }) => {
  await page.clock.setFixedTime(DEC7);
  await page.goto('/?v=households');
  await importFile(page, backup());
  await expect(page.locator('#io-status')).toContainText('已导入 1 户');
  await openHousehold(page);
  const lines = page.locator('#measure-list .measure-line');
  await expect(lines).toHaveCount(0);
  // Nothing to do is refused with what to write; a day that does not read too.
  await page.click('#save-measure');
  await expect(page.locator('#measure-error')).toContainText('请写要做的事');
  await add(page, { pick: '申请医疗救助', who: '张书记', by: 'abc' });
  await expect(page.locator('#measure-error')).toContainText('看不懂日期');
  await page.fill('#measure-by', '12月31日');
  await page.click('#save-measure');
  await expect(page.locator('#measure-error')).toHaveText('');
  await expect(lines).toHaveText(['申请医疗救助（张书记，12月31日前，未开始）']);
  // Changed: in progress.
  await page.locator('#measure-list .measure-edit').first().click();
  await expect(page.locator('#measure-what')).toHaveValue('申请医疗救助');
  await page.selectOption('#measure-progress', 'doing');
  await page.click('#save-measure');
  await expect(lines).toHaveText(['申请医疗救助（张书记，12月31日前，进行中）']);
  // One whose day has passed.
  await add(page, { what: '帮忙办残疾证', by: '2026-12-01' });
  await expect(page.locator('#measure-list li.late .measure-line')).toHaveText('帮忙办残疾证（12月1日前，已超期）');
  await page.locator('#measures').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('measures-360x740') });
  // 村情汇总 counts it.
  await page.goto('/?v=village');
  await expect(page.locator('#count-measure-overdue')).toHaveText('1户');
  await expect(page.locator('#count-measure-due')).toHaveText('1户');
  // The report names them, the overdue one first and marked, on paper too.
  const due = page.locator('#measures-due-list > li');
  await expect(due).toHaveCount(1);
  await expect(due.first().locator('strong')).toHaveText('3组 王家');
  await expect(due.first().locator('.visit-why li')).toHaveText([
    '帮忙办残疾证（12月1日前，已超期）', '申请医疗救助（张书记，12月31日前，进行中）',
  ]);
  await expect(due.first().locator('.visit-why li.late')).toHaveText('帮忙办残疾证（12月1日前，已超期）');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#measures-due')).toBeVisible();
  // On paper the measures run on after the name, as the households to visit do.
  expect(await due.first().locator('.visit-why').evaluate((e) => getComputedStyle(e).display)).toBe('inline');
  await page.screenshot({ path: shot('measures-report-print'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length).toBe(1);
  await page.emulateMedia({ media: 'screen' });
  // Done, and still there after a reload.
  await openHousehold(page);
  await page.locator('#measure-list li.late .measure-done').click();
  await expect(page.locator('#measure-list li.done .measure-line')).toHaveText('帮忙办残疾证（12月1日前，已完成）');
  await page.reload();
  await openHousehold(page);
  await expect(lines).toHaveText(['申请医疗救助（张书记，12月31日前，进行中）', '帮忙办残疾证（12月1日前，已完成）']);
  await page.goto('/?v=village');
  await expect(page.locator('#count-measure-overdue')).toHaveText('0户');
  await expect(page.locator('#measures-due-list .visit-why li')).toHaveText(['申请医疗救助（张书记，12月31日前，进行中）']);
  // 大字版 at 360 px: no sideways swipe.
  await openHousehold(page);
  await page.click('#big-toggle');
  await page.locator('#measures').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot('measures-big-360x740') });
});

test('measures travel in the backup and the CSV, and an import merges them', async ({ page }) => {
  await page.clock.setFixedTime(DEC7);
  await page.goto('/?v=households');
  await importFile(page, backup([
    { id: 'h1', key: 'm1', what: '申请低保', who: '李主任', by: '2026-12-20', progress: 'todo', note: '', stamp: '10' },
  ]));
  await expect(page.locator('#io-status')).toContainText('已导入 1 户');
  await openHousehold(page);
  const lines = page.locator('#measure-list .measure-line');
  await expect(lines).toHaveText(['申请低保（李主任，12月20日前，未开始）']);
  await add(page, { what: '联系公益岗位' });
  await expect(lines).toHaveCount(2);
  // The backup has both.
  await page.goto('/?v=households');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const file = JSON.parse(await (await import('node:fs')).promises.readFile(await dl.path(), 'utf8'));
  expect(file.measures.map((m) => m.what).sort()).toEqual(['申请低保', '联系公益岗位']);
  // The CSV too, in its last column.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const text = await (await import('node:fs')).promises.readFile(await csv.path(), 'utf8');
  expect(text.split('\r\n')[0]).toMatch(/,帮扶措施$/);
  expect(text).toContain('申请低保（李主任，12月20日前，未开始）');
  // A colleague's later change of 申请低保 wins; the phone's own measure stays.
  await importFile(page, backup([
    { id: 'h1', key: 'm1', what: '申请低保', who: '李主任', by: '2026-12-20', progress: 'doing', note: '材料交到乡镇了', stamp: '99999999999999' },
  ]));
  await expect(page.locator('#io-status')).toContainText('还有 1 条帮扶措施');
  await openHousehold(page);
  await expect(lines).toHaveText(['申请低保（李主任，12月20日前，进行中）', '联系公益岗位（未开始）']);
  await expect(page.locator('#measure-list')).toContainText('材料交到乡镇了');
  // An older copy does not undo it.
  await page.goto('/?v=households');
  await importFile(page, backup([
    { id: 'h1', key: 'm1', what: '申请低保', who: '李主任', by: '2026-12-20', progress: 'todo', note: '', stamp: '10' },
  ]));
  await openHousehold(page);
  await expect(lines.first()).toHaveText('申请低保（李主任，12月20日前，进行中）');
});

test('two tabs keep both tabs\' measures, a deaf one too, and a removal stays removed', async ({ context }) => {
  const a = await context.newPage();
  await a.clock.setFixedTime(DEC7);
  await a.goto('/?v=households');
  await importFile(a, backup());
  await expect(a.locator('#io-status')).toContainText('已导入 1 户');
  const b = await context.newPage();
  const deaf = await context.newPage();
  await deaf.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  for (const p of [a, b, deaf]) {
    await p.clock.setFixedTime(DEC7);
    await openHousehold(p);
  }
  await add(a, { what: '申请医疗救助' });
  // B hears of it and shows it.
  await expect(b.locator('#measure-list .measure-line')).toHaveText(['申请医疗救助（未开始）']);
  await add(b, { what: '联系公益岗位' });
  await expect(a.locator('#measure-list .measure-line')).toHaveCount(2);
  // The deaf tab heard neither; its own measure keeps all three.
  await add(deaf, { what: '办残疾证' });
  const stored = JSON.parse(await a.evaluate(() => localStorage.getItem('bangfu')));
  expect(stored.measures.map((m) => m.what).sort()).toEqual(['办残疾证', '申请医疗救助', '联系公益岗位']);
  // A removal in one tab is not brought back by another tab's older copy.
  await a.locator('#measure-list li', { hasText: '联系公益岗位' }).locator('.measure-remove').click();
  await expect(b.locator('#measure-list li', { hasText: '联系公益岗位' })).toHaveCount(0);
  await add(b, { what: '危房改造' });
  for (const p of [a, b]) {
    await p.reload();
    await openHousehold(p);
    const lines = p.locator('#measure-list .measure-line');
    await expect(lines).toHaveCount(3);
    for (const what of ['办残疾证', '申请医疗救助', '危房改造']) await expect(p.locator('#measure-list')).toContainText(`${what}（未开始）`);
    await expect(p.locator('#measure-list')).not.toContainText('联系公益岗位');
  }
});
