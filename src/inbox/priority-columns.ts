import { type SQL, sql } from 'drizzle-orm';
import { confidenceThresholdOf } from '../accounts';
import { toJsonParam } from '../db/params';
import { toDate } from '../db/rows';
import type { Db } from '../db/types';
import { computePriority } from './priority';
import { storedReason } from './priority-reason';
import { slaDue } from './sla';

/** A conversation's priority, its reason and SLA due times, as columns. */
export function priorityColumns(
  c: {
    intents: string[];
    sentimentLabel: string | null;
    sentimentScore: number | null;
    sentimentConfidence: number | null;
    authorFollowers: number | null;
    waitingSince: Date | null;
    firstInboundAt: Date;
    slaStartedAt: Date;
  },
  now: Date,
  confidenceThreshold: number,
) {
  const p = computePriority({
    intents: c.intents,
    sentimentLabel: c.sentimentLabel,
    sentimentScore: c.sentimentScore,
    sentimentConfidence: c.sentimentConfidence,
    confidenceThreshold,
    followers: c.authorFollowers,
    waitingMinutes: c.waitingSince ? Math.max(0, (now.getTime() - c.waitingSince.getTime()) / 60_000) : 0,
  });
  // The first response is due from the first post; resolution from the start of the current cycle.
  return {
    priority: p.priority,
    priority_rank: p.rank,
    priority_reason: storedReason(p.facts),
    first_response_due_at: slaDue(p.priority, c.firstInboundAt).firstResponseDueAt.toISOString(),
    resolution_due_at: slaDue(p.priority, c.slaStartedAt).resolutionDueAt.toISOString(),
  };
}

/** The columns priority is computed from, as a conversation row comes back from raw SQL. */
export interface PriorityFacts {
  id: string;
  intents: string[];
  sentiment_label: string | null;
  sentiment_score: number | null;
  sentiment_confidence: number | null;
  /** The workspace's confidence threshold (read with the row, so a sweep across workspaces needs no lookup). */
  confidence_threshold: number;
  author_followers: number | null;
  waiting_since: string | Date | null;
  first_inbound_at: string | Date;
  sla_started_at: string | Date | null;
}

/** SQL column list matching PriorityFacts, for `returning` and `select` (conversations aliased `c`). */
export const PRIORITY_FACT_COLUMNS: SQL = sql`c.id, c.intents, c.sentiment_label, c.sentiment_score,
  c.sentiment_confidence, ${confidenceThresholdOf(sql.raw('c.workspace_id'))} as confidence_threshold,
  c.author_followers, c.waiting_since, c.first_inbound_at, c.sla_started_at`;

/** A conversation row's priority recomputed at `now`, ready for savePriorities. */
export const reprioritised = (c: PriorityFacts, now: Date) => ({
  id: c.id,
  ...priorityColumns(
    {
      intents: c.intents,
      sentimentLabel: c.sentiment_label,
      sentimentScore: c.sentiment_score,
      sentimentConfidence: c.sentiment_confidence === null ? null : Number(c.sentiment_confidence),
      authorFollowers: c.author_followers,
      waitingSince: toDate(c.waiting_since),
      firstInboundAt: toDate(c.first_inbound_at)!,
      slaStartedAt: toDate(c.sla_started_at ?? c.first_inbound_at)!,
    },
    now,
    Number(c.confidence_threshold),
  ),
});

export async function savePriorities(
  db: Db,
  updates: ({ id: string } & ReturnType<typeof priorityColumns>)[],
): Promise<void> {
  if (updates.length === 0) return;
  await db.execute(sql`
    update conversations c set priority = r.priority, priority_rank = r.priority_rank,
      priority_reason = r.priority_reason, first_response_due_at = r.first_response_due_at,
      resolution_due_at = r.resolution_due_at
    from jsonb_to_recordset(${toJsonParam(updates)}::jsonb)
      as r(id uuid, priority text, priority_rank integer, priority_reason text, first_response_due_at timestamptz,
        resolution_due_at timestamptz)
    where c.id = r.id`);
}
