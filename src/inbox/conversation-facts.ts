import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { conversations } from './schema';

const qb = new QueryBuilder();

/**
 * The conversations as another feature's own query reads them (reports' response times and the digest's
 * open work): a subquery over this feature's columns, aliased `c`, selected and filtered by its typed fields.
 * PostgreSQL pulls it up into the caller's query. `workspaceId`: only that workspace's conversations.
 */
export function conversationFacts(workspaceId?: string) {
  return qb
    .select({
      id: conversations.id,
      workspaceId: conversations.workspaceId,
      platform: conversations.platform,
      status: conversations.status,
      assigneeId: conversations.assigneeId,
      topicIds: conversations.topicIds,
      language: conversations.language,
      firstInboundAt: conversations.firstInboundAt,
      firstResponseAt: conversations.firstResponseAt,
      firstResponseDueAt: conversations.firstResponseDueAt,
      resolvedAt: conversations.resolvedAt,
      slaStartedAt: conversations.slaStartedAt,
    })
    .from(conversations)
    .where(workspaceId === undefined ? undefined : eq(conversations.workspaceId, workspaceId))
    .as('c');
}
