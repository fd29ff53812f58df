import { XRPCError } from '@atproto/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBluesky, type FakeBluesky } from '../../../tests/fakes/bluesky-server';
import type { SearchPlan } from '../../core/search-plan';
import { ConnectorError, type Cursor } from '../types';
import {
  blueskyConfigSchema,
  blueskyConnector,
  blueskyCredentialsSchema,
  postUrl,
  replyRefs,
  toConnectorError,
  type BlueskyCursor,
} from './bluesky.connector';
import { testHttp } from '../../../tests/helpers/outbound';

let bsky: FakeBluesky;
const anon = {};
const creds = () => ({ identifier: bsky.account.handle, appPassword: bsky.account.appPassword });
const plan: SearchPlan = { queries: ['acme'], hashtags: [] };
const config = (extra: Record<string, unknown> = {}) =>
  blueskyConfigSchema.parse({ baseUrl: bsky.url, timeoutMs: 30_000, ...extra });
const poll = (
  cursor: Cursor | null = null,
  opts: { credentials?: object; plan?: typeof plan; since?: Date; config?: ReturnType<typeof config> } = {},
) =>
  blueskyConnector.poll({
    http: testHttp,
    config: opts.config ?? config(),
    credentials: opts.credentials ?? anon,
    cursor,
    plan: opts.plan ?? plan,
    now: new Date(),
    ...(opts.since ? { since: opts.since } : {}),
  });
const searches = () => bsky.requests.filter((r) => r.path === '/xrpc/app.bsky.feed.searchPosts');

async function drain(cursor: Cursor | null, opts: Parameters<typeof poll>[1] = {}) {
  const texts: string[] = [];
  let pages = 0;
  for (;;) {
    const page = await poll(cursor, opts);
    pages++;
    texts.push(...page.posts.map((p) => p.text));
    cursor = page.cursor;
    if (!page.more) return { texts, pages, cursor };
  }
}

beforeAll(async () => {
  bsky = await startFakeBluesky();
});
afterAll(() => bsky.close());
beforeEach(() => {
  bsky.posts.length = 0;
  bsky.requests.length = 0;
  bsky.created.length = 0;
});

