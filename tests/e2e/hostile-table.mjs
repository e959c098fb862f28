// The hostile-input tables read by hostile.spec.mjs: what is typed, where it
// is typed, and which link parameters carry it. Adding a screen's input or a
// link parameter is adding a row here; the spec tries every payload in every
// row and asserts the same four things (shown as text, nothing runs, no
// horizontal scroll at 360 px, the page still answers).

// Each payload, if it ran, would set window.__pwned (or open a dialog, which
// the spec also watches).
export const PAYLOADS = [
  { name: 'img onerror', text: '<img src=x onerror="window.__pwned=1;alert(1)">' },
  { name: 'svg onload', text: '"><svg onload="window.__pwned=2">' },
  { name: 'script tag', text: '</p><script>window.__pwned=3</script>' },
  { name: 'javascript: link', text: 'javascript:window.__pwned=4;alert(4)//' },
  { name: 'iframe srcdoc', text: "'><iframe srcdoc=\"<script>parent.__pwned=5</script>\"></iframe>" },
  { name: 'RTL override and zero-width', text: '\u202Egpj.exe\u200B\u200C\u200D\uFEFF王\u2066家\u2069' },
  { name: '10,000 characters', text: 'W'.repeat(10_000) },
  { name: 'emoji', text: '👨‍👩‍👧‍👦🏳️‍🌈💰🐖👍🏽' },
  { name: 'template and entity', text: '{{constructor.constructor("window.__pwned=6")()}} &lt;b&gt; &#x3C;i&#x3E; ${7*7}' },
];

// Text inputs, by screen. `open` reaches the screen; `inputs` selects the text
// inputs to fill (every visible one that matches); `answers` proves the page
// still works afterwards (it must change something on screen).
export const INPUTS = [
  {
    name: 'estimator',
    open: async (page) => {
      await page.goto('/?v=loan');
      await page.locator('#amount').waitFor();
    },
    inputs: '#screen input[type="text"], #screen input:not([type]), #screen textarea',
    answers: async (page, expect) => {
      for (const [sel, v] of [['#amount', '5万'], ['#months', '36'], ['#rate', '4.35'], ['#start', ''], ['#subsidy', '100'], ['#subsidy_cap', ''], ['#age', '45'], ['#existing', '']]) {
        if (await page.locator(sel).count()) await page.fill(sel, v);
      }
      await expect(page.locator('#schedule')).toBeVisible();
      await expect(page.locator('#screen')).toContainText('5');
    },
  },
  {
    name: 'self-check (first section)',
    open: async (page) => {
      await page.goto('/?v=check');
      await page.locator('#section-title').waitFor();
    },
    inputs: '#screen input[type="text"]',
    answers: async (page, expect) => {
      await page.fill('#a-members', '4');
      await expect(page.locator('#progress')).toContainText('已答');
      await page.click('#results-now');
      await expect(page.locator('h1')).toHaveText('自查结果');
    },
  },
  {
    name: 'self-check (income calculator)',
    open: async (page) => {
      await page.goto('/?v=check');
      await page.locator('#section-title').waitFor();
      await page.click('#next');
      await page.locator('#question-income input[value="calc"]').check();
      await page.locator('#a-inc_wage').waitFor();
    },
    inputs: '#screen input[type="text"]',
    answers: async (page, expect) => {
      for (const id of ['inc_wage', 'inc_biz', 'inc_cost', 'inc_property', 'inc_transfer']) {
        if (await page.locator(`#a-${id}`).count()) await page.fill(`#a-${id}`, '');
      }
      await page.fill('#a-inc_wage', '1.8万');
      await page.click('#results-now');
      await expect(page.locator('h1')).toHaveText('自查结果');
    },
  },
  {
    name: 'household label and village (self-check results)',
    open: async (page) => {
      await page.goto('/?v=check');
      await page.locator('#section-title').waitFor();
      await page.click('#results-now');
      await page.locator('#hh-label').waitFor();
    },
    inputs: '#hh-label, #hh-village',
    answers: async (page, expect) => {
      await page.click('#save-hh');
      await expect(page.locator('#save-status')).toContainText('已保存');
      await page.goto('/?v=households');
      await expect(page.locator('#household-list li.household')).toHaveCount(1);
    },
  },
  {
    name: '我已申报 date (self-check results)',
    open: async (page) => {
      await page.goto('/?v=check');
      await page.locator('#section-title').waitFor();
      await page.fill('#a-members', '1');
      await page.fill('#a-main_age', '68');
      await page.click('#next');
      await page.locator('#question-income input[value="lt4000"]').check();
      await page.click('#results-now');
      await page.click('#declare-more summary');
      await page.click('#declare-open-jiance');
      await page.locator('#declare-row-jiance input').waitFor();
    },
    inputs: '#declare-row-jiance input',
    answers: async (page, expect) => {
      await page.click('#declare-jiance');
      await page.fill('#declare-row-jiance input', '2026-01-05');
      await page.click('#declare-jiance');
      await expect(page.locator('#declare-row-jiance .declared')).toContainText('申报了防返贫监测');
    },
  },
  {
    name: '本地数字 editor',
    open: async (page) => {
      await page.goto('/?v=local');
      await page.locator('#local-make').waitFor();
    },
    inputs: '#screen input[type="text"], #screen input:not([type])',
    answers: async (page, expect) => {
      for (const input of await page.locator('#screen input[type="text"], #screen input:not([type])').all()) await input.fill('');
      await page.fill('#place', '某某县');
      await page.fill('#date', '2026-01-01');
      await page.fill('#line', '7500');
      await page.click('#local-make');
      await expect(page.locator('#local-link')).toHaveValue(/lv=1/);
    },
  },
  {
    name: '风险补偿金测算',
    open: async (page) => {
      await page.goto('/?v=risk');
      await page.locator('#risk-multiple').waitFor();
    },
    inputs: '#screen input[type="text"], #screen input:not([type])',
    answers: async (page, expect) => {
      const good = { fund: '500万', multiple: '10', avg: '5万', gov: '70', default: '3', rate: '7.35', subsidy: '100' };
      for (const [id, v] of Object.entries(good)) {
        if (await page.locator(`#risk-${id}`).count()) await page.fill(`#risk-${id}`, v);
      }
      await expect(page.locator('#risk-lent')).toHaveText('银行可以放贷 5000万 元');
    },
  },
  {
    name: 'policy search box',
    open: async (page) => {
      await page.goto('/?v=policy');
      await page.locator('#policy-search').waitFor();
    },
    inputs: '#policy-search',
    answers: async (page, expect) => {
      await page.fill('#policy-search', '贴息');
      await expect(page.locator('#search-results a').first()).toBeVisible();
    },
  },
];

