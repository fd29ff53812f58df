import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeRss, startFakeRss } from '../../../tests/fakes/rss-server';
import { ConnectorError, type Cursor } from '../types';
import {
  type RssCursor,
  decodeBody,
  entryId,
  LATE_ITEM_GRACE_MS,
  MAX_SEEN_IDS,
  retryAfter,
  rssConfigSchema,
  rssConnector,
  unwrapGoogleUrl,
} from './rss.connector';
import { testHttp } from '../../../tests/helpers/outbound';

let fake: FakeRss;
const plan = { queries: [], hashtags: [] };
const config = (url: string, timeoutMs = 30_000) => rssConfigSchema.parse({ feedUrl: url, timeoutMs });
const poll = (
  url: string,
  cursor: Cursor | null = null,
  extra: { since?: Date; now?: Date; credentials?: { username?: string; password?: string }; timeoutMs?: number } = {},
) =>
  rssConnector.poll({
    http: testHttp,
    config: config(url, extra.timeoutMs),
    credentials: extra.credentials ?? {},
    cursor,
    plan,
    now: extra.now ?? new Date(),
    ...(extra.since ? { since: extra.since } : {}),
  });
const ago = (minutes: number) => new Date(Math.floor(Date.now() / 1000) * 1000 - minutes * 60_000);

beforeAll(async () => {
  fake = await startFakeRss();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.feeds.clear();
  fake.requests.length = 0;
});

