import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  channelIdFor,
  type FakeYouTube,
  type FakeYtChannel,
  type FakeYtGrant,
  type FakeYtVideo,
  startFakeYouTube,
} from '../../../tests/fakes/youtube-server';
import { testHttp } from '../../../tests/helpers/outbound';
import { nextPacificMidnight } from '../google/google-errors';
import { forgetGoogleTokens } from '../google/google-token';
import type { ConnectorError, Cursor, PollPage } from '../types';
import { youtubeConfigSchema, youtubeConnector, type YouTubeCredentials } from './youtube.connector';

let yt: FakeYouTube;
let channel: FakeYtChannel;
let grant: FakeYtGrant;
let video: FakeYtVideo;

const config = (over: Record<string, unknown> = {}) =>
  youtubeConfigSchema.parse({
    channelId: channel.id,
    baseUrl: yt.url,
    tokenUrl: yt.tokenUrl,
    timeoutMs: 30_000,
    search: false,
    ...over,
  });
const creds = (): YouTubeCredentials => ({
  clientId: grant.clientId,
  clientSecret: grant.clientSecret,
  refreshToken: grant.refreshToken,
});

interface PollOpts {
  config?: Record<string, unknown>;
  queries?: string[];
  now?: Date;
  since?: Date;
}
const poll = (cursor: Cursor | null, o: PollOpts = {}) =>
  youtubeConnector.poll({
    http: testHttp,
    config: config(o.config),
    credentials: creds(),
    cursor,
    plan: { queries: o.queries ?? [], hashtags: [] },
    now: o.now ?? new Date(),
    ...(o.since ? { since: o.since } : {}),
  });

