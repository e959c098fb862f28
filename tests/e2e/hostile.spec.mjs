// Hostile input, end to end: every payload of hostile-table.mjs typed into
// every text input of its table and put into every link parameter, and
// hostile backup files imported. Each time: what was put in is shown as text
// (no element made from it), nothing runs (window.__pwned stays unset, no
// dialog opens), the page stays within 360 px (no horizontal scroll), and
// the page still answers. Imports that are not a backup are refused with a
// plain message and change nothing. The counts go to
// tests/e2e/artifacts/hostile.jsonl.
import { test, expect } from './guard.mjs';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INPUTS, PARAMS, PAYLOADS, backupFile, household } from './hostile-table.mjs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;
const LOG = path.join('tests', 'e2e', 'artifacts', 'hostile.jsonl');
function record(row) {
  mkdirSync(path.dirname(LOG), { recursive: true });
  appendFileSync(LOG, JSON.stringify(row) + '\n');
}

// Elements a payload would have made if it were read as markup.
const MADE = 'img[src="x"], #screen svg[onload], #screen script, #screen iframe, a[href^="javascript:"]';

async function harmless(page, dialogs, where) {
  expect(await page.evaluate(() => window.__pwned), `${where}: a payload ran`).toBeUndefined();
  expect(dialogs, `${where}: a dialog opened`).toEqual([]);
  expect(await page.locator(MADE).count(), `${where}: markup from input`).toBe(0);
  const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
  expect(width, `${where}: wider than the screen`).toBeLessThanOrEqual(360);
  // A message quoting what was typed quotes it short, without a
  // right-to-left override that would turn the rest of the message around.
  for (const alert of await page.locator('[role="alert"]').allInnerTexts()) {
    expect(alert, `${where}: a message carries a bidi override`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(alert.length, `${where}: a message quotes too much`).toBeLessThan(400);
  }
}

function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return dialogs;
}

for (const row of INPUTS) {
  test(`hostile text in ${row.name}: shown as text, nothing runs, 360 px, still answers`, async ({ page }) => {
    test.setTimeout(120_000);
    const dialogs = watchDialogs(page);
    await row.open(page);
    const ids = await page.locator(row.inputs).filter({ visible: true }).evaluateAll((els) => els.filter((e) => !e.readOnly && !e.disabled).map((e) => e.id));
    expect(ids.length, 'inputs found').toBeGreaterThan(0);
    expect(ids.every(Boolean), 'every input has an id').toBe(true);
    let tried = 0;
    const perInput = Object.fromEntries(ids.map((id) => [id, 0]));
    for (const p of PAYLOADS) {
      for (const id of ids) {
        const f = page.locator(`[id="${id}"]`);
        // A field another answer hides (e.g. after a refused value) is skipped this round.
        if (!(await f.isVisible())) continue;
        await f.fill(p.text);
        // The input holds the text as typed.
        expect(await f.inputValue(), `${id} keeps ${p.name}`).toBe(p.text);
        tried++;
        perInput[id]++;
      }
      await page.waitForTimeout(50);
      await harmless(page, dialogs, `${row.name} / ${p.name}`);
    }
    // Every payload in one field at once, then the page must still answer.
    await row.answers(page, expect);
    await harmless(page, dialogs, `${row.name} / after`);
    record({ kind: 'input', row: row.name, inputs: ids.length, payloads: PAYLOADS.length, tried, perInput, executed: 0 });
  });
}

test('hostile link parameters: every payload in every parameter', async ({ page }) => {
  test.setTimeout(240_000);
  const dialogs = watchDialogs(page);
  let tried = 0;
  for (const row of PARAMS) {
    for (const p of PAYLOADS) {
      const sep = row.base.includes('?') ? '&' : '?';
      await page.goto(`${row.base}${sep}${row.param}=${encodeURIComponent(p.text)}`);
      await expect(page.locator('#shell')).toHaveCount(0);
      await harmless(page, dialogs, `${row.param} / ${p.name}`);
      tried++;
    }
    await row.answers(page, expect);
    await harmless(page, dialogs, `${row.param} / after`);
  }
  record({ kind: 'params', params: PARAMS.length, payloads: PAYLOADS.length, tried, executed: 0 });
});

