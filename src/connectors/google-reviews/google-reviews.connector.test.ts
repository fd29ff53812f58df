import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeGoogleGrant,
  type FakeGoogleReviews,
  startFakeGoogleReviews,
} from '../../../tests/fakes/google-reviews-server';
import { testHttp } from '../../../tests/helpers/outbound';
import type { SocialPost } from '../../core/social-post';
import type { ConnectorError, Cursor, PollPage } from '../types';
import {
  deleteReviewReply,
  editReviewReply,
  type GoogleReviewsCursor,
  googleReviewsConfigSchema,
  googleReviewsConnector,
} from './google-reviews.connector';
import type { GoogleReviewRaw } from './review-map';

let google: FakeGoogleReviews;
let grant: FakeGoogleGrant;
let account: string;
let location: string;

const config = (over: Record<string, unknown> = {}) =>
  googleReviewsConfigSchema.parse({
    accountId: account,
    locationIds: [location],
    baseUrl: google.url,
    tokenUrl: google.tokenUrl,
    timeoutMs: 30_000,
    ...over,
  });
const DAY = 86_400_000;

interface PollOptions {
  config?: Record<string, unknown>;
  since?: Date;
  now?: Date;
}
const poll = (cursor: Cursor | null, o: PollOptions = {}) =>
  googleReviewsConnector.poll({
    http: testHttp,
    config: config(o.config),
    credentials: grant,
    cursor,
    plan: { queries: [], hashtags: [] },
    now: o.now ?? new Date(),
    ...(cursor ? {} : { since: o.since ?? new Date(Date.now() - 20 * DAY) }),
  });

