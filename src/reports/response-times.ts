import { sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import type { Range } from './series';

/**
 * Inbox response times for conversations that started in a range: median first response and
 * resolution, and the share of first responses within SLA. Counted so breaches are not hidden:
 * a conversation still unanswered after its due time is a miss, not left out; one whose due time
 * has not come yet is not counted either way.
 */
export interface ResponseStats {
  conversations: number;
  answered: number;
  medianFirstResponseMinutes: number | null;
  resolved: number;
  medianResolutionMinutes: number | null;
  /** Within SLA / (answered + unanswered past due), in percent; null when nothing is due yet. */
  withinSlaPercent: number | null;
  breaches: number;
}

export interface AgentStats extends ResponseStats {
  userId: string | null;
  name: string;
}

export async function responseTimes(
  db: Db,
  workspaceId: string,
  range: Range,
  o: {
    platform?: string | undefined;
    topic?: string | undefined;
    language?: string | undefined;
    source?: string[] | undefined;
  },
  now: Date,
): Promise<{ overall: ResponseStats; byAgent: AgentStats[] }> {
  const list = rows<{
    user_id: string | null;
    name: string | null;
    is_total: boolean;
    conversations: number;
    answered: number;
    median_first: number | null;
    resolved: number;
    median_resolution: number | null;
    within: number;
    due: number;
  }>(
    await db.execute(sql`
      select c.assignee_id as user_id, coalesce(nullif(u.name, ''), u.email) as name,
        grouping(c.assignee_id) = 1 as is_total,
        count(*)::int as conversations,
        count(c.first_response_at)::int as answered,
        percentile_cont(0.5) within group (order by extract(epoch from (c.first_response_at - c.first_inbound_at)) / 60)
          filter (where c.first_response_at is not null) as median_first,
        count(c.resolved_at)::int as resolved,
        percentile_cont(0.5) within group (
          order by extract(epoch from (c.resolved_at - coalesce(c.sla_started_at, c.first_inbound_at))) / 60
        ) filter (where c.resolved_at is not null) as median_resolution,
        count(*) filter (where c.first_response_at is not null
          and c.first_response_at <= c.first_response_due_at)::int as within,
        count(*) filter (where c.first_response_at is not null
          or c.first_response_due_at <= ${now.toISOString()}::timestamptz)::int as due
      from conversations c left join users u on u.id = c.assignee_id
      where c.workspace_id = ${workspaceId}::uuid and c.status <> 'spam'
        and c.first_inbound_at >= (${range.from}::date::timestamp at time zone 'UTC')
        and c.first_inbound_at < ((${range.to}::date + 1)::timestamp at time zone 'UTC')
        ${o.platform ? sql`and c.platform = ${o.platform}` : sql``}
        ${o.topic ? sql`and c.topic_ids @> array[${o.topic}::uuid]` : sql``}
        ${o.language ? sql`and c.language = ${o.language}` : sql``}
        ${
          // Conversations come from social mentions, or from reviews on the board (community posts open none).
          o.source?.length && !(o.source.includes('mentions') && o.source.includes('reviews'))
            ? o.source.includes('mentions')
              ? sql`and c.platform <> 'community'`
              : o.source.includes('reviews')
                ? sql`and c.platform = 'community'`
                : sql`and false`
            : sql``
        }
      group by grouping sets ((c.assignee_id, coalesce(nullif(u.name, ''), u.email)), ())`),
  );
  const toStats = (r: (typeof list)[number]): ResponseStats => ({
    conversations: r.conversations,
    answered: r.answered,
    medianFirstResponseMinutes: r.median_first === null ? null : Math.round(Number(r.median_first)),
    resolved: r.resolved,
    medianResolutionMinutes: r.median_resolution === null ? null : Math.round(Number(r.median_resolution)),
    withinSlaPercent: r.due ? Math.round((r.within / r.due) * 1000) / 10 : null,
    breaches: r.due - r.within,
  });
  const total = list.find((r) => r.is_total);
  const empty: ResponseStats = {
    conversations: 0,
    answered: 0,
    medianFirstResponseMinutes: null,
    resolved: 0,
    medianResolutionMinutes: null,
    withinSlaPercent: null,
    breaches: 0,
  };
  return {
    overall: total ? toStats(total) : empty,
    byAgent: list
      .filter((r) => r !== total)
      .map((r) => ({
        ...toStats(r),
        userId: r.user_id,
        name: r.user_id ? (r.name ?? 'A former teammate') : 'Unassigned',
      }))
      .sort((a, b) => b.conversations - a.conversations),
  };
}
