import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor';
import { ConnectorError } from '../../connectors';
import { leasedQueue, retryDelayMs } from '../../db/leased-queue';
import type { Db } from '../../db/types';
import { getConversationRow } from '../conversations.service';
import { inboxError } from '../errors';
import { publish } from '../live';
import { conversationEvents, conversations } from '../schema';
import { mentionById, replyTarget } from '../../mentions';
import type { PollerDeps } from '../../sources';
import { connectorInputs, sourceById } from '../../sources';
import { replySource } from './account';
import { type Delivery, DeliveryError, deliver } from './deliver';
import { replyProblem } from './length';
import { replies } from './schema';

/**
 * The outbox. A click becomes one row (the idempotency key makes a double click or a client retry
 * the same row); a sender claims a due row with a lease, calls the platform, and records the
 * outcome. Transient failures (5xx, network, rate limits) are retried with backoff; refusals (4xx)
 * fail with the platform's reason and wait for a person's retry. A sender that dies mid-send leaves
 * a lease that runs out, and the row is sent by the next one: nothing is dropped. Such a row, and
 * one whose request timed out, is `uncertain`: the next attempt looks for it on the platform
 * before posting (deliver.ts), so nothing is doubled either.
 */
export type ReplyRow = typeof replies.$inferSelect;
export type SenderDeps = Pick<
  PollerDeps,
  'db' | 'clock' | 'logger' | 'metrics' | 'connectors' | 'credentials' | 'outbound' | 'instanceId'
>;

export const MAX_ATTEMPTS = 8;
/** How long a sender holds a row without a sign of life; a heartbeat extends it while the send runs. */
export const LEASE_MS = 60_000;

export const publicReply = (r: ReplyRow) => ({
  id: r.id,
  conversationId: r.conversationId,
  inReplyToMentionId: r.inReplyToMentionId,
  platform: r.platform,
  text: r.text,
  status: r.status,
  attempts: r.attempts,
  error: r.lastError,
  nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
  platformPostId: r.platformPostId,
  url: r.platformUrl,
  uncertain: r.uncertain,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  retractedAt: r.retractedAt?.toISOString() ?? null,
});

/** Backoff between attempts: 5 s, 10 s, 20 s ... capped at 10 minutes, with a little jitter. */
const BACKOFF = { baseMs: 5_000, capMs: 600_000, jitter: 0.1 };

export interface QueueInput {
  text: string;
  inReplyTo?: string;
  idempotencyKey: string;
}

export async function queueReply(
  db: Db,
  actor: Actor,
  conversationId: string,
  input: QueueInput,
  now: Date,
): Promise<{ reply: ReplyRow; created: boolean }> {
  const conv = await getConversationRow(db, actor.workspaceId, conversationId);
  const problem = replyProblem(conv.platform, input.text);
  if (problem) throw problem;
  const target = await replyTarget(db, actor.workspaceId, conversationId, input.inReplyTo);
  if (!target) throw inboxError('REPLY_TARGET_UNKNOWN', { field: 'inReplyTo' });
  const source = await replySource(db, actor.workspaceId, conv.platform, target.sourceId);
  if (!source) throw inboxError('REPLY_SOURCE_MISSING', { platform: conv.platform });
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(replies)
      .values({
        workspaceId: actor.workspaceId,
        conversationId,
        inReplyToMentionId: target.id,
        sourceId: source.id,
        platform: conv.platform,
        text: input.text,
        idempotencyKey: input.idempotencyKey,
        createdBy: actor.userId,
        nextAttemptAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(replies)
        .where(and(eq(replies.workspaceId, actor.workspaceId), eq(replies.idempotencyKey, input.idempotencyKey)));
      if (!existing || existing.conversationId !== conversationId || existing.text !== input.text) {
        throw inboxError('IDEMPOTENCY_KEY_REUSED');
      }
      return { reply: existing, created: false };
    }
    await tx.insert(conversationEvents).values({
      workspaceId: actor.workspaceId,
      conversationId,
      kind: 'reply',
      actorId: actor.userId,
      details: { replyId: created.id, status: 'queued' },
    });
    await publish(tx, actor.workspaceId, [{ type: 'reply', id: created.id, conversationId, status: 'queued' }]);
    return { reply: created, created: true };
  });
}

