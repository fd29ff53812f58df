import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { imports } from '../../src/imports/schema';
import { LEASE_MS as IMPORT_LEASE_MS, resumableImportIds } from '../../src/imports/import.service';
import { releaseOwnLeases } from '../../src/jobs/leases';
import { dueReplyIds, queueReply, sendReply } from '../../src/inbox/replies/outbox';
import { replies } from '../../src/inbox/replies/schema';
import { createLogger } from '../../src/http/logger';
import { DEFAULT_POLLER_OPTIONS, pollSource, type PollerDeps } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { type FakeX, startFakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Leases of polls, imports and reply sends: short, kept alive by a heartbeat while work runs,
 * freed at start by the instance that held them, and never written through once lost.
 * Lease lengths and heartbeats are injected small; the clock is the test's.
 */
let t: TestContext;
let x: FakeX;
let actor: Actor;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let now = new Date();
let deps: PollerDeps;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sourceRow = async (id: string) => (await t.db.select().from(sources).where(eq(sources.id, id)))[0]!;
const credentials = { bearerToken: 'b', appKey: 'k', appSecret: 's', accessToken: 'at', accessSecret: 'as' };
const newXSource = () =>
  createSource(
    t.deps,
    actor,
    { platform: 'x', name: `X ${Math.random()}`, config: { baseUrl: x.url, timeoutMs: 30_000 }, credentials },
    now,
  );

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  x = await startFakeX();
  ws = await t.seedWorkspace('Leases');
  actor = ws.actor;
  await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  deps = { ...t.deps, clock: () => now, logger: createLogger('silent'), random: () => 0.5, instanceId: 'node-a' };
});
afterAll(async () => {
  await x.close();
  await t.close();
});
beforeEach(() => {
  now = new Date();
  x.tweets.length = 0;
});

describe('poll leases', () => {
  it('does not move the cursor when another poller took the lease mid-poll', async () => {
    x.addMany(250);
    const source = await newXSource();
    const outcome = await pollSource(deps, source.id, {
      // Each page stored on its own: the test steps in between the first page's commit and the next.
      batchPosts: 1,
      afterCommit: async (page) => {
        if (page !== 1) return;
        // Someone else holds the source now (our lease ran out and they claimed it).
        await t.db
          .update(sources)
          .set({ leaseToken: 'thief', leaseHolder: 'node-b', leaseUntil: new Date(now.getTime() + 60_000) })
          .where(eq(sources.id, source.id));
      },
    });
    expect(outcome.status).toBe('failed');
    const row = await sourceRow(source.id);
    expect(row.cursor).toBeNull();
    // Their lease is theirs: neither our cursor nor our outcome was written over it.
    expect(row).toMatchObject({ leaseToken: 'thief', leaseHolder: 'node-b', lastPolledAt: null });
  });

  it('holds a source for at most a minute: a poll whose process died is taken over by another instance', async () => {
    x.addMany(250);
    const source = await newXSource();
    let takeover: Awaited<ReturnType<typeof pollSource>> | undefined;
    const first = await pollSource(deps, source.id, {
      // Each page stored on its own: the test steps in between the first page's commit and the next.
      batchPosts: 1,
      afterCommit: async (page) => {
        if (page !== 1) return;
        const held = await sourceRow(source.id);
        expect(held.leaseHolder).toBe('node-a');
        expect(held.leaseUntil!.getTime() - now.getTime()).toBeLessThanOrEqual(60_000);
        // This poller now stands for one that was killed: a minute on, nothing has renewed its lease.
        now = new Date(now.getTime() + 60_001);
        takeover = await pollSource({ ...deps, instanceId: 'node-b' }, source.id, { force: true });
      },
    });
    expect(takeover).toMatchObject({ status: 'ok', inserted: 150 });
    // The poller that lost its lease writes nothing more.
    expect(first).toMatchObject({ status: 'failed', error: expect.stringContaining('Lost the lease') });
    expect(DEFAULT_POLLER_OPTIONS.leaseMs).toBeLessThanOrEqual(60_000);
  });

  it('keeps the lease of a poll that is still running alive with a heartbeat', async () => {
    x.addMany(150);
    const source = await newXSource();
    const leaseMs = 1_000;
    let other: Awaited<ReturnType<typeof pollSource>> | undefined;
    const outcome = await pollSource(deps, source.id, {
      leaseMs,
      heartbeatMs: 5,
      // Each page stored on its own: the test steps in between the first page's commit and the next.
      batchPosts: 1,
      afterCommit: async (page) => {
        if (page !== 1) return;
        // Long work: by the clock the first lease has run out...
        now = new Date(now.getTime() + 5 * leaseMs);
        // ...but the heartbeat renews it while we are still at it.
        for (let i = 0; i < 2_000 && (await sourceRow(source.id)).leaseUntil! <= now; i++) await sleep(5);
        other = await pollSource({ ...deps, instanceId: 'node-b' }, source.id, { force: true, leaseMs });
      },
    });
    expect(other).toEqual({ status: 'skipped', reason: 'busy' });
    expect(outcome).toMatchObject({ status: 'ok', inserted: 150 });
    expect(await sourceRow(source.id)).toMatchObject({ leaseUntil: null, leaseToken: null, leaseHolder: null });
  });

  it('lets "Poll now" poll at once after a restart, not 409 for a poll that died with the process', async () => {
    x.addMany(20);
    const mine = await newXSource();
    const theirs = await newXSource();
    // What a kill -9 mid-poll leaves: live leases held by a process that no longer exists.
    const held = (holder: string) => ({
      leaseToken: crypto.randomUUID(),
      leaseHolder: holder,
      leaseUntil: new Date(now.getTime() + 60_000),
    });
    await t.db.update(sources).set(held('node-a')).where(eq(sources.id, mine.id));
    await t.db.update(sources).set(held('node-b')).where(eq(sources.id, theirs.id));

    expect((await t.request('POST', `/api/v1/sources/${mine.id}/poll`, { token: ws.token })).status).toBe(409);
    // node-a starts again: what it held before is free.
    expect(await releaseOwnLeases(deps, 'node-a')).toMatchObject({ sources: 1 });
    const poll = await t.request('POST', `/api/v1/sources/${mine.id}/poll`, { token: ws.token });
    expect(poll.status).toBe(200);
    expect(poll.json).toMatchObject({ status: 'ok', inserted: 20 });
    // Another instance's lease is not ours to free.
    expect((await t.request('POST', `/api/v1/sources/${theirs.id}/poll`, { token: ws.token })).status).toBe(409);
  });

  it('shows "polling now" while a lease is held, and the next poll time once it has run out', async () => {
    const source = await newXSource();
    await t.db
      .update(sources)
      .set({ leaseToken: 'held', leaseHolder: 'node-b', leaseUntil: new Date(now.getTime() + 60_000) })
      .where(eq(sources.id, source.id));
    const api = () => t.request('GET', `/api/v1/sources/${source.id}`, { token: ws.token });
    const { cookie } = await t.browserSession(ws.owner.email);
    const page = () => t.request('GET', `/settings/sources/${source.id}`, { headers: { cookie } });
    expect((await api()).json.polling).toBe(true);
    expect((await page()).text).toContain('data-testid="polling-now"');
    // The holder died a minute ago: its lease is stale, so the page says when the next poll is due.
    now = new Date(now.getTime() + 61_000);
    expect((await api()).json.polling).toBe(false);
    expect((await page()).text).not.toContain('data-testid="polling-now"');
  });
});

