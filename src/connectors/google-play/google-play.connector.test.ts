import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeGooglePlay,
  makeServiceAccountKey,
  startFakeGooglePlay,
  type TestServiceAccountKey,
} from '../../../tests/fakes/google-play-server';
import { testHttp } from '../../../tests/helpers/outbound';
import { nextPacificMidnight } from '../google/google-errors';
import { forgetGoogleTokens } from '../google/google-token';
import type { ConnectorError, Cursor, PollPage } from '../types';
import {
  type GooglePlayCredentials,
  googlePlayConfigSchema,
  googlePlayConnector,
  googlePlayCredentialsSchema,
} from './google-play.connector';
import type { PlayReviewRaw } from './play-reviews';

let play: FakeGooglePlay;
let key: TestServiceAccountKey;
let pkg: string;
let n = 0;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const config = (packageName = pkg) =>
  googlePlayConfigSchema.parse({ packageName, baseUrl: play.url, tokenUrl: play.tokenUrl, timeoutMs: 30_000 });
const creds = (k: TestServiceAccountKey = key): GooglePlayCredentials => ({ serviceAccountJson: k.json });

interface PollOptions {
  since?: Date;
  key?: TestServiceAccountKey;
  /** The poll's time (later than the clock: a recheck falls due). */
  now?: Date;
}

