// 政策解读 (policy explainer) in a real browser at phone size (360×740).
import { test, expect } from './guard.mjs';

const WECHAT = '&from=singlemessage&isappinstalled=0';
const SEED =
  '?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8' +
  '&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07';
const shot = (name) => `tests/e2e/screenshots/${name}.png`;

/** Nothing may stick out sideways at 360 px (a scrolling page is hard to read). */
async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the library lists every category and entry, and opens from home', async ({ page }) => {
  await page.goto('/');
  await page.click('#tile-policy');
  await expect(page.locator('h1')).toHaveText('政策解读');
  expect(page.url()).toContain('v=policy');
  const cats = page.locator('#categories .cat');
  await expect(cats).toHaveCount(7);
  for (const label of ['贷款与资金', '看病', '上学', '住房', '就业与产业', '兜底保障', '识别与监测']) {
    await expect(page.locator('#categories')).toContainText(label);
  }
  await expect(page.locator('#library .shelf .tile')).toHaveCount(28);
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('policy-library-360x740') });
  // A category button brings its list into view.
  await page.locator('#categories .cat', { hasText: '兜底保障' }).click();
  await expect(page.locator('#cat-safety h2')).toBeInViewport();
  await page.screenshot({ path: shot('policy-library-full'), fullPage: true });
});

test('search 五保 and open 特困人员供养', async ({ page }) => {
  await page.goto('/?v=policy');
  await page.fill('#policy-search', '五保');
  await expect(page.locator('#search-count')).toContainText('找到');
  const first = page.locator('#search-results .tile').first();
  await expect(first).toContainText('特困人员供养');
  // Both the synonym and the word typed are marked.
  await expect(first.locator('mark')).toContainText(['特困人员供养', '五保']);
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('policy-search-360x740') });
  await first.click();
  await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
  expect(new URL(page.url()).pathname).toBe('/policy/tekun.html');
  await expect(page).toHaveTitle(/特困人员供养/);
  // Back returns to the same results (the entry is a page of its own, so
  // this is a page load: the search is kept for the tab).
  await page.goBack();
  await expect(page.locator('#policy-search')).toHaveValue('五保');
  await expect(page.locator('#search-results .tile').first()).toContainText('特困人员供养');
});

test('贷款 finds every loan entry; 低保 finds 低保边缘 too', async ({ page }) => {
  await page.goto('/?v=policy');
  await page.fill('#policy-search', '贷款');
  const results = page.locator('#search-results');
  for (const t of ['帮扶小额信贷', '脱贫人口小额信贷', '扶贫小额信贷', '天门扶贫贷款实例', '财政贴息', '风险补偿金', '个人征信']) {
    await expect(results).toContainText(t);
  }
  await page.fill('#policy-search', '低保');
  await expect(results.locator('.tile').first()).toContainText('农村低保');
  await expect(results).toContainText('低保边缘家庭');
});

test('a search with no match says so and offers ways in', async ({ page }) => {
  await page.goto('/?v=policy');
  await page.fill('#policy-search', '火星');
  await expect(page.locator('#search-count')).toHaveText('没有找到和“火星”有关的政策。');
  await expect(page.locator('#no-match')).toContainText('换个简单的词');
  await expect(page.locator('#popular .tile')).toHaveCount(6);
  await page.screenshot({ path: shot('policy-no-match-360x740') });
  // A category suggestion searches that category.
  await page.locator('#library .cats button', { hasText: '看病' }).click();
  await expect(page.locator('#policy-search')).toHaveValue('看病');
  await expect(page.locator('#search-results')).toContainText('医疗保障');
  await page.click('#clear-search');
  await expect(page.locator('#categories')).toBeVisible();
});

test('a deep link with WeChat parameters opens the entry, with its sources and a clean share link', async ({ page }) => {
  await page.goto('/?v=policy&id=tuopin-xindai' + WECHAT);
  await expect(page.locator('#entry-title')).toHaveText('脱贫人口小额信贷（2021–2025年）');
  // The entry's page, whatever WeChat added.
  expect(new URL(page.url()).pathname).toBe('/policy/tuopin-xindai.html');
  expect(new URL(page.url()).search).toBe('');
  for (const h of ['谁能申请', '能得到什么', '怎么申请', '要带什么', '常见误区', '各地差异', '依据', '相关政策']) {
    await expect(page.locator('h2', { hasText: h }).first()).toBeVisible();
  }
  await expect(page.locator('#basis')).toContainText('银保监发〔2021〕6号');
  await expect(page.locator('#checked')).toContainText('2026年12月7日');
  await expect(page.locator('#myths')).toContainText('扶贫贷款不是扶贫款');
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('policy-entry-360x740') });
  await page.screenshot({ path: shot('policy-entry-full'), fullPage: true });
  // Its share link, in the app's screen for the entry (the page's 复制链接).
  await page.click('#copy-link');
  await expect(page.locator('#entry-title')).toHaveText('脱贫人口小额信贷（2021–2025年）');
  const link = await page.locator('#policy-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/policy\/tuopin-xindai\.html$/);
  await page.click('#copy-policy-link');
  await expect(page.locator('#policy-copy-status')).not.toBeEmpty();
  await page.goBack();
  // A related entry opens as its page; the tab title follows, and the library gets its own back.
  await expect(page).toHaveTitle(/^脱贫人口小额信贷/);
  await page.locator('#related .tile', { hasText: '财政贴息' }).click();
  await expect(page.locator('#entry-title')).toHaveText('财政贴息和先付后贴');
  await expect(page).toHaveTitle(/^财政贴息和先付后贴 · 帮扶助手$/);
  await page.locator('.crumbs a').first().click();
  await expect(page.locator('h1')).toHaveText('政策解读');
  await expect(page).toHaveTitle(/^政策解读 · 帮扶助手$/);
});

