import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/types';
import type { Actor } from './actor';
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
export async function listAudit(db: Db, workspaceId: string, opts: { limit: number; cursor?: string }): Promise<AuditPage> {
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        after
          ? or(lt(auditLog.createdAt, after.at), and(eq(auditLog.createdAt, after.at), lt(auditLog.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  return { items, next: rows.length > opts.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  return id && !Number.isNaN(at.getTime()) && /^[0-9a-f-]{36}$/.test(id) ? { at, id } : null;
}
