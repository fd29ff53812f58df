import { sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { publish } from './live';
import { PRIORITY_FACT_COLUMNS, type PriorityFacts, reprioritised, savePriorities } from './priority-columns';

/**
 * After staff correct a mention's sentiment or intents, its conversation follows: the intents it
 * is filtered by are the union of its posts' effective intents, its sentiment the latest post's
 * effective label, and its priority (unless staff set one) is computed again from them.
 */
export async function refreshConversationAnalysis(
  db: Db,
  workspaceId: string,
  conversationId: string,
  now: Date,
): Promise<void> {
  const [c] = rows<PriorityFacts & { priority_pinned: boolean }>(
    await db.execute(sql`
      update conversations c set
        intents = coalesce((
          select array(select distinct unnest(coalesce(m.intents_override, m.intents)))
          from mentions m where m.conversation_id = c.id
        ), '{}'),
        sentiment_label = coalesce(l.label, c.sentiment_label),
        sentiment_score = case l.override
          when 'positive' then 1 when 'negative' then -1 when 'neutral' then 0 else l.score end,
        updated_at = ${now.toISOString()}::timestamptz
      from (
        select coalesce(m.sentiment_override, m.sentiment_label) as label, m.sentiment_override as override,
          m.sentiment_score as score
        from mentions m where m.conversation_id = ${conversationId}::uuid order by m.posted_at desc, m.id desc limit 1
      ) l
      where c.id = ${conversationId}::uuid and c.workspace_id = ${workspaceId}::uuid
      returning c.priority_pinned, ${sql.raw(PRIORITY_FACT_COLUMNS)}`),
  );
  if (!c) return;
  if (!c.priority_pinned) await savePriorities(db, [reprioritised(c, now)]);
  await publish(db, workspaceId, [{ type: 'conversation', id: c.id, change: 'updated' }]);
}