test('printing leaves out the search box, buttons and share card', async ({ page }) => {
  await page.goto('/?v=policy&id=yulu-jihua');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#entry-title')).toBeVisible();
  await expect(page.locator('#basis')).toBeVisible();
  for (const sel of ['.top', '.crumbs', '#entry-actions', '#share', '#related']) {
    await expect(page.locator(sel).first()).toBeHidden();
  }
  await page.goto('/?v=policy');
  await expect(page.locator('.search')).toBeHidden();
  await expect(page.locator('#library .tile').first()).toBeVisible();
});

test('a glossary term opens its definition in place', async ({ page }) => {
  await page.goto('/?v=policy&id=jiandang-lika');
  await expect(page.locator('b.term', { hasText: '民主评议' }).first()).toBeVisible();
  const term = page.locator('details.def', { hasText: '“民主评议”是什么意思' }).first();
  await term.locator('summary').click();
  await expect(term).toHaveAttribute('open', '');
  const def = term.locator('p');
  await expect(def).toBeVisible();
  await expect(def).toContainText('村民代表大会');
  await expect(page.locator('details.def[open]')).toHaveCount(1);
  await def.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('policy-term-360x740') });
  await term.locator('summary').click();
  await expect(def).toBeHidden();
  await expect(page.locator('details.def[open]')).toHaveCount(0);
  // A term defined by another entry links there.
  await page.goto('/?v=policy&id=tuopin-xindai');
  const other = page.locator('details.def', { hasText: '“先付后贴”是什么意思' }).first();
  await other.locator('summary').click();
  await other.locator('a').click();
  await expect(page.locator('#entry-title')).toHaveText('财政贴息和先付后贴');
});

test('glossary and timeline pages', async ({ page }) => {
  await page.goto('/?v=policy');
  await page.click('#library a[href$="policy/timeline.html"]');
  await expect(page.locator('h1')).toHaveText('小额信贷大事记（2014–2026）');
  const events = page.locator('#timeline li');
  await expect(events.first()).toContainText('2014年');
  await expect(events.last()).toContainText('2026年3月');
  // The COVID deferral is dated by its notice, not the press conference that restated it.
  await expect(page.locator('#timeline')).toContainText('国开办发〔2020〕3号');
  await expect(page.locator('#timeline')).toContainText('银保监发〔2021〕6号');
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('policy-timeline-360x740') });
  await page.goBack();
  await page.click('#library a[href$="policy/glossary.html"]');
  await expect(page.locator('h1')).toHaveText('名词解释');
  await expect(page.locator('#glossary dt', { hasText: 'LPR' })).toBeVisible();
  await expect(page.locator('#glossary')).toContainText('建档立卡');
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('policy-glossary-360x740') });
});

test('from a loan estimate to its policy entry and back, figures intact', async ({ page }) => {
  // The estimator and the explainer are different parts (ARCHITECTURE.md,
  // "Three parts"): each step here is a page load, back and forward too.
  await page.goto('/' + SEED);
  await expect(page.locator('#total-interest')).toHaveText('6,435.92 元');
  await page.locator('#product-policy').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('policy-from-loan-360x740') });
  await page.click('#product-policy');
  await expect(page.locator('#entry-title')).toHaveText('天门扶贫贷款实例（2017年）');
  expect(page.url()).toContain('/policy/tianmen-2017.html');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('贷款测算');
  await expect(page.locator('#total-interest')).toHaveText('6,435.92 元');
  await expect(page.locator('#payment-lines')).toContainText('第1–8期，每月还 612.50 元');
  await page.goForward();
  await expect(page.locator('#entry-title')).toHaveText('天门扶贫贷款实例（2017年）');
});

