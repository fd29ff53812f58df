import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appStoreConnector } from '../../src/connectors/app-store/app-store.connector';
import { googlePlayConnector } from '../../src/connectors/google-play/google-play.connector';
import { googleReviewsConnector } from '../../src/connectors/google-reviews/google-reviews.connector';
import { sendDueReplies } from '../../src/inbox/replies/outbox';
import { replies } from '../../src/inbox/replies/schema';
import { pollSource } from '../../src/sources';
import { makeAppStoreTestKey } from '../fakes/app-store-auth';
import { type FakeAppStore, startFakeAppStore } from '../fakes/app-store-server';
import { type FakeGooglePlay, makeServiceAccountKey, startFakeGooglePlay } from '../fakes/google-play-server';
import { type FakeGoogleReviews, startFakeGoogleReviews } from '../fakes/google-reviews-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Google Business reviews, the App Store and Google Play polled through the one flow against their fakes:
 * pollSource -> ingest -> mentions (and the review list, the ratings report) -> inbox -> reply outbox -> fake.
 * Every test makes its own workspace, sources and fake items, so none depends on another having run.
 */
let t: TestContext;
let google: FakeGoogleReviews;
let store: FakeAppStore;
let play: FakeGooglePlay;

type Ws = Awaited<ReturnType<TestContext['seedWorkspace']>>;
interface MentionJson {
  id: string;
  platform: string;
  externalId: string;
  text: string;
  title: string | null;
  metrics: Record<string, number>;
  author: { name: string | null };
  editedAt: string | null;
  deletedAt: string | null;
}
interface ReviewJson {
  id: string;
  platform: string;
  place: string | null;
  rating: number;
  body: string;
  memberName: string;
  conversationId: string | null;
  editedAt: string | null;
}

beforeAll(async () => {
  google = await startFakeGoogleReviews();
  store = await startFakeAppStore();
  play = await startFakeGooglePlay();
  t = await createTestContext({
    connectors: {
      google_reviews: googleReviewsConnector,
      app_store: appStoreConnector,
      google_play: googlePlayConnector,
    },
  });
});
afterAll(async () => {
  await t.close();
  await google.close();
  await store.close();
  await play.close();
});

let wsCount = 0;
const freshWorkspace = () => t.seedWorkspace(`Reviews ${++wsCount}`);

