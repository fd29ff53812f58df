import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeReddit, type FakeReddit } from '../../../tests/fakes/reddit-server';
import { ConnectorError, type Connector, type Cursor, type PollPage } from '../types';
import {
  createRedditConnector,
  listingsFor,
  type RedditConfig,
  redditConfigSchema,
  type RedditCredentials,
  redditCredentialsSchema,
  type RedditCursor,
} from './reddit.connector';
import { testHttp } from '../../../tests/helpers/outbound';

let reddit: FakeReddit;
let connector: Connector<RedditConfig, RedditCredentials>;
const app = { clientId: 'test-client', clientSecret: 'test-secret' };
const user = { ...app, username: 'acme_support', password: 'hunter2' };
const config = (over: Record<string, unknown> = {}) =>
  redditConfigSchema.parse({
    baseUrl: reddit.url,
    authBaseUrl: reddit.url,
    subreddits: ['acme'],
    timeoutMs: 30_000,
    ...over,
  });
const poll = (
  cursor: Cursor | null = null,
  o: { queries?: string[]; config?: Record<string, unknown>; since?: Date; credentials?: RedditCredentials } = {},
) =>
  connector.poll({
    http: testHttp,
    config: config(o.config),
    credentials: o.credentials ?? app,
    cursor,
    plan: { queries: o.queries ?? ['acme'], hashtags: [] },
    now: new Date(),
    ...(o.since ? { since: o.since } : {}),
  });
const lastListingRequest = () => reddit.requests.filter((r) => r.path !== '/api/v1/access_token').at(-1)!;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ConnectorError,
  );

async function drain(cursor: Cursor | null, o: Parameters<typeof poll>[1] = {}) {
  const pages: PollPage[] = [];
  for (;;) {
    const page = await poll(cursor, o);
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) return { pages, cursor, posts: pages.flatMap((p) => p.posts) };
    if (pages.length > 50) throw new Error('the sweep never ends');
  }
}

beforeAll(async () => {
  reddit = await startFakeReddit();
});
afterAll(() => reddit.close());
beforeEach(() => {
  reddit.items.length = 0;
  reddit.requests.length = 0;
  reddit.tokenRequests.length = 0;
  reddit.replies.length = 0;
  connector = createRedditConnector();
});

