// 如果……会怎样 under the self-check's results, at phone size (360×740): an
// illness's bill or a lost wage recomputes the household's income against the
// line with the same rules, shows what would change beside today's result,
// reads amounts as people type them, and never writes the saved answers.
import { test, expect } from './guard.mjs';
import { answerAll } from './answers.mjs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;

// 贵州's case: four people, 80,400 yuan a year (wages), little spent on
// doctors so far, a local monitoring line of 8,000 typed in; wants to raise
// pigs, so a loan is part of the answer.
const GUIZHOU = {
  members: '4', workers: '2', main_age: '40', who: ['none'], support: 'yes', province: 'guizhou',
  status: 'none', income: 'calc', inc_wage: '80400', income_drop: 'no', local_line: '8000',
  food: 'yes', water: 'yes', school: 'na', vocational: 'no',
  insured: 'yes', illness: ['none'], medical: 'lt2000', house: 'safe', events: ['none'],
  plan: 'yes', needs: ['money'],
};

const noSideways = async (page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

async function results(page) {
  await page.goto('/?v=check');
  await answerAll(page, GUIZHOU);
  await expect(page.locator('h1')).toHaveText('自查结果');
}

test('a 50,000 yuan bill puts the 80,400 yuan family of four under the line, beside today', async ({ page }) => {
  await results(page);
  await expect(page.locator('#finding-jiance')).toHaveCount(0);
  const saved = await page.evaluate(() => localStorage.getItem('bangfu'));
  const card = page.locator('#what-if');
  await expect(card.locator('#what-if-medical')).toBeHidden();
  await card.locator('summary').click();
  await page.fill('#what-if-medical', '5万');
  const income = page.locator('#what-if-income');
  await expect(income.locator('p')).toHaveText('减去自己掏的医药费，每人一年的收入：');
  await expect(income.locator('li')).toHaveText([
    '现在：约 1.96万–2.01万元，不低于监测线',
    '如果这样：约 7,100–7,600元，低于监测线',
    '监测线：每人每年 8000元',
  ]);
  const changes = page.locator('#what-if-changes');
  await expect(changes).toContainText('可以向村委会申报防返贫监测：现在没有这一条 → 很可能符合');
  await expect(changes.locator('li')).toHaveCount(2);
  await expect(changes).toContainText('→ 可能符合');
  // Today's result is as it was, and nothing was saved.
  await expect(page.locator('#finding-jiance')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('bangfu'))).toBe(saved);
  await noSideways(page);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('whatif-bill-360x740') });
  await page.click('#big-toggle');
  await card.scrollIntoViewIfNeeded();
  await noSideways(page);
  await page.screenshot({ path: shot('whatif-bill-big-360x740') });
});

test('the same bill said in Chinese numerals or full-width digits reads the same; bad amounts say what to change', async ({ page }) => {
  await results(page);
  await page.locator('#what-if summary').click();
  for (const typed of ['五万', '５００００', '50,000']) {
    await page.fill('#what-if-medical', typed);
    await expect(page.locator('#what-if-income')).toContainText('如果这样：约 7,100–7,600元，低于监测线');
    await expect(page.locator('#what-if-medical-error')).toHaveText('');
  }
  await page.fill('#what-if-medical', 'abc');
  await expect(page.locator('#what-if-medical-error')).not.toHaveText('');
  await expect(page.locator('#what-if-medical')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#what-if-income')).toHaveCount(0);
  await page.fill('#what-if-medical', '2000万');
  await expect(page.locator('#what-if-medical-error')).toContainText('太大');
  await page.fill('#what-if-medical', '');
  await expect(page.locator('#what-if-medical-error')).toHaveText('');
  await expect(page.locator('#what-if-result')).toHaveText('');
});

test('one worker fewer halves the wages: monitoring becomes possible, and the loan is one tap away', async ({ page }) => {
  await results(page);
  await page.locator('#what-if summary').click();
  await expect(page.locator('#what-if-wage')).toContainText('一个打工的人一年约挣 4.02万元');
  await page.locator('#what-if-wage button').click();
  await expect(page.locator('#what-if-lost')).toHaveValue('40200');
  await expect(page.locator('#what-if-income')).toContainText('如果这样：约 9,550–10,050元，不低于监测线');
  await expect(page.locator('#what-if-changes')).toContainText('可以向村委会申报防返贫监测：现在没有这一条 → 可能符合');
  await page.click('#what-if-loan');
  await expect(page).toHaveURL(/v=loan/);
  // The estimator starts from what the self-check knows (age 40).
  await expect(page.locator('#age')).toHaveValue('40');
});
