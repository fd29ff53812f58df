import { type SQL, sql } from 'drizzle-orm';
import { toJsonParam, toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { hashtagTerms } from '../sentiment';
import { ALL_TOPICS, reportAuthorDaily, reportDaily, reportTermsDaily, reportTopicDaily } from './schema';

/** The channel a mention reports under: social platforms, community reviews, other community posts. */
const CHANNEL = sql.raw(
  `case when m.platform <> 'community' then 'mentions'
    when m.external_id like 'review:%' then 'reviews' else 'community' end`,
);
const LABEL_SQL = `coalesce(m.sentiment_override, m.sentiment_label, 'unscored')`;
const LABEL = sql.raw(LABEL_SQL);
const DAY = sql.raw(`(m.posted_at at time zone 'UTC')::date`);
/**
 * A mention's key terms, hashtags and aspects, each once, with the sentiment they count under. The
 * hashtags are the ones the store wrote beside the text by the one rule (sentiment/hashtags.ts).
 */
const TERMS = sql.raw(`cross join lateral (
  select 'term'::text as kind, k as term, ${LABEL_SQL} as label from unnest(m.key_terms) as k
  union
  select 'hashtag', h, ${LABEL_SQL} from unnest(m.hashtags) as h
  union
  select 'aspect', a->>'term', a->>'sentiment' from jsonb_array_elements(m.aspects) as a
) t`);

/** Every mention counts once under "all topics" and once under each of its topics. */
const TOPICS = sql.raw(
  `cross join lateral (select '${ALL_TOPICS}'::uuid as topic_id union select unnest(m.topic_ids)) as tp`,
);
const ROLLUP_TABLES = [reportDaily, reportTopicDaily, reportTermsDaily, reportAuthorDaily];

export interface TermFact {
  kind: 'term' | 'hashtag' | 'aspect';
  term: string;
  label: string;
}

/** The same as TERMS, in JS, for posts the pipeline has in memory (`text` as stored). */
export function termsOf(
  keyTerms: string[],
  text: string,
  aspects: { term: string; sentiment: string }[],
  label: string,
): TermFact[] {
  const out = new Map<string, TermFact>();
  const add = (f: TermFact) => out.set(`${f.kind}|${f.term}|${f.label}`, f);
  for (const k of keyTerms) add({ kind: 'term', term: k, label });
  for (const term of hashtagTerms(text)) add({ kind: 'hashtag', term, label });
  for (const a of aspects) add({ kind: 'aspect', term: a.term, label: a.sentiment });
  return [...out.values()];
}

/**
 * Adds `sign` × the counts of the mentions `where` picks (as `m`, as they are now) to every rollup.
 * The one definition of what a rollup counts: changes and rebuilds both go through it.
 */
async function countInto(db: Db, where: SQL, sign: 1 | -1): Promise<void> {
  const n = sql`${sign}::int * count(*)::int`;
  await db.execute(sql`
    insert into report_daily as r (workspace_id, day, channel, platform, language, label, n)
    select m.workspace_id, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''), ${LABEL}, ${n}
    from mentions m where ${where}
    group by 1, 2, 3, 4, 5, 6
    on conflict (workspace_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
  await db.execute(sql`
    insert into report_topic_daily as r (workspace_id, topic_id, day, channel, platform, language, label, n)
    select m.workspace_id, t.topic_id, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''), ${LABEL}, ${n}
    from mentions m cross join lateral unnest(m.topic_ids) as t(topic_id)
    where ${where}
    group by 1, 2, 3, 4, 5, 6, 7
    on conflict (workspace_id, topic_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
  await db.execute(sql`
    insert into report_terms_daily as r (workspace_id, topic_id, day, channel, platform, language, kind, term, label, n)
    select m.workspace_id, tp.topic_id, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''),
      t.kind, t.term, t.label, ${n}
    from mentions m ${TOPICS} ${TERMS}
    where ${where}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (workspace_id, topic_id, day, kind, term, label, channel, platform, language)
      do update set n = r.n + excluded.n`);
  await db.execute(sql`
    insert into report_author_daily as r (workspace_id, topic_id, contact_id, day, channel, platform, language, n)
    select m.workspace_id, tp.topic_id, m.contact_id, ${DAY}, ${CHANNEL}, m.platform, coalesce(m.language, ''), ${n}
    from mentions m ${TOPICS}
    where ${where} and m.contact_id is not null
    group by 1, 2, 3, 4, 5, 6, 7
    on conflict (workspace_id, topic_id, day, contact_id, channel, platform, language)
      do update set n = r.n + excluded.n`);
}

/**
 * Adds (sign 1) or takes away (sign -1) the given mentions, as they are now, from the rollups.
 * Changing a mention is "take away, change, add": the counts follow whatever changed.
 */
export async function applyToRollups(db: Db, mentionIds: string[], sign: 1 | -1): Promise<void> {
  if (mentionIds.length === 0) return;
  await countInto(db, sql`m.id = any(${toPgArray(mentionIds)}::uuid[])`, sign);
}

/** What the rollups count of one mention. */
export interface RollupFact {
  day: string;
  channel: string;
  platform: string;
  language: string;
  label: string;
  topicIds: string[];
  terms: TermFact[];
  /** The author's contact; a mention without one counts in no author rollup. */
  contactId: string | null;
}

export const channelOf = (platform: string, externalId: string) =>
  platform !== 'community' ? 'mentions' : externalId.startsWith('review:') ? 'reviews' : 'community';

/**
 * Adds (or takes away) facts already in memory, aggregated first: a page of 100 new posts is
 * usually a handful of rows here, two small statements instead of reading the mentions back.
 */
export async function applyFacts(db: Db, workspaceId: string, facts: RollupFact[], sign: 1 | -1): Promise<void> {
  if (facts.length === 0) return;
  const daily = new Map<
    string,
    { day: string; channel: string; platform: string; language: string; label: string; n: number }
  >();
  const byTopic = new Map<
    string,
    { topic_id: string; day: string; channel: string; platform: string; language: string; label: string; n: number }
  >();
  type Dims = { topic_id: string; day: string; channel: string; platform: string; language: string; n: number };
  const terms = new Map<string, Dims & { kind: string; term: string; label: string }>();
  const authors = new Map<string, Dims & { contact_id: string }>();
  for (const f of facts) {
    const topicsOf = [ALL_TOPICS, ...new Set(f.topicIds)];
    const dims = { channel: f.channel, platform: f.platform, language: f.language };
    if (f.contactId) {
      for (const topic of topicsOf) {
        const ak = `${topic}|${f.day}|${f.contactId}|${f.channel}|${f.platform}|${f.language}`;
        const a = authors.get(ak) ?? { topic_id: topic, day: f.day, contact_id: f.contactId, ...dims, n: 0 };
        a.n += sign;
        authors.set(ak, a);
      }
    }
    for (const t of f.terms) {
      for (const topic of topicsOf) {
        const tk = `${topic}|${f.day}|${t.kind}|${t.term}|${t.label}|${f.channel}|${f.platform}|${f.language}`;
        const e = terms.get(tk) ?? {
          topic_id: topic,
          day: f.day,
          kind: t.kind,
          term: t.term,
          label: t.label,
          ...dims,
          n: 0,
        };
        e.n += sign;
        terms.set(tk, e);
      }
    }
    const key = `${f.day}|${f.channel}|${f.platform}|${f.language}|${f.label}`;
    const d = daily.get(key) ?? {
      day: f.day,
      channel: f.channel,
      platform: f.platform,
      language: f.language,
      label: f.label,
      n: 0,
    };
    d.n += sign;
    daily.set(key, d);
    for (const topic of new Set(f.topicIds)) {
      const tk = `${topic}|${key}`;
      const t = byTopic.get(tk) ?? {
        topic_id: topic,
        day: f.day,
        channel: f.channel,
        platform: f.platform,
        language: f.language,
        label: f.label,
        n: 0,
      };
      t.n += sign;
      byTopic.set(tk, t);
    }
  }
  await db.execute(sql`
    insert into report_daily as r (workspace_id, day, channel, platform, language, label, n)
    select ${workspaceId}::uuid, x.day, x.channel, x.platform, x.language, x.label, x.n
    from jsonb_to_recordset(${toJsonParam([...daily.values()])}::jsonb)
      as x(day date, channel text, platform text, language text, label text, n integer)
    on conflict (workspace_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
  if (authors.size) {
    await db.execute(sql`
      insert into report_author_daily as r (workspace_id, topic_id, contact_id, day, channel, platform, language, n)
      select ${workspaceId}::uuid, x.topic_id, x.contact_id, x.day, x.channel, x.platform, x.language, x.n
      from jsonb_to_recordset(${toJsonParam([...authors.values()])}::jsonb)
        as x(topic_id uuid, day date, contact_id uuid, channel text, platform text, language text, n integer)
      on conflict (workspace_id, topic_id, day, contact_id, channel, platform, language)
        do update set n = r.n + excluded.n`);
  }
  if (terms.size) {
    await db.execute(sql`
      insert into report_terms_daily as r
        (workspace_id, topic_id, day, channel, platform, language, kind, term, label, n)
      select ${workspaceId}::uuid, x.topic_id, x.day, x.channel, x.platform, x.language, x.kind, x.term, x.label, x.n
      from jsonb_to_recordset(${toJsonParam([...terms.values()])}::jsonb)
        as x(topic_id uuid, day date, channel text, platform text, language text, kind text, term text, label text,
          n integer)
      on conflict (workspace_id, topic_id, day, kind, term, label, channel, platform, language)
        do update set n = r.n + excluded.n`);
  }
  if (byTopic.size === 0) return;
  await db.execute(sql`
    insert into report_topic_daily as r (workspace_id, topic_id, day, channel, platform, language, label, n)
    select ${workspaceId}::uuid, x.topic_id, x.day, x.channel, x.platform, x.language, x.label, x.n
    from jsonb_to_recordset(${toJsonParam([...byTopic.values()])}::jsonb)
      as x(topic_id uuid, day date, channel text, platform text, language text, label text, n integer)
    on conflict (workspace_id, topic_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
}

/** The stored state of a page's posts that already exist: an edit takes it out of the rollups. */
export async function storedFacts(
  db: Db,
  workspaceId: string,
  platform: string,
  externalIds: string[],
): Promise<Map<string, RollupFact & { override: string | null }>> {
  if (externalIds.length === 0) return new Map();
  const found = rows<{
    external_id: string;
    day: string;
    language: string | null;
    label: string | null;
    override: string | null;
    topic_ids: string[] | null;
    key_terms: string[] | null;
    text: string;
    aspects: { term: string; sentiment: string }[] | null;
    contact_id: string | null;
  }>(
    // One unique-index probe per post, whatever the table's statistics say (as in threading).
    await db.execute(sql`
      select m.external_id, to_char((m.posted_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, m.language,
        m.sentiment_label as label, m.sentiment_override as override, m.topic_ids, m.key_terms, m.text, m.aspects,
        m.contact_id
      from unnest(${toPgArray(externalIds)}::text[]) as r(external_id) cross join lateral (
        select * from mentions m
        where m.workspace_id = ${workspaceId}::uuid and m.platform = ${platform} and m.external_id = r.external_id
        limit 1
      ) m`),
  );
  return new Map(
    found.map((r) => [
      r.external_id,
      {
        day: r.day,
        channel: channelOf(platform, r.external_id),
        platform,
        language: r.language ?? '',
        label: r.override ?? r.label ?? 'unscored',
        topicIds: r.topic_ids ?? [],
        terms: termsOf(r.key_terms ?? [], r.text, r.aspects ?? [], r.override ?? r.label ?? 'unscored'),
        contactId: r.contact_id,
        override: r.override,
      },
    ]),
  );
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Recounts a workspace's rollups from its mentions, a month at a time, reporting progress. Safe to
 * run again; each month is replaced in one transaction, so reports stay whole while it runs.
 */
export async function rebuildRollups(
  db: Db,
  workspaceId: string,
  onProgress?: (p: RebuildProgress) => void,
): Promise<RebuildProgress> {
  const months = rows<{ month: string }>(
    await db.execute(
      sql`select distinct to_char(date_trunc('month', posted_at at time zone 'UTC'), 'YYYY-MM-DD') as month
        from mentions where workspace_id = ${workspaceId}::uuid order by 1`,
    ),
  ).map((x) => x.month);
  const progress = { done: 0, total: months.length };
  onProgress?.({ ...progress });
  // Months without mentions any more keep no counts.
  const kept = toPgArray(months);
  for (const table of ROLLUP_TABLES)
    await db.execute(
      sql`delete from ${table} where workspace_id = ${workspaceId}::uuid
        and to_char(date_trunc('month', day), 'YYYY-MM-DD') <> all(${kept}::text[])`,
    );
  for (const month of months) {
    await db.transaction(async (tx) => {
      const range = sql`day >= ${month}::date and day < (${month}::date + interval '1 month')::date`;
      for (const table of ROLLUP_TABLES)
        await tx.execute(sql`delete from ${table} where workspace_id = ${workspaceId}::uuid and ${range}`);
      await countInto(
        tx,
        sql`m.workspace_id = ${workspaceId}::uuid
          and m.posted_at >= (${month}::date::timestamp at time zone 'UTC')
          and m.posted_at < ((${month}::date + interval '1 month')::timestamp at time zone 'UTC')`,
        1,
      );
    });
    progress.done++;
    onProgress?.({ ...progress });
  }
  return progress;
}
