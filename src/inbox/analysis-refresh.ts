import { sql } from 'drizzle-orm';
import { toJsonParam } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { conversationAnalysis } from '../mentions';
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
  const { intents, latest } = await conversationAnalysis(db, conversationId);
  if (!latest) return;
  const [c] = rows<PriorityFacts & { priority_pinned: boolean }>(
    await db.execute(sql`
      update conversations c set
        intents = array(select jsonb_array_elements_text(${toJsonParam(intents)}::jsonb)),
        sentiment_label = ${latest.label},
        sentiment_score = ${latest.score},
        updated_at = ${now.toISOString()}::timestamptz
      where c.id = ${conversationId}::uuid and c.workspace_id = ${workspaceId}::uuid
      returning c.priority_pinned, ${sql.raw(PRIORITY_FACT_COLUMNS)}`),
  );
  if (!c) return;
  if (!c.priority_pinned) await savePriorities(db, [reprioritised(c, now)]);
  await publish(db, workspaceId, [{ type: 'conversation', id: c.id, change: 'updated' }]);
}