// Link parameters. Each payload goes into `param` of `base`; `answers` as above.
const loanAnswers = async (page, expect) => {
  await page.locator('#amount').waitFor();
  await page.fill('#amount', '5万');
  await expect(page.locator('#schedule')).toBeVisible();
};
const homeAnswers = async (page, expect) => {
  await expect(page.locator('#screen')).toBeVisible();
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('.topbar')).toContainText('帮扶助手');
};
const localAnswers = async (page, expect) => {
  await expect(page.locator('h1')).toContainText('本地数字');
  await expect(page.locator('#local-refused')).toBeVisible();
  await expect(page.locator('#local-accept')).toHaveCount(0);
};
const LOAN = '/?v=loan&amount=3%E4%B8%87&months=24&rate=3.45';
export const PARAMS = [
  { param: 'v', base: '/?a=1', answers: homeAnswers },
  ...['amount', 'months', 'rate', 'method', 'io', 'product', 'subsidy', 'subsidy_cap', 'subsidy_timing', 'start'].map(
    (param) => ({ param, base: LOAN, answers: loanAnswers }),
  ),
  { param: 'from', base: LOAN, answers: loanAnswers }, // WeChat's own
  { param: 'r', base: '/?v=check', answers: homeAnswers },
  { param: 'sheet', base: '/?v=check', answers: homeAnswers },
  { param: 'id', base: '/?v=policy', answers: homeAnswers },
  // The app's own screen for an entry (index.html sends no read=1 link to a page).
  { param: 'id', base: '/?v=policy&read=1', answers: homeAnswers },
  // A 本地数字 link whose checksum cannot match: refused whole, the payload quoted at most as text.
  ...['place', 'date', 'line', 'line_doc', 'rate', 'timing', 'lv', 'ck'].map((param) => ({
    param,
    base: '/?v=local&lv=1&place=%E6%9F%90%E5%8E%BF&line=7500&ck=00000000',
    answers: localAnswers,
  })),
];

// A household in the stored record and in a backup file.
export function household(id, label, village = '梅河村') {
  return { id, label, village, date: '2026-11-20', answers: { members: '4' } };
}

// A backup file as the app exports it, for page.setInputFiles.
export function backupFile(list, { name = 'backup.json', version = 1 } = {}) {
  const text = JSON.stringify({ app: 'bangfu', kind: 'households', version, exported: '2026-11-20', households: list }, null, 2);
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}
