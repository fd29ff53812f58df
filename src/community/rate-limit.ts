import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { communityError } from './errors';
import { rateEvents } from './schema';

/**
 * Limits per bucket (what is done) and key (who: an address or a member), counted in the database
 * so every instance shares them. The hit is recorded when it is allowed.
 */
export const COMMUNITY_LIMITS = {
  signup: { max: 5, windowMs: 60 * 60_000 },
  login: { max: 10, windowMs: 15 * 60_000 },
  reset: { max: 5, windowMs: 60 * 60_000 },
  post: { max: 10, windowMs: 10 * 60_000 },
  vote: { max: 60, windowMs: 10 * 60_000 },
} as const;
export type LimitBucket = keyof typeof COMMUNITY_LIMITS;

export async function hitLimit(db: Db, bucket: LimitBucket, key: string, now: Date): Promise<void> {
  const { max, windowMs } = COMMUNITY_LIMITS[bucket];
  const since = new Date(now.getTime() - windowMs);
  // Old rows are useless; clearing a bucket's expired hits here keeps the table small without a job.
  await db.delete(rateEvents).where(and(eq(rateEvents.bucket, bucket), lt(rateEvents.createdAt, since)));
  const [r] = await db
    .select({ n: count(), oldest: sql<Date | string | null>`min(${rateEvents.createdAt})` })
    .from(rateEvents)
    .where(and(eq(rateEvents.bucket, bucket), eq(rateEvents.key, key), gt(rateEvents.createdAt, since)));
  if (Number(r?.n ?? 0) >= max) {
    const oldest = r?.oldest ? new Date(r.oldest) : now;
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
    throw communityError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: retryAfter }).retryingAfter(retryAfter);
  }
  await db.insert(rateEvents).values({ bucket, key, createdAt: now });
}
