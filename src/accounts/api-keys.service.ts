import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import type { Actor } from '../core/actor';
import { recordAudit } from './audit.service';
import { accountError } from './errors';
import { assignableRoles } from '../core/roles';
import { apiKeys, workspaces } from './schema';
import type { Role } from '../core/roles';
import { hashToken, newSecret } from '../core/tokens';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

// Recognisable by secret scanners and by people; everything after it is random.
export const API_KEY_PREFIX = 'sck_';

export const publicApiKey = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  prefix: k.prefix,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  createdAt: k.createdAt.toISOString(),
});

/** Creates a key; the plain secret is in the answer once and never stored. */
export async function createApiKey(db: Db, actor: Actor, input: { name: string; role: Role }) {
  if (input.role === 'owner' || !assignableRoles(actor.role).includes(input.role)) {
    throw accountError('API_KEY_ROLE_NOT_ALLOWED', { role: input.role });
  }
  const key = API_KEY_PREFIX + newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        role: input.role,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: hashToken(key),
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: row!.id,
      details: { name: input.name, role: input.role },
    });
    return { row: row!, key };
  });
}

export async function listApiKeys(db: Db, workspaceId: string) {
  return db.select().from(apiKeys).where(eq(apiKeys.workspaceId, workspaceId)).orderBy(desc(apiKeys.createdAt));
}

export async function getApiKey(db: Db, workspaceId: string, id: string) {
  const [k] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)));
  if (!k) throw accountError('API_KEY_NOT_FOUND');
  return k;
}

export async function revokeApiKey(db: Db, actor: Actor, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const k = await getApiKey(tx, actor.workspaceId, id);
    if (k.revokedAt) return k;
    const [row] = await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: id,
      details: { name: k.name },
    });
    return row!;
  });
}

/** The live key behind a bearer secret, with its workspace; null when unknown or revoked. */
export async function resolveApiKey(db: Db, key: string, now: Date) {
  if (!key.startsWith(API_KEY_PREFIX)) return null;
  const [row] = await db
    .select({ key: apiKeys, workspace: workspaces })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.keyHash, hashToken(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.key.id));
  }
  return row;
}
