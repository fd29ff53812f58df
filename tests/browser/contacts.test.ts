import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialAuthor, SocialPost } from '../../src/core/social-post';
import { socialAuthor, socialPost } from '../helpers/posts';
import { ingestPosts } from '../../src/ingest/pipeline';
import type { Platform } from '../../src/core/platforms';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
const errors: string[] = [];
const dialogs: string[] = [];
let n = 0;

const post = (text: string, a: Partial<SocialAuthor>): SocialPost =>
  socialPost({
    externalId: `b-${++n}`,
    url: `https://example.social/p/${n}`,
    text,
    createdAt: new Date(Date.now() - (10 - n) * 3_600_000),
    author: socialAuthor(a),
    metrics: { likes: 3 },
  });

const X_TEXT = 'the new acme dashboard is lovely, great work';
const MASTODON_TEXT = 'acme billing is a mess, charged twice';

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Crm Co');
  const ingest = (platform: Platform, posts: SocialPost[]) =>
    ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform, topics: [] }, posts);
  // One person on two platforms under the same handle: two contacts and a duplicate suggestion.
  await ingest('x', [
    post(X_TEXT, {
      externalId: 'x-zed',
      handle: 'zedwrites',
      name: 'Zed Writes',
      followers: 1800,
      url: 'https://x.example/zedwrites',
    }),
  ]);
  await ingest('mastodon', [
    post(MASTODON_TEXT, { externalId: 'm-zed', handle: 'ZedWrites', name: 'zed', followers: 90 }),
  ]);
  // Hostile text from the internet must stay text.
  await ingest('x', [
    post('acme <img src=x onerror=alert(1)> rocks', {
      externalId: 'x-mal',
      handle: 'mallory',
      name: '<img src=x onerror=alert(1)>',
      followers: 12_000_000,
    }),
  ]);
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  watchPage(page, { errors, dialogs });
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await t?.close();
});

const timelineTexts = () => page.locator('[data-testid=timeline-item] .mention-text').allTextContents();

