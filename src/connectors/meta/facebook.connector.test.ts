import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeFbPage, type FakeMetaGraph, startFakeMetaGraph } from '../../../tests/fakes/meta-graph-server';
import { testHttp } from '../../../tests/helpers/outbound';
import type { ConnectorError, Cursor, PollPage } from '../types';
import { facebookConfigSchema, facebookConnector, type FacebookCredentials } from './facebook.connector';

let graph: FakeMetaGraph;
let page: FakeFbPage;
const config = (over: Record<string, unknown> = {}) =>
  facebookConfigSchema.parse({ pageId: page.id, baseUrl: graph.url, timeoutMs: 30_000, ...over });
const creds = (): FacebookCredentials => ({ accessToken: page.token, appSecret: graph.appSecret });
const since = () => new Date(Date.now() - 3 * 86_400_000);

const poll = (cursor: Cursor | null, o: { config?: Record<string, unknown> } = {}) =>
  facebookConnector.poll({
    http: testHttp,
    config: config(o.config),
    credentials: creds(),
    cursor,
    plan: { queries: [], hashtags: [] },
    now: new Date(),
    ...(cursor ? {} : { since: since() }),
  });

async function sweep(cursor: Cursor | null, o: { config?: Record<string, unknown> } = {}) {
  const pages: PollPage[] = [];
  for (;;) {
    const p = await poll(cursor, o);
    pages.push(p);
    cursor = p.cursor;
    if (!p.more)
      return { cursor, posts: pages.flatMap((x) => x.posts), skipped: pages.flatMap((x) => x.skipped ?? []) };
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

beforeAll(async () => {
  graph = await startFakeMetaGraph();
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  page = graph.addPage({ name: `Acme ${Math.random().toString(36).slice(2, 6)}` });
});

describe('Facebook Page connector', () => {
  it("reads visitors' posts, every comment and reply under Page posts, tagged posts, then what moved", async () => {
    const own = graph.addPost({
      pageId: page.id,
      message: 'Our new phone is here',
      from: { id: page.id, name: page.name },
    });
    const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * 86_400;
    const visitor = graph.addPost({
      pageId: page.id,
      message: 'Where is my order?',
      from: { id: '501', name: 'Vera' },
      created_time: twoDaysAgo,
    });
    const c1 = graph.addComment({ postId: own.id, message: 'Battery life?', from: { id: '502', name: 'Carl' } });
    const reply = graph.addComment({
      postId: own.id,
      parentId: c1.id,
      message: 'Same question',
      from: { id: '503', name: 'Dana' },
    });
    graph.addComment({
      postId: own.id,
      parentId: c1.id,
      message: 'About two days',
      from: { id: page.id, name: page.name },
    });
    graph.addPost({
      pageId: page.id,
      message: 'Loving @Acme',
      tagged: true,
      from: { id: '504', name: 'Tom' },
      created_time: twoDaysAgo,
    });
    graph.ratingsDeprecated = true;

    const first = await sweep(null);
    expect(first.posts.map((p) => p.text).sort()).toEqual(
      ['Battery life?', 'Loving @Acme', 'Same question', 'Where is my order?'].sort(),
    );
    const r = first.posts.find((p) => p.externalId === reply.id)!;
    expect(r).toMatchObject({ kind: 'comment', replyToExternalId: c1.id, threadExternalId: own.id });
    expect((r.raw as { post: { message: string } }).post.message).toBe('Our new phone is here');
    expect(first.posts.find((p) => p.externalId === visitor.id)).toMatchObject({
      kind: 'post',
      author: { externalId: '501', name: 'Vera' },
      threadExternalId: visitor.id,
    });
    // Every call carried the token's appsecret_proof.
    const proof = createHmac('sha256', graph.appSecret).update(page.token).digest('hex');
    const calls = graph.requests.filter((q) => q.path.includes(page.id) || q.query.get('access_token') === page.token);
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.every((q) => q.query.get('appsecret_proof') === proof)).toBe(true);

    const late = graph.addComment({ postId: own.id, message: 'Any discounts?', from: { id: '505', name: 'Eve' } });
    const seen = graph.requests.length;
    const second = await sweep(first.cursor);
    expect(second.posts.map((p) => p.externalId)).toContain(late.id);
    // Of the feed, only the post that moved is read again: a post older than the mark (less the slack) is not.
    const asked = graph.requests
      .slice(seen)
      .filter((q) => q.path.endsWith('/comments'))
      .map((q) => q.path);
    expect(asked).toContain(`/v24.0/${own.id}/comments`);
    expect(asked).not.toContain(`/v24.0/${visitor.id}/comments`);
  });

  it('reads a rating as a review with its recommendation, and stops asking once Meta answers code 12', async () => {
    graph.ratingsDeprecated = false;
    const rating = graph.addRating({
      pageId: page.id,
      review_text: 'Support never answered',
      recommendation_type: 'negative',
      reviewer: { id: '601', name: 'Rita' },
    });
    const { posts, cursor } = await sweep(null);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      externalId: `rating:${rating.id}`,
      title: 'Does not recommend',
      text: 'Support never answered',
      metrics: { recommends: 0 },
    });

    graph.ratingsDeprecated = true;
    const next = await sweep(cursor);
    expect(next.skipped).toEqual([{ externalId: 'ratings', reason: expect.stringMatching(/code 12/) }]);
    const before = graph.requests.length;
    await sweep(next.cursor);
    expect(graph.requests.slice(before).some((q) => q.path.endsWith('/ratings'))).toBe(false);
  });

  it('pages through a long feed by the after cursor, never by following the next link', async () => {
    graph.ratingsDeprecated = true;
    for (let i = 0; i < 60; i++)
      graph.addPost({ pageId: page.id, message: `post ${i}`, from: { id: `7${i}`, name: 'V' } });
    const { posts } = await sweep(null);
    expect(new Set(posts.map((p) => p.text)).size).toBe(60);
    const feedCalls = graph.requests.filter((q) => q.path.endsWith(`${page.id}/feed`));
    expect(feedCalls.length).toBeGreaterThanOrEqual(3);
    expect(feedCalls.slice(1).every((q) => q.query.get('after'))).toBe(true);
  });

  it('maps Meta errors: 190 asks to reconnect, 32 waits for the usage header, 200 names the permission', async () => {
    graph.failNext(190, { subcode: 463 });
    const expired = await failure(poll(null));
    expect(expired.kind).toBe('auth');
    expect(expired.message).toMatch(/token expired.*Reconnect/);

    graph.failNext(32, { etaMinutes: 42 });
    const throttled = await failure(poll(null));
    expect(throttled.kind).toBe('rate_limited');
    const waitMin = (throttled.details.resetAt!.getTime() - Date.now()) / 60_000;
    expect(waitMin).toBeGreaterThan(41);
    expect(waitMin).toBeLessThan(43);

    graph.failNext(200);
    graph.requests.length = 0;
    const lacking = await failure(poll(null));
    expect(lacking.kind).toBe('auth');

    graph.failNext(2);
    expect((await failure(poll(null))).kind).toBe('transient');
  });

  it('replies as the Page under a comment, and finds that reply again instead of posting twice', async () => {
    const post = graph.addPost({ pageId: page.id, message: 'Launch day', from: { id: page.id, name: page.name } });
    const c = graph.addComment({
      postId: post.id,
      message: 'Does it ship to Austria?',
      from: { id: '801', name: 'Anna' },
    });
    const ctx = {
      http: testHttp,
      config: config(),
      credentials: creds(),
      inReplyTo: { externalId: c.id, authorHandle: null, threadExternalId: post.id, raw: {} },
      text: 'Yes, within 3 days!',
      outbox: { replyId: 'r1', queuedAt: new Date() },
    };
    expect(await facebookConnector.findReply!(ctx)).toBeNull();
    const made = await facebookConnector.reply!(ctx);
    expect(graph.replies).toEqual([{ parentId: c.id, message: 'Yes, within 3 days!', id: made.externalId }]);
    expect(await facebookConnector.findReply!(ctx)).toEqual(made);
  });

  it('verifies the token against the Page and says why when it is refused', async () => {
    expect(await facebookConnector.verify({ http: testHttp, config: config(), credentials: creds() })).toMatchObject({
      ok: true,
      account: page.name,
    });
    graph.revoked.set(page.token, 460);
    const refused = await facebookConnector.verify({ http: testHttp, config: config(), credentials: creds() });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/password was changed/);
  });
});
