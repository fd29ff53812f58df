import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { loadAnalyzer } from '../../src/sentiment';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * "Why negative?" in Chromium, at phone width: a negative post's conversation shows its label with a
 * disclosure, opened from the keyboard, that loads the words that decided it with their weights into a live
 * region; the same under the post in the mention stream. Staff then correct the label with the correction
 * form, and the corrections export for training lists it.
 */
let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
const errors: string[] = [];
const dialogs: string[] = [];
const TEXT = 'This blender is overpriced junk, it broke after a week and support never answered.';
let deciding = '';

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Why Desk');
  const { analyze } = await loadAnalyzer();
  const a = analyze(TEXT);
  expect(a.label).toBe('negative');
  // The strongest word pushing it negative: what the disclosure must show.
  deciding = a.explanation!.contributions.find((c) => c.kind === 'word' && c.weight < 0)!.text;
  await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    socialPost({
      externalId: 'why-1',
      text: TEXT,
      createdAt: new Date(Date.now() - 10 * 60_000),
      author: socialAuthor({ externalId: 'u-1', handle: 'blendfan', name: 'Blend Fan' }),
    }),
  ]);
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  watchPage(page, { errors, dialogs });
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await t?.close();
});

describe('why a label, in Chromium at phone width', () => {
  let mentionId = '';
  let conversationUrl = '';

  it('opens “Why negative?” from the keyboard and reads the deciding words and their weights', async () => {
    await signIn(page, server.url, 'owner@whydesk.test', PASSWORD);
    const row = page.locator('[data-testid=conversation-row]', { hasText: 'overpriced junk' });
    await row.locator('[data-testid=conversation-link]').click();
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-live=ready]');
    conversationUrl = page.url();
    const post = page.locator('[data-testid=thread-inbound]');
    mentionId = (await post.getAttribute('data-mention-id'))!;
    expect(await post.locator('[data-testid=post-sentiment]').textContent()).toBe('negative');
    const summary = post.locator('[data-testid=why] summary');
    expect(await summary.textContent()).toBe('Why negative?');
    expect(await post.locator('[data-testid=why-body]').getAttribute('aria-live')).toBe('polite');
    await summary.focus();
    await page.keyboard.press('Enter');
    const words = post.locator('[data-testid=why-word]');
    await words.first().waitFor();
    const listed = await words.allTextContents();
    const line = listed.find((w) => w.startsWith(`${deciding} −`));
    expect(line, listed.join(' | ')).toMatch(/^\S+ −\d/);
    expect(await post.locator('[data-testid=why-by]').textContent()).toMatch(/^By the model trained on /);
    expect(await post.locator('[data-testid=why-probabilities]').textContent()).toContain('negative 0.');
    // Opened and loaded, it still fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/why-negative-phone.png', fullPage: true });
  });

  it('explains the same post in the mention stream', async () => {
    await page.goto(`${server.url}/inbox/mentions`);
    const item = page.locator('[data-testid=mention]', { hasText: 'overpriced junk' });
    await item.locator('[data-testid=why] summary').click();
    await item.locator('[data-testid=why-word]').first().waitFor();
    expect((await item.locator('[data-testid=why-word]').allTextContents()).some((w) => w.startsWith(deciding))).toBe(
      true,
    );
  });

  it('takes a correction from the correction form, which the corrections export then lists', async () => {
    await page.goto(conversationUrl);
    await page.waitForSelector('html[data-live=ready]');
    const post = page.locator(`[data-mention-id="${mentionId}"]`);
    await post.locator('details.correct summary').click();
    await post.locator('select[name=sentiment]').selectOption('positive');
    // A teammate's change arrives live while the correction is half made: the rest of the page follows,
    // the open form keeps its choice.
    const csrf = (await page.locator('meta[name=csrf-token]').getAttribute('content'))!;
    const me = (await page.locator('meta[name=user-id]').getAttribute('content'))!;
    const conversationId = new URL(conversationUrl).pathname.split('/').pop();
    const assign = await page.request.patch(`${server.url}/api/v1/conversations/${conversationId}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { assigneeId: me },
    });
    expect(assign.status()).toBe(200);
    await page.locator('[data-testid=conversation-assignee]', { hasText: 'Assigned to' }).waitFor();
    expect(await post.locator('select[name=sentiment]').inputValue()).toBe('positive');
    await post.locator('[data-testid=correct-form] button[type=submit]').click();
    await page.waitForURL(/\?ok=corrected#post-/);
    expect(await page.locator(`[data-mention-id="${mentionId}"] [data-testid=post-sentiment]`).textContent()).toBe(
      'positive (corrected)',
    );
    // A correction is explained as what the analyzer had said.
    expect(await page.locator(`[data-mention-id="${mentionId}"] [data-testid=why] summary`).textContent()).toBe(
      'Why did the analyzer say negative?',
    );
    const csv = await page.request.get(`${server.url}/api/v1/analysis/corrections.csv`);
    expect(csv.status()).toBe(200);
    const line = (await csv.text()).split('\n').find((l) => l.startsWith(mentionId));
    expect(line).toContain(TEXT);
    expect(line).toMatch(/,positive,negative,/);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