describe('Reddit connector against a fake Reddit API', () => {
  it('maps a post with unicode, emoji and escaped entities, and searches the subreddits by new', async () => {
    const p = reddit.addPost({
      title: 'Acme & friends <3 — café ☕️',
      selftext: 'Is **Acme** > Widgets? 🚀 "quotes" & more',
      score: 42,
      num_comments: 7,
      author: 'ana_dev',
      subreddit: 'widgets',
    });
    const page = await poll(null, { config: { subreddits: ['acme', 'r/widgets'], includeComments: false } });
    expect(page.posts).toHaveLength(1);
    const post = page.posts[0]!;
    expect(post).toMatchObject({
      externalId: p.name,
      kind: 'post',
      title: 'Acme & friends <3 — café ☕️',
      text: 'Is **Acme** > Widgets? 🚀 "quotes" & more',
      url: `https://www.reddit.com/r/widgets/comments/${p.id}/acme_friends_3_caf/`,
      threadExternalId: p.name,
      replyToExternalId: null,
      deleted: false,
      metrics: { score: 42, comments: 7, upvoteRatio: 0.97 },
    });
    expect(post.createdAt.getTime()).toBe(p.created_utc * 1000);
    expect(post.author).toMatchObject({
      handle: 'ana_dev',
      url: 'https://www.reddit.com/user/ana_dev',
      externalId: expect.stringMatching(/^t2_/),
    });
    // raw is the Thing as received: still escaped, exactly as Reddit sent it.
    expect((post.raw as { kind: string; data: { title: string; subreddit: string } }).data).toMatchObject({
      title: 'Acme &amp; friends &lt;3 — café ☕️',
      subreddit: 'widgets',
    });
    const req = lastListingRequest();
    expect(req.path).toBe('/r/acme+widgets/search');
    expect(Object.fromEntries(req.query)).toEqual({
      q: 'acme',
      sort: 'new',
      type: 'link',
      restrict_sr: '1',
      limit: '100',
    });
    expect(req.headers.authorization).toMatch(/^bearer a-/);
    expect(req.headers['user-agent']).toMatch(/^nodejs:social-crm-listening:v/);
  });

  it('uses the title as the text of a link post with no body', async () => {
    reddit.addPost({ title: 'Acme launches a thing', url: 'https://acme.example/launch' });
    expect((await poll(null, { config: { includeComments: false } })).posts[0]).toMatchObject({
      title: 'Acme launches a thing',
      text: 'Acme launches a thing',
    });
  });

  it('keeps a 40,000-character self post whole', async () => {
    const long = `acme ${'ü'.repeat(39_995)}`;
    reddit.addPost({ title: 'long one', selftext: long });
    expect((await poll(null, { config: { includeComments: false } })).posts[0]!.text).toBe(long);
  });

  it('searches all of Reddit without restrict_sr and reads no comments when no subreddit is named', async () => {
    reddit.addPost({ title: 'acme elsewhere', subreddit: 'random' });
    const page = await poll(null, { config: { subreddits: [] } });
    expect(page.posts.map((p) => p.title)).toEqual(['acme elsewhere']);
    expect(page.more).toBe(false);
    expect(reddit.requests.filter((r) => r.path !== '/api/v1/access_token').map((r) => r.path)).toEqual(['/search']);
    expect(lastListingRequest().query.has('restrict_sr')).toBe(false);
  });

  it('reads the new comments of the subreddits, with their thread and parent', async () => {
    const post = reddit.addPost({ title: 'unrelated' });
    const top = reddit.addComment({ link_id: post.name, body: 'Acme &amp; co? <b>no</b> 😅' });
    const reply = reddit.addComment({ link_id: post.name, parent_id: top.name, body: 'yes' });
    const search = await poll(null);
    expect(search.more).toBe(true);
    const page = await poll(search.cursor);
    expect(lastListingRequest().path).toBe('/r/acme/comments');
    expect(page.more).toBe(false);
    expect(page.posts.map((p) => p.externalId)).toEqual([reply.name, top.name]);
    expect(page.posts[1]).toMatchObject({
      kind: 'comment',
      title: null,
      text: 'Acme &amp; co? <b>no</b> 😅',
      threadExternalId: post.name,
      replyToExternalId: post.name,
    });
    expect(page.posts[0]).toMatchObject({ replyToExternalId: top.name, threadExternalId: post.name });
    expect(page.posts[0]!.url).toBe(`https://www.reddit.com/r/acme/comments/${post.id}/unrelated/${reply.id}/`);
  });

  it('keeps removed and deleted items and marks them deleted', async () => {
    const removed = reddit.addPost({ title: 'acme scam?', selftext: '[removed]', removed_by_category: 'moderator' });
    const gone = reddit.addPost({ title: 'acme gone', selftext: '[deleted]', author: '[deleted]' });
    reddit.addPost({ title: 'acme fine', selftext: 'ok' });
    const c = reddit.addComment({ link_id: removed.name, body: '[deleted]', author: '[deleted]' });
    const { posts } = await drain(null);
    const byId = new Map(posts.map((p) => [p.externalId, p]));
    expect(posts).toHaveLength(4);
    expect(byId.get(removed.name)!.deleted).toBe(true);
    expect(byId.get(gone.name)).toMatchObject({ deleted: true, author: { handle: null, url: null, externalId: null } });
    expect(byId.get(c.name)!.deleted).toBe(true);
    expect(posts.filter((p) => !p.deleted).map((p) => p.title)).toEqual(['acme fine']);
  });

  it('pages through a first sweep with after, then asks only for newer items with before', async () => {
    for (let i = 0; i < 250; i++) reddit.addPost({ title: `acme post ${i}` });
    const first = await drain(null, { config: { includeComments: false } });
    expect(first.pages.map((p) => p.posts.length)).toEqual([100, 100, 50]);
    expect(first.pages.map((p) => p.more)).toEqual([true, true, false]);
    expect(new Set(first.posts.map((p) => p.externalId)).size).toBe(250);
    const newest = reddit.items.at(-1)!.data;
    expect(first.cursor).toEqual({
      listings: { 'search:acme:acme': { newest: newest.name, newestUtc: newest.created_utc } },
    });

    const fresh = reddit.addPost({ title: 'fresh acme' });
    const next = await poll(first.cursor, { config: { includeComments: false } });
    expect(next.posts.map((p) => p.externalId)).toEqual([fresh.name]);
    expect(lastListingRequest().query.get('before')).toBe(newest.name);
    expect(next.more).toBe(false);
    const idle = await poll(next.cursor, { config: { includeComments: false } });
    expect(idle.posts).toEqual([]);
    expect(lastListingRequest().query.get('before')).toBe(fresh.name);
  });

  it('walks up page by page when more than 100 items arrived since the last sweep', async () => {
    reddit.addPost({ title: 'acme old' });
    const { cursor } = await drain(null, { config: { includeComments: false } });
    const added = Array.from({ length: 150 }, (_, i) => reddit.addPost({ title: `acme burst ${i}` }).name);
    const burst = await drain(cursor, { config: { includeComments: false } });
    expect(burst.pages.map((p) => p.posts.length)).toEqual([100, 50]);
    expect(new Set(burst.posts.map((p) => p.externalId))).toEqual(new Set(added));
    expect((burst.cursor as unknown as RedditCursor).listings['search:acme:acme']!.newest).toBe(added.at(-1));
  });

  it('walks every query and the comments in one round, never losing one, then only newer items', async () => {
    const a = reddit.addPost({ title: 'acme one' });
    const w = reddit.addPost({ title: 'widget two' });
    const c = reddit.addComment({ link_id: a.name, body: 'a comment' });
    const round = await drain(null, { queries: ['acme', 'widget'] });
    expect(round.pages.map((p) => p.posts.map((x) => x.externalId))).toEqual([[a.name], [w.name], [c.name]]);
    expect(Object.keys((round.cursor as unknown as RedditCursor).listings).sort()).toEqual([
      'comments:acme',
      'search:acme:acme',
      'search:acme:widget',
    ]);

    const w2 = reddit.addPost({ title: 'widget three' });
    const again = await drain(round.cursor, { queries: ['acme', 'widget'] });
    expect(again.posts.map((p) => p.externalId)).toEqual([w2.name]);
    expect(again.pages).toHaveLength(3);
  });

  it('honours since on the first sweep, also on its later pages', async () => {
    for (let i = 0; i < 50; i++) reddit.addPost({ title: `acme old ${i}` });
    const since = new Date(reddit.items.at(-1)!.data.created_utc * 1000);
    for (let i = 0; i < 150; i++) reddit.addPost({ title: `acme new ${i}` });
    const first = await poll(null, { since, config: { includeComments: false } });
    expect(first.posts).toHaveLength(100);
    expect(first.more).toBe(true);
    const second = await poll(first.cursor, { config: { includeComments: false } });
    expect(second.posts).toHaveLength(50);
    expect(second.posts.every((p) => p.title!.startsWith('acme new'))).toBe(true);
    expect(second.more).toBe(false);
  });

  it('re-reads the top of the listing when the before= anchor vanished, so the source never stalls', async () => {
    reddit.addPost({ title: 'acme keep' });
    const anchor = reddit.addPost({ title: 'acme soon removed' });
    let { cursor } = await drain(null, { config: { includeComments: false } });
    reddit.items.splice(
      reddit.items.findIndex((i) => i.data.name === anchor.name),
      1,
    );
    const fresh = reddit.addPost({ title: 'acme after removal' });
    for (let i = 0; i < 5; i++) {
      const page = await poll(cursor, { config: { includeComments: false } });
      expect(page.posts).toEqual([]);
      expect(lastListingRequest().query.get('before')).toBe(anchor.name);
      cursor = page.cursor;
    }
    const probe = await poll(cursor, { config: { includeComments: false } });
    expect(probe.posts.map((p) => p.externalId)).toEqual([fresh.name]);
    expect(lastListingRequest().query.has('before')).toBe(false);
    expect((probe.cursor as unknown as RedditCursor).listings['search:acme:acme']).toEqual({
      newest: fresh.name,
      newestUtc: fresh.created_utc,
    });
  });

  it('reports a 429 as rate_limited with the reset time from x-ratelimit-reset', async () => {
    reddit.rateLimitNext(120);
    const before = Date.now();
    const err = await failure(poll());
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('rate_limited');
    expect(err.message).toMatch(/Reddit rate limit reached .*120 seconds/);
    const resetAt = err.details.resetAt!.getTime();
    expect(resetAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 120_000);
  });

  it('falls back to Retry-After when a 429 has no x-ratelimit-reset', async () => {
    reddit.fault({
      match: (r) => r.path.endsWith('/search'),
      status: 429,
      headers: { 'retry-after': '30' },
      json: { message: 'Too Many Requests', error: 429 },
    });
    const err = await failure(poll());
    expect(err.kind).toBe('rate_limited');
    expect(Math.round((err.details.resetAt!.getTime() - Date.now()) / 1000)).toBe(30);
  });

  const onSearch = (r: { path: string }) => r.path.endsWith('/search');
  it.each([
    ['a 503', 'transient', { status: 503, json: { message: 'Service Unavailable', error: 503 } }, /server error/],
    [
      'an HTML 502 page',
      'transient',
      { status: 502, raw: '<html><body>all servers are busy</body></html>' },
      /server error/,
    ],
    [
      'broken JSON',
      'transient',
      { raw: '{"kind": "Listing", "data": {"chil' },
      /^Reddit answered something that is not JSON$/,
    ],
    [
      'a 200 HTML page',
      'transient',
      { headers: { 'content-type': 'text/html' }, raw: '<!doctype html><p>hi</p>' },
      /^Reddit answered an HTML page, not JSON$/,
    ],
    [
      'JSON that is not a listing',
      'transient',
      { json: { kind: 't3', data: {} } },
      /^Reddit answered JSON without the listing$/,
    ],
    // Once "Cannot read properties of undefined (reading 'author')".
    [
      'a listing of things without their data',
      'transient',
      { json: { kind: 'Listing', data: { after: null, children: [{ kind: 't3' }] } } },
      /^Reddit answered posts without the fields a mention needs/,
    ],
    ['a hang past the timeout', 'transient', { hang: true }, /did not answer within 300 ms/],
    ['a 400', 'invalid_request', { status: 400, json: { message: 'Bad Request', error: 400 } }, /rejected the request/],
    [
      'a 403 for a private subreddit',
      'invalid_request',
      { status: 403, json: { reason: 'private', message: 'Forbidden', error: 403 } },
      /subreddit \(HTTP 403, private\)/,
    ],
    [
      'a 403 without a reason',
      'auth',
      { status: 403, json: { message: 'Forbidden', error: 403 } },
      /refused the credentials/,
    ],
  ] as const)('reports %s as a %s error', async (_name, kind, fault, message) => {
    reddit.fault({ ...fault, match: onSearch });
    // Only the hang gets the short timeout: a slow machine must not turn the other answers into timeouts.
    const err = await failure(poll(null, { config: 'hang' in fault ? { timeoutMs: 300 } : {} }));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(message);
    expect(err.details.platform).toBe('reddit');
  });

  it('reports a network failure as transient', async () => {
    const err = await failure(poll(null, { config: { baseUrl: 'http://127.0.0.1:1/' } }));
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/Could not reach Reddit/);
  });

  it('gets an app-only token with Basic auth, caches it, and renews it once when Reddit rejects it', async () => {
    reddit.addPost({ title: 'acme' });
    await poll(null, { config: { includeComments: false } });
    await poll(null, { config: { includeComments: false } });
    expect(reddit.tokenRequests).toHaveLength(1);
    const t = reddit.tokenRequests[0]!;
    expect(t.headers.authorization).toBe(`Basic ${Buffer.from('test-client:test-secret').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(t.body))).toEqual({ grant_type: 'client_credentials' });

    reddit.revokeTokens();
    expect((await poll(null, { config: { includeComments: false } })).posts).toHaveLength(1);
    expect(reddit.tokenRequests).toHaveLength(2);
  });

  it('uses the password grant when an account is given', async () => {
    await poll(null, { credentials: user, config: { includeComments: false } });
    expect(Object.fromEntries(new URLSearchParams(reddit.tokenRequests[0]!.body))).toEqual({
      grant_type: 'password',
      username: 'acme_support',
      password: 'hunter2',
    });
    expect(lastListingRequest().headers['user-agent']).toMatch(/\(by \/u\/acme_support\)$/);
  });

  it('reports a wrong app secret (401) and a wrong password (200 invalid_grant) as auth errors', async () => {
    const badSecret = await failure(poll(null, { credentials: { ...app, clientSecret: 'nope' } }));
    expect(badSecret).toMatchObject({ kind: 'auth', details: { status: 401 } });
    const badPassword = await failure(poll(null, { credentials: { ...user, password: 'nope' } }));
    expect(badPassword.kind).toBe('auth');
    expect(badPassword.message).toMatch(/invalid_grant/);
  });

  it('replies with /api/comment on the parent fullname as the account', async () => {
    const post = reddit.addPost({ title: 'acme broke my widget' });
    const res = await connector.reply!({
      http: testHttp,
      config: config(),
      credentials: user,
      inReplyTo: { externalId: post.name, authorHandle: 'ana_dev', threadExternalId: post.name, raw: null },
      text: 'Sorry! DM us & we fix it 🙏',
    });
    expect(reddit.replies).toEqual([
      { thing_id: post.name, text: 'Sorry! DM us & we fix it 🙏', authorization: expect.stringMatching(/^bearer u-/) },
    ]);
    const made = reddit.items.at(-1)!.data;
    expect(res).toEqual({
      externalId: made.name,
      url: `https://www.reddit.com/r/acme/comments/${post.id}/acme_broke_my_widget/${made.id}/`,
    });
    expect(new URLSearchParams(lastListingRequest().body).get('api_type')).toBe('json');
  });

  it('refuses to reply without an account, and maps the errors Reddit puts inside a 200', async () => {
    const post = reddit.addPost({ title: 'acme' });
    const inReplyTo = { externalId: post.name, authorHandle: null, threadExternalId: null, raw: null };
    expect(
      await failure(connector.reply!({ http: testHttp, config: config(), credentials: app, inReplyTo, text: 'hi' })),
    ).toMatchObject({ kind: 'auth' });
    const missing = await failure(
      connector.reply!({
        http: testHttp,
        config: config(),
        credentials: user,
        inReplyTo: { ...inReplyTo, externalId: 't3_zzzzzz' },
        text: 'hi',
      }),
    );
    expect(missing).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/NO_THING_ID/) });
    reddit.fault({
      match: (r) => r.path === '/api/comment',
      json: {
        json: {
          ratelimit: 180.5,
          errors: [['RATELIMIT', 'Take a break for 3 minutes before trying again.', 'ratelimit']],
        },
      },
    });
    const limited = await failure(
      connector.reply!({ http: testHttp, config: config(), credentials: user, inReplyTo, text: 'hi' }),
    );
    expect(limited.kind).toBe('rate_limited');
    expect(limited.details.resetAt!.getTime()).toBeGreaterThan(Date.now() + 170_000);
    expect(reddit.replies).toEqual([]);
  });

  it('verifies app-only and account credentials, and says what is wrong without throwing', async () => {
    expect(await connector.verify({ http: testHttp, config: config(), credentials: app })).toMatchObject({
      ok: true,
      account: null,
    });
    expect(lastListingRequest().path).toBe('/r/all/new');
    expect(lastListingRequest().query.get('limit')).toBe('1');
    expect(await connector.verify({ http: testHttp, config: config(), credentials: user })).toMatchObject({
      ok: true,
      account: 'acme_support',
    });
    expect(lastListingRequest().path).toBe('/api/v1/me');

    const bad = await connector.verify({
      http: testHttp,
      config: config(),
      credentials: { ...app, clientSecret: 'wrong' },
    });
    expect(bad).toMatchObject({ ok: false, account: null });
    expect(bad.message).toMatch(/Reddit refused the credentials/);
    const badUser = await connector.verify({
      http: testHttp,
      config: config(),
      credentials: { ...user, password: 'wrong' },
    });
    expect(badUser).toMatchObject({ ok: false });
    expect(badUser.message).toMatch(/username or password/);
  });
});

