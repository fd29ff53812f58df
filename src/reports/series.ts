import { z } from '@hono/zod-openapi';
import { and, eq, gte, inArray, lte, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { addDays, dayNumber, dayString, EARLIEST_DAY } from '../core/days';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { PLATFORMS } from '../core/platforms';
import { contactFacts } from '../contacts';
import { topicsOfKinds } from '../topics';
import { type ReportCalendar, todayIn, UTC_CALENDAR, weekStartOf, weekStartSql } from './calendar';
import { reportError } from './errors';
import { reportInputWords as w } from './messages';
import { said } from '../http/input-words';
import { ALL_TOPICS, type reportAuthorDaily, reportDaily, reportTermsDaily, reportTopicDaily } from './schema';

/**
 * Report queries over the rollups (never the mentions themselves): the sentiment series and share
 * of voice. Dates are days in the workspace's time zone (calendar.ts); `from` and `to` are both included.
 */
export const REPORT_SOURCES = ['mentions', 'reviews', 'community'] as const;
const day = z
  .string()
  .refine((v) => !Number.isNaN(dayNumber(v)), said(w.day))
  .refine((v) => v >= EARLIEST_DAY, said(w.dayFrom, { earliest: EARLIEST_DAY }))
  .openapi({ example: '2026-11-01' });

/** The range and slice every report takes; routes that need more fields extend it, then add `inOrder`. */
export const ReportFilters = z.object({
  from: day.optional().openapi({
    description: "First day, in the workspace's time zone; default 29 days before `to`",
  }),
  to: day.optional().openapi({ description: "Last day, in the workspace's time zone; default today" }),
  interval: z
    .enum(['day', 'week'])
    .default('day')
    .openapi({ description: "Buckets of days, or of weeks starting on the workspace's week start" }),
  topic: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  language: z.string().trim().min(2).max(8).optional(),
  source: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(z.enum(REPORT_SOURCES)).optional())
    .openapi({ description: 'mentions, reviews, community (comma separated); all when absent', type: 'string' }),
  format: z.enum(['json', 'csv']).default('json'),
});
export const inOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
export const inOrderError = { ...said(w.inOrder), path: ['from'] };
export const ReportQuery = ReportFilters.refine(inOrder, inOrderError);
export type ReportQuery = z.infer<typeof ReportQuery>;

export interface Range {
  from: string;
  to: string;
}

/** The longest range each interval may span, in days: long enough for any chart, short enough to stay cheap. */
export const MAX_SPAN_DAYS = { day: 731, week: 1827 } as const;

// The details name the field as a schema's issues do.
const at = (field: 'from' | 'to') => [{ path: [field] }];

/**
 * The days asked for, with the defaults filled in: "today" is today in the workspace's time zone. A range must
 * lie between 2000-01-01 and tomorrow there (a client a zone ahead may already ask for it), run forwards, and
 * span at most MAX_SPAN_DAYS of its interval.
 */
export function resolveRange(
  q: { from?: string | undefined; to?: string | undefined; interval?: 'day' | 'week' },
  now: Date,
  // Every report passes its workspace's; UTC only where no workspace is at hand (the bounds' own tests).
  cal: Pick<ReportCalendar, 'timeZone'> = UTC_CALENDAR,
): Range {
  const today = todayIn(now, cal);
  const latest = today + 1;
  const to = q.to === undefined ? today : dayNumber(q.to);
  if (Number.isNaN(to)) throw reportError('RANGE_DAY_INVALID', { field: 'to' }, at('to'));
  if (to > latest) throw reportError('RANGE_END_TOO_LATE', { latest: dayString(latest) }, at('to'));
  const from = q.from === undefined ? to - 29 : dayNumber(q.from);
  if (Number.isNaN(from)) throw reportError('RANGE_DAY_INVALID', { field: 'from' }, at('from'));
  if (from < dayNumber(EARLIEST_DAY) && q.from !== undefined)
    throw reportError('RANGE_START_TOO_EARLY', { earliest: EARLIEST_DAY }, at('from'));
  if (from > to) throw reportError('RANGE_BACKWARDS', at('from'));
  const max = MAX_SPAN_DAYS[q.interval ?? 'day'];
  if (to - from + 1 > max) throw reportError('RANGE_TOO_LONG', { max, interval: q.interval ?? 'day' }, at('from'));
  return { from: dayString(Math.max(from, dayNumber(EARLIEST_DAY))), to: dayString(to) };
}

