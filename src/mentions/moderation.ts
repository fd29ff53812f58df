import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import type { ModerationAction } from '../core/moderation';
import { mentions } from './schema';

/** Records what the platform did at staff's word: hidden (or shown again), deleted (kept, marked), liked. */
export async function recordModeration(
  db: Db,
  workspaceId: string,
  mentionId: string,
  action: ModerationAction,
  now: Date,
): Promise<void> {
  const set =
    action === 'hide'
      ? { hiddenAt: now }
      : action === 'unhide'
        ? { hiddenAt: null }
        : action === 'delete'
          ? { deletedAt: now }
          : { likedAt: now };
  await db
    .update(mentions)
    .set(set)
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.id, mentionId)));
}
