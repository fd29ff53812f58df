import { eq, type SQL } from 'drizzle-orm';
import { integer, jsonb, type PgColumn, type PgTable, text } from 'drizzle-orm/pg-core';
import type { Clock } from '../core/clock';
import { failureNote } from '../core/redact-error';
import { createdAt, ts } from './columns';
import { leasedQueue } from './leased-queue';
import type { Db } from './types';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** A row of a file that was not imported, and why (the file's line: the header is line 1). */
export interface RowError {
  line: number;
  /** In English (what the API says). */
  message: string;
  /** The problem's code and values, for the page to say it in the reader's language (absent on older rows). */
  code?: string;
  values?: Record<string, string | number>;
}

/**
 * The columns of every import job (spread into its table): where it is in its life, how far it got, the
 * rows it refused with their reasons, and who runs it under which lease.
 */
export const importJobColumns = () => ({
  status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  errors: jsonb('errors').$type<RowError[]>().notNull().default([]),
  error: text('error'),
  // Who runs it (one claim's token, and its instance): only the runner writes its progress, and a
  // restarted instance frees the imports its last life held.
  leaseUntil: ts('lease_until'),
  leaseToken: text('lease_token'),
  leaseHolder: text('lease_holder'),
  createdAt: createdAt(),
  finishedAt: ts('finished_at'),
});

type JobTable = PgTable & { id: PgColumn } & {
  [K in 'status' | 'leaseUntil' | 'leaseToken' | 'leaseHolder' | 'createdAt' | 'finishedAt']: PgColumn;
};

/** The report keeps the first refused rows; the count keeps them all. */
export const MAX_REPORTED_ERRORS = 1000;

/** This runner no longer holds the import: another runner took it over, and the work is that one's. */
export class LeaseLost extends Error {
  constructor(importId: string) {
    super(`Import ${importId} was taken over by another runner`);
  }
}

/** What a runner needs: pino's Logger fits the log. */
export interface ImportJobDeps {
  db: Db;
  clock: Clock;
  logger: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** This instance's stable name (INSTANCE_ID), kept with each lease it takes. */
  instanceId?: string;
}

/** What the work of one run may do with its import. */
export interface ImportRun<Values> {
  /**
   * Writes progress (counts, the place reached in the file), in the caller's transaction when `db` is
   * one, so it commits with the rows it counts; throws LeaseLost, rolling that transaction back, once
   * another runner holds the import.
   */
  save(db: Db, values: Values): Promise<void>;
  /** Marks the import done with its last values, in the transaction that does its last work; LeaseLost as save. */
  finish(db: Db, values: Values): Promise<void>;
}

export interface ImportJobOptions {
  /** How long a runner holds an import without a sign of life (a heartbeat extends it while it runs). */
  leaseMs: number;
  /** What else an import needs to be run (its file stored). */
  ready?: (now: Date) => SQL | undefined;
  /** What a run's failure note calls the import ("The import failed …"). */
  label: string;
}

/**
 * The one life of an import, whatever it imports (posts in imports/, contacts in contacts/), over the
 * owner's own table: queued → running → done or failed. A runner claims the import through the leased
 * queue, keeps it with a heartbeat and writes progress only while it holds it; one that dies leaves a
 * lease that runs out (or is freed when its instance restarts) and the import is run again from its
 * last saved progress, so each kind of import decides what "resume" means for its rows. A failure ends
 * the import with a short sentence for staff, its detail in the log under the import's id.
 */
export function importJobs<T extends JobTable>(table: T, opts: ImportJobOptions) {
  type Row = T['$inferSelect'];
  type Values = Partial<Record<keyof T['$inferInsert'], unknown>>;
  const queue = leasedQueue(table, { waiting: 'queued', working: 'running', leaseMs: opts.leaseMs, ready: opts.ready });

  return {
    queue,

    /** Imports queued, or cut short (their lease ran out): the resume job runs them. */
    resumableIds: (db: Db, now: Date, limit = 10) => queue.dueIds(db, now, limit),

    /** At start: imports this instance was running (or uploading) when it stopped are free now. */
    release: (db: Db, holder: string, now: Date) => queue.release(db, holder, now),

    /**
     * Runs (or resumes) an import if it is due: `work` does the rows. Answers the row as it ends, the row
     * as another runner holds it, or null when it was not due (or its outcome could not be recorded: the
     * lease runs out and it resumes). `ended`: more columns to set when it ends either way (a kept file).
     */
    async run(
      deps: ImportJobDeps,
      id: string,
      work: (job: Row, run: ImportRun<Values>) => Promise<void>,
      options: { heartbeatMs?: number; ended?: Values } = {},
    ): Promise<Row | null> {
      const job = await queue.claim(deps.db, id, deps.clock(), deps.instanceId ?? null);
      if (!job) return null;
      const held = { id, leaseToken: job.leaseToken };
      let finished: Row | null = null;
      const run: ImportRun<Values> = {
        async save(db, values) {
          if (!(await queue.save(db, held, deps.clock(), values))) throw new LeaseLost(id);
        },
        async finish(db, values) {
          const row = await queue.settle(db, held, {
            ...options.ended,
            ...values,
            status: 'done',
            finishedAt: deps.clock(),
          });
          if (!row) throw new LeaseLost(id);
          finished = row;
        },
      };
      // Long work (a big batch through the pipeline) must not lose the import to another runner.
      const heartbeat = queue.keepAlive(
        deps.db,
        job.leaseToken,
        deps.clock,
        (err) => deps.logger.warn({ err, importId: id }, 'import lease heartbeat failed'),
        options.heartbeatMs,
      );
      try {
        await work(job, run);
        if (!finished) await run.finish(deps.db, {});
        return finished;
      } catch (err) {
        if (err instanceof LeaseLost) {
          deps.logger.warn({ importId: id }, 'import taken over by another runner');
          return current(deps.db, id);
        }
        deps.logger.error({ err, importId: id }, 'import failed');
        const error = failureNote(err, opts.label, id);
        const values = { ...options.ended, status: 'failed', error, finishedAt: deps.clock() } as Values;
        try {
          return (await queue.settle(deps.db, held, values)) ?? (await current(deps.db, id));
        } catch (settleErr) {
          // The database is away: the lease runs out and the import resumes.
          deps.logger.error({ err: settleErr, importId: id }, 'could not record the import failure');
          return null;
        }
      } finally {
        heartbeat.stop();
      }
    },
  };

  async function current(db: Db, id: string): Promise<Row | null> {
    const [row] = await db
      .select()
      .from(table as PgTable)
      .where(eq(table.id, id));
    return (row ?? null) as Row | null;
  }
}
