import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest/pipeline';
import { reanalyzeMentions } from '../../src/reanalysis/reanalyze';
import { overrideSentiment } from '../../src/reanalysis/corrections.service';
import { rebuildRollups } from '../../src/reports/rollups';
import { ALL_TOPICS } from '../../src/reports/schema';
import { analyze } from '../../src/sentiment/analyze';
import { hashtagTerm } from '../../src/sentiment/hashtags';
import { socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Property: whatever the text (any script, combining marks, digits, underscores, entities, links),
 * the hashtags the report rollups count are the ones the analyser finds, when posts arrive, when
 * the platform edits them, and after a rebuild from the stored mentions.
 */
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** A small seeded generator (mulberry32): the same cases every run, many of them. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Stör',
  'ung',
  'Müll',
  'café',
  'Cafe\u0301',
  'naïve',
  'Ελλάδα',
  'кофе',
  '日本',
  'ß',
  'ÆØÅ',
  'iPhone',
  '15',
  '2024',
  '_',
  'a_b',
  'x',
];
const GLUE = [' ', ' ', ', ', '! ', '\n', ' #', '#', '&#39;', ' https://a.test/p#frag ', ' (#', ') ', '&amp;'];

function text(next: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  let s = next() < 0.5 ? '#' : 'Post ';
  for (let i = 0, n = 3 + Math.floor(next() * 10); i < n; i++) s += pick(PIECES) + (next() < 0.6 ? '' : pick(GLUE));
  return `${s} end`;
}

/** What the analyser says each text's hashtags are, counted the way reports count (once per mention). */
function analysed(texts: string[]) {
  const counts: Record<string, number> = {};
  for (const tx of texts)
    for (const term of new Set(analyze(tx).hashtags.map(hashtagTerm))) counts[term] = (counts[term] ?? 0) + 1;
  return counts;
}

/** What the rollups count in a workspace, over every day and label, for all topics. */
async function rolledUp(workspaceId: string) {
  const found = rows<{ term: string; n: number }>(
    await t.db.execute(sql`select term, sum(n)::int as n from report_terms_daily
      where workspace_id = ${workspaceId}::uuid and topic_id = ${ALL_TOPICS}::uuid and kind = 'hashtag'
      group by term having sum(n) <> 0`),
  );
  return Object.fromEntries(found.map((r) => [r.term, Number(r.n)]));
}

/** The rollups per effective label ("negative:störung"), to compare after corrections. */
async function rolledUpByLabel(workspaceId: string) {
  const found = rows<{ key: string; n: number }>(
    await t.db.execute(sql`select label || ':' || term as key, sum(n)::int as n from report_terms_daily
      where workspace_id = ${workspaceId}::uuid and topic_id = ${ALL_TOPICS}::uuid and kind = 'hashtag'
      group by 1 having sum(n) <> 0`),
  );
  return Object.fromEntries(found.map((r) => [r.key, Number(r.n)]));
}

/**
 * The same from the stored mentions: the analyser's hashtags of each text under its corrected label (a model
 * label less sure than the workspace's confidence threshold counts apart, as uncertain).
 */
async function expectedByLabel(workspaceId: string) {
  const stored = rows<{ text: string; label: string }>(
    await t.db.execute(
      sql`select text, case when sentiment_override is null and sentiment_label <> 'unscored'
          and sentiment_confidence < (select sentiment_confidence_threshold from workspaces where id = workspace_id)
          then 'uncertain' else coalesce(sentiment_override, sentiment_label) end as label from mentions
        where workspace_id = ${workspaceId}::uuid`,
    ),
  );
  const counts: Record<string, number> = {};
  for (const m of stored)
    for (const term of new Set(analyze(m.text).hashtags.map(hashtagTerm)))
      counts[`${m.label}:${term}`] = (counts[`${m.label}:${term}`] ?? 0) + 1;
  return counts;
}

