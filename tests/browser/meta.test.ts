import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookConnector } from '../../src/connectors/meta/facebook.connector';
import { instagramConnector } from '../../src/connectors/meta/instagram.connector';
import { loadAnalyzer } from '../../src/sentiment';
import { webhookDeliveries } from '../../src/sources';
import { type FakeFbPage, type FakeMetaGraph, startFakeMetaGraph } from '../fakes/meta-graph-server';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * Facebook end to end in Chromium: an admin connects a Page through the fake Meta dialog and picks it and its
 * Instagram account; a signed `feed` webhook brings a new comment into the open inbox without a reload; the
 * reply reaches the fake exactly once; hiding the comment hides it on the fake and shows in the thread; an
 * unsigned or wrongly signed delivery is refused and nothing is kept.
 */
let t: TestContext;
let graph: FakeMetaGraph;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let fbPage: FakeFbPage;
const errors: string[] = [];
const dialogs: string[] = [];
const APP_SECRET = 'browser-meta-app-secret';

const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function deliver(payload: unknown, signature: string | null) {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return fetch(`${server.url}/webhooks/meta`, { method: 'POST', headers, body });
}

beforeAll(async () => {
  graph = await startFakeMetaGraph({ appSecret: APP_SECRET });
  t = await createTestContext({
    env: {
      META_APP_ID: graph.appId,
      META_APP_SECRET: APP_SECRET,
      META_WEBHOOK_VERIFY_TOKEN: 'browser-verify',
      META_GRAPH_URL: graph.url,
      META_DIALOG_URL: `${graph.url.replace(/\/$/, '')}/v24.0/dialog/oauth`,
    },
    connectors: { facebook: facebookConnector, instagram: instagramConnector },
  });
  await t.seedWorkspace('Meta Live');
  fbPage = graph.addPage({ name: 'Acme Outdoor' });
  graph.addIgUser({ username: 'acme.outdoor', pageId: fbPage.id });
  server = await listen(t);
  // The server warms the analyzer at start (src/server/node.ts); a test app does not, so it is done here.
  await (await loadAnalyzer()).analyze('warm-up');
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchPage(page, { errors, dialogs });
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await graph?.close();
  await t?.close();
});

describe('Facebook and Instagram in Chromium', () => {
  it('connects the Page and its Instagram account through Meta’s dialog', async () => {
    await signIn(page, server.url, 'owner@metalive.test', PASSWORD);
    await page.goto(`${server.url}/settings/sources`);
    await page.click('button:has-text("Connect with Facebook")');
    // Meta's dialog (the fake's), then back to us.
    await page.waitForURL(/\/dialog\/oauth/);
    expect(await page.textContent('body')).toContain('pages_manage_engagement');
    await page.click('#continue');
    await page.waitForURL(/\/settings\/sources\/connect\/facebook\/[0-9a-f-]{36}$/);
    const offered = page.locator('[data-testid=connect-page]');
    expect(await offered.textContent()).toContain('Acme Outdoor');
    expect(await offered.textContent()).toContain('@acme.outdoor');
    await page.screenshot({ path: 'test-results/meta-connect-picker.png', fullPage: true });
    await page.click('button:has-text("Add selected")');
    await page.locator('[data-testid=connect-result]', { hasText: '2 added' }).waitFor();
    expect(graph.subscribedApps.get(fbPage.id)).toBe('feed');
  });

  it("shows a signed webhook's comment in the open inbox without a reload, replies once and hides it", async () => {
    await page.goto(`${server.url}/inbox`);
    await page.waitForSelector('html[data-live=ready]');
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    const post = graph.addPost({ pageId: fbPage.id, message: 'Our new rain jacket is here', from: fbPage });
    const comment = graph.addComment({
      postId: post.id,
      message: 'Does the rain jacket come in XXL? <b>asap</b>',
      from: { id: '8080', name: 'Lena Berg' },
    });
    const value = {
      item: 'comment',
      verb: 'add',
      post_id: post.id,
      comment_id: comment.id,
      parent_id: post.id,
      message: comment.message,
      from: comment.from,
      created_time: comment.created_time,
      post: { permalink_url: `https://www.facebook.com/${post.id}` },
    };
    const delivery = {
      object: 'page',
      entry: [{ id: fbPage.id, time: comment.created_time, changes: [{ field: 'feed', value }] }],
    };
    const sentAt = Date.now();
    const res = await deliver(delivery, sign(JSON.stringify(delivery)));
    expect(res.status).toBe(200);
    const row = page.locator('[data-testid=conversation-row]', { hasText: 'rain jacket come in XXL' });
    await row.waitFor();
    // Measured, not budgeted (timings belong in npm run bench): the issue asks for under 2 s.
    console.info(`webhook to open inbox: ${Date.now() - sentAt} ms`);
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
    expect(await row.locator('.conv-author').textContent()).toBe('Lena Berg');

    // At this width a click opens the split view; this test works on the conversation's own page.
    const href = await row.locator('[data-testid=conversation-link]').getAttribute('href');
    await page.goto(`${server.url}${href}`);
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-live=ready]');
    expect(await page.textContent('[data-testid=thread-inbound] .tl-text')).toBe(comment.message);
    await page.fill('[data-testid=reply-text]', 'Hi Lena, yes: XXL is in stock!');
    await page.dblclick('[data-testid=reply-send]');
    await page.locator('[data-testid=thread-reply][data-status=sent]').waitFor();
    expect(graph.replies.filter((r) => r.parentId === comment.id)).toEqual([
      expect.objectContaining({ message: 'Hi Lena, yes: XXL is in stock!' }),
    ]);

    await page.click('[data-testid=moderation] button:has-text("Hide")');
    await page.locator('[data-testid=post-hidden]').waitFor();
    expect(graph.comments.find((c) => c.id === comment.id)?.is_hidden).toBe(true);
    expect(await page.locator('[data-testid=thread-reply]').count()).toBe(1);
    await page.screenshot({ path: 'test-results/meta-conversation.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('refuses an unsigned or wrongly signed webhook and keeps nothing', async () => {
    const before = (await webhookDeliveries(t.db)).length;
    const delivery = { object: 'page', entry: [{ id: fbPage.id, time: 1, changes: [] }] };
    expect((await deliver(delivery, null)).status).toBe(401);
    expect((await deliver(delivery, sign(JSON.stringify(delivery), 'not-the-secret'))).status).toBe(401);
    expect((await webhookDeliveries(t.db)).length).toBe(before);
  });
});
