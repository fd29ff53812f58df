import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdea, setVote } from '../../src/community/ideas.service';
import { ingestPosts } from '../../src/ingest/pipeline';
import { communityBySlug, signUp, verifyEmail } from '../../src/community/members.service';
import type { MemberInfo } from '../../src/http/env';
import { type FakeSmtp, startFakeSmtp } from '../fakes/smtp-server';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { socialPost } from '../helpers/posts';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, recordingMailer, type TestContext } from '../helpers/test-app';

let t: TestContext;
let smtp: FakeSmtp;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];
let slug: string;
let workspaceId: string;
let olderId: string;
const errors: string[] = [];
const dialogs: string[] = [];

async function page(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  contexts.push(ctx);
  const p = await ctx.newPage();
  watchPage(p, { errors, dialogs, ignore: /status of 4\d\d/ });
  return p;
}

/** A member who already confirmed their email (seeded through the same services the pages use). */
async function seededMember(name: string, email: string): Promise<MemberInfo> {
  const mailer = recordingMailer();
  const community = await communityBySlug(t.db, slug);
  const deps = { db: t.db, mailer, logger: t.deps.logger };
  await signUp(
    deps,
    community,
    { email, password: PASSWORD, displayName: name },
    { ip: `seed-${email}`, baseUrl: server.url, now: new Date() },
  );
  const m = await verifyEmail(deps, community, /token=([\w-]+)/.exec(mailer.sent[0]!.text)![1]!, new Date());
  return { id: m.id, workspaceId: m.workspaceId, email, displayName: name, verified: true, csrfToken: '' };
}

async function memberLogin(p: Page, email: string) {
  await p.goto(`${server.url}/c/${slug}/login`);
  await p.fill('input[name=email]', email);
  await p.fill('input[name=password]', PASSWORD);
  await p.click('[data-testid=member-login-form] button[type=submit]');
  await p.waitForURL(`${server.url}/c/${slug}`);
}

const mailTo = async (to: string) => {
  await expect.poll(() => smtp.lastTo(to) !== undefined).toBe(true);
  return smtp.lastTo(to)!;
};

