import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Platform } from '../core/platforms';
import type { Db } from '../db/types';
import { mentions } from './schema';

/**
 * Marks posts the platform says were removed (a webhook's `remove`): kept, with the time, as the store marks
 * a post a poll finds deleted; never removed from our records. Returns how many were newly marked.
 */
export async function markRemoved(
  db: Db,
  target: { workspaceId: string; platform: Platform },
  externalIds: string[],
  now: Date,
): Promise<number> {
  if (externalIds.length === 0) return 0;
  const marked = await db
    .update(mentions)
    .set({ deletedAt: now })
    .where(
      and(
        eq(mentions.workspaceId, target.workspaceId),
        eq(mentions.platform, target.platform),
        inArray(mentions.externalId, externalIds),
        isNull(mentions.deletedAt),
      ),
    )
    .returning({ id: mentions.id });
  return marked.length;
}
