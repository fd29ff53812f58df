import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer } from '../../../tests/fakes/fake-http';
import { startFakeMastodon, type FakeMastodon } from '../../../tests/fakes/mastodon-server';
import { ConnectorError, type Cursor } from '../types';
import {
  compareIds,
  htmlToPlainText,
  mastodonConfigSchema,
  mastodonConnector,
  maxId,
  snowflakeAt,
  withMention,
} from './mastodon.connector';
import { testHttp } from '../../../tests/helpers/outbound';

let m: FakeMastodon;
const creds = { accessToken: 'test-token' };
const tagPlan = { queries: [], hashtags: ['acme'] };
const config = (timeoutMs = 30_000) => mastodonConfigSchema.parse({ baseUrl: m.url, timeoutMs });
type Plan = { queries: string[]; hashtags: string[] };
const poll = (
  plan: Plan = tagPlan,
  cursor: Cursor | null = null,
  extra: { since?: Date; credentials?: { accessToken?: string }; timeoutMs?: number } = {},
) =>
  mastodonConnector.poll({
    http: testHttp,
    config: config(extra.timeoutMs),
    credentials: extra.credentials ?? creds,
    cursor,
    plan,
    now: new Date(),
    ...(extra.since ? { since: extra.since } : {}),
  });
const lastQuery = () => m.requests.at(-1)!.query;
const hashtagLink = (tag: string) =>
  `<a href="https://fake.social/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`;

beforeAll(async () => {
  m = await startFakeMastodon();
});
afterAll(() => m.close());
beforeEach(() => {
  m.statuses.length = 0;
  m.requests.length = 0;
  m.replies.length = 0;
});