async function addSource(ws: Ws, body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/sources', { token: ws.token, body });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}
const poll = (id: string) => pollSource(t.deps, id, { force: true });
const sourceOf = async (ws: Ws, id: string) =>
  (await t.request('GET', `/api/v1/sources/${id}`, { token: ws.token })).json;

async function mentionsOf(ws: Ws, platform: string, includeDeleted = false) {
  const res = await t.request(
    'GET',
    `/api/v1/mentions?platform=${platform}&limit=200${includeDeleted ? '&includeDeleted=true' : ''}`,
    { token: ws.token },
  );
  expect(res.status).toBe(200);
  return res.json.items as MentionJson[];
}
const mentionBy = async (ws: Ws, platform: string, externalId: string) =>
  (await mentionsOf(ws, platform, true)).find((m) => m.externalId === externalId);

async function reviewsList(ws: Ws, query = '') {
  const res = await t.request('GET', `/api/v1/reviews?limit=100${query}`, { token: ws.token });
  expect(res.status, res.text).toBe(200);
  return res.json as { items: ReviewJson[]; total: number; average: number | null };
}

// ---- each platform's source and its items on the fake ----

function googleSource(ws: Ws, locationIds: string[], accountId: string, grant = google.grant(), name = 'Google') {
  return addSource(ws, {
    platform: 'google_reviews',
    name,
    config: { accountId, locationIds, baseUrl: google.url, tokenUrl: google.tokenUrl },
    credentials: grant,
  });
}
// Reviews from the last hour (the first sweep reaches a day back), a minute apart, newest first.
let googleMinute = 0;
const googleReview = (
  place: { accountId: string; locationId: string },
  comment: string,
  starRating: 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE',
  displayName = 'Greta Gast',
) =>
  google.addReview({
    ...place,
    comment,
    starRating,
    reviewer: { displayName, isAnonymous: false },
    createTime: Date.now() - 3_600_000 + (++googleMinute % 50) * 60_000,
  });

async function appStoreSource(ws: Ws, appId: string, key = store.addKey(), name = 'App Store') {
  return addSource(ws, {
    platform: 'app_store',
    name,
    config: { appId, baseUrl: store.url },
    credentials: key,
  });
}

let pkgCount = 0;
async function playApp() {
  const packageName = `com.acme.reviews${++pkgCount}`;
  const key = await play.addServiceAccount({ packages: [packageName] });
  return { packageName, key };
}
function playSource(ws: Ws, packageName: string, serviceAccountJson: string, name = 'Google Play') {
  return addSource(ws, {
    platform: 'google_play',
    name,
    config: { packageName, baseUrl: play.url, tokenUrl: play.tokenUrl },
    credentials: { serviceAccountJson },
  });
}

// ---- replies through the inbox ----

const reply = (ws: Ws, conversationId: string, text: string, key: string) =>
  t.request('POST', `/api/v1/conversations/${conversationId}/replies`, {
    token: ws.token,
    body: { text },
    headers: { 'idempotency-key': key },
  });

/** Waits for the reply's background send to reach a status. */
async function waitFor(ws: Ws, id: string, status: string) {
  for (let i = 0; i < 250; i++) {
    const r = await t.request('GET', `/api/v1/replies/${id}`, { token: ws.token });
    if (r.json.status === status) return r.json;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error(`reply ${id} never reached ${status}`);
}

/**
 * Replies from a conversation as a person clicking twice would, lets the send finish, runs the outbox job
 * again, then plays a sender that died after the platform took the reply (the row left `sending`, its lease
 * run out) and runs the outbox once more. `posted` counts what reached the fake.
 */
async function replyExactlyOnce(ws: Ws, conversationId: string, text: string, posted: () => number) {
  const key = `click-${conversationId}`;
  const [first, second] = await Promise.all([
    reply(ws, conversationId, text, key),
    reply(ws, conversationId, text, key),
  ]);
  expect(first.status, first.text).toBe(202);
  expect(second.json.id).toBe(first.json.id);
  const sent = await waitFor(ws, first.json.id, 'sent');
  expect(posted()).toBe(1);

  await sendDueReplies(t.deps);
  expect(posted()).toBe(1);

  await t.db
    .update(replies)
    .set({ status: 'sending', leaseUntil: new Date(Date.now() - 1000), sentAt: null, platformPostId: null })
    .where(eq(replies.id, first.json.id));
  await sendDueReplies(t.deps);
  const after = (await t.request('GET', `/api/v1/replies/${first.json.id}`, { token: ws.token })).json;
  expect(after).toMatchObject({
    status: 'sent',
    platformPostId: sent.platformPostId,
    error: expect.stringMatching(/earlier attempt had posted it/),
  });
  expect(posted()).toBe(1);
  return sent as { id: string; platformPostId: string; url: string | null };
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('Google Business Profile reviews, polled through the one flow', () => {
  it('stores every page of a location and another one, with platform, rating, place, author, text', async () => {
    const ws = await freshWorkspace();
    const a = google.addLocation();
    const b = google.addLocation(a.accountId);
    const many = Array.from({ length: 55 }, (_, i) =>
      googleReview(a, `Visit number ${i}, coffee was fine`, i % 2 ? 'FOUR' : 'FIVE', `Guest ${i}`),
    );
    const other = googleReview(b, 'Airport shop was slow', 'THREE', 'Otto Other');
    const id = await googleSource(ws, [a.locationId, b.locationId], a.accountId);

    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 56 });
    const lists = google.requests.filter(
      (q) => q.path === `/v4/accounts/${a.accountId}/locations/${a.locationId}/reviews`,
    );
    // Two pages of Google's 50, the second asked for with the first's token.
    expect(lists).toHaveLength(2);
    expect(lists[1]!.query.get('pageToken')).toBeTruthy();

    const stored = await mentionsOf(ws, 'google_reviews');
    expect(stored).toHaveLength(56);
    const m = stored.find((x) => x.externalId === other.reviewId)!;
    expect(m).toMatchObject({
      platform: 'google_reviews',
      text: 'Airport shop was slow',
      metrics: { rating: 3 },
      author: { name: 'Otto Other' },
    });
    expect(stored.find((x) => x.externalId === many[54]!.reviewId)).toMatchObject({
      text: 'Visit number 54, coffee was fine',
      metrics: { rating: 5 },
      author: { name: 'Guest 54' },
    });
    // The place each review is of: the reviews list says it, and filters by it.
    const atB = await reviewsList(ws, `&place=${b.locationId}`);
    expect(atB.items.map((r) => [r.place, r.body, r.rating, r.memberName])).toEqual([
      [b.locationId, 'Airport shop was slow', 3, 'Otto Other'],
    ]);
    expect((await reviewsList(ws, `&place=${a.locationId}`)).total).toBe(55);
  });

  it('pauses only the throttled source until Google says (429 RESOURCE_EXHAUSTED); another polls on', async () => {
    const ws = await freshWorkspace();
    const a = google.addLocation();
    const b = google.addLocation();
    googleReview(a, 'Nice place', 'FIVE');
    const fine = googleReview(b, 'Good bread', 'FOUR');
    const throttled = await googleSource(ws, [a.locationId], a.accountId, google.grant(), 'Throttled');
    const other = await googleSource(ws, [b.locationId], b.accountId, google.grant(), 'Fine');

    google.rateLimitNext(1, { retryAfterS: 1800 });
    const before = Date.now();
    expect(await poll(throttled)).toMatchObject({ status: 'failed', kind: 'rate_limited' });
    const after = Date.now();
    expect(await poll(other)).toMatchObject({ status: 'ok', inserted: 1 });

    const paused = await sourceOf(ws, throttled);
    expect(paused).toMatchObject({
      status: 'degraded',
      lastError: expect.stringMatching(/HTTP 429 \(RESOURCE_EXHAUSTED\): too many requests/),
    });
    // Retry-After's half hour (and a second), counted from the poll.
    const next = Date.parse(paused.nextPollAt);
    expect(next).toBeGreaterThanOrEqual(before + 1_801_000);
    expect(next).toBeLessThanOrEqual(after + 1_801_000);
    const ok = await sourceOf(ws, other);
    expect(ok).toMatchObject({ status: 'ok', lastError: null });
    expect(Date.parse(ok.nextPollAt)).toBeLessThan(before + 1_800_000);
    expect((await mentionsOf(ws, 'google_reviews')).map((m) => m.externalId)).toEqual([fine.reviewId]);
  });

  it('turns failing with "reconnect" once access is revoked; a new sign-in resumes without duplicates', async () => {
    const ws = await freshWorkspace();
    const place = google.addLocation();
    const first = googleReview(place, 'Lovely terrace', 'FIVE');
    const grant = google.grant();
    const id = await googleSource(ws, [place.locationId], place.accountId, grant);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });

    google.revoke(grant.refreshToken);
    const second = googleReview(place, 'Terrace closed today', 'THREE');
    expect(await poll(id)).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(await sourceOf(ws, id)).toMatchObject({
      status: 'failing',
      lastError: expect.stringMatching(/401.*no longer valid; reconnect the account/),
    });

    const patched = await t.request('PATCH', `/api/v1/sources/${id}`, {
      token: ws.token,
      body: { credentials: google.grant() },
    });
    expect(patched.status).toBe(200);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });
    expect(await sourceOf(ws, id)).toMatchObject({ status: 'ok', lastError: null });
    const stored = (await mentionsOf(ws, 'google_reviews')).map((m) => m.externalId).sort();
    expect(stored).toEqual([first.reviewId, second.reviewId].sort());
  });

  it('updates an edited review in place (words and stars) and marks a deleted one deleted', async () => {
    const ws = await freshWorkspace();
    const place = google.addLocation();
    const edited = googleReview(place, 'Great pizza', 'FIVE');
    const gone = googleReview(place, 'Rude waiter', 'TWO');
    const kept = googleReview(place, 'Fine salad', 'FOUR');
    const id = await googleSource(ws, [place.locationId], place.accountId);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 3 });
    const before = (await mentionBy(ws, 'google_reviews', edited.reviewId))!;
    expect(before).toMatchObject({ text: 'Great pizza', metrics: { rating: 5 }, editedAt: null });

    google.editReview(edited.name, { comment: 'Pizza was cold this time', starRating: 'TWO' });
    // The reviewer edited it just now: it comes back on top of Google's list.
    google.reviews.get(edited.name)!.updateTime = Date.now();
    google.deleteReview(gone.name);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 0 });

    const after = (await mentionBy(ws, 'google_reviews', edited.reviewId))!;
    expect(after).toMatchObject({
      id: before.id,
      text: 'Pizza was cold this time',
      metrics: { rating: 2 },
      rating: 2,
      place: { id: place.locationId, name: null },
      editedAt: expect.any(String),
      deletedAt: null,
    });
    const listed = (await reviewsList(ws, '&platform=google_reviews')).items;
    expect(listed.find((r) => r.id === before.id)).toMatchObject({ rating: 2, body: 'Pizza was cold this time' });

    expect((await mentionBy(ws, 'google_reviews', gone.reviewId))?.deletedAt).toEqual(expect.any(String));
    expect((await mentionsOf(ws, 'google_reviews')).map((m) => m.externalId).sort()).toEqual(
      [edited.reviewId, kept.reviewId].sort(),
    );
    expect(listed.map((r) => r.body).sort()).toEqual(['Fine salad', 'Pizza was cold this time']);
  });

  it('opens a conversation for a 1-star review and answers it once on Google; a 5-star one stays out', async () => {
    const ws = await freshWorkspace();
    const place = google.addLocation();
    const bad = googleReview(place, 'Cold food, waited an hour, never again', 'ONE', 'Karl Kunde');
    const glowing = googleReview(place, 'Wonderful staff, we love this place!', 'FIVE', 'Frieda Fan');
    const id = await googleSource(ws, [place.locationId], place.accountId);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 2 });

    const listed = (await reviewsList(ws, '&platform=google_reviews')).items;
    const low = listed.find((r) => r.memberName === 'Karl Kunde')!;
    expect(low.conversationId).toEqual(expect.any(String));
    expect(listed.find((r) => r.memberName === 'Frieda Fan')!.conversationId).toBeNull();
    const convs = (await t.request('GET', '/api/v1/conversations?platform=google_reviews', { token: ws.token })).json;
    expect(convs.items.map((c: { id: string }) => c.id)).toEqual([low.conversationId]);

    const text = 'We are sorry, Karl. Please write to us so we can make it right.';
    const sent = await replyExactlyOnce(ws, low.conversationId!, text, () => google.replyCounts.get(bad.name) ?? 0);
    expect(sent.platformPostId).toBe(`${bad.name}/reply`);
    const puts = google.requests.filter((q) => q.method === 'PUT');
    expect(puts.map((q) => [q.path, JSON.parse(q.body)])).toContainEqual([`/v4/${bad.name}/reply`, { comment: text }]);
    expect(google.reviews.get(bad.name)!.reviewReply?.comment).toBe(text);
    expect(google.replyCounts.get(glowing.name)).toBeUndefined();

    // The reviewer changes the review after our answer: the conversation shows the new stars and says so.
    google.editReview(bad.name, { comment: 'They called me back, much better now', starRating: 'FOUR' });
    google.reviews.get(bad.name)!.updateTime = Date.now();
    expect(await poll(id)).toMatchObject({ status: 'ok' });
    const session = await t.browserSession(`owner@${ws.workspace.name.toLowerCase().replace(/[^a-z0-9]/g, '')}.test`);
    const page = await t.app.request(`/inbox/c/${low.conversationId}`, { headers: { cookie: session.cookie } });
    const html = await page.text();
    expect(html).toContain('aria-label="4 of 5 stars"');
    expect(html).toContain('data-testid="edited-after-reply"');
    expect(html).toContain('They called me back, much better now');
    expect(html).toContain('data-testid="reply-retract"');

    // Answering again replaces the owner response; the older answer can then not be taken down (it would
    // delete the newer one on Google), the newer one can.
    const edited = await reply(ws, low.conversationId!, 'Karl, we called you back: thank you for updating.', 'two');
    const newer = await waitFor(ws, edited.json.id, 'sent');
    expect(google.reviews.get(bad.name)!.reviewReply?.comment).toBe(
      'Karl, we called you back: thank you for updating.',
    );
    const older = await t.request('POST', `/api/v1/replies/${sent.id}/retract`, { token: ws.token });
    expect([older.status, older.json.error.code]).toEqual([409, 'REPLY_NOT_LATEST']);
    expect(google.reviews.get(bad.name)!.reviewReply).toBeDefined();

    // Taken down again from the conversation: the owner response is gone on Google, and the history says so.
    const down = await t.request('POST', `/api/v1/replies/${newer.id}/retract`, { token: ws.token });
    expect(down.status, down.text).toBe(200);
    expect(down.json.retractedAt).toEqual(expect.any(String));
    expect(google.reviews.get(bad.name)!.reviewReply).toBeUndefined();
    const again = await t.request('POST', `/api/v1/replies/${newer.id}/retract`, { token: ws.token });
    expect(again.json.retractedAt).toBe(down.json.retractedAt);
    const conv = await t.request('GET', `/api/v1/conversations/${low.conversationId}`, { token: ws.token });
    const events = (conv.json.thread as { kind: string; event?: string }[]).filter(
      (i) => i.event === 'reply_retracted',
    );
    expect(events).toHaveLength(1);
  });
});