test('an entry about a loan opens the estimator with that loan', async ({ page }) => {
  // From its page: the loan goes along in the estimator's address.
  await page.goto('/?v=policy&id=bangfu-xindai-2026');
  await page.click('#try-loan');
  await expect(page.locator('h1')).toHaveText('贷款测算');
  await expect(page.locator('#product')).toHaveValue('bangfu2026');
  expect(page.url()).toContain('product=bangfu2026');
  await page.goBack();
  await expect(page.locator('#entry-title')).toHaveText('帮扶小额信贷（2026年起）');
  // From the app's screen for the entry: the same, in place.
  await page.goto('/?v=policy&id=bangfu-xindai-2026&read=1');
  await page.click('#try-loan');
  await expect(page.locator('h1')).toHaveText('贷款测算');
  await expect(page.locator('#product')).toHaveValue('bangfu2026');
  expect(page.url()).toContain('product=bangfu2026');
  await page.goBack();
  await expect(page.locator('#entry-title')).toHaveText('帮扶小额信贷（2026年起）');
});

test('read-aloud is absent without speechSynthesis', async ({ page }) => {
  await page.addInitScript(() => { delete window.speechSynthesis; });
  // The page's 朗读这一条 opens the app's screen for the entry.
  await page.goto('/?v=policy&id=dibao');
  await page.click('#read-aloud-link');
  await expect(page.locator('#entry-title')).toHaveText('农村低保');
  expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
  await expect(page.locator('#read-aloud')).toHaveCount(0);
  await expect(page.locator('#no-read-aloud')).toBeVisible();
});

test('read-aloud appears with a Chinese voice and reads the entry', async ({ page }) => {
  // A stand-in engine with one zh-CN voice that records what it is asked to say.
  await page.addInitScript(() => {
    window.__spoken = [];
    const fake = {
      getVoices: () => [{ lang: 'zh-CN', name: 'test' }],
      speak: (u) => window.__spoken.push(u.text),
      cancel: () => {},
      addEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  });
  await page.goto('/policy/dibao.html');
  await page.click('#read-aloud-link');
  await page.click('#read-aloud');
  await expect(page.locator('#read-aloud')).toHaveText('停止朗读');
  const spoken = await page.evaluate(() => window.__spoken);
  expect(spoken[0]).toContain('农村低保');
  expect(spoken.join('')).toContain('谁能申请');
});

test('an unknown entry id says so and shows the library', async ({ page }) => {
  await page.goto('/?v=policy&id=no-such-thing' + WECHAT);
  await expect(page.locator('#policy-not-found')).toContainText('no-such-thing');
  await expect(page.locator('#categories')).toBeVisible();
});

test('policy pages make no request beyond the app itself', async ({ page }) => {
  const foreign = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url());
  });
  await page.goto('/?v=policy');
  await page.fill('#policy-search', '看病');
  await page.locator('#search-results .tile').first().click();
  await expect(page.locator('#entry-title')).toBeVisible();
  expect(foreign).toEqual([]);
});

test.describe('the content pack', () => {
  // The app's own requests: the service worker would otherwise precache the
  // pack after the first load (as it should) and answer from its cache.
  test.use({ serviceWorkers: 'block' });

  test('the library text comes on demand; a failed download says so and 重试 works', async ({ page }) => {
    const packs = [];
    page.on('request', (r) => { if (/pack-[0-9a-f]{16}\.json$/.test(r.url())) packs.push(r.url()); });
    // The home screen and the estimator never download the library.
    await page.goto('/?v=loan');
    await expect(page.locator('#total-interest')).toBeVisible();
    expect(packs).toHaveLength(0);
    // The entry's page needs no pack at all.
    await page.locator('#product-policy').click();
    await expect(page.locator('h1')).toContainText('帮扶小额信贷');
    expect(packs).toHaveLength(0);
    // The library (the policy part) while the network fails: a message and
    // a retry, not a blank page.
    await page.goBack();
    await expect(page.locator('#total-interest')).toBeVisible();
    await page.route(/pack-[0-9a-f]{16}\.json$/, (route) => route.abort());
    await page.click('#go-home');
    await page.click('#tile-policy');
    await expect(page.locator('#pack-failed')).toContainText('没能下载');
    await page.screenshot({ path: shot('policy-pack-failed-360x740') });
    await page.unroute(/pack-[0-9a-f]{16}\.json$/);
    await page.click('#retry-pack');
    await expect(page.locator('h1')).toHaveText('政策解读');
    expect(packs.length).toBeGreaterThan(0);
  });

  test('a policy link fetches the library text once, while the app downloads', async ({ page }) => {
    const packs = [];
    page.on('request', (r) => { if (/pack-[0-9a-f]{16}\.json$/.test(r.url())) packs.push(r.url()); });
    await page.goto('/bangfu/?v=policy&from=singlemessage');
    await expect(page.locator('h1')).toHaveText('政策解读');
    // The preload started by index.html is the request the app uses.
    expect(packs).toHaveLength(1);
    expect(packs[0]).toContain('/bangfu/pack-');
  });
});

