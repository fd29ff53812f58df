import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  t = await createTestContext();
  await t.seedWorkspace('Browser Co');
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Any CSP violation or script error on our pages is a failure.
  watchPage(page, { errors });
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await t?.close();
});

describe('staff shell in Chromium', () => {
  it('logs in and shows the app shell with its navigation', async () => {
    await page.goto(`${server.url}/inbox`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=email]', 'owner@browserco.test');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/inbox`);
    const nav = await page.locator('nav[aria-label=Main] a').allTextContents();
    expect(nav).toEqual(['Inbox', 'Contacts', 'Community', 'Reports', 'Settings']);
    expect(await page.textContent('[data-testid=current-user]')).toBe('owner@browserco.test');
    // The stylesheet really applied (the CSP allows it): the sidebar is dark.
    const bg = await page.locator('.sidebar').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(17, 24, 39)');
    // The page declares its doctype: the browser lays it out in standards mode, not quirks mode.
    expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
  });

  it('invites a user in Settings > Users; they join through the link and appear in the list', async () => {
    await page.click('nav[aria-label=Main] >> text=Settings');
    await page.waitForURL(`${server.url}/settings/sources`);
    await page.click('nav[aria-label=Settings] >> text=Users');
    await page.waitForURL(`${server.url}/settings/users`);
    await page.fill('form[action="/settings/users"] input[name=email]', 'new.agent@browserco.test');
    await page.fill('form[action="/settings/users"] input[name=name]', 'New <b>Agent</b>');
    await page.selectOption('form[action="/settings/users"] select[name=role]', 'agent');
    await page.click('form[action="/settings/users"] button[type=submit]');
    // No SMTP here: the page shows the link once, for the owner to pass on.
    await expect(page.locator('.flash.ok').textContent()).resolves.toBe(
      'Invitation made for new.agent@browserco.test.',
    );
    const link = (await page.locator('[data-testid=invitation-link]').textContent())!.trim();
    expect(link).toMatch(/\/invitations\/accept\?token=/);
    const invited = await page.locator('[data-testid=invitation-row]').allTextContents();
    expect(invited.some((r) => r.includes('New <b>Agent</b>'))).toBe(true);

    // The invitee, in a browser of their own, sets a password and lands in the inbox.
    const invitee = await browser.newContext();
    const theirs = await invitee.newPage();
    watchPage(theirs, { errors });
    await theirs.goto(link);
    await theirs.fill('input[name=password]', 'invitee-chosen-password');
    await theirs.click('button[type=submit]');
    await theirs.waitForURL(`${server.url}/inbox`);
    expect(await theirs.textContent('[data-testid=current-user]')).toBe('new.agent@browserco.test');
    await invitee.close();

    await page.goto(`${server.url}/settings/users`);
    const rows = await page.locator('[data-testid=user-row]').allTextContents();
    expect(rows.some((r) => r.includes('new.agent@browserco.test') && r.includes('New <b>Agent</b>'))).toBe(true);
    expect(await page.locator('[data-testid=invitation-row]').count()).toBe(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/settings-users.png', fullPage: true });
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('nav[aria-label=Main]').isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/settings-users-phone.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logs out, and the inbox then asks for a login again', async () => {
    await page.click('text=Log out');
    await page.waitForURL(`${server.url}/login`);
    await page.goto(`${server.url}/inbox`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(errors).toEqual([]);
  });
});
