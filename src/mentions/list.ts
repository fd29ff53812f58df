import { and, arrayContains, asc, count, eq, gte, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { newestFirst, olderThan, page } from '../db/keyset';
import type { Db } from '../db/types';
import type { Platform } from '../core/platforms';
import { mentions } from './schema';

export interface MentionFilters {
  sourceId?: string;
  platform?: Platform;
  topicId?: string;
  from?: Date;
  to?: Date;
  q?: string;
  includeDeleted?: boolean;
  /** The effective label: a staff override wins over the model's. */
  sentiment?: 'positive' | 'neutral' | 'negative' | 'unscored';
  /** The effective intents: a staff correction wins over the model's. */
  intent?: string;
  language?: string;
  /** Social mentions, community reviews, other community posts (as reports count them). */
  source?: ('mentions' | 'reviews' | 'community')[];
  limit: number;
  cursor?: string;
}

export type MentionRow = typeof mentions.$inferSelect;

/** Newest first, keyset-paginated on (posted_at, id): stable pages while new mentions arrive. */
export async function listMentions(
  db: Db,
  workspaceId: string,
  f: MentionFilters,
): Promise<{ items: MentionRow[]; next: string | null }> {
  const where: (SQL | undefined)[] = [eq(mentions.workspaceId, workspaceId)];
  if (f.sourceId) where.push(eq(mentions.sourceId, f.sourceId));
  if (f.platform) where.push(eq(mentions.platform, f.platform));
  if (f.topicId) where.push(arrayContains(mentions.topicIds, [f.topicId]));
  if (f.from) where.push(gte(mentions.postedAt, f.from));
  if (f.to) where.push(lte(mentions.postedAt, f.to));
  if (!f.includeDeleted) where.push(isNull(mentions.deletedAt));
  if (f.sentiment)
    where.push(sql`coalesce(${mentions.sentimentOverride}, ${mentions.sentimentLabel}) = ${f.sentiment}`);
  if (f.intent)
    where.push(sql`coalesce(${mentions.intentsOverride}, ${mentions.intents}) @> array[${f.intent}]::text[]`);
  if (f.language) where.push(eq(mentions.language, f.language));
  if (f.source?.length && f.source.length < 3) {
    const parts = f.source.map((s) =>
      s === 'mentions'
        ? sql`${mentions.platform} <> 'community'`
        : s === 'reviews'
          ? sql`(${mentions.platform} = 'community' and ${mentions.externalId} like 'review:%')`
          : sql`(${mentions.platform} = 'community' and ${mentions.externalId} not like 'review:%')`,
    );
    where.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  if (f.q) where.push(sql`${mentions.search} @@ websearch_to_tsquery('simple', ${f.q})`);
  if (f.cursor) where.push(olderThan(mentions.postedAt, mentions.id, f.cursor));
  const rows = await db
    .select()
    .from(mentions)
    .where(and(...where))
    .orderBy(newestFirst(mentions.postedAt), newestFirst(mentions.id))
    .limit(f.limit + 1);
  return page(rows, f.limit, (m) => ({ at: m.postedAt, id: m.id }));
}

/** How many mentions a source has brought in (its settings page shows it). */
export async function countSourceMentions(db: Db, workspaceId: string, sourceId: string): Promise<number> {
  const [n] = await db
    .select({ n: count() })
    .from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.sourceId, sourceId)));
  return Number(n?.n ?? 0);
}

/**
 * Mentions staff corrected, for exporting as training or evaluation data: those whose sentiment they
 * relabelled (`/mentions/labels.csv`), and with `intents` also those whose intents alone they corrected
 * (`/analysis/corrections.csv`). Oldest correction first.
 */
export async function correctedMentions(db: Db, workspaceId: string, options: { intents?: boolean } = {}) {
  const corrected = options.intents
    ? or(isNotNull(mentions.sentimentOverride), isNotNull(mentions.intentsOverride))
    : isNotNull(mentions.sentimentOverride);
  const at = options.intents
    ? sql`greatest(${mentions.sentimentOverrideAt}, ${mentions.intentsOverrideAt})`
    : mentions.sentimentOverrideAt;
  return db
    .select()
    .from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), corrected))
    .orderBy(asc(at), asc(mentions.id));
}
