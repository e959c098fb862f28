// The policy pages (dist/policy/<id>.html, ARCHITECTURE.md "Policy pages"):
// each entry, the glossary and the timeline as plain HTML that a phone reads
// with no script and no WebAssembly, at 360×740. Old ?v=policy&id= links land
// on them; offline (after one visit) they come from the service worker.
import { test, expect } from './guard.mjs';
import fs from 'node:fs';
import { shot, startServer, waitForControl } from './pwa-helpers.mjs';

const TEKUN = '特困人员供养（原五保）';
const IDS = fs.readFileSync('target/pages/ids', 'utf8').split('\n').filter(Boolean);
const ENTRIES = IDS.filter((id) => id !== 'glossary' && id !== 'timeline');
/** Words written for the team that must never reach a villager. */
const TEAM_NOTES = ['未核实', '未查到', '本项目', '本资料', '资料整理', '文件全名'];

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('an entry opened cold reads whole: heading, sections, sources, a term that opens', async ({ page }) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/policy/tekun.html');
    await expect(page.locator('h1')).toHaveText(TEKUN);
    // A WeChat card names the entry.
    await expect(page).toHaveTitle(`${TEKUN} · 帮扶助手`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /供养/);
    for (const h of ['谁能申请', '能得到什么', '怎么申请', '要带什么', '常见误区', '各地差异', '依据', '相关政策']) {
      await expect(page.locator('h2', { hasText: h }).first()).toBeVisible();
    }
    await expect(page.locator('#checked')).toContainText('最近核对：');
    const art14 = page.locator('#basis li', { hasText: '第十四条' });
    await expect(art14.locator('.kind')).toHaveText('国家文件原文');
    await expect(page.locator('#basis li', { hasText: '特困人员认定办法' }).locator('.kind')).toHaveText('官方文件的转载，以当地为准');
    // A glossary term opens in place with no script, and closes again.
    const term = page.locator('details.def', { hasText: '“公示”是什么意思' }).first();
    await expect(term.locator('p')).toBeHidden();
    await term.locator('summary').click();
    await expect(term.locator('p')).toBeVisible();
    await expect(term).toContainText('出处：');
    await term.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('page-term-360x740') });
    await term.locator('summary').click();
    await expect(term.locator('p')).toBeHidden();
    // Text no smaller than the app's (1.125rem = 18 px), nothing sideways.
    const size = await page.locator('#basis .src').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    await noSidewaysScroll(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot('page-tekun-360x740') });
    await page.screenshot({ path: shot('page-tekun-full'), fullPage: true });
    // The page alone: no app, no WebAssembly, no script.
    expect(requests.filter((p) => /\.(wasm|js)$/.test(p))).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    // Related entries are pages too.
    await page.locator('#related .tile', { hasText: '农村低保' }).click();
    await expect(page.locator('h1')).toHaveText('农村低保');
    expect(new URL(page.url()).pathname).toBe('/policy/dibao.html');
  });

  test('a term defined by another entry links to its page; the glossary and the timeline are pages', async ({ page }) => {
    await page.goto('/bangfu/policy/tuopin-xindai.html');
    const def = page.locator('details.def', { hasText: '“先付后贴”是什么意思' }).first();
    await def.locator('summary').click();
    await def.locator('a').click();
    await expect(page.locator('h1')).toHaveText('财政贴息和先付后贴');
    await expect(page).toHaveTitle('财政贴息和先付后贴 · 帮扶助手');
    await page.goto('/policy/glossary.html');
    await expect(page.locator('h1')).toHaveText('名词解释');
    await expect(page).toHaveTitle('名词解释 · 帮扶助手');
    await expect(page.locator('#glossary dt', { hasText: 'LPR' })).toBeVisible();
    await expect(page.locator('#glossary')).toContainText('建档立卡');
    await noSidewaysScroll(page);
    await page.screenshot({ path: shot('page-glossary-360x740') });
    await page.goto('/policy/timeline.html');
    await expect(page.locator('h1')).toHaveText('小额信贷大事记（2014–2026）');
    const events = page.locator('#timeline li');
    await expect(events.first()).toContainText('2014年');
    await expect(events.last()).toContainText('2026年3月');
    await expect(page.locator('#timeline')).toContainText('国开办发〔2020〕3号');
    await noSidewaysScroll(page);
    await page.screenshot({ path: shot('page-timeline-360x740') });
  });

  test('printed, a page keeps the text and leaves out the links around it', async ({ page }) => {
    await page.goto('/policy/yulu-jihua.html');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('#basis')).toBeVisible();
    await expect(page.locator('#myths')).toBeVisible();
    for (const sel of ['.top', '.crumbs', '#entry-actions', '#related', '#share', 'details.def']) {
      await expect(page.locator(sel).first()).toBeHidden();
    }
    const size = await page.locator('section li').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync('tests/e2e/screenshots/page-yulu-jihua.pdf', pdf);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: shot('page-yulu-jihua-print'), fullPage: true });
  });

  test('every entry has its page, naming it, with every source kind told and no team notes', async ({ page }) => {
    test.setTimeout(120_000);
    expect(ENTRIES).toHaveLength(28);
    for (const id of IDS) {
      const res = await page.goto(`/policy/${id}.html`);
      expect(res.status(), id).toBe(200);
      const h1 = (await page.locator('h1').textContent()).trim();
      expect(await page.title(), id).toBe(`${h1} · 帮扶助手`);
      expect(await page.locator('meta[name="description"]').getAttribute('content'), id).not.toBe('');
      const text = await page.locator('main').innerText();
      for (const note of TEAM_NOTES) expect(text, `${id}: ${note}`).not.toContain(note);
      const lines = page.locator('#basis li');
      const n = await lines.count();
      if (ENTRIES.includes(id)) expect(n, id).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) await expect(lines.nth(i).locator('.kind')).toHaveText(/^(国家文件原文|官方网站|官方文件的转载|媒体报道|本工具整理)/);
      // Every link on a page leads somewhere this site has.
      for (const href of await page.locator('a').evaluateAll((as) => as.map((a) => a.href))) {
        const u = new URL(href);
        expect(u.origin, `${id}: ${href}`).toBe(new URL(page.url()).origin);
        if (u.pathname.startsWith('/policy/')) expect(IDS, `${id}: ${href}`).toContain(u.pathname.slice(8, -5));
      }
    }
  });
});

