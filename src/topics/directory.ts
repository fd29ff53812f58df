import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/types';
import { type TopicKind, topics } from './schema';

/** What other features may know of a workspace's topics, without touching the topics table. */
export interface TopicSummary {
  id: string;
  name: string;
  kind: TopicKind;
}

const summary = { id: topics.id, name: topics.name, kind: topics.kind };

/** The names of the given topics, by id (ids of deleted topics are absent). */
export async function topicNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await db.select({ id: topics.id, name: topics.name }).from(topics).where(inArray(topics.id, unique));
  return new Map(found.map((t) => [t.id, t.name]));
}

/** A workspace's topics of the given kinds (all kinds without `kinds`), active or not. */
export function topicsOfKinds(db: Db, workspaceId: string, kinds?: readonly TopicKind[]): Promise<TopicSummary[]> {
  return db
    .select(summary)
    .from(topics)
    .where(and(eq(topics.workspaceId, workspaceId), kinds ? inArray(topics.kind, [...kinds]) : undefined));
}
