import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/types';
import type { Actor } from '../core/actor';
import { recordAudit } from './audit.service';
import { accountError } from './errors';
import {
  deleteAccountIfUnused,
  ensureAccount,
  membershipCount,
  normalizeEmail,
  setAccountPassword,
} from './accounts.service';
import type { Argon2Params } from './password';
import { assignableRoles } from '../core/roles';
import { sessions, users } from './schema';
import type { Role } from '../core/roles';

export { normalizeEmail };

export type UserRow = typeof users.$inferSelect;

/** What the API and pages show of a user: never the password hash. */
export const publicUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabledAt !== null,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(db: Db, workspaceId: string) {
  return db.select().from(users).where(eq(users.workspaceId, workspaceId)).orderBy(asc(users.createdAt), asc(users.id));
}

export async function getUser(db: Db, workspaceId: string, id: string): Promise<UserRow> {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  if (!u) throw accountError('USER_NOT_FOUND');
  return u;
}

/** The staff member with this email in one workspace (emails are unique per workspace only). */
export async function findMembership(db: Db, workspaceId: string, email: string): Promise<UserRow | null> {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.email, normalizeEmail(email))));
  return u ?? null;
}

export async function countAllUsers(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(users);
  return Number(r?.n ?? 0);
}

export interface CreateUserInput {
  email: string;
  name?: string;
  role: Role;
  password?: string;
}

/**
 * Adds a member to the workspace directly (first owner, CLI, tests); people are otherwise invited.
 * An email that already signs in elsewhere joins with its login unchanged (the password is ignored).
 */
export async function insertUser(
  db: Db,
  workspaceId: string,
  input: CreateUserInput,
  passwordParams?: Argon2Params,
): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  if (await findMembership(db, workspaceId, email)) throw accountError('EMAIL_TAKEN');
  const account = await ensureAccount(db, email, input.password, passwordParams);
  const [u] = await db
    .insert(users)
    .values({ workspaceId, accountId: account.id, email, name: input.name ?? '', role: input.role })
    .returning();
  return u!;
}

export function assertMayGrant(actor: Actor, role: Role) {
  if (!assignableRoles(actor.role).includes(role)) throw accountError('ROLE_NOT_GRANTABLE', { role });
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput, passwordParams?: Argon2Params) {
  assertMayGrant(actor, input.role);
  return db.transaction(async (tx) => {
    const u = await insertUser(tx, actor.workspaceId, input, passwordParams);
    await recordAudit(tx, actor, {
      action: 'user.created',
      targetType: 'user',
      targetId: u.id,
      details: { email: u.email, role: u.role },
    });
    return u;
  });
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  password?: string;
  disabled?: boolean;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
  passwordParams?: Argon2Params,
) {
  return db.transaction(async (tx) => {
    const current = await getUser(tx, actor.workspaceId, id);
    // Only owners touch owners: an admin cannot demote, disable or re-password the owner.
    if (current.role === 'owner' && actor.role !== 'owner') throw accountError('OWNER_CHANGED_BY_OWNERS_ONLY');
    if (input.role && input.role !== current.role) assertMayGrant(actor, input.role);
    const losesOwner = current.role === 'owner' && ((input.role && input.role !== 'owner') || input.disabled === true);
    if (losesOwner) await assertAnotherOwner(tx, actor.workspaceId, id);
    if (input.disabled === true && actor.userId === id) throw accountError('CANNOT_DISABLE_SELF');

    // The password is the login's, shared by every workspace it belongs to: an admin here must not
    // be able to set the password that opens another workspace.
    if (input.password !== undefined && actor.userId !== id && (await membershipCount(tx, current.accountId)) > 1) {
      throw accountError('PASSWORD_OF_SHARED_LOGIN');
    }

    const changes: Partial<typeof users.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.role !== undefined) changes.role = input.role;
    if (input.disabled !== undefined) changes.disabledAt = input.disabled ? (current.disabledAt ?? new Date()) : null;
    if (Object.keys(changes).length === 0 && input.password === undefined) return current;

    const [u] = Object.keys(changes).length
      ? await tx
          .update(users)
          .set(changes)
          .where(and(eq(users.id, id), eq(users.workspaceId, actor.workspaceId)))
          .returning()
      : [current];
    // A new password ends the login's sessions everywhere; disabling ends this membership's sessions.
    if (input.password !== undefined) await setAccountPassword(tx, current.accountId, input.password, passwordParams);
    if (input.disabled === true) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: 'user.updated',
      targetType: 'user',
      targetId: id,
      details: { ...changes, passwordChanged: input.password !== undefined || undefined },
    });
    return u!;
  });
}

export async function deleteUser(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const current = await getUser(tx, actor.workspaceId, id);
    if (actor.userId === id) throw accountError('CANNOT_DELETE_SELF');
    if (current.role === 'owner') {
      if (actor.role !== 'owner') throw accountError('OWNER_REMOVED_BY_OWNERS_ONLY');
      await assertAnotherOwner(tx, actor.workspaceId, id);
    }
    await tx.delete(users).where(and(eq(users.id, id), eq(users.workspaceId, actor.workspaceId)));
    await deleteAccountIfUnused(tx, current.accountId);
    await recordAudit(tx, actor, {
      action: 'user.deleted',
      targetType: 'user',
      targetId: id,
      details: { email: current.email },
    });
  });
}

async function assertAnotherOwner(db: Db, workspaceId: string, exceptId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        eq(users.role, 'owner'),
        ne(users.id, exceptId),
        isNull(users.disabledAt),
      ),
    );
  if (Number(r?.n ?? 0) === 0) throw accountError('LAST_OWNER');
}
