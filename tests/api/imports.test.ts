import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imports } from '../../src/imports/schema';
import { runImport } from '../../src/imports/import.service';
import { mentions } from '../../src/mentions/schema';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let token: string;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Imp');
  token = ws.token;
  workspaceId = ws.workspace.id;
});
afterAll(() => t.close());

async function upload(content: string, filename: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await t.app.request('/api/v1/imports', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, json: (await res.json()) as any };
}

async function waitDone(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await t.request('GET', `/api/v1/imports/${id}`, { token });
    if (res.json.status === 'done' || res.json.status === 'failed') return res.json;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const mentionCount = async () => Number((await t.db.select({ n: count() }).from(mentions).where(eq(mentions.workspaceId, workspaceId)))[0]!.n);

function bigCsv(rows: number, bad: Set<number>) {
  const lines = ['id,text,created_at,author,followers'];
  for (let i = 0; i < rows; i++) {
    lines.push(bad.has(i) ? `r${i},"broken row ${i}",not-a-date,ana,1` : `r${i},"acme mention ${i}, ""quoted""",2026-11-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,user${i % 50},${i}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('importing exported mentions', () => {
  it('imports 9,950 of 10,000 rows and reports the 50 bad ones by line', async () => {
    const bad = new Set(Array.from({ length: 50 }, (_, i) => i * 200 + 7));
    const accepted = await upload(bigCsv(10_000, bad), 'export.csv');
    expect(accepted.status).toBe(202);
    expect(accepted.json.status).toBe('queued');
    const done = await waitDone(accepted.json.id);
    expect(done).toMatchObject({ status: 'done', total: 10_000, processed: 10_000, inserted: 9_950, duplicates: 0, failed: 50, progress: 100 });
    expect(done.errors).toHaveLength(50);
    // Line 1 is the header, so row i sits on line i + 2.
    expect(done.errors[0]).toEqual({ line: 9, message: 'unreadable date "not-a-date" (column created_at)' });
    expect(await mentionCount()).toBe(9_950);
  });

  it('adds nothing when the same file is imported again', async () => {
    const again = await upload(bigCsv(10_000, new Set()), 'export.csv');
    const done = await waitDone(again.json.id);
    expect(done).toMatchObject({ inserted: 50, duplicates: 9_950 });
    expect(await mentionCount()).toBe(10_000);
  });

  it('reads JSON Lines with a column mapping and the original platform', async () => {
    const jsonl = '{"msg":"hello from x","ts":"2026-11-20T10:00:00Z","user":{"name":"zed"},"net":"x","sid":"9001"}\n';
    const res = await upload(jsonl, 'data.jsonl', { mapping: JSON.stringify({ text: 'msg', createdAt: 'ts', authorHandle: 'user.name', platform: 'net', externalId: 'sid' }) });
    expect(await waitDone(res.json.id)).toMatchObject({ inserted: 1 });
    const [row] = await t.db.select().from(mentions).where(eq(mentions.externalId, '9001'));
    expect(row).toMatchObject({ platform: 'x', authorHandle: 'zed', text: 'hello from x' });
  });

  it('resumes an import cut short by a crash without doubling rows', async () => {
    const res = await upload(bigCsv(1200, new Set()).replace(/\br(\d+),/g, 'c$1,'), 'crash.csv');
    await waitDone(res.json.id);
    const before = await mentionCount();
    // Pretend the process died after the first batch: progress says 500, the lease ran out.
    await t.db.update(imports).set({ status: 'running', processed: 500, leaseUntil: new Date(Date.now() - 1000), inserted: 500 }).where(eq(imports.id, res.json.id));
    const resumed = await runImport(t.deps, res.json.id);
    expect(resumed).toMatchObject({ status: 'done', processed: 1200, inserted: 500, duplicates: 700 });
    expect(await mentionCount()).toBe(before);
  });

  it('refuses a file without a known format or with a bad mapping (422)', async () => {
    expect((await upload('x', 'notes.txt')).status).toBe(422);
    expect((await upload('text\nx\n', 'a.csv', { mapping: '{"nonsense":"x"}' })).status).toBe(422);
    expect((await upload('text\nx\n', 'a.csv', { mapping: 'not json' })).json.error.message).toBe('mapping must be a JSON object');
  });
});
