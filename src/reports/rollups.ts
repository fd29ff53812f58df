import { type SQL, sql } from 'drizzle-orm';
import { confidenceThreshold, confidenceThresholds } from '../accounts';
import { workspaceCalendar, workspaceCalendars } from './calendar';
import { toJsonParam, toPgArray } from '../db/params';
import { rows, toDate } from '../db/rows';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import { mentionFacts, type MentionFactsQuery } from '../mentions';
import {
  type CountingRules,
  channelSql,
  daySql,
  labelSql,
  languageSql,
  ownTopicsOf,
  ownTopicsSql,
  type RollupFact,
  rollupFactOf,
  termsSql,
  topicsOf,
  topicsSql,
} from './rollup-rules';
import { reportAuthorDaily, reportCountedZone, reportDaily, reportTermsDaily, reportTopicDaily } from './schema';

const ROLLUP_TABLES = [reportDaily, reportTopicDaily, reportTermsDaily, reportAuthorDaily];

/**
 * Adds `sign` × the counts of the mentions `where` picks from `m` (mentions' read model, as they are now) to
 * every rollup, by the rules' SQL side (rollup-rules.ts): corrections, re-analysis and rebuilds go through it;
 * the one flow counts new posts with the rules' TypeScript side (applyFacts). The mentions are of workspaces
 * that count days in `timeZone` (the caller read it once).
 */