const poll = (cursor: Cursor | null, o: PollOptions = {}) =>
  googlePlayConnector.poll({
    http: testHttp,
    config: config(),
    credentials: creds(o.key),
    cursor,
    plan: { queries: [], hashtags: [] },
    now: o.now ?? new Date(),
    ...(cursor ? {} : { since: o.since ?? new Date(Date.now() - 6 * DAY) }),
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
        pages: pages.length,
        posts: pages.flatMap((x) => x.posts),
        removed: pages.flatMap((x) => x.removed ?? []),
        skipped: pages.flatMap((x) => x.skipped ?? []),
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

const listCalls = () =>
  play.requests.filter((q) => q.method === 'GET' && q.path === `/androidpublisher/v3/applications/${pkg}/reviews`);

const replyCtx = (reviewId: string, text: string) => ({
  http: testHttp,
  config: config(),
  credentials: creds(),
  inReplyTo: { externalId: reviewId, authorHandle: null, threadExternalId: reviewId, raw: {} },
  text,
});

beforeAll(async () => {
  play = await startFakeGooglePlay();
  key = await play.addServiceAccount();
});
afterAll(async () => {
  await play.close();
});
beforeEach(() => {
  // Each test gets its own app (so reviews never mix) and a token fetched anew (some tests expire them).
  pkg = `com.example.reviews${++n}`;
  play.grant(pkg, key.clientEmail);
  forgetGoogleTokens();
});

describe('Google Play reviews connector', () => {
  it('reads every page of the week with the service account, then only what changed since', async () => {
    for (let i = 0; i < 230; i++)
      play.addReview({ packageName: pkg, text: `review ${i}`, lastModified: Date.now() - (i + 1) * 15 * 60_000 });
    const first = await sweep(null);
    expect(first.pages).toBe(3);
    expect(new Set(first.posts.map((p) => p.text)).size).toBe(230);
    const calls = listCalls();
    expect(calls.map((q) => q.query.get('maxResults'))).toEqual(['100', '100', '100']);
    expect(calls[0]!.query.get('token')).toBeNull();
    expect(calls.slice(1).every((q) => q.query.get('token'))).toBe(true);
    // The token came from the RS256 assertion the fake verified; every call carried it.
    expect(play.requests.filter((q) => q.path === '/token')).toHaveLength(1);
    expect(calls.every((q) => /^Bearer ya29\./.test(String(q.headers.authorization)))).toBe(true);

    const late = play.addReview({ packageName: pkg, text: 'Crashes on start', starRating: 1 });
    const before = listCalls().length;
    const second = await sweep(first.cursor);
    expect(second.posts.map((p) => p.externalId)).toContain(late.reviewId);
    expect(second.posts.length).toBeLessThan(10);
    expect(listCalls().length - before).toBe(1);
  });

  it('maps a review: title and body split at the tab, stars, language, device, our reply, the app', async () => {
    const r = play.addReview({
      packageName: pkg,
      authorName: 'Jane Bloggs',
      text: 'Great update\tSync finally works offline',
      starRating: 4,
      reviewerLanguage: 'en',
      device: 'oriole',
      androidOsVersion: 34,
      appVersionCode: 120,
      appVersionName: '1.2.0',
      thumbsUpCount: 7,
      reply: { text: 'Thanks, Jane!', lastModified: Date.now() - HOUR },
    });
    const { posts } = await sweep(null);
    expect(posts).toHaveLength(1);
    const p = posts[0]!;
    expect(p).toMatchObject({
      externalId: r.reviewId,
      kind: 'post',
      title: 'Great update',
      text: 'Sync finally works offline',
      lang: 'en',
      threadExternalId: r.reviewId,
      replyToExternalId: null,
      author: { name: 'Jane Bloggs', externalId: null, handle: null, url: null, verified: false },
      metrics: { rating: 4, replied: 1, thumbsUp: 7 },
      place: { id: pkg, name: null },
      deleted: false,
    });
    expect(p.createdAt.getTime()).toBe(Math.floor(r.lastModified));
    expect(p.url).toContain(`id=${pkg}`);
    const raw = p.raw as PlayReviewRaw;
    expect(raw).toMatchObject({
      device: 'oriole',
      androidOsVersion: 34,
      appVersionCode: 120,
      appVersionName: '1.2.0',
      reviewerLanguage: 'en',
      developerComment: { text: 'Thanks, Jane!' },
    });
  });

  it("honours the first sweep's since, and never sees what Play no longer lists (older than a week)", async () => {
    const old = play.addReview({ packageName: pkg, text: 'from last month', lastModified: Date.now() - 9 * DAY });
    const fiveDays = play.addReview({ packageName: pkg, text: 'five days ago', lastModified: Date.now() - 5 * DAY });
    const recent = play.addReview({ packageName: pkg, text: 'yesterday', lastModified: Date.now() - DAY });

    const first = await sweep(null, { since: new Date(Date.now() - 2 * DAY) });
    expect(first.posts.map((p) => p.externalId)).toEqual([recent.reviewId]);

    forgetGoogleTokens();
    pkg = `com.example.reviews${++n}`;
    play.grant(pkg, key.clientEmail);
    play.addReview({ ...old, packageName: pkg, reviewId: `${old.reviewId}x` });
    play.addReview({ ...fiveDays, packageName: pkg, reviewId: `${fiveDays.reviewId}x` });
    const wide = await sweep(null, { since: new Date(Date.now() - 30 * DAY) });
    expect(wide.posts.map((p) => p.text)).toEqual(['five days ago']);
  });

  it('brings an edited review back under the same id with its new text and stars', async () => {
    const r = play.addReview({ packageName: pkg, text: 'Love it', starRating: 5 });
    const ctx = replyCtx(r.reviewId, 'Thank you!');
    await googlePlayConnector.reply!(ctx);
    const first = await sweep(null);
    expect(first.posts[0]).toMatchObject({
      externalId: r.reviewId,
      text: 'Love it',
      metrics: { rating: 5, replied: 1 },
    });

    play.editReview(r.reviewId, { text: 'Latest update broke login', starRating: 2 });
    const second = await sweep(first.cursor);
    const edited = second.posts.find((p) => p.externalId === r.reviewId)!;
    expect(edited).toMatchObject({ text: 'Latest update broke login', metrics: { rating: 2, replied: 1 } });
    // The reviewer wrote after our reply: the integrator can say so.
    const raw = edited.raw as PlayReviewRaw;
    expect(Date.parse(raw.userLastModified)).toBeGreaterThan(Date.parse(raw.developerComment!.lastModified!));
  });

  it('reports a deleted review as removed, and brings a still-present one back as it is now', async () => {
    // Two hours old: past the mark's slack, so later sweeps' lists do not bring them again; the recheck does.
    const at = Date.now() - 2 * HOUR;
    const kept = play.addReview({ packageName: pkg, text: 'Fine app', starRating: 4, lastModified: at });
    const gone = play.addReview({ packageName: pkg, text: 'Spam spam', starRating: 1, lastModified: at + 1000 });
    const first = await sweep(null);
    expect(first.posts).toHaveLength(2);
    const goneCalls = () =>
      play.requests.filter((q) => q.path.endsWith(`/reviews/${encodeURIComponent(gone.reviewId)}`)).length;

    play.deleteReview(gone.reviewId);
    // A reply changes nothing in Play's list order (only the reviewer's edits do): the recheck sees it.
    play.reviews.find((x) => x.reviewId === kept.reviewId)!.reply = { text: 'Thanks', lastModified: Date.now() };
    const later = new Date(Date.now() + 11 * 60_000);
    const second = await sweep(first.cursor, { now: later });
    expect(second.removed).toEqual([gone.reviewId]);
    expect(goneCalls()).toBe(1);
    expect(second.posts.map((p) => p.externalId)).toEqual([kept.reviewId]);
    expect(second.posts[0]!.metrics).toMatchObject({ replied: 1 });

    // Rechecks spend Play's 200 reads an hour: not again within ten minutes.
    const before = play.requests.length;
    await sweep(second.cursor, { now: new Date(later.getTime() + 60_000) });
    expect(play.requests.slice(before).filter((q) => /\/reviews\/./.test(q.path))).toHaveLength(0);

    // Once gone, it is never asked about again.
    const third = await sweep(second.cursor, { now: new Date(later.getTime() + 11 * 60_000) });
    expect(third.removed).toEqual([]);
    expect(goneCalls()).toBe(1);
    expect(third.posts.map((p) => p.externalId)).toEqual([kept.reviewId]);
  });

  it('stops asking about a review six days after its last change (Play stops serving it: no deletion)', async () => {
    const at = Date.now() - 2 * HOUR;
    const aging = play.addReview({ packageName: pkg, text: 'Good enough', starRating: 3, lastModified: at });
    const first = await sweep(null);
    expect(first.posts.map((p) => p.externalId)).toContain(aging.reviewId);
    // A week later Play answers 404 for it; the round must not take that for a deletion, nor ask at all.
    play.deleteReview(aging.reviewId);
    const weekLater = new Date(Date.now() + 7 * DAY);
    const calls = () =>
      play.requests.filter((q) => q.path.endsWith(`/reviews/${encodeURIComponent(aging.reviewId)}`)).length;
    const later = await sweep(first.cursor, { now: weekLater });
    expect(later.removed).toEqual([]);
    expect(calls()).toBe(0);
  });

  it('starts the sweep again from the top when Play no longer takes its page token', async () => {
    const r = play.addReview({ packageName: pkg, text: 'still here' });
    const page = await poll({ read: Math.floor(Date.now() / 1000) - 3600, token: 'bm90LWEtdG9rZW4' });
    expect(page.posts.map((p) => p.externalId)).toEqual([r.reviewId]);
    expect(page.more).toBe(false);
    expect(listCalls().map((q) => q.query.get('token'))).toEqual(['bm90LWEtdG9rZW4', null]);
  });

  it('keeps unicode and a 5,000-character review intact', async () => {
    const long = `${'Sehr gut! 👍🏽 日本語のレビュー — ça marche. '.repeat(200)}`.slice(0, 5000);
    const r = play.addReview({ packageName: pkg, text: long, reviewerLanguage: 'de' });
    const e = play.addReview({ packageName: pkg, text: 'Титул\tТекст 🚀 with émojis' });
    const { posts } = await sweep(null);
    expect(posts.find((p) => p.externalId === r.reviewId)?.text).toBe(long);
    expect(long).toHaveLength(5000);
    expect(posts.find((p) => p.externalId === e.reviewId)).toMatchObject({
      title: 'Титул',
      text: 'Текст 🚀 with émojis',
    });
  });

  it('replies once under the review, and findReply finds that reply instead of posting again', async () => {
    const r = play.addReview({ packageName: pkg, text: 'Where is dark mode?', starRating: 3 });
    const ctx = replyCtx(r.reviewId, 'Dark mode ships in 2.0 — thanks for asking!');
    expect(await googlePlayConnector.findReply!(ctx)).toBeNull();
    const made = await googlePlayConnector.reply!(ctx);
    expect(made.externalId).toBe(`${r.reviewId}/reply`);
    expect(play.replies.get(r.reviewId)).toBe(1);
    expect(r.reply?.text).toBe('Dark mode ships in 2.0 — thanks for asking!');
    const post = play.requests.find((q) => q.method === 'POST' && q.path.includes(`/${pkg}/`))!;
    expect(decodeURIComponent(post.path)).toBe(`/androidpublisher/v3/applications/${pkg}/reviews/${r.reviewId}:reply`);
    expect(JSON.parse(post.body)).toEqual({ replyText: 'Dark mode ships in 2.0 — thanks for asking!' });

    expect(await googlePlayConnector.findReply!(ctx)).toEqual(made);
    expect(await googlePlayConnector.findReply!({ ...ctx, text: 'Something else' })).toBeNull();
    expect(play.replies.get(r.reviewId)).toBe(1);
  });

  it('refuses a reply longer than Play takes without sending it', async () => {
    const r = play.addReview({ packageName: pkg, text: 'ok' });
    const err = await failure(googlePlayConnector.reply!(replyCtx(r.reviewId, 'x'.repeat(351))));
    expect(err.kind).toBe('invalid_request');
    expect(play.replies.get(r.reviewId)).toBeUndefined();
  });

  it("waits out Play's quotas: a day's until midnight Pacific, an hour's an hour, a minute's Retry-After", async () => {
    play.addReview({ packageName: pkg, text: 'hi' });
    play.quota('queriesPerDay');
    const daily = await failure(poll(null));
    expect(daily.kind).toBe('rate_limited');
    expect(daily.details.resetAt).toEqual(nextPacificMidnight(new Date()));

    play.quota('reviewReadsPerHour');
    const hourly = await failure(poll(null));
    expect(hourly.kind).toBe('rate_limited');
    const hourWait = hourly.details.resetAt!.getTime() - Date.now();
    expect(hourWait).toBeGreaterThan(HOUR - 60_000);
    expect(hourWait).toBeLessThanOrEqual(HOUR);

    play.quota('queriesPerMinute', { retryAfter: 42 });
    const minute = await failure(poll(null));
    expect(minute.kind).toBe('rate_limited');
    const wait = minute.details.resetAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(30_000);
    expect(wait).toBeLessThanOrEqual(42_000);

    const r = play.reviews.find((x) => x.packageName === pkg)!;
    play.quota('repliesPerDay', { method: 'POST' });
    const replies = await failure(googlePlayConnector.reply!(replyCtx(r.reviewId, 'Thanks')));
    expect(replies.kind).toBe('rate_limited');
    expect(replies.details.resetAt).toEqual(nextPacificMidnight(new Date()));
    // Never Google's own words.
    for (const e of [daily, hourly, minute, replies]) expect(e.message).not.toMatch(/project_number/);
  });

  it('asks for new credentials when the token has expired or the key was deleted', async () => {
    play.addReview({ packageName: pkg, text: 'hi' });
    await sweep(null);
    play.expireTokens();
    const expired = await failure(poll(null));
    expect(expired.kind).toBe('auth');
    expect(expired.details.status).toBe(401);

    const other = await play.addServiceAccount({ packages: [pkg] });
    await poll(null, { key: other });
    play.deleteKey(other.privateKeyId);
    forgetGoogleTokens();
    const deleted = await failure(poll(null, { key: other }));
    expect(deleted.kind).toBe('auth');
    expect(deleted.message).toMatch(/invalid_grant/);
  });

  it('refuses an assertion signed by a key Google does not know', async () => {
    // Same account and key id, another RSA key: only the signature check can tell.
    const made = await makeServiceAccountKey({ clientEmail: key.clientEmail });
    const json = JSON.stringify({ ...JSON.parse(made.json), private_key_id: key.privateKeyId });
    const stranger = { ...made, json, privateKeyId: key.privateKeyId };
    const err = await failure(poll(null, { key: stranger }));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/invalid_grant/);
    const last = play.requests.filter((q) => q.path === '/token').at(-1)!;
    expect(new URLSearchParams(last.body).get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(listCalls()).toHaveLength(0);
  });

  it('says to give the service account access in Play Console when Play answers PERMISSION_DENIED', async () => {
    play.revoke(pkg, key.clientEmail);
    play.addApp(pkg);
    const err = await failure(poll(null));
    expect(err.kind).toBe('auth');
    expect(err.details.status).toBe(403);
    expect(err.message).toMatch(/access to the app in Play Console/);
    expect(err.message).not.toMatch(/caller does not have permission/);
  });

  it('verifies: the service account that may read the reviews, or why not', async () => {
    const ok = await googlePlayConnector.verify({ http: testHttp, config: config(), credentials: creds() });
    expect(ok).toMatchObject({ ok: true, account: key.clientEmail });
    const list = listCalls().at(-1)!;
    expect(list.query.get('maxResults')).toBe('1');

    play.revoke(pkg, key.clientEmail);
    const denied = await googlePlayConnector.verify({ http: testHttp, config: config(), credentials: creds() });
    expect(denied).toMatchObject({ ok: false, account: null });
    expect(denied.message).toMatch(/Play Console/);

    const unknown = await googlePlayConnector.verify({
      http: testHttp,
      config: config('com.example.nosuchapp'),
      credentials: creds(),
    });
    expect(unknown).toMatchObject({ ok: false, message: expect.stringMatching(/package name/) });

    const notAKey = await googlePlayConnector.verify({
      http: testHttp,
      config: config(),
      credentials: { serviceAccountJson: '{"type":"authorized_user"}' },
    });
    expect(notAKey).toMatchObject({ ok: false, account: null });
  });

  it('checks the config and the key file at the edge', () => {
    expect(googlePlayConfigSchema.safeParse({ packageName: 'com.example.app' }).success).toBe(true);
    expect(googlePlayConfigSchema.parse({ packageName: 'com.example.app' })).toMatchObject({
      baseUrl: 'https://androidpublisher.googleapis.com/',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      timeoutMs: 15_000,
    });
    for (const bad of ['example', 'com..app', '1com.example', 'com.example/app', ''])
      expect(googlePlayConfigSchema.safeParse({ packageName: bad }).success).toBe(false);
    expect(googlePlayCredentialsSchema.safeParse(creds()).success).toBe(true);
    expect(googlePlayCredentialsSchema.safeParse({ serviceAccountJson: 'not json' }).success).toBe(false);
    expect(googlePlayCredentialsSchema.safeParse({ serviceAccountJson: '{"type":"service_account"}' }).success).toBe(
      false,
    );
  });
});
