import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeHackerNews, type FakeHackerNews } from '../../../tests/fakes/hackernews-server';
import { ConnectorError, type Cursor } from '../types';
import {
  advance,
  hackernewsConfigSchema,
  hackernewsConnector,
  hackernewsCredentialsSchema,
  hitToPost,
  hnHtmlToText,
  type HnCursor,
} from './hackernews.connector';
import { testHttp } from '../../../tests/helpers/outbound';

let hn: FakeHackerNews;
const NOW = Math.floor(Date.now() / 1000);
const plan = (...queries: string[]) => ({ queries: queries.length ? queries : ['acme'], hashtags: [] });
const config = (over: Record<string, unknown> = {}) =>
  hackernewsConfigSchema.parse({ baseUrl: hn.baseUrl, timeoutMs: 30_000, ...over });
const poll = (cursor: Cursor | null = null, opts: { queries?: string[]; since?: Date; timeoutMs?: number } = {}) =>
  hackernewsConnector.poll({
    http: testHttp,
    config: config(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    credentials: {},
    cursor,
    plan: plan(...(opts.queries ?? [])),
    now: new Date(NOW * 1000),
    ...(opts.since ? { since: opts.since } : {}),
  });

async function drain(cursor: Cursor | null, opts: Parameters<typeof poll>[1] = {}) {
  const ids: string[] = [];
  let pages = 0;
  for (;;) {
    const page = await poll(cursor, opts);
    pages++;
    ids.push(...page.posts.map((p) => p.externalId));
    cursor = page.cursor;
    if (!page.more) return { ids, pages, cursor };
    if (pages > 50) throw new Error('the sweep never ends');
  }
}

beforeAll(async () => {
  hn = await startFakeHackerNews();
});
afterAll(() => hn.close());
beforeEach(() => {
  hn.items.length = 0;
  hn.requests.length = 0;
});

describe('Hacker News connector against a fake Algolia HN Search API', () => {
  it('maps a story with HTML text, entities, unicode and emoji into a post', async () => {
    const story = hn.addStory({
      title: 'Ask HN: Is Acme “worth it”? 🚀',
      author: 'ana',
      points: 42,
      num_comments: 7,
      story_text:
        'I&#x27;ve tried Acme &amp; Co — café ☕ 🚀<p>It&#x27;s &quot;fine&quot;, see <a ' +
        'href="https:&#x2F;&#x2F;acme.example&#x2F;docs&#x2F;a&#x2F;very&#x2F;long&#x2F;path" rel="nofollow">' +
        'https:&#x2F;&#x2F;acme.example&#x2F;docs&#x2F;a&#x2F;ve...</a> and <i>its</i>' +
        ' <a href="https:&#x2F;&#x2F;acme.example&#x2F;faq">FAQ</a>',
      created_at_i: NOW - 60,
    });
    const page = await poll();
    expect(page.posts).toHaveLength(1);
    const post = page.posts[0]!;
    expect(post).toMatchObject({
      externalId: story.objectID,
      kind: 'post',
      title: 'Ask HN: Is Acme “worth it”? 🚀',
      url: `https://news.ycombinator.com/item?id=${story.objectID}`,
      replyToExternalId: null,
      threadExternalId: story.objectID,
      metrics: { points: 42, comments: 7 },
      deleted: false,
      lang: null,
    });
    expect(post.text).toBe(
      'I\'ve tried Acme & Co — café ☕ 🚀\n\nIt\'s "fine", see https://acme.example/docs/a/very/long/path and its ' +
        'FAQ [https://acme.example/faq]',
    );
    expect(post.author).toMatchObject({
      externalId: 'ana',
      handle: 'ana',
      url: 'https://news.ycombinator.com/user?id=ana',
      followers: null,
      verified: false,
    });
    expect(post.createdAt.getTime()).toBe((NOW - 60) * 1000);
    expect((post.raw as { objectID: string; _highlightResult: unknown }).objectID).toBe(story.objectID);
    expect((post.raw as { _highlightResult: unknown })._highlightResult).toBeDefined();

    const sent = hn.requests[0]!;
    expect(sent.path).toBe('/api/v1/search_by_date');
    expect(sent.query.get('query')).toBe('acme');
    expect(sent.query.get('tags')).toBe('(story,comment)');
    expect(sent.query.get('hitsPerPage')).toBe('100');
    expect(sent.query.get('page')).toBe('0');
    expect(sent.query.get('numericFilters')).toBe(`created_at_i>${NOW - 24 * 3600}`);
  });

  it('uses the title as the text of a link story without story_text', async () => {
    hn.addStory({ title: 'Acme raises $10M', url: 'https://acme.example/news', created_at_i: NOW - 5 });
    const post = (await poll()).posts[0]!;
    expect(post).toMatchObject({ title: 'Acme raises $10M', text: 'Acme raises $10M', deleted: false });
  });

  it('maps a comment with its parent and story, turning its HTML into text', async () => {
    const story = hn.addStory({ title: 'Show HN: something', created_at_i: NOW - 100 });
    const parent = hn.addComment({
      comment_text: 'first',
      parent_id: Number(story.objectID),
      story_id: Number(story.objectID),
      created_at_i: NOW - 90,
    });
    const reply = hn.addComment({
      comment_text: 'I&#x27;d use acme here:<p><pre><code>  npm i acme\n</code></pre>\n<p>&gt; quoted &lt;b&gt;',
      parent_id: Number(parent.objectID),
      story_id: Number(story.objectID),
      author: 'tptacek',
      created_at_i: NOW - 80,
    });
    const posts = (await poll()).posts;
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      externalId: reply.objectID,
      kind: 'comment',
      title: null,
      text: "I'd use acme here:\n\n  npm i acme\n\n> quoted <b>",
      replyToExternalId: parent.objectID,
      threadExternalId: story.objectID,
      url: `https://news.ycombinator.com/item?id=${reply.objectID}`,
      metrics: {},
    });
    expect(posts[0]!.author.handle).toBe('tptacek');
  });

  it('keeps a long story text whole, without wrapping it', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `acme word${i}`).join(' ');
    hn.addStory({ title: 'Long', story_text: long, created_at_i: NOW - 3 });
    const post = (await poll()).posts[0]!;
    expect(post.text).toBe(long);
    expect(post.text.length).toBeGreaterThan(4000);
  });

  it('keeps dead or deleted items, marked deleted', async () => {
    const story = hn.addStory({ title: 'acme thread', created_at_i: NOW - 50 });
    hn.addComment({
      comment_text: 'acme [flagged]',
      author: null,
      parent_id: Number(story.objectID),
      story_id: Number(story.objectID),
      created_at_i: NOW - 40,
    });
    hn.addStory({
      title: '',
      story_text: '',
      url: 'https://acme.example/gone',
      author: 'ghost',
      created_at_i: NOW - 30,
    });
    const posts = (await poll()).posts;
    expect(posts.map((p) => [p.text, p.deleted])).toEqual([
      ['', true],
      ['acme [flagged]', true],
      ['acme thread', false],
    ]);
    expect(posts[1]!.author).toMatchObject({ handle: null, url: null });
  });

  it('pages through a sweep, then asks only for newer items with the saved cursor', async () => {
    hn.addMany(250, { newestAt: NOW - 10 });
    const first = await drain(null);
    expect(first.pages).toBe(3);
    expect(new Set(first.ids).size).toBe(250);
    expect(first.cursor).toEqual({ queries: { acme: { after: NOW - 10 } } });
    // Pages after the first are pinned below the sweep's newest item.
    expect(hn.requests[1]!.query.get('numericFilters')).toBe(
      `created_at_i>${NOW - 24 * 3600},created_at_i<=${NOW - 10}`,
    );
    expect(hn.requests[2]!.query.get('page')).toBe('2');

    const fresh = hn.addStory({ title: 'fresh acme', created_at_i: NOW - 2 });
    const next = await poll(first.cursor);
    expect(next.posts.map((p) => p.externalId)).toEqual([fresh.objectID]);
    expect(next.more).toBe(false);
    expect(hn.requests.at(-1)!.query.get('numericFilters')).toBe(`created_at_i>${NOW - 10}`);
    expect(next.cursor).toEqual({ queries: { acme: { after: NOW - 2 } } });
  });

  it('resumes an unfinished sweep from its saved page', async () => {
    hn.addMany(150, { newestAt: NOW - 10 });
    const one = await poll();
    expect(one.more).toBe(true);
    expect((one.cursor as HnCursor).queries!.acme!.sweep).toEqual({ page: 1, newest: NOW - 10, upper: NOW - 10 });
    hn.addStory({ title: 'acme arrives mid-sweep', created_at_i: NOW - 1 });
    const two = await poll(one.cursor);
    expect(two.posts).toHaveLength(50);
    expect(two.posts.some((p) => p.title === 'acme arrives mid-sweep')).toBe(false);
    expect(two.more).toBe(false);
    expect((await poll(two.cursor)).posts.map((p) => p.title)).toEqual(['acme arrives mid-sweep']);
  });

  it('gets past the 1,000-hit pagination cap by narrowing with created_at_i<=, losing nothing', async () => {
    hn.addMany(1150, { newestAt: NOW - 10, perSecond: 3 });
    const { ids, cursor } = await drain(null);
    expect(new Set(ids).size).toBe(1150);
    expect(hn.requests.some((r) => r.query.get('page') === '10')).toBe(false);
    expect(hn.requests.at(-1)!.query.get('numericFilters')).toMatch(/^created_at_i>\d+,created_at_i<=\d+$/);
    expect(cursor).toEqual({ queries: { acme: { after: NOW - 10 } } });
  });

  it('honours since on the first sweep', async () => {
    hn.addStory({ title: 'old acme', created_at_i: NOW - 7200 });
    hn.addStory({ title: 'new acme', created_at_i: NOW - 60 });
    const page = await poll(null, { since: new Date((NOW - 3600) * 1000 + 500) });
    expect(page.posts.map((p) => p.title)).toEqual(['new acme']);
    expect(hn.requests[0]!.query.get('numericFilters')).toBe(`created_at_i>${NOW - 3600}`);
    expect(page.cursor).toEqual({ queries: { acme: { after: NOW - 60 } } });
  });

  it('keeps the since floor after a quiet first sweep, so the next poll does not reach further back', async () => {
    const quiet = await poll(null, { since: new Date((NOW - 3600) * 1000) });
    expect(quiet.posts).toEqual([]);
    expect(quiet.cursor).toEqual({ queries: { acme: { after: NOW - 3600 } } });
    hn.addStory({ title: 'acme later', created_at_i: NOW - 7000 });
    expect((await poll(quiet.cursor)).posts).toEqual([]);
    expect(hn.requests[1]!.query.get('numericFilters')).toBe(`created_at_i>${NOW - 3600}`);
  });

  it('walks every query of the plan in one round, keeping separate state per query', async () => {
    hn.addMany(120, { word: 'widget', newestAt: NOW - 100 });
    hn.addStory({ title: 'acme gadget pro', created_at_i: NOW - 20 });
    const queries = ['widget', 'acme "gadget pro"'];
    const round = await drain(null, { queries });
    expect(round.pages).toBe(3);
    expect(round.ids).toHaveLength(121);
    expect(round.cursor).toEqual({
      queries: { widget: { after: NOW - 100 }, 'acme "gadget pro"': { after: NOW - 20 } },
    });

    hn.addStory({ title: 'widget news', created_at_i: NOW - 5 });
    const next = await drain(round.cursor, { queries });
    expect(next.pages).toBe(2);
    expect(next.ids).toHaveLength(1);
    const sent = hn.requests.slice(-2).map((r) => [r.query.get('query'), r.query.get('numericFilters')]);
    expect(sent).toEqual([
      ['widget', `created_at_i>${NOW - 100}`],
      ['acme "gadget pro"', `created_at_i>${NOW - 20}`],
    ]);
  });

  it('reports a 429 as rate_limited, reset after an hour without Retry-After', async () => {
    hn.rateLimitNext();
    const before = Date.now();
    const err = await poll().catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('rate_limited');
    expect(err.message).toMatch(/Hacker News/);
    const wait = err.details.resetAt.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(3600_000);
    expect(wait).toBeLessThan(3600_000 + 5000);
  });

  it('reports a 429 as rate_limited with the reset time from Retry-After', async () => {
    hn.rateLimitNext(120);
    const before = Date.now();
    const err = await poll().catch((e) => e);
    expect(err.kind).toBe('rate_limited');
    const wait = err.details.resetAt.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(120_000);
    expect(wait).toBeLessThan(125_000);
  });

  it.each([
    ['a 503', 'transient', { status: 503, raw: '<html>Service Unavailable</html>' }],
    ['a 500 with an Algolia message', 'transient', { status: 500, json: { message: 'Internal error', status: 500 } }],
    ['broken JSON', 'transient', { raw: '{"hits": [', headers: { 'content-type': 'application/json' } }],
    ['JSON without hits', 'transient', { json: { message: 'ok?' } }],
    ['a 403', 'auth', { status: 403, json: { message: 'Invalid Application-ID or API key', status: 403 } }],
  ] as const)('reports %s as a %s error', async (_name, kind, fault) => {
    hn.fault(fault);
    const err = await poll().catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(/Hacker News/);
  });

  it('reports a bad parameter (400) as invalid_request by its status, without repeating the answer', async () => {
    hn.fault({ status: 400, json: { message: 'Invalid syntax for numeric condition:created_at_i>>1', status: 400 } });
    const err = await poll().catch((e) => e);
    expect(err.kind).toBe('invalid_request');
    expect(err.message).toBe('The Hacker News search API (Algolia) rejected the request (HTTP 400).');
    expect(err.details.status).toBe(400);
  });

  it('starts a query afresh when its stored state is unreadable', async () => {
    hn.addStory({ title: 'acme', created_at_i: NOW - 5 });
    const page = await poll({ queries: { acme: { after: 'yesterday' } } });
    expect(page.posts).toHaveLength(1);
    expect(hn.requests[0]!.query.get('numericFilters')).toBe(`created_at_i>${NOW - 24 * 3600}`);
  });

  it('the fake rejects a malformed numeric filter the way Algolia does', async () => {
    const res = await fetch(
      `${hn.baseUrl}search_by_date?query=acme&numericFilters=${encodeURIComponent('created_at_i>yesterday')}`,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      message: 'Invalid syntax for numeric condition:created_at_i>yesterday',
      status: 400,
    });
  });

  it('gives up on a hang past timeoutMs as transient', async () => {
    hn.fault({ hang: true });
    const err = await poll(null, { timeoutMs: 300 }).catch((e) => e);
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/did not answer within 300 ms/);
  });

  it('refuses a plan with nothing to search', async () => {
    const err = await poll(null, { queries: ['  '] }).catch((e) => e);
    expect(err.kind).toBe('invalid_request');
  });

  it('verifies with a one-hit query and reports failures without throwing', async () => {
    hn.addMany(3);
    const ok = await hackernewsConnector.verify({ http: testHttp, config: config(), credentials: {} });
    expect(ok).toMatchObject({ ok: true, account: null });
    expect(hn.requests.at(-1)!.query.get('query')).toBe('test');
    expect(hn.requests.at(-1)!.query.get('hitsPerPage')).toBe('1');

    hn.fault({ status: 503, json: { message: 'Service Unavailable', status: 503 } });
    const down = await hackernewsConnector.verify({ http: testHttp, config: config(), credentials: {} });
    expect(down).toMatchObject({ ok: false, account: null });
    expect(down.message).toMatch(/Hacker News.*503/);

    const unreachable = await hackernewsConnector.verify({
      http: testHttp,
      config: config({ baseUrl: 'http://127.0.0.1:1/api/v1/' }),
      credentials: {},
    });
    expect(unreachable.ok).toBe(false);
    expect(unreachable.message).toMatch(/Could not reach/);
  });

  it('needs no credentials and defaults to the public endpoint', () => {
    expect(hackernewsCredentialsSchema.parse({})).toEqual({});
    expect(hackernewsConfigSchema.parse({})).toMatchObject({
      baseUrl: 'https://hn.algolia.com/api/v1/',
      timeoutMs: 15000,
    });
    expect(hackernewsConnector.reply).toBeUndefined();
  });
});