async function countInto(db: Db, m: MentionFactsQuery, where: SQL, sign: 1 | -1, timeZone: string): Promise<void> {
  const n = sql`${sign}::int * count(*)::int`;
  // The dimensions every rollup has, by the rules (rollup-rules.ts).
  const dims = sql`${daySql(m, timeZone)}, ${channelSql(m)}, ${m.platform}, ${languageSql(m)}`;
  await db.execute(sql`
    insert into report_daily as r (workspace_id, day, channel, platform, language, label, n)
    select ${m.workspaceId}, ${dims}, ${labelSql(m)}, ${n}
    from ${m} where ${where}
    group by 1, 2, 3, 4, 5, 6
    on conflict (workspace_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
  await db.execute(sql`
    insert into report_topic_daily as r (workspace_id, topic_id, day, channel, platform, language, label, n)
    select ${m.workspaceId}, t.topic_id, ${dims}, ${labelSql(m)}, ${n}
    from ${m} ${ownTopicsSql(m)}
    where ${where}
    group by 1, 2, 3, 4, 5, 6, 7
    on conflict (workspace_id, topic_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
  await db.execute(sql`
    insert into report_terms_daily as r (workspace_id, topic_id, day, channel, platform, language, kind, term, label, n)
    select ${m.workspaceId}, tp.topic_id, ${dims}, t.kind, t.term, t.label, ${n}
    from ${m} ${topicsSql(m)} ${termsSql(m)}
    where ${where}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (workspace_id, topic_id, day, kind, term, label, channel, platform, language)
      do update set n = r.n + excluded.n`);
  await db.execute(sql`
    insert into report_author_daily as r (workspace_id, topic_id, contact_id, day, channel, platform, language, n)
    select ${m.workspaceId}, tp.topic_id, ${m.contactId}, ${dims}, ${n}
    from ${m} ${topicsSql(m)}
    where ${where} and ${m.contactId} is not null
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
  const m = mentionFacts();
  const where = sql`${m.id} = any(${toPgArray(mentionIds)}::uuid[])`;
  // Counted by their workspaces' confidence thresholds and time zones, held till commit: a change of one
  // waits, so a mention is never counted out by one threshold or day and in by another.
  const workspaces = await db.selectDistinct({ id: m.workspaceId }).from(m).where(where);
  const ids = workspaces.map((w) => w.id);
  await confidenceThresholds(db, ids, 'share');
  // Read once per workspace of the batch (a re-analysis batch spans a few), not per mention.
  for (const [workspaceId, cal] of await workspaceCalendars(db, ids))
    await countInto(db, m, sql`${where} and ${m.workspaceId} = ${workspaceId}::uuid`, sign, cal.timeZone);
}

/**
 * Takes out (-1) or adds (1) a workspace's mentions whose analyzer confidence lies in [from, to), counted as
 * uncertain or not by `threshold`. A change of the threshold from a to b moves only those between a and b:
 * out by a, in by b (the rest of the band, corrected or certain either way, goes out and in unchanged).
 */
export async function applyConfidenceBand(
  db: Db,
  workspaceId: string,
  band: { from: number; to: number },
  threshold: number,
  sign: 1 | -1,
): Promise<void> {
  if (band.from >= band.to) return;
  const m = mentionFacts(workspaceId, { threshold });
  // The caller holds the workspace row: the zone cannot change before it commits.
  const { timeZone } = await workspaceCalendar(db, workspaceId);
  await countInto(db, m, sql`${m.confidence} >= ${band.from} and ${m.confidence} < ${band.to}`, sign, timeZone);
}

/**
 * Sums `n` per distinct row; `rows()` in first-seen order. The caller names each row by a key (its fields
 * joined) and makes the row only the first time: a chunk adds thousands of term rows, and building and
 * serialising an object for each add made the one flow's rollup step five times slower.
 */
class Tally<R> {
  private readonly byKey = new Map<string, R & { n: number }>();
  add(key: string, row: () => R, n: number) {
    const found = this.byKey.get(key);
    if (found) found.n += n;
    else this.byKey.set(key, { ...row(), n });
  }
  get size() {
    return this.byKey.size;
  }
  rows() {
    return [...this.byKey.values()];
  }
}

/** Joins a row's fields into its key: NUL cannot occur in them (inbound text is refused with it). */
const keyOf = (...fields: string[]) => fields.join('\u0000');

/**
 * Adds (or takes away) facts already in memory, aggregated first: a page of 100 new posts is
 * usually a handful of rows here, two small statements instead of reading the mentions back.
 * The rows are those countInto's SQL groups by, topic by topic (rollup-rules.ts).
 */
export async function applyFacts(db: Db, workspaceId: string, facts: RollupFact[], sign: 1 | -1): Promise<void> {
  if (facts.length === 0) return;
  type Dims = { day: string; channel: string; platform: string; language: string };
  const daily = new Tally<Dims & { label: string }>();
  const byTopic = new Tally<Dims & { topic_id: string; label: string }>();
  const terms = new Tally<Dims & { topic_id: string; kind: string; term: string; label: string }>();
  const authors = new Tally<Dims & { topic_id: string; contact_id: string }>();
  for (const f of facts) {
    const dims: Dims = { day: f.day, channel: f.channel, platform: f.platform, language: f.language };
    const at = keyOf(f.day, f.channel, f.platform, f.language);
    daily.add(keyOf(at, f.label), () => ({ ...dims, label: f.label }), sign);
    for (const topic of ownTopicsOf(f.topicIds))
      byTopic.add(keyOf(at, topic, f.label), () => ({ ...dims, topic_id: topic, label: f.label }), sign);
    for (const topic of topicsOf(f.topicIds)) {
      const atTopic = keyOf(at, topic);
      const contactId = f.contactId;
      if (contactId)
        authors.add(keyOf(atTopic, contactId), () => ({ ...dims, topic_id: topic, contact_id: contactId }), sign);
      for (const t of f.terms)
        terms.add(
          keyOf(atTopic, t.kind, t.term, t.label),
          () => ({ ...dims, topic_id: topic, kind: t.kind, term: t.term, label: t.label }),
          sign,
        );
    }
  }
  await db.execute(sql`
    insert into report_daily as r (workspace_id, day, channel, platform, language, label, n)
    select ${workspaceId}::uuid, x.day, x.channel, x.platform, x.language, x.label, x.n
    from jsonb_to_recordset(${toJsonParam(daily.rows())}::jsonb)
      as x(day date, channel text, platform text, language text, label text, n integer)
    on conflict (workspace_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
  if (authors.size) {
    await db.execute(sql`
      insert into report_author_daily as r (workspace_id, topic_id, contact_id, day, channel, platform, language, n)
      select ${workspaceId}::uuid, x.topic_id, x.contact_id, x.day, x.channel, x.platform, x.language, x.n
      from jsonb_to_recordset(${toJsonParam(authors.rows())}::jsonb)
        as x(topic_id uuid, day date, contact_id uuid, channel text, platform text, language text, n integer)
      on conflict (workspace_id, topic_id, day, contact_id, channel, platform, language)
        do update set n = r.n + excluded.n`);
  }
  if (terms.size) {
    await db.execute(sql`
      insert into report_terms_daily as r
        (workspace_id, topic_id, day, channel, platform, language, kind, term, label, n)
      select ${workspaceId}::uuid, x.topic_id, x.day, x.channel, x.platform, x.language, x.kind, x.term, x.label, x.n
      from jsonb_to_recordset(${toJsonParam(terms.rows())}::jsonb)
        as x(topic_id uuid, day date, channel text, platform text, language text, kind text, term text, label text,
          n integer)
      on conflict (workspace_id, topic_id, day, kind, term, label, channel, platform, language)
        do update set n = r.n + excluded.n`);
  }
  if (byTopic.size === 0) return;
  await db.execute(sql`
    insert into report_topic_daily as r (workspace_id, topic_id, day, channel, platform, language, label, n)
    select ${workspaceId}::uuid, x.topic_id, x.day, x.channel, x.platform, x.language, x.label, x.n
    from jsonb_to_recordset(${toJsonParam(byTopic.rows())}::jsonb)
      as x(topic_id uuid, day date, channel text, platform text, language text, label text, n integer)
    on conflict (workspace_id, topic_id, day, channel, platform, language, label)
      do update set n = r.n + excluded.n`);
}

/**
 * The stored state of a page's posts that already exist: an edit takes it out of the rollups (counted by the
 * workspace's threshold and time zone, whose row the caller holds).
 */
export async function storedFacts(
  db: Db,
  workspaceId: string,
  platform: string,
  externalIds: string[],
  rules: CountingRules,
): Promise<Map<string, RollupFact & { override: string | null }>> {
  if (externalIds.length === 0) return new Map();
  const m = mentionFacts(workspaceId);
  const found = rows<{
    external_id: string;
    posted_at: string | Date;
    language: string | null;
    label: string | null;
    confidence: number | null;
    override: string | null;
    topic_ids: string[] | null;
    key_terms: string[] | null;
    text: string;
    aspects: { term: string; sentiment: string }[] | null;
    contact_id: string | null;
  }>(
    // One unique-index probe per post, whatever the table's statistics say (as in threading).
    await db.execute(sql`
      select s.* from unnest(${toPgArray(externalIds)}::text[]) as r(external_id) cross join lateral (
        select ${m.externalId} as external_id, ${m.postedAt} as posted_at, ${m.language} as language,
          ${m.analyzerLabel} as label, ${m.confidence} as confidence, ${m.override} as override,
          ${m.topicIds} as topic_ids, ${m.keyTerms} as key_terms, ${m.text} as text, ${m.aspects} as aspects,
          ${m.contactId} as contact_id
        from ${m}
        where ${m.platform} = ${platform} and ${m.externalId} = r.external_id
        limit 1
      ) s`),
  );
  return new Map(
    found.map((r) => [
      r.external_id,
      {
        ...rollupFactOf(
          {
            postedAt: toDate(r.posted_at)!,
            platform,
            externalId: r.external_id,
            language: r.language,
            label: r.label,
            confidence: r.confidence === null ? null : Number(r.confidence),
            override: r.override,
            topicIds: r.topic_ids ?? [],
            keyTerms: r.key_terms ?? [],
            text: r.text,
            aspects: r.aspects ?? [],
            contactId: r.contact_id,
          },
          rules,
        ),
        override: r.override,
      },
    ]),
  );
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/** Two rebuilds of one workspace (the CLI's, a zone change's) take turns month by month. */
const REBUILD_LOCK = 727_019;

/**
 * Recounts a workspace's rollups from its mentions, a month at a time, reporting progress. Safe to
 * run again; each month is replaced in one transaction, so reports stay whole while it runs. Months and days
 * are those of the workspace's time zone, each month counted by the zone as it stands then (read with the
 * workspace row held, so a change of zone waits for the month; the change's own rebuild then recounts all).
 * While a rebuild after a change of zone runs, a day at the edge of a month not yet recounted may count a
 * mention twice, once by each zone.
 */
export async function rebuildRollups(
  db: Db,
  workspaceId: string,
  onProgress?: (p: RebuildProgress) => void,
): Promise<RebuildProgress> {
  const m = mentionFacts(workspaceId);
  const { timeZone } = await workspaceCalendar(db, workspaceId);
  const months = (
    await db
      .selectDistinct({
        month: sql<string>`to_char(date_trunc('month', ${m.postedAt} at time zone ${timeZone}::text), 'YYYY-MM-DD')`,
      })
      .from(m)
      .orderBy(sql`1`)
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
      await tx.execute(sql`select pg_advisory_xact_lock(${REBUILD_LOCK}, hashtext(${workspaceId}))`);
      // Counted by the threshold and zone as they stand, held till commit (a change waits for this month);
      // handed to the facts as values, not looked up again for every mention.
      const threshold = await confidenceThreshold(tx, workspaceId, 'share');
      const zone = (await workspaceCalendar(tx, workspaceId)).timeZone;
      const counted = mentionFacts(workspaceId, { threshold });
      const range = sql`day >= ${month}::date and day < (${month}::date + interval '1 month')::date`;
      for (const table of ROLLUP_TABLES)
        await tx.execute(sql`delete from ${table} where workspace_id = ${workspaceId}::uuid and ${range}`);
      // The month's first and next month's first midnight in the zone.
      await countInto(
        tx,
        counted,
        sql`${counted.postedAt} >= (${month}::date::timestamp at time zone ${zone}::text)
          and ${counted.postedAt} < ((${month}::date + interval '1 month') at time zone ${zone}::text)`,
        1,
        zone,
      );
    });
    progress.done++;
    onProgress?.({ ...progress });
  }
  // The zone the rebuild began in: had it changed meanwhile, the marker differs and the catch-up recounts again.
  await db
    .insert(reportCountedZone)
    .values({ workspaceId, timeZone, countedAt: sql`now()` })
    .onConflictDoUpdate({ target: reportCountedZone.workspaceId, set: { timeZone, countedAt: sql`now()` } });
  return progress;
}

/**
 * After a change of a workspace's time zone (an event after the settings' commit, server/listeners.ts): its
 * rollups recounted by the new zone, month by month, outside the request that changed it (a large workspace
 * takes minutes). Progress goes to the log at every tenth, as the CLI's `rebuild-reports` prints it. A change
 * of the week start alone needs none of this: reports make weeks of the stored days when asked.
 */
export async function recountInNewTimeZone(
  deps: { db: Db; logger: Pick<Logger, 'info'> },
  workspaceId: string,
): Promise<RebuildProgress> {
  let shown = -1;
  return rebuildRollups(deps.db, workspaceId, ({ done, total }) => {
    const tenth = total ? Math.floor((done / total) * 10) : 10;
    if (tenth === shown) return;
    shown = tenth;
    deps.logger.info({ workspaceId, done, total }, 'report rollups: recounting months in the new time zone');
  });
}
