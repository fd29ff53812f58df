import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeLinkedIn, type FakeLiOrg, startFakeLinkedIn } from '../../../tests/fakes/linkedin-server';
import { testHttp } from '../../../tests/helpers/outbound';
import type { SocialPost } from '../../core/social-post';
import type { OutboundHttp } from '../../http/outbound';
import type { ConnectorError, Cursor, PollPage } from '../types';
import { LINKEDIN_VERSION } from './linkedin-client';
import { exchangeLinkedInCode } from './linkedin-token';
import { type LinkedInCredentials, linkedinConfigSchema, linkedinConnector } from './linkedin.connector';

let li: FakeLinkedIn;
let org: FakeLiOrg;
let token: { accessToken: string; refreshToken: string; member: string };
const DAY = 86_400_000;
const member = (n: number) => `urn:li:person:visitor${n}`;

const config = () => linkedinConfigSchema.parse({ organizationUrn: org.urn, baseUrl: li.url, tokenUrl: li.tokenUrl });
const creds = (over: Partial<LinkedInCredentials> = {}): LinkedInCredentials => ({
  accessToken: token.accessToken,
  ...over,
});
const since = () => new Date(Date.now() - 3 * DAY);

const poll = (cursor: Cursor | null, o: { http?: OutboundHttp; now?: Date; credentials?: LinkedInCredentials } = {}) =>
  linkedinConnector.poll({
    http: o.http ?? testHttp,
    config: config(),
    credentials: o.credentials ?? creds(),
    cursor,
    plan: { queries: [], hashtags: [] },
    now: o.now ?? new Date(),
    ...(cursor ? {} : { since: since() }),
  });

