import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { sidewaysScroll } from '../helpers/layout';
import { listen } from '../helpers/http-server';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * A day in the inbox, in Chromium at 1280×900: compact rows (a dozen and more above the fold), the split view
 * driven from the keyboard (j, o, e → the next opens; Undo puts it back), new conversations waiting behind a
 * "3 new — show" banner instead of pushing rows, single-key shortcuts turned off in the profile, the skip link,
 * and the full conversation page on a phone.
 */
let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let workspaceId = '';
let ownerToken = '';
const errors: string[] = [];
const dialogs: string[] = [];

const SUBJECTS = [
  'my order never arrived and nobody answers',
  'love the new dashboard, great work',
  'how do I export my invoices?',
  'the app crashes when I open settings',
  'can I change my plan mid-month?',
  'refund still not here after two weeks',
  'is there a dark mode coming?',
  'billing charged me twice this month',
  'your support team was really helpful today',
  'password reset mail never comes',
  'does the API have rate limits?',
  'the android widget is broken again',
  'thanks for fixing the sync bug',
  'where can I download my data?',
];

const post = (i: number, text: string, minutesAgo: number) =>
  socialPost({
    externalId: `split-${i}`,
    text: `@acme ${text}`,
    createdAt: new Date(Date.now() - minutesAgo * 60_000),
    author: socialAuthor({ externalId: `author-${i}`, handle: `person${i}`, name: `Person ${i}` }),
  });

const ingest = (posts: ReturnType<typeof post>[]) =>
  ingestPosts(t.deps, { workspaceId, sourceId: null, platform: 'x', topics: [] }, posts);

const statusOf = async (id: string) =>
  (
    await t.db
      .select({ status: conversations.status })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)))
  )[0]?.status;

