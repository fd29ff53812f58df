import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { staffAccounts } from '../../src/accounts/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { ingestPosts } from '../../src/ingest/pipeline';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { overlapping, sidewaysScroll, stickingOut } from '../helpers/layout';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Chart Co');
  const actor: Actor = {
    workspaceId: ws.workspace.id,
    workspaceSlug: ws.workspace.slug,
    userId: ws.owner.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
  await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  await createTopic(t.db, actor, { name: 'Globex', kind: 'competitor', query: 'globex' });
  const topics = await activeTopics(t.db, ws.workspace.id);
  const texts = [
    'acme is wonderful',
    'acme is awful',
    'acme works',
    'globex is great',
    'globex crashed, terrible',
    'acme and globex both fine',
  ];
  let n = 0;
  for (let day = 0; day < 60; day++) {
    const posts = Array.from({ length: 3 + (day % 5) }, (_, i) =>
      socialPost({
        externalId: `c-${++n}`,
        text: texts[(day + i) % texts.length]!,
        createdAt: new Date(Date.now() - day * 86_400_000 - i * 60_000),
        author: socialAuthor({ externalId: `u${n % 40}`, handle: `u${n % 40}` }),
      }),
    );
    await ingestPosts(
      t.deps,
      { workspaceId: ws.workspace.id, sourceId: null, platform: day % 3 ? 'x' : 'mastodon', topics },
      posts,
    );
  }
  // A German teammate: the same pages in the catalogue's German, whose longer words must fit a phone too.
  await t.seedUser(ws.workspace.id, 'analyst', 'greta@chartco.test');
  await t.db.update(staffAccounts).set({ language: 'de' }).where(eq(staffAccounts.email, 'greta@chartco.test'));
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchPage(page, { errors });
  await signIn(page, server.url, 'owner@chartco.test', PASSWORD);
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await t?.close();
});

