import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/types';
import { effectiveConfidence, effectiveIntents, effectiveLabel, effectiveScore } from './effective-sentiment';
import type { MentionRow } from './list';
import { mentions } from './schema';

/**
 * What the inbox reads of the mentions a conversation holds (the inbox threads them; mentions owns them).
 */

/** A conversation's posts, oldest first. */
export function conversationMentions(db: Db, workspaceId: string, conversationId: string): Promise<MentionRow[]> {
  return db
    .select()
    .from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.conversationId, conversationId)))
    .orderBy(asc(mentions.postedAt));
}

/** The post of a conversation a reply answers: the one named, else its latest; null if not in it. */
export async function replyTarget(
  db: Db,
  workspaceId: string,
  conversationId: string,
  mentionId?: string,
): Promise<MentionRow | null> {
  const [row] = await db
    .select()
    .from(mentions)
    .where(
      and(
        eq(mentions.workspaceId, workspaceId),
        eq(mentions.conversationId, conversationId),
        mentionId ? eq(mentions.id, mentionId) : undefined,
      ),
    )
    .orderBy(desc(mentions.postedAt))
    .limit(1);
  return row ?? null;
}

/** A condition for the inbox's own query: the conversation (its id column) has a post matching `q`. */
export const conversationTextMatches = (conversationId: PgColumn | SQL, q: string): SQL =>
  sql`exists (select 1 from ${mentions} where ${mentions.conversationId} = ${conversationId}
    and ${mentions.search} @@ websearch_to_tsquery('simple', ${q}))`;

/** What a conversation's posts say now, corrections first: all their intents, and the latest post's label. */
export async function conversationAnalysis(
  db: Db,
  conversationId: string,
): Promise<{
  intents: string[];
  latest: { label: string; score: number | null; confidence: number | null } | null;
}> {
  const posts = await db
    .select({
      label: mentions.sentimentLabel,
      override: mentions.sentimentOverride,
      score: mentions.sentimentScore,
      confidence: mentions.sentimentConfidence,
      intents: mentions.intents,
      intentsOverride: mentions.intentsOverride,
    })
    .from(mentions)
    .where(eq(mentions.conversationId, conversationId))
    .orderBy(desc(mentions.postedAt), desc(mentions.id));
  const latest = posts[0];
  return {
    intents: [...new Set(posts.flatMap((p) => effectiveIntents(p)))],
    latest: latest
      ? { label: effectiveLabel(latest), score: effectiveScore(latest), confidence: effectiveConfidence(latest) }
      : null,
  };
}
