import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffAccounts, users } from '../../src/accounts/schema';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { sources } from '../../src/sources/schema';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { sidewaysScroll, stickingOut } from '../helpers/layout';
import { listen } from '../helpers/http-server';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * Issue 20's must-show for the conversation page, in Chromium: triage controls that save as they are chosen
 * ("Saved." beside them, no shared Save); snoozing "tomorrow 09:00" from the menu on the viewer's clock (New
 * York, while the browser and the server run on other zones; the server's clock is injected), after which the
 * next conversation of the list opens; Send disabled while a reply is over the platform's limit; the account a
 * reply goes out as named; the "Saved." notice gone once a reply is sent.
 */

const now = new Date('2026-12-07T21:30:00Z'); // 16:30 in New York, 06:30 the next day in Tokyo
let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
const NORA = 'nora@triage.test';

const idOf = async (handle: string) =>
  (await t.db.select().from(conversations).where(eq(conversations.authorHandle, handle)))[0]!.id;
const row = async (handle: string) =>
  (await t.db.select().from(conversations).where(eq(conversations.authorHandle, handle)))[0]!;

async function pageAs(width = 1280): Promise<Page> {
  // The browser's own zone is neither the viewer's nor the server's: the page must not depend on it.
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'Asia/Tokyo' });
  contexts.push(ctx);
  const p = await ctx.newPage();
  watchPage(p, { errors });
  await signIn(p, server.url, NORA, PASSWORD);
  return p;
}

beforeAll(async () => {
  t = await createTestContext({ clock: () => new Date(now) });
  const ws = await t.seedWorkspace('Triage Live');
  await t.seedUser(ws.workspace.id, 'agent', NORA);
  await t.db.update(users).set({ name: 'Nora' }).where(eq(users.email, NORA));
  await t.db.update(staffAccounts).set({ timeZone: 'America/New_York' }).where(eq(staffAccounts.email, NORA));
  // The brand's X account: replies go out as @acme.
  await t.db.insert(sources).values({
    workspaceId: ws.workspace.id,
    platform: 'x',
    name: 'Acme on X',
    config: { accountHandle: 'acme' },
    paused: true,
  });
  // Newest first in the list: first, then second, then third.
  const posts = [
    ['third', '2026-12-07T18:00:00Z'],
    ['second', '2026-12-07T19:00:00Z'],
    ['first', '2026-12-07T20:00:00Z'],
  ] as const;
  for (const [handle, at] of posts)
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: `live-${handle}`,
        text: `acme my order never arrived (${handle})`,
        createdAt: new Date(at),
        author: socialAuthor({ externalId: `u-${handle}`, handle }),
      }),
    ]);
  server = await listen(t);
  ({ browser, close: closeBrowser } = await launchBrowser());
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await server?.close();
  await t?.close();
});

