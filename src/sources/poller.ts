import { and, eq, lte } from 'drizzle-orm';
import type { ConnectorRegistry } from '../connectors';
import { ConnectorError, type Cursor } from '../connectors';
import type { Clock } from '../core/clock';
import type { SocialPost } from '../core/social-post';
import { failureNote, sqlState } from '../core/redact-error';
import type { EventPublisher } from '../core/events';
import { leasedQueue } from '../db/leased-queue';
import type { Db } from '../db/types';
import { isDatabaseUnavailable } from '../db/unavailable';
import type { OutboundHttp } from '../http/outbound';
import type { Logger } from '../http/logger';
import type { Metrics } from '../http/metrics';
import { activeTopics, searchPlanFor } from '../topics';
import { SOURCE_NEEDS_PERSON, type SourceNeedsPerson } from './events';
import { type Backfill, backfillPercent } from './backfill';
import { nextPollAt, pollIntervalMs, statusAfterFailure } from './backoff';
import type { CredentialBox } from '../core/credentials';
import { sources } from './schema';
import type { SourceFlow } from './flow-port';
import { connectorInputs, type SourceRow } from './sources.service';

export interface PollerDeps {
  db: Db;
  /** Where the flow's events go after each commit. */
  events: EventPublisher;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  connectors: ConnectorRegistry;
  credentials: CredentialBox;
  /** The outbound HTTP guard every connector call goes through. */
  outbound: OutboundHttp;
  random?: () => number;
  /** This instance's stable name (INSTANCE_ID), kept with each lease it takes. */
  instanceId?: string;
  /** Where fetched posts go (the one flow, handed in by composition). */
  sourceFlow: SourceFlow;
  dbKind?: 'pglite' | 'postgres';
}

export interface PollerOptions {
  /** Pages one run may fetch before yielding to other sources. */
  maxPages: number;
  /** How long a claimed source stays ours without a sign of life (a heartbeat extends it while we poll). */
  leaseMs: number;
  /** How often a running poll extends its lease; a third of leaseMs when not set. */
  heartbeatMs?: number;
  /** While the database is away, how often a failed poll tries to record its failure and free its lease. */
  settleRetryMs?: number;
  /** How far back a source's very first sweep reaches. */
  firstSweepDays: number;
  /**
   * How many posts to gather from consecutive pages before storing them in one go (the transaction's
   * size); 1 stores each page as it comes. By default 500 on PostgreSQL, 1 on PGlite (one writer: a long
   * transaction there holds everyone else up).
   */
  batchPosts?: number;
  /**
   * Reads and analyses the next batch while the database stores this one. By default on PostgreSQL only:
   * PGlite runs on our thread, where it would only stretch each batch's time.
   */
  overlap?: boolean;
  /** Test hook: runs after a batch of pages is committed (with the pages so far) and before its cursor is saved. */
  afterCommit?: (page: number) => void | Promise<void>;
}

/** What one transaction stores on PostgreSQL (the flow's chunk there, src/ingest/pipeline.ts). */
const POSTGRES_BATCH_POSTS = 500;

const DEFAULT_SETTLE_RETRY_MS = 5_000;
// A short lease: a poller killed mid-poll holds its source for at most a minute.
export const DEFAULT_POLLER_OPTIONS: PollerOptions = { maxPages: 50, leaseMs: 60_000, firstSweepDays: 1 };

export type PollOutcome =
  | { status: 'ok'; fetched: number; inserted: number; duplicates: number; rejected: number; pages: number }
  | {
      status: 'failed';
      fetched: number;
      inserted: number;
      duplicates: number;
      rejected: number;
      pages: number;
      error: string;
      kind: string;
    }
  | { status: 'skipped'; reason: 'busy' | 'not-due' | 'paused' };

/**
 * Polls one source: claim a lease (one poll per source at a time, across processes), fetch pages,
 * commit each page, then move the cursor. A crash between the two re-fetches the page next time and
 * the idempotent store drops the repeats: nothing lost, nothing doubled.
 */
