import { and, asc, desc, eq, gte, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import { dayEndSql, dayStartSql, localWeekSql, type SqlCalendar } from '../db/calendar-sql';
import type { Db } from '../db/types';
import { placeTopicOf } from '../sources';
import { carriesReview, mentions } from './schema';

export interface PlatformReviewCount {
  week: string;
  platform: string;
  /** Stars (1-5) where the platform gives them. */
  rating: number | null;
  /** 1 recommends, 0 does not (Facebook's recommendations); null where the platform has no such thing. */
  recommends: number | null;
  n: number;
}

/**
 * Reviews that came from platforms (a Facebook Page's ratings and recommendations; app stores and Google
 * next): mentions carrying `metrics.rating` or `metrics.recommends`, posted in a range of days (both
 * included), not deleted, counted per week, platform, stars and recommendation; days and weeks in the
 * workspace's calendar (its zone and week start). The board's own reviews
 * are community's (reviewRatingCounts); the ratings report adds the two.
 */
export async function platformReviewCounts(
  db: Db,
  workspaceId: string,
  range: { from: string; to: string },
  cal: SqlCalendar,
  f: { platform?: string | undefined; topicId?: string | undefined } = {},
): Promise<PlatformReviewCount[]> {
  const rows = await platformReviewCountsQuery(db, workspaceId, range, cal, f);
  const num = (v: string | number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    week: r.week,
    platform: r.platform,
    rating: num(r.rating),
    recommends: num(r.recommends),
    n: Number(r.n),
  }));
}

/** platformReviewCounts' query, not yet run: a test reads its plan (it must use the reviews' partial index). */
export function platformReviewCountsQuery(
  db: Db,
  workspaceId: string,
  range: { from: string; to: string },
  cal: SqlCalendar,
  f: { platform?: string | undefined; topicId?: string | undefined } = {},
) {
  const week = localWeekSql(mentions.postedAt, cal);
  const rating = sql<string | null>`${mentions.metrics}->>'rating'`;
  const recommends = sql<string | null>`${mentions.metrics}->>'recommends'`;
  return db
    .select({ week, platform: mentions.platform, rating, recommends, n: sql<number>`count(*)::int` })
    .from(mentions)
    .where(
      and(
        eq(mentions.workspaceId, workspaceId),
        ne(mentions.platform, 'community'),
        f.platform ? eq(mentions.platform, f.platform as typeof mentions.platform._.data) : undefined,
        isNull(mentions.deletedAt),
        // The partial index's own predicate (reviews are few, so the index is small), then the values themselves:
        // a key holding JSON null has no rating.
        carriesReview(mentions.metrics),
        sql`(${rating} is not null or ${recommends} is not null)`,
        gte(mentions.postedAt, dayStartSql(range.from, cal.timeZone)),
        lt(mentions.postedAt, dayEndSql(range.to, cal.timeZone)),
        f.topicId ? aboutTopic(f.topicId) : undefined,
      ),
    )
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`)
    .orderBy(sql`1`);
}

/** The product topic a review's app or location is mapped to on its source. */
const placeTopic = placeTopicOf(mentions.sourceId, mentions.placeId);

/** About a product topic: its words name it, or its app or location is mapped to it. */
const aboutTopic = (topicId: string) =>
  sql`(${mentions.topicIds} @> array[${topicId}]::uuid[] or ${placeTopic} = ${topicId})`;

export const PLATFORM_REVIEW_SORTS = ['newest', 'highest', 'lowest'] as const;

export interface PlatformReviewFilter {
  platform?: string | undefined;
  topicId?: string | undefined;
  placeId?: string | undefined;
  sort: (typeof PLATFORM_REVIEW_SORTS)[number];
  limit: number;
  offset: number;
}

/**
 * Reviews from platforms (Google, the app stores, Facebook ratings with stars), newest or by stars, with the
 * distribution of what the filter keeps: the platforms' half of the one review list (the board's own reviews
 * are community's; GET /api/v1/reviews merges the two). Deleted ones are left out.
 */
export async function listPlatformReviews(db: Db, workspaceId: string, f: PlatformReviewFilter) {
  const rating = sql<number>`(${mentions.metrics}->>'rating')::int`;
  const where = and(
    eq(mentions.workspaceId, workspaceId),
    ne(mentions.platform, 'community'),
    isNull(mentions.deletedAt),
    // Implies carriesReview, the partial index's predicate: the list reads the reviews' index, not every post.
    sql`${mentions.metrics} ? 'rating'`,
    f.platform ? eq(mentions.platform, f.platform as typeof mentions.platform._.data) : undefined,
    f.placeId ? eq(mentions.placeId, f.placeId) : undefined,
    f.topicId ? aboutTopic(f.topicId) : undefined,
  );
  const order =
    f.sort === 'highest'
      ? [desc(rating), desc(mentions.postedAt)]
      : f.sort === 'lowest'
        ? [asc(rating), desc(mentions.postedAt)]
        : [desc(mentions.postedAt)];
  const [rows, summary] = await Promise.all([
    db
      .select({
        id: mentions.id,
        platform: mentions.platform,
        url: mentions.url,
        rating,
        title: mentions.title,
        text: mentions.text,
        authorName: mentions.authorName,
        placeId: mentions.placeId,
        placeName: mentions.placeName,
        topicIds: mentions.topicIds,
        mappedTopicId: placeTopic,
        replied: sql<boolean>`coalesce((${mentions.metrics}->>'replied')::int = 1, false)`,
        sentiment: sql<string>`coalesce(${mentions.sentimentOverride}, ${mentions.sentimentLabel}, 'unscored')`,
        conversationId: mentions.conversationId,
        postedAt: mentions.postedAt,
        editedAt: mentions.editedAt,
      })
      .from(mentions)
      .where(where)
      .orderBy(...order, asc(mentions.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ rating, n: sql<number>`count(*)::int` }).from(mentions).where(where).groupBy(sql`1`),
  ]);
  const distribution: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const s of summary) if (s.rating >= 1 && s.rating <= 5) distribution[s.rating as 1] = Number(s.n);
  return { items: rows.map((r) => ({ ...r, rating: Number(r.rating) })), distribution };
}

/** The products and places a source's reviews are about (app ids, Google locations), with how many each. */
export async function placesOfSource(db: Db, workspaceId: string, sourceId: string) {
  const rows = await db
    .select({
      id: mentions.placeId,
      name: sql<string | null>`max(${mentions.placeName})`,
      n: sql<number>`count(*)::int`,
    })
    .from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.sourceId, sourceId), isNotNull(mentions.placeId)))
    .groupBy(mentions.placeId)
    .orderBy(mentions.placeId)
    .limit(500);
  return rows.map((r) => ({ id: r.id!, name: r.name, reviews: Number(r.n) }));
}
