import { and, eq, sql } from 'drizzle-orm';
import { ConnectorError, type ConnectorRegistry, type MetaWebhookEvent, metaWebhookEvents } from '../connectors';
import type { CredentialBox } from '../core/credentials';
import type { SocialPost } from '../core/social-post';
import type { Clock } from '../core/clock';
import type { DomainEvent, EventPublisher } from '../core/events';
import type { Platform } from '../core/platforms';
import { leasedQueue, retryDelayMs } from '../db/leased-queue';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import type { Metrics } from '../http/metrics';
import type { OutboundHttp } from '../http/outbound';
import { activeTopics } from '../topics';
import type { SourceFlow } from './flow-port';
import { inboundWebhooks, sources } from './schema';
import { connectorInputs, type SourceRow } from './sources.service';

/**
 * Webhook deliveries, from the request to the one flow. The route checks the signature and calls
 * `receiveWebhook`: one row, then 200 (Meta wants an answer within seconds and retries for a day and a half
 * otherwise). After commit `webhooks.received` wakes `processWebhooks`, which reads each delivery's events,
 * finds the sources they are for (every workspace that connected the account, not paused) and stores them
 * through the flow; a scheduled run picks up what a stopped process left. A delivery that keeps failing is
 * retried with backoff, then kept as `failed` with its error. Polling stays the safety net.
 */
export const WEBHOOKS_RECEIVED = 'webhooks.received';
export type WebhooksReceived = DomainEvent<typeof WEBHOOKS_RECEIVED, { platform: string }>;

export interface WebhookDeps {
  db: Db;
  events: EventPublisher;
  metrics: Metrics;
  clock: Clock;
  logger: Logger;
  sourceFlow: SourceFlow;
  /** For events that name a post without sending it (Instagram's @mentions): fetched with the source's token. */
  connectors: ConnectorRegistry;
  credentials: CredentialBox;
  outbound: OutboundHttp;
  dbKind?: 'pglite' | 'postgres';
  instanceId?: string;
  random?: () => number;
}

/** The config field that names the platform account a webhook entry is for. */
const ACCOUNT_FIELD: Partial<Record<Platform, string>> = {
  facebook: 'pageId',
  instagram: 'igUserId',
  threads: 'threadsUserId',
};

export const WEBHOOK_MAX_ATTEMPTS = 6;
const BACKOFF = { baseMs: 30_000, capMs: 30 * 60_000, jitter: 0.25 };
/**
 * Deliveries worked a batch at a time, each batch one transaction of the flow. PGlite runs every query on this
 * thread, one at a time, and a request's insert waits for the open transaction: there batches are small and
 * the job lets waiting requests in between them, so answering Meta never waits long behind storing.
 */
const BATCH = { pglite: 5, postgres: 25 } as const;
const queue = leasedQueue(inboundWebhooks, { waiting: 'queued', working: 'working', leaseMs: 60_000 });

/** Keeps a checked delivery for the job; its events are told after commit. */
export async function receiveWebhook(
  deps: Pick<WebhookDeps, 'db' | 'events' | 'clock'>,
  platform: string,
  body: unknown,
) {
  // One statement, so no transaction around it (on PGlite each extra round trip waits its turn behind the job).
  await deps.db.insert(inboundWebhooks).values({ platform, body, nextAttemptAt: deps.clock() });
  deps.events.publish([{ name: WEBHOOKS_RECEIVED, data: { platform } } satisfies WebhooksReceived]);
}

/** Sources that take an account's events: its platform and account id, in any workspace, not paused. */
async function sourcesFor(db: Db, platform: Platform, accountId: string): Promise<SourceRow[]> {
  const field = ACCOUNT_FIELD[platform];
  if (!field) return [];
  return db
    .select()
    .from(sources)
    .where(
      and(eq(sources.platform, platform), eq(sources.paused, false), sql`${sources.config}->>${field} = ${accountId}`),
    );
}

/**
 * Hands deliveries' events to the flow, all of them at once: one ingest per source for a whole batch (the
 * flow stores 100 posts a transaction), not one per delivery, or a burst of webhooks outruns the job and
 * the requests queue behind it. Events keep their order (an edit after its add wins, a removal comes last).
 */
async function handle(deps: WebhookDeps, events: MetaWebhookEvent[]): Promise<void> {
  const byAccount = new Map<string, { platform: Platform; accountId: string; events: MetaWebhookEvent[] }>();
  for (const e of events) {
    const key = `${e.platform}\u0000${e.accountId}`;
    const group = byAccount.get(key) ?? { platform: e.platform, accountId: e.accountId, events: [] };
    group.events.push(e);
    byAccount.set(key, group);
  }
  for (const group of byAccount.values()) {
    for (const source of await sourcesFor(deps.db, group.platform, group.accountId)) {
      const topics = await activeTopics(deps.db, source.workspaceId);
      const target = { workspaceId: source.workspaceId, sourceId: source.id, platform: group.platform, topics };
      const posts = group.events.flatMap((e) => (e.kind === 'upsert' ? [e.post] : []));
      posts.push(...(await lookUp(deps, source, group.events)));
      if (posts.length) await deps.sourceFlow.ingest(deps, target, posts);
      // Pushed to: polling slows to a safety net (backoff.ts pollIntervalMs).
      await deps.db.update(sources).set({ webhookAt: deps.clock() }).where(eq(sources.id, source.id));
      const removed = group.events.flatMap((e) => (e.kind === 'remove' ? [e.externalId] : []));
      if (removed.length) await deps.sourceFlow.remove(deps.db, target, removed, deps.clock());
      // Hidden or shown again on the platform: the latest word for each post counts, by Meta's time (deliveries
      // may come swapped), then by arrival.
      const last = new Map<string, { hidden: boolean; at: number }>();
      for (const e of group.events)
        if (e.kind === 'hidden' && e.at >= (last.get(e.externalId)?.at ?? Number.NEGATIVE_INFINITY))
          last.set(e.externalId, { hidden: e.hidden, at: e.at });
      for (const hidden of [true, false]) {
        const ids = [...last].filter(([, h]) => h.hidden === hidden).map(([id]) => id);
        if (ids.length) await deps.sourceFlow.hide(deps.db, target, ids, hidden, deps.clock());
      }
    }
  }
}

