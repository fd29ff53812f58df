import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { type FakeX, startFakeX } from '../fakes/x-server';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { sidewaysScroll } from '../helpers/layout';
import { listen } from '../helpers/http-server';
import { socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * Issue 20's settings, in Chromium: deleting a topic asks first and says what happens to its mentions (without
 * script), Verify and Poll leave the page at its own address, and the Topics and Users pages read as cards at
 * 375 px, with nothing wider than the screen (checked by bounding boxes).
 */

let t: TestContext;
let x: FakeX;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
const OWNER = 'owner@einstellungen.test';
let ownerToken = '';

async function pageAt(width: number, options: { script?: boolean } = {}): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width, height: 800 },
    javaScriptEnabled: options.script ?? true,
    timezoneId: 'UTC',
  });
  contexts.push(ctx);
  const p = await ctx.newPage();
  watchPage(p, { errors });
  return p;
}

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
  const ws = await t.seedWorkspace('Einstellungen');
  ownerToken = ws.token;
  // Long addresses and a long query: what made the tables too wide for a phone.
  await t.seedUser(ws.workspace.id, 'agent', 'maximiliane.mustermann-schmidt@kundendienst-abteilung.test');
  await t.seedUser(ws.workspace.id, 'analyst', 'analyst@einstellungen.test');
  await createTopic(t.db, ws.actor, { name: 'Acme', kind: 'brand', query: 'acme OR "acme cloud" -job #acme @acmehq' });
  await createTopic(t.db, ws.actor, {
    name: 'Globex Corporation International',
    kind: 'competitor',
    query: '(globex OR "globex corporation" OR globexcorp) -hiring -careers #globex @globexsupport',
  });
  const topics = await activeTopics(t.db, ws.workspace.id);
  await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics }, [
    socialPost({ externalId: 'a1', text: 'acme cloud is down again', createdAt: new Date() }),
    socialPost({ externalId: 'a2', text: 'love the new acme release', createdAt: new Date() }),
    socialPost({ externalId: 'a3', text: 'acme support answered fast', createdAt: new Date() }),
  ]);
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await closeBrowser?.();
  await server?.close();
  await x?.close();
  await t?.close();
});

describe('topic delete', () => {
  it('asks first, says what happens to the mentions, and deletes only on the second button (no script)', async () => {
    const page = await pageAt(1280, { script: false });
    await signIn(page, server.url, OWNER, PASSWORD);
    await page.goto(`${server.url}/settings/topics`);
    const acme = page.locator('[data-testid=topic-row]', { hasText: 'acme cloud' });
    await acme.getByRole('link', { name: 'Delete' }).click();

    // A step of its own: nothing is deleted yet, and it says what deleting does to the three mentions.
    expect(new URL(page.url()).pathname).toMatch(/^\/settings\/topics\/[0-9a-f-]{36}\/delete$/);
    const ask = page.locator('[data-testid=topic-delete]');
    await expect
      .poll(() => ask.textContent())
      .toContain('The 3 mentions found for Acme stay in the inbox, contacts and reports, but no longer carry');
    expect(await ask.textContent()).toContain('pause it instead');
    await page.screenshot({ path: 'test-results/settings-topic-delete-1280.png' });
    const listed = await t.request('GET', '/api/v1/topics', { token: ownerToken });
    expect(listed.json.items.map((i: { name: string }) => i.name)).toContain('Acme');

    // Cancel goes back with the topic still there.
    await ask.getByRole('link', { name: 'Cancel' }).click();
    expect(await page.locator('[data-testid=topic-row]', { hasText: 'acme cloud' }).count()).toBe(1);

    await page
      .locator('[data-testid=topic-row]', { hasText: 'acme cloud' })
      .getByRole('link', { name: 'Delete' })
      .click();
    await page.getByRole('button', { name: 'Delete topic' }).click();
    await page.waitForURL(`${server.url}/settings/topics?ok=deleted`);
    expect(await page.locator('.flash.ok').textContent()).toBe('Topic deleted. Its mentions stay.');
    expect(await page.locator('[data-testid=topic-row]', { hasText: 'acme cloud' }).count()).toBe(0);
    const after = await t.request('GET', '/api/v1/mentions', { token: ownerToken });
    expect(after.json.items).toHaveLength(3);
  });
});

