import { ownerActor } from '../core/actor';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { recordAudit } from './audit.service';
import { type Argon2Params, hashPassword } from './password';
import { sessions, staffAccounts, users, workspaces } from './schema';

export type StaffAccount = typeof staffAccounts.$inferSelect;
export type Membership = typeof users.$inferSelect;
export type WorkspaceRow = typeof workspaces.$inferSelect;
export type MembershipIn = { user: Membership; workspace: WorkspaceRow };

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findAccountByEmail(db: Db, email: string): Promise<StaffAccount | null> {
  const [a] = await db
    .select()
    .from(staffAccounts)
    .where(eq(staffAccounts.email, normalizeEmail(email)));
  return a ?? null;
}

/**
 * The login for an email, made when missing. An existing login keeps its password: whoever adds
 * a membership for it must never be able to set the password another workspace signs in with.
 */
export async function ensureAccount(
  db: Db,
  email: string,
  password: string | undefined,
  params?: Argon2Params,
): Promise<StaffAccount> {
  const existing = await findAccountByEmail(db, email);
  if (existing) return existing;
  const passwordHash = password ? await hashPassword(password, params) : null;
  const [created] = await db
    .insert(staffAccounts)
    .values({ email: normalizeEmail(email), passwordHash })
    .onConflictDoNothing()
    .returning();
  return created ?? (await findAccountByEmail(db, email))!;
}

/**
 * Sets a login's password and ends its sessions in every workspace (the password is shared by all).
 * `auditAs` (operator tools) records the change in each of those workspaces.
 */
export async function setAccountPassword(
  db: Db,
  accountId: string,
  password: string,
  params?: Argon2Params,
  auditAs?: { ip: string },
): Promise<void> {
  const passwordHash = await hashPassword(password, params);
  await db.transaction(async (tx) => {
    await tx.update(staffAccounts).set({ passwordHash }).where(eq(staffAccounts.id, accountId));
    const members = await tx
      .select({ user: users, workspace: workspaces })
      .from(users)
      .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
      .where(eq(users.accountId, accountId));
    if (members.length)
      await tx.delete(sessions).where(
        inArray(
          sessions.userId,
          members.map((m) => m.user.id),
        ),
      );
    for (const { user, workspace } of auditAs ? members : []) {
      // An operator (the CLI): acting with shell access to the server, like an owner.
      await recordAudit(tx, ownerActor(workspace, null, auditAs!.ip), {
        action: 'user.updated',
        targetType: 'user',
        targetId: user.id,
        details: { passwordChanged: true },
      });
    }
  });
}

/** Active memberships of a login, the most recently used first: login opens the first one. */
export async function activeMemberships(db: Db, accountId: string): Promise<MembershipIn[]> {
  return db
    .select({ user: users, workspace: workspaces })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.accountId, accountId), isNull(users.disabledAt)))
    .orderBy(sql`${users.lastLoginAt} desc nulls last`, asc(users.createdAt));
}

/** The workspaces a staff member may switch to: every active membership of the same login. */
export async function workspacesOfMember(db: Db, userId: string) {
  const accountId = db.select({ id: users.accountId }).from(users).where(eq(users.id, userId));
  return db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name, role: users.role })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.accountId, accountId), isNull(users.disabledAt)))
    .orderBy(asc(workspaces.name), desc(workspaces.id));
}

/** The membership of the same login in another workspace, when it exists and is active. */
export async function siblingMembership(db: Db, userId: string, workspaceId: string) {
  const accountId = db.select({ id: users.accountId }).from(users).where(eq(users.id, userId));
  const [row] = await db
    .select({ user: users, workspace: workspaces })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.accountId, accountId), eq(users.workspaceId, workspaceId), isNull(users.disabledAt)));
  return row ?? null;
}

/** How many workspaces a login belongs to (disabled memberships included). */
export async function membershipCount(db: Db, accountId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(users).where(eq(users.accountId, accountId));
  return Number(r?.n ?? 0);
}

/** A login left with no membership is removed, so its email and password do not linger. */
export async function deleteAccountIfUnused(db: Db, accountId: string): Promise<void> {
  if ((await membershipCount(db, accountId)) > 0) return;
  await db.delete(staffAccounts).where(eq(staffAccounts.id, accountId));
}
