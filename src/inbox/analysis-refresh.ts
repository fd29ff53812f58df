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
        sentiment_confidence = ${latest.confidence},
        updated_at = ${now.toISOString()}::timestamptz
      where c.id = ${conversationId}::uuid and c.workspace_id = ${workspaceId}::uuid
      returning c.priority_pinned, ${PRIORITY_FACT_COLUMNS}`),
  );
  if (!c) return;
  if (!c.priority_pinned) await savePriorities(db, [reprioritised(c, now)]);
  await publish(db, workspaceId, [{ type: 'conversation', id: c.id, change: 'updated' }]);
}

/**
 * After the workspace's confidence threshold changed, the conversations still being worked whose label's
 * confidence lies between the old and the new one get their priority again (an uncertain label raises
 * nothing); the caller changed the threshold in this transaction. Pinned priorities stay.
 */
export async function reprioritiseConfidenceBand(
  db: Db,
  workspaceId: string,
  band: { from: number; to: number },
  now: Date,
): Promise<number> {
  if (band.from >= band.to) return 0;
  const found = rows<PriorityFacts>(
    await db.execute(sql`
      select ${PRIORITY_FACT_COLUMNS} from conversations c
      where c.workspace_id = ${workspaceId}::uuid and c.status in ('open', 'pending', 'snoozed')
        and not c.priority_pinned
        and c.sentiment_confidence >= ${band.from} and c.sentiment_confidence < ${band.to}`),
  );
  if (found.length === 0) return 0;
  await savePriorities(
    db,
    found.map((c) => reprioritised(c, now)),
  );
  await publish(
    db,
    workspaceId,
    found.map((c) => ({ type: 'conversation', id: c.id, change: 'updated' })),
  );
  return found.length;
}