describe('hashtags in the analyser and in the report rollups', () => {
  it('agree on arrival, after edits and after a rebuild, for texts in any script', async () => {
    const workspaceId = (await t.seedWorkspace('Hashtags')).workspace.id;
    const next = random(20261206);
    const target = { workspaceId, sourceId: null, platform: 'x' as const, topics: [] };
    const texts = new Map<string, string>();
    texts.set('fixed', 'Heute #Störung, morgen #Müll: #Cafe\u0301 #Ελλάδα #日本 #2024');
    for (let i = 0; i < 120; i++) texts.set(`p-${i}`, text(next));
    await ingestPosts(
      t.deps,
      target,
      [...texts].map(([externalId, tx]) => socialPost({ externalId, text: tx, createdAt: new Date() })),
    );
    expect(await rolledUp(workspaceId)).toEqual(analysed([...texts.values()]));
    expect(await rolledUp(workspaceId)).toMatchObject({
      störung: expect.any(Number),
      müll: expect.any(Number),
      café: expect.any(Number),
      ελλάδα: expect.any(Number),
      日本: expect.any(Number),
    });
    expect(await rolledUp(workspaceId)).not.toHaveProperty('2024');

    // The platform edits a third of them: the old hashtags leave the counts, the new ones come in.
    const edited = [...texts.keys()].filter((_, i) => i % 3 === 0);
    for (const id of edited) texts.set(id, text(next));
    await ingestPosts(
      t.deps,
      target,
      edited.map((externalId) => socialPost({ externalId, text: texts.get(externalId)!, createdAt: new Date() })),
    );
    expect(await rolledUp(workspaceId)).toEqual(analysed([...texts.values()]));

    await rebuildRollups(t.db, workspaceId);
    expect(await rolledUp(workspaceId)).toEqual(analysed([...texts.values()]));
  });

  it('move with a sentiment correction, on an edit of a corrected post and in a rebuild, label by label', async () => {
    const ws = await t.seedWorkspace('Corrections');
    const workspaceId = ws.workspace.id;
    const actor = {
      workspaceId,
      workspaceSlug: ws.workspace.slug,
      userId: ws.owner.id,
      apiKeyId: null,
      role: 'owner' as const,
      ip: null,
    };
    const next = random(7);
    const target = { workspaceId, sourceId: null, platform: 'x' as const, topics: [] };
    const texts = new Map<string, string>();
    texts.set('fixed', 'Schlechter #Kundendienst, #Störung seit #2024 #日本 #Cafe\u0301');
    for (let i = 0; i < 40; i++) texts.set(`c-${i}`, text(next));
    await ingestPosts(
      t.deps,
      target,
      [...texts].map(([externalId, tx]) => socialPost({ externalId, text: tx, createdAt: new Date() })),
    );
    const ids = rows<{ id: string; external_id: string }>(
      await t.db.execute(
        sql`select id, external_id from mentions where workspace_id = ${workspaceId}::uuid order by external_id`,
      ),
    );
    const labels = ['negative', 'positive', 'neutral'] as const;
    for (const [i, m] of ids.entries())
      if (i % 3 === 0) await overrideSentiment(t.db, actor, m.id, labels[i % labels.length]!, new Date());
    expect(await rolledUpByLabel(workspaceId)).toEqual(await expectedByLabel(workspaceId));

    // The platform edits corrected and uncorrected posts alike; a correction is also taken back.
    const edited = ids.filter((_, i) => i % 2 === 0).map((m) => m.external_id);
    for (const id of edited) texts.set(id, text(next));
    await ingestPosts(
      t.deps,
      target,
      edited.map((externalId) => socialPost({ externalId, text: texts.get(externalId)!, createdAt: new Date() })),
    );
    await overrideSentiment(t.db, actor, ids[0]!.id, null, new Date());
    expect(await rolledUpByLabel(workspaceId)).toEqual(await expectedByLabel(workspaceId));

    await rebuildRollups(t.db, workspaceId);
    expect(await rolledUpByLabel(workspaceId)).toEqual(await expectedByLabel(workspaceId));
  });

  it('agree again once mentions stored under the old rule are re-analysed', async () => {
    const workspaceId = (await t.seedWorkspace('Old Rule')).workspace.id;
    const texts = ['Old #Störung post', 'old #a_b and #2024 and &#39;quoted&#39;'];
    await ingestPosts(
      t.deps,
      { workspaceId, sourceId: null, platform: 'x', topics: [] },
      texts.map((text, i) => socialPost({ externalId: `old-${i}`, text, createdAt: new Date() })),
    );
    // As the migration left them: ASCII-only hashtags, an older analyzer version, rollups counted so.
    await t.db.execute(
      sql`update mentions set hashtags = array['st'], analysis_version = 2 where workspace_id = ${workspaceId}::uuid`,
    );
    await rebuildRollups(t.db, workspaceId);
    await reanalyzeMentions(t.db);
    const all = rows<{ text: string }>(
      await t.db.execute(sql`select text from mentions where workspace_id = ${workspaceId}::uuid`),
    ).map((r) => r.text);
    expect(await rolledUp(workspaceId)).toEqual(analysed(all));
    expect(await rolledUp(workspaceId)).toMatchObject({ störung: expect.any(Number), a_b: 1 });
  });
});
