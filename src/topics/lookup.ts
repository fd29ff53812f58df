import { eq } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { topics } from './schema';

/**
 * Read model: a workspace's topics as a subquery (id, name, kind), for a feature's own query that shows
 * a row's topic by name (a review's product).
 */
export function topicView(workspaceId: string, as = 'topic') {
  return new QueryBuilder()
    .select({ id: topics.id, name: topics.name, kind: topics.kind })
    .from(topics)
    .where(eq(topics.workspaceId, workspaceId))
    .as(as);
}
