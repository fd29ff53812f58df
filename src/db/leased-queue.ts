import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Clock } from '../core/clock';
import { type Heartbeat, startHeartbeat } from '../core/heartbeat';
import type { Db } from './types';

/** The columns a table needs to be worked as a queue: who holds a row, until when, under which claim. */
interface LeaseColumns {
  id: PgColumn;
  leaseUntil: PgColumn;
  leaseToken: PgColumn;
  leaseHolder: PgColumn;
  createdAt: PgColumn;
  /** With `waiting` and `working`: where the row is in its life. */
  status?: PgColumn;
  /** Counted up by every claim, when the table keeps it. */
  attempts?: PgColumn;
  /** When a waiting row's turn comes (a retry's backoff), when the table keeps it. */
  nextAttemptAt?: PgColumn;
}

interface LeasedQueueOptions {
  /** How long a claim holds a row without a sign of life; a heartbeat extends it while work runs. */
  leaseMs: number;
  /**
   * The status of a row waiting for its turn (`queued`). With `working`, a claim moves the row on and a
   * row left `working` by a holder that died is due again; without them the lease alone says whether
   * someone works the row (a source: its status is its health, not its turn).
   */
  waiting?: string;
  /** The status of a row someone holds (`sending`, `running`). */
  working?: string;
  /** What else a row needs for its turn to have come (a source not paused and due, an import's file stored). */
  ready?: (now: Date) => SQL | undefined;
  /** Which rows go first; oldest first when not given. */
  order?: PgColumn;
}

/** What a claim hands back: the row, with the token that proves the holder still holds it. */
interface Lease {
  id: string;
  leaseToken: string;
}

/**
 * One way to work a table as a queue, for every claim loop (replies, mail, polls, imports). A row is due
 * when nobody holds it (no lease, or its holder's lease ran out: the holder died mid-work) and its turn
 * has come. A claim is one UPDATE, so two workers never hold the same row; the holder keeps it with a
 * heartbeat, writes its progress and settles it with its token, so a worker whose lease was taken over
 * cannot overwrite the new holder. At start an instance frees what it held before it stopped, so that
 * work resumes at once.
 */
