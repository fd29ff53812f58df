import type { Db } from '../db/types';
import type { Range } from './series';

/**
 * Where the ratings report gets its counts. Reviews belong to the board (community), which builds on
 * reports, so reports name what they need here and composition (src/server/deps.ts) hands in community's
 * `reviewRatingCounts`: the board's visible reviews written in the range (UTC days, both included), counted
 * per ISO week and rating. No report file imports community.
 */
export type ReviewRatings = (
  db: Db,
  workspaceId: string,
  range: Range,
  topicId?: string,
) => Promise<{ week: string; rating: number; n: number }[]>;

declare module '../http/env' {
  interface AppDeps {
    reviewRatings: ReviewRatings;
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Reviews written in a range: how many of each rating, the average, and the average per week. */
export async function ratingStats(
  deps: { db: Db; reviewRatings: ReviewRatings },
  workspaceId: string,
  range: Range,
  topicId?: string,
  f: { platform?: string | undefined; source?: string[] | undefined } = {},
) {
  // Reviews are community posts: another platform, or sources without reviews, have none.
  const none = (f.platform && f.platform !== 'community') || (f.source?.length && !f.source.includes('reviews'));
  const counts = none ? [] : await deps.reviewRatings(deps.db, workspaceId, range, topicId);
  const distribution: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const weeks = new Map<string, { week: string; sum: number; count: number }>();
  for (const c of counts) {
    const r = c.rating as 1;
    distribution[r] = (distribution[r] ?? 0) + c.n;
    const w = weeks.get(c.week) ?? { week: c.week, sum: 0, count: 0 };
    w.sum += c.rating * c.n;
    w.count += c.n;
    weeks.set(c.week, w);
  }
  const total = Object.values(distribution).reduce((a, b) => a + b, 0);
  const average = total
    ? round2(Object.entries(distribution).reduce((a, [k, v]) => a + Number(k) * v, 0) / total)
    : null;
  return {
    total,
    average,
    distribution,
    weeks: [...weeks.values()]
      .sort((a, b) => (a.week < b.week ? -1 : 1))
      .map((w) => ({ week: w.week, average: round2(w.sum / w.count), count: w.count })),
  };
}