describe('a source page after Verify and Poll now', () => {
  it('is at its own address, so a reload neither verifies nor polls again', async () => {
    const page = await pageAt(1280);
    await signIn(page, server.url, OWNER, PASSWORD);
    await page.goto(`${server.url}/settings/sources/new?platform=x`);
    expect(await page.locator('[data-testid=access-guide] a').getAttribute('href')).toBe(
      'https://developer.x.com/en/portal/dashboard',
    );
    await page.screenshot({ path: 'test-results/settings-x-form-1280.png', fullPage: true });
    await page.fill('input[name="credentials.bearerToken"]', 'browser-token');
    await page.fill('input[name="config.baseUrl"]', x.url);
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.waitForURL(/\/settings\/sources\/[0-9a-f-]{36}\?notice=/);
    const sourcePath = new URL(page.url()).pathname;
    expect(await page.locator('.flash.ok').textContent()).toContain('Verified: X accepted the bearer token');

    await page.getByRole('button', { name: 'Verify credentials' }).click();
    await page.waitForURL((u) => u.pathname === sourcePath && u.searchParams.has('notice'));
    expect(await page.locator('.flash.ok').textContent()).toContain('Verified');

    x.addTweet({ text: 'acme seen from the browser' });
    await page.getByRole('button', { name: 'Poll now' }).click();
    await page.waitForURL((u) => u.pathname === sourcePath && u.searchParams.has('notice'));
    expect(await page.locator('.flash.ok').textContent()).toContain('Polled: 1 fetched, 1 new');
    const searches = x.requests.filter((r) => r.path === '/2/tweets/search/recent').length;
    await page.reload();
    expect(await page.locator('[data-testid=mention-count]').textContent()).toBe('1');
    expect(x.requests.filter((r) => r.path === '/2/tweets/search/recent').length).toBe(searches);
  });
});

describe('settings at 375 px', () => {
  for (const path of ['/settings/topics', '/settings/users']) {
    it(`${path} reads as cards with nothing wider than the screen`, async () => {
      const page = await pageAt(375);
      await signIn(page, server.url, OWNER, PASSWORD);
      await page.goto(`${server.url}${path}`);
      const width = await page.evaluate(() => window.innerWidth);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      // Open every "asks first" step too: its words must fit as well.
      for (const summary of await page.locator('details.confirm > summary').all()) await summary.click();
      const outside = await page.evaluate((w) => {
        const out: string[] = [];
        for (const el of document.querySelectorAll('main *')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || el.closest('thead')) continue;
          if (r.left < -1 || r.right > w + 1) out.push(`${el.tagName.toLowerCase()} “${el.textContent?.slice(0, 30)}”`);
        }
        // A card that scrolls sideways hides part of a row (the Users table was clipped so).
        for (const card of document.querySelectorAll('main .card'))
          if (card.querySelector('table.cards') && card.scrollWidth > card.clientWidth + 1)
            out.push(`card scrolls: ${card.scrollWidth} > ${card.clientWidth}`);
        return out;
      }, width);
      expect(outside, `${path} at 375 px`).toEqual([]);
      // Each row is a card: its cells stack, each at the row's full width (not a column a few letters wide).
      const cells = await page.evaluate(() =>
        [...document.querySelectorAll('table.cards tbody tr:first-child td')].map((td) => ({
          width: td.getBoundingClientRect().width,
          label: td.getAttribute('data-label'),
        })),
      );
      expect(cells.length).toBeGreaterThan(2);
      for (const c of cells) expect(c.width).toBeGreaterThan(250);
      expect(cells.filter((c) => c.label).length).toBeGreaterThan(2);
      await page.screenshot({ path: `test-results/settings${path.replace(/\//g, '-')}-375.png`, fullPage: true });
    });
  }

  it('left no script errors', () => {
    expect(errors).toEqual([]);
  });
});
