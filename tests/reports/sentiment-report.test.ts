import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { isUncertain } from '../../src/mentions';
import { mentions } from '../../src/mentions/schema';
import { reanalyzeMentions } from '../../src/reanalysis/reanalyze';
import { rows } from '../../src/db/rows';
import { rebuildRollups } from '../../src/reports/rollups';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let acme: string;
let globex: string;
let n = 0;
let workspaces = 0;

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const post = (text: string, when: Date) =>
  socialPost({
    externalId: `r-${++n}`,
    text,
    createdAt: when,
    author: socialAuthor({ externalId: `a-${n}`, handle: `author${n}` }),
  });
const report = async (query: string) =>
  (await t.request('GET', `/api/v1/reports/sentiment?${query}`, { token: ws.token })).json;
/** The truth the rollups must match: counted straight from the mentions. */
const recount = async (from: string, to: string) =>
  rows<{ label: string; n: number }>(
    // A model label less sure than the workspace's threshold counts apart, as uncertain.
    await t.db.execute(sql`select case when sentiment_override is null
        and sentiment_label in ('positive', 'neutral', 'negative')
        and sentiment_confidence < (select sentiment_confidence_threshold from workspaces w where w.id = workspace_id)
        then 'uncertain' else coalesce(sentiment_override, sentiment_label, 'unscored') end as label, count(*)::int as n
      from mentions
      where workspace_id = ${ws.workspace.id}::uuid
        and (posted_at at time zone 'UTC')::date between ${from}::date and ${to}::date
      group by 1`),
  ).reduce<Record<string, number>>((acc, r) => Object.assign(acc, { [r.label]: Number(r.n) }), {});
type Counts = { positive: number; neutral: number; negative: number; uncertain: number; unscored: number };
const sums = (series: (Counts & { total: number })[]) =>
  series.reduce(
    (a, p) => ({
      positive: a.positive + p.positive,
      neutral: a.neutral + p.neutral,
      negative: a.negative + p.negative,
      uncertain: a.uncertain + p.uncertain,
      unscored: a.unscored + p.unscored,
      total: a.total + p.total,
    }),
    { positive: 0, neutral: 0, negative: 0, uncertain: 0, unscored: 0, total: 0 },
  );

beforeAll(async () => {
  t = await createTestContext();
});
// Each test gets a workspace of its own with the same eight mentions: several tests add mentions,
// correct or re-analyse them, and every count below is of exactly these.
beforeEach(async () => {
  ws = await t.seedWorkspace(`Report Co ${++workspaces}`);
  acme = (await createTopic(t.db, ws.actor, { name: 'Acme', kind: 'brand', query: 'acme' })).id;
  globex = (await createTopic(t.db, ws.actor, { name: 'Globex', kind: 'competitor', query: 'globex' })).id;
  const topics = await activeTopics(t.db, ws.workspace.id);
  const ingest = (platform: 'x' | 'mastodon', posts: ReturnType<typeof post>[]) =>
    ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform, topics }, posts);
  await ingest('x', [
    post('I love acme, it is wonderful', at('2026-03-02')),
    post('acme is great and fast', at('2026-03-02', 23)),
    post('acme support is terrible, awful experience', at('2026-03-03')),
    post('acme opens at nine', at('2026-03-03')),
    post('globex is amazing, best ever', at('2026-03-04')),
  ]);
  await ingest('mastodon', [
    post('globex broke again, horrible', at('2026-03-04')),
    post('acme und globex: schlecht', at('2026-03-05')),
    post('acme 今日は', at('2026-03-09')),
  ]);
});
afterAll(() => t.close());

