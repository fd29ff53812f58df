import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
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

/**
 * Marks posts the platform says were hidden or shown again (a webhook's `hide` / `unhide`, done on the
 * platform by someone of the Page): the inbox shows them as such. Returns how many changed.
 */
export async function markHidden(
  db: Db,
  target: { workspaceId: string; platform: Platform },
  externalIds: string[],
  hidden: boolean,
  now: Date,
): Promise<number> {
  if (externalIds.length === 0) return 0;
  const changed = await db
    .update(mentions)
    .set({ hiddenAt: hidden ? now : null })
    .where(
      and(
        eq(mentions.workspaceId, target.workspaceId),
        eq(mentions.platform, target.platform),
        inArray(mentions.externalId, externalIds),
        hidden ? isNull(mentions.hiddenAt) : isNotNull(mentions.hiddenAt),
      ),
    )
    .returning({ id: mentions.id });
  return changed.length;
}