const rowIds = (p: Page) =>
  p.locator('[data-testid=conversation-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
const openParam = (p: Page) => new URL(p.url()).searchParams.get('open');

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Split Desk');
  workspaceId = ws.workspace.id;
  ownerToken = ws.token;
  await ingest(SUBJECTS.map((s, i) => post(i, s, 60 + i * 5)));
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

describe('the inbox at 1280×900', () => {
  it('shows ≥ 12 one-line rows above the fold, chips on their line, the bulk bar once a row is ticked', async () => {
    await signIn(page, server.url, 'owner@splitdesk.test', PASSWORD);
    await page.waitForSelector('html[data-live=ready]');
    const boxes = await page.locator('[data-testid=conversation-row]').evaluateAll((rows) =>
      rows.map((r) => {
        const box = r.getBoundingClientRect();
        const chip = r.querySelector('[data-testid=conversation-sentiment]')?.getBoundingClientRect();
        const subject = r.querySelector('.conv-subject')!.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, height: box.height, chipTop: chip?.top, subjectTop: subject.top };
      }),
    );
    expect(boxes.filter((b) => b.bottom <= 900).length).toBeGreaterThanOrEqual(12);
    for (const b of boxes) {
      expect(b.height).toBeLessThan(48);
      // The chip sits on the subject's line, not below it.
      expect(Math.abs((b.chipTop ?? 0) - b.subjectTop)).toBeLessThan(12);
    }
    const actions = page.locator('.bulk-actions');
    expect(await actions.isVisible()).toBe(false);
    await page.locator('[data-testid=conversation-row] input[name=ids]').first().check();
    expect(await actions.isVisible()).toBe(true);
    await page.locator('[data-testid=conversation-row] input[name=ids]').first().uncheck();
    expect(await actions.isVisible()).toBe(false);
    await page.screenshot({ path: 'test-results/inbox-compact.png' });
  });

  it('folds the filters into a bar and shows each active one as a chip that removes it', async () => {
    await page.goto(`${server.url}/inbox?sentiment=negative&sort=waiting`);
    const chips = page.locator('[data-testid=filter-chips] .chip');
    expect(await chips.allTextContents()).toEqual(['Sentiment: negative✕', 'Sort: Longest waiting✕']);
    expect(await page.locator('[data-testid=more-filters] summary').textContent()).toBe('Filters (1)');
    expect(await page.locator('.filter-panel').isVisible()).toBe(false);
    await chips.first().locator('a').click();
    await page.waitForURL(`${server.url}/inbox?sort=waiting`);
    await page.goto(`${server.url}/inbox`);
    await page.waitForSelector('html[data-live=ready]');
  });

  it('opens the selected conversation beside the list (j, o), closes it (e), opens the next; Undo undoes', async () => {
    const [first, second] = (await rowIds(page)) as string[];
    await page.locator('body').click({ position: { x: 600, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await page.waitForURL((u) => u.searchParams.get('open') === first);
    const pane = page.locator('#split-pane');
    await expect
      .poll(() => pane.locator('[data-testid=conversation-subject]').textContent())
      .toContain(SUBJECTS[0]!.slice(0, 20));
    // The list stays on the left, the conversation sits on the right.
    const list = await page.locator('#inbox-list').boundingBox();
    const right = await pane.boundingBox();
    expect(list!.x + list!.width).toBeLessThanOrEqual(right!.x);
    await page.screenshot({ path: 'test-results/inbox-split.png' });

    await page.keyboard.press('e');
    await page.waitForURL((u) => u.searchParams.get('open') === second);
    await expect
      .poll(() => pane.locator('[data-testid=conversation-subject]').textContent())
      .toContain(SUBJECTS[1]!.slice(0, 20));
    await expect.poll(() => statusOf(first!)).toBe('closed');
    await expect.poll(async () => (await rowIds(page)).includes(first!)).toBe(false);
    const toast = page.locator('[data-testid=toast]').last();
    expect(await toast.textContent()).toContain(`Closed “@acme ${SUBJECTS[0]}”.`);

    await toast.locator('[data-testid=toast-undo]').click();
    await expect.poll(() => statusOf(first!)).toBe('open');
    await expect.poll(async () => (await rowIds(page))[0]).toBe(first);
    await expect.poll(() => toast.textContent()).toBe('Undone.');
    // Undo brings the conversation back into the pane, and back and forward walk what was opened.
    await page.waitForURL((u) => u.searchParams.get('open') === first);
    await page.goBack();
    await expect.poll(() => openParam(page)).toBe(second);
    await expect
      .poll(() => pane.locator('[data-testid=conversation-subject]').textContent())
      .toContain(SUBJECTS[1]!.slice(0, 20));
    await page.keyboard.press('Escape');
    await expect.poll(() => pane.isVisible()).toBe(false);
    expect(openParam(page)).toBeNull();
  });

  it('assigns with a and offers Undo, which puts back no assignee', async () => {
    const [first] = (await rowIds(page)) as string[];
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    const row = page.locator(`[data-testid=conversation-row][data-id="${first}"]`);
    await expect.poll(() => row.locator('[data-testid=assignee]').textContent()).toBe('→ Split Desk Owner');
    const toast = page.locator('[data-testid=toast]').last();
    expect(await toast.textContent()).toContain('to you.');
    await page.keyboard.press('z');
    await expect.poll(() => row.locator('[data-testid=assignee]').textContent()).toBe('Unassigned');
  });

  it('holds new conversations behind a "3 new — show" banner and shows them when asked', async () => {
    const before = await rowIds(page);
    await ingest([post(100, 'first new one', 0), post(101, 'second new one', 0), post(102, 'third new one', 0)]);
    const banner = page.locator('[data-testid=new-items]');
    await expect.poll(() => banner.textContent()).toBe('3 new conversations — show');
    expect(await banner.isVisible()).toBe(true);
    expect(await page.locator('#inbox-news').getAttribute('aria-live')).toBe('polite');
    // Nothing moved under the reader.
    expect(await rowIds(page)).toEqual(before);
    await page.screenshot({ path: 'test-results/inbox-new-banner.png' });
    await banner.click();
    await expect.poll(async () => (await rowIds(page)).length).toBe(before.length + 3);
    expect(await page.locator('[data-testid=conversation-row] .conv-subject').first().textContent()).toContain(
      'new one',
    );
    expect(await banner.isVisible()).toBe(false);
  });

  it('opens the next conversation when the pane’s own Close takes the open one off the list', async () => {
    const [first, second] = (await rowIds(page)) as string[];
    await page.locator(`[data-testid=conversation-row][data-id="${first}"] .conv-subject`).click();
    await page.waitForURL((u) => u.searchParams.get('open') === first);
    await page.locator('#split-pane [data-testid=close]').click();
    await page.waitForURL((u) => u.searchParams.get('open') === second);
    await expect.poll(() => statusOf(first!)).toBe('closed');
    await expect.poll(() => page.locator('#split-pane').getAttribute('hidden')).toBeNull();
  });

  it('turns single-key shortcuts off in the profile, and then no single key acts', async () => {
    await page.goto(`${server.url}/settings/profile`);
    await page.locator('[data-testid=profile-shortcuts]').uncheck();
    await page.locator('[data-testid=profile-after-list]').check();
    await page.click('[data-testid=profile-form] button[type=submit]');
    await page.waitForURL(/ok=saved/);
    expect(await page.locator('[data-testid=profile-shortcuts]').isChecked()).toBe(false);
    expect(await page.locator('[data-testid=profile-after-list]').isChecked()).toBe(true);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me).toMatchObject({ keyboardShortcuts: false, afterTriage: 'list' });

    await page.goto(`${server.url}/inbox`);
    await page.waitForSelector('html[data-live=ready]');
    await page.locator('body').click({ position: { x: 600, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('e');
    await page.keyboard.press('?');
    expect(await page.locator('.conv-row.kbd-selected').count()).toBe(0);
    expect(await page.locator('[data-testid=keyboard-help]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=toast]').count()).toBe(0);
  });

  it('goes back to the list after a close in the pane when the profile says so', async () => {
    const [first] = (await rowIds(page)) as string[];
    await page.locator(`[data-testid=conversation-row][data-id="${first}"] .conv-subject`).click();
    await page.waitForURL((u) => u.searchParams.get('open') === first);
    await page.locator('#split-pane [data-testid=close]').click();
    await page.waitForURL((u) => u.searchParams.get('open') === null);
    expect(await page.locator('#split-pane').isVisible()).toBe(false);
    await expect.poll(() => statusOf(first!)).toBe('closed');
  });

  it('offers a skip link as the first stop of the keyboard, which lands in the page', async () => {
    await page.goto(`${server.url}/inbox`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    expect(await page.locator('[data-testid=skip-link]').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('opens the full conversation page on a phone and fits 375 px', async () => {
    await t.request('PATCH', '/api/v1/me', { token: ownerToken, body: { keyboardShortcuts: true } });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/inbox?sentiment=negative`);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/inbox-phone-compact.png', fullPage: true });
    await page.locator('[data-testid=conversation-link]').first().click();
    await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
