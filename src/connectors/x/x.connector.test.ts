import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../../../tests/fakes/x-server';
import { ConnectorError, type Cursor } from '../types';
import { maxId, xConfigSchema, xConnector } from './x.connector';
import { testHttp } from '../../../tests/helpers/outbound';

let x: FakeX;
const creds = { bearerToken: 'test-bearer' };
const plan = { queries: ['acme'], hashtags: [] };
const config = (timeoutMs = 30_000) => xConfigSchema.parse({ baseUrl: x.url, timeoutMs });
const poll = (cursor: Cursor | null = null, timeoutMs?: number) =>
  xConnector.poll({ http: testHttp, config: config(timeoutMs), credentials: creds, cursor, plan, now: new Date() });

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());
beforeEach(() => {
  x.tweets.length = 0;
  x.requests.length = 0;
});

describe('X connector against a fake X API', () => {
  it('maps tweets, authors and metrics into SocialPosts, decoding &amp; and keeping the raw tweet', async () => {
    x.addTweet(
      {
        text: 'Acme &amp; friends &lt;3 — café ☕️ 🚀',
        lang: 'en',
        public_metrics: { retweet_count: 2, reply_count: 1, like_count: 5, quote_count: 0 },
      },
      {
        id: '42',
        username: 'ana',
        name: 'Ana 🌸',
        description: 'PM at Foo &amp; Bar',
        public_metrics: { followers_count: 9876, following_count: 1, tweet_count: 1, listed_count: 0 },
        verified: true,
      },
    );
    const page = await poll();
    expect(page.posts).toHaveLength(1);
    const post = page.posts[0]!;
    expect(post.text).toBe('Acme & friends <3 — café ☕️ 🚀');
    expect(post.author).toMatchObject({
      externalId: '42',
      handle: 'ana',
      name: 'Ana 🌸',
      followers: 9876,
      bio: 'PM at Foo & Bar',
      verified: true,
    });
    expect(post.url).toBe(`https://x.com/ana/status/${post.externalId}`);
    expect(post.metrics).toEqual({ likes: 5, reposts: 2, replies: 1, quotes: 0 });
    expect((post.raw as { id: string }).id).toBe(post.externalId);
    const sent = x.requests[0]!.query;
    expect(sent.get('query')).toBe('(acme) -is:retweet');
    expect(sent.get('expansions')).toContain('author_id');
    expect(sent.get('tweet.fields')).toContain('note_tweet');
    expect(sent.get('user.fields')).toContain('public_metrics');
  });

  it('takes the full text of a long post from note_tweet', async () => {
    const long = 'a'.repeat(600);
    x.addTweet({ text: `${'a'.repeat(270)}…`, note_tweet: { text: long } });
    expect((await poll()).posts[0]!.text).toBe(long);
  });

  it('marks a withheld tweet as deleted instead of dropping it', async () => {
    x.addTweet({ text: 'withheld', withheld: { copyright: false, country_codes: ['DE'] } });
    expect((await poll()).posts[0]!.deleted).toBe(true);
  });

  it('records replies with their parent and thread', async () => {
    const parent = x.addTweet({ text: 'root' });
    x.addTweet({
      text: 'reply',
      conversation_id: parent.id,
      referenced_tweets: [{ type: 'replied_to', id: parent.id }],
    });
    const reply = (await poll()).posts.find((p) => p.text === 'reply')!;
    expect(reply).toMatchObject({ kind: 'comment', replyToExternalId: parent.id, threadExternalId: parent.id });
  });

  it('pages with next_token through a sweep, then asks only for newer tweets with since_id', async () => {
    x.addMany(250);
    const seen: string[] = [];
    let cursor: Cursor | null = null;
    let pages = 0;
    for (;;) {
      const page = await poll(cursor);
      pages++;
      seen.push(...page.posts.map((p) => p.externalId));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(250);
    expect(cursor).toEqual({ sinceId: x.tweets.at(-1)!.id });

    x.addTweet({ text: 'fresh acme' });
    const next = await poll(cursor);
    expect(next.posts.map((p) => p.text)).toEqual(['fresh acme']);
    expect(x.requests.at(-1)!.query.get('since_id')).toBe((cursor as { sinceId: string }).sinceId);
  });

  it('reports a 429 as rate_limited with the reset time from x-rate-limit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    x.rateLimitNext(reset);
    const err = await poll().catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('rate_limited');
    expect(err.details.resetAt.getTime()).toBe(reset * 1000);
  });

  it.each([
    [
      'a 503',
      'transient',
      { status: 503, json: { title: 'Service Unavailable', detail: 'Service Unavailable', status: 503 } },
    ],
    ['broken JSON', 'transient', { raw: '{"data": [', headers: { 'content-type': 'application/json' } }],
    ['a hang past the timeout', 'transient', { hang: true }],
    ['a 401', 'auth', { status: 401, json: { title: 'Unauthorized', detail: 'Unauthorized', status: 401 } }],
    ['a 400', 'invalid_request', { status: 400, json: { title: 'Invalid Request', detail: 'bad query', status: 400 } }],
  ] as const)('reports %s as a %s error', async (_name, kind, fault) => {
    x.fault(fault);
    // Only the hang gets the short timeout: a slow machine must not turn the other answers into timeouts.
    const err = await poll(null, 'hang' in fault ? 300 : undefined).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe(kind);
  });

  it('replies as the connected account with in_reply_to_tweet_id (OAuth 1.0a)', async () => {
    const parent = x.addTweet({ text: 'help @acme' });
    const res = await xConnector.reply!({
      http: testHttp,
      config: config(),
      credentials: { ...creds, appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'ts' },
      inReplyTo: { externalId: parent.id, authorHandle: 'ana', threadExternalId: parent.id, raw: null },
      text: 'Sorry to hear that! DM us.',
    });
    expect(res.externalId).toMatch(/^\d+$/);
    expect(x.replies.at(-1)).toMatchObject({ text: 'Sorry to hear that! DM us.', in_reply_to_tweet_id: parent.id });
    expect(x.replies.at(-1)!.authorization).toMatch(/^OAuth .*oauth_signature=/);
  });

  it('verifies good and bad credentials without throwing', async () => {
    expect((await xConnector.verify({ http: testHttp, config: config(), credentials: creds })).ok).toBe(true);
    x.fault({ status: 401, json: { title: 'Unauthorized', detail: 'Unauthorized', status: 401 } });
    const bad = await xConnector.verify({ http: testHttp, config: config(), credentials: creds });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.message).toMatch(/credentials/);
  });

  it('says when the app’s access level lacks search (the Free level), as a credentials problem', async () => {
    const refusal = {
      status: 403,
      json: {
        title: 'Client Forbidden',
        type: 'https://api.twitter.com/2/problems/client-forbidden',
        reason: 'client-not-enrolled',
        detail: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens...',
      },
    };
    x.fault(refusal);
    const bad = await xConnector.verify({ http: testHttp, config: config(), credentials: creds });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.message).toContain('X API Basic or higher');
    expect(bad.message).not.toContain('When authenticating');
    x.fault(refusal);
    const failed = await poll().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ConnectorError);
    expect((failed as ConnectorError).kind).toBe('auth');
  });

  it('compares 64-bit tweet ids exactly', () => {
    expect(maxId('1800000000000000009', '1800000000000000010')).toBe('1800000000000000010');
    expect(maxId(undefined, '5')).toBe('5');
  });
});
