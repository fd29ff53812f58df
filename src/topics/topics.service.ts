import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import type { Db } from '../db/types';
import { CompileError, compileQuery, SEARCH_PLATFORMS } from './compile';
import { topicError } from './errors';
import type { CompiledTopic } from './plan';
import { parseQuery, QueryError } from './query';
import { topics, type TopicKind } from './schema';

export type TopicRow = typeof topics.$inferSelect;

export const publicTopic = (t: TopicRow) => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  query: t.query,
  active: t.active,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** A query must parse and compile for every searching platform, or staff hear why now, not at poll time. */
export function validateQuery(query: string) {
  try {
    const node = parseQuery(query);
    for (const p of SEARCH_PLATFORMS) compileQuery(node, p);
    return node;
  } catch (err) {
    if (err instanceof QueryError)
      throw topicError(
        'TOPIC_QUERY_INVALID',
        { problem: err.message, position: err.position + 1 },
        { field: 'query', position: err.position },
      );
    if (err instanceof CompileError)
      throw topicError('TOPIC_QUERY_UNSUPPORTED', { problem: err.message }, { field: 'query' });
    throw err;
  }
}

export async function listTopics(db: Db, workspaceId: string) {
  return db.select().from(topics).where(eq(topics.workspaceId, workspaceId)).orderBy(asc(topics.name));
}

export async function getTopic(db: Db, workspaceId: string, id: string) {
  const [t] = await db
    .select()
    .from(topics)
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.id, id)));
  if (!t) throw topicError('TOPIC_NOT_FOUND');
  return t;
}

/** Active topics, parsed once for matching a whole poll's worth of posts. */
export async function activeTopics(db: Db, workspaceId: string): Promise<CompiledTopic[]> {
  const rows = await db
    .select()
    .from(topics)
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.active, true)));
  return rows.map((t) => ({ id: t.id, name: t.name, query: parseQuery(t.query) }));
}

async function assertNameFree(db: Db, workspaceId: string, name: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.workspaceId, workspaceId), eq(topics.name, name)));
  if (clash && clash.id !== exceptId) throw topicError('TOPIC_NAME_TAKEN', { name });
}

export async function createTopic(
  db: Db,
  actor: Actor,
  input: { name: string; kind: TopicKind; query: string; active?: boolean },
) {
  validateQuery(input.query);
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.workspaceId, input.name);
    const [t] = await tx
      .insert(topics)
      .values({ workspaceId: actor.workspaceId, ...input })
      .returning();
    await recordAudit(tx, actor, {
      action: 'topic.created',
      targetType: 'topic',
      targetId: t!.id,
      details: { name: t!.name, query: t!.query },
    });
    return t!;
  });
}

export async function updateTopic(
  db: Db,
  actor: Actor,
  id: string,
  input: Partial<{ name: string; kind: TopicKind; query: string; active: boolean }>,
  now: Date,
) {
  if (input.query !== undefined) validateQuery(input.query);
  return db.transaction(async (tx) => {
    await getTopic(tx, actor.workspaceId, id);
    if (input.name !== undefined) await assertNameFree(tx, actor.workspaceId, input.name, id);
    const [t] = await tx
      .update(topics)
      .set({ ...input, updatedAt: now })
      .where(and(eq(topics.id, id), eq(topics.workspaceId, actor.workspaceId)))
      .returning();
    await recordAudit(tx, actor, { action: 'topic.updated', targetType: 'topic', targetId: id, details: input });
    return t!;
  });
}

export async function deleteTopic(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const t = await getTopic(tx, actor.workspaceId, id);
    await tx.delete(topics).where(and(eq(topics.id, id), eq(topics.workspaceId, actor.workspaceId)));
    await recordAudit(tx, actor, {
      action: 'topic.deleted',
      targetType: 'topic',
      targetId: id,
      details: { name: t.name },
    });
  });
}
