import { eq, lte, sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createdAt, id, ts } from './columns';
import { importJobColumns, importJobs, LeaseLost } from './import-job';
import { leasedQueue } from './leased-queue';
import { openPglite } from './pglite';
import type { Db } from './types';

// Scratch tables: a feed polled on a schedule (no status of the queue's), a job with a status and tries.
const feeds = pgTable('feeds', {
  id: id(),
  paused: boolean('paused').notNull().default(false),
  status: text('status').notNull().default('ok'),
  nextPollAt: ts('next_poll_at').notNull(),
  cursor: text('cursor'),
  leaseUntil: ts('lease_until'),
  leaseToken: text('lease_token'),
  leaseHolder: text('lease_holder'),
  createdAt: createdAt(),
});
const sends = pgTable('sends', {
  id: id(),
  status: text('status').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at'),
  leaseUntil: ts('lease_until'),
  leaseToken: text('lease_token'),
  leaseHolder: text('lease_holder'),
  createdAt: createdAt(),
});
const jobs = pgTable('jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  note: text('note'),
  ...importJobColumns(),
});

const LEASES =
  'lease_until timestamptz, lease_token text, lease_holder text, created_at timestamptz not null default now()';
const TABLES = [
  `create table feeds (id uuid primary key default gen_random_uuid(), paused boolean not null default false,
    status text not null default 'ok', next_poll_at timestamptz not null, cursor text, ${LEASES})`,
  `create table sends (id uuid primary key default gen_random_uuid(), status text not null default 'queued',
    attempts integer not null default 0, next_attempt_at timestamptz, ${LEASES})`,
  `create table jobs (id uuid primary key default gen_random_uuid(), note text, status text not null default 'queued',
    total integer not null default 0, processed integer not null default 0, failed integer not null default 0,
    errors jsonb not null default '[]', error text, finished_at timestamptz, ${LEASES})`,
];

let db: Db;
let close: () => Promise<void>;
const now = new Date('2026-06-01T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const silent = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  const handle = await openPglite();
  db = handle.db;
  close = handle.close;
  for (const statement of TABLES) await db.execute(sql.raw(statement));
});
afterAll(() => close());
beforeEach(async () => {
  await db.execute(sql.raw('truncate feeds, sends, jobs'));
});

describe('leasedQueue over a table whose status is not its turn (a polled source)', () => {
  const queue = leasedQueue(feeds, {
    leaseMs: 60_000,
    ready: (at) => sql`not ${feeds.paused} and ${lte(feeds.nextPollAt, at)}`,
    order: feeds.nextPollAt,
  });
  const feed = async (values: Partial<typeof feeds.$inferInsert> = {}) =>
    (
      await db
        .insert(feeds)
        .values({ nextPollAt: now, ...values })
        .returning()
    )[0]!;

  it('finds what is ready and unheld, in its own order, and leaves the status alone when it claims', async () => {
    const late = await feed({ nextPollAt: later(-1_000), status: 'degraded' });
    const first = await feed({ nextPollAt: later(-5_000) });
    await feed({ nextPollAt: later(1_000) });
    await feed({ paused: true });
    await feed({ leaseUntil: later(1), leaseToken: 'held' });
    expect(await queue.dueIds(db, now)).toEqual([first.id, late.id]);
    expect(await queue.claim(db, late.id, now, 'node-a')).toMatchObject({ status: 'degraded', leaseHolder: 'node-a' });
    expect(await queue.dueIds(db, now)).toEqual([first.id]);
  });

  it('claims a row whose turn has not come when asked to (Poll now), but never one someone holds', async () => {
    const notYet = await feed({ nextPollAt: later(60_000) });
    expect(await queue.claim(db, notYet.id, now, null)).toBeNull();
    const held = await queue.claim(db, notYet.id, now, null, {}, { anyTime: true });
    expect(held).not.toBeNull();
    expect(await queue.claim(db, notYet.id, now, null, {}, { anyTime: true })).toBeNull();
    // Its lease ran out: anyone may take it.
    expect(await queue.claim(db, notYet.id, later(60_000), null, {}, { anyTime: true })).not.toBeNull();
  });

  it('writes progress only while the lease is ours, extending it', async () => {
    const f = await feed();
    const mine = (await queue.claim(db, f.id, now, 'node-a'))!;
    expect(await queue.save(db, mine, later(30_000), { cursor: 'page-2' })).toBe(true);
    const [row] = await db.select().from(feeds).where(eq(feeds.id, f.id));
    expect(row).toMatchObject({ cursor: 'page-2', leaseUntil: later(90_000) });
    // Our lease ran out and another worker took the row over.
    const theirs = (await queue.claim(db, f.id, later(90_000), 'node-b'))!;
    expect(await queue.save(db, mine, later(90_000), { cursor: 'page-3' })).toBe(false);
    expect(await queue.settle(db, mine, { status: 'ok' })).toBeNull();
    expect(await queue.settle(db, theirs, { cursor: 'page-3' })).toMatchObject({ cursor: 'page-3', leaseToken: null });
  });

  it('frees at restart only what this instance held, so it is due at once', async () => {
    const mine = await feed({ leaseUntil: later(60_000), leaseToken: 'a', leaseHolder: 'node-a' });
    await feed({ leaseUntil: later(60_000), leaseToken: 'b', leaseHolder: 'node-b' });
    expect(await queue.release(db, 'node-a', now)).toBe(1);
    expect(await queue.release(db, 'node-a', now)).toBe(0);
    expect(await queue.dueIds(db, now)).toEqual([mine.id]);
  });
});

