import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest/pipeline';
import { rebuildRollups } from '../../src/reports/rollups';
import { analyze } from '../../src/sentiment/analyze';
import { compileLexicon } from '../../src/sentiment/workspace-lexicon';
import { previewLexiconEntry } from '../../src/vocabulary/preview';
import { lexiconEntries } from '../../src/vocabulary/schema';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let n = 0;
type Workspace = Awaited<ReturnType<TestContext['seedWorkspace']>>;

const SICK = compileLexicon([{ term: 'sick', language: null, weight: 3 }]);
const TEXTS = [
  'These new boards are sick',
  'Landed a sick kickflip on the new deck today',
  'The skate park was sick last night, so many people',
  'I feel sick, the wheels broke after one day',
];
const OTHER = 'Shipping was fast and the wheels are great';

const ingest = (ws: Workspace, texts: string[]) =>
  ingestPosts(
    t.deps,
    { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] },
    texts.map((text) =>
      socialPost({
        externalId: `v-${++n}`,
        text,
        createdAt: new Date(Date.UTC(2026, 10, 1 + (n % 20), 12)),
        author: socialAuthor({ externalId: `author-${n}`, handle: `author${n}` }),
      }),
    ),
  );

const labelsOf = async (ws: Workspace) =>
  Object.fromEntries(
    rows<{ text: string; label: string }>(
      await t.db.execute(sql`select text, sentiment_label as label from mentions
        where workspace_id = ${ws.workspace.id}::uuid`),
    ).map((r) => [r.text, r.label]),
  );

/** The report rollups of a workspace by label, and the same counted straight from its mentions. */
const rollups = async (ws: Workspace) =>
  Object.fromEntries(
    rows<{ label: string; n: number }>(
      await t.db.execute(sql`select label, sum(n)::int as n from report_daily
        where workspace_id = ${ws.workspace.id}::uuid group by label having sum(n) <> 0`),
    ).map((r) => [r.label, r.n]),
  );
/** What the rollups hold must be what a rebuild from the mentions would count. */
const expectRollupsRebuilt = async (ws: Workspace) => {
  const counted = await rollups(ws);
  await rebuildRollups(t.db, ws.workspace.id);
  expect(counted).toEqual(await rollups(ws));
  return counted;
};

