import { eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import type { Db } from '../db/types';
import { setAccountPassword } from './accounts.service';
import { recordAudit } from './audit.service';
import { accountError } from './errors';
import { type Argon2Params, verifyPassword } from './password';
import type { ProfileInput } from './profile.input';
import { staffAccounts, users } from './schema';

/**
 * What a person's profile holds: the name in this workspace; the language, zone and inbox habits (single-key
 * shortcuts, what opens after triage) of the person.
 */
export interface Profile {
  name: string;
  email: string;
  language: string | null;
  timeZone: string | null;
  keyboardShortcuts: boolean;
  afterTriage: 'next' | 'list';
}

export async function profileOf(db: Db, userId: string): Promise<Profile | null> {
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      language: staffAccounts.language,
      timeZone: staffAccounts.timeZone,
      keyboardShortcuts: staffAccounts.keyboardShortcuts,
      afterTriage: staffAccounts.afterTriage,
    })
    .from(users)
    .innerJoin(staffAccounts, eq(staffAccounts.id, users.accountId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * A person changes their own profile: the name is theirs in this workspace, the language and time zone
 * follow them into every workspace (one login, one language). Left-out fields stay; null resets a choice.
 */
export async function updateProfile(db: Db, actor: Actor, input: ProfileInput): Promise<Profile> {
  if (!actor.userId) throw accountError('USER_NOT_FOUND');
  const userId = actor.userId;
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw accountError('USER_NOT_FOUND');
    if (input.name !== undefined) await tx.update(users).set({ name: input.name }).where(eq(users.id, userId));
    const account: Partial<typeof staffAccounts.$inferInsert> = {};
    if (input.language !== undefined) account.language = input.language;
    if (input.timeZone !== undefined) account.timeZone = input.timeZone;
    if (input.keyboardShortcuts !== undefined) account.keyboardShortcuts = input.keyboardShortcuts;
    if (input.afterTriage !== undefined) account.afterTriage = input.afterTriage;
    if (Object.keys(account).length)
      await tx.update(staffAccounts).set(account).where(eq(staffAccounts.id, user.accountId));
    await recordAudit(tx, actor, {
      action: 'user.profile_updated',
      targetType: 'user',
      targetId: userId,
      details: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    });
    return (await profileOf(tx, userId))!;
  });
}

/**
 * A person sets a new password with the current one: every session of the login ends (theirs too), as
 * after any password change.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  params?: Argon2Params,
): Promise<void> {
  if (!actor.userId) throw accountError('USER_NOT_FOUND');
  const [row] = await db
    .select({ accountId: staffAccounts.id, hash: staffAccounts.passwordHash })
    .from(users)
    .innerJoin(staffAccounts, eq(staffAccounts.id, users.accountId))
    .where(eq(users.id, actor.userId));
  if (!row) throw accountError('USER_NOT_FOUND');
  if (!row.hash || !(await verifyPassword(input.currentPassword, row.hash))) throw accountError('PASSWORD_WRONG');
  await setAccountPassword(db, row.accountId, input.newPassword, params);
  await recordAudit(db, actor, {
    action: 'user.updated',
    targetType: 'user',
    targetId: actor.userId,
    details: { passwordChanged: true },
  });
}
