// 风险补偿金测算 with the 天门 example (seed report), at 360×740.
import { test, expect } from './guard.mjs';

const shot = (name) => `tests/e2e/screenshots/${name}.png`;

test('the risk fund view starts from 天门 and works the figures out exactly', async ({ page }) => {
  await page.goto('/?v=risk&from=singlemessage');
  await expect(page.locator('h1')).toHaveText('风险补偿金测算');
  const ex = page.locator('#risk-example');
  await expect(ex).toContainText('2017年湖北省天门市');
  await expect(ex).toContainText('风险补偿基金 500万 元');
  await expect(ex).toContainText('政府:银行 = 7:3');
  await expect(ex).toContainText('政府:银行 = 5:5');
  await expect(ex).toContainText('邮储银行天门市支行扶贫贷款情况调研');
  await expect(ex).toContainText('第三部分“取得的主要成效”第一条');
  // The multiple is not in the report: labelled 示例.
  await expect(page.locator('#field-risk-multiple label')).toContainText('示例');
  await expect(page.locator('#field-risk-multiple')).toContainText('报告没写天门的倍数');
  await expect(page.locator('#risk-multiple')).toHaveValue('10');
  // 500万 × 10 = 5000万; ÷ 5万 = 1000 户.
  await expect(page.locator('#risk-lent')).toHaveText('银行可以放贷 5000万 元');
  await expect(page.locator('#risk-households')).toContainText('大约能帮 1000 户');
  // 3%: 损失 150万, 基金 105万, 银行 45万; 贴息 367.5万 from the fund too; 剩 27.5万.
  const t = page.locator('#risk-table');
  await expect(t).toContainText('150万 元');
  await expect(t).toContainText('105万 元');
  await expect(t).toContainText('45万 元');
  await expect(t).toContainText('367.5万 元');
  await expect(page.locator('#risk-left')).toHaveText('还剩 27.5万 元');
  await expect(page.locator('#risk-runs-out')).toHaveText('不良率到 3.79% 时基金就不够了');
  await expect(page.locator('#risk-chart path')).toHaveCount(1);
  // 7:3 beside 10:0 in the same table: the bank bears nothing, the fund runs out sooner.
  const cmp = page.locator('#risk-table');
  await expect(cmp.locator('thead')).toContainText('政府:银行 = 7:3');
  await expect(cmp.locator('thead')).toContainText('政府:银行 = 10:0');
  await expect(cmp).toContainText('不够，还差 17.5万 元');
  await expect(cmp).toContainText('不良率到 2.66% 时基金就不够了');
  await page.screenshot({ path: shot('risk-360x740') });
  await page.locator('#risk-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('risk-results-360x740') });

  // Without the 贴息 from the fund: 剩 395万, runs out above 14.28%.
  await page.selectOption('#risk-pays', 'no');
  await expect(page.locator('#risk-left')).toHaveText('还剩 395万 元');
  await expect(page.locator('#risk-runs-out')).toHaveText('不良率到 14.29% 时基金就不够了');
  // 5:5 by chip; typed inputs read like the estimator's (full-width, 万).
  await page.locator('#field-risk-gov .chips button', { hasText: '50' }).click();
  await expect(page.locator('#risk-gov')).toHaveValue('50');
  await expect(page.locator('#risk-runs-out')).toHaveText('不良率到 20.01% 时基金就不够了');
  // The split typed, then 7:3 and 10:0 beside it.
  await expect(page.locator('#risk-table thead th')).toHaveText(['不良率 3%', '现在填的 政府:银行 = 5:5', '政府:银行 = 7:3', '政府:银行 = 10:0']);
  await page.fill('#risk-fund', '２００万');
  await expect(page.locator('#risk-lent')).toHaveText('银行可以放贷 2000万 元');
  // Bad input: a message under the field, no results, nothing lost.
  await page.fill('#risk-multiple', '2.5');
  await expect(page.locator('#risk-multiple-error')).toContainText('放大倍数请填整数');
  await expect(page.locator('#risk-fix')).toBeVisible();
  await expect(page.locator('#risk-results')).toHaveCount(0);
  await page.fill('#risk-multiple', '100');
  await expect(page.locator('#risk-multiple-error')).toContainText('不合理');
  await page.fill('#risk-multiple', '5');
  await expect(page.locator('#risk-lent')).toHaveText('银行可以放贷 1000万 元');
});