describe('App Store reviews, polled through the one flow', () => {
  it("stores every page by Apple's cursor, with platform, rating, app, author, title and text", async () => {
    const ws = await freshWorkspace();
    const app = store.addApp({ name: 'Acme Boots' });
    const made = Array.from({ length: 5 }, (_, i) =>
      store.addReview({
        appId: app.id,
        body: `Review body ${i}`,
        title: `Title ${i}`,
        rating: (i % 5) + 1,
        reviewerNickname: `nick${i}`,
      }),
    );
    const id = await appStoreSource(ws, app.id);
    store.pageSize = 2;
    try {
      expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 5 });
    } finally {
      store.pageSize = 200;
    }
    const lists = store.requests.filter((q) => q.path === `/v1/apps/${app.id}/customerReviews`);
    expect(lists).toHaveLength(3);
    expect(lists.slice(1).every((q) => q.query.get('cursor'))).toBe(true);

    const stored = await mentionsOf(ws, 'app_store');
    expect(stored.map((m) => m.externalId).sort()).toEqual(made.map((r) => r.id).sort());
    expect(stored.find((m) => m.externalId === made[3]!.id)).toMatchObject({
      platform: 'app_store',
      title: 'Title 3',
      text: 'Review body 3',
      metrics: { rating: 4 },
      author: { name: 'nick3' },
    });
    const listed = await reviewsList(ws, `&platform=app_store&place=${app.id}`);
    expect(listed.total).toBe(5);
    expect(listed.items.every((r) => r.place === app.id)).toBe(true);
  });

  it('refuses a key Apple does not know on save and stores nothing; a good key is taken', async () => {
    const ws = await freshWorkspace();
    const app = store.addApp({ name: 'Keyed' });
    const wrong = makeAppStoreTestKey('WRONG12345').key;
    const refused = await t.request('POST', '/api/v1/sources', {
      token: ws.token,
      body: {
        platform: 'app_store',
        name: 'Wrong key',
        config: { appId: app.id, baseUrl: store.url },
        credentials: wrong,
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('SOURCE_KEY_REFUSED');
    expect(refused.json.error.message).toMatch(/401 NOT_AUTHORIZED/);
    expect((await t.request('GET', '/api/v1/sources', { token: ws.token })).json.items).toEqual([]);

    const good = await appStoreSource(ws, app.id, store.addKey(), 'Good key');
    const sources = (await t.request('GET', '/api/v1/sources', { token: ws.token })).json.items;
    expect(sources.map((s: { id: string; name: string }) => [s.id, s.name])).toEqual([[good, 'Good key']]);
  });

  it("pauses only the source whose key's hourly budget is spent (429), until Retry-After", async () => {
    const ws = await freshWorkspace();
    const a = store.addApp({ name: 'Throttled app' });
    const b = store.addApp({ name: 'Fine app' });
    store.addReview({ appId: a.id, body: 'Nice' });
    const fine = store.addReview({ appId: b.id, body: 'Also nice' });
    const throttled = await appStoreSource(ws, a.id, store.addKey(), 'Throttled');
    const other = await appStoreSource(ws, b.id, store.addKey(), 'Fine');

    store.throttleNext({ retryAfter: 1200, match: new RegExp(`^/v1/apps/${a.id}/customerReviews$`) });
    const before = Date.now();
    expect(await poll(throttled)).toMatchObject({ status: 'failed', kind: 'rate_limited' });
    const after = Date.now();
    expect(await poll(other)).toMatchObject({ status: 'ok', inserted: 1 });

    const paused = await sourceOf(ws, throttled);
    expect(paused).toMatchObject({
      status: 'degraded',
      lastError: expect.stringMatching(/rate limit reached \(HTTP 429 RATE_LIMIT_EXCEEDED\).*about 20 minutes/),
    });
    const next = Date.parse(paused.nextPollAt);
    expect(next).toBeGreaterThanOrEqual(before + 1_201_000);
    expect(next).toBeLessThanOrEqual(after + 1_201_000);
    expect(await sourceOf(ws, other)).toMatchObject({ status: 'ok', lastError: null });
    expect((await mentionsOf(ws, 'app_store')).map((m) => m.externalId)).toEqual([fine.id]);
  });

  it('turns failing with a new-key message once the key is revoked; a new key resumes without duplicates', async () => {
    const ws = await freshWorkspace();
    const app = store.addApp({ name: 'Revoked app' });
    const first = store.addReview({ appId: app.id, body: 'Good app' });
    const key = store.addKey();
    const id = await appStoreSource(ws, app.id, key);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });

    store.revokeKey(key.keyId);
    const second = store.addReview({ appId: app.id, body: 'Update broke login' });
    expect(await poll(id)).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(await sourceOf(ws, id)).toMatchObject({
      status: 'failing',
      lastError: expect.stringMatching(/refused the API key \(HTTP 401 NOT_AUTHORIZED\).*Generate a new key/),
    });
    // The revoked key cannot be saved back either.
    const again = await t.request('PATCH', `/api/v1/sources/${id}`, { token: ws.token, body: { credentials: key } });
    expect(again.json.error.code).toBe('SOURCE_KEY_REFUSED');

    const patched = await t.request('PATCH', `/api/v1/sources/${id}`, {
      token: ws.token,
      body: { credentials: store.addKey() },
    });
    expect(patched.status).toBe(200);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });
    const stored = (await mentionsOf(ws, 'app_store')).map((m) => m.externalId).sort();
    expect(stored).toEqual([first.id, second.id].sort());
  });

  it('updates an edited review in place with its new rating, and marks a deleted one deleted', async () => {
    const ws = await freshWorkspace();
    const app = store.addApp({ name: 'Edited app' });
    const edited = store.addReview({ appId: app.id, body: 'Love it', rating: 5 });
    const gone = store.addReview({ appId: app.id, body: 'Meh', rating: 3 });
    const id = await appStoreSource(ws, app.id);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 2 });
    const before = (await mentionBy(ws, 'app_store', edited.id))!;

    store.editReview(edited.id, { body: 'Crashes since the update', rating: 1 });
    store.deleteReview(gone.id);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 0 });

    expect(await mentionBy(ws, 'app_store', edited.id)).toMatchObject({
      id: before.id,
      text: 'Crashes since the update',
      metrics: { rating: 1 },
      editedAt: expect.any(String),
    });
    const listed = (await reviewsList(ws, '&platform=app_store')).items;
    expect(listed.map((r) => [r.id, r.rating, r.body])).toEqual([[before.id, 1, 'Crashes since the update']]);
    expect((await mentionBy(ws, 'app_store', gone.id))?.deletedAt).toEqual(expect.any(String));
    expect((await mentionsOf(ws, 'app_store')).map((m) => m.externalId)).toEqual([edited.id]);
  });

  it('opens a conversation for a 2-star review, responds once on the App Store; a 5-star one stays out', async () => {
    const ws = await freshWorkspace();
    const app = store.addApp({ name: 'Replied app' });
    const bad = store.addReview({ appId: app.id, body: 'Sync keeps failing and support is slow', rating: 2 });
    const glowing = store.addReview({ appId: app.id, body: 'Brilliant app, love the design!', rating: 5 });
    const id = await appStoreSource(ws, app.id);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 2 });
    const listed = (await reviewsList(ws, '&platform=app_store')).items;
    const low = listed.find((r) => r.rating === 2)!;
    expect(low.conversationId).toEqual(expect.any(String));
    expect(listed.find((r) => r.rating === 5)!.conversationId).toBeNull();

    const text = 'Sorry about the sync trouble: version 2.1 fixes it.';
    const sent = await replyExactlyOnce(ws, low.conversationId!, text, () => store.responseCreates.get(bad.id) ?? 0);
    const response = store.responses.get(bad.id)!;
    expect(response.responseBody).toBe(text);
    expect(sent.platformPostId).toBe(response.id);
    const posts = store.requests.filter((q) => q.method === 'POST' && q.path === '/v1/customerReviewResponses');
    const forBad = posts.filter((q) => JSON.parse(q.body).data.relationships.review.data.id === bad.id);
    expect(forBad).toHaveLength(1);
    expect(store.responseCreates.get(glowing.id)).toBeUndefined();

    // The developer response can be taken down again; the review stays.
    const down = await t.request('POST', `/api/v1/replies/${sent.id}/retract`, { token: ws.token });
    expect(down.status, down.text).toBe(200);
    expect(store.responses.get(bad.id)).toBeUndefined();
  });
});

