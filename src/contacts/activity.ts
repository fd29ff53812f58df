import { sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { toJsonParam } from '../mentions/store';
import { toPgArray } from './link';
import { scoreContact } from './score';

/**
 * Recomputes what a contact's activity says about them: first touch (channel and date), last
 * activity, and the score with its reasons. Called after ingest for the contacts a page touched
 * (with `added`: what the page inserted, counted incrementally) and after merges (without it:
 * counted in full). The score reads a contact's latest 100 mentions, so a prolific account costs
 * the same per page as a quiet one.
 */
export interface AddedActivity {
  inserted: number;
  firstAt: Date;
  firstPlatform: string;
}

// The latest 100 mentions: enough to judge recent engagement, and what keeps ingest at target speed.
const WINDOW = 100;

export async function refreshContacts(db: Db, workspaceId: string, contactIds: string[], now: Date, added?: Map<string, AddedActivity>): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const since90 = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const full = !added;
  const stats = rows<{
    contact_id: string;
    old_count: number;
    old_first_at: string | Date | null;
    old_first_channel: string | null;
    followers: number | null;
    total: number | null;
    recent: number | null;
    engagement: number | null;
    first_at: string | Date | null;
    first_platform: string | null;
    last_at: string | Date | null;
    sentiment: number | null;
    purchase: number | null;
    questions: number | null;
  }>(
    await db.execute(sql`
      select c.id as contact_id, c.mention_count as old_count, c.first_touch_at as old_first_at, c.first_touch_channel as old_first_channel,
        (select max(followers) from identities i where i.contact_id = c.id) as followers,
        a.total, a.first_at, a.first_platform,
        w.recent, w.engagement, w.last_at, w.sentiment, w.purchase, w.questions
      from contacts c
      left join lateral (
        select count(*) filter (where m.posted_at >= ${since90}::timestamptz)::int as recent,
          coalesce(sum(coalesce((m.metrics->>'likes')::numeric, 0) + coalesce((m.metrics->>'reposts')::numeric, 0) + coalesce((m.metrics->>'replies')::numeric, 0)), 0)::float8 as engagement,
          max(m.posted_at) as last_at,
          avg(case m.sentiment_override when 'positive' then 1 when 'negative' then -1 when 'neutral' then 0
            else case when m.sentiment_label in ('positive', 'negative', 'neutral') then m.sentiment_score end end)::float8 as sentiment,
          count(*) filter (where 'purchase_intent' = any(m.intents))::int as purchase,
          count(*) filter (where 'question' = any(m.intents))::int as questions
        from (select * from mentions m where m.contact_id = c.id and m.deleted_at is null order by m.posted_at desc limit ${WINDOW}) m
      ) w on true
      left join lateral (
        select count(*)::int as total, min(m.posted_at) as first_at, (array_agg(m.platform order by m.posted_at, m.id))[1] as first_platform
        from mentions m where ${full} and m.contact_id = c.id and m.deleted_at is null
      ) a on true
      where c.workspace_id = ${workspaceId}::uuid and c.id = any(${toPgArray(ids)}::uuid[])`),
  );
  const toDate = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
  const updates = stats.map((s) => {
    const lastAt = toDate(s.last_at);
    const delta = added?.get(s.contact_id);
    let firstAt = toDate(s.old_first_at);
    let firstChannel = s.old_first_channel;
    let mentions = s.old_count;
    if (full) {
      mentions = s.total ?? 0;
      firstAt = toDate(s.first_at);
      firstChannel = s.first_platform;
    } else if (delta) {
      mentions += delta.inserted;
      if (!firstAt || delta.firstAt < firstAt) (firstAt = delta.firstAt), (firstChannel = delta.firstPlatform);
    }
    const { score, reasons } = scoreContact(
      {
        followers: Number(s.followers ?? 0),
        mentions,
        mentionsLast90Days: s.recent ?? 0,
        engagement: Number(s.engagement ?? 0),
        lastActivityAt: lastAt,
        sentiment: s.sentiment === null ? null : Number(s.sentiment),
        purchaseIntents: s.purchase ?? 0,
        questions: s.questions ?? 0,
      },
      now,
    );
    return {
      id: s.contact_id,
      score,
      reasons,
      followers: Number(s.followers ?? 0),
      sentiment: s.sentiment === null ? null : Number(s.sentiment),
      mentions,
      first_at: firstAt?.toISOString() ?? null,
      first_platform: firstChannel,
      last_at: lastAt?.toISOString() ?? null,
    };
  });
  // Merges reset first touch to what the activity says; ingest only moves it earlier.
  await db.execute(sql`
    update contacts c set score = r.score, score_reasons = r.reasons, followers = r.followers, sentiment = r.sentiment, mention_count = r.mentions,
      first_touch_at = r.first_at, first_touch_channel = r.first_platform,
      last_activity_at = greatest(c.last_activity_at, r.last_at)
    from jsonb_to_recordset(${toJsonParam(updates)}::jsonb) as r(id uuid, score integer, reasons jsonb, followers integer, sentiment real, mentions integer,
      first_at timestamptz, first_platform text, last_at timestamptz)
    where c.id = r.id`);
}