describe('Hacker News mapping helpers', () => {
  it('turns HN comment HTML into plain text', () => {
    expect(hnHtmlToText('a &amp; b<p>c &#x2F; d')).toBe('a & b\n\nc / d');
    expect(hnHtmlToText(null)).toBe('');
  });

  it('marks a hit without author as deleted but keeps its text', () => {
    const post = hitToPost({
      objectID: '1',
      created_at: '2024-01-01T00:00:00Z',
      created_at_i: 1704067200,
      author: null,
      comment_text: 'x',
      parent_id: 2,
      story_id: 3,
      _tags: ['comment'],
    });
    expect(post).toMatchObject({
      deleted: true,
      text: 'x',
      kind: 'comment',
      replyToExternalId: '2',
      threadExternalId: '3',
    });
  });

  it('does not loop when a whole capped page shares one second', () => {
    const hits = Array.from({ length: 100 }, (_, i) => ({
      objectID: String(i),
      created_at: '',
      created_at_i: 500,
      author: 'a',
    }));
    const next = advance(
      { after: 100, sweep: { page: 9, newest: 900, upper: 500 } },
      { hits, nbHits: 5000, nbPages: 10, page: 9, hitsPerPage: 100 },
    );
    expect(next).toEqual({ after: 100, sweep: { page: 0, newest: 900, upper: 499 } });
  });
});