/** Words written for the team that must never reach a villager. */
const TEAM_NOTES = ['未核实', '未查到', '本项目', '本资料', '资料整理', '文件全名'];

/** The computed font size in px of the first element matching `sel`. */
async function fontSize(page, sel) {
  return page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
}

test('特困 says what its rule says: children who cannot support their parent do not bar them', async ({ page }) => {
  await page.goto('/?v=policy&id=tekun' + WECHAT);
  await expect(page.locator('#entry-title')).toHaveText('特困人员供养（原五保）');
  const who = page.locator('h2', { hasText: '谁能申请' }).locator('..');
  await expect(who).toContainText('或者这些人没有能力赡养、抚养');
  await expect(page.locator('#myths')).toContainText('有儿女的老人，不能申请特困供养');
  await expect(page.locator('#myths')).toContainText('儿女没有赡养能力的也可能认定');
  const basis = page.locator('#basis');
  // The national text, named as such, with the article and its own words.
  const art14 = basis.locator('li', { hasText: '第十四条' });
  await expect(art14.locator('.kind')).toHaveText('国家文件原文');
  await expect(art14).toContainText('国务院令第649号');
  await expect(art14.locator('.quote')).toContainText('或者其法定赡养、抚养、扶养义务人无赡养、抚养、扶养能力');
  // A repost says so, and says to check locally.
  await expect(basis.locator('li', { hasText: '特困人员认定办法' }).locator('.kind')).toHaveText('官方文件的转载，以当地为准');
  // Source lines are read as closely as the rule: never smaller than the body text.
  const body = await fontSize(page, '#entry-summary ~ section li');
  expect(await fontSize(page, '#basis .src')).toBeGreaterThanOrEqual(body);
  expect(await fontSize(page, '#basis .kind')).toBeGreaterThanOrEqual(body);
  await noSidewaysScroll(page);
  await art14.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('policy-tekun-basis-360x740') });
});

test('临时救助 and 残疾人两项补贴 are in the library, found by the words people use', async ({ page }) => {
  await page.goto('/?v=policy');
  for (const [q, title] of [['临时救助', '临时救助（急难型、支出型）'], ['护理补贴', '残疾人两项补贴（生活补贴、护理补贴）'], ['残疾证', '残疾人两项补贴（生活补贴、护理补贴）'], ['防止返贫致贫对象', '防返贫动态监测（防止返贫致贫对象）']]) {
    await page.fill('#policy-search', q);
    await expect(page.locator('#search-results .tile').first()).toContainText(title);
  }
  await page.goto('/?v=policy&id=linshi-jiuzhu');
  await expect(page.locator('#entry-title')).toHaveText('临时救助（急难型、支出型）');
  await expect(page.locator('#basis')).toContainText('第四十七条');
  await expect(page.locator('#basis')).toContainText('国发〔2014〕47号');
  await expect(page.locator('main')).toContainText('不是只有低保户能申请');
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('policy-linshi-360x740') });
  await page.screenshot({ path: shot('policy-linshi-full'), fullPage: true });
  await page.goto('/?v=policy&id=canji-butie');
  await expect(page.locator('#entry-title')).toHaveText('残疾人两项补贴（生活补贴、护理补贴）');
  await expect(page.locator('#basis')).toContainText('国发〔2015〕52号');
  // Another place's figure is named as that place's.
  await expect(page.locator('main')).toContainText('上海2021年生活补贴每月410元（上海的数字）');
  await noSidewaysScroll(page);
  await page.screenshot({ path: shot('policy-canji-full'), fullPage: true });
});

test('no entry, glossary or timeline shows the team a villager is not meant to see', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?v=policy');
  await expect(page.locator('#library .shelf .tile')).toHaveCount(28);
  const hrefs = await page.locator('#library .shelf .tile').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBe(28);
  expect(hrefs.every((h) => /^policy\/[a-z0-9-]+\.html$/.test(h))).toBe(true);
  for (const href of [...hrefs, 'policy/glossary.html', 'policy/timeline.html']) {
    await page.goto('/' + href);
    await expect(page.locator('h1')).toBeVisible();
    const text = await page.locator('main').innerText();
    for (const note of TEAM_NOTES) expect(text, `${href}: ${note}`).not.toContain(note);
    // Every basis line says what kind of source it is.
    const lines = page.locator('#basis li');
    const n = await lines.count();
    for (let i = 0; i < n; i++) await expect(lines.nth(i).locator('.kind')).toHaveText(/^(国家文件原文|官方网站|官方文件的转载|媒体报道|本工具整理)/);
  }
});