describe('contacts in Chromium', () => {
  it('opens a contact from a conversation in the inbox and shows its timeline', async () => {
    await signIn(page, server.url, 'owner@crmco.test', PASSWORD);

    // The conversation's own page (a wide inbox would open it beside the list instead).
    const href = await page.locator('[data-testid=conversation-link]', { hasText: X_TEXT }).getAttribute('href');
    await page.goto(`${server.url}${href}`);
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}$/);
    await page.click('[data-testid=author-contact]');
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    expect(await page.textContent('[data-testid=contact-name]')).toBe('Zed Writes');
    expect(await timelineTexts()).toEqual([X_TEXT]);
    expect(await page.locator('[data-testid=identity-row]').allTextContents()).toEqual([
      expect.stringContaining('@zedwrites'),
    ]);
    expect(await page.locator('[data-testid=score-reasons] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=sentiment-chart] svg rect').count()).toBe(1);
    // The same handle on Mastodon is offered as a possible duplicate.
    expect(await page.locator('[data-testid=similar-item]').allTextContents()).toEqual([
      expect.stringContaining('@ZedWrites'),
    ]);
    await page.screenshot({ path: 'test-results/contact-page.png', fullPage: true });
  });

  it('reads a contact first and opens the profile form on Edit; a post leads to its conversation', async () => {
    await page.goto(`${server.url}/contacts?q=mallory`);
    await page.locator('[data-testid=contact-row] a').first().click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    expect(await page.locator('[data-testid=profile]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=profile-form]').isVisible()).toBe(false);
    await page.click('[data-testid=edit-profile]');
    expect(await page.locator('[data-testid=profile-form] input[name=name]').isVisible()).toBe(true);
    // The score lists parts that add up to it.
    const score = Number(await page.textContent('[data-testid=score] .score-value'));
    const parts = await page
      .locator('[data-testid=score-part]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-points'))));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(score);
    await page.click('[data-testid=timeline-conversation]');
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}$/);
    expect(await page.locator('[data-testid=author-contact]').textContent()).toBe('<img src=x onerror=alert(1)>');
  });

  it('imports a CSV from the contacts list and shows the result with the skipped row', async () => {
    await page.goto(`${server.url}/contacts`);
    await page.click('[data-testid=import-link]');
    await page.waitForURL(`${server.url}/contacts/imports`);
    await page.setInputFiles('[data-testid=import-form] input[type=file]', {
      name: 'crm.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Email\nIda Import,ida@example.com\nNo Mail,not-an-email\n'),
    });
    await page.click('[data-testid=import-form] button[type=submit]');
    await page.waitForURL(/\/contacts\/imports\?started=/);
    // The page reloads itself while the import runs.
    await page.locator('[data-testid=import-status]', { hasText: 'done' }).first().waitFor();
    expect(await page.locator('[data-testid=import-progress]').first().textContent()).toContain('1 new');
    expect(await page.locator('[data-testid=import-problems]').first().textContent()).toContain(
      'line 3: "not-an-email": not an email address',
    );
    await page.goto(`${server.url}/contacts?q=ida`);
    expect(await page.locator('[data-testid=contact-row]').count()).toBe(1);
    expect(await page.getAttribute('[data-testid=export-link]', 'href')).toBe('/api/v1/contacts/export?q=ida');
  });

  it('merges the suggested duplicate from the review queue into one contact with both mentions', async () => {
    await page.click('nav[aria-label=Main] >> text=Contacts');
    await page.waitForURL(`${server.url}/contacts`);
    expect(await page.locator('[data-testid=contact-row]').count()).toBe(4);
    expect(await page.locator('[data-testid=contact-row] a').allTextContents()).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(await page.textContent('[data-testid=duplicates-link] .badge')).toBe('1');
    await page.screenshot({ path: 'test-results/contacts-list.png', fullPage: true });
    await page.click('[data-testid=duplicates-link]');
    await page.waitForURL(`${server.url}/contacts/duplicates`);

    const suggestion = page.locator('[data-testid=suggestion]');
    expect(await suggestion.count()).toBe(1);
    expect(await suggestion.locator('[data-testid=suggestion-contact]').count()).toBe(2);
    // The names differ ("Zed Writes" / "zed"): marked in words on both sides, not by colour alone.
    expect(await suggestion.locator('.side-head .differs-mark').allTextContents()).toEqual(['differs', 'differs']);
    // Keep "Zed Writes" as the name, whichever contact holds it.
    await suggestion.locator('table.choose label', { hasText: 'Zed Writes' }).locator('input[type=radio]').check();
    await page.screenshot({ path: 'test-results/contacts-duplicates.png', fullPage: true });
    await suggestion.locator('button:has-text("Merge")').click();
    await page.waitForURL(/\/contacts\/duplicates\?ok=merged/);
    expect(await page.locator('.flash.ok').textContent()).toContain('Contacts merged.');
    expect(await page.locator('[data-testid=suggestion]').count()).toBe(0);

    await page.click('[data-testid=merged-contact-link]');
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    expect(await page.textContent('[data-testid=contact-name]')).toBe('Zed Writes');
    expect((await timelineTexts()).sort()).toEqual([MASTODON_TEXT, X_TEXT].sort());
    expect(await page.locator('[data-testid=identity-row]').count()).toBe(2);
    expect(await page.locator('[data-testid=merges] button:has-text("Undo merge")').count()).toBe(1);

    await page.goto(`${server.url}/contacts?q=zed`);
    expect(await page.locator('[data-testid=contact-row]').count()).toBe(1);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const path of [
      '/contacts',
      '/contacts/duplicates',
      '/contacts/imports',
      await page.locator('[data-testid=contact-row] a').first().getAttribute('href'),
    ]) {
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path!).toBeLessThanOrEqual(0);
    }
    await page.goto(`${server.url}/contacts`);
    expect(await page.locator('[data-testid=contact-row]').count()).toBe(3);
    await page.screenshot({ path: 'test-results/contacts-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