describe('Bluesky connector against a fake PDS/AppView', () => {
  it('maps a post view into a SocialPost, keeping unicode, emoji and facets untouched', async () => {
    const text = 'Acme & friends <3 — café ☕️ 👩‍👩‍👧 https://acme.test #launch';
    const byteStart = Buffer.byteLength(text.slice(0, text.indexOf('https')));
    const facets = [
      {
        index: { byteStart, byteEnd: byteStart + 17 },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://acme.test' }],
      },
    ];
    const view = bsky.addPost(
      { text, langs: ['fr', 'en'], facets, metrics: { likeCount: 5, repostCount: 2, replyCount: 1, quoteCount: 3 } },
      {
        handle: 'ana.bsky.social',
        displayName: 'Ana 🌸',
        avatar: 'https://cdn.bsky.app/img/avatar/plain/did/cid@jpeg',
        verification: { verifications: [], verifiedStatus: 'valid', trustedVerifierStatus: 'none' },
      },
    );
    const page = await poll();
    expect(page.posts).toHaveLength(1);
    const post = page.posts[0]!;
    const rkey = view.uri.split('/').at(-1);
    expect(post).toMatchObject({
      externalId: view.uri,
      url: `https://bsky.app/profile/ana.bsky.social/post/${rkey}`,
      kind: 'post',
      text,
      lang: 'fr',
      replyToExternalId: null,
      threadExternalId: view.uri,
      deleted: false,
    });
    expect(post.createdAt.toISOString()).toBe(view.record.createdAt);
    expect(post.author).toEqual({
      externalId: view.author.did,
      handle: 'ana.bsky.social',
      name: 'Ana 🌸',
      followers: null,
      bio: null,
      url: 'https://bsky.app/profile/ana.bsky.social',
      avatarUrl: 'https://cdn.bsky.app/img/avatar/plain/did/cid@jpeg',
      verified: true,
    });
    expect(post.metrics).toEqual({ likes: 5, reposts: 2, replies: 1, quotes: 3 });
    expect((post.raw as { record: { facets: unknown } }).record.facets).toEqual(facets);
    const sent = searches()[0]!.query;
    expect(sent.get('q')).toBe('acme');
    expect(sent.get('sort')).toBe('latest');
    expect(sent.get('limit')).toBe('100');
    expect(sent.get('since')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(searches()[0]!.headers.authorization).toBeUndefined();
  });

  it('keeps a 300-grapheme post whole, multi-codepoint emoji included', async () => {
    const long = `acme ${'👨‍👩‍👧‍👦é'.repeat(147)}!`;
    expect([...new Intl.Segmenter().segment(long)].length).toBe(300);
    bsky.addPost({ text: long });
    expect((await poll()).posts[0]!.text).toBe(long);
  });

  it('links a reply to its parent and to the thread root', async () => {
    const root = bsky.addPost({ text: 'acme root' });
    const mid = bsky.addPost({ text: 'acme mid', replyTo: root });
    const leaf = bsky.addPost({ text: 'acme leaf', replyTo: mid });
    const posts = (await poll()).posts;
    expect(posts.find((p) => p.externalId === leaf.uri)).toMatchObject({
      kind: 'comment',
      replyToExternalId: mid.uri,
      threadExternalId: root.uri,
    });
    expect(posts.find((p) => p.externalId === mid.uri)).toMatchObject({
      replyToExternalId: root.uri,
      threadExternalId: root.uri,
    });
  });

  it('keeps taken-down posts and authors, marked deleted, and honours negated labels', async () => {
    const mod = 'did:plc:ar7c4by46qjdydhdevvrndac';
    const gone = bsky.addPost({ text: 'acme gone', labels: [{ src: mod, val: '!takedown' }] });
    const back = bsky.addPost({
      text: 'acme back',
      labels: [
        { src: mod, val: '!hide' },
        { src: mod, val: '!hide', neg: true },
      ],
    });
    const byBanned = bsky.addPost(
      { text: 'acme banned author' },
      {
        handle: 'spam.bsky.social',
        labels: [{ src: mod, uri: 'at://did:plc:x', val: '!takedown', cts: new Date().toISOString() }],
      },
    );
    const posts = (await poll()).posts;
    expect(posts).toHaveLength(3);
    const byId = new Map(posts.map((p) => [p.externalId, p.deleted]));
    expect(byId.get(gone.uri)).toBe(true);
    expect(byId.get(back.uri)).toBe(false);
    expect(byId.get(byBanned.uri)).toBe(true);
  });

  it('pages with the XRPC cursor through a sweep, then asks only for newer posts with since', async () => {
    bsky.addMany(250);
    const first = await drain(null);
    expect(first.pages).toBe(3);
    expect(new Set(first.texts).size).toBe(250);
    const newest = bsky.posts.at(-1)!;
    expect(first.cursor).toEqual({ queries: { acme: { since: newest.record.createdAt, seen: [newest.uri] } } });
    expect(searches().map((r) => r.query.get('cursor'))).toEqual([null, '100', '200']);

    bsky.addPost({ text: 'fresh acme', createdAt: new Date(Date.parse(newest.record.createdAt) + 1000).toISOString() });
    const next = await drain(first.cursor);
    // `since` is inclusive: the boundary post comes back from the server and is dropped.
    expect(next.texts).toEqual(['fresh acme']);
    expect(searches().at(-1)!.query.get('since')).toBe(newest.record.createdAt);

    const idle = await drain(next.cursor);
    expect(idle.texts).toEqual([]);
    expect(idle.cursor).toEqual(next.cursor);
  });

  it('resumes an unfinished sweep where it stopped, keeping the sweep bound', async () => {
    bsky.addMany(150);
    const since = new Date(Date.now() - 3_600_000);
    const page1 = await poll(null, { since });
    expect(page1.more).toBe(true);
    const state = (page1.cursor as BlueskyCursor).queries!.acme!;
    expect(state).toMatchObject({ since: since.toISOString(), next: '100' });
    const page2 = await poll(page1.cursor);
    expect(page2.posts).toHaveLength(50);
    expect(page2.more).toBe(false);
    expect(searches().map((r) => r.query.get('since'))).toEqual([since.toISOString(), since.toISOString()]);
  });

  it('honours since on the first sweep', async () => {
    bsky.addPost({ text: 'acme old', createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    bsky.addPost({ text: 'acme recent', createdAt: new Date(Date.now() - 3_600_000).toISOString() });
    const res = await drain(null, { since: new Date(Date.now() - 86_400_000) });
    expect(res.texts).toEqual(['acme recent']);
  });

  it('walks every query of the plan with its own state and never loses one', async () => {
    const two = { queries: ['acme', '"big launch"'], hashtags: ['acmeday'] };
    bsky.addPost({ text: 'acme one' });
    bsky.addPost({ text: 'the big launch is here' });
    bsky.addPost({ text: 'party', tags: ['acmeday'] });
    const round = await drain(null, { plan: two });
    expect(round.pages).toBe(3);
    expect(round.texts.sort()).toEqual(['acme one', 'party', 'the big launch is here']);
    expect(Object.keys((round.cursor as BlueskyCursor).queries!)).toEqual(['acme', '"big launch"', '#acmeday']);

    bsky.addPost({
      text: 'the big launch, again',
      createdAt: new Date(Date.now() + 1000).toISOString(),
      indexedAt: new Date(Date.now() + 1000).toISOString(),
    });
    const again = await drain(round.cursor, { plan: { queries: ['"big launch"', 'newterm'], hashtags: [] } });
    expect(again.texts).toEqual(['the big launch, again']);
    expect(Object.keys((again.cursor as BlueskyCursor).queries!)).toEqual(['"big launch"', 'newterm']);
  });

  it('reports a 429 as rate_limited with the reset time from RateLimit-Reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    bsky.rateLimitNext(reset);
    const e = await poll().catch((x) => x);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e.kind).toBe('rate_limited');
    expect(e.details.resetAt.getTime()).toBe(reset * 1000);
    expect(e.message).toMatch(/Bluesky rate limit/);
  });

  it.each([
    ['a 502', 'transient', { status: 502, json: { error: 'UpstreamFailure', message: 'Upstream Failure' } }],
    ['broken JSON', 'transient', { raw: '{"posts": [', headers: { 'content-type': 'application/json' } }],
    ['a hang past the timeout', 'transient', { hang: true }],
    ['a 401', 'auth', { status: 401, json: { error: 'AuthenticationRequired', message: 'Authentication Required' } }],
    [
      'a 400 BadQueryString',
      'invalid_request',
      { status: 400, json: { error: 'BadQueryString', message: 'Bad query string' } },
    ],
  ] as const)('reports %s as a %s error', async (_name, kind, fault) => {
    bsky.faultOn('app.bsky.feed.searchPosts', fault);
    // Only the hang gets the short timeout: a slow machine must not turn the other answers into timeouts.
    const e = await poll(null, { config: config('hang' in fault ? { timeoutMs: 300 } : {}) }).catch((x) => x);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(/Bluesky/);
  });

  it('logs in with the app password and searches with the session token', async () => {
    bsky.addPost({ text: 'acme authed' });
    const page = await poll(null, { credentials: creds() });
    expect(page.posts.map((p) => p.text)).toEqual(['acme authed']);
    expect(JSON.parse(bsky.requests[0]!.body)).toMatchObject({
      identifier: bsky.account.handle,
      password: bsky.account.appPassword,
    });
    expect(searches()[0]!.headers.authorization).toMatch(/^Bearer ey/);
  });

  it('logs in once across poll runs, and again after the session is refused', async () => {
    bsky.addMany(150);
    // A config of its own gives this test a fresh session cache entry.
    const cfg = config({ timeoutMs: 4321 });
    const logins = () => bsky.requests.filter((r) => r.path === '/xrpc/com.atproto.server.createSession').length;
    const before = logins();
    const first = await poll(null, { credentials: creds(), config: cfg });
    // A second run decrypts the credentials again: a new object, the same account.
    await poll(first.cursor, { credentials: creds(), config: cfg });
    expect(logins() - before).toBe(1);
    // Revoked app password: the token is refused and so is the agent's attempt to refresh it.
    bsky.faultOn('app.bsky.feed.searchPosts', {
      status: 401,
      json: { error: 'AuthenticationRequired', message: 'Token could not be verified' },
    });
    bsky.faultOn('com.atproto.server.refreshSession', {
      status: 400,
      json: { error: 'ExpiredToken', message: 'Token has been revoked' },
    });
    await expect(poll(null, { credentials: creds(), config: cfg })).rejects.toMatchObject({ kind: 'auth' });
    await poll(null, { credentials: creds(), config: cfg });
    expect(logins() - before).toBe(2);
  });

  it('applies timeoutMs to calls made with the session token too', async () => {
    bsky.faultOn('app.bsky.feed.searchPosts', { hang: true });
    await expect(poll(null, { credentials: creds(), config: config({ timeoutMs: 300 }) })).rejects.toMatchObject({
      kind: 'transient',
      message: 'Bluesky did not answer in time',
    });
  });

  it('fails a poll with a wrong app password as auth', async () => {
    const e = await poll(null, { credentials: { ...creds(), appPassword: 'wrong' } }).catch((x) => x);
    expect(e).toMatchObject({ kind: 'auth' });
    expect(e.message).toMatch(/Bluesky refused the login for acme\.bsky\.social/);
  });

  it('lets the agent refresh an expired session token and carry on', async () => {
    bsky.addPost({ text: 'acme after refresh' });
    bsky.faultOn('app.bsky.feed.searchPosts', {
      status: 400,
      json: { error: 'ExpiredToken', message: 'Token has expired' },
    });
    const page = await poll(null, { credentials: creds() });
    expect(page.posts.map((p) => p.text)).toEqual(['acme after refresh']);
    expect(bsky.requests.some((r) => r.path === '/xrpc/com.atproto.server.refreshSession')).toBe(true);
  });

  it('replies with root and parent refs taken from the parent, as the logged-in account', async () => {
    const root = bsky.addPost({ text: 'acme root' });
    const parent = bsky.addPost({ text: 'acme is down?', replyTo: root }, { handle: 'bob.bsky.social' });
    const res = await blueskyConnector.reply!({
      http: testHttp,
      config: config(),
      credentials: creds(),
      inReplyTo: { externalId: parent.uri, authorHandle: 'bob.bsky.social', threadExternalId: root.uri, raw: parent },
      text: 'Sorry! See https://status.acme.test 🙏',
    });
    const sent = bsky.created.at(-1)!;
    expect(sent).toMatchObject({ repo: bsky.account.did, collection: 'app.bsky.feed.post' });
    expect(sent.record).toMatchObject({
      $type: 'app.bsky.feed.post',
      text: 'Sorry! See https://status.acme.test 🙏',
      reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } },
      facets: [{ features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://status.acme.test' }] }],
    });
    expect(sent.authorization).toMatch(/^Bearer /);
    expect(res.externalId).toBe(sent.uri);
    expect(res.url).toBe(`https://bsky.app/profile/acme.bsky.social/post/${sent.uri.split('/').at(-1)}`);
  });

  it('reads the parent again if its stored raw view is missing; roots a reply to a top-level post at it', async () => {
    const parent = bsky.addPost({ text: 'acme question' });
    await blueskyConnector.reply!({
      http: testHttp,
      config: config(),
      credentials: creds(),
      inReplyTo: { externalId: parent.uri, authorHandle: null, threadExternalId: null, raw: null },
      text: 'Answer',
    });
    expect(
      bsky.requests.some((r) => r.path === '/xrpc/app.bsky.feed.getPosts' && r.query.get('uris') === parent.uri),
    ).toBe(true);
    expect(bsky.created.at(-1)!.record.reply).toEqual({
      root: { uri: parent.uri, cid: parent.cid },
      parent: { uri: parent.uri, cid: parent.cid },
    });
  });

  it('refuses a reply over 300 graphemes before sending it, and a reply without credentials', async () => {
    const parent = bsky.addPost({ text: 'acme' });
    const inReplyTo = { externalId: parent.uri, authorHandle: null, threadExternalId: null, raw: parent };
    await expect(
      blueskyConnector.reply!({
        http: testHttp,
        config: config(),
        credentials: creds(),
        inReplyTo,
        text: 'x'.repeat(301),
      }),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(
      blueskyConnector.reply!({ http: testHttp, config: config(), credentials: {}, inReplyTo, text: 'hi' }),
    ).rejects.toMatchObject({ kind: 'auth' });
    expect(bsky.created).toHaveLength(0);
  });

  it('verifies good and bad credentials without throwing', async () => {
    expect(await blueskyConnector.verify({ http: testHttp, config: config(), credentials: creds() })).toMatchObject({
      ok: true,
      account: 'acme.bsky.social',
    });
    const bad = await blueskyConnector.verify({
      http: testHttp,
      config: config(),
      credentials: { ...creds(), appPassword: 'nope' },
    });
    expect(bad).toMatchObject({ ok: false, account: null });
    expect(bad.message).toMatch(/^Bluesky refused the login for acme\.bsky\.social \(HTTP 401\)$/);
    bsky.faultOn('com.atproto.server.createSession', { hang: true });
    const slow = await blueskyConnector.verify({
      http: testHttp,
      config: config({ timeoutMs: 300 }),
      credentials: creds(),
    });
    expect(slow).toMatchObject({ ok: false, message: 'Bluesky did not answer in time' });
    expect(await blueskyConnector.verify({ http: testHttp, config: config(), credentials: {} })).toMatchObject({
      ok: true,
      account: null,
    });
  });
});

describe('Bluesky helpers', () => {
  it('builds bsky.app URLs, by DID when the handle is invalid', () => {
    expect(postUrl('at://did:plc:abc/app.bsky.feed.post/3kxyz', 'ana.bsky.social')).toBe(
      'https://bsky.app/profile/ana.bsky.social/post/3kxyz',
    );
    expect(postUrl('at://did:plc:abc/app.bsky.feed.post/3kxyz', 'handle.invalid')).toBe(
      'https://bsky.app/profile/did:plc:abc/post/3kxyz',
    );
    expect(postUrl('at://did:plc:abc/app.bsky.feed.like/3kxyz', 'a')).toBeNull();
  });

  it('takes the root from a parent that is itself a reply', () => {
    const parent = {
      uri: 'at://p/app.bsky.feed.post/2',
      cid: 'c2',
      record: { reply: { root: { uri: 'at://r/app.bsky.feed.post/1', cid: 'c1' }, parent: { uri: 'x', cid: 'y' } } },
    };
    expect(replyRefs(parent)).toEqual({
      root: { uri: 'at://r/app.bsky.feed.post/1', cid: 'c1' },
      parent: { uri: parent.uri, cid: 'c2' },
    });
  });

  it('falls back to Retry-After when RateLimit-Reset is missing', () => {
    const before = Date.now();
    const e = toConnectorError(new XRPCError(429, 'RateLimitExceeded', 'slow down', { 'retry-after': '30' }));
    expect(e.kind).toBe('rate_limited');
    expect(e.details.resetAt!.getTime()).toBeGreaterThanOrEqual(before + 30_000);
  });

  it('accepts both handle and app password or neither', () => {
    expect(blueskyCredentialsSchema.safeParse({}).success).toBe(true);
    expect(blueskyCredentialsSchema.safeParse({ identifier: 'a.bsky.social', appPassword: 'x' }).success).toBe(true);
    expect(blueskyCredentialsSchema.safeParse({ identifier: 'a.bsky.social' }).success).toBe(false);
  });
});
