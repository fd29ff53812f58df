import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest/pipeline';
import { mentions } from '../../src/mentions/schema';
import { reanalyzeMarked, reanalyzeMentions } from '../../src/reanalysis/reanalyze';
import { rebuildRollups } from '../../src/reports/rollups';
import { analyze } from '../../src/sentiment/analyze';
import { ANALYSIS_VERSION } from '../../src/sentiment/version';
import { compileLexicon } from '../../src/sentiment/workspace-lexicon';
import { lexiconEntries } from '../../src/vocabulary/schema';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let n = 0;
type Workspace = Awaited<ReturnType<TestContext['seedWorkspace']>>;
const TEXT = 'These new boards are sick';

const ingest = (ws: Workspace, texts: string[]) =>
  ingestPosts(
    t.deps,
    { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] },
    texts.map((text) =>
      socialPost({
        externalId: `r-${++n}`,
        text,
        createdAt: new Date(Date.UTC(2026, 9, 1 + (n % 25), 12)),
        author: socialAuthor({ externalId: `ra-${n}` }),
      }),
    ),
  );
const labelOf = async (ws: Workspace) =>
  rows<{ label: string }>(
    await t.db.execute(sql`select sentiment_label as label from mentions
      where workspace_id = ${ws.workspace.id}::uuid and text = ${TEXT}`),
  )[0]!.label;
const rollups = async (ws: Workspace) =>
  rows<{ label: string; n: number }>(
    await t.db.execute(sql`select label, sum(n)::int as n from report_daily
      where workspace_id = ${ws.workspace.id}::uuid group by label having sum(n) <> 0 order by label`),
  );

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('reanalyzeMentions', () => {
  it("re-scores each stale mention with its own workspace's vocabulary, and the rollups follow", async () => {
    const skate = await t.seedWorkspace('Reanalysis Skate');
    const clinic = await t.seedWorkspace('Reanalysis Clinic');
    await ingest(skate, [TEXT]);
    await ingest(clinic, [TEXT]);
    // Stored behind the service's back: only the next analysis, not a listener, can apply it.
    await t.db
      .insert(lexiconEntries)
      .values({ workspaceId: skate.workspace.id, term: 'sick', termKey: 'sick', weight: 3 });
    // As after an analyzer upgrade: every mention is stale.
    await t.db.update(mentions).set({ analysisVersion: ANALYSIS_VERSION - 1 });
    await reanalyzeMentions(t.db);
    const sick = compileLexicon([{ term: 'sick', language: null, weight: 3 }]);
    expect(await labelOf(skate)).toBe(analyze(TEXT, { lexicon: sick }).label);
    expect(await labelOf(clinic)).toBe(analyze(TEXT).label);
    expect(await labelOf(skate)).not.toBe(await labelOf(clinic));
    const counted = await rollups(skate);
    await rebuildRollups(t.db, skate.workspace.id);
    expect(counted).toEqual(await rollups(skate));
  });

  it("moves the conversation's sentiment and priority and the author's totals with the new label", async () => {
    const ws = await t.seedWorkspace('Reanalysis Follows');
    await ingest(ws, [TEXT]);
    const facts = async () =>
      rows<{ conversation: string; priority_reason: string; contact: number | null; mention: string }>(
        await t.db.execute(sql`select c.sentiment_label as conversation, c.priority_reason,
            k.sentiment as contact, m.sentiment_label as mention
          from mentions m join conversations c on c.id = m.conversation_id join contacts k on k.id = m.contact_id
          where m.workspace_id = ${ws.workspace.id}::uuid`),
      )[0]!;
    const before = await facts();
    expect(before.conversation).toBe(before.mention);
    // The skate brand says "sick" is praise; the model read it otherwise.
    await t.db
      .insert(lexiconEntries)
      .values({ workspaceId: ws.workspace.id, term: 'sick', termKey: 'sick', weight: 4 });
    await t.db.update(mentions).set({ analysisVersion: null }).where(eq(mentions.workspaceId, ws.workspace.id));
    await reanalyzeMentions(t.db, { workspaceId: ws.workspace.id });
    const after = await facts();
    expect(after.mention).toBe('positive');
    expect(before.mention).not.toBe('positive');
    expect(after.conversation).toBe('positive');
    expect(Number(after.contact)).toBeGreaterThan(Number(before.contact ?? 0));
    expect(after.priority_reason).not.toBe(before.priority_reason);
  });

  it('lets the event loop turn between batches, reporting progress after each', async () => {
    const ws = await t.seedWorkspace('Reanalysis Turns');
    await ingest(ws, ['one good post', 'two bad posts', 'three fine posts']);
    await t.db.update(mentions).set({ analysisVersion: null }).where(eq(mentions.workspaceId, ws.workspace.id));
    const seen: string[] = [];
    let running = true;
    // Another request's work, waiting for its turn: it must get one between batches, not only at the end.
    const other = () =>
      setImmediate(() => {
        if (!running) return;
        if (seen.at(-1) !== 'other') seen.push('other');
        other();
      });
    other();
    const r = await reanalyzeMentions(t.db, {
      workspaceId: ws.workspace.id,
      batch: 1,
      onProgress: (p) => seen.push(`${p.done}/${p.total}`),
    });
    running = false;
    expect(r).toEqual({ done: 3, total: 3 });
    const progress = seen.filter((s) => s !== 'other');
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    // Between "1/3" and "2/3" (and "2/3" and "3/3") someone else ran.
    expect(seen.slice(seen.indexOf('1/3'), seen.indexOf('3/3'))).toEqual(['1/3', 'other', '2/3', 'other']);
  });

  it('takes only marked mentions after a vocabulary change, as many as it is allowed a run', async () => {
    const ws = await t.seedWorkspace('Reanalysis Marked');
    await ingest(ws, ['a sick post', 'another sick post', 'a third sick post']);
    const old = await t.seedWorkspace('Reanalysis Old');
    await ingest(old, ['scored by an older analyzer']);
    await t.db.update(mentions).set({ analysisVersion: 0 }).where(eq(mentions.workspaceId, old.workspace.id));
    await t.db.update(mentions).set({ analysisVersion: null }).where(eq(mentions.workspaceId, ws.workspace.id));
    expect(await reanalyzeMarked(t.db, 2)).toEqual({ done: 2, total: 2 });
    expect(await reanalyzeMarked(t.db)).toEqual({ done: 1, total: 1 });
    const [older] = await t.db.select().from(mentions).where(eq(mentions.workspaceId, old.workspace.id));
    // An older analyzer's work is the operator's to redo (`npm run cli -- reanalyze`), not the job's.
    expect(older!.analysisVersion).toBe(0);
  });
});
