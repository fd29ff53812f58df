import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows';
import { platformReviewCounts } from '../../src/mentions';
import { platformReviewCountsQuery } from '../../src/mentions/platform-reviews';
import { mentions } from '../../src/mentions/schema';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * The ratings report's platform half counts the few posts that carry stars or a recommendation. At a million
 * posts it must read them through the partial index `mentions_platform_reviews_idx` (migration 0039), not
 * scan the range's posts: its WHERE states the index's predicate in the same form, so PostgreSQL can prove
 * the index holds every row it wants.
 */
let t: TestContext;
let workspaceId: string;
const CAL = { timeZone: 'UTC', weekStart: 1 };
const RANGE = { from: '2026-11-30', to: '2026-12-13' };

beforeAll(async () => {
  t = await createTestContext();
  workspaceId = (await t.seedWorkspace('Platform Review Counts')).workspace.id;
  const at = (day: number) => new Date(Date.UTC(2026, 11, day, 12));
  const post = (n: number, metrics: Record<string, number>, extra: Partial<typeof mentions.$inferInsert> = {}) => ({
    workspaceId,
    platform: 'facebook' as const,
    externalId: `prc-${n}`,
    text: `post ${n}`,
    postedAt: at(1 + (n % 10)),
    metrics,
    ...extra,
  });
  await t.db.insert(mentions).values([
    // Posts without a review, the many.
    ...Array.from({ length: 60 }, (_, i) => post(100 + i, i % 2 ? { likes: i } : {})),
    post(1, { rating: 5, likes: 2 }),
    post(2, { rating: 5 }),
    post(3, { rating: 2 }, { postedAt: at(8) }),
    post(4, { recommends: 1 }),
    post(5, { recommends: 0 }, { platform: 'x' }),
    // Deleted, outside the range, and a rating key holding JSON null: none of them count.
    post(6, { rating: 1 }, { deletedAt: at(9) }),
    post(7, { rating: 1 }, { postedAt: new Date('2026-11-20T12:00:00Z') }),
    post(8, { rating: null } as unknown as Record<string, number>),
  ]);
});
afterAll(() => t.close());

describe("the platforms' review counts", () => {
  it('counts stars and recommendations per week and platform, not deleted, out-of-range or null ones', async () => {
    const counts = await platformReviewCounts(t.db, workspaceId, RANGE, CAL);
    const key = (c: { week: string; platform: string; rating: number | null; recommends: number | null }) =>
      `${c.week} ${c.platform} ${c.rating} ${c.recommends}`;
    expect(counts.map((c) => `${key(c)} ${c.n}`).sort()).toEqual([
      '2026-11-30 facebook 5 null 2',
      '2026-11-30 facebook null 1 1',
      '2026-11-30 x null 0 1',
      '2026-12-07 facebook 2 null 1',
    ]);
    expect((await platformReviewCounts(t.db, workspaceId, RANGE, CAL, { platform: 'x' })).length).toBe(1);
  });

  it("is read through the reviews' partial index, which the planner may use for it", async () => {
    // A table this small is cheaper to scan, so the test forbids that: what it checks is that the index covers
    // the query (its predicate is implied). Which path wins at scale is the benchmark's to show.
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const q = platformReviewCountsQuery(t.db, workspaceId, RANGE, CAL, { platform: 'facebook' });
      return rows<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain ${q.getSQL()}`))
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toContain('mentions_platform_reviews_idx');
  });
});
