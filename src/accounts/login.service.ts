import { eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import {
  activeMemberships,
  findAccountByEmail,
  type MembershipIn,
  normalizeEmail,
  siblingMembership,
  type StaffAccount,
} from './accounts.service';
import { recordAudit } from './audit.service';
import { accountError } from './errors';
import { type Attempt, forgiveAttempts, reserveAttempt } from './login-attempts.service';
import { type Argon2Params, verifyDecoy, verifyPassword } from './password';
import { users } from './schema';
import { createSession, revokeSession } from './sessions.service';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
}

export interface LoginOptions {
  now: Date;
  sessionTtlMs: number;
  passwordParams?: Argon2Params;
}

export interface SignInOptions {
  now: Date;
  sessionTtlMs: number;
  ip: string | null;
  userAgent?: string | null;
  /** The audit action: auth.login, auth.switch. */
  action?: string;
}

const wrong = () => accountError('INVALID_CREDENTIALS');

/**
 * Checks a login's password behind the throttle (login-throttle.ts): the attempt is counted
 * before the hash is computed. A wrong password keeps the attempt as a failure; on success the
 * caller forgives it once the person is really let in.
 */
export async function verifyLogin(
  db: Db,
  input: { email: string; password: string; ip: string },
  opts: Pick<LoginOptions, 'now' | 'passwordParams'>,
): Promise<{ account: StaffAccount; attempt: Attempt }> {
  const email = normalizeEmail(input.email);
  const attempt = await reserveAttempt(db, email, input.ip, opts.now);
  const account = await findAccountByEmail(db, email);
  const ok = account?.passwordHash
    ? await verifyPassword(input.password, account.passwordHash)
    : await verifyDecoy(input.password, opts.passwordParams);
  if (!account || !ok) throw wrong();
  return { account, attempt };
}

/** Opens a session for one membership and records it; used by login, workspace switch and invitations. */
export async function signIn(db: Db, m: MembershipIn, opts: SignInOptions) {
  const { user, workspace } = m;
  await db.update(users).set({ lastLoginAt: opts.now }).where(eq(users.id, user.id));
  const { ip, now } = opts;
  const session = await createSession(db, user, {
    ttlMs: opts.sessionTtlMs,
    now,
    ip,
    userAgent: opts.userAgent ?? null,
  });
  const actor = { workspaceId: workspace.id, workspaceSlug: workspace.slug, userId: user.id, apiKeyId: null, ip };
  const entry = { action: opts.action ?? 'auth.login', targetType: 'user', targetId: user.id };
  await recordAudit(db, { ...actor, role: user.role }, entry);
  return { user, workspace, session };
}

/** Email and password in, a session out: in the workspace the person used last. */
export async function login(db: Db, input: LoginInput, opts: LoginOptions) {
  const { account, attempt } = await verifyLogin(db, input, opts);
  const [membership] = await activeMemberships(db, account.id);
  // Right password, but disabled (or removed) everywhere: answered like a wrong one.
  if (!membership) throw wrong();
  await forgiveAttempts(db, attempt);
  const signInOpts = {
    now: opts.now,
    sessionTtlMs: opts.sessionTtlMs,
    ip: input.ip,
    userAgent: input.userAgent ?? null,
  };
  return db.transaction((tx) => signIn(tx, membership, signInOpts));
}

/**
 * Moves a signed-in person to their membership in another workspace, after checking it is theirs
 * and active: a new session there, and the old one ends (a session belongs to one membership).
 */
export async function switchWorkspace(
  db: Db,
  current: { userId: string; token: string },
  workspaceId: string,
  opts: SignInOptions,
) {
  const target = await siblingMembership(db, current.userId, workspaceId);
  if (!target) throw accountError('WORKSPACE_NOT_FOUND');
  return db.transaction(async (tx) => {
    await revokeSession(tx, current.token);
    return signIn(tx, target, { ...opts, action: 'auth.switch' });
  });
}
