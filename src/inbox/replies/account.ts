import type { Db } from '../../db/types';
import { firstSourceOf, type Source, sourceById } from '../../sources';

/** Config fields in which a source keeps the handle of the account it posts as (X: accountHandle). */
const HANDLE_FIELDS = ['accountHandle', 'username', 'handle'] as const;

/**
 * The account a reply from this source is posted as, as the composer names it: the connected handle ("@brand")
 * when the source keeps one, else the source's name. Null when no source can post.
 */
export function replyAccountName(source: Pick<Source, 'config' | 'name'> | null): string | null {
  if (!source) return null;
  for (const field of HANDLE_FIELDS) {
    const v = source.config?.[field];
    if (typeof v === 'string' && v.trim().replace(/^@/, '')) return `@${v.trim().replace(/^@/, '')}`;
  }
  return source.name.trim() || null;
}

/** The source a reply to a post goes out through, as the outbox picks it: the post's own, else the platform's first. */
export async function replySource(
  db: Db,
  workspaceId: string,
  platform: Source['platform'],
  sourceId: string | null,
): Promise<Source | null> {
  const own = sourceId ? await sourceById(db, sourceId) : null;
  return own && own.workspaceId === workspaceId ? own : firstSourceOf(db, workspaceId, platform);
}
