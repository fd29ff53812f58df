import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorrections } from '../../scripts/sentiment/corrections';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let analyst: string;
let admin: string;
const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
const ids: Record<string, string> = {};

const POSTS = {
  relabelled: { text: 'The new update is fine I guess', title: 'Update 4.2' },
  intentsOnly: { text: 'How do I reset my password?', title: null },
  both: { text: '=HYPERLINK("http://evil.test") this app crashed again', title: null },
  german: { text: 'Die App ist wirklich großartig', title: null },
  untouched: { text: 'Nothing to see here', title: null },
};

const csv = (token?: string) => t.request('GET', '/api/v1/analysis/corrections.csv', token ? { token } : {});

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Corrections Co');
  analyst = (await t.seedUser(ws.workspace.id, 'analyst', 'analyst@corrections.test')).token;
  admin = (await t.seedUser(ws.workspace.id, 'admin', 'admin@corrections.test')).token;
  const other = await t.seedWorkspace('Other Co');
  let n = 0;
  const post = ({ text, title }: { text: string; title: string | null }) =>
    socialPost({
      externalId: `c-${++n}`,
      text,
      title,
      createdAt: new Date(Date.UTC(2026, 10, n, 12)),
      author: socialAuthor({ externalId: `a-${n}`, handle: `a${n}` }),
    });
  for (const target of [ws, other])
    await ingestPosts(
      t.deps,
      { workspaceId: target.workspace.id, sourceId: null, platform: 'reddit', topics: [] },
      Object.values(POSTS).map(post),
    );
  for (const r of rows<{ id: string; text: string }>(
    await t.db.execute(sql`select id, text from mentions where workspace_id = ${ws.workspace.id}::uuid`),
  ))
    ids[Object.entries(POSTS).find(([, p]) => p.text === r.text)![0]] = r.id;
  const patch = (key: string, what: 'sentiment' | 'intents', body: unknown) =>
    t.request('PATCH', `/api/v1/mentions/${ids[key]}/${what}`, { token: ws.token, body });
  await patch('relabelled', 'sentiment', { label: 'negative' });
  await patch('intentsOnly', 'intents', { intents: ['question', 'complaint'] });
  await patch('both', 'sentiment', { label: 'negative' });
  await patch('both', 'intents', { intents: [] });
  await patch('german', 'sentiment', { label: 'positive' });
  // Another workspace's correction is never in this one's file.
  const [theirs] = rows<{ id: string }>(
    await t.db.execute(sql`select id from mentions where workspace_id = ${other.workspace.id}::uuid limit 1`),
  );
  await t.request('PATCH', `/api/v1/mentions/${theirs!.id}/sentiment`, {
    token: other.token,
    body: { label: 'neutral' },
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('GET /api/v1/analysis/corrections.csv', () => {
  it('lists each corrected mention once with staff and model labels and intents', async () => {
    const res = await csv(ws.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('corrections.csv');
    const records = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([
      'id',
      'platform',
      'language',
      'text',
      'sentiment',
      'model_sentiment',
      'model_score',
      'intents',
      'model_intents',
      'analysis_version',
      'corrected_at',
    ]);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(records).toHaveLength(4);
    expect(byId.has(ids.untouched!)).toBe(false);
    expect(byId.get(ids.relabelled!)).toMatchObject({
      platform: 'reddit',
      language: 'en',
      text: 'Update 4.2\nThe new update is fine I guess',
      sentiment: 'negative',
      intents: '',
    });
    const relabelled = byId.get(ids.relabelled!)!;
    expect(['positive', 'neutral', 'negative']).toContain(relabelled.model_sentiment);
    expect(Number.isFinite(Number(relabelled.model_score))).toBe(true);
    expect(relabelled.analysis_version).toMatch(/^\d+$/);
    expect(new Date(relabelled.corrected_at!).getTime()).not.toBeNaN();
    expect(byId.get(ids.intentsOnly!)).toMatchObject({ sentiment: '', intents: 'question;complaint' });
    expect(byId.get(ids.intentsOnly!)!.model_intents).toContain('question');
    // A formula-looking post is written so a spreadsheet shows it rather than runs it.
    expect(byId.get(ids.both!)).toMatchObject({ sentiment: 'negative', intents: '' });
    expect(byId.get(ids.both!)!.text?.startsWith("'=HYPERLINK")).toBe(true);
    expect(byId.get(ids.german!)).toMatchObject({ language: 'de', sentiment: 'positive' });
  });

  it('is what the trainer reads: staff labels as examples, intent-only corrections left out', async () => {
    const file = join(dir, 'corrections.csv');
    writeFileSync(file, (await csv(ws.token)).text);
    const examples = readCorrections(file);
    // The one CSV writer guards a formula-looking cell with an apostrophe; the trainer takes back only that.
    expect(examples.map((e) => [e.text, e.language, e.label]).sort()).toEqual(
      [
        [POSTS.both.text, 'en', 'negative'],
        [POSTS.german.text, 'de', 'positive'],
        [`${POSTS.relabelled.title}\n${POSTS.relabelled.text}`, 'en', 'negative'],
      ].sort(),
    );
    expect(examples.every((e) => e.set === 'corrections')).toBe(true);
  });

  it('is for admins: an analyst gets 403, a stranger 401', async () => {
    expect((await csv(admin)).status).toBe(200);
    expect((await csv(analyst)).status).toBe(403);
    expect((await csv(analyst)).json.error.code).toBe('ROLE_LACKS_PERMISSION');
    expect((await csv()).status).toBe(401);
  });

  it('leaves the sentiment labels export as it was', async () => {
    const res = await t.request('GET', '/api/v1/mentions/labels.csv', { token: analyst });
    expect(res.status).toBe(200);
    const records = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id).sort()).toEqual([ids.relabelled, ids.both, ids.german].sort());
    expect(Object.keys(records[0]!)).toContain('model_label');
  });
});