export function pollSource(
  deps: PollerDeps,
  sourceId: string,
  opts: Partial<PollerOptions> & { force?: boolean } = {},
): Promise<PollOutcome> {
  // Every poll in this process, however started (schedule, "Poll now"), is one shutdown waits for.
  const poll = pollOnce(deps, sourceId, opts);
  everyPoll.add(poll);
  void poll.finally(() => everyPoll.delete(poll)).catch(() => undefined);
  return poll;
}

async function pollOnce(
  deps: PollerDeps,
  sourceId: string,
  opts: Partial<PollerOptions> & { force?: boolean },
): Promise<PollOutcome> {
  const o = { ...DEFAULT_POLLER_OPTIONS, ...opts };
  const now = deps.clock();
  const queue = pollQueue(o.leaseMs);
  const source = await queue.claim(deps.db, sourceId, now, deps.instanceId ?? null, {}, { anyTime: opts.force });
  if (!source) return { status: 'skipped', reason: await whySkipped(deps.db, sourceId, now) };
  const token = source.leaseToken;

  const totals = { fetched: 0, inserted: 0, duplicates: 0, rejected: 0, pages: 0 };
  const log = deps.logger.child({ sourceId, platform: source.platform });
  const heartbeat = queue.keepAlive(
    deps.db,
    token,
    deps.clock,
    (err) => log.warn({ err }, 'poll lease heartbeat failed'),
    o.heartbeatMs,
  );
  try {
    const { connector, config, credentials } = await connectorInputs(deps, source);
    const topics = await activeTopics(deps.db, source.workspaceId);
    const plan = connector.searches ? searchPlanFor(source.platform, topics) : { queries: [], hashtags: [] };
    const target = {
      workspaceId: source.workspaceId,
      sourceId: source.id,
      platform: source.platform,
      topics,
      placeTopics: liveOnly(source.placeTopics, topics),
    };
    const onPostgres = deps.dbKind === 'postgres';
    const batchPosts = o.batchPosts ?? (onPostgres ? POSTGRES_BATCH_POSTS : 1);
    const overlap = o.overlap ?? onPostgres;
    let page = 0;
    // Pages are read until they fill what one transaction stores (500 posts on PostgreSQL): a few large
    // transactions instead of many small ones. A page that fails after others were read ends the batch; the
    // ones read are stored first (each cost a request) and the failure is reported after.
    const readBatch = async (from: Cursor | null, since: Date | undefined): Promise<Batch> => {
      const batch: Batch = { posts: [], removed: [], next: from, more: true, pages: 0, failure: null };
      while (batch.more && page < o.maxPages && (batch.pages === 0 || batch.posts.length < batchPosts)) {
        const ctx = {
          config,
          credentials,
          cursor: batch.next,
          plan,
          now: deps.clock(),
          http: deps.outbound,
          ...(since ? { since } : {}),
        };
        let result: Awaited<ReturnType<typeof connector.poll>>;
        try {
          result = await readPage(connector.label, source.platform, log, () => connector.poll(ctx));
        } catch (err) {
          if (batch.pages === 0) throw err;
          batch.failure = err;
          break;
        }
        page++;
        batch.pages++;
        // Items without what a mention needs were left out by the connector, never guessed at.
        totals.rejected += result.skipped?.length ?? 0;
        if (result.skipped?.length) {
          log.warn({ page, skipped: result.skipped.slice(0, 20), count: result.skipped.length }, 'items skipped');
        }
        batch.posts.push(...result.posts);
        batch.removed.push(...(result.removed ?? []));
        batch.next = result.cursor;
        batch.more = result.more;
      }
      return batch;
    };
    const readAndPrepare = async (from: Cursor | null, since: Date | undefined) => {
      const batch = await readBatch(from, since);
      return { batch, prepared: await deps.sourceFlow.prepare(deps, target, batch.posts) };
    };
    const sweep = async (
      start: Cursor | null,
      since: Date | undefined,
      save: (cursor: Cursor, page: PageResult) => Promise<void>,
    ) => {
      let current = await readAndPrepare(start, since);
      for (;;) {
        const { batch, prepared } = current;
        const goOn = batch.more && !batch.failure && page < o.maxPages;
        // On PostgreSQL the next pages are read and analysed while the database stores these (it works on
        // its own core). Settled either way, so a failure there waits until these are stored.
        const following = goOn && overlap ? attempt(readAndPrepare(batch.next, since)) : null;
        const stored = await deps.sourceFlow.store(deps, target, prepared);
        if (batch.removed.length) {
          const marked = await deps.sourceFlow.remove(deps.db, target, batch.removed, deps.clock());
          if (marked) log.info({ page, marked }, 'posts gone from the platform marked deleted');
        }
        totals.fetched += stored.fetched;
        totals.inserted += stored.inserted;
        totals.duplicates += stored.duplicates;
        totals.rejected += stored.rejected.length;
        totals.pages += batch.pages;
        // A post the gate turned away is skipped alone; the log says which and why.
        if (stored.rejected.length)
          log.warn({ page, rejected: stored.rejected.slice(0, 20), count: stored.rejected.length }, 'posts rejected');
        await o.afterCommit?.(totals.pages);
        await save(batch.next!, { ...stored, more: batch.more, oldest: oldestOf(batch.posts), pages: batch.pages });
        if (batch.failure) throw batch.failure;
        if (!batch.more) return true;
        if (!goOn) return false;
        current = following ? outcome(await following) : await readAndPrepare(batch.next, since);
      }
    };

    const cursor = (source.cursor ?? null) as Cursor | null;
    const since = cursor ? undefined : new Date(source.createdAt.getTime() - o.firstSweepDays * 86_400_000);
    await sweep(cursor, since, (next) => saveCursor(deps, queue, source.id, token, { cursor: next }));

    let backfill = source.backfill as Backfill | null;
    if (backfill?.status === 'running') {
      const running = backfill;
      await sweep(running.cursor, new Date(running.since), async (next, page) => {
        backfill = {
          ...backfill!,
          cursor: next,
          pages: backfill!.pages + page.pages,
          fetched: backfill!.fetched + page.fetched,
          inserted: backfill!.inserted + page.inserted,
          oldestAt: minIso(backfill!.oldestAt, page.oldest),
          ...(page.more ? {} : { status: 'done' as const, finishedAt: deps.clock().toISOString() }),
        };
        backfill.percent = backfillPercent(backfill);
        await saveCursor(deps, queue, source.id, token, { backfill });
      });
    }
    await settle(deps, queue, source, token, { ok: true });
    log.info({ ...totals }, 'poll done');
    return { status: 'ok', ...totals };
  } catch (err) {
    // The platform's own words are shown as they are; anything else (the database, a bug) is told in
    // a short sentence, its detail kept in the log under the same ref.
    const ref = crypto.randomUUID().slice(0, 8);
    const dbAway = isDatabaseUnavailable(err);
    const note = dbAway ? DATABASE_AWAY_NOTE : failureNote(err, sqlState(err) ? 'Storing the posts' : 'Polling', ref);
    const e = err instanceof ConnectorError ? err : new ConnectorError('transient', note);
    if (!(err instanceof ConnectorError)) log.error({ err, ref }, 'poll crashed');
    deps.metrics.pollErrors.inc({ platform: source.platform });
    // Our own database failing is no reason to back off from the platform: due again once it is back.
    const failed = { ok: false as const, error: e, retryNow: dbAway };
    try {
      await settle(deps, queue, source, token, failed);
    } catch (settleErr) {
      if (!isDatabaseUnavailable(settleErr)) throw settleErr;
      // Recorded (and the lease freed) as soon as the database answers, not when the lease runs out.
      settleWhenPossible(deps, queue, source, token, failed, o, log);
    }
    log.warn({ kind: e.kind, error: e.message, ...totals }, 'poll failed');
    return { status: 'failed', ...totals, error: e.message, kind: e.kind };
  } finally {
    heartbeat.stop();
  }
}

