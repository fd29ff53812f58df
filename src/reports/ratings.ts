import { sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import type { Range } from './series';

/** Reviews written in a range: how many of each rating, the average, and the average per week. */
export async function ratingStats(
  db: Db,
  workspaceId: string,
  range: Range,
  topicId?: string,
  f: { platform?: string | undefined; source?: string[] | undefined } = {},
) {
  // Reviews are community posts: another platform, or sources without reviews, have none.
  const none = (f.platform && f.platform !== 'community') || (f.source?.length && !f.source.includes('reviews'));
  const where = sql`workspace_id = ${workspaceId}::uuid and visibility = 'visible' ${none ? sql`and false` : sql``}
    and created_at >= (${range.from}::date::timestamp at time zone 'UTC')
    and created_at < ((${range.to}::date + 1)::timestamp at time zone 'UTC')
    ${topicId ? sql`and topic_id = ${topicId}::uuid` : sql``}`;
  const [dist, weeks] = await Promise.all([
    db.execute(sql`select rating, count(*)::int as n from reviews where ${where} group by 1`),
    db.execute(
      sql`select to_char(date_trunc('week', created_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
        avg(rating)::float8 as average, count(*)::int as n
        from reviews where ${where} group by 1 order by 1`,
    ),
  ]);
  const distribution: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of rows<{ rating: number; n: number }>(dist)) distribution[Number(r.rating) as 1] = Number(r.n);
  const total = Object.values(distribution).reduce((a, b) => a + b, 0);
  const average = total
    ? Math.round((Object.entries(distribution).reduce((a, [k, v]) => a + Number(k) * v, 0) / total) * 100) / 100
    : null;
  return {
    total,
    average,
    distribution,
    weeks: rows<{ week: string; average: number; n: number }>(weeks).map((w) => ({
      week: w.week,
      average: Math.round(Number(w.average) * 100) / 100,
      count: Number(w.n),
    })),
  };
}
