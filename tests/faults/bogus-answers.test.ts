import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { mentions } from '../../src/mentions/schema';
import { pollSource } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { startFakeBluesky } from '../fakes/bluesky-server';
import type { FakeRequest, FakeResponse, FakeServer } from '../fakes/fake-http';
import { startFakeHackerNews } from '../fakes/hackernews-server';
import { startFakeMastodon } from '../fakes/mastodon-server';
import { startFakeReddit } from '../fakes/reddit-server';
import { startFakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * A platform that answers "200" with something that is not its JSON (a proxy's HTML page, an
 * ids-only list, a listing without its items) in the middle of a first pass. Before the fix the pass
 * ended there, the cursor moved past the unread pages and the source stayed `ok`: the rest of the
 * pass was never fetched. Now the poll fails without moving the cursor, the source is `degraded`
 * with the reason in our words, and the next poll picks up at the page that failed.
 */
interface Bench {
  server: FakeServer;
  source: { config: Record<string, unknown>; credentials: Record<string, unknown> };
  /** Adds n matching posts, spread over `pages` pages of the platform's size. */
  seed(n: number): void;
  /** Requests that read one page of the pass (not logins or token calls). */
  isPage(req: FakeRequest): boolean;
  pageSize: number;
}

const html: FakeResponse = {
  headers: { 'content-type': 'text/html; charset=utf-8' },
  raw: '<!doctype html><html><body>Bad gateway</body></html>',
};

type Name = 'x' | 'mastodon' | 'hackernews' | 'reddit' | 'bluesky';
const PLATFORMS: {
  name: Name;
  pages: number;
  topic?: string;
  bogus: FakeResponse;
  says: RegExp;
  start(): Promise<Bench>;
}[] = [
  {
    name: 'x',
    pages: 30,
    bogus: html,
    says: /^X answered an HTML page, not JSON$/,
    async start() {
      const x = await startFakeX();
      return {
        server: x,
        source: { config: { baseUrl: x.url }, credentials: { bearerToken: 't' } },
        seed: (n) => x.addMany(n),
        isPage: (r) => r.path.includes('/search/recent'),
        pageSize: 100,
      };
    },
  },
  {
    name: 'mastodon',
    pages: 12,
    // A hashtag topic: Mastodon follows it without a token, on the tag timeline.
    topic: '#acme',
    // Statuses reduced to their ids: nothing a mention can be made of.
    bogus: { json: Array.from({ length: 40 }, (_, i) => ({ id: String(9_000_000_000_000_000 + i) })) },
    says: /^Mastodon answered posts without the fields a mention needs/,
    async start() {
      const m = await startFakeMastodon();
      return {
        server: m,
        source: { config: { baseUrl: m.url }, credentials: {} },
        seed: (n) => void m.addMany(n, { tag: 'acme' }),
        isPage: (r) => r.path.startsWith('/api/v1/timelines/tag/'),
        pageSize: 40,
      };
    },
  },
  {
    name: 'hackernews',
    pages: 12,
    bogus: {
      json: {
        hits: Array.from({ length: 100 }, (_, i) => ({ objectID: String(90_000_000 + i) })),
        nbHits: 100,
        page: 0,
        nbPages: 1,
        hitsPerPage: 100,
      },
    },
    says: /^Hacker News answered posts without the fields a mention needs/,
    async start() {
      const hn = await startFakeHackerNews();
      return {
        server: hn,
        source: { config: { baseUrl: hn.baseUrl }, credentials: {} },
        seed: (n) => hn.addMany(n),
        isPage: (r) => r.path.endsWith('/search_by_date'),
        pageSize: 100,
      };
    },
  },
  {
    name: 'reddit',
    pages: 12,
    bogus: { json: { kind: 'Listing', data: { after: 't3_zzzz', children: 'none' } } },
    says: /^Reddit answered JSON without the listing$/,
    async start() {
      const r = await startFakeReddit();
      const credentials = { clientId: 'test-client', clientSecret: 'test-secret' };
      return {
        server: r,
        source: {
          config: { baseUrl: r.url, authBaseUrl: r.url, subreddits: ['acme'], includeComments: false },
          credentials,
        },
        seed: (n) => {
          for (let i = 0; i < n; i++) r.addPost({ title: `acme post ${i}`, selftext: `acme body ${i}` });
        },
        isPage: (req) => req.path.endsWith('/search'),
        pageSize: 100,
      };
    },
  },
  {
    name: 'bluesky',
    pages: 12,
    bogus: html,
    says: /^Bluesky/,
    async start() {
      const b = await startFakeBluesky();
      return {
        server: b,
        source: { config: { baseUrl: b.url }, credentials: {} },
        seed: (n) => b.addMany(n),
        isPage: (r) => r.path.endsWith('app.bsky.feed.searchPosts'),
        pageSize: 100,
      };
    },
  },
];

describe.each(PLATFORMS)('a bogus "200" mid-pass on $name', ({ name, pages, topic, bogus, says, start }) => {
  let t: TestContext;
  let bench: Bench;
  let now = new Date();
  let actor: Actor;

  beforeAll(async () => {
    bench = await start();
    t = await createTestContext({ clock: () => now });
    const ws = await t.seedWorkspace(`Bogus ${name}`);
    actor = ws.actor;
    await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: topic ?? 'acme' });
  });
  afterAll(async () => {
    await t.close();
    await bench.server.close();
  });

  it(`stops at the bad page, cursor unmoved; the next poll fetches the rest: ${pages} pages, none twice`, async () => {
    const total = pages * bench.pageSize;
    bench.seed(total);
    const source = await createSource(t.deps, actor, { platform: name, name, ...bench.source }, now);
    let seen = 0;
    bench.server.fault({ ...bogus, match: (r) => bench.isPage(r) && ++seen === 10 });

    const failed = await pollSource(t.deps, source.id, { maxPages: 100, firstSweepDays: 2 });
    expect(failed).toMatchObject({ status: 'failed', kind: 'transient', pages: 9, inserted: 9 * bench.pageSize });
    if (failed.status === 'failed') expect(failed.error).toMatch(says);
    const [after] = await t.db.select().from(sources).where(eq(sources.id, source.id));
    expect(after).toMatchObject({ status: 'degraded', consecutiveFailures: 1 });
    expect(after!.lastError).toMatch(says);

    now = new Date(now.getTime() + 2 * 60 * 60_000);
    const resumed = await pollSource(t.deps, source.id, { maxPages: 100, firstSweepDays: 2, force: true });
    // The pages after the bad one, and only those, are new: nothing lost, nothing stored twice.
    expect(resumed).toMatchObject({ status: 'ok', inserted: total - 9 * bench.pageSize });
    const [stored] = await t.db.select({ n: count() }).from(mentions).where(eq(mentions.sourceId, source.id));
    expect(Number(stored!.n)).toBe(total);
    const [healed] = await t.db.select().from(sources).where(eq(sources.id, source.id));
    expect(healed).toMatchObject({ status: 'ok', lastError: null });
    // Thousands of posts stored on a shared 2-core machine: a generous limit, not a budget.
  }, 300_000);
});