describe('Mastodon connector: mapping statuses', () => {
  it('turns HTML into plain text: paragraph breaks, decoded entities, emoji, mentions and bare hashtags', async () => {
    const ana = m.account({
      username: 'ana',
      acct: 'ana@other.example',
      display_name: 'Ana 🌸',
      note: '<p>PM at Foo &amp; Bar</p><p>she/her</p>',
      followers_count: 9876,
    });
    const mention =
      '<span class="h-card"><a href="https://other.example/@bob" class="u-url mention">@<span>bob</span></a></span>';
    const status = m.addStatus(
      {
        content:
          '<p>Acme &amp; friends &lt;3 — café ☕️ 🚀 &quot;quoted&quot;</p><p>Second paragraph<br />' +
          `new line ${mention} ${hashtagLink('acme')}</p>`,
        tags: ['acme'],
        language: 'fr',
        spoiler_text: 'CW: café',
        favourites_count: 5,
        reblogs_count: 2,
        replies_count: 1,
        quotes_count: 0,
      },
      ana,
    );
    const page = await poll();
    expect(page.posts).toHaveLength(1);
    const post = page.posts[0]!;
    expect(post.text).toBe('Acme & friends <3 — café ☕️ 🚀 "quoted"\n\nSecond paragraph\nnew line @bob #acme');
    expect(post).toMatchObject({
      externalId: status.id,
      kind: 'post',
      title: 'CW: café',
      lang: 'fr',
      url: `https://other.example/@ana/${status.id}`,
      replyToExternalId: null,
      threadExternalId: status.id,
      deleted: false,
    });
    expect(post.createdAt.toISOString()).toBe(status.created_at);
    expect(post.author).toEqual({
      externalId: ana.id,
      handle: 'ana@other.example',
      name: 'Ana 🌸',
      followers: 9876,
      bio: 'PM at Foo & Bar\n\nshe/her',
      url: 'https://other.example/@ana',
      avatarUrl: ana.avatar,
      verified: false,
    });
    expect(post.metrics).toEqual({ likes: 5, reposts: 2, replies: 1, quotes: 0 });
    // raw is the status in Mastodon's own field names, not masto's camelCase.
    expect(post.raw).toMatchObject({
      id: status.id,
      in_reply_to_id: null,
      spoiler_text: 'CW: café',
      account: { display_name: 'Ana 🌸', followers_count: 9876 },
    });
    expect(m.requests[0]!.path).toBe('/api/v1/timelines/tag/acme');
    expect(lastQuery().get('limit')).toBe('40');
    expect(m.requests[0]!.headers.authorization).toBe('Bearer test-token');
  });

  it('records a reply with its parent, and uses the parent as the thread', async () => {
    const root = m.addStatus({ content: '<p>root #acme</p>', tags: ['acme'] });
    const reply = m.addStatus({
      content: '<p>reply #acme</p>',
      tags: ['acme'],
      in_reply_to_id: root.id,
      in_reply_to_account_id: root.account.id,
    });
    const posts = (await poll()).posts;
    expect(posts.find((p) => p.externalId === reply.id)).toMatchObject({
      kind: 'comment',
      replyToExternalId: root.id,
      threadExternalId: root.id,
    });
    expect(posts.find((p) => p.externalId === root.id)).toMatchObject({
      kind: 'post',
      replyToExternalId: null,
      threadExternalId: root.id,
    });
  });

  it('takes the boosted status of a boost and keeps the boost as raw', async () => {
    const original = m.addStatus(
      { content: '<p>original about #acme</p>', tags: ['acme'], favourites_count: 9 },
      { username: 'orig' },
    );
    const boost = m.addStatus({ content: '', reblog: original, tags: ['acme'] }, { username: 'booster' });
    const posts = (await poll()).posts;
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      externalId: original.id,
      text: 'original about #acme',
      author: { handle: 'orig' },
      metrics: { likes: 9 },
    });
    expect(posts[0]!.raw).toMatchObject({ id: boost.id, reblog: { id: original.id } });
  });

  it('skips direct and followers-only statuses but still moves past them', async () => {
    m.addStatus({ content: '<p>secret #acme</p>', tags: ['acme'], visibility: 'direct' });
    const friends = m.addStatus({ content: '<p>friends #acme</p>', tags: ['acme'], visibility: 'private' });
    const open = m.addStatus({ content: '<p>open #acme</p>', tags: ['acme'], visibility: 'unlisted' });
    const page = await poll();
    expect(page.posts.map((p) => p.externalId)).toEqual([open.id]);
    expect(page.cursor).toMatchObject({ tags: { acme: { minId: open.id } } });
    expect(compareIds(open.id, friends.id)).toBeGreaterThan(0);
  });

  it('keeps deleted statuses and those of suspended accounts, marked deleted', async () => {
    const gone = m.addStatus({ content: '', text: 'I take it back #acme', tags: ['acme'] });
    const suspended = m.addStatus(
      { content: '<p>spam #acme</p>', tags: ['acme'] },
      { username: 'spammer', suspended: true },
    );
    const posts = (await poll()).posts;
    expect(posts).toHaveLength(2);
    expect(posts.find((p) => p.externalId === gone.id)).toMatchObject({ deleted: true, text: 'I take it back #acme' });
    expect(posts.find((p) => p.externalId === suspended.id)).toMatchObject({ deleted: true, text: 'spam #acme' });
  });

  it('keeps a long multi-paragraph post whole, without wrapping lines', async () => {
    const paragraphs = Array.from(
      { length: 25 },
      (_, i) => `Paragraph ${i} ${'lorem ipsum dolor sit amet '.repeat(8).trim()} 🚀`,
    );
    m.addStatus({
      content: `${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>${hashtagLink('acme')}</p>`,
      tags: ['acme'],
    });
    const text = (await poll()).posts[0]!.text;
    expect(text).toBe([...paragraphs, '#acme'].join('\n\n'));
    expect(text.length).toBeGreaterThan(5000);
  });
});