describe('RSS connector against a fake feed host', () => {
  it('maps an RSS 2.0 item: CDATA HTML to text, entities decoded, unicode and emoji kept', async () => {
    const url = fake.addFeed('/blog/feed/', { format: 'rss', title: 'Acme &amp; Co Blog' });
    const date = ago(30);
    fake.addItem('/blog/feed/', {
      guid: 'https://blog.example/?p=42',
      titleXml: 'It&#8217;s Acme &amp; Co &#8212; caf&#233; 🚀',
      link: 'https://blog.example/2025/acme-launch/',
      date,
      author: 'Ana Ñúñez',
      comments: 3,
      html: '<p>Short summary</p>',
      contentHtml:
        '<p>Hello <b>world</b> &amp; friends &#8217;s café 日本語 🎉</p><p>Read <a href="https://acme.example">' +
        'more</a><img src="x.png"></p>',
    });
    const page = await poll(url);
    expect(page.more).toBe(false);
    expect(page.posts).toHaveLength(1);
    const post = page.posts[0]!;
    expect(post).toMatchObject({
      externalId: 'https://blog.example/?p=42',
      kind: 'article',
      title: 'It’s Acme & Co — café 🚀',
      text: 'Hello world & friends ’s café 日本語 🎉\n\nRead more',
      url: 'https://blog.example/2025/acme-launch/',
      lang: 'en',
      metrics: { comments: 3 },
      deleted: false,
      replyToExternalId: null,
    });
    expect(post.createdAt.getTime()).toBe(date.getTime());
    expect(post.author).toMatchObject({ name: 'Ana Ñúñez', handle: 'Ana Ñúñez', followers: null });
    expect((post.raw as { guid: { value: string } }).guid.value).toBe('https://blog.example/?p=42');
    expect(fake.requests[0]!.headers.accept).toContain('application/rss+xml');
  });

  it('maps an Atom 1.0 entry: id, alternate link, published date, author with uri, HTML content', async () => {
    const url = fake.addFeed('/reviews.atom', { format: 'atom', title: 'Reviews ⭐' });
    const date = ago(5);
    fake.addItem('/reviews.atom', {
      guid: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      title: '5 stars <3 for Acme',
      link: 'https://reviews.example/r/1',
      date,
      author: 'Zoë',
      html: '<p>Great &amp; fast &#8212; <em>love it</em> 😍</p>',
    });
    const [post] = (await poll(url)).posts;
    expect(post).toMatchObject({
      externalId: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      title: '5 stars <3 for Acme',
      text: 'Great & fast — love it 😍',
      url: 'https://reviews.example/r/1',
    });
    expect(post!.author).toMatchObject({ name: 'Zoë', url: 'https://blog.example/authors/Zo%C3%AB' });
    expect(post!.createdAt.getTime()).toBe(date.getTime());
  });

  it('unwraps Google Alerts links and strips the <b> highlighting from title and snippet', async () => {
    const url = fake.addFeed('/alerts/feeds/06807031914929345698/10863422483357376409', {
      format: 'google-alerts',
      title: 'Google Alert - acme',
    });
    fake.addItem('/alerts/feeds/06807031914929345698/10863422483357376409', {
      guid: 'tag:google.com,2013:googlealerts/feed:10280836826279727328',
      title: '<b>Acme</b> launches &#39;rocket&#39; &amp; more - News Example',
      link: 'https://news.example/tech/acme?id=7&lang=en',
      date: ago(60),
      html: 'The <b>Acme</b> company said on Monday&nbsp;...',
    });
    const [post] = (await poll(url)).posts;
    expect(post).toMatchObject({
      externalId: 'tag:google.com,2013:googlealerts/feed:10280836826279727328',
      title: "Acme launches 'rocket' & more - News Example",
      text: 'The Acme company said on Monday ...',
      url: 'https://news.example/tech/acme?id=7&lang=en',
    });
    expect(post!.author.name).toBeNull();
    expect((post!.raw as { links: { href: string }[] }).links[0]!.href).toMatch(
      /^https:\/\/www\.google\.com\/url\?rct=j/,
    );
    expect((await rssConnector.verify({ http: testHttp, config: config(url), credentials: {} })).account).toBe(
      'Google Alert - acme',
    );
  });

  it('falls back to the link as id without a guid, and to a title+date hash without either', async () => {
    const url = fake.addFeed('/noguid.xml', { format: 'rss', title: 'No guids' });
    fake.addItem('/noguid.xml', { title: 'Linked only', link: 'https://site.example/a', date: ago(2) });
    fake.addItem('/noguid.xml', { title: 'Bare item', date: null, html: 'just text' });
    const posts = (await poll(url)).posts;
    expect(posts.map((p) => p.externalId)).toEqual([
      expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      'https://site.example/a',
    ]);
    expect(posts[0]!.externalId).toBe(
      await entryId({
        id: null,
        link: null,
        title: 'Bare item',
        body: null,
        isHtml: true,
        date: null,
        author: null,
        authorUrl: null,
        avatarUrl: null,
        lang: null,
        comments: null,
        raw: null,
      }),
    );
    expect(posts[0]!.url).toBeNull();
    // No date in the feed: the time it was read.
    expect(Math.abs(posts[0]!.createdAt.getTime() - Date.now())).toBeLessThan(5000);
  });

  it('reads one page per poll, then returns only items added since, sending the saved ETag', async () => {
    const url = fake.addFeed('/feed.rss', { format: 'rss' });
    // The dates are taken once: a second boundary passing mid-test must not move the expected newest one.
    const dates = [0, 1, 2].map((i) => ago(30 - i));
    for (let i = 0; i < 3; i++) fake.addItem('/feed.rss', { guid: `g${i}`, title: `Post ${i}`, date: dates[i]! });
    const first = await poll(url);
    expect(first.more).toBe(false);
    expect(first.posts.map((p) => p.externalId)).toEqual(['g2', 'g1', 'g0']);
    const cursor = first.cursor as RssCursor;
    expect(cursor).toMatchObject({
      etag: expect.stringMatching(/^".+"$/),
      lastModified: expect.any(String),
      seen: ['g2', 'g1', 'g0'],
      newest: dates[2]!.toISOString(),
    });

    fake.addItem('/feed.rss', { guid: 'g3', title: 'Fresh post', date: ago(1) });
    const second = await poll(url, first.cursor);
    expect(second.posts.map((p) => p.title)).toEqual(['Fresh post']);
    expect(fake.requests.at(-1)!.headers['if-none-match']).toBe(cursor.etag);
    expect((second.cursor as RssCursor).seen).toEqual(['g3', 'g2', 'g1', 'g0']);
  });

  it('treats 304 Not Modified as nothing new and keeps the cursor', async () => {
    const url = fake.addFeed('/quiet.atom', { format: 'atom' });
    fake.addItem('/quiet.atom', { guid: 'tag:q,1', title: 'Only one', date: ago(10) });
    const first = await poll(url);
    const again = await poll(url, first.cursor);
    expect(again).toEqual({ posts: [], cursor: first.cursor, more: false });
    expect(fake.notModifiedCount('/quiet.atom')).toBe(1);
    const sent = fake.requests.at(-1)!.headers;
    expect(sent['if-none-match']).toBe((first.cursor as RssCursor).etag);
    expect(sent['if-modified-since']).toBe((first.cursor as RssCursor).lastModified);
  });

  it('does not repeat undated items from a server without ETag or Last-Modified', async () => {
    const url = fake.addFeed('/plain.xml', { format: 'rss', conditional: false });
    fake.addItem('/plain.xml', { guid: 'a', title: 'A', date: null });
    fake.addItem('/plain.xml', { guid: 'b', title: 'B', date: null });
    const first = await poll(url);
    expect(first.posts).toHaveLength(2);
    expect(first.cursor).toEqual({ seen: ['b', 'a'] });
    expect((await poll(url, first.cursor)).posts).toEqual([]);
    fake.addItem('/plain.xml', { guid: 'c', title: 'C', date: null });
    expect((await poll(url, first.cursor)).posts.map((p) => p.externalId)).toEqual(['c']);
  });

  it('honours since on the first poll', async () => {
    const url = fake.addFeed('/since.rss', { format: 'rss' });
    fake.addItem('/since.rss', { guid: 'old', title: 'Old', date: ago(120) });
    fake.addItem('/since.rss', { guid: 'new', title: 'New', date: ago(10) });
    const page = await poll(url, null, { since: ago(60) });
    expect(page.posts.map((p) => p.externalId)).toEqual(['new']);
    expect((page.cursor as RssCursor).seen).toEqual(['new', 'old']);
  });

  it('returns a late item dated just before the newest one, but not an unseen one from the distant past', async () => {
    const url = fake.addFeed('/news.rss', { format: 'rss' });
    fake.addItem('/news.rss', { guid: 'n1', title: 'Newest', date: ago(5) });
    const first = await poll(url);
    fake.addItem('/news.rss', { guid: 'late', title: 'Indexed late', date: ago(180) });
    fake.addItem('/news.rss', {
      guid: 'ancient',
      title: 'Archive',
      date: new Date(Date.now() - LATE_ITEM_GRACE_MS - 3600_000),
    });
    expect((await poll(url, first.cursor)).posts.map((p) => p.externalId)).toEqual(['late']);
  });

  it(`remembers at most ${MAX_SEEN_IDS} ids, newest first, and the newest date keeps older ones out`, async () => {
    const url = fake.addFeed('/big.rss', { format: 'rss', conditional: false });
    // Two hours apart: the 100 oldest are weeks behind the newest, past the late-item grace.
    for (let i = 0; i < 600; i++)
      fake.addItem('/big.rss', { guid: `id-${i}`, title: `Item ${i}`, date: ago((600 - i) * 120) });
    const page = await poll(url);
    expect(page.posts).toHaveLength(600);
    const seen = (page.cursor as RssCursor).seen!;
    expect(seen).toHaveLength(MAX_SEEN_IDS);
    expect([seen[0], seen.at(-1)]).toEqual(['id-599', 'id-100']);
    expect((await poll(url, page.cursor)).posts).toEqual([]);
    expect((await poll(url, { seen })).posts).toHaveLength(100);
  });

  it('keeps the whole text of a long article', async () => {
    const url = fake.addFeed('/long.rss', { format: 'rss' });
    const paragraph = 'Acme ✓ '.repeat(400).trim();
    fake.addItem('/long.rss', {
      guid: 'long',
      title: 'Long read',
      contentHtml: Array.from({ length: 10 }, () => `<p>${paragraph}</p>`).join(''),
    });
    const [post] = (await poll(url)).posts;
    expect(post!.text).toBe(Array.from({ length: 10 }, () => paragraph).join('\n\n'));
    expect(post!.text.length).toBeGreaterThan(25_000);
  });

  it('reads JSON Feed and RDF documents too', async () => {
    const url = fake.addFeed('/other', { format: 'rss' });
    fake.fault({
      headers: { 'content-type': 'application/feed+json' },
      raw: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          {
            id: 'j1',
            url: 'https://j.example/1',
            content_html: '<p>J &amp; son</p>',
            date_published: '2025-01-02T03:04:05Z',
            authors: [{ name: 'Jo', avatar: 'https://j.example/jo.png' }],
          },
        ],
      }),
    });
    const [json] = (await poll(url)).posts;
    expect(json).toMatchObject({
      externalId: 'j1',
      text: 'J & son',
      createdAt: new Date('2025-01-02T03:04:05Z'),
      author: { name: 'Jo', avatarUrl: 'https://j.example/jo.png' },
    });
    fake.fault({
      headers: { 'content-type': 'application/rdf+xml' },
      raw:
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ' +
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        '<channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link>' +
        '<description>d</description></channel>' +
        '<item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link>' +
        '<description>&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;</description>' +
        '<dc:creator>Bo</dc:creator><dc:date>2025-01-01T00:00:00Z</dc:date></item></rdf:RDF>',
    });
    const [rdf] = (await poll(url)).posts;
    expect(rdf).toMatchObject({ externalId: 'https://r.example/1', text: 'Hi & bye', author: { name: 'Bo' } });
  });

  it('sends HTTP Basic credentials and reports a refusal as auth', async () => {
    const url = fake.addFeed('/private.rss', { format: 'rss', basicAuth: { username: 'ana', password: 'sëcret' } });
    fake.addItem('/private.rss', { guid: 'p1', title: 'Members only', date: ago(1) });
    expect((await poll(url, null, { credentials: { username: 'ana', password: 'sëcret' } })).posts).toHaveLength(1);
    const err = await poll(url, null, { credentials: { username: 'ana', password: 'wrong' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/username and password/);
  });

  it('reports a 429 with Retry-After seconds as rate_limited with the reset time', async () => {
    const url = fake.addFeed('/busy.rss', { format: 'rss' });
    const now = new Date('2025-06-01T12:00:00Z');
    fake.fault({ status: 429, headers: { 'retry-after': '120' }, raw: 'Too Many Requests' });
    const err = await poll(url, null, { now }).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('rate_limited');
    expect(err.details.resetAt).toEqual(new Date('2025-06-01T12:02:00Z'));
  });

  it('reports a 503 with a Retry-After date as rate_limited until that date', async () => {
    const url = fake.addFeed('/maint.rss', { format: 'rss' });
    fake.fault({
      status: 503,
      headers: { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' },
      raw: '<html>Down for maintenance</html>',
    });
    const err = await poll(url).catch((e) => e);
    expect(err.kind).toBe('rate_limited');
    expect(err.details.resetAt).toEqual(new Date('2026-10-21T07:28:00Z'));
  });

  it.each([
    ['a 503 without Retry-After', 'transient', { status: 503, raw: 'Service Unavailable' }, /HTTP 503/],
    ['a 500', 'transient', { status: 500, raw: 'Internal Server Error' }, /HTTP 500/],
    ['a hang past the timeout', 'transient', { hang: true }, /did not answer within 300 ms/],
    [
      'an HTML page',
      'transient',
      {
        headers: { 'content-type': 'text/html; charset=utf-8' },
        raw: '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>',
      },
      /is not an RSS or Atom feed \(it is an HTML page\)/,
    ],
    [
      'broken XML',
      'transient',
      {
        headers: { 'content-type': 'application/rss+xml' },
        raw: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a',
      },
      /is not an RSS or Atom feed/,
    ],
    ['a 401', 'auth', { status: 401, raw: 'Unauthorized' }, /refused access \(HTTP 401\)/],
    ['a 403', 'auth', { status: 403, raw: 'Forbidden' }, /HTTP 403/],
    ['a 404', 'invalid_request', { status: 404, raw: 'Not Found' }, /is gone \(HTTP 404\)/],
    ['a 410', 'invalid_request', { status: 410, raw: 'Gone' }, /is gone \(HTTP 410\)/],
  ] as const)('reports %s as a %s error', async (_name, kind, fault, message) => {
    const url = fake.addFeed('/f.rss', { format: 'rss' });
    fake.fault(fault);
    // Only the hang gets the short timeout: a slow machine must not turn the other answers into timeouts.
    const err = await poll(url, null, 'hang' in fault ? { timeoutMs: 300 } : {}).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(message);
  });

  it('reports a host that cannot be reached as transient', async () => {
    const err = await poll('http://127.0.0.1:1/feed.xml').catch((e) => e);
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/Could not reach the feed/);
  });

  it('verifies a feed by its title, and fails without throwing on a missing one', async () => {
    const url = fake.addFeed('/ok.atom', { format: 'atom', title: 'Acme status 🟢' });
    fake.addItem('/ok.atom', { guid: 'x', title: 'up', date: ago(1) });
    expect(await rssConnector.verify({ http: testHttp, config: config(url), credentials: {} })).toMatchObject({
      ok: true,
      account: 'Acme status 🟢',
      message: 'Read the feed "Acme status 🟢" with 1 item.',
    });
    const bad = await rssConnector.verify({
      http: testHttp,
      config: config(new URL('/missing.xml', fake.url).toString()),
      credentials: {},
    });
    expect(bad).toMatchObject({ ok: false, account: null });
    expect(bad.message).toMatch(/is gone \(HTTP 404\)/);
  });
});