describe('reports in Chromium', () => {
  it('draws non-empty charts for the last 90 days, with no script and no CSP complaint', async () => {
    await page.goto(`${server.url}/reports?preset=90`);
    const charts = page.locator('img.chart-img');
    // Volume, top terms, share of voice, platforms (nothing answered or reviewed in this workspace).
    expect(await charts.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const size = await charts
        .nth(i)
        .evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight, done: img.complete }));
      expect(size.done && size.w > 100 && size.h > 100).toBe(true);
    }
    expect(Number(await page.textContent('[data-testid=figure-total] .figure-value'))).toBeGreaterThan(200);
    await page.screenshot({ path: 'test-results/reports-dashboard.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('draws every chart at about the size it is shown, so their words are one size (1280 px)', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/reports?preset=90`);
    const scales = await chartScales(page);
    expect(scales.length).toBe(4);
    for (const s of scales) expect(s, 'shown px per drawn px').toBeGreaterThan(0.85);
    for (const s of scales) expect(s).toBeLessThan(1.2);
  });

  for (const [name, path] of [
    ['dashboard', '/reports?preset=90'],
    ['dashboard against the 30 days before', '/reports'],
    ['dashboard sorted by followers', '/reports?preset=90&authors=reach'],
    ['digest of this week so far', '/reports/digest'],
    ['digest of the last full week', '/reports/digest?week=last'],
  ] as const)
    it(`lays out the ${name} on a 375 px phone: nothing sideways, nothing on top of anything`, async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${server.url}${path}`);
      expect(await sidewaysScroll(page), 'scrolls sideways').toBeLessThanOrEqual(0);
      expect(await stickingOut(page)).toEqual([]);
      expect(await overlapping(page)).toEqual([]);
      // Key figures two by two.
      const cards = await page.$$eval('.figures > .card', (els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: Math.round(r.left), w: r.width };
        }),
      );
      expect(cards.length).toBeGreaterThanOrEqual(4);
      expect(new Set(cards.map((c) => c.x)).size).toBe(2);
      for (const c of cards) expect(c.w).toBeGreaterThan(120);
      // Every key figure has a name and a comparison in words: never "+∞", "NaN" or a bare dash.
      const captions = await page.$$eval('.figures > .card', (els) =>
        els.map((el) => ({
          label: el.firstElementChild?.textContent?.trim() ?? '',
          compare: el.querySelector('.figure-compare')?.textContent?.trim() ?? '',
        })),
      );
      for (const c of captions) {
        expect(c.label).toMatch(/[a-z]{3}/i);
        expect(c.compare).toMatch(/[a-z]{3,}.*[a-z]{3,}/i);
        expect(c.compare).not.toMatch(/∞|NaN|Infinity|undefined|null/);
      }
      if (path.startsWith('/reports?')) {
        // Charts one per row at the phone's width, drawn for it, so their words stay readable.
        const scales = await chartScales(page);
        expect(scales.length).toBeGreaterThan(0);
        for (const s of scales) expect(s).toBeGreaterThan(0.8);
        const widths = await page.$$eval('img.chart-img', (imgs) => imgs.map((i) => i.getBoundingClientRect().width));
        for (const w of widths) expect(w).toBeGreaterThan(280);
      }
      await page.screenshot({ path: `test-results/reports-375-${name.replace(/\W+/g, '-')}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });

  it('has layout checks that catch a card lying over its neighbour and a table wider than the phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/reports/digest?week=last`);
    // Through the CSSOM (the page's CSP refuses style written into it, rightly).
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.figures > .card')) el.style.marginRight = '-3rem';
    });
    expect((await overlapping(page)).some((o) => o.includes(' over '))).toBe(true);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('main .card')) el.style.overflow = 'visible';
      document.querySelector<HTMLElement>('[data-testid=digest-biggest] h2')!.style.width = '30rem';
    });
    expect(await stickingOut(page)).not.toEqual([]);
    expect((await overlapping(page)).some((o) => o.includes('past the edge'))).toBe(true);
  });

  it('fits the German dashboard and digest on a 375 px phone, every figure compared in German words', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'de-DE' });
    const greta = await ctx.newPage();
    watchPage(greta, { errors });
    await signIn(greta, server.url, 'greta@chartco.test', PASSWORD);
    for (const path of ['/reports', '/reports?preset=90', '/reports/digest', '/reports/digest?week=last']) {
      await greta.goto(`${server.url}${path}`);
      expect(await greta.getAttribute('html', 'lang')).toBe('de');
      expect(await sidewaysScroll(greta), path).toBeLessThanOrEqual(0);
      expect(await stickingOut(greta), path).toEqual([]);
      expect(await overlapping(greta), path).toEqual([]);
      const captions = await greta.$$eval('.figures .figure-compare', (els) => els.map((e) => e.textContent ?? ''));
      for (const c of captions) expect(c).toMatch(/Tage|Woche|Vorzeitraum|zugewiesen/);
    }
    await greta.screenshot({ path: 'test-results/reports-375-german-digest.png', fullPage: true });
    await ctx.close();
    expect(errors).toEqual([]);
  });

  it('compares with the 30 days before in words, and shows days without mentions as gaps, not as 0', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/reports`);
    expect(await page.textContent('[data-testid=figure-total] .figure-compare')).toMatch(
      /^(?:[+-]\d+%|no change) vs previous 30 days$/,
    );
    // The 90 days before the last 90 had no mentions at all.
    await page.goto(`${server.url}/reports?preset=90`);
    expect(await page.textContent('[data-testid=figure-total] .figure-compare')).toBe('no data in the previous period');
    const netCells = await page.$$eval('[data-testid=chart-volume] tbody tr', (trs) =>
      trs.map((tr) => ({ total: tr.children[6]?.textContent, net: tr.children[7]?.textContent })),
    );
    const empty = netCells.filter((c) => c.total === '0');
    expect(empty.length).toBeGreaterThan(0);
    for (const c of empty) expect(c.net).toBe('–');
  });
});

/** Each chart's shown width per px it was drawn at (1: its words at the size they were drawn). */
function chartScales(p: Page): Promise<number[]> {
  return p.$$eval('img.chart-img', (imgs) =>
    (imgs as HTMLImageElement[]).map((img) => img.getBoundingClientRect().width / img.naturalWidth),
  );
}
