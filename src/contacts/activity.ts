import { sql } from 'drizzle-orm';
import { toJsonParam, toPgArray } from '../db/params';
import { mentionFacts } from '../mentions';
import { rows, toDate } from '../db/rows';
import type { Db } from '../db/types';
import { scoreContact } from './score';

/**
 * What a contact's activity says about them: mention count, engagement, mean sentiment, purchase
 * intents and questions (running totals on the contact row), first touch (channel and date), last
 * activity, and the score with its reasons.
 *
 * Ingest adds a page's new mentions to the totals (`addActivity`): a few statements a page,
 * whatever the contact's history, so a prolific account costs no more than a quiet one. Merges,
 * undos and staff sentiment corrections recount from the mentions themselves (`recountContacts`).
 */

/** One newly stored mention, as the totals need it. */
export interface MentionFacts {
  contactId: string;
  postedAt: Date;
  platform: string;
  engagement: number;
  /** -1..1 when the analyzer scored it; null for unscored languages. */
  sentiment: number | null;
  purchaseIntent: boolean;
  question: boolean;
}

/** Likes, reposts and replies a post got (whatever the platform calls them in metrics). */
export const engagementOf = (metrics: Record<string, number>) =>
  (metrics.likes ?? 0) +
  (metrics.reposts ?? 0) +
  (metrics.replies ?? 0) +
  (metrics.score ?? 0) +
  (metrics.comments ?? 0);

interface Totals {
  id: string;
  followers: number | null;
  mention_count: number;
  engagement: number;
  sentiment: number | null;
  purchase_intents: number;
  questions: number;
  last_activity_at: string | Date | null;
}

/** A contact's running totals as stored, before a page's mentions are added. */
interface Current {
  id: string;
  followers: number | string;
  mention_count: number;
  engagement: number | string;
  sentiment_sum: number | string;
  sentiment_count: number;
  purchase_intents: number;
  questions: number;
  first_touch_at: string | Date | null;
  first_touch_channel: string | null;
  last_activity_at: string | Date | null;
}

export async function addActivity(db: Db, workspaceId: string, facts: MentionFacts[], now: Date): Promise<void> {
  if (facts.length === 0) return;
  const deltas = new Map<
    string,
    {
      id: string;
      n: number;
      engagement: number;
      s_sum: number;
      s_n: number;
      purchase: number;
      questions: number;
      first_at: Date;
      first_platform: string;
      last_at: Date;
    }
  >();
  for (const f of facts) {
    let d = deltas.get(f.contactId);
    if (!d) {
      d = {
        id: f.contactId,
        n: 0,
        engagement: 0,
        s_sum: 0,
        s_n: 0,
        purchase: 0,
        questions: 0,
        first_at: f.postedAt,
        first_platform: f.platform,
        last_at: f.postedAt,
      };
      deltas.set(f.contactId, d);
    }
    d.n++;
    d.engagement += Math.max(0, Math.round(f.engagement));
    if (f.sentiment !== null) {
      d.s_sum += f.sentiment;
      d.s_n++;
    }
    if (f.purchaseIntent) d.purchase++;
    if (f.question) d.questions++;
    if (f.postedAt < d.first_at) {
      d.first_at = f.postedAt;
      d.first_platform = f.platform;
    }
    if (f.postedAt > d.last_at) d.last_at = f.postedAt;
  }
  // Read (and lock, in id order so two pages never wait on each other crosswise) the running totals, then write
  // totals and score in one statement: one new row version a contact a page, not two.
  const current = rows<Current>(
    await db.execute(sql`
      select c.id, c.mention_count, c.engagement, c.sentiment_sum, c.sentiment_count, c.purchase_intents,
        c.questions, c.first_touch_at, c.first_touch_channel, c.last_activity_at,
        coalesce((select max(i.followers) from identities i where i.contact_id = c.id), 0) as followers
      from contacts c
      where c.workspace_id = ${workspaceId}::uuid and c.id = any(${toPgArray([...deltas.keys()])}::uuid[])
      order by c.id for update`),
  );
  const next = current.map((c) => {
    const d = deltas.get(c.id)!;
    const firstAt = toDate(c.first_touch_at);
    const lastAt = toDate(c.last_activity_at);
    const sSum = Number(c.sentiment_sum) + d.s_sum;
    const sN = c.sentiment_count + d.s_n;
    const firstIsNew = firstAt === null || d.first_at < firstAt;
    const totals = {
      id: c.id,
      followers: Number(c.followers),
      mention_count: c.mention_count + d.n,
      engagement: Number(c.engagement) + d.engagement,
      // The sum as the real column keeps it, so the mean equals what a recount computes.
      sentiment: sN > 0 ? Math.fround(sSum) / sN : null,
      purchase_intents: c.purchase_intents + d.purchase,
      questions: c.questions + d.questions,
      last_activity_at: lastAt === null || d.last_at > lastAt ? d.last_at : lastAt,
    };
    const { score, reasons } = scoreOf(totals, now);
    return {
      ...totals,
      sentiment_sum: sSum,
      sentiment_count: sN,
      first_touch_at: firstIsNew ? d.first_at : firstAt,
      first_touch_channel: firstIsNew ? d.first_platform : c.first_touch_channel,
      score,
      reasons,
    };
  });
  if (next.length === 0) return;
  await db.execute(sql`
    update contacts c set mention_count = r.mention_count, engagement = r.engagement,
      sentiment_sum = r.sentiment_sum, sentiment_count = r.sentiment_count, sentiment = r.sentiment,
      purchase_intents = r.purchase_intents, questions = r.questions, first_touch_at = r.first_touch_at,
      first_touch_channel = r.first_touch_channel, last_activity_at = r.last_activity_at, followers = r.followers,
      score = r.score, score_reasons = r.reasons
    from jsonb_to_recordset(${toJsonParam(next)}::jsonb) as r(id uuid, mention_count integer, engagement integer,
      sentiment_sum real, sentiment_count integer, sentiment real, purchase_intents integer, questions integer,
      first_touch_at timestamptz, first_touch_channel text, last_activity_at timestamptz, followers integer,
      score integer, reasons jsonb)
    where c.id = r.id`);
}

