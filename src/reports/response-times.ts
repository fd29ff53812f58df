import { and, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { allStaff } from '../accounts';
import type { Db } from '../db/types';
import { conversationFacts } from '../inbox';
import { dayEndSql, dayStartSql, type ReportCalendar } from './calendar';
import type { Range } from './series';

/**
 * Inbox response times for conversations that started in a range: median first response and
 * resolution, and the share of first responses within SLA. Counted so breaches are not hidden:
 * a conversation still unanswered after its due time is a miss, not left out; one whose due time
 * has not come yet is not counted either way. A conversation started on a day of the range in the
 * workspace's time zone.
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
  cal: Pick<ReportCalendar, 'timeZone'>,
): Promise<{ overall: ResponseStats; byAgent: AgentStats[] }> {
  const c = conversationFacts(workspaceId);
  const [list, staff] = await Promise.all([
    db
      .select({
        userId: c.assigneeId,
        isTotal: sql<boolean>`grouping(${c.assigneeId}) = 1`,
        conversations: sql<number>`count(*)::int`,
        answered: sql<number>`count(${c.firstResponseAt})::int`,
        medianFirst: sql<number | null>`percentile_cont(0.5) within group (
          order by extract(epoch from (${c.firstResponseAt} - ${c.firstInboundAt})) / 60)
          filter (where ${c.firstResponseAt} is not null)`,
        resolved: sql<number>`count(${c.resolvedAt})::int`,
        medianResolution: sql<number | null>`percentile_cont(0.5) within group (
          order by extract(epoch from (${c.resolvedAt} - coalesce(${c.slaStartedAt}, ${c.firstInboundAt}))) / 60
        ) filter (where ${c.resolvedAt} is not null)`,
        within: sql<number>`count(*) filter (where ${c.firstResponseAt} is not null
          and ${c.firstResponseAt} <= ${c.firstResponseDueAt})::int`,
        due: sql<number>`count(*) filter (where ${c.firstResponseAt} is not null
          or ${c.firstResponseDueAt} <= ${now.toISOString()}::timestamptz)::int`,
      })
      .from(c)
      .where(
        and(
          ne(c.status, 'spam'),
          gte(c.firstInboundAt, dayStartSql(range.from, cal.timeZone)),
          lt(c.firstInboundAt, dayEndSql(range.to, cal.timeZone)),
          o.platform ? sql`${c.platform} = ${o.platform}` : undefined,
          o.topic ? sql`${c.topicIds} @> array[${o.topic}::uuid]` : undefined,
          o.language ? eq(c.language, o.language) : undefined,
          // Conversations come from social mentions, or from reviews on the board (community posts open none).
          o.source?.length && !(o.source.includes('mentions') && o.source.includes('reviews'))
            ? o.source.includes('mentions')
              ? sql`${c.platform} <> 'community'`
              : o.source.includes('reviews')
                ? sql`${c.platform} = 'community'`
                : sql`false`
            : undefined,
        ),
      )
      .groupBy(sql`grouping sets ((${c.assigneeId}), ())`),
    // Names from accounts (disabled teammates too: their past work still counts under their name).
    allStaff(db, workspaceId),
  ]);
  const names = new Map(staff.map((u) => [u.id, u.name || u.email]));
  const toStats = (r: (typeof list)[number]): ResponseStats => {
    const [due, within] = [Number(r.due), Number(r.within)];
    return {
      conversations: Number(r.conversations),
      answered: Number(r.answered),
      medianFirstResponseMinutes: r.medianFirst === null ? null : Math.round(Number(r.medianFirst)),
      resolved: Number(r.resolved),
      medianResolutionMinutes: r.medianResolution === null ? null : Math.round(Number(r.medianResolution)),
      withinSlaPercent: due ? Math.round((within / due) * 1000) / 10 : null,
      breaches: due - within,
    };
  };
  const total = list.find((r) => r.isTotal);
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
        userId: r.userId,
        name: r.userId ? (names.get(r.userId) ?? 'A former teammate') : 'Unassigned',
      }))
      .sort((a, b) => b.conversations - a.conversations),
  };
}
