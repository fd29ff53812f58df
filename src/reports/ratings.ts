import type { Db } from '../db/types';
import { platformReviewCounts } from '../mentions';
import type { ReportCalendar } from './calendar';
import type { Range } from './series';

/**
 * Where the ratings report gets its counts. Reviews belong to the board (community), which builds on
 * reports, so reports name what they need here and composition (src/server/deps.ts) hands in community's
 * `reviewRatingCounts`: the board's visible reviews written in the range (days in the workspace's time zone,
 * both included), counted per week (starting on the workspace's week start, named by its first day) and
 * rating, as the platforms' reviews and every other report count them. No report file imports community.
 */
export type ReviewRatings = (
  db: Db,
  workspaceId: string,
  range: Range,
  cal: ReportCalendar,
  topicId?: string,
) => Promise<{ week: string; rating: number; n: number }[]>;

declare module '../http/env' {
  interface AppDeps {
    reviewRatings: ReviewRatings;
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Reviews written in a range: the board's and the platforms' (a Facebook Page's ratings): how many of each
 * star rating, the average, the average per week, and recommendations (Facebook's recommends / does not
 * recommend, which carry no stars), with a line per platform. A platform filter keeps that platform's
 * reviews only (community: the board's); the channel filter counts the board's under reviews and the
 * platforms' under mentions, where their posts report.
 */
export async function ratingStats(
  deps: { db: Db; reviewRatings: ReviewRatings },
  workspaceId: string,
  range: Range,
  cal: ReportCalendar,
  topicId?: string,
  f: { platform?: string | undefined; source?: string[] | undefined } = {},
) {
  const boardOut = (f.platform && f.platform !== 'community') || (f.source?.length && !f.source.includes('reviews'));
  const platformsOut = f.platform === 'community' || (f.source?.length && !f.source.includes('mentions'));
  const [board, platforms] = await Promise.all([
    boardOut ? [] : deps.reviewRatings(deps.db, workspaceId, range, cal, topicId),
    platformsOut ? [] : platformReviewCounts(deps.db, workspaceId, range, cal, { platform: f.platform, topicId }),
  ]);
  const starred = [
    ...board.map((c) => ({ ...c, platform: 'community' })),
    ...platforms.filter((c) => c.rating !== null && c.rating >= 1 && c.rating <= 5),
  ] as { week: string; rating: number; n: number; platform: string }[];
  const distribution: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const weeks = new Map<string, { week: string; sum: number; count: number }>();
  for (const c of starred) {
    const r = c.rating as 1;
    distribution[r] = (distribution[r] ?? 0) + c.n;
    const w = weeks.get(c.week) ?? { week: c.week, sum: 0, count: 0 };
    w.sum += c.rating * c.n;
    w.count += c.n;
    weeks.set(c.week, w);
  }
  const rated = Object.values(distribution).reduce((a, b) => a + b, 0);
  const average = rated
    ? round2(Object.entries(distribution).reduce((a, [k, v]) => a + Number(k) * v, 0) / rated)
    : null;
  type Line = { platform: string; reviews: number; rated: number; starSum: number; positive: number; negative: number };
  const byPlatform = new Map<string, Line>();
  const line = (platform: string) => {
    const l = byPlatform.get(platform) ?? { platform, reviews: 0, rated: 0, starSum: 0, positive: 0, negative: 0 };
    byPlatform.set(platform, l);
    return l;
  };
  for (const c of board) line('community').reviews += c.n;
  for (const c of platforms) {
    const l = line(c.platform);
    l.reviews += c.n;
    if (c.recommends === 1) l.positive += c.n;
    if (c.recommends === 0) l.negative += c.n;
  }
  for (const c of starred) {
    const l = line(c.platform);
    l.rated += c.n;
    l.starSum += c.rating * c.n;
  }
  // Each platform's own average beside the others (Google Play's 3.1 next to Google's 4.4), and its spread.
  const lines = [...byPlatform.values()]
    .sort((a, b) => b.reviews - a.reviews || (a.platform < b.platform ? -1 : 1))
    .map(({ rated, starSum, ...l }) => ({ ...l, rated, average: rated ? round2(starSum / rated) : null }));
  const positive = lines.reduce((a, l) => a + l.positive, 0);
  const negative = lines.reduce((a, l) => a + l.negative, 0);
  return {
    total: lines.reduce((a, l) => a + l.reviews, 0),
    average,
    distribution,
    weeks: [...weeks.values()]
      .sort((a, b) => (a.week < b.week ? -1 : 1))
      .map((w) => ({ week: w.week, average: round2(w.sum / w.count), count: w.count })),
    recommendations: {
      positive,
      negative,
      /** Share recommending, in percent of those that said either way. */
      positiveShare: positive + negative ? Math.round((positive / (positive + negative)) * 1000) / 10 : null,
    },
    byPlatform: lines,
  };
}