test('hostile labels in an imported backup are shown as text in the household list', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto('/?v=households');
  // Labels are at most 100 characters in a backup: the long payload is cut to fit here.
  const list = PAYLOADS.map((p, i) => household(`x${i}`, [...p.text].slice(0, 100).join(''), [...p.text].slice(0, 100).join('')));
  await page.setInputFiles('#import-file', backupFile(list));
  await expect(page.locator('#io-status')).toContainText(`已导入 ${list.length} 户`);
  const items = page.locator('#household-list li.household');
  await expect(items).toHaveCount(list.length);
  const text = await page.locator('#household-list').innerText();
  expect(text).toContain('<img src=x onerror="window.__pwned=1;alert(1)">');
  expect(text).toContain('"><svg onload="window.__pwned=2">');
  // Each village is isolated (<bdi>), so an override in it stays there.
  await expect(page.locator('#household-list li.household p.small bdi')).toHaveCount(list.length);
  expect(await items.locator('.hh-label').first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  await harmless(page, dialogs, 'imported labels');
  await page.locator('#household-list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('hostile-labels-360x740') });
  await page.screenshot({ path: shot('hostile-labels-full'), fullPage: true });
  // Opening one still works.
  await items.first().getByRole('button', { name: '打开' }).click();
  await expect(page.locator('h1')).toHaveText('自查结果');
  expect(list.map((h) => h.label)).toContain(await page.locator('#hh-label').inputValue());
  await harmless(page, dialogs, 'opened');
  record({ kind: 'backup labels', payloads: list.length, executed: 0 });
});

test('a formula label is exported to CSV as text (OWASP CSV injection)', async ({ page }) => {
  await page.goto('/?v=households');
  const list = [
    household('f1', '=HYPERLINK("http://192.0.2.1/","点我")', '@SUM(A1)'),
    household('f2', '+1+cmd|\' /C calc\'!A0', '-2+3'),
    household('f3', '\t=1', '3组'),
  ];
  await page.setInputFiles('#import-file', backupFile(list));
  await expect(page.locator('#io-status')).toContainText('已导入 3 户');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = readFileSync(await dl.path(), 'utf8').slice(1);
  // Read back: split rows, unquote cells.
  const rows = csv.split('\r\n').filter(Boolean).map((line) => {
    const cells = [];
    for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
      cells.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    }
    return cells;
  });
  const byLabel = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
  expect(Object.keys(byLabel).sort()).toEqual([`'+1+cmd|' /C calc'!A0`, `'=HYPERLINK("http://192.0.2.1/","点我")`, `'\t=1`].sort());
  expect(byLabel[`'=HYPERLINK("http://192.0.2.1/","点我")`][1]).toBe("'@SUM(A1)");
  expect(byLabel[`'+1+cmd|' /C calc'!A0`][1]).toBe("'-2+3");
  // No cell of any row starts with what a spreadsheet would run.
  for (const r of rows) for (const c of r) expect(/^[=+@\t\r]/.test(c) || /^-(?!\d+(\.\d+)?$)/.test(c), c).toBe(false);
});

// Files that are not a backup: refused with a plain message, the list and the
// stored record unchanged.
const GBK_WANG = Buffer.from([0xcd, 0xf5, 0xbc, 0xd2]); // 王家 in GBK
const REFUSED = [
  { name: 'a 20 MB file', file: () => ({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(20 * 1024 * 1024, 0x20) }), says: '文件太大' },
  { name: 'JSON nested 10,000 deep', file: () => ({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from('['.repeat(10_000) + ']'.repeat(10_000)) }), says: '读不出来' },
  { name: 'a CSV export', file: () => ({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff标签,村/组,日期\r\n3组 王家,梅河村,2026-11-20\r\n') }), says: '读不出来' },
  {
    name: 'a GBK-encoded backup',
    file: () => {
      const f = backupFile([household('g1', 'GBKLABEL')]);
      const at = f.buffer.indexOf('GBKLABEL');
      return { ...f, buffer: Buffer.concat([f.buffer.subarray(0, at), GBK_WANG, f.buffer.subarray(at + 8)]) };
    },
    says: 'GBK',
  },
  { name: 'a backup from a newer version', file: () => backupFile([household('n1', '新版本')], { version: 9 }), says: '更新版本' },
  { name: 'duplicate household ids', file: () => backupFile([household('d1', '甲'), household('d1', '乙')]), says: '重复' },
  { name: 'a label of 10,000 characters', file: () => backupFile([household('l1', 'W'.repeat(10_000))]), says: '太长' },
];

test('import refuses what is not a backup, plainly, and changes nothing', async ({ page }) => {
  test.setTimeout(90_000);
  const dialogs = watchDialogs(page);
  await page.goto('/?v=households');
  await page.setInputFiles('#import-file', backupFile([household('k1', '3组 王家')]));
  await expect(page.locator('#io-status')).toContainText('已导入 1 户');
  const before = await page.evaluate(() => localStorage.getItem('bangfu'));
  let refused = 0;
  for (const r of REFUSED) {
    await page.setInputFiles('#import-file', r.file());
    const status = page.locator('#io-status');
    await expect(status, r.name).toContainText('没有导入');
    await expect(status, r.name).toContainText(r.says);
    await expect(status, r.name).toContainText('没有任何改动');
    await expect(page.locator('#household-list li.household')).toHaveCount(1);
    expect(await page.evaluate(() => localStorage.getItem('bangfu')), r.name).toBe(before);
    await harmless(page, dialogs, r.name);
    refused++;
  }
  await page.reload();
  await expect(page.locator('#household-list li.household')).toHaveCount(1);
  record({ kind: 'refused imports', cases: REFUSED.length, refused, changed: 0 });
});