describe('triage on the conversation page', () => {
  it('saves a control as it is chosen, says so beside it, and tells the history "You"', async () => {
    const page = await pageAs();
    const first = await idOf('first');
    await page.goto(`${server.url}/inbox/c/${first}`);
    await page.waitForSelector('html[data-live=ready]');
    // No shared Save: the selects' own buttons are for pages without script.
    expect(await page.isVisible('[data-testid=triage-priority] button')).toBe(false);
    await page.selectOption('[data-testid=priority-select]', 'urgent');
    await expect.poll(() => page.textContent('[data-testid=triage-priority] [data-status]')).toBe('Saved.');
    expect(page.url()).toBe(`${server.url}/inbox/c/${first}`);
    expect((await row('first')).priority).toBe('urgent');
    await page.locator('[data-testid=thread-event]', { hasText: 'You set the priority to urgent' }).waitFor();
    await page.click('[data-testid=snooze-menu] summary');
    await page.screenshot({ path: 'test-results/conversation-triage-1280.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('snoozes until tomorrow 09:00 on the viewer’s clock, then opens the next conversation', async () => {
    const page = await pageAs();
    const [first, second] = [await idOf('first'), await idOf('second')];
    await page.goto(`${server.url}/inbox/c/${first}`);
    await page.waitForSelector('html[data-live=ready]');
    // The conversation leaving the list is announced to the page (the split view listens for it).
    await page.evaluate(() =>
      document.addEventListener('conversation:left', (e) =>
        sessionStorage.setItem('left', JSON.stringify((e as CustomEvent).detail)),
      ),
    );
    // Snoozing is a menu, not fields always open.
    expect(await page.isVisible('[data-testid=snooze-tomorrow]')).toBe(false);
    await page.click('[data-testid=snooze-menu] summary');
    // 16:30 in New York: tomorrow is 8 December there (in Tokyo, where the browser is, it is already the 8th).
    expect(await page.textContent('[data-testid=snooze-tomorrow]')).toBe('Tomorrow, 9:00 AM');
    expect(await page.getAttribute('[data-testid=snooze-tomorrow]', 'title')).toBe('Dec 8, 2026, 9:00 AM');
    await page.click('[data-testid=snooze-tomorrow]');
    await page.waitForURL(`${server.url}/inbox/c/${second}?ok=next`);
    expect(await row('first')).toMatchObject({ status: 'snoozed', snoozedUntil: new Date('2026-12-08T14:00:00Z') });
    expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem('left'))) ?? '{}')).toMatchObject({
      id: first,
    });
    expect(await page.textContent('.flash.ok')).toBe('Saved. Here is the next conversation of your list.');

    // It wakes at 09:00 New York time: the history says when, in the viewer's zone.
    await page.goto(`${server.url}/inbox/c/${first}`);
    await page
      .locator('[data-testid=thread-event]', { hasText: 'You snoozed it until Dec 8, 2026, 9:00 AM America/New_York' })
      .waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the composer', () => {
  it('disables Send while the reply is over the platform’s limit, says why, and names the account', async () => {
    const page = await pageAs();
    const second = await idOf('second');
    await page.goto(`${server.url}/inbox/c/${second}?ok=updated`);
    await page.waitForSelector('html[data-live=ready]');
    expect(await page.textContent('[data-testid=reply-as]')).toBe('Reply on X as @acme to @second');
    expect(await page.isVisible('.flash.ok')).toBe(true);

    await page.fill('[data-testid=reply-text]', 'a'.repeat(281));
    await expect.poll(() => page.textContent('[data-testid=reply-count]')).toBe('281 / 280');
    await expect.poll(() => page.isDisabled('[data-testid=reply-send]')).toBe(true);
    expect(await page.textContent('[data-testid=reply-over]')).toBe(
      'Too long for the platform: shorten the reply to send it.',
    );
    expect(await page.getAttribute('[data-testid=reply-over]', 'aria-live')).toBe('polite');
    // Nor is it sent another way while over.
    await page.evaluate(() => document.querySelector<HTMLFormElement>('#reply-form')?.requestSubmit());
    expect(await page.inputValue('[data-testid=reply-text]')).toBe('a'.repeat(281));

    await page.press('[data-testid=reply-text]', 'Backspace');
    await expect.poll(() => page.textContent('[data-testid=reply-count]')).toBe('280 / 280');
    await expect.poll(() => page.isDisabled('[data-testid=reply-send]')).toBe(false);
    expect(await page.textContent('[data-testid=reply-over]')).toBe('');
    await page.click('[data-testid=reply-send]');
    await page.locator('[data-testid=thread-reply]').waitFor();
    // The notice of the form before does not linger once a reply is sent.
    expect(await page.isVisible('.flash.ok')).toBe(false);
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
  });

  it('fits a phone with the snooze menu open', async () => {
    const page = await pageAs(375);
    await page.goto(`${server.url}/inbox/c/${await idOf('third')}`);
    await page.click('[data-testid=snooze-menu] summary');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    // Nor does anything stick out of its box, unless the box scrolls on purpose.
    expect(await stickingOut(page, '#conversation-pane')).toEqual([]);
    await page.screenshot({ path: 'test-results/conversation-snooze-375.png', fullPage: true });
  });
});
