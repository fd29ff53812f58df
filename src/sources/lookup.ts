import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { sources } from './schema';

/** A source row, as other features read it (the reply outbox replies from one). */
export type Source = typeof sources.$inferSelect;

/** One source by id, or null. */
export async function sourceById(db: Db, id: string): Promise<Source | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  return row ?? null;
}

/** The workspace's first-connected source of a platform (the one to reply from when a post names none). */
export async function firstSourceOf(db: Db, workspaceId: string, platform: Source['platform']): Promise<Source | null> {
  const [row] = await db
    .select()
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.platform, platform)))
    .orderBy(asc(sources.createdAt))
    .limit(1);
  return row ?? null;
}
