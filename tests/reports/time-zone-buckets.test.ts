import { eq, sql } from 'drizzle-orm';
import { workspaces as workspacesTable } from '../../src/accounts/schema';
import { recountReportZonesJob } from '../../src/jobs/recount-report-zones.job';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateWorkspaceSettings } from '../../src/accounts/workspaces.service';
import type { SocialPost } from '../../src/core/social-post';
import { translatorFor } from '../../src/core/i18n/translator';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest/pipeline';
import { overrideSentiment } from '../../src/reanalysis/corrections.service';
import { weekStartOf, weekStartSql } from '../../src/reports/calendar';
import { weeklyDigest } from '../../src/reports/digest';
import { rebuildRollups } from '../../src/reports/rollups';
import { buckets, weekOf } from '../../src/reports/series';
import { dayNumber, dayString } from '../../src/core/days';
import { formClient } from '../helpers/forms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Reports count a day as the workspace's time zone has it, midnight to midnight (23 or 25 hours on a clock
 * change), and make weeks of those days from the workspace's week start: as posts arrive (the one flow), as
 * staff correct them, as a rebuild recounts them, and as a change of the zone has them recounted. The post
 * of the issue: 2026-12-01T23:30Z is 2 December in Berlin (00:30 CET), 1 December in UTC.
 */
let t: TestContext;
// The clock the app reads: a week after the post of the issue, unless a test needs another instant.
const A_WEEK_LATER = new Date('2026-12-07T12:00:00Z');
let now = A_WEEK_LATER;
let n = 0;
let workspaces = 0;
const LATE = new Date('2026-12-01T23:30:00Z');

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
});
afterAll(() => t.close());
beforeEach(() => {
  now = A_WEEK_LATER;
});

const post = (at: Date, text = 'acme is great') =>
  socialPost({
    externalId: `tz-${++n}`,
    text,
    createdAt: at,
    author: socialAuthor({ externalId: `tza-${n}`, handle: `tza${n}`, name: `Author ${n}`, followers: n }),
  });

/** A workspace of the test's own, in this zone (and week start), signed in as its owner. */
async function workspace(timeZone: string, weekStart = 1) {
  const ws = await t.seedWorkspace(`Zone Co ${++workspaces}`);
  await updateWorkspaceSettings(t.deps, ws.actor, { timeZone, weekStart });
  await t.deps.events.idle();
  const ingest = (posts: SocialPost[]) =>
    ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, posts);
  return { ...ws, ingest };
}
type Ws = Awaited<ReturnType<typeof workspace>>;

const api = async (ws: Ws, path: string) => {
  const r = await t.request('GET', `/api/v1/reports/${path}`, { token: ws.token });
  expect(r.status, r.text).toBe(200);
  return r.json;
};

/** The sentiment report's buckets, as { date: total }. */
const totalsByBucket = async (ws: Ws, query: string): Promise<Record<string, number>> =>
  Object.fromEntries(
    (await api(ws, `sentiment?${query}`)).series.map((p: { date: string; total: number }) => [p.date, p.total]),
  );

const ZERO = { '2026-11-30': 0, '2026-12-01': 0, '2026-12-02': 0, '2026-12-03': 0 };
const AROUND_DEC_1 = 'from=2026-11-30&to=2026-12-03';