/**
 * Sources as a queue: due when not paused, their next poll time come and nobody polling them, most
 * overdue first. No status moves: a source's status is its health. The lease length is the poll's own.
 */
const pollQueue = (leaseMs: number) =>
  leasedQueue(sources, {
    leaseMs,
    ready: (now) => and(eq(sources.paused, false), lte(sources.nextPollAt, now)),
    order: sources.nextPollAt,
  });
type PollQueue = ReturnType<typeof pollQueue>;
const schedule = pollQueue(DEFAULT_POLLER_OPTIONS.leaseMs);

/**
 * Frees the leases this instance held before a restart: nothing of its last life polls any more,
 * so its sources are free now rather than when the leases run out.
 */
export const releaseSourceLeases = (db: Db, holder: string, now: Date) => schedule.release(db, holder, now);

/**
 * One page from the connector. A failure that is not a ConnectorError is a connector meeting an
 * answer it could not read: said in our words with the platform's name, never as the library's
 * "x.map is not a function". It throws before any cursor is returned, so none moves.
 */
async function readPage<T>(label: string, platform: string, log: Logger, poll: () => Promise<T>): Promise<T> {
  try {
    return await poll();
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    log.error({ err }, 'connector failed on an answer');
    throw new ConnectorError('transient', `${label} answered something we could not read`, { platform });
  }
}

