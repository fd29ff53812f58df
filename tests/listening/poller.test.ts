import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { xConnector } from '../../src/connectors/x/x.connector';
import { mentions } from '../../src/mentions/schema';
import { createLogger } from '../../src/http/logger';
import { dueSourceIds, pollDueSources, pollSource, type PollerDeps } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { createSource, getSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let actor: Actor;
let now = new Date();
let deps: PollerDeps;

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  x = await startFakeX();
  const ws = await t.seedWorkspace('Poll');
  actor = {
    workspaceId: ws.workspace.id,
    workspaceSlug: ws.workspace.slug,
    userId: ws.owner.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
  await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  await createTopic(t.db, actor, { name: 'Globex', kind: 'competitor', query: 'globex' });
  deps = { ...t.deps, clock: () => now, logger: createLogger('silent'), random: () => 0.5 };
});
afterAll(async () => {
  await x.close();
  await t.close();
});
beforeEach(() => {
  now = new Date();
});

// A generous timeout for the healthy fake, so a loaded machine never turns a good answer into a timeout.
const newXSource = async (baseUrl = x.url, name = `X ${Math.random()}`, timeoutMs = 30_000) =>
  createSource(
    t.deps,
    actor,
    { platform: 'x', name, config: { baseUrl, timeoutMs }, credentials: { bearerToken: 'tkn' } },
    now,
  );

const storedCount = async (sourceId: string) =>
  Number((await t.db.select({ n: count() }).from(mentions).where(eq(mentions.sourceId, sourceId)))[0]!.n);

/** The poller's deps with X answering its `nth` page request with a 429 (resetting at `reset`, epoch seconds). */
function limitedAt(nth: number, reset: number): PollerDeps {
  const connector = deps.connectors.x!;
  let calls = 0;
  const poll: typeof connector.poll = (ctx) => {
    if (++calls === nth) x.rateLimitNext(reset);
    return connector.poll(ctx);
  };
  return { ...deps, connectors: { ...deps.connectors, x: { ...connector, poll } } };
}

