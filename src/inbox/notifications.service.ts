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

/** A notice for one person: what happened, and the conversation it is about if any. */
export interface Notice {
  workspaceId: string;
  userId: string;
  kind: 'assigned' | 'mention' | 'spike' | (string & {});
  conversationId?: string | null;
  text: string;
  createdAt?: Date;
}

/** Leaves notices in people's in-app notifications; call it with the transaction that decided them. */
export async function notify(tx: Db, notices: Notice[]): Promise<void> {
  if (notices.length) await tx.insert(notifications).values(notices);
}

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
