import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConnectors } from '../../src/connectors/registry';
import { loadAnalyzer } from '../../src/sentiment';
import { pollSource } from '../../src/sources/poller';
import { type FakeGooglePlay, type TestServiceAccountKey, startFakeGooglePlay } from '../fakes/google-play-server';
import { type FakeGoogleReviews, startFakeGoogleReviews } from '../fakes/google-reviews-server';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/linkedin-server';
import { type FakeYouTube, startFakeYouTube } from '../fakes/youtube-server';
import { launchBrowser, signIn, watchPage } from '../helpers/browser';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * Reviews and the owned channels of issue 17 end to end in Chromium: a Google Play source is added on the
 * Settings form with its key file (tried once on save), a Google Business Profile source through the API; a
 * 1-star Play review and a 2-star Google review open conversations, are answered from them and reach each fake
 * exactly once under the right review; the ratings report puts both platforms side by side with their own
 * averages. A comment under the LinkedIn Page's post is answered as the Page; a YouTube comment is held for
 * review from its conversation. The conversation fits a phone screen.
 */
let t: TestContext;
let play: FakeGooglePlay;
let google: FakeGoogleReviews;
let li: FakeLinkedIn;
let yt: FakeYouTube;
let server: Awaited<ReturnType<typeof listen>>;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let token: string;
let playKey: TestServiceAccountKey;
const errors: string[] = [];
const dialogs: string[] = [];
const PACKAGE = 'com.acme.outdoor';
const MINUTE = 60_000;

