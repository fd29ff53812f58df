import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/core/actor';
import { users } from '../../src/accounts/schema';
import { pollSource } from '../../src/sources/poller';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { type FakeX, startFakeX } from '../fakes/x-server';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let sourceId: string;
let bo: { token: string };
const errors: string[] = [];
const dialogs: string[] = [];
const TEXT = '@acmehq my acme order #123 never arrived <script>alert(1)</script> can you help?';
let tweetId = '';
let conversationUrl = '';

const repliesTo = (id: string) => x.replies.filter((r) => r.in_reply_to_tweet_id === id);

beforeAll(async () => {
  x = await startFakeX();
  t = await createTestContext();
  const ws = await t.seedWorkspace('Live Inbox');
  await t.seedUser(ws.workspace.id, 'agent', 'ana@liveinbox.test');
  const boUser = await t.seedUser(ws.workspace.id, 'agent', 'bo@liveinbox.test');
  await t.db.update(users).set({ name: 'Ana' }).where(eq(users.email, 'ana@liveinbox.test'));
  await t.db.update(users).set({ name: 'Bo' }).where(eq(users.email, 'bo@liveinbox.test'));
  bo = { token: boUser.token };
  const actor: Actor = {
    workspaceId: ws.workspace.id,
    workspaceSlug: ws.workspace.slug,
    userId: ws.owner.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
  await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  const source = await createSource(
    t.deps,
    actor,
    {
      platform: 'x',
      name: 'Acme on X',
      config: { baseUrl: x.url },
      credentials: { bearerToken: 'b', appKey: 'k', appSecret: 's', accessToken: 'at', accessSecret: 'as' },
    },
    new Date(),
  );
  sourceId = source.id;
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A refused reply answers 422 on purpose; Chromium logs every such answer as an error.
  watchPage(page, { errors, dialogs, ignore: /status of 422/ });
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await x?.close();
  await t?.close();
});

describe('the live inbox in Chromium', () => {
  it('shows a post that reaches the fake X server in the open inbox without a reload', async () => {
    await signIn(page, server.url, 'ana@liveinbox.test', PASSWORD);
    await page.waitForSelector('html[data-live=ready]');
    expect(await page.locator('[data-testid=conversation-row]').count()).toBe(0);
    // Anything that reloads the page would drop this marker.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    tweetId = x.addTweet({ text: TEXT }, { id: '4242', username: 'carol', name: 'Carol <b>C</b>' }).id;
    await pollSource(t.deps, sourceId, { force: true });

    const row = page.locator('[data-testid=conversation-row]', { hasText: 'never arrived' });
    await row.waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
    expect(await row.locator('.conv-author').textContent()).toBe('Carol <b>C</b>');
    expect(await row.locator('.conv-subject').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.textContent('[data-testid=view-unassigned] .count')).toBe('1');
    await page.screenshot({ path: 'test-results/inbox-live.png', fullPage: true });
  });

  it('opens it from the keyboard, shows a teammate typing, assigns it and replies once on a double click', async () => {
    await page.keyboard.press('j');
    await expect(page.locator('.conv-row.kbd-selected').count()).resolves.toBe(1);
    await page.keyboard.press('o');
    // At 1280 px it opens beside the list (the split view); its own page is one link away.
    await page.locator('#split-pane [data-testid=conversation-subject]').waitFor();
    await page.click('#pane-full');
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}$/);
    conversationUrl = page.url();
    await page.waitForSelector('html[data-live=ready]');
    expect(await page.locator('[data-testid=thread-inbound] .tl-text').textContent()).toBe(TEXT);

    const id = conversationUrl.split('/').pop()!;
    await t.request('POST', `/api/v1/conversations/${id}/presence`, { token: bo.token, body: { state: 'typing' } });
    await expect.poll(() => page.textContent('[data-testid=presence]')).toBe('Bo is typing a reply…');
    // A teammate's note appears in the thread as it is written, and @ana lights Ana's badge.
    await t.request('POST', `/api/v1/conversations/${id}/notes`, {
      token: bo.token,
      body: { body: '@ana can you take this one?' },
    });
    await page.locator('[data-testid=thread-note]', { hasText: 'can you take this one?' }).waitFor();
    await expect.poll(() => page.locator('#unread-count').isVisible()).toBe(true);
    expect(await page.textContent('#unread-count')).toBe('1');

    // Saved where it was chosen, without leaving the page.
    await page.click('button:has-text("Assign to me")');
    await expect.poll(() => page.textContent('[data-testid=conversation-assignee]')).toBe('Assigned to Ana');

    await page.fill(
      '[data-testid=reply-text]',
      'Sorry Carol! Please DM us your order number: https://acme.com/help/orders/123',
    );
    await expect.poll(() => page.textContent('[data-testid=reply-count]')).toBe('68 / 280');
    await page.dblclick('[data-testid=reply-send]');

    const sent = page.locator('[data-testid=thread-reply][data-status=sent]');
    await sent.waitFor();
    const replies = repliesTo(tweetId);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe('Sorry Carol! Please DM us your order number: https://acme.com/help/orders/123');
    expect(replies[0]!.authorization).toMatch(/^OAuth /);
    expect(await sent.locator('[data-testid=reply-link]').getAttribute('href')).toMatch(
      /^https:\/\/x\.com\/i\/web\/status\/\d+$/,
    );
    expect(await page.locator('[data-testid=thread-reply]').count()).toBe(1);
    expect(await page.inputValue('[data-testid=reply-text]')).toBe('');
    await page.screenshot({ path: 'test-results/inbox-conversation.png', fullPage: true });
  });

  it('shows a reply X refuses as failed with the reason and a retry button, and sends it on retry', async () => {
    x.fault({
      match: (req) => req.method === 'POST' && req.path === '/2/tweets',
      status: 403,
      json: {
        title: 'Forbidden',
        detail: 'You are not allowed to reply to this Tweet.',
        type: 'about:blank',
        status: 403,
      },
    });
    await page.fill('[data-testid=reply-text]', 'Following up on your order.');
    await page.click('[data-testid=reply-send]');
    const failed = page.locator('[data-testid=thread-reply][data-status=failed]');
    await failed.waitFor();
    expect(await failed.locator('[data-testid=reply-error]').textContent()).toContain(
      'X refused it (HTTP 403, replies to this post are not allowed)',
    );
    expect(repliesTo(tweetId)).toHaveLength(1);
    await page.screenshot({ path: 'test-results/inbox-reply-failed.png', fullPage: true });

    await failed.locator('[data-testid=reply-retry]').click();
    await page.locator('[data-testid=thread-reply][data-status=sent]').nth(1).waitFor();
    expect(repliesTo(tweetId).map((r) => r.text)).toEqual([
      'Sorry Carol! Please DM us your order number: https://acme.com/help/orders/123',
      'Following up on your order.',
    ]);
  });

  it('does not send a reply over 280 characters as X counts them, keeping the draft', async () => {
    await page.fill('[data-testid=reply-text]', '你'.repeat(141));
    await expect.poll(() => page.textContent('[data-testid=reply-count]')).toBe('282 / 280');
    // Send is disabled over the limit (the server refuses it too: tests/api/inbox-pages.test.ts).
    await expect.poll(() => page.isDisabled('[data-testid=reply-send]')).toBe(true);
    expect(await page.inputValue('[data-testid=reply-text]')).toBe('你'.repeat(141));
    expect(repliesTo(tweetId)).toHaveLength(2);
  });

  it('shows the shortcuts with ? and closes the conversation with e', async () => {
    await page.fill('[data-testid=reply-text]', '');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect(page.locator('[data-testid=keyboard-help]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid=keyboard-help]').isVisible()).resolves.toBe(false);
    // Closed, it leaves the list; being the only one, the list opens.
    await page.keyboard.press('e');
    await page.waitForURL(/\/inbox\?ok=updated$/);
    await page.goto(`${server.url}/inbox`);
    expect(await page.locator('[data-testid=conversation-row]').count()).toBe(0);
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const path of ['/inbox?status=any', new URL(conversationUrl).pathname]) {
      await page.goto(`${server.url}${path}`);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        path,
      ).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: 'test-results/inbox-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