test('an old link lands on the page before anything of the app downloads', async ({ page }) => {
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$|pack-[0-9a-f]{16}\.json$/.test(r.url())) wasm.push(r.url()); });
  for (const [link, path, title] of [
    ['/?v=policy&id=tekun&from=singlemessage&isappinstalled=0', '/policy/tekun.html', TEKUN],
    ['/bangfu/?v=policy&id=%74ekun&from=singlemessage', '/bangfu/policy/tekun.html', TEKUN],
    ['/bangfu/index.html?v=policy&id=dibao&big=1#cut', '/bangfu/policy/dibao.html', '农村低保'],
    ['/?id=tuopin-xindai&v=policy', '/policy/tuopin-xindai.html', '脱贫人口小额信贷（2021–2025年）'],
    ['/?v=policy&id=glossary', '/policy/glossary.html', '名词解释'],
    ['/?v=policy&amp;id=timeline', '/policy/timeline.html', '小额信贷大事记（2014–2026）'],
  ]) {
    await page.goto(link);
    await expect(page.locator('h1'), link).toHaveText(title);
    expect(new URL(page.url()).pathname, link).toBe(path);
  }
  expect(wasm).toEqual([]);
  // The entry's own screen in the app (read-aloud, copying the link) stays
  // in the app; an unknown id goes on to the app, which says so.
  await page.goto('/?v=policy&id=tekun&read=1');
  await expect(page.locator('#entry-title')).toHaveText(TEKUN);
  expect(new URL(page.url()).pathname).toBe('/');
  await page.goto('/?v=policy&id=no-such-thing&from=singlemessage');
  await expect(page.locator('#policy-not-found')).toContainText('no-such-thing');
});

test('the page leads into the app: the estimator for a loan entry, read-aloud, the library', async ({ page }) => {
  await page.goto('/policy/bangfu-xindai-2026.html');
  await page.click('#try-loan');
  await expect(page.locator('h1')).toHaveText('贷款测算');
  await expect(page.locator('#product')).toHaveValue('bangfu2026');
  expect(page.url()).toContain('product=bangfu2026');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('帮扶小额信贷（2026年起）');
  await page.click('#read-aloud-link');
  await expect(page.locator('#entry-title')).toHaveText('帮扶小额信贷（2026年起）');
  // The share box holds the page's address.
  await expect(page.locator('#policy-link')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/policy\/bangfu-xindai-2026\.html$/);
  await page.click('#entry-page');
  await expect(page.locator('h1')).toHaveText('帮扶小额信贷（2026年起）');
  await page.locator('.crumbs a').click();
  await expect(page.locator('h1')).toHaveText('政策解读');
  await expect(page).toHaveTitle(/^政策解读 · 帮扶助手$/);
});

test.describe('offline', () => {
  let server;
  test.beforeAll(async () => {
    server = await startServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('after one visit to the app, the pages open offline, from old links and as pages', async ({ page, context }) => {
    const app = server.origin + '/bangfu/';
    await page.goto(app);
    await expect(page.locator('#tile-check')).toBeVisible();
    await waitForControl(page);
    await context.setOffline(true);
    const before = server.requests.length;
    for (const [link, title] of [
      ['policy/tekun.html', TEKUN],
      ['policy/dibao.html?from=singlemessage&isappinstalled=0', '农村低保'],
      ['?v=policy&id=linshi-jiuzhu&from=singlemessage', '临时救助（急难型、支出型）'],
      ['policy/glossary.html', '名词解释'],
    ]) {
      await page.goto(app + link);
      await expect(page.locator('h1'), link).toHaveText(title);
    }
    await page.screenshot({ path: shot('page-offline-360x740') });
    // From a page back into the app's library, offline too.
    await page.goto(app + 'policy/tekun.html');
    await page.locator('.crumbs a').click();
    await expect(page.locator('h1')).toHaveText('政策解读');
    expect(server.requests.slice(before).filter((r) => !/\/sw\.js /.test(r + ' '))).toEqual([]);
    await context.setOffline(false);
  });
});