async function sweep(cursor: Cursor | null, o: PollOptions = {}) {
  const pages: PollPage[] = [];
  for (;;) {
    const p = await poll(cursor, o);
    pages.push(p);
    cursor = p.cursor;
    if (!p.more)
      return {
        cursor,
        pages,
        posts: pages.flatMap((x) => x.posts),
        skipped: pages.flatMap((x) => x.skipped ?? []),
        removed: pages.flatMap((x) => x.removed ?? []),
      };
    if (pages.length > 50) throw new Error('the sweep never ends');
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ConnectorError,
  );

const byId = (posts: SocialPost[], id: string) => posts.filter((p) => p.externalId === id);
const listCalls = (loc = location) =>
  google.requests.filter((q) => q.method === 'GET' && q.path === `/v4/accounts/${account}/locations/${loc}/reviews`);

beforeAll(async () => {
  google = await startFakeGoogleReviews();
});
afterAll(async () => {
  await google.close();
});
beforeEach(() => {
  // Each test its own account, location and sign-in: nothing carries over between tests.
  ({ accountId: account, locationId: location } = google.addLocation());
  grant = google.grant();
});

describe('Google reviews connector', () => {
  it('reads a location page by page, newest update first, then only what moved', async () => {
    for (let i = 0; i < 120; i++)
      google.addReview({ accountId: account, locationId: location, comment: `review ${i}`, starRating: 'FOUR' });

    const first = await sweep(null);
    expect(new Set(first.posts.map((p) => p.text)).size).toBe(120);
    const calls = listCalls();
    expect(calls).toHaveLength(3);
    expect(calls.map((q) => q.query.get('pageSize'))).toEqual(['50', '50', '50']);
    expect(calls.every((q) => q.query.get('orderBy') === 'updateTime desc')).toBe(true);
    expect(calls[0]!.query.get('pageToken')).toBeNull();
    expect(calls.slice(1).every((q) => q.query.get('pageToken'))).toBe(true);
    // Every API call carried an access token from the grant's refresh.
    expect(calls.every((q) => google.issuedTokens.includes(String(q.headers.authorization).slice(7)))).toBe(true);
    expect(first.pages[0]!.more).toBe(true);

    const late = google.addReview({ accountId: account, locationId: location, comment: 'Fresh coffee' });
    const before = listCalls().length;
    const second = await sweep(first.cursor);
    // One page was enough: it reached back past the mark.
    expect(listCalls().length - before).toBe(1);
    const listed = second.pages[0]!.posts;
    expect(listed.map((p) => p.externalId)).toContain(late.reviewId);
    // Of the old ones, only the one at the mark (inside the slack) is read again.
    expect(listed.filter((p) => p.text.startsWith('review ')).map((p) => p.text)).toEqual(['review 119']);
  });

  it('reads only what was updated after `since` on the first sweep, and stops at the first older page', async () => {
    const now = Date.now();
    for (let i = 0; i < 60; i++)
      google.addReview({
        accountId: account,
        locationId: location,
        comment: `old ${i}`,
        createTime: now - 40 * DAY - i * 60_000,
      });
    const recent = google.addReview({
      accountId: account,
      locationId: location,
      comment: 'Recent',
      createTime: now - 2 * DAY,
    });
    const { posts } = await sweep(null, { since: new Date(now - 10 * DAY) });
    expect([...new Set(posts.map((p) => p.externalId))]).toEqual([recent.reviewId]);
    // The first page already reached back past `since`: the second was never asked for.
    expect(listCalls()).toHaveLength(1);
  });

  it('reads each configured location in turn, each review tagged with its location', async () => {
    const other = google.addLocation(account).locationId;
    const a = google.addReview({ accountId: account, locationId: location, comment: 'Downtown was great' });
    const b = google.addReview({ accountId: account, locationId: other, comment: 'Airport shop was slow' });
    const first = await sweep(null, { config: { locationIds: [`locations/${location}`, other] } });
    // One stage per location, then the recheck.
    const pages = first.pages.map((p) => p.posts.map((x) => [x.externalId, x.place]));
    expect(pages.slice(0, 2)).toEqual([
      [[a.reviewId, { id: location, name: null }]],
      [[b.reviewId, { id: other, name: null }]],
    ]);
    // Then both are asked about again, in the recheck's round.
    expect(pages[2]).toHaveLength(2);
    expect(pages[2]).toEqual(
      expect.arrayContaining([
        [b.reviewId, { id: other, name: null }],
        [a.reviewId, { id: location, name: null }],
      ]),
    );
    expect(listCalls(location)).toHaveLength(1);
    expect(listCalls(other)).toHaveLength(1);
    const read = (first.cursor as unknown as GoogleReviewsCursor).read;
    expect(Object.keys(read).sort()).toEqual([location, other].sort());
  });

  it('maps a review: stars alone keep an empty text, their stars in the title; a response is replied: 1', async () => {
    const starOnly = google.addReview({
      accountId: account,
      locationId: location,
      starRating: 'THREE',
      reviewer: {
        displayName: 'Kim Lee',
        profilePhotoUrl: 'https://lh3.googleusercontent.com/a/kim',
        isAnonymous: false,
      },
    });
    const answered = google.addReview({
      accountId: account,
      locationId: location,
      starRating: 'ONE',
      comment: 'Cold fries.',
      reviewer: { displayName: 'A Google User', isAnonymous: true },
      reviewReply: { comment: 'Sorry, we will do better.', updateTime: Date.now() },
    });
    const { posts } = await sweep(null);
    const s = byId(posts, starOnly.reviewId)[0]!;
    expect(s).toMatchObject({
      kind: 'post',
      title: 'Rated 3 of 5 stars',
      text: '',
      url: null,
      createdAt: new Date(starOnly.createTime),
      author: {
        externalId: null,
        handle: null,
        name: 'Kim Lee',
        avatarUrl: 'https://lh3.googleusercontent.com/a/kim',
        verified: false,
      },
      threadExternalId: starOnly.reviewId,
      metrics: { rating: 3, replied: 0 },
    });
    expect((s.raw as GoogleReviewRaw).name).toBe(starOnly.name);
    const r = byId(posts, answered.reviewId)[0]!;
    expect(r).toMatchObject({ title: null, text: 'Cold fries.', metrics: { rating: 1, replied: 1 } });
    expect(r.author).toMatchObject({ name: null, avatarUrl: null });
    expect((r.raw as GoogleReviewRaw).reviewReply?.comment).toBe('Sorry, we will do better.');
  });

  it("keeps the reviewer's original words of a comment Google translated, in either of its two layouts", async () => {
    const first = google.addReview({
      accountId: account,
      locationId: location,
      comment: '(Translated by Google) Very friendly staff\n\n(Original)\nSehr freundliches Personal',
    });
    const second = google.addReview({
      accountId: account,
      locationId: location,
      comment: 'Servicio rápido y amable\n\n(Translated by Google)\nFast and friendly service',
    });
    const { posts } = await sweep(null);
    expect(byId(posts, first.reviewId)[0]!.text).toBe('Sehr freundliches Personal');
    expect(byId(posts, second.reviewId)[0]!.text).toBe('Servicio rápido y amable');
  });

  it('keeps unicode and a 5,000-character comment intact', async () => {
    const unicode = 'Très bon 👍🏽 — 日本語のレビュー, עברית, and e\u0301 as two code points';
    const long = `${'Ä'.repeat(2_500)}${'🙂'.repeat(1_250)}`;
    expect(long.length).toBe(5_000);
    const a = google.addReview({ accountId: account, locationId: location, comment: unicode });
    const b = google.addReview({ accountId: account, locationId: location, comment: long });
    const { posts } = await sweep(null);
    expect(byId(posts, a.reviewId)[0]!.text).toBe(unicode);
    expect(byId(posts, b.reviewId)[0]!.text).toBe(long);
  });

  it('brings an edited review back at the top: same externalId, new words and stars', async () => {
    const review = google.addReview({
      accountId: account,
      locationId: location,
      comment: 'Great pizza',
      starRating: 'FIVE',
    });
    for (let i = 0; i < 5; i++) google.addReview({ accountId: account, locationId: location, comment: `other ${i}` });
    const first = await sweep(null);
    expect(byId(first.posts, review.reviewId)[0]).toMatchObject({ text: 'Great pizza', metrics: { rating: 5 } });

    google.editReview(review.name, { comment: 'Pizza was cold this time', starRating: 'TWO' });
    const second = await sweep(first.cursor);
    const edited = byId(second.posts, review.reviewId);
    expect(edited.length).toBeGreaterThan(0);
    for (const p of edited)
      expect(p).toMatchObject({
        text: 'Pizza was cold this time',
        title: null,
        metrics: { rating: 2, replied: 0 },
      });

    // Words taken away: stars alone again, said in the title.
    google.editReview(review.name, { comment: null, starRating: 'FOUR' });
    const third = await sweep(second.cursor);
    expect(byId(third.posts, review.reviewId)[0]).toMatchObject({ text: '', title: 'Rated 4 of 5 stars' });
  });

  it('ends a sweep asking about recent reviews: a deleted one is removed, the rest come back as they are', async () => {
    const kept = google.addReview({ accountId: account, locationId: location, comment: 'Nice garden' });
    const gone = google.addReview({ accountId: account, locationId: location, comment: 'Rude waiter' });
    const first = await sweep(null);
    expect(first.removed).toEqual([]);

    google.deleteReview(gone.name);
    // Our response appeared since (left from the Business Profile dashboard): the recheck shows it.
    google.reviews.get(kept.name)!.reviewReply = { comment: 'Thank you!', updateTime: Date.now() };
    const second = await sweep(first.cursor);
    expect(second.removed).toEqual([gone.reviewId]);
    expect(byId(second.posts, kept.reviewId).at(-1)).toMatchObject({ metrics: { replied: 1 } });
    const gets = google.requests.filter((q) => q.method === 'GET' && q.path.includes('/reviews/'));
    expect(gets.map((q) => q.path)).toContain(`/v4/${gone.name}`);

    // Gone is forgotten: not asked about (nor removed) again.
    const third = await sweep(second.cursor);
    expect(third.removed).toEqual([]);
    const recheck = (third.cursor as unknown as GoogleReviewsCursor).recheck!;
    expect(recheck.ids).toEqual([`${location}/${kept.reviewId}`]);
  });

  it('says rate_limited on 429 RESOURCE_EXHAUSTED, resetting after Retry-After or else a minute', async () => {
    google.addReview({ accountId: account, locationId: location, comment: 'Fine' });
    const now = new Date();
    google.rateLimitNext(1);
    const plain = await failure(poll(null, { now }));
    expect(plain.kind).toBe('rate_limited');
    expect(plain.details.resetAt).toEqual(new Date(now.getTime() + 60_000));
    expect(plain.message).toMatch(/429.*RESOURCE_EXHAUSTED/);
    // Google's words (which name the project) are not repeated.
    expect(plain.message).not.toMatch(/project_number|Quota exceeded/);

    google.rateLimitNext(1, { retryAfterS: 120 });
    const told = await failure(poll(null, { now }));
    expect(told.details.resetAt).toEqual(new Date(now.getTime() + 120_000));

    // The limit passed: the same poll goes through.
    expect((await poll(null, { now })).posts).toHaveLength(1);
  });

  it('says auth for an expired access token, a revoked refresh token and a location the account lost', async () => {
    google.addReview({ accountId: account, locationId: location, comment: 'Fine' });
    await sweep(null);
    google.expireTokens();
    const expired = await failure(poll(null));
    expect(expired.kind).toBe('auth');
    expect(expired.details.status).toBe(401);
    expect(expired.message).toMatch(/UNAUTHENTICATED/);
    expect(expired.message).not.toMatch(/invalid authentication credentials/);

    const revoked = google.grant();
    google.revoke(revoked.refreshToken);
    grant = revoked;
    const refused = await failure(poll(null));
    expect(refused.kind).toBe('auth');
    expect(refused.message).toMatch(/invalid_grant/);
    expect(refused.message).not.toMatch(/expired or revoked/);

    grant = google.grant();
    google.denyLocation(location);
    const denied = await failure(poll(null));
    expect(denied).toMatchObject({ kind: 'auth', details: { status: 403 } });
    expect(denied.message).toMatch(/PERMISSION_DENIED/);
  });

  it('renews an access token about to end before using it', async () => {
    google.tokenLifetimeS = 90;
    try {
      google.addReview({ accountId: account, locationId: location, comment: 'Fine' });
      const issued = google.issuedTokens.length;
      const first = await sweep(null);
      await sweep(first.cursor, { now: new Date(Date.now() + 45_000) });
      expect(google.issuedTokens.length - issued).toBe(2);
      const used = listCalls().map((q) => String(q.headers.authorization).slice(7));
      expect(used).toEqual(google.issuedTokens.slice(issued));
    } finally {
      google.tokenLifetimeS = 3599;
    }
  });

  it('skips a review without its times alone, with why; a page of nothing usable is an error', async () => {
    const good = google.addReview({ accountId: account, locationId: location, comment: 'Fine' });
    expect((await poll(null)).posts).toHaveLength(1);
    const path = `/v4/accounts/${account}/locations/${location}/reviews`;
    const valid = {
      name: good.name,
      reviewId: good.reviewId,
      reviewer: { displayName: 'Ann', isAnonymous: false },
      starRating: 'FIVE',
      comment: 'Fine',
      createTime: new Date().toISOString(),
      updateTime: new Date().toISOString(),
    };
    const broken = { reviewId: 'AbFvOqBroken', reviewer: { isAnonymous: false }, starRating: 'TWO', comment: 'x' };
    google.fault({ match: (q) => q.path === path, json: { reviews: [valid, broken], totalReviewCount: 2 } });
    const page = await poll(null);
    expect(page.posts.map((p) => p.externalId)).toEqual([good.reviewId]);
    expect(page.skipped).toEqual([{ externalId: 'AbFvOqBroken', reason: expect.stringMatching(/createTime/) }]);

    google.fault({ match: (q) => q.path === path, json: { reviews: [broken], totalReviewCount: 1 } });
    expect((await failure(poll(null))).kind).toBe('transient');
  });

  it('replies exactly once under the review, and finds that reply instead of posting it again', async () => {
    const review = google.addReview({ accountId: account, locationId: location, comment: 'Where is parking?' });
    const { posts } = await sweep(null);
    const mention = byId(posts, review.reviewId)[0]!;
    const ctx = {
      http: testHttp,
      config: config(),
      credentials: grant,
      inReplyTo: { externalId: mention.externalId, authorHandle: null, threadExternalId: null, raw: mention.raw },
      text: 'Behind the building, free for guests 🚗',
      outbox: { replyId: 'r1', queuedAt: new Date() },
    };
    expect(await googleReviewsConnector.findReply!(ctx)).toBeNull();
    const made = await googleReviewsConnector.reply!(ctx);
    expect(made).toEqual({ externalId: `${review.name}/reply`, url: null });
    expect(google.replyCounts.get(review.name)).toBe(1);
    expect(google.reviews.get(review.name)!.reviewReply?.comment).toBe('Behind the building, free for guests 🚗');
    const put = google.requests.filter((q) => q.method === 'PUT');
    expect(put.map((q) => [q.path, JSON.parse(q.body)])).toEqual([
      [`/v4/${review.name}/reply`, { comment: 'Behind the building, free for guests 🚗' }],
    ]);

    expect(await googleReviewsConnector.findReply!(ctx)).toEqual(made);
    // Google may show our response with its translation added: still ours.
    google.reviews.get(review.name)!.reviewReply!.comment =
      `${ctx.text}\n\n(Translated by Google)\nDerrière le bâtiment, gratuit pour les clients 🚗`;
    expect(await googleReviewsConnector.findReply!(ctx)).toEqual(made);
    expect(await googleReviewsConnector.findReply!({ ...ctx, text: 'Something else' })).toBeNull();
    expect(google.replyCounts.get(review.name)).toBe(1);
  });

  it('edits our response with another PUT and deletes it; deleting it again is harmless', async () => {
    const review = google.addReview({ accountId: account, locationId: location, comment: 'Noisy' });
    const mention = byId((await sweep(null)).posts, review.reviewId)[0]!;
    const ctx = { http: testHttp, config: config(), credentials: grant };
    await editReviewReply(ctx, mention, 'Sorry about the noise');
    await editReviewReply(ctx, mention, 'Sorry about the noise: we fixed the fan.');
    expect(google.reviews.get(review.name)!.reviewReply?.comment).toBe('Sorry about the noise: we fixed the fan.');
    await deleteReviewReply(ctx, mention);
    expect(google.reviews.get(review.name)!.reviewReply).toBeUndefined();
    await deleteReviewReply(ctx, mention);
    const deletes = google.requests.filter((q) => q.method === 'DELETE').map((q) => q.path);
    expect(deletes).toEqual([`/v4/${review.name}/reply`, `/v4/${review.name}/reply`]);
  });

  it('verifies the sign-in with one call naming the location, and says why when refused', async () => {
    const ok = await googleReviewsConnector.verify({ http: testHttp, config: config(), credentials: grant });
    expect(ok).toMatchObject({ ok: true, account: `accounts/${account}/locations/${location}` });
    google.revoke(grant.refreshToken);
    const revoked = await googleReviewsConnector.verify({ http: testHttp, config: config(), credentials: grant });
    expect(revoked).toMatchObject({ ok: false, account: null });
    expect(revoked.message).toMatch(/UNAUTHENTICATED|invalid_grant/);

    google.denyLocation(location);
    const denied = await googleReviewsConnector.verify({
      http: testHttp,
      config: config(),
      credentials: google.grant(),
    });
    expect(denied).toMatchObject({ ok: false, account: null, message: expect.stringMatching(/PERMISSION_DENIED/) });
    expect(listCalls().map((q) => q.query.get('pageSize'))).toEqual(['1', '1', '1']);
  });

  it('takes ids as digits or resource names, and refuses anything else', () => {
    const parsed = googleReviewsConfigSchema.parse({
      accountId: 'accounts/123',
      locationIds: ['locations/456', '789', 'accounts/123/locations/456'],
    });
    expect(parsed).toMatchObject({
      accountId: '123',
      locationIds: ['456', '789'],
      baseUrl: 'https://mybusiness.googleapis.com/',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      timeoutMs: 15_000,
    });
    expect(googleReviewsConfigSchema.safeParse({ accountId: 'acme', locationIds: ['1'] }).success).toBe(false);
    expect(googleReviewsConfigSchema.safeParse({ accountId: '1', locationIds: [] }).success).toBe(false);
    expect(googleReviewsConfigSchema.safeParse({ accountId: '1', locationIds: ['../2'] }).success).toBe(false);
  });
});
