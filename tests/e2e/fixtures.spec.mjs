// Records and backups written by the app before its screens became Leptos
// components (tests/fixtures/, written by that build's own code) must read
// back unchanged: what they hold shows on screen, and what the app writes
// back is what the older build wrote, byte for byte, so either build can go
// on reading it.
import { test, expect } from './guard.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/// Stores `text` as the app's record before any page script runs.
async function seed(page, text) {
  await page.addInitScript((t) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('bangfu', t);
      sessionStorage.setItem('seeded', '1');
    }
  }, text);
}

test('a version-2 record reads back in both parts and is written back byte for byte', async ({ page }) => {
  const v2 = fixture('record-v2.json').trimEnd();
  await seed(page, v2);
  await page.goto('/?v=loan');
  await expect(page.locator('#amount')).toHaveValue('5万');
  await expect(page.locator('#subsidy_cap')).toHaveValue('５万');
  await expect(page.locator('#start')).toHaveValue('2026-03-15');
  await expect(page.locator('#age')).toHaveValue('45岁');
  await expect(page.locator('#existing')).toHaveValue('1万');
  await expect(page.locator('#storage-banner')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(v2);

  await page.goto('/?v=households');
  const items = page.locator('#household-list li.household');
  await expect(items).toHaveCount(2);
  // Quotes, a backslash, emoji and a tab in a label are shown as the text they are.
  await expect(page.locator('#household-list')).toContainText('3组 "王家" 老宅');
  await expect(page.locator('#household-list')).toContainText('5组\\李家 🏠🌾 中');
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(v2);

  // The self-check resumes where it was: the results page of household h1.
  await page.goto('/?v=check');
  await expect(page.locator('h1')).toHaveText('自查结果');
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(v2);
});

test('a version-1 record is migrated: the loan and facts kept, the rest empty', async ({ page }) => {
  await seed(page, fixture('record-v1.json').trimEnd());
  await page.goto('/?v=loan');
  await expect(page.locator('#amount')).toHaveValue('5万');
  await expect(page.locator('#age')).toHaveValue('45岁');
  await expect(page.locator('#storage-banner')).toHaveCount(0);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('bangfu')));
  const v1 = JSON.parse(fixture('record-v1.json'));
  expect(stored).toEqual({
    version: 2,
    loan: v1.loan,
    facts: v1.facts,
    check: { answers: {}, section: 0, editing: null, finished: false },
    households: [],
  });
});

test('a backup file written by the earlier build imports whole', async ({ page }) => {
  await page.goto('/?v=households');
  await expect(page.locator('#household-list')).toContainText('还没有保存的农户');
  await page.setInputFiles('#import-file', path.join(FIXTURES, 'backup.json'));
  await expect(page.locator('#io-status')).toContainText('已导入 3 户');
  const items = page.locator('#household-list li.household');
  await expect(items).toHaveCount(3);
  await expect(page.locator('#household-list')).toContainText('3组 "王家" 老宅');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('bangfu')));
  const backup = JSON.parse(fixture('backup.json'));
  expect(stored.households).toEqual(backup.households);
});
