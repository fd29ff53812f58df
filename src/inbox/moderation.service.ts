import { sql } from 'drizzle-orm';
import { ConnectorError, type ConnectorRegistry } from '../connectors';
import type { Actor } from '../core/actor';
import type { CredentialBox } from '../core/credentials';
import type { ModerationAction } from '../core/moderation';
import type { Db } from '../db/types';
import type { OutboundHttp } from '../http/outbound';
import { platformLabel } from '../http/web/format';
import { recordModeration, replyTarget } from '../mentions';
import { connectorInputs, firstSourceOf, sourceById } from '../sources';
import { getConversationRow } from './conversations.service';
import { inboxError } from './errors';
import { publish } from './live';
import { conversationEvents, conversations } from './schema';

export interface ModerationDeps {
  db: Db;
  connectors: ConnectorRegistry;
  credentials: CredentialBox;
  outbound: OutboundHttp;
  clock: () => Date;
}

/**
 * Hides, shows again, deletes or likes a post of a conversation on its platform, as the connected account,
 * then records it on the post and in the conversation's history. The platform acts first: nothing is
 * recorded that did not happen there. Repeating an action is harmless on every platform (a hidden comment
 * hidden again stays hidden), so a click sent twice needs no outbox.
 */
export async function moderateMention(
  deps: ModerationDeps,
  actor: Actor,
  conversationId: string,
  mentionId: string,
  action: ModerationAction,
): Promise<{ mentionId: string; action: ModerationAction }> {
  const conv = await getConversationRow(deps.db, actor.workspaceId, conversationId);
  const target = await replyTarget(deps.db, actor.workspaceId, conversationId, mentionId);
  if (!target || target.id !== mentionId) throw inboxError('MODERATION_POST_UNKNOWN');
  const platform = platformLabel(conv.platform);
  const source = target.sourceId
    ? await sourceById(deps.db, target.sourceId)
    : await firstSourceOf(deps.db, actor.workspaceId, conv.platform);
  if (!source) throw inboxError('MODERATION_SOURCE_MISSING', { platform });
  const { connector, config, credentials } = await connectorInputs(deps, source);
  if (!connector.moderate || !connector.moderates?.includes(action))
    throw inboxError('MODERATION_UNSUPPORTED', { platform, action });
  try {
    await connector.moderate({ config, credentials, externalId: target.externalId, http: deps.outbound }, action);
  } catch (err) {
    const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'the call failed');
    throw inboxError(e.kind === 'transient' ? 'MODERATION_UNREACHABLE' : 'MODERATION_REFUSED', {
      platform,
      reason: e.message,
    });
  }
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await recordModeration(tx, actor.workspaceId, mentionId, action, now);
    await tx.insert(conversationEvents).values({
      workspaceId: actor.workspaceId,
      conversationId,
      kind: 'moderated',
      actorId: actor.userId,
      details: { mentionId, action },
    });
    await tx
      .update(conversations)
      .set({ lastActivityAt: sql`greatest(${conversations.lastActivityAt}, now())` })
      .where(sql`${conversations.id} = ${conversationId}`);
    await publish(tx, actor.workspaceId, [{ type: 'conversation', id: conversationId, change: 'updated' }]);
  });
  return { mentionId, action };
}