/** Sources whose next poll time has come and that nobody is polling right now, most overdue first. */
export const dueSourceIds = (db: Db, now: Date, limit = 50) => schedule.dueIds(db, now, limit);

async function whySkipped(db: Db, id: string, now: Date): Promise<'busy' | 'not-due' | 'paused'> {
  const [s] = await db
    .select({ paused: sources.paused, leaseUntil: sources.leaseUntil })
    .from(sources)
    .where(eq(sources.id, id));
  if (s?.leaseUntil && s.leaseUntil > now) return 'busy';
  return s?.paused ? 'paused' : 'not-due';
}

/** Pages read together, to be stored in one go. */
interface Batch {
  posts: SocialPost[];
  removed: string[];
  /** The cursor after the last page read. */
  next: Cursor | null;
  more: boolean;
  pages: number;
  /** A later page failed: reported once the pages before it are stored. */
  failure: unknown;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };
/** A promise that never rejects: its failure is kept for whoever awaits it (no unhandled rejection meanwhile). */
const attempt = <T>(p: Promise<T>): Promise<Attempt<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const outcome = <T>(s: Attempt<T>): T => {
  if (!s.ok) throw s.error;
  return s.value;
};

interface PageResult {
  /** How many pages the batch held. */
  pages: number;
  fetched: number;
  inserted: number;
  more: boolean;
  oldest: string | null;
}

/** The source's place -> topic mapping without topics that are no longer active. */
const liveOnly = (mapping: Record<string, string> | null, topics: { id: string }[]) =>
  Object.fromEntries(Object.entries(mapping ?? {}).filter(([, topicId]) => topics.some((t) => t.id === topicId)));

const oldestOf = (posts: { createdAt: Date }[]) =>
  posts.length ? new Date(Math.min(...posts.map((p) => p.createdAt.getTime()))).toISOString() : null;
const minIso = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);

/** Moves a cursor, only while we still hold the lease (a poller that lost it must not write). */
async function saveCursor(
  deps: PollerDeps,
  queue: PollQueue,
  id: string,
  token: string,
  values: { cursor?: Cursor; backfill?: Backfill },
) {
  if (!(await queue.save(deps.db, { id, leaseToken: token }, deps.clock(), values)))
    throw new ConnectorError('transient', 'Lost the lease on this source to another poller');
}

type Settled = { ok: true } | { ok: false; error: ConnectorError; retryNow?: boolean };