describe('report days in the workspace time zone', () => {
  it('counts a post at 23:30 UTC on 1 December on 2 December in Berlin and on 1 December in UTC', async () => {
    const berlin = await workspace('Europe/Berlin');
    const utc = await workspace('UTC');
    await berlin.ingest([post(LATE)]);
    await utc.ingest([post(LATE)]);
    // As the one flow counted it, as the reports API answers.
    expect(await totalsByBucket(berlin, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-02': 1 });
    expect(await totalsByBucket(utc, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-01': 1 });
    // A rebuild from the stored mentions counts the same days.
    await rebuildRollups(t.db, berlin.workspace.id);
    await rebuildRollups(t.db, utc.workspace.id);
    expect(await totalsByBucket(berlin, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-02': 1 });
    expect(await totalsByBucket(utc, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-01': 1 });
    // The other reports read the same days: platforms and top terms of 2 December alone.
    const dec2 = 'from=2026-12-02&to=2026-12-02';
    expect((await api(berlin, `platforms?${dec2}`)).items).toMatchObject([{ platform: 'x', total: 1 }]);
    expect((await api(utc, `platforms?${dec2}`)).items).toEqual([]);
  });

  it("moves a staff correction on the mention's day in the workspace's zone", async () => {
    const berlin = await workspace('Europe/Berlin');
    await berlin.ingest([post(LATE, 'acme is wonderful, love it')]);
    const [mention] = rows<{ id: string }>(
      await t.db.execute(sql`select id from mentions where workspace_id = ${berlin.workspace.id}::uuid`),
    );
    await overrideSentiment(t.db, berlin.actor, mention!.id, 'negative', now);
    const series = (await api(berlin, `sentiment?${AROUND_DEC_1}`)).series as { date: string; negative: number }[];
    expect(series.map((p) => [p.date, p.negative])).toEqual([
      ['2026-11-30', 0],
      ['2026-12-01', 0],
      ['2026-12-02', 1],
      ['2026-12-03', 0],
    ]);
    // Nothing counted out on another day: every row of the rollup is a whole count.
    const negativeRows = rows<{ day: string; n: number }>(
      await t.db.execute(sql`select to_char(day, 'YYYY-MM-DD') as day, n from report_daily
        where workspace_id = ${berlin.workspace.id}::uuid and n <> 0`),
    );
    expect(negativeRows).toEqual([{ day: '2026-12-02', n: 1 }]);
  });

  it("counts a clock change's 23-hour day from Berlin midnight to Berlin midnight", async () => {
    const berlin = await workspace('Europe/Berlin');
    // 29 March 2026: CET until 01:00 UTC, then CEST; Berlin's day runs 28 March 23:00Z to 29 March 22:00Z.
    await berlin.ingest([
      post(new Date('2026-03-28T22:59:59Z')),
      post(new Date('2026-03-28T23:00:00Z')),
      post(new Date('2026-03-29T21:59:59Z')),
      post(new Date('2026-03-29T22:00:00Z')),
    ]);
    const expected = { '2026-03-28': 1, '2026-03-29': 2, '2026-03-30': 1 };
    expect(await totalsByBucket(berlin, 'from=2026-03-28&to=2026-03-30')).toEqual(expected);
    await rebuildRollups(t.db, berlin.workspace.id);
    expect(await totalsByBucket(berlin, 'from=2026-03-28&to=2026-03-30')).toEqual(expected);
  });

  it("takes today as the workspace's today for a range without an end", async () => {
    now = new Date('2026-12-01T23:30:00Z');
    const berlin = await workspace('Europe/Berlin');
    const utc = await workspace('UTC');
    expect((await api(berlin, 'sentiment')).range).toEqual({ from: '2026-11-03', to: '2026-12-02' });
    expect((await api(utc, 'sentiment')).range).toEqual({ from: '2026-11-02', to: '2026-12-01' });
    // Tomorrow is the latest day a range may name, tomorrow in the workspace's zone.
    expect((await t.request('GET', '/api/v1/reports/sentiment?to=2026-12-03', { token: berlin.token })).status).toBe(
      200,
    );
    expect((await t.request('GET', '/api/v1/reports/sentiment?to=2026-12-03', { token: utc.token })).status).toBe(422);
  });

  it("has the dashboard's daily buckets follow Berlin midnight", async () => {
    now = new Date('2026-12-01T23:30:00Z');
    const berlin = await workspace('Europe/Berlin');
    const utc = await workspace('UTC');
    // 23:59 and 00:00 in Berlin: the first is 1 December there, the second and third 2 December.
    const posts = () => [
      post(new Date('2026-12-01T22:59:00Z')),
      post(new Date('2026-12-01T23:00:00Z')),
      post(new Date('2026-12-01T23:29:00Z')),
    ];
    await berlin.ingest(posts());
    await utc.ingest(posts());
    const page = async (ws: Ws) => {
      const res = await formClient(t).get('/reports', await t.browserSession(ws.owner.email));
      expect(res.status).toBe(200);
      // The page says whose days these are.
      expect(res.html).toContain(`(${ws === berlin ? 'Europe/Berlin' : 'UTC'})`);
      return volumeRows(res.html);
    };
    const day = (d: string) => translatorFor('en', 'UTC').date(d);
    // The last 30 days end today: 2 December in Berlin, 1 December in UTC.
    expect((await page(berlin)).slice(-2)).toEqual([
      [day('2026-12-01'), 1],
      [day('2026-12-02'), 2],
    ]);
    expect((await page(utc)).slice(-2)).toEqual([
      [day('2026-11-30'), 0],
      [day('2026-12-01'), 3],
    ]);
  });

  it('recounts the rollups in the new zone after PATCH /workspace changes it', async () => {
    const ws = await workspace('UTC');
    await ws.ingest([post(LATE), post(new Date('2026-12-01T12:00:00Z'))]);
    expect(await totalsByBucket(ws, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-01': 2 });
    const patch = (body: unknown) => t.request('PATCH', '/api/v1/workspace', { token: ws.token, body });
    expect((await patch({ timeZone: 'Europe/Berlin' })).status).toBe(200);
    // The recount runs after the change's commit, in the background.
    await t.deps.events.idle();
    expect(await totalsByBucket(ws, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-01': 1, '2026-12-02': 1 });
    // New posts count in the new zone, and a change back moves them all back.
    await ws.ingest([post(new Date('2026-12-02T23:30:00Z'))]);
    expect(await totalsByBucket(ws, AROUND_DEC_1)).toEqual({
      ...ZERO,
      '2026-12-01': 1,
      '2026-12-03': 1,
      '2026-12-02': 1,
    });
    expect((await patch({ timeZone: 'America/Los_Angeles' })).status).toBe(200);
    await t.deps.events.idle();
    // 15:30, 04:00 and 15:30 in Los Angeles (PST, UTC-8).
    expect(await totalsByBucket(ws, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-01': 2, '2026-12-02': 1 });
  });

  it('recounts the rollups after the settings page changes the zone too', async () => {
    const ws = await workspace('UTC');
    await ws.ingest([post(LATE)]);
    const owner = await t.browserSession(ws.owner.email);
    const saved = await formClient(t).send('/settings/workspace', { timeZone: 'Asia/Tokyo' }, owner);
    expect(saved.status, saved.html).toBe(303);
    await t.deps.events.idle();
    // 08:30 on 2 December in Tokyo.
    expect(await totalsByBucket(ws, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-02': 1 });
  });
});

describe('a recount cut short', () => {
  it('is finished by the scheduled catch-up, which then has nothing left to recount', async () => {
    const ws = await workspace('UTC');
    await ws.ingest([post(LATE)]);
    // The zone committed but its recount never ran (the process stopped in between): days are still UTC days.
    await t.db
      .update(workspacesTable)
      .set({ timeZone: 'Europe/Berlin' })
      .where(eq(workspacesTable.id, ws.workspace.id));
    expect(await totalsByBucket(ws, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-01': 1 });
    const first = await recountReportZonesJob.run(t.deps);
    expect(first.recounted).toBeGreaterThanOrEqual(1);
    expect(await totalsByBucket(ws, AROUND_DEC_1)).toEqual({ ...ZERO, '2026-12-02': 1 });
    expect(await recountReportZonesJob.run(t.deps)).toEqual({ recounted: 0 });
  });
});

describe('report weeks from the workspace week start', () => {
  // Saturday 5 and Sunday 6 December 2026, at noon UTC; and 23:30 UTC on Saturday, Sunday already in Berlin.
  const SATURDAY = new Date('2026-12-05T12:00:00Z');
  const SUNDAY = new Date('2026-12-06T12:00:00Z');
  const WEEKS = 'interval=week&from=2026-11-29&to=2026-12-08';

  it('starts weeks on Monday or on Sunday as the workspace says, at once after a change', async () => {
    const ws = await workspace('UTC');
    await ws.ingest([post(SATURDAY), post(SUNDAY)]);
    // Monday weeks: Saturday and Sunday end the week of 30 November.
    expect(await totalsByBucket(ws, WEEKS)).toEqual({ '2026-11-23': 0, '2026-11-30': 2, '2026-12-07': 0 });
    const patched = await t.request('PATCH', '/api/v1/workspace', { token: ws.token, body: { weekStart: 7 } });
    expect(patched.status).toBe(200);
    // Sunday weeks: Saturday ends the week of 29 November, Sunday starts the next. Nothing was recounted.
    expect(await totalsByBucket(ws, WEEKS)).toEqual({ '2026-11-29': 1, '2026-12-06': 1 });
  });

  it('makes weeks of the days of the workspace zone', async () => {
    const ws = await workspace('Europe/Berlin', 7);
    await ws.ingest([post(new Date('2026-12-05T23:30:00Z'))]);
    expect(await totalsByBucket(ws, WEEKS)).toEqual({ '2026-11-29': 0, '2026-12-06': 1 });
  });

  it('names each week by its first day alike in TypeScript and in SQL, for every week start', async () => {
    const days = Array.from({ length: 21 }, (_, i) => dayString(dayNumber('2026-12-20') + i));
    for (let weekStart = 1; weekStart <= 7; weekStart++) {
      const found = rows<{ day: string; week: string }>(
        await t.db.execute(sql`select d as day, to_char(${weekStartSql(sql`d::date`, weekStart)}, 'YYYY-MM-DD') as week
          from unnest(${`{${days.join(',')}}`}::text[]) as x(d)`),
      );
      for (const r of found) {
        expect([r.day, weekStart, weekOf(r.day, weekStart)]).toEqual([r.day, weekStart, r.week]);
        // The week's first day is that weekday, at most six days before.
        const first = weekStartOf(dayNumber(r.day), weekStart);
        expect(dayNumber(r.day) - first).toBeLessThan(7);
        expect(new Date(`${r.week}T00:00:00Z`).getUTCDay() || 7).toBe(weekStart);
      }
      expect(buckets({ from: '2026-12-20', to: '2027-01-09' }, 'week', weekStart)).toEqual([
        ...new Set(found.map((r) => r.week)),
      ]);
    }
  });
});

describe('ranges bounded in the workspace time zone', () => {
  it("answers response times for conversations started on the workspace's day", async () => {
    const berlin = await workspace('Europe/Berlin');
    const utc = await workspace('UTC');
    await berlin.ingest([post(LATE, 'can you help me?')]);
    await utc.ingest([post(LATE, 'can you help me?')]);
    const started = async (ws: Ws, day: string) =>
      (await api(ws, `response-times?from=${day}&to=${day}`)).overall.conversations;
    expect([await started(berlin, '2026-12-01'), await started(berlin, '2026-12-02')]).toEqual([0, 1]);
    expect([await started(utc, '2026-12-01'), await started(utc, '2026-12-02')]).toEqual([1, 0]);
  });

  it("digests the last full week of the workspace's zone and week start", async () => {
    // Weeks start on Wednesday here, so a week begins at Berlin midnight between the two posts.
    const berlin = await workspace('Europe/Berlin', 3);
    // 23:30 on Tuesday 1 December and 00:30 on Wednesday 2 December in Berlin.
    await berlin.ingest([post(new Date('2026-12-01T22:30:00Z'), 'acme early'), post(LATE, 'acme late')]);
    // 00:30 on Wednesday 9 December in Berlin: the last full week is 2 to 8 December.
    const d = await weeklyDigest(t.db, berlin.workspace.id, new Date('2026-12-08T23:30:00Z'));
    expect(d.range).toEqual({ from: '2026-12-02', to: '2026-12-08' });
    expect(d.now.total).toBe(1);
    expect(d.before.total).toBe(1);
    expect(d.biggest.map((m) => m.text)).toEqual(['acme late']);
    // This week so far is today (its first day) against the Wednesday before, which had the late post.
    const soFar = await weeklyDigest(t.db, berlin.workspace.id, new Date('2026-12-08T23:30:00Z'), undefined, 'current');
    expect(soFar.range).toEqual({ from: '2026-12-09', to: '2026-12-09' });
    expect(soFar.now.total).toBe(0);
    expect(soFar.before.total).toBe(1);
  });
});

/** The dashboard's volume table: [day as shown, total] per row. */
function volumeRows(html: string): [string, number][] {
  const card = html.slice(html.indexOf('data-testid="chart-volume"'));
  const body = card.slice(card.indexOf('<tbody>'), card.indexOf('</tbody>'));
  return [...body.matchAll(/<tr><td>([^<]*)<\/td>((?:<td class="num">[^<]*<\/td>)+)<\/tr>/g)].map((m) => {
    const cells = [...m[2]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((c) => c[1]!);
    // positive, neutral, negative, uncertain, unscored, total, net
    return [m[1]!, Number(cells[5]!.replace(/,/g, ''))];
  });
}
