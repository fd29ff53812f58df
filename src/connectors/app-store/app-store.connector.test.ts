import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeAppStoreTestKey } from '../../../tests/fakes/app-store-auth';
import { type FakeAppStore, type FakeAsApp, startFakeAppStore } from '../../../tests/fakes/app-store-server';
import { testHttp } from '../../../tests/helpers/outbound';
import type { ConnectorError, Cursor, PollPage } from '../types';
import {
  type AppStoreCredentials,
  appStoreConfigSchema,
  appStoreConnector,
  deleteResponse,
  replaceResponse,
} from './app-store.connector';

let store: FakeAppStore;
let app: FakeAsApp;
const DAY = 86_400_000;
const config = (over: Record<string, unknown> = {}) =>
  appStoreConfigSchema.parse({ appId: app.id, baseUrl: store.url, timeoutMs: 30_000, ...over });

interface PollOptions {
  config?: Record<string, unknown>;
  credentials?: AppStoreCredentials;
  since?: Date;
}

const poll = (cursor: Cursor | null, o: PollOptions = {}) =>
  appStoreConnector.poll({
    http: testHttp,
    config: config(o.config),
    credentials: o.credentials ?? store.key,
    cursor,
    plan: { queries: [], hashtags: [] },
    now: new Date(),
    ...(cursor ? {} : { since: o.since ?? new Date(Date.now() - 30 * DAY) }),
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
        ids: [...new Set(pages.flatMap((x) => x.posts.map((post) => post.externalId)))],
        removed: pages.flatMap((x) => x.removed ?? []),
        skipped: pages.flatMap((x) => x.skipped ?? []),
      };
    if (pages.length > 50) throw new Error('the sweep never ends');
  }
}

const listCalls = (from = 0) =>
  store.requests.slice(from).filter((q) => q.method === 'GET' && q.path === `/v1/apps/${app.id}/customerReviews`);

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ConnectorError,
  );

const replyCtx = (reviewId: string, text: string) => ({
  http: testHttp,
  config: config(),
  credentials: store.key,
  inReplyTo: { externalId: reviewId, authorHandle: null, threadExternalId: reviewId, raw: {} },
  text,
  outbox: { replyId: 'r1', queuedAt: new Date() },
});

beforeAll(async () => {
  store = await startFakeAppStore();
});
afterAll(async () => {
  await store.close();
});
beforeEach(() => {
  app = store.addApp({ name: `Acme ${Math.random().toString(36).slice(2, 6)}`, bundleId: 'com.acme.app' });
  store.pageSize = 200;
  store.linkBase = null;
  store.secondCreate = 'overwrite';
});