export async function getReply(db: Db, workspaceId: string, id: string): Promise<ReplyRow> {
  const [r] = await db
    .select()
    .from(replies)
    .where(and(eq(replies.workspaceId, workspaceId), eq(replies.id, id)));
  if (!r) throw inboxError('REPLY_NOT_FOUND');
  return r;
}

/** A person asks to try a failed reply again. */
export async function retryReply(db: Db, actor: Actor, id: string, now: Date): Promise<ReplyRow> {
  const r = await getReply(db, actor.workspaceId, id);
  if (r.status !== 'failed') throw inboxError('REPLY_NOT_RETRYABLE', { status: r.status });
  const [row] = await db
    .update(replies)
    .set({ status: 'queued', nextAttemptAt: now, attempts: 0 })
    .where(and(eq(replies.id, id), eq(replies.status, 'failed')))
    .returning();
  if (!row) throw inboxError('REPLY_CHANGED');
  return row;
}

// Due: queued and its time come, or `sending` with a lease that ran out (its sender died). A claim is
// one UPDATE, so two senders never post the same row.
const queue = leasedQueue(replies, { waiting: 'queued', working: 'sending', leaseMs: LEASE_MS });

/** Sends one reply if it is due. Returns the row as it ends up (or null when another sender has it). */
export async function sendReply(deps: SenderDeps, id: string, random = Math.random): Promise<ReplyRow | null> {
  const now = deps.clock();
  // A row taken over mid-send may be on the platform; one already uncertain stays so until resolved.
  const r = await queue.claim(deps.db, id, now, deps.instanceId ?? null, {
    uncertain: sql`${replies.uncertain} or ${replies.status} = 'sending'`,
  });
  if (!r) return null;
  const log = deps.logger.child({ replyId: r.id, platform: r.platform, attempt: r.attempts });
  // A slow platform call keeps the row ours; a sender that dies stops beating and the lease runs out.
  const heartbeat = queue.keepAlive(deps.db, r.leaseToken, deps.clock, (err) =>
    log.warn({ err }, 'reply lease heartbeat failed'),
  );
  let delivery: Delivery;
  try {
    const target = await mentionById(deps.db, r.workspaceId, r.inReplyToMentionId);
    const source = r.sourceId ? await sourceById(deps.db, r.sourceId) : null;
    if (!target || !source)
      throw new ConnectorError('invalid_request', 'The post or the source to reply from no longer exists');
    const { connector, config, credentials } = await connectorInputs(deps, source);
    delivery = await deliver(
      connector,
      {
        config,
        credentials,
        http: deps.outbound,
        text: r.text,
        inReplyTo: {
          externalId: target.externalId,
          authorHandle: target.authorHandle,
          threadExternalId: target.threadExternalId,
          raw: target.raw,
        },
        outbox: { replyId: r.id, queuedAt: r.createdAt },
      },
      r.uncertain,
    );
  } catch (err) {
    heartbeat.stop();
    const failed = err instanceof DeliveryError ? err : null;
    const e =
      failed?.reason ??
      (err instanceof ConnectorError
        ? err
        : new ConnectorError('transient', err instanceof Error ? err.message : String(err)));
    // Whether the platform may have the post: it is asked before the next attempt, and the thread says so.
    const uncertain = failed ? failed.outcomeUnknown : r.uncertain;
    const retry = (e.kind === 'transient' || e.kind === 'rate_limited') && r.attempts < MAX_ATTEMPTS;
    const next =
      e.kind === 'rate_limited' && e.details.resetAt
        ? e.details.resetAt
        : new Date(now.getTime() + retryDelayMs(r.attempts, random, BACKOFF));
    const [row] = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .update(replies)
        .set({
          ...(retry
            ? { status: 'queued' as const, nextAttemptAt: next }
            : { status: 'failed' as const, nextAttemptAt: null }),
          ...FREE_LEASE,
          lastError: e.message,
          uncertain,
        })
        .where(eq(replies.id, r.id))
        .returning();
      await publish(tx, r.workspaceId, [
        { type: 'reply', id: r.id, conversationId: r.conversationId, status: retry ? 'queued' : 'failed' },
      ]);
      if (!retry) {
        await tx.insert(conversationEvents).values({
          workspaceId: r.workspaceId,
          conversationId: r.conversationId,
          kind: 'reply',
          actorId: r.createdBy,
          details: { replyId: r.id, status: 'failed', error: e.message },
        });
      }
      return rows;
    });
    if (retry) log.warn({ err: e.message, nextAttemptAt: next.toISOString() }, 'reply send failed; will retry');
    else {
      deps.metrics.repliesFailed.inc({ platform: r.platform });
      log.error({ err: e.message }, 'reply failed');
    }
    return row ?? null;
  }
  heartbeat.stop();
  // Outside the try: a failure to record a reply the platform took must not count as a failed
  // send. The row keeps its lease; the next sender finds the post on the platform.
  const sent = await markSent(deps, r, delivery);
  log.info(
    { url: delivery.result.url, found: delivery.found },
    delivery.found ? 'reply found on the platform; not posted again' : 'reply sent',
  );
  return sent;
}

