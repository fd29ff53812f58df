import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateWorkspaceSettings } from '../../src/accounts/workspaces.service';
import { members, reviews } from '../../src/community/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { createTopic } from '../../src/topics/topics.service';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * The ratings report counts days and weeks as every other report does: in the workspace's time zone, weeks
 * from its week start. A review written 2026-12-06T23:30Z is Sunday night in UTC and Monday 00:30 in Berlin.
 */
let t: TestContext;
let workspaces = 0;
const SUNDAY_NIGHT = new Date('2026-12-06T23:30:00Z');

beforeAll(async () => {
  t = await createTestContext({ clock: () => new Date('2026-12-14T12:00:00Z') });
});
afterAll(() => t.close());

/** A workspace in this calendar with one board review (4 stars) and one platform review (2 stars) at that instant. */
async function reviewedAt(timeZone: string, weekStart: number) {
  const ws = await t.seedWorkspace(`Rating Weeks ${++workspaces}`);
  await updateWorkspaceSettings(t.deps, ws.actor, { timeZone, weekStart });
  await t.deps.events.idle();
  const workspaceId = ws.workspace.id;
  const product = await createTopic(t.db, ws.actor, { name: 'Acme App', kind: 'product', query: 'acme' });
  const [member] = await t.db
    .insert(members)
    .values({ workspaceId, email: `mia@weeks${workspaces}.test`, displayName: 'Mia', passwordHash: 'x' })
    .returning();
  await t.db.insert(reviews).values({
    workspaceId,
    memberId: member!.id,
    topicId: product.id,
    rating: 4,
    title: 'Good',
    body: 'Works well',
    createdAt: SUNDAY_NIGHT,
    updatedAt: SUNDAY_NIGHT,
  });
  await ingestPosts(t.deps, { workspaceId, sourceId: null, platform: 'x', topics: [] }, [
    socialPost({
      externalId: `rw-${workspaces}`,
      text: 'acme app is okay I guess',
      createdAt: SUNDAY_NIGHT,
      metrics: { rating: 2 },
      author: socialAuthor({ externalId: `rwa-${workspaces}`, handle: `rwa${workspaces}` }),
    }),
  ]);
  const ratings = async (from: string, to: string) => {
    const r = await t.request('GET', `/api/v1/reports/ratings?from=${from}&to=${to}`, { token: ws.token });
    expect(r.status, r.text).toBe(200);
    return r.json as { total: number; weeks: { week: string; count: number; average: number }[] };
  };
  return { ratings };
}

describe('the ratings report in the workspace calendar', () => {
  it('puts a review of Sunday 23:30 UTC in the Berlin Monday week starting 7 December', async () => {
    const berlin = await reviewedAt('Europe/Berlin', 1);
    expect((await berlin.ratings('2026-11-30', '2026-12-13')).weeks).toEqual([
      { week: '2026-12-07', count: 2, average: 3 },
    ]);
    // Its day is Monday 7 December there: a range of that day alone holds both reviews, one of the 6th neither.
    expect((await berlin.ratings('2026-12-07', '2026-12-07')).total).toBe(2);
    expect((await berlin.ratings('2026-12-06', '2026-12-06')).total).toBe(0);
  });

  it('puts the same review in the UTC Sunday week starting 6 December', async () => {
    const utc = await reviewedAt('UTC', 7);
    expect((await utc.ratings('2026-11-30', '2026-12-13')).weeks).toEqual([
      { week: '2026-12-06', count: 2, average: 3 },
    ]);
    expect((await utc.ratings('2026-12-06', '2026-12-06')).total).toBe(2);
    expect((await utc.ratings('2026-12-07', '2026-12-07')).total).toBe(0);
  });
});
