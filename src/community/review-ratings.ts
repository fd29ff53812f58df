import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { dayEndSql, dayStartSql, localWeekSql, type SqlCalendar } from '../db/calendar-sql';
import type { Db } from '../db/types';
import { reviews } from './schema';

/**
 * The board's visible reviews written in a range of days (both included), counted per week and rating, days
 * and weeks in the workspace's calendar (its zone and week start, as the other reports count them): what the
 * ratings report (src/reports/ratings.ts) makes its distribution and averages from. Reports sit below
 * community, so composition hands this in as `deps.reviewRatings` (one statement).
 */
export async function reviewRatingCounts(
  db: Db,
  workspaceId: string,
  range: { from: string; to: string },
  cal: SqlCalendar,
  topicId?: string,
): Promise<{ week: string; rating: number; n: number }[]> {
  const week = localWeekSql(reviews.createdAt, cal);
  const found = await db
    .select({ week, rating: reviews.rating, n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(
      and(
        eq(reviews.workspaceId, workspaceId),
        eq(reviews.visibility, 'visible'),
        gte(reviews.createdAt, dayStartSql(range.from, cal.timeZone)),
        lt(reviews.createdAt, dayEndSql(range.to, cal.timeZone)),
        topicId ? eq(reviews.topicId, topicId) : undefined,
      ),
    )
    .groupBy(sql`1`, reviews.rating)
    .orderBy(sql`1`, reviews.rating);
  return found.map((r) => ({ week: r.week, rating: Number(r.rating), n: Number(r.n) }));
}