const add = (ws: Workspace, body: unknown, token = ws.token) =>
  t.request('POST', '/api/v1/analysis/lexicon', { token, body });

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('the vocabulary API', () => {
  let ws: Workspace;
  let analyst: string;
  beforeAll(async () => {
    ws = await t.seedWorkspace('Lexicon Crud');
    analyst = (await t.seedUser(ws.workspace.id, 'analyst', 'analyst@lexicon.test')).token;
  });

  it('adds, lists and removes terms', async () => {
    const sick = await add(ws, { term: 'sick', weight: 3 });
    expect(sick.status).toBe(201);
    expect(sick.json.entry).toMatchObject({ term: 'sick', language: null, weight: 3 });
    const acme = await add(ws, { term: 'Acme Deck', language: 'en', weight: 0 });
    expect(acme.status).toBe(201);
    expect((await add(ws, { term: 'krank', language: 'de', weight: -1.5 })).json.entry.weight).toBe(-1.5);

    const list = await t.request('GET', '/api/v1/analysis/lexicon', { token: analyst });
    expect(list.status).toBe(200);
    expect(list.json.items.map((e: { term: string }) => e.term)).toEqual(['sick', 'Acme Deck', 'krank']);
    expect(list.json.pending).toBe(0);

    const gone = await t.request('DELETE', `/api/v1/analysis/lexicon/${acme.json.entry.id}`, { token: ws.token });
    expect(gone.status).toBe(204);
    const again = await t.request('DELETE', `/api/v1/analysis/lexicon/${acme.json.entry.id}`, { token: ws.token });
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('LEXICON_ENTRY_NOT_FOUND');
    const items = (await t.request('GET', '/api/v1/analysis/lexicon', { token: ws.token })).json.items;
    expect(items.map((e: { term: string }) => e.term)).toEqual(['sick', 'krank']);
  });

  it('refuses the same term for the same language, however it is written', async () => {
    const dup = await add(ws, { term: '#SICK', weight: -2 });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({ code: 'LEXICON_TERM_TAKEN', details: { field: 'term' } });
    expect(dup.json.error.message).toBe('The vocabulary already has "#SICK" for all languages');
    // One language beside all of them is another entry (and wins for that language).
    expect((await add(ws, { term: 'sick', language: 'en', weight: 2 })).status).toBe(201);
  });

  it.each([
    ['a term longer than 100 characters', { term: 'x'.repeat(101), weight: 1 }, 'VALIDATION_FAILED'],
    ['an empty term', { term: '   ', weight: 1 }, 'VALIDATION_FAILED'],
    ['a control character', { term: 'bell\u0007', weight: 1 }, 'VALIDATION_FAILED'],
    ['a line break', { term: 'two\nlines', weight: 1 }, 'VALIDATION_FAILED'],
    ['a weight above 4', { term: 'rad', weight: 4.5 }, 'VALIDATION_FAILED'],
    ['a weight with two decimals', { term: 'rad', weight: 1.25 }, 'VALIDATION_FAILED'],
    ['a language that is no code', { term: 'rad', language: 'english', weight: 1 }, 'VALIDATION_FAILED'],
    ['a language the analyzer does not score', { term: 'rad', language: 'pl', weight: 1 }, 'LEXICON_LANGUAGE_UNSCORED'],
    ['a term the analyzer reads as other words', { term: "don't", weight: 1 }, 'LEXICON_TERM_UNREAD'],
  ])('refuses %s with a coded error', async (_, body, code) => {
    const res = await add(ws, body);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe(code);
  });

  it('refuses a NUL and a lone surrogate at the edge', async () => {
    for (const term of ['a\u0000b', 'a\ud800b']) {
      const res = await add(ws, { term, weight: 1 });
      expect(res.status).toBe(422);
      expect(res.json.error).toMatchObject({ code: 'FIELD_TEXT_UNSAFE', details: { field: 'term' } });
    }
    expect((await t.request('GET', '/api/v1/analysis/lexicon', { token: ws.token })).json.items).toHaveLength(3);
  });

  it('keeps at most 500 terms', async () => {
    const full = await t.seedWorkspace('Lexicon Full');
    await t.db.insert(lexiconEntries).values(
      Array.from({ length: 500 }, (_, i) => ({
        workspaceId: full.workspace.id,
        term: `term${i}`,
        termKey: `term${i}`,
        weight: 1,
      })),
    );
    const res = await add(full, { term: 'one more', weight: 1 });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('LEXICON_FULL');
  });

  it('lets analysts read but not change the vocabulary or preview (403)', async () => {
    expect((await add(ws, { term: 'gnarly', weight: 2 }, analyst)).status).toBe(403);
    const preview = await t.request('POST', '/api/v1/analysis/lexicon/preview', {
      token: analyst,
      body: { term: 'gnarly', weight: 2 },
    });
    expect(preview.status).toBe(403);
    const id = (await t.request('GET', '/api/v1/analysis/lexicon', { token: ws.token })).json.items[0].id;
    expect((await t.request('DELETE', `/api/v1/analysis/lexicon/${id}`, { token: analyst })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/analysis/lexicon')).status).toBe(401);
  });
});

describe('the preview', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await t.seedWorkspace('Lexicon Preview');
    await ingest(ws, [...TEXTS, OTHER]);
  });

  it("counts the label changes the entry would make in the workspace's mentions, by from and to", async () => {
    const corrected = rows<{ id: string; text: string }>(
      await t.db.execute(sql`select id, text from mentions where workspace_id = ${ws.workspace.id}::uuid
        and text = ${TEXTS[0]}`),
    )[0]!;
    await t.request('PATCH', `/api/v1/mentions/${corrected.id}/sentiment`, {
      token: ws.token,
      body: { label: 'positive' },
    });
    const res = await t.request('POST', '/api/v1/analysis/lexicon/preview', {
      token: ws.token,
      body: { term: 'sick', weight: 3 },
    });
    expect(res.status).toBe(200);
    // What the analyzer makes of each text with and without the term: the preview must count exactly that.
    const flips = TEXTS.map((text) => ({
      text,
      from: analyze(text).label,
      to: analyze(text, { lexicon: SICK }).label,
    }));
    const changed = flips.filter((f) => f.from !== f.to && f.text !== corrected.text);
    expect(changed.some((f) => f.from === 'negative' && f.to === 'positive')).toBe(true);
    const expected = new Map<string, number>();
    for (const f of changed) expected.set(`${f.from}>${f.to}`, (expected.get(`${f.from}>${f.to}`) ?? 0) + 1);
    expect(res.json).toMatchObject({
      examined: TEXTS.length,
      capped: false,
      changed: changed.length,
      corrected: flips[0]!.from === flips[0]!.to ? 0 : 1,
    });
    const got = new Map(
      res.json.changes.map((c: { from: string; to: string; count: number }) => [`${c.from}>${c.to}`, c.count]),
    );
    expect(got).toEqual(expected);
    expect(res.json.examples.map((e: { text: string }) => e.text).sort()).toEqual(changed.map((f) => f.text).sort());
    // Nothing was saved.
    expect((await t.request('GET', '/api/v1/analysis/lexicon', { token: ws.token })).json.items).toEqual([]);
    expect(await labelsOf(ws)).toMatchObject({ [TEXTS[1]!]: flips[1]!.from });
  });

  it('examines the latest mentions only, and says so', async () => {
    const p = await previewLexiconEntry(
      t.db,
      ws.workspace.id,
      { term: 'sick', language: null, weight: 3 },
      { limit: 2 },
    );
    expect(p).toMatchObject({ examined: 2, capped: true });
    const short = await previewLexiconEntry(
      t.db,
      ws.workspace.id,
      { term: 'sick', language: null, weight: 3 },
      {
        // The longest text fits, no two of them do.
        maxChars: 60,
      },
    );
    expect(short).toMatchObject({ examined: 1, capped: true });
  });

  it('reads the mentions a page at a time, to the same answer as all at once', async () => {
    const entry = { term: 'sick', language: null, weight: 3 };
    const whole = await previewLexiconEntry(t.db, ws.workspace.id, entry);
    expect(whole.examined).toBeGreaterThan(2);
    expect(await previewLexiconEntry(t.db, ws.workspace.id, entry, { page: 1 })).toEqual(whole);
    const two = await previewLexiconEntry(t.db, ws.workspace.id, entry, { page: 1, limit: 2 });
    expect(two).toMatchObject({ examined: 2, capped: true });
  });

  it('refuses what adding would refuse', async () => {
    await add(ws, { term: 'deck', weight: 0 });
    const res = await t.request('POST', '/api/v1/analysis/lexicon/preview', {
      token: ws.token,
      body: { term: 'Deck', weight: 1 },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('LEXICON_TERM_TAKEN');
  });
});

describe('the vocabulary at ingest', () => {
  it("applies a workspace's terms to its own posts only", async () => {
    const skate = await t.seedWorkspace('Skate Brand');
    const clinic = await t.seedWorkspace('Clinic');
    expect((await add(skate, { term: 'sick', weight: 3 })).status).toBe(201);
    const text = TEXTS[0]!;
    const plain = analyze(text).label;
    const withTerm = analyze(text, { lexicon: SICK }).label;
    expect(withTerm).not.toBe(plain);
    await ingest(skate, [text]);
    await ingest(clinic, [text]);
    expect((await labelsOf(skate))[text]).toBe(withTerm);
    expect((await labelsOf(clinic))[text]).toBe(plain);
  });
});

describe('re-analysis after a vocabulary change', () => {
  it('re-scores the mentions with the term in the background, and the rollups follow', async () => {
    const ws = await t.seedWorkspace('Rescore Co');
    await ingest(ws, [...TEXTS, OTHER]);
    const before = await labelsOf(ws);
    const corrected = rows<{ id: string }>(
      await t.db.execute(sql`select id from mentions where workspace_id = ${ws.workspace.id}::uuid
        and text = ${TEXTS[1]}`),
    )[0]!;
    await t.request('PATCH', `/api/v1/mentions/${corrected.id}/sentiment`, {
      token: ws.token,
      body: { label: 'neutral' },
    });
    const added = await add(ws, { term: 'sick', weight: 3 });
    expect(added.json.marked).toBe(TEXTS.length);
    await t.deps.events.idle();
    const after = await labelsOf(ws);
    for (const text of TEXTS) expect(after[text]).toBe(analyze(text, { lexicon: SICK }).label);
    expect(after[OTHER]).toBe(before[OTHER]);
    expect((await t.request('GET', '/api/v1/analysis/lexicon', { token: ws.token })).json.pending).toBe(0);
    const counted = await expectRollupsRebuilt(ws);
    expect(counted.positive ?? 0).toBeGreaterThan(0);
    // Staff's correction stays what it was.
    const [kept] = rows<{ o: string }>(
      await t.db.execute(sql`select sentiment_override as o from mentions where id = ${corrected.id}::uuid`),
    );
    expect(kept!.o).toBe('neutral');

    // Removing the term brings the analyzer's own reading back.
    const res = await t.request('DELETE', `/api/v1/analysis/lexicon/${added.json.entry.id}`, { token: ws.token });
    expect(res.status).toBe(204);
    await t.deps.events.idle();
    expect(await labelsOf(ws)).toEqual(before);
    await expectRollupsRebuilt(ws);
  });
});