async function addSource(body: Record<string, unknown>): Promise<string> {
  const res = await t.request('POST', '/api/v1/sources', { token, body });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

async function poll(sourceId: string) {
  const r = await pollSource(t.deps, sourceId, { force: true });
  expect(r).toMatchObject({ status: 'ok' });
  return r;
}

/** Opens the inbox conversation whose row shows this text. */
async function openConversation(text: string) {
  await page.goto(`${server.url}/inbox`);
  const row = page.locator('[data-testid=conversation-row]', { hasText: text });
  // At this width a click opens the split view; this test works on the conversation's own page.
  const href = await row.locator('[data-testid=conversation-link]').getAttribute('href');
  await page.goto(`${server.url}${href}`);
  await page.waitForURL(/\/inbox\/c\/[0-9a-f-]{36}$/);
  await page.waitForSelector('html[data-live=ready]');
  expect(await page.textContent('[data-testid=thread-inbound] .tl-text')).toContain(text);
}

/** Types a reply in the composer, sends it and waits until the outbox says it went out. */
async function reply(text: string) {
  await page.fill('[data-testid=reply-text]', text);
  await page.dblclick('[data-testid=reply-send]');
  await page.locator('[data-testid=thread-reply][data-status=sent]').waitFor();
  expect(await page.locator('[data-testid=thread-reply]').count()).toBe(1);
}

beforeAll(async () => {
  [play, google, li, yt] = await Promise.all([
    startFakeGooglePlay(),
    startFakeGoogleReviews(),
    startFakeLinkedIn(),
    startFakeYouTube(),
  ]);
  t = await createTestContext({ connectors: defaultConnectors() });
  ({ token } = await t.seedWorkspace('Review Desk'));
  playKey = await play.addServiceAccount({ packages: [PACKAGE] });
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
  await Promise.all([play?.close(), google?.close(), li?.close(), yt?.close()]);
  await t?.close();
});

describe('reviews, LinkedIn and YouTube in Chromium', () => {
  const playReviews: Record<string, string> = {};
  let googleLow = '';

  it('adds the Google Play source on the Settings form with its key file, which is tried once on save', async () => {
    await signIn(page, server.url, 'owner@reviewdesk.test', PASSWORD);
    await page.goto(`${server.url}/settings/sources`);
    await page.click('a[href="/settings/sources/new?platform=google_play"]');
    await page.fill('input[name="name"]', 'Acme app on Play');
    await page.fill('input[name="config.packageName"]', PACKAGE);
    await page.fill('input[name="config.baseUrl"]', play.url);
    await page.fill('input[name="config.tokenUrl"]', play.tokenUrl);
    await page.setInputFiles('input[name="credentials.serviceAccountJson"]', {
      name: 'acme-play-key.json',
      mimeType: 'application/json',
      buffer: Buffer.from(playKey.json),
    });
    await page.click('form[action="/settings/sources"] button[type=submit]');
    await page.waitForURL(/\/settings\/sources\/[0-9a-f-]{36}(\?|$)/);
    // Tried once: one sign-in with the uploaded key and one read of a single review, nothing more.
    expect(play.requests.filter((q) => q.path === '/token')).toHaveLength(1);
    const reads = play.requests.filter((q) => q.path === `/androidpublisher/v3/applications/${PACKAGE}/reviews`);
    expect(reads.map((q) => q.query.get('maxResults'))).toEqual(['1']);
    // The key is kept sealed, never shown again.
    expect(await page.content()).not.toContain(playKey.privateKeyId);

    const now = Date.now();
    const add = (text: string, starRating: number, at: number) =>
      (playReviews[text] = play.addReview({ packageName: PACKAGE, text, starRating, lastModified: at }).reviewId);
    add('Crashes every time I open the map. Useless.', 1, now - 30 * MINUTE);
    add('Works well on my phone, very handy.', 4, now - 20 * MINUTE);
    add('Love it, the best hiking app I have used!', 5, now - 10 * MINUTE);
    await page.click('button:has-text("Poll now")');
    await expect(page.locator('.flash.ok').textContent()).resolves.toContain('3 new');
    expect(await page.textContent('[data-testid=source-health]')).toBe('healthy');
  });

  it('shows the 1-star Play review and the 2-star Google review in the inbox, and answers each once', async () => {
    const { accountId, locationId } = google.addLocation();
    const sourceId = await addSource({
      platform: 'google_reviews',
      name: 'Acme Café on Google',
      config: { accountId, locationIds: [locationId], baseUrl: google.url, tokenUrl: google.tokenUrl },
      credentials: google.grant(),
    });
    const now = Date.now();
    const review = (comment: string, starRating: 'TWO' | 'FOUR' | 'FIVE', minutesAgo: number) =>
      google.addReview({
        accountId,
        locationId,
        comment,
        starRating,
        reviewer: { displayName: 'Guest', isAnonymous: false },
        createTime: now - minutesAgo * MINUTE,
      });
    const low = review('Cold coffee and we waited forty minutes for a table.', 'TWO', 40);
    googleLow = low.name;
    review('Lovely staff and great cakes, thank you!', 'FIVE', 30);
    review('Wonderful breakfast, we will be back.', 'FIVE', 20);
    review('Nice place, friendly service.', 'FOUR', 10);
    expect(await poll(sourceId)).toMatchObject({ inserted: 4 });

    await page.goto(`${server.url}/inbox`);
    const rows = page.locator('[data-testid=conversation-row]');
    await rows.filter({ hasText: 'Crashes every time' }).waitFor();
    await rows.filter({ hasText: 'Cold coffee' }).waitFor();
    // Only the low ones wait in the inbox; the happy reviews are counted, not queued.
    expect(await rows.count()).toBe(2);
    await page.screenshot({ path: 'test-results/reviews-inbox.png', fullPage: true });

    await openConversation('Crashes every time');
    await reply('Sorry about the crashes! Version 2.4.1 fixes the map; please update.');
    const crashId = playReviews['Crashes every time I open the map. Useless.']!;
    expect(Object.fromEntries(play.replies)).toEqual({ [crashId]: 1 });
    const posted = play.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/androidpublisher/'));
    expect(posted.map((q) => decodeURIComponent(q.path))).toEqual([
      `/androidpublisher/v3/applications/${PACKAGE}/reviews/${crashId}:reply`,
    ]);
    expect(JSON.parse(posted[0]!.body)).toEqual({
      replyText: 'Sorry about the crashes! Version 2.4.1 fixes the map; please update.',
    });

    await openConversation('Cold coffee');
    await reply('We are sorry for the wait. Please ask for Mia next time: the coffee is on us.');
    expect(Object.fromEntries(google.replyCounts)).toEqual({ [googleLow]: 1 });
    const puts = google.requests.filter((q) => q.method === 'PUT');
    expect(puts.map((q) => [q.path, JSON.parse(q.body)])).toEqual([
      [
        `/v4/${googleLow}/reply`,
        { comment: 'We are sorry for the wait. Please ask for Mia next time: the coffee is on us.' },
      ],
    ]);
    expect(Object.fromEntries(play.replies)).toEqual({ [crashId]: 1 });
  });

  it('shows Google Play and Google reviews side by side in the ratings report, each with its own average', async () => {
    await page.goto(`${server.url}/reports`);
    // The per-platform lines are in the ratings card's data table, folded until opened.
    await page.click('[data-testid=chart-ratings] summary:has-text("Data table")');
    const table = page.locator('[data-testid=chart-ratings] [data-testid=ratings-by-platform]');
    await table.waitFor();
    const cells = async (platform: string) => {
      const row = table.locator(`tr[data-platform=${platform}]`);
      const [where, reviews, average] = await row.locator('td').allTextContents();
      return { where, reviews: Number(reviews), average: Number(average) };
    };
    // Play: 1, 4 and 5 stars; Google: 2, 5, 5 and 4.
    expect(await cells('google_play')).toEqual({ where: 'Google Play', reviews: 3, average: 3.33 });
    expect(await cells('google_reviews')).toEqual({ where: 'Google reviews', reviews: 4, average: 4 });
    expect(await table.locator('tbody tr').count()).toBe(2);
    await page.screenshot({ path: 'test-results/reviews-ratings.png', fullPage: true });
  });

  it("answers a comment under the LinkedIn Page's post as the organisation, once", async () => {
    const org = li.addOrganization({ name: 'Acme Outdoor' });
    const sourceId = await addSource({
      platform: 'linkedin',
      name: 'Acme on LinkedIn',
      config: { organizationUrn: org.urn, baseUrl: li.url, tokenUrl: li.tokenUrl },
      credentials: { accessToken: li.issueToken().accessToken },
    });
    const post = li.addPost({ author: org.urn, commentary: 'Meet our new 3-season tent' });
    const comment = li.addComment({
      post: post.urn,
      actor: 'urn:li:person:visitor42',
      text: 'Does the tent fit two people with backpacks?',
    });
    expect(await poll(sourceId)).toMatchObject({ inserted: 1 });

    await openConversation('Does the tent fit two people');
    await reply('Yes: two people and their packs fit in the vestibules.');
    expect(li.created).toEqual([
      {
        parent: comment.urn,
        actor: org.urn,
        urn: expect.stringMatching(/^urn:li:comment:/),
        text: 'Yes: two people and their packs fit in the vestibules.',
      },
    ]);
    expect(li.createdUnder(comment.urn, org.urn)).toBe(1);
  });

  it('holds a YouTube comment for review from its conversation, and the conversation fits a phone', async () => {
    const channel = yt.addChannel({ title: 'Acme Outdoor' });
    const grant = yt.addGrant(channel.id);
    const sourceId = await addSource({
      platform: 'youtube',
      name: 'Acme on YouTube',
      config: { channelId: channel.id, search: false, baseUrl: yt.url, tokenUrl: yt.tokenUrl },
      credentials: { clientId: grant.clientId, clientSecret: grant.clientSecret, refreshToken: grant.refreshToken },
    });
    const video = yt.addVideo({ channelId: channel.id, title: 'Pitching the tent in 3 minutes' });
    const comment = yt.addComment({ videoId: video.id, text: 'Cheap tents at tent-deals.example, click now!!' });
    expect(await poll(sourceId)).toMatchObject({ inserted: 1 });

    await openConversation('Cheap tents at tent-deals.example');
    const conversationUrl = page.url();
    await page.click('[data-testid=moderation] button:has-text("Hold for review")');
    await page.locator('[data-testid=post-hidden]').waitFor();
    expect(await page.textContent('[data-testid=post-hidden]')).toBe('held for review');
    expect(yt.moderation).toEqual([{ id: comment.id, status: 'heldForReview' }]);
    expect(yt.comments.find((c) => c.id === comment.id)?.moderationStatus).toBe('heldForReview');
    // Held, it can be published again (and no longer held twice).
    const buttons = await page.locator('[data-testid=moderation] button').allTextContents();
    expect(buttons).toContain('Publish');
    expect(buttons).not.toContain('Hold for review');
    await page.screenshot({ path: 'test-results/reviews-youtube-held.png', fullPage: true });

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(conversationUrl);
    await page.locator('[data-testid=post-hidden]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/reviews-youtube-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
