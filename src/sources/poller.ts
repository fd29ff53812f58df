import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { ConnectorRegistry } from '../connectors/registry';
import { ConnectorError, type Cursor } from '../connectors/types';
import type { Clock } from '../core/clock';
import { failureNote, sqlState } from '../core/redact-error';
import type { Db } from '../db/types';
import type { OutboundHttp } from '../http/outbound';
import { ingestPosts } from '../ingest/pipeline';
import type { Logger } from '../server/logger';
import type { Metrics } from '../server/metrics';
import { activeTopics } from '../topics/topics.service';
import { searchPlanFor } from '../topics/plan';
import { type Backfill, backfillPercent } from './backfill';
import { nextPollAt, statusAfterFailure } from './backoff';
import type { CredentialBox } from './credentials';
import { sources } from './schema';
import { connectorInputs, type SourceRow } from './sources.service';

export interface PollerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  connectors: ConnectorRegistry;
  credentials: CredentialBox;
  /** The outbound HTTP guard every connector call goes through. */
  outbound: OutboundHttp;
  random?: () => number;
}

export interface PollerOptions {
  /** Pages one run may fetch before yielding to other sources. */
  maxPages: number;
  /** How long a claimed source stays ours without a sign of life. */
  leaseMs: number;
  /** How far back a source's very first sweep reaches. */
  firstSweepDays: number;
  /** Test hook: runs after a page is committed and before its cursor is saved. */
  afterCommit?: (page: number) => void | Promise<void>;
}

export const DEFAULT_POLLER_OPTIONS: PollerOptions = { maxPages: 50, leaseMs: 5 * 60_000, firstSweepDays: 1 };

export type PollOutcome =
  | { status: 'ok'; fetched: number; inserted: number; duplicates: number; rejected: number; pages: number }
  | { status: 'failed'; fetched: number; inserted: number; duplicates: number; rejected: number; pages: number; error: string; kind: string }
  | { status: 'skipped'; reason: 'busy' | 'not-due' | 'paused' };

/**
 * Polls one source: claim a lease (one poll per source at a time, across processes), fetch pages,
 * commit each page, then move the cursor. A crash between the two re-fetches the page next time and
 * the idempotent store drops the repeats: nothing lost, nothing doubled.
 */
export async function pollSource(deps: PollerDeps, sourceId: string, opts: Partial<PollerOptions> & { force?: boolean } = {}): Promise<PollOutcome> {
  const o = { ...DEFAULT_POLLER_OPTIONS, ...opts };
  const now = deps.clock();
  const token = crypto.randomUUID();
  const [source] = await deps.db
    .update(sources)
    .set({ leaseUntil: new Date(now.getTime() + o.leaseMs), leaseToken: token })
    .where(
      and(
        eq(sources.id, sourceId),
        or(isNull(sources.leaseUntil), lt(sources.leaseUntil, now)),
        opts.force ? undefined : and(eq(sources.paused, false), lte(sources.nextPollAt, now)),
      ),
    )
    .returning();
  if (!source) return { status: 'skipped', reason: await whySkipped(deps.db, sourceId, now) };

  const totals = { fetched: 0, inserted: 0, duplicates: 0, rejected: 0, pages: 0 };
  const log = deps.logger.child({ sourceId, platform: source.platform });
  try {
    const { connector, config, credentials } = await connectorInputs(deps, source);
    const topics = await activeTopics(deps.db, source.workspaceId);
    const plan = connector.searches ? searchPlanFor(source.platform, topics) : { queries: [], hashtags: [] };
    const target = { workspaceId: source.workspaceId, sourceId: source.id, platform: source.platform, topics };
    const sweep = async (start: Cursor | null, since: Date | undefined, save: (cursor: Cursor, page: PageResult) => Promise<void>) => {
      let cursor = start;
      for (let page = 1; page <= o.maxPages; page++) {
        const result = await connector.poll({ config, credentials, cursor, plan, now: deps.clock(), http: deps.outbound, ...(since ? { since } : {}) });
        const stored = await ingestPosts(deps, target, result.posts);
        totals.fetched += stored.fetched;
        totals.inserted += stored.inserted;
        totals.duplicates += stored.duplicates;
        totals.rejected += stored.rejected.length;
        totals.pages += 1;
        // A post the gate turned away is skipped alone; the log says which and why.
        if (stored.rejected.length) log.warn({ page, rejected: stored.rejected.slice(0, 20), count: stored.rejected.length }, 'posts rejected');
        await o.afterCommit?.(totals.pages);
        cursor = result.cursor;
        await save(cursor, { ...stored, more: result.more, oldest: oldestOf(result.posts) });
        if (!result.more) return true;
      }
      return false;
    };

    const cursor = (source.cursor ?? null) as Cursor | null;
    const since = cursor ? undefined : new Date(source.createdAt.getTime() - o.firstSweepDays * 86_400_000);
    await sweep(cursor, since, (next) => saveCursor(deps, source.id, token, { cursor: next }, o.leaseMs));

    let backfill = source.backfill as Backfill | null;
    if (backfill?.status === 'running') {
      const running = backfill;
      await sweep(running.cursor, new Date(running.since), async (next, page) => {
        backfill = {
          ...backfill!,
          cursor: next,
          pages: backfill!.pages + 1,
          fetched: backfill!.fetched + page.fetched,
          inserted: backfill!.inserted + page.inserted,
          oldestAt: minIso(backfill!.oldestAt, page.oldest),
          ...(page.more ? {} : { status: 'done' as const, finishedAt: deps.clock().toISOString() }),
        };
        backfill.percent = backfillPercent(backfill);
        await saveCursor(deps, source.id, token, { backfill }, o.leaseMs);
      });
    }
    await settle(deps, source, token, { ok: true });
    log.info({ ...totals }, 'poll done');
    return { status: 'ok', ...totals };
  } catch (err) {
    // The platform's own words are shown as they are; anything else (the database, a bug) is told in
    // a short sentence, its detail kept in the log under the same ref.
    const ref = crypto.randomUUID().slice(0, 8);
    const e = err instanceof ConnectorError ? err : new ConnectorError('transient', failureNote(err, sqlState(err) ? 'Storing the posts' : 'Polling', ref));
    if (!(err instanceof ConnectorError)) log.error({ err, ref }, 'poll crashed');
    deps.metrics.pollErrors.inc({ platform: source.platform });
    await settle(deps, source, token, { ok: false, error: e });
    log.warn({ kind: e.kind, error: e.message, ...totals }, 'poll failed');
    return { status: 'failed', ...totals, error: e.message, kind: e.kind };
  }
}