describe('Google Play reviews, polled through the one flow', () => {
  it('stores every page of the week, each review with platform, rating, app, author and text', async () => {
    const ws = await freshWorkspace();
    const { packageName, key } = await playApp();
    const made = Array.from({ length: 103 }, (_, i) =>
      play.addReview({
        packageName,
        text: `Handy app ${i}`,
        starRating: (i % 5) + 1,
        authorName: `Player ${i}`,
        lastModified: Date.now() - (i + 1) * 60_000,
      }),
    );
    const id = await playSource(ws, packageName, key.json);
    // Saving the source tried the key with one list of one review; the poll's lists come after it.
    const saved = play.requests.length;
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 103 });
    const lists = play.requests
      .slice(saved)
      .filter((q) => q.path === `/androidpublisher/v3/applications/${packageName}/reviews`);
    expect(lists.map((q) => q.query.get('maxResults'))).toEqual(['100', '100']);
    expect(lists[1]!.query.get('token')).toBeTruthy();

    const stored = await mentionsOf(ws, 'google_play');
    expect(stored).toHaveLength(103);
    expect(stored.find((m) => m.externalId === made[7]!.reviewId)).toMatchObject({
      platform: 'google_play',
      text: 'Handy app 7',
      metrics: { rating: 3 },
      author: { name: 'Player 7' },
    });
    const listed = await reviewsList(ws, `&platform=google_play&place=${packageName}`);
    expect(listed.total).toBe(103);
    expect(listed.items.every((r) => r.place === packageName)).toBe(true);
  });

  it('refuses a key Google does not know on save and stores nothing; a good key is taken', async () => {
    const ws = await freshWorkspace();
    const { packageName, key } = await playApp();
    const stranger = await makeServiceAccountKey();
    const refused = await t.request('POST', '/api/v1/sources', {
      token: ws.token,
      body: {
        platform: 'google_play',
        name: 'Wrong key',
        config: { packageName, baseUrl: play.url, tokenUrl: play.tokenUrl },
        credentials: { serviceAccountJson: stranger.json },
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('SOURCE_KEY_REFUSED');
    expect(refused.json.error.message).toMatch(/invalid_grant/);
    expect((await t.request('GET', '/api/v1/sources', { token: ws.token })).json.items).toEqual([]);

    const good = await playSource(ws, packageName, key.json, 'Good key');
    const sources = (await t.request('GET', '/api/v1/sources', { token: ws.token })).json.items;
    expect(sources.map((s: { id: string; name: string }) => [s.id, s.name])).toEqual([[good, 'Good key']]);
  });

  it("pauses only the source that spent Play's hourly review quota, for the hour; another polls on", async () => {
    const ws = await freshWorkspace();
    const a = await playApp();
    const b = await playApp();
    play.addReview({ packageName: a.packageName, text: 'Nice game' });
    const fine = play.addReview({ packageName: b.packageName, text: 'Fun levels' });
    const throttled = await playSource(ws, a.packageName, a.key.json, 'Throttled');
    const other = await playSource(ws, b.packageName, b.key.json, 'Fine');

    play.quota('reviewReadsPerHour', { method: 'GET' });
    const before = Date.now();
    expect(await poll(throttled)).toMatchObject({ status: 'failed', kind: 'rate_limited' });
    const after = Date.now();
    expect(await poll(other)).toMatchObject({ status: 'ok', inserted: 1 });

    const paused = await sourceOf(ws, throttled);
    expect(paused).toMatchObject({ status: 'degraded', lastError: expect.stringMatching(/hourly quota is used up/) });
    const next = Date.parse(paused.nextPollAt);
    expect(next).toBeGreaterThanOrEqual(before + 3_601_000);
    expect(next).toBeLessThanOrEqual(after + 3_601_000);
    expect(await sourceOf(ws, other)).toMatchObject({ status: 'ok', lastError: null });
    expect((await mentionsOf(ws, 'google_play')).map((m) => m.externalId)).toEqual([fine.reviewId]);
  });

  it('turns failing with "reconnect" once the key is deleted; a new key resumes without duplicates', async () => {
    const ws = await freshWorkspace();
    const { packageName, key } = await playApp();
    const first = play.addReview({ packageName, text: 'Works well' });
    const id = await playSource(ws, packageName, key.json);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });

    // The key was deleted in Google Cloud: its tokens stop working and no new one is granted.
    play.deleteKey(key.privateKeyId);
    play.expireTokens();
    const second = play.addReview({ packageName, text: 'Now it crashes' });
    expect(await poll(id)).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(await sourceOf(ws, id)).toMatchObject({
      status: 'failing',
      lastError: expect.stringMatching(/401.*no longer valid; reconnect the account/),
    });

    const fresh = await play.addServiceAccount({ packages: [packageName] });
    const patched = await t.request('PATCH', `/api/v1/sources/${id}`, {
      token: ws.token,
      body: { credentials: { serviceAccountJson: fresh.json } },
    });
    expect(patched.status).toBe(200);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });
    const stored = (await mentionsOf(ws, 'google_play')).map((m) => m.externalId).sort();
    expect(stored).toEqual([first.reviewId, second.reviewId].sort());
  });

  it('updates an edited review in place with its new stars, and marks a deleted one deleted', async () => {
    const ws = await freshWorkspace();
    const { packageName, key } = await playApp();
    const edited = play.addReview({ packageName, text: 'Great app', starRating: 5 });
    const gone = play.addReview({ packageName, text: 'Okay app', starRating: 3 });
    const id = await playSource(ws, packageName, key.json);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 2 });
    const before = (await mentionBy(ws, 'google_play', edited.reviewId))!;

    play.editReview(edited.reviewId, { text: 'Ads everywhere now', starRating: 2 });
    play.deleteReview(gone.reviewId);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 0 });

    expect(await mentionBy(ws, 'google_play', edited.reviewId)).toMatchObject({
      id: before.id,
      text: 'Ads everywhere now',
      metrics: { rating: 2 },
      editedAt: expect.any(String),
    });
    const listed = (await reviewsList(ws, '&platform=google_play')).items;
    expect(listed.map((r) => [r.id, r.rating, r.body])).toEqual([[before.id, 2, 'Ads everywhere now']]);
    expect((await mentionBy(ws, 'google_play', gone.reviewId))?.deletedAt).toEqual(expect.any(String));

    // New stars alone, the words unchanged: an edit too.
    play.editReview(edited.reviewId, { starRating: 4 });
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 0 });
    expect(await mentionBy(ws, 'google_play', edited.reviewId)).toMatchObject({
      id: before.id,
      text: 'Ads everywhere now',
      metrics: { rating: 4 },
    });
    expect((await reviewsList(ws, '&platform=google_play')).items.map((r) => [r.id, r.rating])).toEqual([
      [before.id, 4],
    ]);
  });

  it('opens a conversation for a 1-star review and replies once on Play; a 5-star one stays out', async () => {
    const ws = await freshWorkspace();
    const { packageName, key } = await playApp();
    const bad = play.addReview({ packageName, text: 'Crashes on start, useless', starRating: 1 });
    const glowing = play.addReview({ packageName, text: 'Fantastic app, love it!', starRating: 5 });
    const id = await playSource(ws, packageName, key.json);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 2 });
    const listed = (await reviewsList(ws, '&platform=google_play')).items;
    const low = listed.find((r) => r.rating === 1)!;
    expect(low.conversationId).toEqual(expect.any(String));
    expect(listed.find((r) => r.rating === 5)!.conversationId).toBeNull();

    const text = 'Sorry! Version 3.2 fixes the crash on start.';
    const sent = await replyExactlyOnce(ws, low.conversationId!, text, () => play.replies.get(bad.reviewId) ?? 0);
    expect(sent.platformPostId).toBe(`${bad.reviewId}/reply`);
    const posts = play.requests.filter((q) => q.method === 'POST' && q.path.endsWith(':reply'));
    expect(posts.map((q) => [decodeURIComponent(q.path), JSON.parse(q.body)])).toContainEqual([
      `/androidpublisher/v3/applications/${packageName}/reviews/${bad.reviewId}:reply`,
      { replyText: text },
    ]);
    expect(play.reviews.find((r) => r.reviewId === bad.reviewId)!.reply?.text).toBe(text);
    expect(play.replies.get(glowing.reviewId)).toBeUndefined();
    // Google Play has no way to delete a developer reply (only to replace it by answering again).
    const down = await t.request('POST', `/api/v1/replies/${sent.id}/retract`, { token: ws.token });
    expect([down.status, down.json.error.code]).toEqual([422, 'REPLY_RETRACT_UNSUPPORTED']);
  });
});

