import { sql } from 'drizzle-orm';
import { toJsonParam } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { conversationsAnalysis } from '../mentions';
import { publish } from './live';
import { PRIORITY_FACT_COLUMNS, type PriorityFacts, reprioritised, savePriorities } from './priority-columns';

/**
 * After a mention's sentiment or intents changed (staff corrected it, or re-analysis scored it again), its
 * conversation follows: the intents it is filtered by are the union of its posts' effective intents, its
 * sentiment the latest post's effective label, and its priority (unless staff set one) is computed again
 * from them. One read and one write for however many conversations; the live stream hears of each.
 */
export async function refreshConversationsAnalysis(
  db: Db,
  workspaceId: string,
  conversationIds: string[],
  now: Date,
): Promise<void> {
  const found = await conversationsAnalysis(db, conversationIds);
  if (found.length === 0) return;
  const changes = found.map((c) => ({
    id: c.conversationId,
    intents: c.intents,
    label: c.latest.label,
    score: c.latest.score,
    confidence: c.latest.confidence,
  }));
  const updated = rows<PriorityFacts & { priority_pinned: boolean }>(
    await db.execute(sql`
      update conversations c set intents = u.intents, sentiment_label = u.label, sentiment_score = u.score,
        sentiment_confidence = u.confidence, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${toJsonParam(changes)}::jsonb)
        as u(id uuid, intents text[], label text, score real, confidence real)
      where c.id = u.id and c.workspace_id = ${workspaceId}::uuid
      returning c.priority_pinned, ${PRIORITY_FACT_COLUMNS}`),
  );
  await savePriorities(
    db,
    updated.filter((c) => !c.priority_pinned).map((c) => reprioritised(c, now)),
  );
  await publish(
    db,
    workspaceId,
    updated.map((c) => ({ type: 'conversation', id: c.id, change: 'updated' })),
  );
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