describe('sentiment report', () => {
  it('counts every mention in the range once per label, per day, with net sentiment', async () => {
    const r = await report('from=2026-03-01&to=2026-03-10');
    expect(r.series).toHaveLength(10);
    expect(r.series[0]).toEqual({
      date: '2026-03-01',
      positive: 0,
      neutral: 0,
      negative: 0,
      uncertain: 0,
      unscored: 0,
      total: 0,
      net: 0,
    });
    const truth = await recount('2026-03-01', '2026-03-10');
    expect(sums(r.series)).toEqual({
      positive: truth.positive ?? 0,
      neutral: truth.neutral ?? 0,
      negative: truth.negative ?? 0,
      uncertain: truth.uncertain ?? 0,
      unscored: truth.unscored ?? 0,
      total: 8,
    });
    const mar2 = r.series.find((p: { date: string }) => p.date === '2026-03-02');
    expect(mar2).toMatchObject({ positive: 2, total: 2, net: 100 });
  });

  it('follows a staff correction of a mention’s sentiment', async () => {
    const [m] = await t.db
      .select()
      .from(mentions)
      .where(sql`${mentions.workspaceId} = ${ws.workspace.id}::uuid and ${mentions.text} = 'acme opens at nine'`);
    const before = (await report('from=2026-03-03&to=2026-03-03')).series[0];
    await t.request('PATCH', `/api/v1/mentions/${m!.id}/sentiment`, { token: ws.token, body: { label: 'negative' } });
    const after = (await report('from=2026-03-03&to=2026-03-03')).series[0];
    const stored = { override: null, label: m!.sentimentLabel, confidence: m!.sentimentConfidence };
    const countedNegative = m!.sentimentLabel === 'negative' && !isUncertain(stored, 0.5);
    expect(after.negative).toBe(before.negative + (countedNegative ? 0 : 1));
    expect(after.total).toBe(before.total);
    expect(sums((await report('from=2026-03-01&to=2026-03-10')).series)).toMatchObject(
      await recount('2026-03-01', '2026-03-10'),
    );
  });

  it('counts a model label below the workspace’s threshold apart as uncertain, and follows its changes', async () => {
    const all = async () => sums((await report('from=2026-03-01&to=2026-03-10')).series);
    const daily = async () =>
      rows<{ r: string }>(
        await t.db.execute(sql`select concat_ws('|', day, channel, platform, language, label, n) as r
          from report_daily where workspace_id = ${ws.workspace.id}::uuid and n <> 0 order by 1`),
      ).map((x) => x.r);
    const setThreshold = async (confidenceThreshold: number) => {
      const res = await t.request('PUT', '/api/v1/analysis/settings', {
        token: ws.token,
        body: { confidenceThreshold },
      });
      expect(res.status, res.text).toBe(200);
    };
    const before = await all();
    // Stricter than the analyzer is about any of these posts: each label it gave counts as uncertain.
    await setThreshold(0.999);
    const strict = await all();
    expect(strict).toMatchObject(await recount('2026-03-01', '2026-03-10'));
    expect(strict).toMatchObject({ positive: 0, neutral: 0, negative: 0, unscored: before.unscored });
    expect(strict.uncertain).toBe(before.total - before.unscored);
    expect(strict.total).toBe(before.total);
    // The counts moved as a rebuild from the mentions counts them.
    const moved = await daily();
    await rebuildRollups(t.db, ws.workspace.id);
    expect(await daily()).toEqual(moved);
    // A staff correction is never uncertain.
    const [m] = await t.db
      .select()
      .from(mentions)
      .where(sql`${mentions.workspaceId} = ${ws.workspace.id}::uuid and ${mentions.text} = 'acme opens at nine'`);
    await t.request('PATCH', `/api/v1/mentions/${m!.id}/sentiment`, { token: ws.token, body: { label: 'negative' } });
    expect(await all()).toMatchObject({ negative: 1, uncertain: strict.uncertain - 1 });
    // At 0 nothing is uncertain: every label counts as the analyzer (or staff) gave it.
    await setThreshold(0);
    const lax = await all();
    expect(lax.uncertain).toBe(0);
    expect(lax).toMatchObject(await recount('2026-03-01', '2026-03-10'));
    expect(lax.positive + lax.neutral + lax.negative).toBe(before.total - before.unscored);
  });

  it('filters by topic, platform and source, and groups by week', async () => {
    const byTopic = sums((await report(`from=2026-03-01&to=2026-03-10&topic=${globex}`)).series);
    expect(byTopic.total).toBe(3);
    expect(sums((await report('from=2026-03-01&to=2026-03-10&platform=mastodon')).series).total).toBe(3);
    expect(sums((await report('from=2026-03-01&to=2026-03-10&source=reviews')).series).total).toBe(0);
    const weekly = await report('from=2026-03-01&to=2026-03-10&interval=week');
    expect(weekly.series.map((p: { date: string }) => p.date)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(weekly.series.map((p: { total: number }) => p.total)).toEqual([0, 7, 1]);
  });

  it('answers CSV, and refuses a bad range with a clear error', async () => {
    const res = await t.app.request('/api/v1/reports/sentiment?from=2026-03-01&to=2026-03-03&format=csv', {
      headers: { authorization: `Bearer ${ws.token}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('date,positive,neutral,negative,uncertain,unscored,total,net');
    expect(lines).toHaveLength(4);
    const bad = await t.request('GET', '/api/v1/reports/sentiment?from=2026-03-05&to=2026-03-01', { token: ws.token });
    expect(bad.status).toBe(422);
    expect((await t.request('GET', '/api/v1/reports/sentiment?from=yesterday', { token: ws.token })).status).toBe(422);
  });

  it('breaks the mentions down by platform, as CSV too', async () => {
    const r = (await t.request('GET', '/api/v1/reports/platforms?from=2026-03-01&to=2026-03-10', { token: ws.token }))
      .json;
    expect(r.items.map((i: { platform: string; total: number }) => [i.platform, i.total])).toEqual([
      ['x', 5],
      ['mastodon', 3],
    ]);
    const res = await t.app.request('/api/v1/reports/platforms?from=2026-03-01&to=2026-03-10&format=csv', {
      headers: { authorization: `Bearer ${ws.token}` },
    });
    expect((await res.text()).split('\n')[0]).toBe('platform,total,positive,neutral,negative,uncertain');
  });

  it('shares the voice between brand and competitor, each with its sentiment', async () => {
    const r = (
      await t.request('GET', '/api/v1/reports/share-of-voice?from=2026-03-01&to=2026-03-10', { token: ws.token })
    ).json;
    expect(r.items.map((i: { name: string; total: number }) => [i.name, i.total])).toEqual([
      ['Acme', 6],
      ['Globex', 3],
    ]);
    expect(r.items[0].share + r.items[1].share).toBeCloseTo(100, 0);
    expect(r.items[1]).toMatchObject({ topicId: globex, kind: 'competitor' });
    expect(r.items.find((i: { topicId: string }) => i.topicId === acme).positive).toBeGreaterThan(0);
  });

  it('counts key terms, hashtags and aspects by sentiment, the same at ingest as in a rebuild', async () => {
    await ingestPosts(
      t.deps,
      {
        workspaceId: ws.workspace.id,
        sourceId: null,
        platform: 'x',
        topics: await activeTopics(t.db, ws.workspace.id),
      },
      [
        post('acme battery life is terrible #AcmeFail #acmefail', at('2026-03-06')),
        post('acme camera is amazing #AcmeLove', at('2026-03-06')),
      ],
    );
    const top = async (kind: string) =>
      (
        await t.request('GET', `/api/v1/reports/top-terms?from=2026-03-01&to=2026-03-10&kind=${kind}&limit=50`, {
          token: ws.token,
        })
      ).json.items;
    const hashtags = await top('hashtag');
    const before0 = (await top('term')) as { term: string; total: number }[];
    // One mention with #AcmeFail twice counts once.
    expect(hashtags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ term: 'acmefail', total: 1, negative: 1 }),
        expect.objectContaining({ term: 'acmelove', total: 1, positive: 1 }),
      ]),
    );
    // The dashboard's filters narrow the terms too.
    const sliced = async (query: string) =>
      (
        await t.request('GET', `/api/v1/reports/top-terms?from=2026-03-01&to=2026-03-10&kind=term&limit=50&${query}`, {
          token: ws.token,
        })
      ).json.items as { term: string; total: number }[];
    const globexTerms = await sliced(`topic=${globex}`);
    expect(globexTerms.length).toBeGreaterThan(0);
    expect(globexTerms.every((x) => x.total <= (before0.find((y) => y.term === x.term)?.total ?? 0))).toBe(true);
    expect((await sliced('platform=mastodon')).reduce((a, x) => a + x.total, 0)).toBeLessThan(
      before0.reduce((a, x) => a + x.total, 0),
    );
    expect(await sliced('source=reviews')).toEqual([]);
    const before = {
      term: await top('term'),
      hashtag: hashtags,
      aspect: await top('aspect'),
      globex: globexTerms,
      mastodon: await sliced('platform=mastodon'),
    };
    expect(before.term.length).toBeGreaterThan(0);
    await rebuildRollups(t.db, ws.workspace.id);
    expect({
      term: await top('term'),
      hashtag: await top('hashtag'),
      aspect: await top('aspect'),
      globex: await sliced(`topic=${globex}`),
      mastodon: await sliced('platform=mastodon'),
    }).toEqual(before);
    const res = await t.app.request('/api/v1/reports/top-terms?from=2026-03-01&to=2026-03-10&kind=hashtag&format=csv', {
      headers: { authorization: `Bearer ${ws.token}` },
    });
    expect((await res.text()).split('\n')[0]).toBe('hashtag,total,positive,neutral,negative');
  });

  it('stays equal to a recount after re-analysis and after a rebuild, which reports progress', async () => {
    await t.db
      .update(mentions)
      .set({ analysisVersion: 0, sentimentLabel: 'neutral' })
      .where(sql`${mentions.workspaceId} = ${ws.workspace.id}::uuid`);
    // The direct update above bypassed the rollups: the rebuild sets them right again.
    const progress: number[] = [];
    const done = await rebuildRollups(t.db, ws.workspace.id, (p) => progress.push(p.done));
    expect(done).toEqual({ done: 1, total: 1 });
    expect(progress).toEqual([0, 1]);
    expect(sums((await report('from=2026-03-01&to=2026-03-10')).series)).toMatchObject(
      await recount('2026-03-01', '2026-03-10'),
    );
    await reanalyzeMentions(t.db);
    const truth = await recount('2026-03-01', '2026-03-10');
    expect(truth.neutral ?? 0).toBeLessThan(8);
    expect(sums((await report('from=2026-03-01&to=2026-03-10')).series)).toMatchObject(truth);
  });

  it('moves author counts as a rebuild would when re-analysis changes a language or an edit the topics', async () => {
    const authorRows = async () =>
      rows<{
        topic_id: string;
        contact_id: string;
        day: string;
        channel: string;
        platform: string;
        language: string;
        n: number;
      }>(
        await t.db.execute(sql`select topic_id, contact_id, day::text, channel, platform, language, n
          from report_author_daily
          where workspace_id = ${ws.workspace.id}::uuid and n <> 0 order by 1, 2, 3, 4, 5, 6`),
      );
    const topics = await activeTopics(t.db, ws.workspace.id);
    const ingest = (p: ReturnType<typeof post>) =>
      ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics }, [p]);
    const first = post('acme keeps my photos safe and sound', at('2026-03-07'));
    await ingest(first);
    // A language the model no longer finds, counted in as if an older model had said it.
    await t.db
      .update(mentions)
      .set({ analysisVersion: 0, language: 'xx' })
      .where(sql`${mentions.workspaceId} = ${ws.workspace.id}::uuid`);
    await rebuildRollups(t.db, ws.workspace.id);
    expect((await authorRows()).some((r) => r.language === 'xx')).toBe(true);
    expect((await authorRows()).some((r) => r.day === '2026-03-07' && r.topic_id === acme)).toBe(true);
    // The author edits the post: it is now about the competitor.
    await ingest({ ...first, text: 'globex keeps my photos safe and sound' });
    await reanalyzeMentions(t.db);
    const kept = await authorRows();
    expect(kept.some((r) => r.language === 'xx')).toBe(false);
    expect(kept.some((r) => r.day === '2026-03-07' && r.topic_id === globex)).toBe(true);
    expect(kept.some((r) => r.day === '2026-03-07' && r.topic_id === acme)).toBe(false);
    await rebuildRollups(t.db, ws.workspace.id);
    expect(await authorRows()).toEqual(kept);
  });

  it('is not for someone without report access', async () => {
    expect((await t.request('GET', '/api/v1/reports/sentiment')).status).toBe(401);
  });
});
