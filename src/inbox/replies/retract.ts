import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { ConnectorError } from '../../connectors';
import type { Actor } from '../../core/actor';
import { platformLabel } from '../../http/web/format';
import { mentionById } from '../../mentions';
import { connectorInputs, sourceById } from '../../sources';
import { inboxError } from '../errors';
import { publish } from '../live';
import { conversationEvents, conversations } from '../schema';
import { getReply, type ReplyRow, type SenderDeps } from './outbox';
import { replies } from './schema';

/**
 * Takes a sent review response down again on its platform (Google reviews' owner response, the App Store's
 * developer response), from the conversation: the platform acts first, then the reply is marked retracted
 * and the history says who did it. Asking twice is harmless (the platforms' deletes are, and a retracted
 * reply answers as it is). Editing a response is answering again: the platform replaces it.
 */
export async function retractReply(
  deps: Pick<SenderDeps, 'db' | 'connectors' | 'credentials' | 'outbound' | 'clock'>,
  actor: Actor,
  replyId: string,
): Promise<ReplyRow> {
  const r = await getReply(deps.db, actor.workspaceId, replyId);
  if (r.retractedAt) return r;
  const platform = platformLabel(r.platform);
  const connector = deps.connectors[r.platform];
  if (!connector?.retractReply) throw inboxError('REPLY_RETRACT_UNSUPPORTED', { platform });
  if (r.status !== 'sent' || !r.platformPostId) throw inboxError('REPLY_NOT_SENT');
  // A review has one public response: a later answer replaced this one, and deleting "it" would delete that.
  const [latest] = await deps.db
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.inReplyToMentionId, r.inReplyToMentionId), eq(replies.status, 'sent')))
    .orderBy(desc(replies.sentAt))
    .limit(1);
  if (latest && latest.id !== r.id) throw inboxError('REPLY_NOT_LATEST');
  const target = await mentionById(deps.db, r.workspaceId, r.inReplyToMentionId);
  const source = r.sourceId ? await sourceById(deps.db, r.sourceId) : null;
  if (!target || !source) throw inboxError('MODERATION_SOURCE_MISSING', { platform });
  const inputs = await connectorInputs(deps, source);
  try {
    await connector.retractReply({
      config: inputs.config,
      credentials: inputs.credentials,
      http: deps.outbound,
      replyExternalId: r.platformPostId,
      inReplyTo: {
        externalId: target.externalId,
        authorHandle: target.authorHandle,
        threadExternalId: target.threadExternalId,
        raw: target.raw,
      },
    });
  } catch (err) {
    const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'the call failed');
    throw inboxError(e.kind === 'transient' ? 'MODERATION_UNREACHABLE' : 'MODERATION_REFUSED', {
      platform,
      reason: e.message,
    });
  }
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(replies)
      .set({ retractedAt: now, retractedBy: actor.userId })
      .where(and(eq(replies.id, r.id), isNull(replies.retractedAt)))
      .returning();
    if (!row) return getReply(tx, actor.workspaceId, r.id);
    await tx.insert(conversationEvents).values({
      workspaceId: actor.workspaceId,
      conversationId: r.conversationId,
      kind: 'reply_retracted',
      actorId: actor.userId,
      details: { replyId: r.id },
    });
    await tx
      .update(conversations)
      .set({ lastActivityAt: sql`greatest(${conversations.lastActivityAt}, now())` })
      .where(eq(conversations.id, r.conversationId));
    await publish(tx, actor.workspaceId, [{ type: 'conversation', id: r.conversationId, change: 'updated' }]);
    return row;
  });
}