describe('import leases', () => {
  it('frees at start the imports this instance was running, so they resume at once', async () => {
    const base = {
      workspaceId: ws.workspace.id,
      filename: 'a.csv',
      format: 'csv' as const,
      mapping: {},
      size: 10,
      status: 'running' as const,
      total: 100,
      processed: 50,
    };
    const lease = { leaseUntil: new Date(now.getTime() + 60_000), leaseToken: 'x' };
    const [mine] = await t.db
      .insert(imports)
      .values({ ...base, ...lease, leaseHolder: 'node-a' })
      .returning();
    const [theirs] = await t.db
      .insert(imports)
      .values({ ...base, ...lease, leaseHolder: 'node-b' })
      .returning();
    expect(await resumableImportIds(t.db, now)).not.toContain(mine!.id);
    expect(await releaseOwnLeases(deps, 'node-a')).toMatchObject({ imports: 1 });
    const resumable = await resumableImportIds(t.db, now);
    expect(resumable).toContain(mine!.id);
    expect(resumable).not.toContain(theirs!.id);
    // And one whose runner died elsewhere waits a minute at most.
    expect(IMPORT_LEASE_MS).toBeLessThanOrEqual(60_000);
  });
});

describe('reply send leases', () => {
  const conversationFor = async (text: string) => {
    x.addTweet({ text }, { username: `u${Math.random().toString(36).slice(2, 8)}`, name: 'Customer' });
    const source = await newXSource();
    await pollSource(deps, source.id, { force: true });
    const list = await t.request('GET', '/api/v1/conversations?status=any&limit=100', { token: ws.token });
    return list.json.items.find((c: { subject: string }) => c.subject === text) as { id: string };
  };
  const queue = async (text: string) => {
    const conv = await conversationFor(`acme ${text}`);
    const { reply } = await queueReply(t.db, actor, conv.id, { text, idempotencyKey: crypto.randomUUID() }, now);
    return reply;
  };

  it('never lets a second sender claim a reply that is still being sent under a live lease', async () => {
    const reply = await queue('Sorry about that, we are on it.');
    // The platform takes the post at once and answers late: the first sender is mid-send meanwhile.
    x.replyDelayMs = 3_000;
    try {
      let firstDone = false;
      const first = sendReply(deps, reply.id).finally(() => (firstDone = true));
      for (let i = 0; i < 2_000 && !x.replies.some((r) => r.text === reply.text); i++) await sleep(5);
      const second = await sendReply({ ...deps, instanceId: 'node-b' }, reply.id);
      // The race really happened: the first send was still in flight.
      expect(firstDone).toBe(false);
      expect(second).toBeNull();
      expect(await first).toMatchObject({ status: 'sent', attempts: 1, uncertain: false });
    } finally {
      x.replyDelayMs = 0;
    }
    expect(x.replies.filter((r) => r.text === reply.text)).toHaveLength(1);
  });

  it('makes the replies this instance was sending due at start, marked for a look-up before any re-send', async () => {
    const mine = await queue('First of two.');
    const theirs = await queue('Second of two.');
    const sending = (holder: string) => ({
      status: 'sending' as const,
      leaseToken: 'x',
      leaseHolder: holder,
      leaseUntil: new Date(now.getTime() + 60_000),
    });
    await t.db.update(replies).set(sending('node-a')).where(eq(replies.id, mine.id));
    await t.db.update(replies).set(sending('node-b')).where(eq(replies.id, theirs.id));
    expect(await dueReplyIds(t.db, now)).not.toContain(mine.id);
    expect(await releaseOwnLeases(deps, 'node-a')).toMatchObject({ replies: 1 });
    const due = await dueReplyIds(t.db, now);
    expect(due).toContain(mine.id);
    expect(due).not.toContain(theirs.id);
    const [row] = await t.db.select().from(replies).where(eq(replies.id, mine.id));
    // Still `sending`: the next claim treats it as possibly posted and looks it up first.
    expect(row!.status).toBe('sending');
  });
});
