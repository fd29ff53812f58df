import { sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { publish } from './live';
import { priorityColumns, savePriorities, toDate } from './priority-columns';

/**
 * After staff correct a mention's sentiment or intents, its conversation follows: the intents it
 * is filtered by are the union of its posts' effective intents, its sentiment the latest post's
 * effective label, and its priority (unless staff set one) is computed again from them.
 */
export async function refreshConversationAnalysis(db: Db, workspaceId: string, conversationId: string, now: Date): Promise<void> {
  const [c] = rows<{
    id: string;
    priority_pinned: boolean;
    intents: string[];
    sentiment_label: string | null;
    sentiment_score: number | null;
    author_followers: number | null;
    waiting_since: string | Date | null;
    first_inbound_at: string | Date;
  }>(
    await db.execute(sql`
      update conversations c set
        intents = coalesce((select array(select distinct unnest(coalesce(m.intents_override, m.intents))) from mentions m where m.conversation_id = c.id), '{}'),
        sentiment_label = coalesce(l.label, c.sentiment_label),
        sentiment_score = case l.override when 'positive' then 1 when 'negative' then -1 when 'neutral' then 0 else l.score end,
        updated_at = ${now.toISOString()}::timestamptz
      from (
        select coalesce(m.sentiment_override, m.sentiment_label) as label, m.sentiment_override as override, m.sentiment_score as score
        from mentions m where m.conversation_id = ${conversationId}::uuid order by m.posted_at desc, m.id desc limit 1
      ) l
      where c.id = ${conversationId}::uuid and c.workspace_id = ${workspaceId}::uuid
      returning c.id, c.priority_pinned, c.intents, c.sentiment_label, c.sentiment_score, c.author_followers, c.waiting_since, c.first_inbound_at`),
  );
  if (!c) return;
  if (!c.priority_pinned) {
    await savePriorities(db, [
      {
        id: c.id,
        ...priorityColumns({ intents: c.intents, sentimentLabel: c.sentiment_label, sentimentScore: c.sentiment_score, authorFollowers: c.author_followers, waitingSince: toDate(c.waiting_since), firstInboundAt: toDate(c.first_inbound_at)! }, now),
      },
    ]);
  }
  await publish(db, workspaceId, [{ type: 'conversation', id: c.id, change: 'updated' }]);
}
