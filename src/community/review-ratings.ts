import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { reviews } from './schema';

/**
 * The board's visible reviews written in a range of UTC days (both included), counted per ISO week and
 * rating: what the ratings report (src/reports/ratings.ts) makes its distribution and averages from. Reports
 * sit below community, so composition hands this in as `deps.reviewRatings` (one statement).
 */
export async function reviewRatingCounts(
  db: Db,
  workspaceId: string,
  range: { from: string; to: string },
  topicId?: string,
): Promise<{ week: string; rating: number; n: number }[]> {
  const week = sql<string>`to_char(date_trunc('week', ${reviews.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const found = await db
    .select({ week, rating: reviews.rating, n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(
      and(
        eq(reviews.workspaceId, workspaceId),
        eq(reviews.visibility, 'visible'),
        gte(reviews.createdAt, sql`(${range.from}::date::timestamp at time zone 'UTC')`),
        lt(reviews.createdAt, sql`((${range.to}::date + 1)::timestamp at time zone 'UTC')`),
        topicId ? eq(reviews.topicId, topicId) : undefined,
      ),
    )
    .groupBy(sql`1`, reviews.rating)
    .orderBy(sql`1`, reviews.rating);
  return found.map((r) => ({ week: r.week, rating: Number(r.rating), n: Number(r.n) }));
}