async function sweep(cursor: Cursor | null, o: { http?: OutboundHttp } = {}) {
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

/** The guard, with every URL it is asked for written down as sent (raw, before anyone decodes it). */
function recordingHttp(urls: string[]): OutboundHttp {
  return {
    policy: testHttp.policy,
    fetch: (input, init) => {
      urls.push(String(input));
      return testHttp.fetch(input, init);
    },
    fetchFeed: testHttp.fetchFeed,
    nodeAgent: (u) => testHttp.nodeAgent(u),
  };
}

const replyCtx = (target: SocialPost, text: string) => ({
  http: testHttp,
  config: config(),
  credentials: creds(),
  inReplyTo: {
    externalId: target.externalId,
    authorHandle: null,
    threadExternalId: target.threadExternalId,
    raw: target.raw,
  },
  text,
  outbox: { replyId: `r-${Math.random()}`, queuedAt: new Date() },
});

beforeAll(async () => {
  li = await startFakeLinkedIn();
});
afterAll(async () => {
  await li.close();
});
beforeEach(() => {
  org = li.addOrganization({ name: `Acme ${Math.random().toString(36).slice(2, 6)}` });
  token = li.issueToken();
});

describe('LinkedIn Page connector', () => {
  it("reads comments and replies under the Page's posts, one request a poll, leaving out the Page's own", async () => {
    const post = li.addPost({ author: org.urn, commentary: 'Our new phone is here' });
    const c1 = li.addComment({ post: post.urn, actor: member(1), text: 'Battery life?' });
    const r1 = li.addComment({ post: post.urn, actor: member(2), text: 'Same question', parent: c1.urn });
    li.addComment({ post: post.urn, actor: org.urn, text: 'About two days', parent: c1.urn });
    li.addPost({ author: member(9), commentary: 'Not about the Page at all' });

    const before = li.requests.length;
    const first = await sweep(null);
    expect(first.posts.map((p) => p.text).sort()).toEqual(['Battery life?', 'Same question']);
    const reply = first.posts.find((p) => p.externalId === r1.urn)!;
    expect(reply).toMatchObject({
      kind: 'comment',
      threadExternalId: post.urn,
      replyToExternalId: c1.urn,
      author: { externalId: member(2), name: null, handle: null, verified: false },
      deleted: false,
    });
    expect(first.posts.find((p) => p.externalId === c1.urn)).toMatchObject({
      replyToExternalId: post.urn,
      metrics: { replies: 2, likes: 0 },
      url: expect.stringContaining('commentUrn='),
    });
    // One request per poll, each with the bearer token, the pinned version and Rest.li 2.0.
    const calls = li.requests.slice(before);
    expect(calls).toHaveLength(first.pages.length);
    for (const q of calls) {
      expect(q.headers.authorization).toBe(`Bearer ${token.accessToken}`);
      expect(q.headers['linkedin-version']).toBe(LINKEDIN_VERSION);
      expect(q.headers['x-restli-protocol-version']).toBe('2.0.0');
    }
    expect(LINKEDIN_VERSION).toMatch(/^20\d{2}(0[1-9]|1[0-2])$/);
  });

  it('pages through many posts and a long comment thread by start and count', async () => {
    const posts = Array.from({ length: 25 }, (_, i) => li.addPost({ author: org.urn, commentary: `post ${i}` }));
    for (let i = 0; i < 120; i++) li.addComment({ post: posts[3]!.urn, actor: member(i), text: `comment ${i}` });
    li.addComment({ post: posts[24]!.urn, actor: member(500), text: 'on the newest post' });

    const { posts: found } = await sweep(null);
    expect(new Set(found.map((p) => p.text)).size).toBe(121);
    const postCalls = li.requests.filter((q) => q.path === '/rest/posts' && q.query.get('author') === org.urn);
    expect(postCalls.map((q) => q.query.get('start'))).toEqual(['0', '10', '20']);
    const threadCalls = li.requests.filter((q) => q.path.includes(encodeURIComponent(posts[3]!.urn)));
    expect(threadCalls.map((q) => [q.query.get('start'), q.query.get('count')])).toEqual([
      ['0', '50'],
      ['50', '50'],
      ['100', '50'],
    ]);
  });

  it('honours since on the first sweep, then brings only what was written after the last sweep began', async () => {
    const post = li.addPost({ author: org.urn, commentary: 'Spring sale', createdAt: Date.now() - 10 * DAY });
    li.addComment({ post: post.urn, actor: member(1), text: 'too old', createdAt: Date.now() - 5 * DAY });
    li.addComment({ post: post.urn, actor: member(2), text: 'recent enough', createdAt: Date.now() - DAY });

    const first = await sweep(null);
    expect(first.posts.map((p) => p.text)).toEqual(['recent enough']);

    const late = li.addComment({ post: post.urn, actor: member(3), text: 'Any discounts?', createdAt: Date.now() });
    const second = await sweep(first.cursor);
    expect(
      second.posts.filter((p) => p.kind === 'comment' && p.text !== 'recent enough').map((p) => p.externalId),
    ).toEqual([late.urn]);
  });

  it('reads posts that mention the Page from its notifications, as people read them', async () => {
    const mention = li.addPost({
      author: member(7),
      commentary: `Loving the new phone from @[Acme](${org.urn}) {hashtag|\\#|launch} \\(soon\\)`,
      mentions: [org.urn],
    });
    li.addPost({ author: org.urn, commentary: 'We mention ourselves', mentions: [org.urn] });
    const urls: string[] = [];
    const { posts } = await sweep(null, { http: recordingHttp(urls) });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      externalId: mention.urn,
      kind: 'post',
      text: 'Loving the new phone from @Acme #launch (soon)',
      threadExternalId: mention.urn,
      author: { externalId: member(7), name: null },
      url: `https://www.linkedin.com/feed/update/${mention.urn}/`,
    });
    // Rest.li 2.0 on the wire: URNs encoded, List(...) and the time range record left as syntax.
    const notes = urls.find((u) => u.includes('/rest/organizationalEntityNotifications'))!;
    const enc = org.urn.replaceAll(':', '%3A');
    expect(notes).toContain(`organizationalEntity=${enc}`);
    expect(notes).toContain('actions=List(SHARE_MENTION)');
    expect(notes).toMatch(/timeRange=\(start:\d+,end:\d+\)/);
    expect(urls.find((u) => u.includes('/rest/posts?'))).toContain(`author=${enc}&q=author`);
    expect(urls).toContain(`${li.url}rest/posts/${mention.urn.replaceAll(':', '%3A')}`);
  });

  it('encodes comment URNs for Rest.li paths, and the fake refuses what LinkedIn refuses', async () => {
    const post = li.addPost({ author: org.urn, commentary: 'Hello' });
    const c = li.addComment({ post: post.urn, actor: member(1), text: 'Hi' });
    li.addComment({ post: post.urn, actor: member(2), text: 'Hi back', parent: c.urn });
    const urls: string[] = [];
    await sweep(null, { http: recordingHttp(urls) });
    const encoded = c.urn.replaceAll(':', '%3A').replace('(', '%28').replace(')', '%29').replace(',', '%2C');
    expect(urls).toContain(`${li.url}rest/socialActions/${encoded}/comments?start=0&count=50`);

    const headers = { authorization: `Bearer ${token.accessToken}`, 'x-restli-protocol-version': '2.0.0' };
    const noVersion = await testHttp.fetch(`${li.url}rest/posts/${encodeURIComponent(post.urn)}`, { headers });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ status: 400, code: 'VERSION_MISSING' });
    const raw = await testHttp.fetch(`${li.url}rest/socialActions/${c.urn}/comments`, {
      headers: { ...headers, 'linkedin-version': LINKEDIN_VERSION },
    });
    expect(raw.status).toBe(400);
  });

  it("waits for LinkedIn's daily limit until midnight UTC, or as long as Retry-After says", async () => {
    li.throttleNext();
    const now = new Date('2026-03-10T22:15:00Z');
    const daily = await failure(poll(null, { now }));
    expect(daily.kind).toBe('rate_limited');
    expect(daily.details.resetAt).toEqual(new Date('2026-03-11T00:00:00Z'));
    expect(daily.message).not.toMatch(/Resource level throttle/);

    li.throttleNext({ retryAfter: 120 });
    const soon = await failure(poll(null, { now }));
    expect(soon.details.resetAt).toEqual(new Date(now.getTime() + 120_000));
  });

  it('asks for a reconnect when the token expired or was revoked, and names a missing permission', async () => {
    li.tokens.get(token.accessToken)!.state = 'expired';
    const expired = await failure(poll(null));
    expect(expired).toMatchObject({ kind: 'auth', details: { status: 401 } });
    expect(expired.message).toMatch(/EXPIRED_ACCESS_TOKEN\/65602.*token expired.*Reconnect/);

    li.tokens.get(token.accessToken)!.state = 'revoked';
    expect((await failure(poll(null))).message).toMatch(/65601.*revoked/);

    const partial = li.issueToken({ scopes: ['w_organization_social', 'rw_organization_admin'] });
    const denied = await failure(poll(null, { credentials: creds({ accessToken: partial.accessToken }) }));
    expect(denied.kind).toBe('auth');
    expect(denied.message).toMatch(/ACCESS_DENIED.*r_organization_social/);
    expect(denied.message).not.toMatch(/Not enough permissions/);
  });

  it('brings an edited comment back with its new text and reports a deleted one as removed', async () => {
    const post = li.addPost({ author: org.urn, commentary: 'Feedback welcome' });
    const edited = li.addComment({ post: post.urn, actor: member(1), text: 'It is slow' });
    const gone = li.addComment({ post: post.urn, actor: member(2), text: 'Spam spam' });
    const first = await sweep(null);
    expect(first.posts.map((p) => p.externalId).sort()).toEqual([edited.urn, gone.urn].sort());

    li.editComment(edited.urn, 'It is slow — fixed after the update, thanks!');
    li.deleteComment(gone.urn);
    const second = await sweep(first.cursor);
    expect(second.removed).toEqual([gone.urn]);
    expect(second.posts.find((p) => p.externalId === edited.urn)).toMatchObject({
      text: 'It is slow — fixed after the update, thanks!',
      threadExternalId: post.urn,
    });
    // Gone is gone: it is not asked about again.
    const third = await sweep(second.cursor);
    expect(third.removed).toEqual([]);
  });

  it('keeps unicode and a 5,000-character comment intact', async () => {
    const post = li.addPost({ author: org.urn, commentary: 'Long reads' });
    const text = `Grüße 👋🏽 مرحبا 你好 e\u0301 ${'ß'.repeat(4980)}`.slice(0, 5000);
    const c = li.addComment({ post: post.urn, actor: member(1), text });
    const mention = li.addPost({ author: member(2), commentary: `Ça marche 🚀 ${text}`, mentions: [org.urn] });
    const { posts } = await sweep(null);
    expect(text).toHaveLength(5000);
    expect(posts.find((p) => p.externalId === c.urn)!.text).toBe(text);
    expect(posts.find((p) => p.externalId === mention.urn)!.text).toBe(`Ça marche 🚀 ${text}`);
  });

  it('replies as the Page exactly once, and findReply finds that reply instead of posting again', async () => {
    const post = li.addPost({ author: org.urn, commentary: 'Launch day' });
    const c = li.addComment({ post: post.urn, actor: member(1), text: 'Does it ship to Austria?' });
    const r = li.addComment({ post: post.urn, actor: member(2), text: 'And Italy?', parent: c.urn });
    const { posts } = await sweep(null);
    const ctx = replyCtx(posts.find((p) => p.externalId === c.urn)!, 'Yes, within 3 days! 🚚');

    expect(await linkedinConnector.findReply!(ctx)).toBeNull();
    const made = await linkedinConnector.reply!(ctx);
    expect(li.created.filter((x) => x.parent === c.urn)).toEqual([
      { parent: c.urn, actor: org.urn, urn: made.externalId, text: 'Yes, within 3 days! 🚚' },
    ]);
    expect(li.createdUnder(c.urn, org.urn)).toBe(1);
    const sent = li.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/rest/socialActions/')).at(-1)!;
    expect(JSON.parse(sent.body)).toEqual({
      actor: org.urn,
      object: post.activity,
      message: { text: 'Yes, within 3 days! 🚚' },
      parentComment: c.urn,
    });
    expect(await linkedinConnector.findReply!(ctx)).toEqual(made);
    expect(li.createdUnder(c.urn)).toBe(1);

    // An answer to a reply goes under the comment it answers (LinkedIn nests one level).
    const toReply = replyCtx(posts.find((p) => p.externalId === r.urn)!, 'Italy too.');
    const nested = await linkedinConnector.reply!(toReply);
    expect(li.created.at(-1)).toMatchObject({ parent: c.urn, actor: org.urn, urn: nested.externalId });
    expect(await linkedinConnector.findReply!(toReply)).toEqual(nested);

    // Our own comments never come back as mentions.
    const next = await sweep(null);
    expect(next.posts.map((p) => p.externalId)).not.toContain(made.externalId);
  });

  it('answers a post that mentions the Page with a comment on it', async () => {
    const mention = li.addPost({ author: member(4), commentary: 'Shoutout to Acme', mentions: [org.urn] });
    const { posts } = await sweep(null);
    const ctx = replyCtx(posts.find((p) => p.externalId === mention.urn)!, 'Thank you!');
    const made = await linkedinConnector.reply!(ctx);
    expect(li.createdUnder(mention.urn, org.urn)).toBe(1);
    expect(made.externalId).toMatch(/^urn:li:comment:\(urn:li:activity:\d+,\d+\)$/);
    expect(await linkedinConnector.findReply!(ctx)).toEqual(made);
  });

  it("deletes the Page's own comments only, and refuses others' in our words", async () => {
    const post = li.addPost({ author: org.urn, commentary: 'Ask us anything' });
    const theirs = li.addComment({ post: post.urn, actor: member(1), text: 'Question' });
    const { posts } = await sweep(null);
    const made = await linkedinConnector.reply!(replyCtx(posts[0]!, 'Answer'));
    const mod = (externalId: string) => ({ http: testHttp, config: config(), credentials: creds(), externalId });

    const refused = await failure(linkedinConnector.moderate!(mod(theirs.urn), 'delete'));
    expect(refused.kind).toBe('invalid_request');
    expect(refused.message).toMatch(/only its own comments.*someone else/);
    expect(li.comments.find((x) => x.urn === theirs.urn)!.deleted).toBe(false);
    expect((await failure(linkedinConnector.moderate!(mod(theirs.urn), 'hide'))).kind).toBe('invalid_request');

    await linkedinConnector.moderate!(mod(made.externalId), 'delete');
    expect(li.comments.find((x) => x.urn === made.externalId)!.deleted).toBe(true);
    const del = li.requests.find((q) => q.method === 'DELETE')!;
    expect(del.query.get('actor')).toBe(org.urn);
    // Deleting again is harmless.
    await linkedinConnector.moderate!(mod(made.externalId), 'delete');
  });

  it('verifies the token against the Page and says why when LinkedIn refuses it', async () => {
    const ok = await linkedinConnector.verify({ http: testHttp, config: config(), credentials: creds() });
    expect(ok).toMatchObject({ ok: true, account: org.name, message: expect.stringContaining(org.name) });
    li.tokens.get(token.accessToken)!.state = 'revoked';
    const refused = await linkedinConnector.verify({ http: testHttp, config: config(), credentials: creds() });
    expect(refused).toMatchObject({ ok: false, account: null, message: expect.stringMatching(/revoked/) });
  });

  it('renews the token with the refresh token, and asks for a reconnect when it is revoked or missing', async () => {
    const now = new Date();
    const withRefresh = creds({
      refreshToken: token.refreshToken,
      clientId: li.clientId,
      clientSecret: li.clientSecret,
    });
    const fresh = await linkedinConnector.refreshToken!({
      config: config(),
      credentials: withRefresh,
      http: testHttp,
      now,
    });
    expect(fresh.credentials.accessToken).not.toBe(token.accessToken);
    expect(fresh.credentials).toMatchObject({ refreshToken: token.refreshToken, clientId: li.clientId });
    expect(fresh.expiresAt).toEqual(new Date(now.getTime() + 5_184_000_000));
    li.tokens.get(token.accessToken)!.state = 'expired';
    await expect(poll(null, { credentials: fresh.credentials })).resolves.toMatchObject({ more: true });
    const form = new URLSearchParams(li.requests.filter((q) => q.path === '/oauth/v2/accessToken').at(-1)!.body);
    expect(form.get('grant_type')).toBe('refresh_token');

    li.refreshTokens.get(token.refreshToken)!.revoked = true;
    const revoked = await failure(
      linkedinConnector.refreshToken!({ config: config(), credentials: withRefresh, http: testHttp, now }),
    );
    expect(revoked.kind).toBe('auth');
    expect(revoked.message).toMatch(/invalid_grant.*reconnect/);

    const none = await failure(
      linkedinConnector.refreshToken!({ config: config(), credentials: creds(), http: testHttp, now }),
    );
    expect(none.kind).toBe('auth');
    expect(none.message).toMatch(/no refresh token.*reconnect/);
  });

  it('exchanges the connect flow’s code for tokens', async () => {
    const redirectUri = 'https://crm.example/connect/linkedin/callback';
    const code = li.issueCode(redirectUri);
    const call = { http: testHttp, tokenUrl: li.tokenUrl, timeoutMs: 15_000, now: new Date() };
    const t = await exchangeLinkedInCode(call, {
      code,
      redirectUri,
      clientId: li.clientId,
      clientSecret: li.clientSecret,
    });
    expect(t).toMatchObject({ expiresIn: 5_184_000, refreshToken: expect.any(String), scope: expect.any(String) });
    expect(li.tokens.get(t.accessToken)?.state).toBe('valid');
    const again = await failure(
      exchangeLinkedInCode(call, { code, redirectUri, clientId: li.clientId, clientSecret: li.clientSecret }),
    );
    expect(again.kind).toBe('auth');
  });

  it('validates the Page URN in the config', () => {
    expect(linkedinConfigSchema.parse({ organizationUrn: '2414183' }).organizationUrn).toBe(
      'urn:li:organization:2414183',
    );
    expect(linkedinConfigSchema.parse({ organizationUrn: 'urn:li:organization:5' })).toMatchObject({
      baseUrl: 'https://api.linkedin.com',
      tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
      timeoutMs: 15_000,
    });
    expect(linkedinConfigSchema.safeParse({ organizationUrn: 'urn:li:person:abc' }).success).toBe(false);
    expect(linkedinConfigSchema.safeParse({ organizationUrn: 'acme' }).success).toBe(false);
  });
});