async function settle(deps: PollerDeps, queue: PollQueue, source: SourceRow, token: string, outcome: Settled) {
  const now = deps.clock();
  const random = (deps.random ?? Math.random)();
  const intervalMs = pollIntervalMs(source.pollIntervalSeconds * 1000, source.webhookAt, now);
  const base = { lastPolledAt: now, updatedAt: now };
  const values = outcome.ok
    ? {
        ...base,
        status: 'ok' as const,
        consecutiveFailures: 0,
        lastSuccessAt: now,
        lastError: null,
        nextPollAt: nextPollAt({ now, intervalMs, failures: 0, random }),
      }
    : {
        ...base,
        status: statusAfterFailure(source.consecutiveFailures + 1, outcome.error.kind),
        consecutiveFailures: source.consecutiveFailures + 1,
        lastError: outcome.error.message.slice(0, 1000),
        lastErrorAt: now,
        nextPollAt: outcome.retryNow
          ? now
          : nextPollAt({
              now,
              intervalMs,
              failures: source.consecutiveFailures + 1,
              kind: outcome.error.kind,
              ...(outcome.error.details.resetAt ? { resetAt: outcome.error.details.resetAt } : {}),
              random,
            }),
      };
  await queue.settle(deps.db, { id: source.id, leaseToken: token }, values);
  // Credentials refused or a permission missing: admins are told once, as the source turns failing for it.
  const needsPerson = !outcome.ok && outcome.error.kind === 'auth';
  if (needsPerson && !(source.status === 'failing' && source.consecutiveFailures > 0)) {
    const data: SourceNeedsPerson = {
      workspaceId: source.workspaceId,
      sourceId: source.id,
      name: source.name,
      platform: source.platform,
      reason: outcome.error.message.slice(0, 300),
    };
    deps.events.publish([{ name: SOURCE_NEEDS_PERSON, data }]);
  }
}

const DATABASE_AWAY_NOTE = 'The database did not answer during this poll; polling resumes once it is back';

/** Tries `settle` again every settleRetryMs for as long as the lease would have lasted; gives up quietly after. */
function settleWhenPossible(
  deps: PollerDeps,
  queue: PollQueue,
  source: SourceRow,
  token: string,
  outcome: Settled,
  o: PollerOptions,
  log: Logger,
) {
  const every = o.settleRetryMs ?? DEFAULT_SETTLE_RETRY_MS;
  let left = Math.max(1, Math.ceil(o.leaseMs / every));
  const attempt = () => {
    left -= 1;
    settle(deps, queue, source, token, outcome).then(
      () => log.info('poll failure recorded after the database came back'),
      (err) => {
        if (left > 0) setTimeout(attempt, every).unref?.();
        else log.warn({ err }, 'could not record the poll failure');
      },
    );
  };
  setTimeout(attempt, every).unref?.();
}

/** Polls running in this process, by source: a run may return while some of them go on. */
const inFlight = new Map<string, Promise<PollOutcome>>();

/** How many polls are running in this process right now. */
export const pollsRunning = () => inFlight.size;

/** The poll of this source running in this process, if one is. */
export const pollInFlight = (sourceId: string) => inFlight.get(sourceId);

const everyPoll = new Set<Promise<PollOutcome>>();

/** Resolves once every poll running in this process has ended (shutdown, tests). */
export async function pollsSettled(): Promise<void> {
  while (inFlight.size || everyPoll.size) await Promise.allSettled([...inFlight.values(), ...everyPoll]);
}

export interface PollRunOptions {
  limit?: number;
  /** Polls at once in one run. */
  concurrency?: number;
  /**
   * How long a run waits for its polls. Slower ones go on in the background, holding their lease,
   * and the run returns, so a scheduler that skips a tick while a run is going never stops every
   * source because one platform is slow. Unset: the run waits for all of them.
   */
  waitMs?: number;
}

/**
 * Polls every due source, a few at a time: a slow or failing source holds one slot and never
 * delays the others beyond it. Returns the outcome of each poll that ended within waitMs.
 */
export async function pollDueSources(deps: PollerDeps, opts: PollRunOptions & Partial<PollerOptions> = {}) {
  const queue = (await dueSourceIds(deps.db, deps.clock(), opts.limit)).filter((id) => !inFlight.has(id));
  const outcomes = new Map<string, PollOutcome>();
  const work = Promise.all(
    Array.from({ length: Math.min(opts.concurrency ?? 4, queue.length) }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        if (inFlight.has(id)) continue;
        const run = pollSource(deps, id, opts);
        inFlight.set(id, run);
        try {
          outcomes.set(id, await run);
        } catch (err) {
          // The claim or the settle itself failed (the database): the lease runs out, the next run retries.
          deps.logger.error({ err, sourceId: id }, 'poll crashed');
        } finally {
          if (inFlight.get(id) === run) inFlight.delete(id);
        }
      }
    }),
  );
  if (opts.waitMs === undefined) {
    await work;
    return outcomes;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, opts.waitMs)))]);
  clearTimeout(timer);
  return new Map(outcomes);
}
