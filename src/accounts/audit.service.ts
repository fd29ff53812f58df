import { and, desc, eq } from 'drizzle-orm';
import { olderThan, page } from '../db/keyset';
import type { Db } from '../db/types';
import type { Actor } from '../core/actor';
import { auditLog } from './schema';

export interface AuditEntryInput {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Records a staff action. Called inside the same transaction as the change it describes. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: actor.ip,
  });
}

export interface AuditPage {
  items: (typeof auditLog.$inferSelect)[];
  next: string | null;
}

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while entries arrive. */
export async function listAudit(
  db: Db,
  workspaceId: string,
  opts: { limit: number; cursor?: string },
): Promise<AuditPage> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        opts.cursor ? olderThan(auditLog.createdAt, auditLog.id, opts.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(opts.limit + 1);
  return page(rows, opts.limit, (e) => ({ at: e.createdAt, id: e.id }));
}
