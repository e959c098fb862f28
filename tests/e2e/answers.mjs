// Households the browser tests answer the self-check for, and the helpers
// that answer it as a person would: every question shown, section by section.
import { expect } from './guard.mjs';

// A poor household: income below the line, a sick member, a cracked house,
// wants to raise pigs and needs money.
export const POOR = {
  members: '4', workers: '2', main_age: '45', who: ['elderly', 'child'], support: 'yes', province: 'hubei',
  status: 'tuopin',
  income: 'lt4000', income_drop: 'some',
  food: 'yes', water: 'yes',
  school: 'yes', vocational: 'yes',
  insured: 'yes', illness: ['chronic'], medical: '5000_10000',
  house: 'problem',
  events: ['illness'],
  plan: 'yes', needs: ['money', 'skills'],
};

export const WELL = {
  members: '3', workers: '2', main_age: '38', who: ['none'], support: 'yes', province: 'zhejiang', status: 'none',
  income: 'gt15000', income_drop: 'no', food: 'yes', water: 'yes', school: 'na', vocational: 'no',
  insured: 'yes', illness: ['none'], medical: 'lt2000', house: 'safe', events: ['none'], plan: 'no', needs: ['none'],
};

export async function answerVisible(page, answers) {
  // The questionnaire must be on screen first: a question not there yet would
  // be skipped as hidden.
  await expect(page.locator('#section-title')).toBeVisible();
  for (const [id, value] of Object.entries(answers)) {
    const q = page.locator(`#question-${id}`);
    if ((await q.count()) === 0 || !(await q.isVisible())) continue;
    if (Array.isArray(value)) {
      for (const v of value) await q.locator(`input[value="${v}"]`).check();
    } else if ((await q.locator(`input[type="radio"]`).count()) > 0) {
      await q.locator(`input[value="${value}"]`).check();
    } else if ((await q.locator('select').count()) > 0) {
      await q.locator('select').selectOption(value);
    } else {
      await q.locator('input[type="text"]').fill(value);
    }
  }
}

export async function answerAll(page, answers, { screenshot } = {}) {
  for (let i = 0; i < 20; i++) {
    await answerVisible(page, answers);
    if (i === 0 && screenshot) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: screenshot });
    }
    if (await page.locator('#finish').count()) {
      await page.click('#finish');
      return;
    }
    await page.click('#next');
  }
  throw new Error('questionnaire did not end');
}

// A widow of 68 living alone in 甘肃: no one works, chronic illness and a
// first-grade disability, her son cannot support her, a fall last winter,
// a cracked house, food sometimes short.
export const WIDOW = {
  members: '1', workers: '0', main_age: '68', who: ['elderly', 'alone'], support: 'no', province: 'gansu',
  status: 'none', income: 'lt4000', income_drop: 'some', food: 'no', water: 'yes', school: 'na', vocational: 'no',
  insured: 'yes', illness: ['chronic', 'disabled'], disability_grade: 'severe', medical: '2000_5000',
  house: 'problem', events: ['accident'], plan: 'no', needs: ['none'],
};

