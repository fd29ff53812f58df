import { and, asc, count, eq, gt, lt } from 'drizzle-orm';
import { AppError } from '../core/errors';
import type { Db } from '../db/types';
import { recordAudit } from './audit.service';
import { type Argon2Params, hashPassword, verifyPassword } from './password';
import { loginFailures, users, workspaces } from './schema';
import { createSession } from './sessions.service';
import { findUserByEmail, normalizeEmail } from './users.service';

export const LOGIN_THROTTLE = { maxFailures: 10, windowMs: 15 * 60_000 } as const;

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

// Verifying against a throwaway hash when the email is unknown keeps the answer time the same,
// so response timing does not tell which emails have accounts.
let decoyHash: Promise<string> | null = null;
const decoy = (params?: Argon2Params) => (decoyHash ??= hashPassword('decoy-password-never-matches', params));

/**
 * Checks credentials with throttling: after 10 failures for one account or one address within 15
 * minutes, further attempts answer RATE_LIMITED until the oldest failure leaves the window.
 */
export async function login(db: Db, input: LoginInput, opts: LoginOptions) {
  const email = normalizeEmail(input.email);
  await assertNotThrottled(db, email, input.ip, opts.now);

  const user = await findUserByEmail(db, email);
  const ok = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : (await verifyPassword(input.password, await decoy(opts.passwordParams)), false);

  if (!user || !ok || user.disabledAt) {
    await db.insert(loginFailures).values({ email, ip: input.ip, createdAt: opts.now });
    throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  }

  return db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.email, email));
    await tx.update(users).set({ lastLoginAt: opts.now }).where(eq(users.id, user.id));
    const session = await createSession(tx, user, {
      ttlMs: opts.sessionTtlMs,
      now: opts.now,
      ip: input.ip,
      userAgent: input.userAgent ?? null,
    });
    const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, user.workspaceId));
    await recordAudit(
      tx,
      { workspaceId: user.workspaceId, workspaceSlug: ws!.slug, userId: user.id, apiKeyId: null, role: user.role, ip: input.ip },
      { action: 'auth.login', targetType: 'user', targetId: user.id },
    );
    return { user, workspace: ws!, session };
  });
}

async function assertNotThrottled(db: Db, email: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
  // Old rows are useless; clearing them here keeps the table small without another job.
  await db.delete(loginFailures).where(lt(loginFailures.createdAt, since));
  for (const where of [eq(loginFailures.email, email), eq(loginFailures.ip, ip)]) {
    const [r] = await db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(where, gt(loginFailures.createdAt, since)));
    if (Number(r?.n ?? 0) >= LOGIN_THROTTLE.maxFailures) {
      const [oldest] = await db
        .select({ at: loginFailures.createdAt })
        .from(loginFailures)
        .where(and(where, gt(loginFailures.createdAt, since)))
        .orderBy(asc(loginFailures.createdAt))
        .limit(1);
      const retryAfter = Math.max(1, Math.ceil(((oldest?.at.getTime() ?? now.getTime()) + LOGIN_THROTTLE.windowMs - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', 'Too many failed logins; try again later', { retryAfterSeconds: retryAfter }, retryAfter);
    }
  }
}