describe('Mastodon connector: hashtag timelines', () => {
  it('backfills from `since` forward with min_id across pages, then asks only for newer statuses', async () => {
    const since = new Date(Date.now() - 3_600_000);
    m.addStatus({
      content: '<p>too old #acme</p>',
      tags: ['acme'],
      created_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    const recent = m.addMany(95, { tag: 'acme' });
    const seen: string[] = [];
    const mores: boolean[] = [];
    let cursor: Cursor | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await poll(tagPlan, cursor, cursor ? {} : { since });
      seen.push(...page.posts.map((p) => p.externalId));
      mores.push(page.more);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(mores).toEqual([true, true, false]);
    expect(seen).toHaveLength(95);
    expect(new Set(seen)).toEqual(new Set(recent.map((s) => s.id)));
    const sent = m.requests.map((r) => r.query.get('min_id'));
    expect(sent[0]).toBe(snowflakeAt(since));
    // Each page starts where the Link header's rel="prev" said the last one ended.
    expect(sent[1]).toBe(recent[39]!.id);
    expect(sent[2]).toBe(recent[79]!.id);
    expect(cursor).toEqual({ tags: { acme: { minId: recent.at(-1)!.id } }, queries: {} });

    const fresh = m.addStatus({ content: '<p>fresh #acme</p>', tags: ['acme'] });
    const next = await poll(tagPlan, cursor);
    expect(next.posts.map((p) => p.externalId)).toEqual([fresh.id]);
    expect(lastQuery().get('min_id')).toBe(recent.at(-1)!.id);
    expect(next).toMatchObject({ more: false, cursor: { tags: { acme: { minId: fresh.id } } } });
  });

  it('starts from the newest page when there is neither a cursor nor `since`', async () => {
    const all = m.addMany(50, { tag: 'acme' });
    const page = await poll();
    expect(page.posts.map((p) => p.externalId)).toEqual(
      all
        .slice(10)
        .reverse()
        .map((s) => s.id),
    );
    expect(page.more).toBe(false);
    expect(lastQuery().has('min_id')).toBe(false);
    const again = await poll(tagPlan, page.cursor);
    expect(again.posts).toEqual([]);
    expect(again.cursor).toEqual(page.cursor);
  });

  it('reads public hashtags without a token, sending no Authorization header', async () => {
    m.addStatus({ content: '<p>hi #acme</p>', tags: ['acme'] });
    const page = await poll(tagPlan, null, { credentials: {} });
    expect(page.posts).toHaveLength(1);
    expect(m.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('treats a hashtag the server has never seen (404) as empty, not as an error', async () => {
    const page = await poll({ queries: [], hashtags: ['nobodyusesthis'] });
    expect(page).toEqual({ posts: [], cursor: { tags: { nobodyusesthis: {} }, queries: {} }, more: false });
  });

  it('encodes non-ASCII hashtags in the path', async () => {
    const s = m.addStatus({ content: `<p>${hashtagLink('café')}</p>`, tags: ['café'] });
    const page = await poll({ queries: [], hashtags: ['#Café'] });
    expect(page.posts.map((p) => p.externalId)).toEqual([s.id]);
    expect(m.requests[0]!.path).toBe('/api/v1/timelines/tag/caf%C3%A9');
  });
});

describe('Mastodon connector: status search', () => {
  const searchPlan = { queries: ['acme widget'], hashtags: [] };

  it('sweeps newest-first with offset back to `since`, then asks only for newer statuses with min_id', async () => {
    const since = new Date(Date.now() - 3_600_000);
    m.addStatus({
      content: '<p>acme widget, but old</p>',
      created_at: new Date(Date.now() - 86_400_000).toISOString(),
    });
    m.addMany(30, { word: 'unrelated', tag: 'misc' });
    const hits = m.addMany(90, { word: 'acme widget', tag: 'misc' });
    const seen: string[] = [];
    const mores: boolean[] = [];
    let cursor: Cursor | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await poll(searchPlan, cursor, cursor ? {} : { since });
      seen.push(...page.posts.map((p) => p.externalId));
      mores.push(page.more);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(mores).toEqual([true, true, false]);
    expect(new Set(seen)).toEqual(new Set(hits.map((s) => s.id)));
    expect(m.requests.map((r) => r.path)).toEqual(Array(3).fill('/api/v2/search'));
    expect(m.requests.map((r) => r.query.get('offset'))).toEqual([null, '40', '80']);
    expect(m.requests.map((r) => r.query.get('min_id'))).toEqual(Array(3).fill(snowflakeAt(since)));
    expect(
      m.requests.every(
        (r) =>
          r.query.get('type') === 'statuses' && r.query.get('q') === 'acme widget' && r.query.get('limit') === '40',
      ),
    ).toBe(true);
    expect(cursor).toEqual({ tags: {}, queries: { 'acme widget': { sinceId: hits.at(-1)!.id } } });

    const fresh = m.addStatus({ content: '<p>new acme widget</p>' });
    const next = await poll(searchPlan, cursor);
    expect(next.posts.map((p) => p.externalId)).toEqual([fresh.id]);
    expect(lastQuery().get('min_id')).toBe(hits.at(-1)!.id);
    expect(lastQuery().has('offset')).toBe(false);
    expect(next.cursor).toEqual({ tags: {}, queries: { 'acme widget': { sinceId: fresh.id } } });
  });

  it('drops statuses it already knows even when the server ignores min_id, and ends the sweep there', async () => {
    const old = m.addStatus({ content: '<p>acme widget old</p>' });
    const known = m.addStatus({ content: '<p>acme widget known</p>' });
    const fresh = m.addStatus({ content: '<p>acme widget fresh</p>' });
    m.fault({
      match: (r) => r.path === '/api/v2/search',
      json: { accounts: [], statuses: [fresh, known, old], hashtags: [] },
    });
    const page = await poll(searchPlan, { queries: { 'acme widget': { sinceId: known.id } } });
    expect(page.posts.map((p) => p.externalId)).toEqual([fresh.id]);
    expect(page).toMatchObject({ more: false, cursor: { queries: { 'acme widget': { sinceId: fresh.id } } } });
  });

  it('refuses to search without an access token, before calling the server', async () => {
    const err = await poll(searchPlan, null, { credentials: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/Mastodon.*access token/);
    expect(m.requests).toHaveLength(0);
  });
});

describe('Mastodon connector: several hashtags and queries', () => {
  it('reads every stream once per round, keeps a position for each, picks up new posts in any of them', async () => {
    const plan = { queries: ['widget'], hashtags: ['acme', 'café'] };
    const a = m.addStatus({ content: '<p>#acme</p>', tags: ['acme'] });
    const c = m.addStatus({ content: '<p>#café</p>', tags: ['café'] });
    const w = m.addStatus({ content: '<p>a widget</p>' });
    const round1 = [];
    let cursor: Cursor | null = null;
    for (let i = 0; i < 3; i++) {
      const page = await poll(plan, cursor);
      round1.push({ ids: page.posts.map((p) => p.externalId), more: page.more });
      cursor = page.cursor;
    }
    expect(round1).toEqual([
      { ids: [a.id], more: true },
      { ids: [c.id], more: true },
      { ids: [w.id], more: false },
    ]);
    expect(cursor).toEqual({
      tags: { acme: { minId: a.id }, café: { minId: c.id } },
      queries: { widget: { sinceId: w.id } },
    });

    const c2 = m.addStatus({ content: '<p>again #café</p>', tags: ['café'] });
    const round2: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const page = await poll(plan, cursor);
      round2.push(page.posts.map((p) => p.externalId));
      cursor = page.cursor;
    }
    expect(round2).toEqual([[], [c2.id], []]);
    expect(m.requests.slice(-3).map((r) => [r.path, r.query.get('min_id')])).toEqual([
      ['/api/v1/timelines/tag/acme', a.id],
      ['/api/v1/timelines/tag/caf%C3%A9', c.id],
      ['/api/v2/search', w.id],
    ]);

    // A hashtag taken out of the plan leaves the cursor; the others keep their place.
    const shrunk = await poll({ queries: ['widget'], hashtags: ['acme'] }, cursor);
    expect(shrunk).toMatchObject({
      more: true,
      cursor: { tags: { acme: { minId: a.id } }, queries: { widget: { sinceId: w.id } }, pending: ['q:widget'] },
    });
    expect(Object.keys((shrunk.cursor as { tags: object }).tags)).toEqual(['acme']);
  });

  it('sends a stream with more pages to the back of the round so the others are not starved', async () => {
    const since = new Date(Date.now() - 3_600_000);
    const many = m.addMany(50, { tag: 'acme' });
    const b = m.addStatus({ content: '<p>#beta</p>', tags: ['beta'] });
    const plan = { queries: [], hashtags: ['acme', 'beta'] };
    const p1 = await poll(plan, null, { since });
    const p2 = await poll(plan, p1.cursor);
    const p3 = await poll(plan, p2.cursor);
    expect([p1.posts.length, p2.posts.map((p) => p.externalId), p3.posts.length]).toEqual([40, [b.id], 10]);
    expect([p1.more, p2.more, p3.more]).toEqual([true, true, false]);
    expect(p1.cursor).toMatchObject({ pending: ['tag:beta', 'tag:acme'] });
    expect(p3.cursor).toEqual({ tags: { acme: { minId: many.at(-1)!.id }, beta: { minId: b.id } }, queries: {} });
  });

  it('refuses an empty plan as an invalid request', async () => {
    const err = await poll({ queries: [], hashtags: [] }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'invalid_request' });
  });
});

describe('Mastodon connector: failures', () => {
  it('reports a 429 as rate_limited with the reset time from X-RateLimit-Reset', async () => {
    const reset = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    m.rateLimitNext(reset);
    const err = await poll().catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('rate_limited');
    expect(err.details.resetAt.getTime()).toBe(reset.getTime());
    expect(err.message).toBe('Mastodon rate limit reached (HTTP 429).');
  });

  it('falls back to Retry-After when a 429 has no X-RateLimit-Reset', async () => {
    const reset = new Date(Date.now() + 60_000);
    m.rateLimitNext(reset, { retryAfterOnly: true });
    const err = await poll().catch((e) => e);
    expect(err.kind).toBe('rate_limited');
    expect(Math.abs(err.details.resetAt.getTime() - reset.getTime())).toBeLessThan(3000);
  });

  it.each([
    ['a 503', 'transient', { status: 503, json: { error: 'Service Unavailable' } }],
    [
      'an HTML 502 page from the proxy',
      'transient',
      { status: 502, raw: '<html><body>Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } },
    ],
    [
      'broken JSON',
      'transient',
      { raw: '[{"id": "1", ', headers: { 'content-type': 'application/json; charset=utf-8' } },
    ],
    ['JSON that is not a list of statuses', 'transient', { json: { error: 'nope' } }],
    ['a hang past the timeout', 'transient', { hang: true }],
    ['a 401', 'auth', { status: 401, json: { error: 'The access token is invalid' } }],
    ['a 403', 'auth', { status: 403, json: { error: 'This action is outside the authorized scopes' } }],
    ['a 422', 'invalid_request', { status: 422, json: { error: 'Validation failed' } }],
  ] as const)('reports %s as a %s error', async (_name, kind, fault) => {
    m.fault(fault);
    // Only the hang gets the short timeout: a slow machine must not turn the other answers into timeouts.
    const err = await poll(tagPlan, null, 'hang' in fault ? { timeoutMs: 300 } : {}).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(/Mastodon/);
  });

  it('explains a proxy error page and an unreachable server in sentences naming Mastodon', async () => {
    m.fault({ status: 502, raw: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } });
    expect((await poll().catch((e) => e)).message).toBe('Mastodon answered HTTP 502.');
    const gone = await startFakeServer(() => undefined);
    await gone.close();
    const offline = mastodonConfigSchema.parse({ baseUrl: gone.url, timeoutMs: 1000 });
    const err = await mastodonConnector
      .poll({ http: testHttp, config: offline, credentials: creds, cursor: null, plan: tagPlan, now: new Date() })
      .catch((e) => e);
    expect(err).toMatchObject({ kind: 'transient' });
    // Our words: a closed port and a silent host read the same.
    expect(err.message).toBe('Could not reach Mastodon: could not connect');
  });

  it('maps a refused token on search to auth', async () => {
    const err = await poll({ queries: ['acme'], hashtags: [] }, null, {
      credentials: { accessToken: 'revoked' },
    }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'auth', details: { status: 401 } });
    expect(err.message).toBe('Mastodon refused the access token (HTTP 401).');
  });
});

describe('Mastodon connector: replies', () => {
  const reply = (
    externalId: string,
    authorHandle: string | null,
    text: string,
    credentials: { accessToken?: string } = creds,
    raw: unknown = null,
  ) =>
    mastodonConnector.reply!({
      http: testHttp,
      config: config(),
      credentials,
      inReplyTo: { externalId, authorHandle, threadExternalId: externalId, raw },
      text,
    });

  it('posts a reply with in_reply_to_id, mentioning the author first', async () => {
    const parent = m.addStatus({ content: '<p>help @acme</p>' }, { username: 'ana', acct: 'ana@other.example' });
    const res = await reply(parent.id, 'ana@other.example', 'Sorry to hear that! DM us. 🙏');
    expect(m.replies).toHaveLength(1);
    expect(m.replies[0]).toMatchObject({
      status: '@ana@other.example Sorry to hear that! DM us. 🙏',
      in_reply_to_id: parent.id,
      authorization: 'Bearer test-token',
    });
    expect(m.replies[0]!.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);
    const created = m.statuses.at(-1)!;
    expect(res).toEqual({ externalId: created.id, url: created.url });
    expect(created.in_reply_to_id).toBe(parent.id);
  });

  it('does not mention the author twice, and finds the handle in raw when none is given', async () => {
    const parent = m.addStatus({ content: '<p>hi</p>' }, { username: 'bob' });
    await reply(parent.id, 'bob', 'Hi @bob, thanks!');
    await reply(parent.id, null, 'Thanks again', creds, { id: parent.id, account: { acct: 'bob' } });
    expect(m.replies.map((r) => r.status)).toEqual(['Hi @bob, thanks!', '@bob Thanks again']);
  });

  it('needs a token, and reports a vanished parent as an invalid request', async () => {
    await expect(reply('1', 'ana', 'hi', {})).rejects.toMatchObject({ kind: 'auth' });
    await expect(reply('999', 'ana', 'hi')).rejects.toMatchObject({
      kind: 'invalid_request',
      details: { status: 404 },
    });
    expect(m.replies).toHaveLength(0);
  });
});

describe('Mastodon connector: verify', () => {
  it('names the account of a good token', async () => {
    const res = await mastodonConnector.verify({ http: testHttp, config: config(), credentials: creds });
    expect(res).toMatchObject({ ok: true, account: 'acme', message: 'Mastodon accepted the access token for @acme.' });
    expect(m.requests.at(-1)!.path).toBe('/api/v1/accounts/verify_credentials');
  });

  it('reports a bad token without throwing', async () => {
    const res = await mastodonConnector.verify({
      http: testHttp,
      config: config(),
      credentials: { accessToken: 'nope' },
    });
    expect(res).toMatchObject({ ok: false, account: null });
    expect(res.message).toMatch(/Mastodon refused the access token/);
  });

  it('checks that the server answers when there is no token, and reports an unreachable one', async () => {
    const ok = await mastodonConnector.verify({ http: testHttp, config: config(), credentials: {} });
    expect(ok).toMatchObject({ ok: true, account: null });
    expect(ok.message).toMatch(/fake\.social.*need a token/);
    m.fault({ status: 503, json: { error: 'down for maintenance' } });
    const down = await mastodonConnector.verify({ http: testHttp, config: config(), credentials: {} });
    // The server's own text is not repeated.
    expect(down).toEqual({ ok: false, account: null, message: 'Mastodon answered HTTP 503.' });
  });
});

describe('Mastodon connector: helpers', () => {
  it('orders snowflake ids beyond double precision, and base62 ids of one length', () => {
    expect(compareIds('113000000000000009', '113000000000000010')).toBeLessThan(0);
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(compareIds('AbC', 'AbD')).toBeLessThan(0);
    expect(maxId(undefined, '113000000000000010', '113000000000000009')).toBe('113000000000000010');
    expect(maxId(undefined)).toBeUndefined();
  });

  it('turns a time into the first snowflake id of that millisecond', () => {
    expect(snowflakeAt(new Date(1_700_000_000_000))).toBe(String(1_700_000_000_000n << 16n));
  });

  it('adds the mention only when the exact account is not already named', () => {
    expect(withMention('hello', '@ana')).toBe('@ana hello');
    expect(withMention('hello @ANA!', 'ana')).toBe('hello @ANA!');
    expect(withMention('hello @ana@elsewhere.example', 'ana')).toBe('@ana hello @ana@elsewhere.example');
    expect(withMention('hello', null)).toBe('hello');
  });

  it('keeps the full URL of a shortened Mastodon link', () => {
    const html =
      '<p><a href="https://example.com/a/very/long/path" rel="nofollow noopener" target="_blank">' +
      '<span class="invisible">https://</span><span class="ellipsis">example.com/a/very</span>' +
      '<span class="invisible">/long/path</span></a></p>';
    expect(htmlToPlainText(html)).toBe('https://example.com/a/very/long/path');
    expect(htmlToPlainText(null)).toBe('');
  });
});