export function leasedQueue<T extends PgTable & LeaseColumns>(table: T, opts: LeasedQueueOptions) {
  type Row = T['$inferSelect'];
  /** Columns a settle or a claim's extra may write (typed, so a misspelt status or column fails to compile). */
  type Values = Partial<Record<keyof T['$inferInsert'], unknown>>;
  const { attempts, nextAttemptAt } = table;
  // A table may have a status that is no turn of the queue's (a source's health): only named ones count.
  const status = opts.working ? table.status : undefined;
  if ((opts.waiting || opts.working) && !(status && opts.waiting))
    throw new Error('A queue with statuses names both, on a table with a status column');
  const unheld = (now: Date) => or(isNull(table.leaseUntil), lte(table.leaseUntil, now))!;
  const turn = (now: Date) =>
    status &&
    or(
      and(eq(status, opts.waiting!), nextAttemptAt ? or(isNull(nextAttemptAt), lte(nextAttemptAt, now)) : undefined),
      eq(status, opts.working!),
    );
  const due = (now: Date, anyTime = false) => and(unheld(now), turn(now), anyTime ? undefined : opts.ready?.(now))!;
  // drizzle types `set` per table; the columns above are what this helper writes, by their keys.
  const update = (db: Db, values: Record<string, unknown>) => db.update(table as PgTable).set(values as never);
  const lease = (holder: string | null, now: Date, leaseMs = opts.leaseMs) => ({
    leaseUntil: new Date(now.getTime() + leaseMs),
    leaseToken: crypto.randomUUID(),
    leaseHolder: holder,
  });
  const take = (holder: string | null, now: Date) => ({
    ...(opts.working ? { status: opts.working } : {}),
    ...lease(holder, now),
  });
  const counted = attempts ? { attempts: sql`${attempts} + 1` } : {};
  const free = { leaseUntil: null, leaseToken: null, leaseHolder: null };

  return {
    /** Ids of rows due now, first in `order` first. */
    async dueIds(db: Db, now: Date, limit = 100): Promise<string[]> {
      const rows = await db
        .select({ id: table.id })
        .from(table as PgTable)
        .where(due(now))
        .orderBy(asc(opts.order ?? table.createdAt))
        .limit(limit);
      return rows.map((r) => r.id as string);
    },

    /**
     * Takes the row if it is due (`extra`: more columns to set in the same statement), else null.
     * `anyTime`: whether or not its turn came (a person's "Poll now"), as long as nobody holds it.
     */
    async claim(db: Db, id: string, now: Date, holder: string | null, extra: Values = {}, { anyTime = false } = {}) {
      const rows: unknown[] = await update(db, { ...take(holder, now), ...counted, ...extra })
        .where(and(eq(table.id, id), due(now, anyTime)))
        .returning();
      return (rows[0] ?? null) as (Row & Lease) | null;
    },

    /**
     * Takes up to `limit` due rows in one statement, oldest first, under one token (rows another worker
     * is taking at the same moment are skipped, not waited for). For work done in bulk (mail).
     */
    async claimBatch(db: Db, now: Date, holder: string | null, limit: number) {
      const held = take(holder, now);
      const pick = db
        .select({ id: table.id })
        .from(table as PgTable)
        .where(due(now))
        .orderBy(asc(opts.order ?? table.createdAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows: unknown[] = await update(db, { ...held, ...counted })
        .where(and(inArray(table.id, pick), due(now)))
        .returning();
      return { token: held.leaseToken, rows: rows as (Row & Lease)[] };
    },

    /**
     * The columns of a row inserted already held (its first attempt made by whoever inserts it).
     * `waiting`: held but not yet worked (a file still being uploaded), so it keeps its waiting status.
     */
    heldBy(holder: string | null, now: Date, { waiting = false } = {}) {
      return {
        ...(waiting ? lease(holder, now) : take(holder, now)),
        ...(attempts && !waiting ? { attempts: 1 } : {}),
      };
    },

    /**
     * Extends the lease of what a claim took (one row, or a batch) while work runs: every third of the
     * lease unless `everyMs` says otherwise.
     */
    keepAlive(
      db: Db,
      leaseToken: string,
      clock: Clock,
      onError: (err: unknown) => void,
      everyMs = opts.leaseMs / 3,
    ): Heartbeat {
      return startHeartbeat(
        () =>
          update(db, { leaseUntil: new Date(clock().getTime() + opts.leaseMs) }).where(
            eq(table.leaseToken, leaseToken),
          ),
        everyMs,
        onError,
      );
    },

    /**
     * Writes the holder's progress (a cursor, counts) and extends its lease, if it still holds the row:
     * false once another worker took it over, and nothing was written. Inside the holder's transaction,
     * the progress commits with the work it stands for.
     */
    async save(db: Db, held: Lease, now: Date, values: Values): Promise<boolean> {
      const rows = await update(db, { ...values, leaseUntil: new Date(now.getTime() + opts.leaseMs) })
        .where(and(eq(table.id, held.id), eq(table.leaseToken, held.leaseToken)))
        .returning({ id: table.id });
      return rows.length > 0;
    },

    /** Records the outcome and lets go of the row, if this holder still holds it (else null). */
    async settle(db: Db, held: Lease, values: Values) {
      const rows: unknown[] = await update(db, { ...values, ...free })
        .where(and(eq(table.id, held.id), eq(table.leaseToken, held.leaseToken)))
        .returning();
      return (rows[0] ?? null) as Row | null;
    },

    /** Settles several rows of one claim with the same outcome, in one statement. */
    async settleMany(db: Db, ids: string[], leaseToken: string, values: Values): Promise<number> {
      if (ids.length === 0) return 0;
      const rows = await update(db, { ...values, ...free })
        .where(and(inArray(table.id, ids), eq(table.leaseToken, leaseToken)))
        .returning({ id: table.id });
      return rows.length;
    },

    /**
     * At start: rows this instance held when it stopped are due now, not when their leases run out. A
     * row keeps its status (a reply left `sending` is looked up on the platform before it is sent again).
     */
    async release(db: Db, holder: string, now: Date): Promise<number> {
      const freed = await update(db, { ...free, leaseUntil: now })
        .where(eq(table.leaseHolder, holder))
        .returning({ id: table.id });
      return freed.length;
    },

    /** Whether nobody holds a row now, for a query of the owner's own (an upload abandoned mid-way). */
    unheld,
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
