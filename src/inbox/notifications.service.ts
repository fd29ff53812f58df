import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import { notifications } from './schema';

/** A person's in-app notifications: assignments and @-mentions in notes. */
export type NotificationRow = typeof notifications.$inferSelect;

export const publicNotification = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  conversationId: n.conversationId,
  text: n.text,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

export function listNotifications(db: Db, workspaceId: string, userId: string, limit = 50) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function unreadCount(db: Db, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt)),
    );
  return Number(row?.n ?? 0);
}

/** Marks the given notifications (or all) read; only the person's own. */
export async function markRead(db: Db, workspaceId: string, userId: string, now: Date, ids?: string[]) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.workspaceId, workspaceId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}
