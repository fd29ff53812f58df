import { sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { toJsonParam } from '../mentions/store';
import { toPgArray } from './link';
import { scoreContact } from './score';

/**
 * Recomputes what a contact's activity says about them: first touch (channel and date), last
 * activity, and the score with its reasons. Called after ingest for the contacts a page touched,
 * and after merges; one aggregate query and one update for any number of contacts.
 */
export async function refreshContacts(db: Db, workspaceId: string, contactIds: string[], now: Date): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const since90 = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const stats = rows<{
    contact_id: string;
    followers: number | null;
    mentions: number;
    recent: number;
    engagement: number | null;
    first_at: string | Date | null;
    first_platform: string | null;
    last_at: string | Date | null;
    sentiment: number | null;
    purchase: number;
    questions: number;
  }>(
    await db.execute(sql`
      select c.id as contact_id,
        (select max(followers) from identities i where i.contact_id = c.id) as followers,
        count(m.id)::int as mentions,
        count(m.id) filter (where m.posted_at >= ${since90}::timestamptz)::int as recent,
        coalesce(sum(coalesce((m.metrics->>'likes')::numeric, 0) + coalesce((m.metrics->>'reposts')::numeric, 0) + coalesce((m.metrics->>'replies')::numeric, 0)), 0)::float8 as engagement,
        min(m.posted_at) as first_at,
        (array_agg(m.platform order by m.posted_at, m.id) filter (where m.id is not null))[1] as first_platform,
        max(m.posted_at) as last_at,
        avg(case m.sentiment_override when 'positive' then 1 when 'negative' then -1 when 'neutral' then 0
          else case when m.sentiment_label in ('positive', 'negative', 'neutral') then m.sentiment_score end end)::float8 as sentiment,
        count(m.id) filter (where 'purchase_intent' = any(m.intents))::int as purchase,
        count(m.id) filter (where 'question' = any(m.intents))::int as questions
      from contacts c left join mentions m on m.contact_id = c.id and m.deleted_at is null
      where c.workspace_id = ${workspaceId}::uuid and c.id = any(${toPgArray(ids)}::uuid[])
      group by c.id`),
  );
  const toDate = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
  const updates = stats.map((s) => {
    const lastAt = toDate(s.last_at);
    const { score, reasons } = scoreContact(
      {
        followers: Number(s.followers ?? 0),
        mentions: s.mentions,
        mentionsLast90Days: s.recent,
        engagement: Number(s.engagement ?? 0),
        lastActivityAt: lastAt,
        sentiment: s.sentiment === null ? null : Number(s.sentiment),
        purchaseIntents: s.purchase,
        questions: s.questions,
      },
      now,
    );
    return { id: s.contact_id, score, reasons, followers: Number(s.followers ?? 0), sentiment: s.sentiment === null ? null : Number(s.sentiment), mentions: s.mentions, first_at: toDate(s.first_at)?.toISOString() ?? null, first_platform: s.first_platform, last_at: lastAt?.toISOString() ?? null };
  });
  await db.execute(sql`
    update contacts c set score = r.score, score_reasons = r.reasons, followers = r.followers, sentiment = r.sentiment, mention_count = r.mentions,
      first_touch_at = coalesce(least(c.first_touch_at, r.first_at), r.first_at),
      first_touch_channel = case when c.first_touch_at is null or r.first_at < c.first_touch_at then coalesce(r.first_platform, c.first_touch_channel) else c.first_touch_channel end,
      last_activity_at = greatest(c.last_activity_at, r.last_at)
    from jsonb_to_recordset(${toJsonParam(updates)}::jsonb) as r(id uuid, score integer, reasons jsonb, followers integer, sentiment real, mentions integer, first_at timestamptz, first_platform text, last_at timestamptz)
    where c.id = r.id`);
}
