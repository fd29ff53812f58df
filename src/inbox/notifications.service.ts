import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import { ENGLISH } from '../core/i18n/translator';
import { noticeText, storedNotice } from './notification-text';
import { notifications } from './schema';

/** A person's in-app notifications: assignments and @-mentions in notes. */
export type NotificationRow = typeof notifications.$inferSelect;

export const publicNotification = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  conversationId: n.conversationId,
  // The API keeps its English sentence; the notifications page says it in the reader's language.
  text: noticeText(ENGLISH, n, true),
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

/** A notice for one person: what happened, and the conversation it is about if any. */
export type Notice = {
  workspaceId: string;
  userId: string;
  conversationId?: string | null;
  createdAt?: Date;
} & (
  | { kind: 'assigned'; values: { by: 'person' | 'rule' } }
  | {
      kind: 'source_needs_person';
      values:
        | { platform: string; name: string; reason: string }
        | { platform: string; name: string; ended: 'yes' | 'no'; expiresAt: string };
    }
  | {
      kind: 'spike';
      values: { named: 'yes' | 'no'; topic: string; volume: number; usual: number; negativeShare: number };
    }
  /** A note that @-mentions someone: its text as its author wrote it. */
  | { kind: 'note_mention'; text: string }
  /** Text that is not in the catalogue yet (shown as it is). */
  | { kind: string & {}; text: string }
);

/** Leaves notices in people's in-app notifications; call it with the transaction that decided them. */
export async function notify(tx: Db, notices: Notice[]): Promise<void> {
  if (notices.length)
    await tx.insert(notifications).values(
      notices.map(({ workspaceId, userId, kind, conversationId, createdAt, ...said }) => ({
        workspaceId,
        userId,
        kind,
        conversationId,
        createdAt,
        text: 'values' in said ? storedNotice(said.values) : said.text,
      })),
    );
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
