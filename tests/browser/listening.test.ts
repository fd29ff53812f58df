import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
  await t.seedWorkspace('Listen Co');
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage();
  // A hostile post that managed to run script would open a dialog.
  watchPage(page, { dialogs });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await x?.close();
  await t?.close();
});

describe('listening setup in Chromium', () => {
  it('adds a topic and an X source from the settings pages, polls, and reads the mentions in the inbox', async () => {
    await signIn(page, server.url, 'owner@listenco.test', PASSWORD);

    await page.goto(`${server.url}/settings/topics`);
    await page.fill('input[name=name]', 'Acme');
    await page.fill('input[name=query]', 'acme -job');
    await page.click('form[action="/settings/topics"] button[type=submit]');
    await expect(page.locator('[data-testid=topic-row]').count()).resolves.toBe(1);

    x.addTweet(
      { text: 'acme <img src=x onerror=alert(1)> is great &amp; fast 🚀' },
      { id: '501', username: 'mallory', name: '<b>Mallory</b>' },
    );
    x.addTweet({ text: 'acme job: we are hiring' });
    await page.goto(`${server.url}/settings/sources`);
    await page.click('a[href="/settings/sources/new?platform=x"]');
    await page.fill('input[name="name"]', 'Acme on X');
    await page.fill('input[name="credentials.bearerToken"]', 'browser-secret');
    await page.fill('input[name="config.baseUrl"]', x.url);
    await page.click('form[action="/settings/sources"] button[type=submit]');
    await page.waitForURL(/\/settings\/sources\/[0-9a-f-]{36}(\?|$)/);
    await page.click('button:has-text("Poll now")');
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('Polled: 2 fetched, 2 new');
    expect(await page.textContent('[data-testid=source-health]')).toBe('healthy');

    await page.goto(`${server.url}/inbox/mentions`);
    const texts = await page.locator('.mention-text').allTextContents();
    expect(texts).toContain('acme <img src=x onerror=alert(1)> is great & fast 🚀');
    expect(await page.locator('.mention strong').allTextContents()).toContain('<b>Mallory</b>');
    // Only the post that matches the topic (not the job ad) carries the topic badge.
    await page.selectOption('select[name=topic]', { label: 'Acme' });
    await page.click('form[role=search] button[type=submit]');
    await expect(page.locator('[data-testid=mention]').count()).resolves.toBe(1);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: 'test-results/inbox-mentions.png', fullPage: true });
  });
});