describe('Reddit config and listings', () => {
  it('normalises subreddit names and requires username and password together', () => {
    expect(redditConfigSchema.parse({ subreddits: ['r/TypeScript', ' node '] })).toMatchObject({
      subreddits: ['TypeScript', 'node'],
      baseUrl: 'https://oauth.reddit.com',
      authBaseUrl: 'https://www.reddit.com',
      includeComments: true,
      timeoutMs: 15_000,
    });
    expect(redditConfigSchema.safeParse({ subreddits: ['no spaces'] }).success).toBe(false);
    expect(redditCredentialsSchema.safeParse({ ...app, username: 'x' }).success).toBe(false);
    expect(redditCredentialsSchema.safeParse(user).success).toBe(true);
  });

  it('refuses a plan with nothing to read and a query longer than Reddit allows', () => {
    const c = redditConfigSchema.parse({ subreddits: [] });
    expect(() => listingsFor(c, [])).toThrow(/Nothing to read on Reddit/);
    expect(() => listingsFor(c, ['a'.repeat(513)])).toThrow(/allows 512/);
    expect(listingsFor(redditConfigSchema.parse({ subreddits: ['a1', 'b2'] }), ['x', 'x']).map((s) => s.key)).toEqual([
      'search:a1+b2:x',
      'comments:a1+b2',
    ]);
  });
});
