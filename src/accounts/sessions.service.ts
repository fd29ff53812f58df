import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/types';
import { sessions, staffAccounts, users, workspaces } from './schema';
import { hashToken, newSecret } from '../core/tokens';

export interface SessionOptions {
  ttlMs: number;
  now: Date;
  ip?: string | null;
  userAgent?: string | null;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  user: { id: string; workspaceId: string },
  opts: SessionOptions,
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(opts.now.getTime() + opts.ttlMs);
  await db.insert(sessions).values({
    workspaceId: user.workspaceId,
    userId: user.id,
    tokenHash: hashToken(token),
    csrfToken,
    ip: opts.ip ?? null,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
    expiresAt,
    lastSeenAt: opts.now,
  });
  return { token, csrfToken, expiresAt };
}

/** Finds the live session behind a token, with its user and workspace; null when expired or revoked. */
export async function resolveSession(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      workspace: workspaces,
      account: {
        language: staffAccounts.language,
        timeZone: staffAccounts.timeZone,
        keyboardShortcuts: staffAccounts.keyboardShortcuts,
        afterTriage: staffAccounts.afterTriage,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(staffAccounts, eq(staffAccounts.id, users.accountId))
    .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row || row.user.disabledAt) return null;
  // Touch at most once a minute: one write per request would dominate a busy inbox's load.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return row;
}

/** Logout: the row is deleted, so the cookie or bearer token is dead everywhere at once. */
export async function revokeSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Removes sessions past their expiry; returns how many. Run on a schedule by the jobs module. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return gone.length;
}