describe('reviews of every platform side by side', () => {
  it('lists each platform with its own average, and a place mapped to a product topic joins that topic', async () => {
    const ws = await freshWorkspace();
    const place = google.addLocation();
    const elsewhere = google.addLocation(place.accountId);
    googleReview(place, 'Friendly staff', 'FIVE');
    googleReview(place, 'Good but pricey', 'FOUR');
    googleReview(elsewhere, 'Too small a shop', 'THREE');
    const app = store.addApp({ name: 'Averages app' });
    store.addReview({ appId: app.id, body: 'Does the job', rating: 3 });
    store.addReview({ appId: app.id, body: 'Not bad at all', rating: 4 });
    const { packageName, key } = await playApp();
    play.addReview({ packageName, text: 'Slow to load', starRating: 2 });
    play.addReview({ packageName, text: 'Love the new widgets', starRating: 5 });
    const g = await googleSource(ws, [place.locationId, elsewhere.locationId], place.accountId);
    const as = await appStoreSource(ws, app.id);
    const gp = await playSource(ws, packageName, key.json);
    for (const id of [g, as, gp]) expect(await poll(id)).toMatchObject({ status: 'ok' });

    const playOnly = await reviewsList(ws, '&platform=google_play');
    expect(playOnly).toMatchObject({ total: 2, average: 3.5 });
    expect(playOnly.items.map((r) => r.platform)).toEqual(['google_play', 'google_play']);
    expect((await reviewsList(ws, '&platform=app_store')).average).toBe(3.5);
    expect((await reviewsList(ws, '&platform=google_reviews')).average).toBe(4);

    const from = utcDay(Date.now() - 86_400_000);
    const to = utcDay(Date.now());
    const report = await t.request('GET', `/api/v1/reports/ratings?from=${from}&to=${to}`, { token: ws.token });
    expect(report.status).toBe(200);
    const lines = Object.fromEntries(
      (report.json.byPlatform as { platform: string }[]).map(({ platform, ...rest }) => [platform, rest]),
    );
    expect(lines).toEqual({
      google_reviews: expect.objectContaining({ reviews: 3, rated: 3, average: 4 }),
      app_store: expect.objectContaining({ reviews: 2, rated: 2, average: 3.5 }),
      google_play: expect.objectContaining({ reviews: 2, rated: 2, average: 3.5 }),
    });
    expect(report.json).toMatchObject({ total: 7, average: 3.71 });

    // A product topic whose words none of the reviews say: only the mapping brings them in.
    const topic = await t.request('POST', '/api/v1/topics', {
      token: ws.token,
      body: { name: 'Flagship store', kind: 'product', query: 'flagshipxyz' },
    });
    expect(topic.status).toBe(201);
    const topicId = topic.json.id as string;
    expect((await reviewsList(ws, `&topic=${topicId}`)).items).toEqual([]);
    for (const [source, placeId] of [
      [g, place.locationId],
      [gp, packageName],
    ] as const) {
      const mapped = await t.request('PATCH', `/api/v1/sources/${source}`, {
        token: ws.token,
        body: { placeTopics: { [placeId]: topicId } },
      });
      expect(mapped.status).toBe(200);
    }
    const about = await reviewsList(ws, `&topic=${topicId}`);
    expect(about.items.map((r) => r.body).sort()).toEqual(
      ['Friendly staff', 'Good but pricey', 'Love the new widgets', 'Slow to load'].sort(),
    );
    expect(about.items.map((r) => r.place)).not.toContain(elsewhere.locationId);
    expect(about.total).toBe(4);
  });
});