describe('App Store connector', () => {
  it("reads every review newest first across pages by Apple's cursor, then only what is new", async () => {
    store.pageSize = 3;
    const now = Date.now();
    const old = Array.from({ length: 8 }, (_, i) =>
      store.addReview({ appId: app.id, body: `review ${i}`, created: now - (10 - i) * DAY, rating: (i % 5) + 1 }),
    );
    const answered = old[5]!;
    answered.territory = 'DEU';
    answered.title = null;
    const ours = store.addResponse(answered.id, 'Thanks, fixed in 2.1');

    const before = store.requests.length;
    const first = await sweep(null, { since: new Date(now - 20 * DAY) });
    expect(first.ids.sort()).toEqual(old.map((r) => r.id).sort());
    const calls = listCalls(before);
    expect(calls).toHaveLength(3);
    for (const q of calls) {
      expect(Object.fromEntries(q.query)).toMatchObject({ sort: '-createdDate', limit: '200', include: 'response' });
    }
    expect(calls[0]!.query.has('cursor')).toBe(false);
    expect(calls.slice(1).every((q) => q.query.get('cursor'))).toBe(true);
    // Newest first: the first page holds the three newest.
    expect(first.pages[0]!.posts.map((p) => p.text)).toEqual(['review 7', 'review 6', 'review 5']);

    const post = first.posts.find((p) => p.externalId === answered.id)!;
    expect(post).toMatchObject({
      kind: 'post',
      title: null,
      text: 'review 5',
      url: `https://apps.apple.com/app/id${app.id}`,
      createdAt: new Date(answered.created),
      author: { name: 'Anne Johnson', handle: null, externalId: null, url: null, verified: false },
      replyToExternalId: null,
      threadExternalId: answered.id,
      metrics: { rating: 1, replied: 1 },
      deleted: false,
      place: { id: app.id, name: null },
      raw: {
        reviewId: answered.id,
        territory: 'DEU',
        response: { id: ours.id, state: 'PUBLISHED', responseBody: 'Thanks, fixed in 2.1' },
      },
    });
    expect((post.raw as { response: { lastModifiedDate: string } }).response.lastModifiedDate).toMatch(/-07:00$/);
    expect(first.posts.find((p) => p.externalId === old[0]!.id)).toMatchObject({
      title: 'A review',
      metrics: { rating: 1, replied: 0 },
      raw: { territory: 'USA', response: null },
    });

    const late = store.addReview({ appId: app.id, body: 'Crashes on launch', rating: 1, created: now });
    const seen = store.requests.length;
    const second = await sweep(first.cursor);
    // The new review, and the newest one already read (within the slack kept behind the read mark).
    expect(second.pages[0]!.posts.map((p) => p.externalId)).toEqual([late.id, old[7]!.id]);
    // Only the first page: it reached back past the read mark.
    expect(listCalls(seen)).toHaveLength(1);
  });

  it('honours since on the first sweep and stops paging once a page reaches back past it', async () => {
    store.pageSize = 2;
    const now = Date.now();
    const all = Array.from({ length: 10 }, (_, i) =>
      store.addReview({ appId: app.id, body: `day ${i + 1}`, created: now - (i + 1) * DAY }),
    );
    const before = store.requests.length;
    const { ids } = await sweep(null, { since: new Date(now - 4.5 * DAY) });
    expect(ids.sort()).toEqual(
      all
        .slice(0, 4)
        .map((r) => r.id)
        .sort(),
    );
    expect(listCalls(before)).toHaveLength(3);
  });

  it('continues on our own base URL with the cursor of a next link that points to another host', async () => {
    store.pageSize = 2;
    store.linkBase = 'https://elsewhere.example/';
    const reviews = Array.from({ length: 5 }, (_, i) => store.addReview({ appId: app.id, body: `r${i}` }));
    const before = store.requests.length;
    const { ids } = await sweep(null);
    expect(ids.sort()).toEqual(reviews.map((r) => r.id).sort());
    // Every page was asked of the fake (the base URL), the later ones with the link's cursor.
    const calls = listCalls(before);
    expect(calls).toHaveLength(3);
    expect(calls.slice(1).every((q) => q.query.get('cursor'))).toBe(true);
  });

  it("says rate_limited until an hour on when Apple's X-Rate-Limit budget is spent, or until Retry-After", async () => {
    store.throttleNext();
    const hourly = await failure(poll(null));
    expect(hourly.kind).toBe('rate_limited');
    expect(hourly.message).toMatch(/3600 requests an hour/);
    expect(hourly.message).not.toMatch(/too many requests for this API/);
    const waitMin = (hourly.details.resetAt!.getTime() - Date.now()) / 60_000;
    expect(waitMin).toBeGreaterThan(59);
    expect(waitMin).toBeLessThanOrEqual(60);

    store.throttleNext({ retryAfter: 120 });
    const told = await failure(poll(null));
    const waitS = (told.details.resetAt!.getTime() - Date.now()) / 1000;
    expect(waitS).toBeGreaterThan(110);
    expect(waitS).toBeLessThanOrEqual(120);
  });

  it('says auth for a revoked key or one the uploaded public key did not sign, without echoing Apple', async () => {
    const spare = store.addKey();
    expect((await poll(null, { credentials: spare })).posts).toEqual([]);
    store.revokeKey(spare.keyId);
    const revoked = await failure(poll(null, { credentials: spare }));
    expect(revoked.kind).toBe('auth');
    expect(revoked.message).toMatch(/NOT_AUTHORIZED.*revoked/);
    expect(revoked.message).not.toMatch(/kid|properly configured/);

    // Same issuer and key id, another private key: the signature does not match the uploaded public key.
    const forged = makeAppStoreTestKey(store.key.keyId, store.key.issuerId).key;
    expect((await failure(poll(null, { credentials: forged }))).kind).toBe('auth');
  });

  it('names the role for 403, retries 5xx and reports an unknown app as invalid', async () => {
    store.failNext(403);
    const forbidden = await failure(poll(null));
    expect(forbidden.kind).toBe('auth');
    expect(forbidden.message).toMatch(/FORBIDDEN_ERROR.*Admin, App Manager or Customer Support/);
    expect(forbidden.message).not.toMatch(/security reasons/);

    store.failNext(503);
    expect((await failure(poll(null))).kind).toBe('transient');

    const unknown = await failure(poll(null, { config: { appId: '42' } }));
    expect(unknown).toMatchObject({ kind: 'invalid_request', details: { status: 404 } });
  });

  it('brings an edited review back with its new text and rating, and reports a deleted one removed', async () => {
    const [a, b, c] = ['Buggy', 'Meh', 'Fine'].map((body) => store.addReview({ appId: app.id, body, rating: 2 }));
    const first = await sweep(null);
    expect(first.removed).toEqual([]);

    store.editReview(a!.id, { body: 'Works now, thanks', rating: 5, title: 'Updated' });
    store.deleteReview(b!.id);
    const second = await sweep(first.cursor);
    const edited = second.posts.filter((p) => p.externalId === a!.id);
    expect(edited.at(-1)).toMatchObject({ text: 'Works now, thanks', title: 'Updated', metrics: { rating: 5 } });
    expect(second.removed).toEqual([b!.id]);
    expect(second.posts.some((p) => p.externalId === c!.id)).toBe(true);

    // A review reported gone is not asked about again.
    const seen = store.requests.length;
    const third = await sweep(second.cursor);
    expect(third.removed).toEqual([]);
    expect(store.requests.slice(seen).some((q) => q.path === `/v1/customerReviews/${b!.id}`)).toBe(false);
  });

  it('keeps unicode and a 5,000-character review intact, and skips a review without text', async () => {
    const head = 'Ünïcödé 🚀 日本語 — «ok» ';
    const long = head + 'é'.repeat(5000 - head.length);
    expect(long).toHaveLength(5000);
    const r = store.addReview({ appId: app.id, body: long, title: 'Très bien 👍' });
    const empty = store.addReview({ appId: app.id, body: '   ' });
    const { posts, skipped } = await sweep(null);
    expect(posts.find((p) => p.externalId === r.id)).toMatchObject({ text: long, title: 'Très bien 👍' });
    expect(skipped).toContainEqual({ externalId: empty.id, reason: expect.stringMatching(/body/) });
  });

  it('posts a response exactly once with its id, and finds it again instead of posting twice', async () => {
    const r = store.addReview({ appId: app.id, body: 'Where is dark mode?' });
    const ctx = replyCtx(r.id, 'Coming in the next update!');
    expect(await appStoreConnector.findReply!(ctx)).toBeNull();
    const made = await appStoreConnector.reply!(ctx);
    expect(store.responseCreates.get(r.id)).toBe(1);
    expect(store.responses.get(r.id)).toMatchObject({
      id: made.externalId,
      responseBody: 'Coming in the next update!',
    });
    expect(await appStoreConnector.findReply!(ctx)).toEqual(made);
    // A retry after an interrupted send: the response is there with our words, so nothing is posted again.
    expect(await appStoreConnector.reply!(ctx)).toEqual(made);
    expect(store.responseCreates.get(r.id)).toBe(1);

    const post = (await sweep(null)).posts.find((p) => p.externalId === r.id)!;
    expect(post.metrics).toEqual({ rating: 5, replied: 1 });
    expect(post.raw).toMatchObject({ response: { id: made.externalId, state: 'PENDING_PUBLISH' } });
  });

  it('never overwrites a response with other words, and reads a 409 as "ours already there"', async () => {
    const r = store.addReview({ appId: app.id, body: 'Too expensive' });
    const theirs = store.addResponse(r.id, 'Written in App Store Connect');
    const refused = await failure(appStoreConnector.reply!(replyCtx(r.id, 'We have a discount')));
    expect(refused.kind).toBe('invalid_request');
    expect(store.responses.get(r.id)).toMatchObject({ id: theirs.id, responseBody: 'Written in App Store Connect' });
    expect(store.responseCreates.get(r.id)).toBeUndefined();

    // Our response appears between the look and the post, and Apple refuses a second one with 409.
    const s = store.addReview({ appId: app.id, body: 'Slow sync' });
    const ours = store.addResponse(s.id, 'Fixed in 3.0');
    store.secondCreate = 'conflict';
    store.failNext(404, new RegExp(`/customerReviews/${s.id}/response$`));
    expect(await appStoreConnector.reply!(replyCtx(s.id, 'Fixed in 3.0'))).toMatchObject({ externalId: ours.id });
    expect(store.responseCreates.get(s.id)).toBeUndefined();
  });

  it('edits a response in place (or by delete and create on 409) and deletes it harmlessly twice', async () => {
    const r = store.addReview({ appId: app.id, body: 'Login fails' });
    const ctx = replyCtx(r.id, 'Looking into it');
    const made = await appStoreConnector.reply!(ctx);
    const edited = await replaceResponse(ctx, r.id, 'Fixed in 2.2');
    expect(edited.externalId).toBe(made.externalId);
    expect(store.responses.get(r.id)?.responseBody).toBe('Fixed in 2.2');

    store.secondCreate = 'conflict';
    const again = await replaceResponse(ctx, r.id, 'Fixed in 2.3');
    expect(again.externalId).not.toBe(made.externalId);
    expect(store.responses.get(r.id)).toMatchObject({ id: again.externalId, responseBody: 'Fixed in 2.3' });

    await deleteResponse(ctx, again.externalId);
    expect(store.responses.has(r.id)).toBe(false);
    await expect(deleteResponse(ctx, again.externalId)).resolves.toBeUndefined();
    expect(await appStoreConnector.findReply!(ctx)).toBeNull();
  });

  it('signs one token per API key and reuses it across calls', async () => {
    const other = store.addKey();
    const auth = async (credentials: AppStoreCredentials) => {
      await poll(null, { credentials });
      return store.requests.at(-1)!.headers.authorization;
    };
    const a1 = await auth(store.key);
    const b = await auth(other);
    const a2 = await auth(store.key);
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
  });

  it('verifies the key against the app and says why when it is refused', async () => {
    expect(await appStoreConnector.verify({ http: testHttp, config: config(), credentials: store.key })).toMatchObject({
      ok: true,
      account: app.name,
      message: expect.stringContaining('com.acme.app'),
    });
    const spare = store.addKey();
    store.revokeKey(spare.keyId);
    const refused = await appStoreConnector.verify({ http: testHttp, config: config(), credentials: spare });
    expect(refused).toMatchObject({ ok: false, account: null });
    expect(refused.message).toMatch(/refused the API key/);
    const missing = await appStoreConnector.verify({
      http: testHttp,
      config: config({ appId: '7' }),
      credentials: store.key,
    });
    expect(missing).toMatchObject({ ok: false, message: expect.stringMatching(/does not know this app/) });
  });

  it('takes credentials as App Store Connect shows them and refuses malformed ones', () => {
    const schema = appStoreConnector.credentialsSchema;
    expect(schema.safeParse(store.key).success).toBe(true);
    expect(schema.safeParse({ ...store.key, keyId: 'abc' }).success).toBe(false);
    expect(schema.safeParse({ ...store.key, issuerId: 'not-a-uuid' }).success).toBe(false);
    expect(schema.safeParse({ ...store.key, privateKey: 'hello' }).success).toBe(false);
    expect(appStoreConfigSchema.safeParse({ appId: 'com.acme.app' }).success).toBe(false);
    expect(appStoreConfigSchema.parse({ appId: '123' }).baseUrl).toBe('https://api.appstoreconnect.apple.com/');
  });
});
