import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import type { MentionRow } from './list';
import { mentions } from './schema';

/** One mention of the workspace by id, or null. */
export async function mentionById(db: Db, workspaceId: string, id: string): Promise<MentionRow | null> {
  const [row] = await db
    .select()
    .from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.id, id)));
  return row ?? null;
}

/** One mention of the workspace by the key it was stored under (platform and the platform's id), or null. */
export async function mentionByKey(
  db: Db,
  workspaceId: string,
  platform: MentionRow['platform'],
  externalId: string,
): Promise<MentionRow | null> {
  const [row] = await db
    .select()
    .from(mentions)
    .where(
      and(eq(mentions.workspaceId, workspaceId), eq(mentions.platform, platform), eq(mentions.externalId, externalId)),
    );
  return row ?? null;
}
