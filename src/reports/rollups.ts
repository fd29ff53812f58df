import { sql } from 'drizzle-orm';
import { toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';

/** The channel a mention reports under: social platforms, community reviews, other community posts. */
const CHANNEL = sql.raw(`case when m.platform <> 'community' then 'mentions' when m.external_id like 'review:%' then 'reviews' else 'community' end`);
const LABEL = sql.raw(`coalesce(m.sentiment_override, m.sentiment_label, 'unscored')`);
const DAY = sql.raw(`(m.posted_at at time zone 'UTC')::date`);

/**
 * Adds (sign 1) or takes away (sign -1) the given mentions, as they are now, from the rollups.
 * Changing a mention is "take away, change, add": the counts follow whatever changed.
 */
export async function applyToRollups(db: Db, mentionIds: string[], sign: 1 | -1): Promise<void> {
  if (mentionIds.length === 0) return;
  const ids = toPgArray(mentionIds);
  await db.execute(sql`
    insert into report_daily as r (workspace_id, day, channel, platform, language, label, n)
    select m.workspace_id, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''), ${LABEL}, ${sign}::int * count(*)::int
    from mentions m where m.id = any(${ids}::uuid[])
    group by 1, 2, 3, 4, 5, 6
    on conflict (workspace_id, day, channel, platform, language, label) do update set n = r.n + excluded.n`);
  await db.execute(sql`
    insert into report_topic_daily as r (workspace_id, topic_id, day, channel, platform, language, label, n)
    select m.workspace_id, t.topic_id, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''), ${LABEL}, ${sign}::int * count(*)::int
    from mentions m cross join lateral unnest(m.topic_ids) as t(topic_id)
    where m.id = any(${ids}::uuid[])
    group by 1, 2, 3, 4, 5, 6, 7
    on conflict (workspace_id, topic_id, day, channel, platform, language, label) do update set n = r.n + excluded.n`);
}

/** Ids of the mentions of a page that are already stored (their edit must leave the rollups first). */
export async function storedIds(db: Db, workspaceId: string, platform: string, externalIds: string[]): Promise<string[]> {
  if (externalIds.length === 0) return [];
  return rows<{ id: string }>(
    await db.execute(sql`select id from mentions where workspace_id = ${workspaceId}::uuid and platform = ${platform} and external_id = any(${toPgArray(externalIds)}::text[])`),
  ).map((x) => x.id);
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Recounts a workspace's rollups from its mentions, a month at a time, reporting progress. Safe to
 * run again; each month is replaced in one transaction, so reports stay whole while it runs.
 */
export async function rebuildRollups(db: Db, workspaceId: string, onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
  const months = rows<{ month: string }>(
    await db.execute(sql`select distinct to_char(date_trunc('month', posted_at at time zone 'UTC'), 'YYYY-MM-DD') as month from mentions where workspace_id = ${workspaceId}::uuid order by 1`),
  ).map((x) => x.month);
  const progress = { done: 0, total: months.length };
  onProgress?.({ ...progress });
  // Months without mentions any more keep no counts.
  const kept = toPgArray(months);
  await db.execute(sql`delete from report_daily where workspace_id = ${workspaceId}::uuid and to_char(date_trunc('month', day), 'YYYY-MM-DD') <> all(${kept}::text[])`);
  await db.execute(sql`delete from report_topic_daily where workspace_id = ${workspaceId}::uuid and to_char(date_trunc('month', day), 'YYYY-MM-DD') <> all(${kept}::text[])`);
  for (const month of months) {
    await db.transaction(async (tx) => {
      const range = sql`day >= ${month}::date and day < (${month}::date + interval '1 month')::date`;
      await tx.execute(sql`delete from report_daily where workspace_id = ${workspaceId}::uuid and ${range}`);
      await tx.execute(sql`delete from report_topic_daily where workspace_id = ${workspaceId}::uuid and ${range}`);
      const inMonth = sql`m.workspace_id = ${workspaceId}::uuid and m.posted_at >= (${month}::date::timestamp at time zone 'UTC') and m.posted_at < ((${month}::date + interval '1 month')::timestamp at time zone 'UTC')`;
      await tx.execute(sql`
        insert into report_daily (workspace_id, day, channel, platform, language, label, n)
        select ${workspaceId}::uuid, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''), ${LABEL}, count(*)::int
        from mentions m where ${inMonth} group by 2, 3, 4, 5, 6`);
      await tx.execute(sql`
        insert into report_topic_daily (workspace_id, topic_id, day, channel, platform, language, label, n)
        select ${workspaceId}::uuid, t.topic_id, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''), ${LABEL}, count(*)::int
        from mentions m cross join lateral unnest(m.topic_ids) as t(topic_id) where ${inMonth} group by 2, 3, 4, 5, 6, 7`);
    });
    progress.done++;
    onProgress?.({ ...progress });
  }
  return progress;
}
