import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { ingestPosts } from '../../src/ingest/pipeline';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
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
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchPage(page, { errors });
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await t?.close();
});

describe('reports in Chromium', () => {
  it('draws non-empty charts for the last 90 days, with no script and no CSP complaint', async () => {
    await signIn(page, server.url, 'owner@chartco.test', PASSWORD);
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

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/reports`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