beforeAll(async () => {
  smtp = await startFakeSmtp();
  t = await createTestContext({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Board Co <community@board.test>' } });
  ({ slug, id: workspaceId } = (await t.seedWorkspace('Board Co')).workspace);
  server = await listen(t);
  const olga = await seededMember('Olga', 'olga@board.test');
  const bo = await seededMember('Bo', 'bo@board.test');
  const ctx = async (m: MemberInfo) => ({
    deps: t.deps,
    community: await communityBySlug(t.db, slug),
    member: m,
    baseUrl: server.url,
    now: new Date(Date.now() - 86_400_000),
  });
  const older = await createIdea(await ctx(olga), {
    title: 'Dark theme for the dashboard',
    body: 'Easier on the eyes at night',
  });
  olderId = older.id;
  await setVote(t.db, (await ctx(bo)).community, bo, older.id, true, new Date());
  ({ browser, close: closeBrowser } = await launchBrowser());
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await closeBrowser?.();
  await server?.close();
  await t?.close();
  await smtp?.close();
});

describe('the community board in Chromium', () => {
  let mia: Page;
  let bo: Page;
  let ideaUrl: string;

  it('signs a member up, confirms the emailed link and posts an idea, seeing a similar one while typing', async () => {
    mia = await page();
    await mia.goto(`${server.url}/c/${slug}/signup`);
    await mia.fill('input[name=displayName]', 'Mia');
    await mia.fill('input[name=email]', 'mia@board.test');
    await mia.fill('input[name=password]', PASSWORD);
    await mia.click('[data-testid=signup-form] button[type=submit]');
    await mia.locator('[data-testid=check-email]').waitFor();
    const link = /(http:\/\/127\.0\.0\.1:\d+\/c\/[\w-]+\/verify\?token=[\w-]+)/.exec(
      await mailTo('mia@board.test'),
    )![1]!;
    // The confirmation link signs her in: she lands on the board, ready to post.
    await mia.goto(link);
    await mia.waitForURL(`${server.url}/c/${slug}?ok=verified`);
    expect(await mia.textContent('.flash.ok')).toContain('Your email is confirmed');
    await mia.locator('[data-testid=member-avatar]').waitFor();

    await mia.click('[data-testid=new-idea]');
    await mia.fill('input[name=title]', 'Dark mode <script>alert(1)</script>');
    await mia.locator('[data-testid=similar-idea]', { hasText: 'Dark theme for the dashboard' }).waitFor();
    await mia.fill('textarea[name=body]', 'Please add a dark mode, the white background hurts at night');
    await mia.click('[data-testid=idea-form] button[type=submit]');
    await mia.waitForURL(/\/ideas\/[0-9a-f-]{36}\?ok=posted$/);
    ideaUrl = mia.url().split('?')[0]!;
    expect(await mia.textContent('[data-testid=idea-title]')).toBe('Dark mode <script>alert(1)</script>');
    expect(await mia.textContent('[data-testid=vote-count]')).toBe('1');
    // Her idea counts her vote, and the page says so.
    expect(await mia.textContent('.flash.ok')).toContain('Your idea is posted, with your vote.');
    expect(await mia.textContent('[data-testid=own-vote]')).toBe('Your idea has your vote.');
    await mia.getByRole('button', { name: 'Voted (1 vote)', pressed: true }).waitFor();
    await mia.screenshot({ path: 'test-results/community-idea.png', fullPage: true });
  });

  it('lets a second member vote once', async () => {
    bo = await page();
    await memberLogin(bo, 'bo@board.test');
    await bo.goto(ideaUrl);
    expect(await bo.textContent('[data-testid=vote-word]')).toBe('Vote');
    await bo.getByRole('button', { name: 'Vote (1 vote)', pressed: false }).click();
    await bo.waitForURL(/ok=voted/);
    expect(await bo.textContent('[data-testid=vote-count]')).toBe('2');
    expect(await bo.textContent('[data-testid=vote-word]')).toBe('Voted');
    expect(await bo.getAttribute('[data-testid=vote-button]', 'aria-pressed')).toBe('true');
    await bo.getByRole('button', { name: 'Voted (2 votes)', pressed: true }).waitFor();
    expect(await bo.locator('[data-testid=own-vote]').count()).toBe(0);
  });

  it('staff merge it into the older duplicate Bo voted for (one vote more, not two), then plan it, noted', async () => {
    const staff = await page();
    await signIn(staff, server.url, 'owner@boardco.test', PASSWORD);
    await staff.goto(`${server.url}/community`);
    expect(await staff.locator('[data-testid=staff-idea-row]').count()).toBe(2);
    await staff.goto(`${server.url}/community/ideas/${ideaUrl.split('/').pop()}`);
    await staff.selectOption('[data-testid=merge-form] select[name=into]', olderId);
    await staff.click('[data-testid=merge-form] button[type=submit]');
    await staff.waitForURL(`${server.url}/community/ideas/${olderId}?ok=merged`);
    // Olga and Bo had voted for it; Mia's vote comes over, Bo's counts once.
    expect(await staff.textContent('[data-testid=supporters]')).toBe('3');
    expect(await staff.locator('text=3 votes').count()).toBeGreaterThan(0);

    await staff.selectOption('[data-testid=idea-status-form] select[name=status]', 'planned');
    await staff.fill('[data-testid=idea-status-form] textarea[name=statusNote]', 'Coming in the May release');
    await staff.click('[data-testid=idea-status-form] button[type=submit]');
    await staff.waitForURL(/ok=saved$/);
    await staff.screenshot({ path: 'test-results/community-staff-idea.png', fullPage: true });
  });

  it('shows the idea on the public roadmap, and its voters have a notification (and an email)', async () => {
    await bo.goto(`${server.url}/c/${slug}/roadmap`);
    expect(await bo.locator('[data-testid=roadmap-planned] a').allTextContents()).toEqual([
      'Dark theme for the dashboard',
    ]);
    expect(await bo.textContent('[data-testid=member-notifications] .badge')).toBe('1');
    await bo.click('[data-testid=member-notifications]');
    expect(await bo.locator('[data-testid=member-notification]').allTextContents()).toEqual([
      expect.stringContaining('“Dark theme for the dashboard” is now Planned: Coming in the May release'),
    ]);
    await mia.goto(`${server.url}/c/${slug}/notifications`);
    expect(await mia.locator('[data-testid=member-notification]').count()).toBe(1);
    expect(await mailTo('bo@board.test')).toContain('An idea you voted for changed: Planned.');
    // The merged idea's page leads to the one it went into.
    await mia.goto(ideaUrl);
    await mia.waitForURL(new RegExp(`/ideas/${olderId}$`));
    expect(await mia.textContent('[data-testid=status-note]')).toContain('Coming in the May release');
    await bo.screenshot({ path: 'test-results/community-roadmap.png', fullPage: true });
  });

  it('says why a mention is suggested, leaves an unrelated one unchosen, and sets it aside in one click', async () => {
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await ingestPosts(t.deps, { workspaceId, sourceId: null, platform: 'mastodon', topics: [] }, [
      socialPost({ externalId: 'dm', text: 'please add a dark theme to the dashboard', createdAt: at(1) }),
      socialPost({ externalId: 'pdf', text: 'Would love an export to PDF feature please', createdAt: at(2) }),
    ]);
    const staff = await page();
    await signIn(staff, server.url, 'owner@boardco.test', PASSWORD);
    await staff.goto(`${server.url}/community/suggested`);
    const dark = staff.locator('[data-testid=suggestion]', { hasText: 'dark theme to the dashboard' });
    const pdf = staff.locator('[data-testid=suggestion]', { hasText: 'export to PDF' });
    expect(await dark.locator('[data-testid=suggestion-match]').textContent()).toContain(
      'Closest idea: “Dark theme for the dashboard”, a close match',
    );
    expect(await dark.locator('select[name=ideaId]').inputValue()).toBe(olderId);
    expect(await pdf.locator('[data-testid=suggestion-why]').textContent()).toBe(
      'Suggested because the analyzer reads it as a feature request, about export and pdf.',
    );
    // Nothing is chosen for an unrelated post: Link as evidence waits for the person's pick.
    expect(await pdf.locator('select[name=ideaId]').inputValue()).toBe('');
    await pdf.locator('[data-testid=link-evidence]').click();
    expect(await pdf.locator('select[name=ideaId]').evaluate((el: HTMLSelectElement) => el.validity.valueMissing)).toBe(
      true,
    );
    expect(staff.url()).toBe(`${server.url}/community/suggested`);
    // One click sets it aside; no dialog asks, and the page comes back at the next post.
    await pdf.getByRole('button', { name: /^Set aside the post by / }).click();
    await staff.waitForURL(/\/community\/suggested\?ok=dismissed/);
    expect(await staff.locator('[data-testid=suggestion]', { hasText: 'export to PDF' }).count()).toBe(0);
    expect(await staff.textContent('.flash.ok')).toContain('Set aside.');
    await staff.screenshot({ path: 'test-results/community-suggested.png', fullPage: true });
    await staff.setViewportSize({ width: 375, height: 812 });
    await staff.goto(`${server.url}/community/suggested`);
    expect(await staff.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await staff.screenshot({ path: 'test-results/community-suggested-phone.png', fullPage: true });
  });

  it('fits a phone screen', async () => {
    await bo.setViewportSize({ width: 375, height: 812 });
    for (const path of [`/c/${slug}`, `/c/${slug}/ideas/${olderId}`, `/c/${slug}/roadmap`, `/c/${slug}/reviews`]) {
      await bo.goto(`${server.url}${path}`);
      expect(
        await bo.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        path,
      ).toBeLessThanOrEqual(0);
    }
    await bo.goto(`${server.url}/c/${slug}`);
    await bo.screenshot({ path: 'test-results/community-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