describe('leasedQueue over a table with statuses and tries (an outbox)', () => {
  const queue = leasedQueue(sends, { waiting: 'queued', working: 'sending', leaseMs: 60_000 });

  it('takes a waiting row whose time came, counts the try, takes back a working one whose lease ran out', async () => {
    const [due, waiting] = await db
      .insert(sends)
      .values([{ nextAttemptAt: now }, { nextAttemptAt: later(1_000) }])
      .returning();
    expect(await queue.dueIds(db, now)).toEqual([due!.id]);
    expect(await queue.claim(db, waiting!.id, now, null)).toBeNull();
    const held = await queue.claim(db, due!.id, now, 'node-a');
    expect(held).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await queue.dueIds(db, later(59_999))).toEqual([waiting!.id]);
    expect(await queue.claim(db, due!.id, later(60_000), 'node-b')).toMatchObject({ status: 'sending', attempts: 2 });
  });

  it('inserts a row held, or held while it still waits (an upload not yet stored)', async () => {
    expect(queue.heldBy('node-a', now)).toMatchObject({ status: 'sending', attempts: 1, leaseHolder: 'node-a' });
    const waiting = queue.heldBy('node-a', now, { waiting: true });
    expect(waiting).toEqual({ leaseUntil: later(60_000), leaseToken: expect.any(String), leaseHolder: 'node-a' });
    const [row] = await db.insert(sends).values(waiting).returning();
    expect(await queue.dueIds(db, now)).not.toContain(row!.id);
    expect(await queue.dueIds(db, later(60_000))).toContain(row!.id);
  });
});

describe('importJobs', () => {
  const runner = importJobs(jobs, { leaseMs: 60_000, label: 'The job' });
  const deps = () => ({ db, clock: () => now, logger: silent, instanceId: 'node-a' });
  const job = async () => (await db.insert(jobs).values({ note: 'file' }).returning())[0]!;

  it('runs a queued job to done, with its progress, and clears what it kept', async () => {
    const { id } = await job();
    const done = await runner.run(
      deps(),
      id,
      async (row, run) => {
        expect(row).toMatchObject({ status: 'running', leaseHolder: 'node-a' });
        await run.save(db, { total: 3, processed: 3, failed: 1, errors: [{ line: 3, message: 'bad' }] });
      },
      { ended: { note: null } },
    );
    expect(done).toMatchObject({
      status: 'done',
      processed: 3,
      failed: 1,
      note: null,
      leaseToken: null,
      finishedAt: now,
    });
    expect(await runner.run(deps(), id, async () => {})).toBeNull();
  });

  it('fails a job whose work threw, with a short sentence naming it', async () => {
    const { id } = await job();
    const failed = await runner.run(deps(), id, async () => {
      throw new Error('boom');
    });
    expect(failed).toMatchObject({
      status: 'failed',
      leaseToken: null,
      error: expect.stringMatching(/^The job failed/),
    });
  });

  it('leaves a job another runner took over to that runner: its progress is not written, nor a failure', async () => {
    const { id } = await job();
    const out = await runner.run(deps(), id, async (_row, run) => {
      await db.update(jobs).set({ leaseToken: 'other' }).where(eq(jobs.id, id));
      await expect(run.save(db, { processed: 1 })).rejects.toBeInstanceOf(LeaseLost);
      await run.save(db, { processed: 1 });
    });
    expect(out).toMatchObject({ status: 'running', processed: 0, leaseToken: 'other', error: null });
  });

  it('offers again a job whose runner died, once its lease ran out or its instance restarted', async () => {
    const { id } = await job();
    await db
      .update(jobs)
      .set({ status: 'running', leaseUntil: later(60_000), leaseToken: 'dead', leaseHolder: 'node-a' })
      .where(eq(jobs.id, id));
    expect(await runner.resumableIds(db, now)).toEqual([]);
    expect(await runner.resumableIds(db, later(60_000))).toEqual([id]);
    expect(await runner.release(db, 'node-a', now)).toBe(1);
    expect(await runner.resumableIds(db, now)).toEqual([id]);
    expect(await runner.run(deps(), id, async () => {})).toMatchObject({ status: 'done' });
  });
});