/**
 * The posts events only named, fetched with this source's token. One the platform no longer has (or refuses
 * for good) is skipped with a note; a refusal that may pass (rate limit, a network fault, a token to
 * renew) fails the delivery, which is tried again later.
 */
async function lookUp(deps: WebhookDeps, source: SourceRow, events: MetaWebhookEvent[]): Promise<SocialPost[]> {
  const refs = events.flatMap((e) => (e.kind === 'lookup' ? [e.ref] : []));
  if (refs.length === 0) return [];
  const { connector, config, credentials } = await connectorInputs(deps, source);
  if (!connector.lookup) return [];
  const found: SocialPost[] = [];
  for (const ref of refs) {
    try {
      const post = await connector.lookup({ config, credentials, externalId: ref.mediaId, http: deps.outbound }, ref);
      if (post) found.push(post);
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.kind !== 'invalid_request') throw err;
      deps.logger.info({ sourceId: source.id, ref, reason: err.message }, 'webhook post not found; skipped');
    }
  }
  return found;
}

/** Works every waiting delivery, a batch at a time (woken by `webhooks.received`, and scheduled). */
export async function processWebhooks(deps: WebhookDeps): Promise<{ done: number; failed: number; events: number }> {
  const out = { done: 0, failed: 0, events: 0 };
  for (;;) {
    const size = BATCH[deps.dbKind ?? 'postgres'];
    const { token, rows } = await queue.claimBatch(deps.db, deps.clock(), deps.instanceId ?? null, size);
    if (rows.length === 0) return out;
    // A large batch may take longer than a lease: the heartbeat keeps it ours while it is worked.
    const heartbeat = queue.keepAlive(deps.db, token, deps.clock, (err) =>
      deps.logger.warn({ err }, 'webhook lease heartbeat failed'),
    );
    try {
      await workBatch(deps, rows, token, out);
    } finally {
      heartbeat.stop();
    }
    // Requests that arrived meanwhile (their sockets read on the next turn) go before the next batch.
    if (deps.dbKind === 'pglite') await new Promise((r) => setTimeout(r, 0));
  }
}

async function workBatch(
  deps: WebhookDeps,
  rows: (typeof inboundWebhooks.$inferSelect)[],
  token: string,
  out: { done: number; failed: number; events: number },
) {
  // Each delivery's events read once: stored together, counted per delivery, and again alone on a retry.
  // In arrival order (an UPDATE ... RETURNING gives no order of its own).
  const arrived = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const parsed = arrived.map((row) => ({ row, events: metaWebhookEvents(row.body) }));
  const done = async ({ row, events }: (typeof parsed)[number]) => {
    out.done++;
    out.events += events.length;
    await queue.settle(
      deps.db,
      { id: row.id, leaseToken: token },
      { status: 'done', events: events.length, doneAt: deps.clock(), error: null },
    );
  };
  try {
    await handle(
      deps,
      parsed.flatMap((p) => p.events),
    );
    for (const p of parsed) await done(p);
    return;
  } catch (err) {
    deps.logger.warn({ err, deliveries: rows.length }, 'webhook batch failed; trying its deliveries one by one');
  }
  // One delivery that cannot be stored must not hold back the others: each alone, the failing one retried.
  for (const p of parsed) {
    const { row } = p;
    const held = { id: row.id, leaseToken: token };
    try {
      await handle(deps, p.events);
      await done(p);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = row.attempts >= WEBHOOK_MAX_ATTEMPTS;
      deps.logger.warn({ err: { message }, deliveryId: row.id, attempt: row.attempts, last }, 'webhook failed');
      if (last) out.failed++;
      const next = new Date(deps.clock().getTime() + retryDelayMs(row.attempts, deps.random ?? Math.random, BACKOFF));
      await queue.settle(
        deps.db,
        held,
        last
          ? { status: 'failed', error: message.slice(0, 1000) }
          : { status: 'queued', error: message.slice(0, 1000), nextAttemptAt: next },
      );
    }
  }
}

/** Frees the deliveries this instance held before a restart, so they are worked at once. */
export const releaseInboundWebhookLeases = (db: Db, holder: string, now: Date) => queue.release(db, holder, now);

/** A delivery's state, for tests and the admin's view of webhooks. */
export async function webhookDeliveries(db: Db) {
  return db.select().from(inboundWebhooks).orderBy(inboundWebhooks.createdAt);
}
