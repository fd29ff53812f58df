import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialPost } from '../../src/core/social-post';
import { ingestPosts } from '../../src/ingest/pipeline';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { sidewaysScroll } from '../helpers/layout';
import { listen } from '../helpers/http-server';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/** The mention stream in Chromium: filters that stay when filtering again, chips, reply and assign. */

let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
const errors: string[] = [];
const dialogs: string[] = [];
let n = 0;

const post = (text: string, handle: string): SocialPost =>
  socialPost({
    externalId: `bm-${++n}`,
    url: `https://example.social/p/${n}`,
    text,
    createdAt: new Date(Date.now() - (10 - n) * 3_600_000),
    author: socialAuthor({ externalId: `a-${handle}`, handle, name: handle, followers: 120 }),
  });

const texts = () => page.locator('[data-testid=mention] .mention-text').allTextContents();
const params = () => new URL(page.url()).searchParams;

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Stream Co');
  await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    post('acme billing is terrible, charged twice, I want a refund', 'cora'),
    post('acme support is terrible and slow', 'dan'),
    post('the new acme dashboard is lovely, great work', 'eve'),
  ]);
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchPage(page, { errors, dialogs });
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await t?.close();
});

describe('the mention stream in Chromium', () => {
  it('keeps the sentiment filter when searching again, and shows the filters as chips that remove them', async () => {
    await signIn(page, server.url, 'owner@streamco.test', PASSWORD);
    await page.goto(`${server.url}/inbox/mentions`);
    expect(await texts()).toHaveLength(3);
    await page.click('[data-testid=stream-filters] summary');
    await page.selectOption('[data-testid=stream-filters] select[name=sentiment]', 'negative');
    await page.click('[data-testid=stream-filters] button[type=submit]');
    await page.waitForURL(/sentiment=negative/);
    expect(await texts()).toHaveLength(2);
    // Searching again: the sentiment stays.
    await page.fill('[data-testid=stream-filters] input[name=q]', 'billing');
    await page.click('[data-testid=stream-filters] button[type=submit]');
    await page.waitForURL(/q=billing/);
    expect(params().get('sentiment')).toBe('negative');
    expect(await texts()).toEqual(['acme billing is terrible, charged twice, I want a refund']);
    expect(await page.locator('[data-testid=filter-chip]').allTextContents()).toEqual([
      'Search: billing ×',
      'Sentiment: negative ×',
    ]);
    await page.screenshot({ path: 'test-results/mentions-filtered.png', fullPage: true });
    // Removing the search chip keeps the sentiment.
    await page.click('[data-testid=filter-chip][data-filter=q]');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    expect(params().get('sentiment')).toBe('negative');
    expect(await texts()).toHaveLength(2);
  });

  it('shows intent on each item and leads from Reply to the conversation’s composer', async () => {
    const first = page.locator('[data-testid=mention]').first();
    expect(await first.locator('[data-testid=mention-sentiment]').textContent()).toContain('negative');
    expect(await first.locator('[data-testid=mention-intent]').allTextContents()).toContain('complaint');
    await first.locator('[data-testid=mention-reply]').click();
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}#composer$/);
    expect(await page.locator('#composer').isVisible()).toBe(true);
  });

  it('assigns a mention’s conversation from the stream', async () => {
    await page.goto(`${server.url}/inbox/mentions`);
    const item = page.locator('[data-testid=mention]', { hasText: 'dashboard is lovely' });
    await item.locator('[data-testid=mention-assign] button').click();
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}/);
    expect(await page.locator('#triage select[name=assigneeId]').first().inputValue()).not.toBe('none');
  });

  it('fits a phone screen with filters in use, without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/inbox/mentions?q=acme&sentiment=negative&intent=complaint&from=2026-01-01`);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    for (const box of await page
      .locator('[data-testid=filter-chip]')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(375);
    await page.screenshot({ path: 'test-results/mentions-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