/** Records a reply as on the platform; our answer is the latest word, so nobody waits any more. */
async function markSent(deps: SenderDeps, r: ReplyRow, { result, found, note }: Delivery): Promise<ReplyRow | null> {
  const sentAt = deps.clock();
  const [sent] = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(replies)
      .set({
        status: 'sent',
        platformPostId: result.externalId,
        platformUrl: result.url,
        sentAt,
        ...FREE_LEASE,
        lastError: note,
        uncertain: false,
      })
      .where(eq(replies.id, r.id))
      .returning();
    // The first response time is kept once set.
    await tx
      .update(conversations)
      .set({
        firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, ${sentAt.toISOString()}::timestamptz)`,
        waitingSince: null,
        lastActivityAt: sentAt,
        updatedAt: sentAt,
      })
      .where(eq(conversations.id, r.conversationId));
    await tx.insert(conversationEvents).values({
      workspaceId: r.workspaceId,
      conversationId: r.conversationId,
      kind: 'reply',
      actorId: r.createdBy,
      details: { replyId: r.id, status: 'sent', url: result.url, ...(found ? { found } : {}) },
    });
    await publish(tx, r.workspaceId, [{ type: 'reply', id: r.id, conversationId: r.conversationId, status: 'sent' }]);
    return rows;
  });
  deps.metrics.repliesSent.inc({ platform: r.platform });
  return sent ?? null;
}

const FREE_LEASE = { leaseUntil: null, leaseToken: null, leaseHolder: null };

/**
 * At start: rows this instance was sending when it stopped are due now, not when their lease runs
 * out. They stay `sending`, so the next claim marks them uncertain and looks them up before posting.
 */
export const releaseReplyLeases = (db: Db, holder: string, now: Date) => queue.release(db, holder, now);

/** Replies due now: queued and due, or stuck in `sending` past their lease. */
export const dueReplyIds = (db: Db, now: Date, limit = 100) => queue.dueIds(db, now, limit);

export async function sendDueReplies(deps: SenderDeps): Promise<{ sent: number; failed: number; retrying: number }> {
  const out = { sent: 0, failed: 0, retrying: 0 };
  for (const id of await dueReplyIds(deps.db, deps.clock())) {
    const r = await sendReply(deps, id);
    if (r?.status === 'sent') out.sent++;
    else if (r?.status === 'failed') out.failed++;
    else if (r) out.retrying++;
  }
  return out;
}