describe('polling a source', () => {
  it('stores every post once, tags topics, and a second poll adds nothing', async () => {
    x.tweets.length = 0;
    x.addTweet({ text: 'Acme vs Globex: which is better?' });
    x.addTweet({ text: 'I love acme' });
    const source = await newXSource();
    const first = await pollSource(deps, source.id);
    expect(first).toMatchObject({ status: 'ok', fetched: 2, inserted: 2, duplicates: 0 });
    const rows = await t.db.select().from(mentions).where(eq(mentions.sourceId, source.id));
    const both = rows.find((r) => r.text.startsWith('Acme vs'))!;
    expect(both.topicIds).toHaveLength(2);
    // The X search asked for both topics, excluding retweets.
    expect(x.requests.at(-1)!.query.get('query')).toBe('(acme OR globex) -is:retweet');

    now = new Date(now.getTime() + 10 * 60_000);
    const second = await pollSource(deps, source.id);
    expect(second).toMatchObject({ status: 'ok', fetched: 0, inserted: 0 });
    expect(await storedCount(source.id)).toBe(2);
  });

  it('loses and doubles nothing when it crashes between commit and cursor save', async () => {
    x.tweets.length = 0;
    x.addMany(350);
    const source = await newXSource();
    let crash = true;
    // Each page stored on its own (as on PGlite), so the crash falls between page 2's commit and its cursor.
    const crashed = await pollSource(deps, source.id, {
      batchPosts: 1,
      afterCommit: (page) => {
        if (page === 2 && crash) throw new Error('power cut');
      },
    });
    expect(crashed).toMatchObject({ status: 'failed', inserted: 200 });
    crash = false;
    now = new Date(now.getTime() + 60 * 60_000 + 1000);
    const resumed = await pollSource(deps, source.id);
    // Page 2 is fetched again (its cursor was never saved) and its 100 posts are recognised.
    expect(resumed).toMatchObject({ status: 'ok', inserted: 150, duplicates: 100 });
    expect(await storedCount(source.id)).toBe(350);
  });

  it('stores consecutive pages in one go up to the batch size, and moves the cursor after each batch', async () => {
    x.tweets.length = 0;
    x.addMany(350);
    const source = await newXSource();
    const commits: number[] = [];
    let crash = true;
    const crashed = await pollSource(deps, source.id, {
      batchPosts: 250,
      afterCommit: (pages) => {
        commits.push(pages);
        if (crash) throw new Error('power cut');
      },
    });
    // Pages of 100 are gathered until they hold 250 posts: three pages, one commit, then the crash.
    expect(commits).toEqual([3]);
    expect(crashed).toMatchObject({ status: 'failed', inserted: 300 });
    crash = false;
    now = new Date(now.getTime() + 60 * 60_000 + 1000);
    const resumed = await pollSource(deps, source.id, { batchPosts: 250, afterCommit: (p) => void commits.push(p) });
    // The batch's cursor was never saved: all three pages come again, recognised, and the fourth is new.
    expect(resumed).toMatchObject({ status: 'ok', inserted: 50, duplicates: 300, pages: 4 });
    expect(commits).toEqual([3, 3, 4]);
    expect(await storedCount(source.id)).toBe(350);
  });

  it('stores the pages it already read before reporting a failed page of the same batch', async () => {
    x.tweets.length = 0;
    x.addMany(250);
    const source = await newXSource();
    // The second page of the batch is rate limited.
    const outcome = await pollSource(limitedAt(2, Math.floor(now.getTime() / 1000) + 600), source.id, {
      batchPosts: 500,
    });
    expect(outcome).toMatchObject({ status: 'failed', kind: 'rate_limited', inserted: 100 });
    expect(await storedCount(source.id)).toBe(100);
  });

  it.each([
    [true, ['read 1', 'read 2', 'store', 'stored', 'read 3', 'store', 'stored', 'store', 'stored']],
    [false, ['read 1', 'store', 'stored', 'read 2', 'store', 'stored', 'read 3', 'store', 'stored']],
  ])(
    'with overlap %s, reads the next pages while the database stores the ones before (or after)',
    async (overlap, order) => {
      x.tweets.length = 0;
      x.addMany(250);
      const source = await newXSource();
      const seen: string[] = [];
      const connector = deps.connectors.x!;
      let reads = 0;
      const watched: PollerDeps = {
        ...deps,
        connectors: {
          ...deps.connectors,
          x: {
            ...connector,
            poll: (ctx) => {
              seen.push(`read ${++reads}`);
              return connector.poll(ctx);
            },
          },
        },
        sourceFlow: {
          ...deps.sourceFlow,
          store: async (d, target, prepared) => {
            seen.push('store');
            const stored = await deps.sourceFlow.store(d, target, prepared);
            seen.push('stored');
            return stored;
          },
        },
      };
      const outcome = await pollSource(watched, source.id, { batchPosts: 100, overlap });
      expect(outcome).toMatchObject({ status: 'ok', inserted: 250, pages: 3 });
      expect(seen).toEqual(order);
      expect(await storedCount(source.id)).toBe(250);
    },
  );

  it('waits for the rate-limit reset, then resumes where it stopped', async () => {
    x.tweets.length = 0;
    x.addMany(150);
    const source = await newXSource();
    const reset = Math.floor(now.getTime() / 1000) + 600;
    // First page works, the second is rate limited.
    const firstPageDone = pollSource(limitedAt(2, reset), source.id, { batchPosts: 1 });
    expect(await firstPageDone).toMatchObject({ status: 'failed', kind: 'rate_limited', inserted: 100 });
    const limited = await getSource(t.db, actor.workspaceId, source.id);
    expect(limited.status).toBe('degraded');
    expect(limited.nextPollAt.getTime()).toBe(reset * 1000 + 1000);
    expect(await pollSource(deps, source.id)).toMatchObject({ status: 'skipped', reason: 'not-due' });

    now = new Date(reset * 1000 + 2000);
    expect(await pollSource(deps, source.id)).toMatchObject({ status: 'ok', inserted: 50 });
    expect(await storedCount(source.id)).toBe(150);
    expect((await getSource(t.db, actor.workspaceId, source.id)).status).toBe('ok');
  });

  it('polls each source only once at a time', async () => {
    x.tweets.length = 0;
    x.addMany(5);
    const source = await newXSource();
    const [a, b] = await Promise.all([pollSource(deps, source.id), pollSource(deps, source.id)]);
    expect([a.status, b.status].sort()).toEqual(['ok', 'skipped']);
    expect(await storedCount(source.id)).toBe(5);
  });

  it('updates an edited post in place and marks a deleted one', async () => {
    x.tweets.length = 0;
    const tw = x.addTweet({ text: 'acme first version' });
    const source = await newXSource();
    await pollSource(deps, source.id);
    await t.db.update(sources).set({ cursor: null }).where(eq(sources.id, source.id));
    tw.text = 'acme edited version';
    tw.withheld = { copyright: false, country_codes: ['DE'] };
    now = new Date(now.getTime() + 3_600_000);
    const again = await pollSource(deps, source.id);
    expect(again).toMatchObject({ inserted: 0, duplicates: 1 });
    const [row] = await t.db.select().from(mentions).where(eq(mentions.sourceId, source.id));
    expect(row!.text).toBe('acme edited version');
    expect(row!.editedAt).not.toBeNull();
    expect(row!.deletedAt).not.toBeNull();
  });
});

describe('polling many sources', () => {
  it('does not let a hanging source delay a healthy one', async () => {
    await t.db.update(sources).set({ paused: true });
    const hanging = await startFakeX();
    try {
      hanging.fault({ delayMs: 3000, json: { meta: { result_count: 0 } } });
      const bad = await newXSource(hanging.url, 'hanging', 200);
      x.tweets.length = 0;
      x.addTweet({ text: 'acme ok' });
      const good = await newXSource(x.url, 'healthy');
      // No clock race: the hanging poll is held open until the healthy one has finished, and the healthy one
      // only starts once the hanging one has. Polling them one after the other would never finish.
      let hangingStarted!: () => void;
      let healthyDone!: () => void;
      const started = new Promise<void>((r) => (hangingStarted = r));
      const done = new Promise<void>((r) => (healthyDone = r));
      const order: string[] = [];
      const gated = {
        ...deps,
        connectors: {
          x: {
            ...xConnector,
            poll: async (ctx: Parameters<typeof xConnector.poll>[0]) => {
              const isHanging = ctx.config.baseUrl === hanging.url;
              if (isHanging) hangingStarted();
              else await started;
              try {
                if (isHanging) await done;
                return await xConnector.poll(ctx);
              } finally {
                order.push(isHanging ? 'hanging' : 'healthy');
                if (!isHanging) healthyDone();
              }
            },
          },
        },
      };
      const outcomes = await pollDueSources(gated, { concurrency: 2 });
      expect(outcomes.get(good.id)).toMatchObject({ status: 'ok', inserted: 1 });
      expect(outcomes.get(bad.id)).toMatchObject({ status: 'failed', kind: 'transient' });
      expect(order).toEqual(['healthy', 'hanging']);
      const failing = await getSource(t.db, actor.workspaceId, bad.id);
      expect(failing.lastError).toMatch(/Could not reach X|timeout|in time/i);
      expect(await dueSourceIds(t.db, now)).not.toContain(bad.id);
    } finally {
      await hanging.close();
    }
  });
});
