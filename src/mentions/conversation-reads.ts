import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
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
export interface ConversationAnalysis {
  conversationId: string;
  intents: string[];
  latest: { label: string; score: number | null; confidence: number | null };
}

/** What each of these conversations' posts say now (a conversation without posts is left out). */
export async function conversationsAnalysis(db: Db, conversationIds: string[]): Promise<ConversationAnalysis[]> {
  if (conversationIds.length === 0) return [];
  const posts = await db
    .select({
      conversationId: mentions.conversationId,
      label: mentions.sentimentLabel,
      override: mentions.sentimentOverride,
      score: mentions.sentimentScore,
      confidence: mentions.sentimentConfidence,
      intents: mentions.intents,
      intentsOverride: mentions.intentsOverride,
    })
    .from(mentions)
    .where(inArray(mentions.conversationId, [...new Set(conversationIds)]))
    .orderBy(asc(mentions.conversationId), desc(mentions.postedAt), desc(mentions.id));
  const found = new Map<string, ConversationAnalysis>();
  for (const p of posts) {
    const id = p.conversationId!;
    let c = found.get(id);
    if (!c) {
      // The first post read of a conversation is its latest.
      const latest = { label: effectiveLabel(p), score: effectiveScore(p), confidence: effectiveConfidence(p) };
      c = { conversationId: id, intents: [], latest };
      found.set(id, c);
    }
    for (const intent of effectiveIntents(p)) if (!c.intents.includes(intent)) c.intents.push(intent);
  }
  return [...found.values()];
}