/** Sources whose next poll time has come and that nobody is polling right now, most overdue first. */
export async function dueSourceIds(db: Db, now: Date, limit = 50): Promise<string[]> {
  const due = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.paused, false), lte(sources.nextPollAt, now), or(isNull(sources.leaseUntil), lt(sources.leaseUntil, now))))
    .orderBy(asc(sources.nextPollAt))
    .limit(limit);
  return due.map((d) => d.id);
}

async function whySkipped(db: Db, id: string, now: Date): Promise<'busy' | 'not-due' | 'paused'> {
  const [s] = await db.select({ paused: sources.paused, leaseUntil: sources.leaseUntil }).from(sources).where(eq(sources.id, id));
  if (s?.leaseUntil && s.leaseUntil >= now) return 'busy';
  return s?.paused ? 'paused' : 'not-due';
}

interface PageResult {
  fetched: number;
  inserted: number;
  more: boolean;
  oldest: string | null;
}

const oldestOf = (posts: { createdAt: Date }[]) =>
  posts.length ? new Date(Math.min(...posts.map((p) => p.createdAt.getTime()))).toISOString() : null;
const minIso = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);

/** Moves a cursor, only while we still hold the lease (a poller that lost it must not write). */
async function saveCursor(deps: PollerDeps, id: string, token: string, values: { cursor?: Cursor; backfill?: Backfill }, leaseMs: number) {
  const now = deps.clock();
  const saved = await deps.db
    .update(sources)
    .set({ ...values, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(sources.id, id), eq(sources.leaseToken, token)))
    .returning({ id: sources.id });
  if (saved.length === 0) throw new ConnectorError('transient', 'Lost the lease on this source to another poller');
}

async function settle(deps: PollerDeps, source: SourceRow, token: string, outcome: { ok: true } | { ok: false; error: ConnectorError }) {
  const now = deps.clock();
  const random = (deps.random ?? Math.random)();
  const intervalMs = source.pollIntervalSeconds * 1000;
  const base = { lastPolledAt: now, leaseUntil: null, leaseToken: null, updatedAt: now };
  const values = outcome.ok
    ? { ...base, status: 'ok' as const, consecutiveFailures: 0, lastSuccessAt: now, lastError: null, nextPollAt: nextPollAt({ now, intervalMs, failures: 0, random }) }
    : {
        ...base,
        status: statusAfterFailure(source.consecutiveFailures + 1, outcome.error.kind),
        consecutiveFailures: source.consecutiveFailures + 1,
        lastError: outcome.error.message.slice(0, 1000),
        lastErrorAt: now,
        nextPollAt: nextPollAt({
          now,
          intervalMs,
          failures: source.consecutiveFailures + 1,
          kind: outcome.error.kind,
          ...(outcome.error.details.resetAt ? { resetAt: outcome.error.details.resetAt } : {}),
          random,
        }),
      };
  await deps.db.update(sources).set(values).where(and(eq(sources.id, source.id), eq(sources.leaseToken, token)));
}

/**
 * Polls every due source, a few at a time: a slow or failing source holds one slot and never
 * delays the others beyond it. Returns each source's outcome.
 */
export async function pollDueSources(deps: PollerDeps, opts: { limit?: number; concurrency?: number } & Partial<PollerOptions> = {}) {
  const queue = await dueSourceIds(deps.db, deps.clock(), opts.limit);
  const outcomes = new Map<string, PollOutcome>();
  const workers = Array.from({ length: Math.min(opts.concurrency ?? 4, queue.length) }, async () => {
    for (let id = queue.shift(); id; id = queue.shift()) outcomes.set(id, await pollSource(deps, id, opts));
  });
  await Promise.all(workers);
  return outcomes;
}