describe('RSS helpers', () => {
  it('unwraps google.com/url redirects and leaves other links alone', () => {
    expect(unwrapGoogleUrl('https://www.google.com/url?rct=j&sa=t&url=https://a.example/x%3Fy%3D1&ct=ga')).toBe(
      'https://a.example/x?y=1',
    );
    expect(unwrapGoogleUrl('https://news.google.co.uk/url?q=https://b.example/')).toBe('https://b.example/');
    expect(unwrapGoogleUrl('https://www.google.com/search?q=acme')).toBe('https://www.google.com/search?q=acme');
    expect(unwrapGoogleUrl('https://notgoogle.example/url?url=https://c.example')).toBe(
      'https://notgoogle.example/url?url=https://c.example',
    );
  });

  it('decodes a Latin-1 feed by its charset or XML declaration', () => {
    const bytes = Uint8Array.from([
      ...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>caf'),
      0xe9,
      ...Buffer.from('</t>'),
    ]);
    expect(decodeBody(bytes, 'application/rss+xml')).toContain('café');
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1')).toContain('café');
    expect(decodeBody(Buffer.from('<t>café</t>'), null)).toBe('<t>café</t>');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(retryAfter('30', now)).toEqual(new Date('2025-01-01T00:00:30Z'));
    expect(retryAfter('Thu, 02 Jan 2025 00:00:00 GMT', now)).toEqual(new Date('2025-01-02T00:00:00Z'));
    expect(retryAfter('soon', now)).toBeUndefined();
  });

  it('accepts only http(s) feed URLs', () => {
    expect(rssConfigSchema.safeParse({ feedUrl: 'ftp://x.example/feed' }).success).toBe(false);
    expect(rssConfigSchema.parse({ feedUrl: 'https://x.example/feed' }).timeoutMs).toBe(15_000);
  });
});
