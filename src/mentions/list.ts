import { and, arrayContains, desc, eq, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../core/errors';
import type { Db } from '../db/types';
import type { Platform } from '../sources/schema';
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
  intent?: string;
  language?: string;
  limit: number;
  cursor?: string;
}

export type MentionRow = typeof mentions.$inferSelect;

const encode = (m: { postedAt: Date; id: string }) => Buffer.from(`${m.postedAt.toISOString()}|${m.id}`).toString('base64url');

function decode(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid', { field: 'cursor' });
  return { at, id };
}

/** Newest first, keyset-paginated on (posted_at, id): stable pages while new mentions arrive. */
export async function listMentions(db: Db, workspaceId: string, f: MentionFilters): Promise<{ items: MentionRow[]; next: string | null }> {
  const where: (SQL | undefined)[] = [eq(mentions.workspaceId, workspaceId)];
  if (f.sourceId) where.push(eq(mentions.sourceId, f.sourceId));
  if (f.platform) where.push(eq(mentions.platform, f.platform));
  if (f.topicId) where.push(arrayContains(mentions.topicIds, [f.topicId]));
  if (f.from) where.push(gte(mentions.postedAt, f.from));
  if (f.to) where.push(lte(mentions.postedAt, f.to));
  if (!f.includeDeleted) where.push(isNull(mentions.deletedAt));
  if (f.sentiment) where.push(sql`coalesce(${mentions.sentimentOverride}, ${mentions.sentimentLabel}) = ${f.sentiment}`);
  if (f.intent) where.push(arrayContains(mentions.intents, [f.intent]));
  if (f.language) where.push(eq(mentions.language, f.language));
  if (f.q) where.push(sql`${mentions.search} @@ websearch_to_tsquery('simple', ${f.q})`);
  if (f.cursor) {
    const c = decode(f.cursor);
    where.push(or(lt(mentions.postedAt, c.at), and(eq(mentions.postedAt, c.at), lt(mentions.id, c.id))));
  }
  const rows = await db
    .select()
    .from(mentions)
    .where(and(...where))
    .orderBy(desc(mentions.postedAt), desc(mentions.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  return { items, next: rows.length > f.limit ? encode(items.at(-1)!) : null };
}