/** The first day of a day's week, weeks starting on the workspace's week start (1 Monday … 7 Sunday). */
export const weekOf = (d: string, weekStart: number) => dayString(weekStartOf(dayNumber(d), weekStart));

/**
 * Every bucket in the range, so days without mentions show as zeros; a week is named by its first day. Weeks
 * are made of the stored days when asked (bucketSql), so a change of the week start needs nothing recounted.
 */
export function buckets(range: Range, interval: 'day' | 'week', weekStart = UTC_CALENDAR.weekStart): string[] {
  const out: string[] = [];
  const last = dayNumber(range.to);
  const step = interval === 'week' ? 7 : 1;
  const first = interval === 'week' ? weekStartOf(dayNumber(range.from), weekStart) : dayNumber(range.from);
  // Day numbers, not strings: the loop ends for any range, and resolveRange keeps ranges short.
  for (let n = first; n <= last; n += step) out.push(dayString(n));
  return out;
}

function filters(
  table: typeof reportDaily | typeof reportTopicDaily,
  workspaceId: string,
  range: Range,
  q: Omit<ReportQuery, 'format' | 'interval'>,
): SQL[] {
  const where: (SQL | undefined)[] = [
    eq(table.workspaceId, workspaceId),
    gte(table.day, range.from),
    lte(table.day, range.to),
  ];
  if (q.platform) where.push(eq(table.platform, q.platform));
  if (q.language) where.push(eq(table.language, q.language));
  if (q.source?.length) where.push(inArray(table.channel, q.source));
  return where.filter((w): w is SQL => w !== undefined);
}

/** The labels the sentiment report counts, each apart; `uncertain`: a model label below the threshold. */
const COUNTED = ['positive', 'neutral', 'negative', 'uncertain', 'unscored'] as const;
type Counted = (typeof COUNTED)[number];
const isCounted = (label: string): label is Counted => (COUNTED as readonly string[]).includes(label);

export interface SeriesPoint {
  date: string;
  positive: number;
  neutral: number;
  negative: number;
  /** Model labels less sure than the workspace's threshold (rollup-rules.ts): apart, never neutral. */
  uncertain: number;
  unscored: number;
  total: number;
  /** (positive − negative) / (positive + negative), in points from −100 to 100; 0 without either. */
  net: number;
}

export const netScore = (positive: number, negative: number) =>
  positive + negative ? Math.round(((positive - negative) / (positive + negative)) * 100) : 0;

/** A stored day's bucket in SQL (what `buckets` names it): the day, or the first day of its week. */
const bucketSql = (day: SQLWrapper, interval: 'day' | 'week', weekStart: number) =>
  sql<string>`to_char(${interval === 'week' ? weekStartSql(day, weekStart) : day}, 'YYYY-MM-DD')`;

export async function sentimentSeries(
  db: Db,
  workspaceId: string,
  q: ReportQuery,
  now: Date,
  cal: ReportCalendar,
): Promise<{ range: Range; series: SeriesPoint[] }> {
  const range = resolveRange(q, now, cal);
  const table = q.topic ? reportTopicDaily : reportDaily;
  const where = filters(table, workspaceId, range, q);
  if (q.topic) where.push(eq(reportTopicDaily.topicId, q.topic));
  const bucket = bucketSql(table.day, q.interval, cal.weekStart);
  const rows = await db
    .select({ bucket, label: table.label, n: sql<number>`sum(${table.n})::int` })
    .from(table)
    .where(and(...where))
    .groupBy(sql`1`, table.label);
  const by = new Map(
    buckets(range, q.interval, cal.weekStart).map((d) => [
      d,
      { date: d, positive: 0, neutral: 0, negative: 0, uncertain: 0, unscored: 0, total: 0, net: 0 } as SeriesPoint,
    ]),
  );
  for (const r of rows) {
    const p = by.get(r.bucket);
    if (!p) continue;
    const n = Number(r.n);
    if (isCounted(r.label)) p[r.label] += n;
    p.total += n;
  }
  const series = [...by.values()].map((p) => ({ ...p, net: netScore(p.positive, p.negative) }));
  return { range, series };
}

export interface VoiceShare {
  topicId: string;
  name: string;
  kind: string;
  total: number;
  /** Share of all the listed topics' mentions, in percent. */
  share: number;
  positive: number;
  neutral: number;
  negative: number;
  uncertain: number;
  net: number;
}