async function sweep(cursor: Cursor | null, o: PollOpts = {}) {
  const pages: PollPage[] = [];
  for (;;) {
    const p = await poll(cursor, o);
    pages.push(p);
    cursor = p.cursor;
    if (!p.more)
      return {
        cursor,
        pages: pages.length,
        posts: pages.flatMap((x) => x.posts),
        skipped: pages.flatMap((x) => x.skipped ?? []),
        removed: pages.flatMap((x) => x.removed ?? []),
      };
    if (pages.length > 100) throw new Error('the sweep never ends');
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ConnectorError,
  );

const word = () => `w${Math.random().toString(36).slice(2, 10)}`;
const hoursAgo = (h: number) => Date.now() - h * 3_600_000;

beforeAll(async () => {
  yt = await startFakeYouTube();
});
afterAll(async () => {
  await yt.close();
});
beforeEach(() => {
  yt.quota.limit = Number.POSITIVE_INFINITY;
  channel = yt.addChannel({ title: `Acme ${word()}` });
  grant = yt.addGrant(channel.id);
  video = yt.addVideo({ channelId: channel.id, title: 'Our new phone' });
});

describe('YouTube connector', () => {
  it('reads every thread across pages, with the replies YouTube leaves out, but not our own', async () => {
    const older = yt.addVideo({ channelId: channel.id, title: 'Last year' });
    for (let i = 0; i < 130; i++) yt.addComment({ videoId: i % 2 ? video.id : older.id, text: `comment ${i}` });
    const busy = yt.addComment({ videoId: video.id, text: 'Battery life?' });
    const replies = Array.from({ length: 8 }, (_, i) =>
      yt.addComment({ videoId: video.id, parentId: busy.id, text: `reply ${i}` }),
    );
    const ours = yt.addComment({
      videoId: video.id,
      parentId: busy.id,
      text: 'About two days',
      author: { channelId: channel.id, name: channel.title },
    });

    const { posts } = await sweep(null);
    const texts = new Set(posts.map((p) => p.text));
    expect(texts.size).toBe(130 + 1 + 8);
    expect(texts.has('About two days')).toBe(false);
    expect(posts.some((p) => p.externalId === ours.id)).toBe(false);

    const top = posts.find((p) => p.externalId === busy.id)!;
    expect(top).toMatchObject({
      kind: 'comment',
      threadExternalId: busy.id,
      replyToExternalId: null,
      url: `https://www.youtube.com/watch?v=${video.id}&lc=${busy.id}`,
      metrics: { replies: 9 },
    });
    expect(top.author).toMatchObject({ name: expect.stringMatching(/^@viewer/), handle: expect.any(String) });
    const last = posts.find((p) => p.externalId === replies[7]!.id)!;
    expect(last).toMatchObject({ kind: 'comment', replyToExternalId: busy.id, threadExternalId: busy.id });

    const threadCalls = yt.requests.filter(
      (r) => r.path === '/youtube/v3/commentThreads' && r.query.get('allThreadsRelatedToChannelId') === channel.id,
    );
    expect(threadCalls.length).toBe(2);
    expect(threadCalls[0]!.query.get('order')).toBe('time');
    expect(threadCalls[0]!.query.get('maxResults')).toBe('100');
    expect(threadCalls[1]!.query.get('pageToken')).toBeTruthy();
    // The three replies beyond the five inline came from comments.list under the top-level comment.
    expect(yt.requests.some((r) => r.path === '/youtube/v3/comments' && r.query.get('parentId') === busy.id)).toBe(
      true,
    );
    // Every call carried the access token the token endpoint handed out.
    expect(threadCalls.every((r) => yt.accessTokens.has(r.headers.authorization!.replace('Bearer ', '')))).toBe(true);
  });

  it("honours the first sweep's since, then reads only threads newer than the read mark", async () => {
    const old = yt.addComment({ videoId: video.id, text: 'from last week', publishedAt: hoursAgo(24 * 6) });
    const recent = yt.addComment({ videoId: video.id, text: 'from yesterday', publishedAt: hoursAgo(20) });
    for (let i = 0; i < 120; i++)
      yt.addComment({ videoId: video.id, text: `busy ${i}`, publishedAt: hoursAgo(10) + i * 60_000 });
    const first = await sweep(null, { since: new Date(hoursAgo(48)) });
    const firstIds = new Set(first.posts.map((p) => p.externalId));
    expect(firstIds.size).toBe(121);
    expect(firstIds.has(recent.id)).toBe(true);
    expect(firstIds.has(old.id)).toBe(false);

    const fresh = yt.addComment({ videoId: video.id, text: 'just now', publishedAt: Date.now() });
    const seen = yt.requests.length;
    const second = await sweep(first.cursor);
    expect(second.posts.map((p) => p.externalId)).toContain(fresh.id);
    expect(second.posts.map((p) => p.externalId)).not.toContain(old.id);
    // The first page of threads reaches back past the mark: the 121 read before are not paged through again.
    const threadCalls = yt.requests.slice(seen).filter((r) => r.path === '/youtube/v3/commentThreads');
    expect(threadCalls).toHaveLength(1);
  });

  it('searches videos for the topics, reads their comments, and skips a video whose comments are off', async () => {
    const topic = word();
    const other = yt.addChannel({ title: 'Reviewer' });
    const review = yt.addVideo({ channelId: other.id, title: `Honest ${topic} review`, description: 'Long test.' });
    const quiet = yt.addVideo({ channelId: other.id, title: `${topic} unboxing`, commentsDisabled: true });
    yt.addVideo({ channelId: other.id, title: `${topic} giveaway`, description: 'spam' });
    const c = yt.addComment({ videoId: review.id, text: 'Mine broke after a week' });

    const { posts, skipped } = await sweep(null, { config: { search: true }, queries: [`${topic} -giveaway`] });
    const found = posts.find((p) => p.externalId === `video:${review.id}`)!;
    expect(found).toMatchObject({
      kind: 'post',
      title: `Honest ${topic} review`,
      text: `Honest ${topic} review\n\nLong test.`,
      author: { externalId: other.id, name: 'Reviewer' },
      url: `https://www.youtube.com/watch?v=${review.id}`,
    });
    expect(posts.some((p) => p.title?.includes('giveaway'))).toBe(false);
    expect(posts.find((p) => p.externalId === c.id)).toMatchObject({
      kind: 'comment',
      threadExternalId: c.id,
      raw: expect.objectContaining({ video: { id: review.id, title: `Honest ${topic} review` } }),
    });
    expect(skipped).toContainEqual({
      externalId: `video:${quiet.id}`,
      reason: expect.stringMatching(/commentsDisabled/),
    });
    const search = yt.requests.find((r) => r.path === '/youtube/v3/search' && r.query.get('q')?.includes(topic))!;
    expect(Object.fromEntries(search.query)).toMatchObject({ type: 'video', order: 'date', maxResults: '50' });
    expect(search.query.get('publishedAfter')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('spaces searches over the day within half the quota, and quota() reports the units polls used', async () => {
    const topic = word();
    const searches = () => yt.requests.filter((r) => r.path === '/youtube/v3/search' && r.query.get('q') === topic);
    const o = (now: Date) => ({ config: { search: true, dailyQuota: 1000 }, queries: [topic], now });
    // Half of 1,000 units is five searches a day: one query is searched every 4.8 hours. The clock starts at
    // 1 a.m. Pacific, so the five hours below stay inside one quota day.
    const start = new Date(nextPacificMidnight(new Date()).getTime() + 3_600_000);
    const before = yt.quota.used;
    const first = await sweep(null, o(start));
    expect(searches()).toHaveLength(1);
    const soon = await sweep(first.cursor, o(new Date(start.getTime() + 3_600_000)));
    expect(searches()).toHaveLength(1);
    const report = youtubeConnector.quota!(soon.cursor, new Date(start.getTime() + 3_600_000));
    expect(report.limit).toBe(1000);
    expect(report.used).toBe(yt.quota.used - before);
    expect(report.used).toBeGreaterThanOrEqual(100);
    const later = await sweep(soon.cursor, o(new Date(start.getTime() + 5 * 3_600_000)));
    expect(searches()).toHaveLength(2);
    expect(youtubeConnector.quota!(later.cursor, new Date(start.getTime() + 5 * 3_600_000)).used).toBe(
      yt.quota.used - before,
    );

    // A quota whose half cannot pay for one search never searches.
    await sweep(null, { config: { search: true, dailyQuota: 150 }, queries: [topic] });
    expect(searches()).toHaveLength(2);
    // A new Pacific day starts the count again.
    const tomorrow = new Date(nextPacificMidnight(start).getTime() + 60_000);
    expect(youtubeConnector.quota!(later.cursor, tomorrow)).toEqual({
      used: 0,
      limit: 1000,
      resetsAt: nextPacificMidnight(tomorrow),
    });
  });

  it("fails rate_limited until midnight Pacific, without calling, once the reads' share is spent", async () => {
    yt.addComment({ videoId: video.id, text: 'hello' });
    const now = new Date();
    const o = { config: { dailyQuota: 100 }, now };
    const before = yt.quota.used;
    let cursor: Cursor | null = null;
    let err: ConnectorError | null = null;
    for (let i = 0; i < 200 && !err; i++) {
      try {
        cursor = (await poll(cursor, o)).cursor;
      } catch (e) {
        err = e as ConnectorError;
      }
    }
    expect(err?.kind).toBe('rate_limited');
    expect(err?.details.resetAt).toEqual(nextPacificMidnight(now));
    // Exactly the day's units were spent, not one more.
    expect(yt.quota.used - before).toBe(100);
    expect(youtubeConnector.quota!(cursor, now).used).toBe(100);
    const calls = yt.requests.length;
    await failure(poll(cursor, o));
    expect(yt.requests.length).toBe(calls);
    // After midnight Pacific the count starts again.
    const after = new Date(nextPacificMidnight(now).getTime() + 1000);
    const next = await poll(cursor, { ...o, now: after });
    expect(youtubeConnector.quota!(next.cursor, after)).toMatchObject({
      used: 1,
      resetsAt: nextPacificMidnight(after),
    });
  });

  it("maps YouTube's quotaExceeded to rate_limited until midnight Pacific", async () => {
    yt.quota.limit = yt.quota.used;
    const e = await failure(poll(null));
    expect(e.kind).toBe('rate_limited');
    expect(e.details.resetAt).toEqual(nextPacificMidnight(new Date()));
    expect(e.message).not.toMatch(/<a href/);
  });

  it('an access token YouTube no longer accepts, and a revoked refresh token, are auth errors', async () => {
    await sweep(null);
    yt.expireAccessTokens();
    const expired = await failure(poll(null));
    expect(expired.kind).toBe('auth');
    expect(expired.details.status).toBe(401);

    yt.revokeGrant(grant.refreshToken);
    forgetGoogleTokens();
    const revoked = await failure(poll(null));
    expect(revoked.kind).toBe('auth');
    expect(revoked.message).toMatch(/invalid_grant/);
  });

  it('brings an edited comment back with its new text, and reports a deleted one as removed', async () => {
    const a = yt.addComment({ videoId: video.id, text: 'Great phone' });
    const b = yt.addComment({ videoId: video.id, text: 'Rude words' });
    const r = yt.addComment({ videoId: video.id, parentId: a.id, text: 'Agreed' });
    const first = await sweep(null);
    expect(first.removed).toEqual([]);

    yt.editComment(a.id, 'Great phone, but the battery is weak');
    yt.deleteComment(b.id);
    const second = await sweep(first.cursor);
    const edited = second.posts.filter((p) => p.externalId === a.id);
    expect(edited.at(-1)?.text).toBe('Great phone, but the battery is weak');
    expect(second.removed).toEqual([b.id]);
    expect(second.posts.find((p) => p.externalId === r.id)).toMatchObject({ replyToExternalId: a.id });
    const recheck = yt.requests.filter((q) => q.path === '/youtube/v3/comments' && q.query.getAll('id').length > 0);
    expect(recheck.at(-1)!.query.getAll('id')).toEqual(expect.arrayContaining([a.id, b.id, r.id]));

    // Gone ids are not asked about again.
    await sweep(second.cursor);
    expect(
      yt.requests
        .filter((q) => q.path === '/youtube/v3/comments')
        .at(-1)!
        .query.getAll('id'),
    ).not.toContain(b.id);
  });

  it('keeps unicode and a 5,000-character comment intact', async () => {
    const long = `${'Ünïcødé 🎉 日本語 '.repeat(333)}end!!`;
    expect(long.length).toBe(5000);
    const c = yt.addComment({ videoId: video.id, text: long });
    const e = yt.addComment({ videoId: video.id, text: 'Zażółć gęślą jaźń 👍🏽 <b>&amp;</b>' });
    const { posts } = await sweep(null);
    expect(posts.find((p) => p.externalId === c.id)?.text).toBe(long);
    expect(posts.find((p) => p.externalId === e.id)?.text).toBe('Zażółć gęślą jaźń 👍🏽 <b>&amp;</b>');
  });

  it('replies exactly once under the top-level comment, and finds that reply instead of posting twice', async () => {
    const top = yt.addComment({ videoId: video.id, text: 'Does it ship to Austria?' });
    const second = yt.addComment({ videoId: video.id, parentId: top.id, text: 'Also to Italy?' });
    const { posts } = await sweep(null);
    const post = posts.find((p) => p.externalId === second.id)!;
    const ctx = {
      http: testHttp,
      config: config(),
      credentials: creds(),
      inReplyTo: {
        externalId: post.externalId,
        authorHandle: post.author.handle,
        threadExternalId: post.threadExternalId,
        raw: post.raw,
      },
      text: 'Yes, to both — within 3 days! 🚚',
      outbox: { replyId: 'r1', queuedAt: new Date() },
    };
    expect(await youtubeConnector.findReply!(ctx)).toBeNull();
    const made = await youtubeConnector.reply!(ctx);
    // YouTube's replies are flat: the answer to a reply goes under the top-level comment.
    expect(yt.replies).toContainEqual({ parentId: top.id, text: ctx.text, id: made.externalId });
    expect(yt.replyCount(top.id)).toBe(1);
    expect(made.url).toBe(`https://www.youtube.com/watch?v=${video.id}&lc=${made.externalId}`);
    expect(await youtubeConnector.findReply!(ctx)).toEqual(made);
    // The same words from before this send was queued are another reply, not this one.
    expect(
      await youtubeConnector.findReply!({
        ...ctx,
        outbox: { replyId: 'r2', queuedAt: new Date(Date.now() + 3_600_000) },
      }),
    ).toBeNull();
    expect(yt.replyCount(top.id)).toBe(1);
  });

  it('answers a video found by search with a top-level comment', async () => {
    const other = yt.addChannel({ title: 'Reviewer' });
    const found = yt.addVideo({ channelId: other.id, title: 'Review' });
    const ctx = {
      http: testHttp,
      config: config(),
      credentials: creds(),
      inReplyTo: {
        externalId: `video:${found.id}`,
        authorHandle: null,
        threadExternalId: `video:${found.id}`,
        raw: {},
      },
      text: 'Thanks for the review!',
      outbox: { replyId: 'r3', queuedAt: new Date() },
    };
    const made = await youtubeConnector.reply!(ctx);
    expect(yt.threadsMade).toContainEqual({ videoId: found.id, text: ctx.text, id: made.externalId });
    expect(await youtubeConnector.findReply!(ctx)).toEqual(made);
  });

  it('holds a comment for review on hide, publishes it on unhide, rejects it on delete', async () => {
    const c = yt.addComment({ videoId: video.id, text: 'Buy followers at spam.example' });
    const ctx = { http: testHttp, config: config(), credentials: creds(), externalId: c.id };
    expect(youtubeConnector.moderates).toEqual(['hide', 'unhide', 'delete']);
    await youtubeConnector.moderate!(ctx, 'hide');
    expect(yt.comments.find((x) => x.id === c.id)?.moderationStatus).toBe('heldForReview');
    expect(yt.moderation.at(-1)).toEqual({ id: c.id, status: 'heldForReview' });
    // A held comment leaves the public threads.
    expect((await sweep(null)).posts.some((p) => p.externalId === c.id)).toBe(false);
    await youtubeConnector.moderate!(ctx, 'unhide');
    expect(yt.comments.find((x) => x.id === c.id)?.moderationStatus).toBe('published');
    await youtubeConnector.moderate!(ctx, 'delete');
    expect(yt.comments.find((x) => x.id === c.id)?.moderationStatus).toBe('rejected');
    const onVideo = await failure(youtubeConnector.moderate!({ ...ctx, externalId: `video:${video.id}` }, 'hide'));
    expect(onVideo.kind).toBe('invalid_request');
  });

  it('verifies the sign-in against the channel, and says why when it fails', async () => {
    const ok = await youtubeConnector.verify({ http: testHttp, config: config(), credentials: creds() });
    expect(ok).toMatchObject({ ok: true, account: channel.title });
    expect(yt.requests.at(-1)).toMatchObject({ path: '/youtube/v3/channels' });

    const unknown = await youtubeConnector.verify({
      http: testHttp,
      config: config({ channelId: channelIdFor() }),
      credentials: creds(),
    });
    expect(unknown).toMatchObject({ ok: false, account: null });

    yt.revokeGrant(grant.refreshToken);
    forgetGoogleTokens();
    const refused = await youtubeConnector.verify({ http: testHttp, config: config(), credentials: creds() });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/reconnect/);
  });
});
