import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/types';
import { accountError } from './errors';
import { decideAttempt, LOGIN_THROTTLE, type LoginThrottleOptions } from './login-throttle';
import { loginFailures } from './schema';

/** A password check that the throttle let through; its row stays as a failure unless forgiven. */
export interface Attempt {
  id: string;
  email: string;
  ip: string;
}

/**
 * Reserves one password check. The row is written before anything is counted: each attempt then
 * counts every attempt committed before it, so of 25 parallel guesses at most the limit get past
 * (a read-then-write check lets them all read the same old count). A refused attempt leaves no row.
 */
export async function reserveAttempt(
  db: Db,
  email: string,
  ip: string,
  now: Date,
  o: LoginThrottleOptions = LOGIN_THROTTLE,
): Promise<Attempt> {
  const since = new Date(now.getTime() - o.windowMs);
  // Old rows are useless; clearing them here keeps the table small without another job.
  await db.delete(loginFailures).where(lt(loginFailures.createdAt, since));
  const [row] = await db
    .insert(loginFailures)
    .values({ email, ip, createdAt: now })
    .returning({ id: loginFailures.id });
  const others = await db
    .select({ email: loginFailures.email, at: loginFailures.createdAt })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.createdAt, since), ne(loginFailures.id, row!.id)));
  const history = {
    fromAddress: others.map((r) => r.at),
    forAccountFromAddress: others.filter((r) => r.email === email).map((r) => r.at),
  };
  const decision = decideAttempt(history, now, o);
  if (decision.ok) return { id: row!.id, email, ip };
  await db.delete(loginFailures).where(eq(loginFailures.id, row!.id));
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw accountError('TOO_MANY_LOGINS', { seconds }, { retryAfterSeconds: seconds }).retryingAfter(seconds);
}

/** The password was right: this attempt and the earlier failures of this address for the account go. */
export async function forgiveAttempts(db: Db, attempt: Attempt): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.email, attempt.email), eq(loginFailures.ip, attempt.ip)));
}