/** Share of voice across the workspace's brand and competitor topics, each with its sentiment. */
export async function shareOfVoice(
  db: Db,
  workspaceId: string,
  q: ReportQuery,
  now: Date,
  cal: ReportCalendar,
): Promise<{ range: Range; items: VoiceShare[] }> {
  const range = resolveRange(q, now, cal);
  const tracked = await topicsOfKinds(db, workspaceId, ['brand', 'competitor', 'product']);
  const rows = await db
    .select({
      topicId: reportTopicDaily.topicId,
      label: reportTopicDaily.label,
      n: sql<number>`sum(${reportTopicDaily.n})::int`,
    })
    .from(reportTopicDaily)
    .where(and(...filters(reportTopicDaily, workspaceId, range, q)))
    .groupBy(reportTopicDaily.topicId, reportTopicDaily.label);
  const items = tracked.map((t) => {
    const mine = rows.filter((r) => r.topicId === t.id);
    const count = (label: string) => mine.filter((r) => r.label === label).reduce((a, r) => a + Number(r.n), 0);
    const total = mine.reduce((a, r) => a + Number(r.n), 0);
    const positive = count('positive');
    const negative = count('negative');
    return {
      topicId: t.id,
      name: t.name,
      kind: t.kind,
      total,
      share: 0,
      positive,
      neutral: count('neutral'),
      negative,
      uncertain: count('uncertain'),
      net: netScore(positive, negative),
    };
  });
  const all = items.reduce((a, i) => a + i.total, 0);
  for (const i of items) i.share = all ? Math.round((i.total / all) * 1000) / 10 : 0;
  return { range, items: items.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)) };
}

export interface Totals {
  positive: number;
  neutral: number;
  negative: number;
  uncertain: number;
  unscored: number;
  total: number;
  net: number;
}

/** All mentions of a range by label (for the headline figures and the comparison with the period before). */
export async function totals(db: Db, workspaceId: string, q: ReportQuery, range: Range): Promise<Totals> {
  const table = q.topic ? reportTopicDaily : reportDaily;
  const where = filters(table, workspaceId, range, q);
  if (q.topic) where.push(eq(reportTopicDaily.topicId, q.topic));
  const rows = await db
    .select({ label: table.label, n: sql<number>`sum(${table.n})::int` })
    .from(table)
    .where(and(...where))
    .groupBy(table.label);
  const t: Totals = { positive: 0, neutral: 0, negative: 0, uncertain: 0, unscored: 0, total: 0, net: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if (isCounted(r.label)) t[r.label] += n;
    t.total += n;
  }
  t.net = netScore(t.positive, t.negative);
  return t;
}

