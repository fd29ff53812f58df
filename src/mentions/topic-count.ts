import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { mentions } from './schema';

/** How many mentions carry a topic (its settings page says so before the topic is deleted); GIN-indexed. */
export async function countTopicMentions(db: Db, workspaceId: string, topicId: string): Promise<number> {
  const [n] = await db
    .select({ n: count() })
    .from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), sql`${mentions.topicIds} @> array[${topicId}]::uuid[]`));
  return Number(n?.n ?? 0);
}