/** Recounts the totals from the contacts' mentions (after merges, undos, corrections). */
export async function recountContacts(db: Db, workspaceId: string, contactIds: string[], now: Date): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const m = mentionFacts(workspaceId, { contactIds: ids, withoutDeleted: true });
  const totals = rows<Totals>(
    await db.execute(sql`
      update contacts c set mention_count = a.n, engagement = a.engagement, sentiment_sum = a.s_sum,
        sentiment_count = a.s_n, sentiment = case when a.s_n > 0 then a.s_sum / a.s_n end,
        purchase_intents = a.purchase, questions = a.questions,
        first_touch_at = a.first_at, first_touch_channel = a.first_platform,
        last_activity_at = greatest(a.last_at,
          (select max(n.created_at) from contact_notes n where n.contact_id = c.id)),
        followers = coalesce((select max(i.followers) from identities i where i.contact_id = c.id), 0)
      from (
        select c2.id,
          count(${m.id})::int as n,
          coalesce(sum(coalesce((${m.metrics}->>'likes')::numeric, 0)
            + coalesce((${m.metrics}->>'reposts')::numeric, 0) + coalesce((${m.metrics}->>'replies')::numeric, 0)
            + coalesce((${m.metrics}->>'score')::numeric, 0) + coalesce((${m.metrics}->>'comments')::numeric, 0)),
            0)::int as engagement,
          coalesce(sum(${m.sentiment}), 0)::real as s_sum,
          count(${m.sentiment})::int as s_n,
          count(${m.id}) filter (where 'purchase_intent' = any(${m.intents}))::int as purchase,
          count(${m.id}) filter (where 'question' = any(${m.intents}))::int as questions,
          min(${m.postedAt}) as first_at,
          (array_agg(${m.platform} order by ${m.postedAt}, ${m.id}) filter (where ${m.id} is not null))[1]
            as first_platform,
          max(${m.postedAt}) as last_at
        from contacts c2 left join ${m} on ${m.contactId} = c2.id
        where c2.workspace_id = ${workspaceId}::uuid and c2.id = any(${toPgArray(ids)}::uuid[])
        group by c2.id
      ) a
      where c.id = a.id
      returning c.id, c.followers, c.mention_count, c.engagement, c.sentiment, c.purchase_intents, c.questions,
        c.last_activity_at`),
  );
  await saveScores(db, totals, now);
}

function scoreOf(t: Totals, now: Date) {
  return scoreContact(
    {
      followers: Number(t.followers ?? 0),
      mentions: t.mention_count,
      engagement: Number(t.engagement),
      lastActivityAt: toDate(t.last_activity_at),
      sentiment: t.sentiment === null ? null : Number(t.sentiment),
      purchaseIntents: t.purchase_intents,
      questions: t.questions,
    },
    now,
  );
}

async function saveScores(db: Db, totals: Totals[], now: Date) {
  if (totals.length === 0) return;
  const scores = totals.map((t) => ({ id: t.id, ...scoreOf(t, now) }));
  await db.execute(sql`
    update contacts c set score = r.score, score_reasons = r.reasons
    from jsonb_to_recordset(${toJsonParam(scores)}::jsonb) as r(id uuid, score integer, reasons jsonb)
    where c.id = r.id`);
}