/** The range of the same length just before this one. */
export function previousRange(range: Range): Range {
  const days = dayNumber(range.to) - dayNumber(range.from) + 1;
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Mentions per platform in the range, most first. */
export async function platformBreakdown(db: Db, workspaceId: string, q: ReportQuery, range: Range) {
  const table = q.topic ? reportTopicDaily : reportDaily;
  const where = filters(table, workspaceId, range, q);
  if (q.topic) where.push(eq(reportTopicDaily.topicId, q.topic));
  const rows = await db
    .select({ platform: table.platform, label: table.label, n: sql<number>`sum(${table.n})::int` })
    .from(table)
    .where(and(...where))
    .groupBy(table.platform, table.label);
  type Row = { platform: string; total: number; positive: number; neutral: number; negative: number };
  const by = new Map<string, Row & { uncertain: number }>();
  for (const r of rows) {
    const zero = { platform: r.platform, total: 0, positive: 0, neutral: 0, negative: 0, uncertain: 0 };
    const p = by.get(r.platform) ?? zero;
    const n = Number(r.n);
    p.total += n;
    if (isCounted(r.label) && r.label !== 'unscored') p[r.label] += n;
    by.set(r.platform, p);
  }
  return [...by.values()].sort((a, b) => b.total - a.total);
}

export const TERM_KINDS = ['term', 'hashtag', 'aspect'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export interface TermCount {
  term: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

/** The dashboard's filters, as the term and author rollups know them. */
export interface SliceFilters {
  topic?: string | undefined;
  platform?: string | undefined;
  language?: string | undefined;
  source?: string[] | undefined;
}

function sliceWhere(table: typeof reportTermsDaily | typeof reportAuthorDaily, f: SliceFilters): SQL[] {
  const where: SQL[] = [eq(table.topicId, f.topic ?? ALL_TOPICS)];
  if (f.platform) where.push(eq(table.platform, f.platform));
  if (f.language) where.push(eq(table.language, f.language));
  if (f.source?.length) where.push(inArray(table.channel, f.source));
  return where;
}

/** The most used key terms, hashtags or aspects of a range, each split by sentiment. */
export async function topTerms(
  db: Db,
  workspaceId: string,
  range: Range,
  kind: TermKind,
  limit = 20,
  f: SliceFilters = {},
): Promise<TermCount[]> {
  const list = await db
    .select({
      term: reportTermsDaily.term,
      total: sql<number>`sum(${reportTermsDaily.n})::int`,
      positive: sql<number>`coalesce(sum(${reportTermsDaily.n})
        filter (where ${reportTermsDaily.label} = 'positive'), 0)::int`,
      neutral: sql<number>`coalesce(sum(${reportTermsDaily.n})
        filter (where ${reportTermsDaily.label} = 'neutral'), 0)::int`,
      negative: sql<number>`coalesce(sum(${reportTermsDaily.n})
        filter (where ${reportTermsDaily.label} = 'negative'), 0)::int`,
    })
    .from(reportTermsDaily)
    .where(
      and(
        eq(reportTermsDaily.workspaceId, workspaceId),
        eq(reportTermsDaily.kind, kind),
        gte(reportTermsDaily.day, range.from),
        lte(reportTermsDaily.day, range.to),
        ...sliceWhere(reportTermsDaily, f),
      ),
    )
    .groupBy(reportTermsDaily.term)
    .having(sql`sum(${reportTermsDaily.n}) > 0`)
    .orderBy(sql`2 desc`, reportTermsDaily.term)
    .limit(limit);
  return list.map((r) => ({
    term: r.term,
    total: Number(r.total),
    positive: Number(r.positive),
    neutral: Number(r.neutral),
    negative: Number(r.negative),
  }));
}

export interface AuthorRow {
  contactId: string;
  name: string;
  followers: number;
  mentions: number;
  score: number;
  stage: string;
}

/**
 * The authors of a range's mentions, by volume (most mentions) or reach (most followers). A contact
 * merged into another counts as that one.
 */
export async function topAuthors(
  db: Db,
  workspaceId: string,
  range: Range,
  by: 'volume' | 'reach',
  limit = 10,
  f: SliceFilters = {},
): Promise<AuthorRow[]> {
  // The author's contact (c0), or the one it was merged into (c): the contacts' read model, twice.
  const c0 = contactFacts('c0');
  const c = contactFacts('c');
  const order =
    by === 'reach'
      ? sql`${c.followers} desc nulls last, a.mentions desc`
      : sql`a.mentions desc, ${c.followers} desc nulls last`;
  const list = rows<{
    contact_id: string;
    name: string;
    followers: number | null;
    mentions: number;
    score: number;
    stage: string;
  }>(
    await db.execute(sql`
      select ${c.id} as contact_id, ${c.name} as name, ${c.followers} as followers, a.mentions, ${c.score} as score,
        ${c.lifecycleStage} as stage
      from (
        select coalesce(${c0.mergedIntoId}, r.contact_id) as contact_id, sum(r.n)::int as mentions
        from report_author_daily r join ${c0} on ${c0.id} = r.contact_id
        where r.workspace_id = ${workspaceId}::uuid and r.day between ${range.from}::date and ${range.to}::date
          and r.topic_id = ${f.topic ?? ALL_TOPICS}::uuid
          ${f.platform ? sql`and r.platform = ${f.platform}` : sql``}
          ${f.language ? sql`and r.language = ${f.language}` : sql``}
          ${f.source?.length ? sql`and r.channel = any(${`{${f.source.join(',')}}`}::text[])` : sql``}
        group by 1 having sum(r.n) > 0
      ) a join ${c} on ${c.id} = a.contact_id
      order by ${order}, ${c.id}
      limit ${limit}`),
  );
  return list.map((r) => ({
    contactId: r.contact_id,
    name: r.name || 'Unnamed contact',
    followers: Number(r.followers ?? 0),
    mentions: Number(r.mentions),
    score: Number(r.score),
    stage: r.stage,
  }));
}
