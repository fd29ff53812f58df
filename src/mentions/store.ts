import { sql } from 'drizzle-orm';
import type { SocialPost } from '../connectors/types';
import type { Db } from '../db/types';
import type { Platform } from '../sources/schema';
import { mentions } from './schema';

export interface PostToStore {
  post: SocialPost;
  topicIds: string[];
}

export interface StoreResult {
  fetched: number;
  inserted: number;
  /** Already stored before (edited or not). */
  duplicates: number;
  /** Already stored, and the platform changed its text or deleted it since. */
  edited: number;
  insertedIds: string[];
}

// Keeps a hostile or broken platform from filling the database with one post.
const MAX_TEXT = 40_000;
const clip = (s: string | null, n: number) => (s && s.length > n ? s.slice(0, n) : s);

/**
 * Stores a page of posts idempotently: unique on (workspace, platform, external id), so a page
 * polled twice (after a crash between commit and cursor save) adds nothing twice. Edited posts
 * update in place; deleted ones are marked, never removed.
 */
export async function storePosts(
  db: Db,
  target: { workspaceId: string; sourceId: string | null; platform: Platform },
  items: PostToStore[],
): Promise<StoreResult> {
  // One statement may not touch a row twice: keep the last copy of a repeated id.
  const unique = [...new Map(items.map((i) => [i.post.externalId, i])).values()];
  if (unique.length === 0) return { fetched: items.length, inserted: 0, duplicates: items.length, edited: 0, insertedIds: [] };
  const rows = unique.map(({ post, topicIds }) => ({
    workspaceId: target.workspaceId,
    sourceId: target.sourceId,
    platform: target.platform,
    externalId: post.externalId,
    url: post.url,
    kind: post.kind,
    title: clip(post.title, 1000),
    text: clip(post.text, MAX_TEXT)!,
    lang: post.lang,
    postedAt: post.createdAt,
    authorExternalId: post.author.externalId,
    authorHandle: clip(post.author.handle, 200),
    authorName: clip(post.author.name, 300),
    authorFollowers: post.author.followers,
    authorBio: clip(post.author.bio, 2000),
    authorUrl: clip(post.author.url, 1000),
    authorAvatarUrl: clip(post.author.avatarUrl, 1000),
    authorVerified: post.author.verified,
    replyToExternalId: post.replyToExternalId,
    threadExternalId: post.threadExternalId,
    metrics: post.metrics,
    raw: post.raw,
    topicIds,
    deletedAt: post.deleted ? new Date() : null,
  }));
  const changed = await db
    .insert(mentions)
    .values(rows)
    .onConflictDoUpdate({
      target: [mentions.workspaceId, mentions.platform, mentions.externalId],
      set: {
        text: sql`excluded.text`,
        title: sql`excluded.title`,
        metrics: sql`excluded.metrics`,
        raw: sql`excluded.raw`,
        topicIds: sql`excluded.topic_ids`,
        editedAt: sql`case when ${mentions.text} is distinct from excluded.text then now() else ${mentions.editedAt} end`,
        deletedAt: sql`coalesce(${mentions.deletedAt}, excluded.deleted_at)`,
      },
      // Untouched re-deliveries are not rewritten at all (cheaper, and edited_at stays true).
      setWhere: sql`${mentions.text} is distinct from excluded.text or (excluded.deleted_at is not null and ${mentions.deletedAt} is null)`,
    })
    .returning({ id: mentions.id, inserted: sql<boolean>`(xmax = 0)` });
  const insertedIds = changed.filter((r) => r.inserted).map((r) => r.id);
  return {
    fetched: items.length,
    inserted: insertedIds.length,
    duplicates: items.length - insertedIds.length,
    edited: changed.length - insertedIds.length,
    insertedIds,
  };
}
