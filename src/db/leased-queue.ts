import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Clock } from '../core/clock';
import { type Heartbeat, startHeartbeat } from '../core/heartbeat';
import type { Db } from './types';

/** The columns a table needs to be worked as a queue. */
interface QueueColumns {
  id: PgColumn;
  status: PgColumn;
  attempts: PgColumn;
  nextAttemptAt: PgColumn;
  leaseUntil: PgColumn;
  leaseToken: PgColumn;
  leaseHolder: PgColumn;
  createdAt: PgColumn;
}

interface LeasedQueueOptions {
  /** The status of a row waiting for its turn (`queued`). */
  waiting: string;
  /** The status of a row someone holds (`sending`). */
  working: string;
  /** How long a claim holds a row without a sign of life; a heartbeat extends it while work runs. */
  leaseMs: number;
}

/** What a claim hands back: the row, with the token that proves the holder still holds it. */
interface Lease {
  id: string;
  leaseToken: string;
}

/**
 * One way to work a table as a queue, for every claim loop (replies, mail, …). A row is due when it
 * waits and its time has come, or when its holder's lease ran out (the holder died mid-work). A claim
 * is one UPDATE, so two workers never hold the same row; the holder keeps it with a heartbeat and
 * settles it with its token, so a worker whose lease was taken over cannot overwrite the new holder.
 * At start an instance frees what it held before it stopped, so that work resumes at once.
 */
export function leasedQueue<T extends PgTable & QueueColumns>(table: T, opts: LeasedQueueOptions) {
  type Row = T['$inferSelect'];
  /** Columns a settle or a claim's extra may write (typed, so a misspelt status or column fails to compile). */
  type Values = Partial<Record<keyof T['$inferInsert'], unknown>>;
  const due = (now: Date) =>
    or(
      and(eq(table.status, opts.waiting), or(isNull(table.nextAttemptAt), lte(table.nextAttemptAt, now))),
      and(eq(table.status, opts.working), lte(table.leaseUntil, now)),
    )!;
  // drizzle types `set` per table; the columns above are what this helper writes, by their keys.
  const update = (db: Db, values: Record<string, unknown>) => db.update(table as PgTable).set(values as never);
  const hold = (holder: string | null, now: Date) => ({
    status: opts.working,
    leaseUntil: new Date(now.getTime() + opts.leaseMs),
    leaseToken: crypto.randomUUID(),
    leaseHolder: holder,
  });

  return {
    /** Ids of rows due now, oldest first. */
    async dueIds(db: Db, now: Date, limit = 100): Promise<string[]> {
      const rows = await db
        .select({ id: table.id })
        .from(table as PgTable)
        .where(due(now))
        .orderBy(asc(table.createdAt))
        .limit(limit);
      return rows.map((r) => r.id as string);
    },

    /** Takes the row if it is due (`extra`: more columns to set in the same statement), else null. */
    async claim(db: Db, id: string, now: Date, holder: string | null, extra: Values = {}) {
      const rows: unknown[] = await update(db, { ...hold(holder, now), attempts: sql`${table.attempts} + 1`, ...extra })
        .where(and(eq(table.id, id), due(now)))
        .returning();
      return (rows[0] ?? null) as (Row & Lease) | null;
    },

    /**
     * Takes up to `limit` due rows in one statement, oldest first, under one token (rows another worker
     * is taking at the same moment are skipped, not waited for). For work done in bulk (mail).
     */
    async claimBatch(db: Db, now: Date, holder: string | null, limit: number) {
      const held = hold(holder, now);
      const pick = db
        .select({ id: table.id })
        .from(table as PgTable)
        .where(due(now))
        .orderBy(asc(table.createdAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows: unknown[] = await update(db, { ...held, attempts: sql`${table.attempts} + 1` })
        .where(and(inArray(table.id, pick), due(now)))
        .returning();
      return { token: held.leaseToken, rows: rows as (Row & Lease)[] };
    },

    /** The columns of a row inserted already held (its first attempt made by whoever inserts it). */
    heldBy(holder: string | null, now: Date) {
      return { ...hold(holder, now), attempts: 1 };
    },

    /** Extends the lease of what a claim took (one row, or a batch) every third of it while work runs. */
    keepAlive(db: Db, leaseToken: string, clock: Clock, onError: (err: unknown) => void): Heartbeat {
      return startHeartbeat(
        () =>
          update(db, { leaseUntil: new Date(clock().getTime() + opts.leaseMs) }).where(
            eq(table.leaseToken, leaseToken),
          ),
        opts.leaseMs / 3,
        onError,
      );
    },

    /** Records the outcome and lets go of the row, if this holder still holds it (else null). */
    async settle(db: Db, lease: Lease, values: Values) {
      const rows: unknown[] = await update(db, { ...values, leaseUntil: null, leaseToken: null, leaseHolder: null })
        .where(and(eq(table.id, lease.id), eq(table.leaseToken, lease.leaseToken)))
        .returning();
      return (rows[0] ?? null) as Row | null;
    },

    /** Settles several rows of one claim with the same outcome, in one statement. */
    async settleMany(db: Db, ids: string[], leaseToken: string, values: Values): Promise<number> {
      if (ids.length === 0) return 0;
      const rows = await update(db, { ...values, leaseUntil: null, leaseToken: null, leaseHolder: null })
        .where(and(inArray(table.id, ids), eq(table.leaseToken, leaseToken)))
        .returning({ id: table.id });
      return rows.length;
    },

    /** At start: rows this instance held when it stopped are due now, not when their leases run out. */
    async release(db: Db, holder: string, now: Date): Promise<number> {
      const freed = await update(db, { leaseUntil: now, leaseToken: null })
        .where(and(eq(table.status, opts.working), eq(table.leaseHolder, holder)))
        .returning({ id: table.id });
      return freed.length;
    },
  };
}

/**
 * Exponential backoff with jitter: base·2^(attempt-1), capped, spread by ±jitter so retries of many rows
 * do not arrive together. Each queue names its own pace (replies seconds, mail half minutes).
 */
export function retryDelayMs(
  attempt: number,
  random: () => number,
  pace: { baseMs: number; capMs: number; jitter: number },
): number {
  const plain = Math.min(pace.capMs, pace.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(plain * (1 - pace.jitter + random() * 2 * pace.jitter));
}
