import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imports } from '../../src/imports/schema';
import type { Actor } from '../../src/core/actor';
import type { Db } from '../../src/db/types';
import { type BatchOptions, importBatches } from '../../src/imports/batches';
import { createImport, runImport } from '../../src/imports/import.service';
import { mentions } from '../../src/mentions/schema';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let token: string;
let workspaceId: string;
let actor: Actor;

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Imp');
  token = ws.token;
  workspaceId = ws.workspace.id;
  actor = {
    workspaceId,
    workspaceSlug: ws.workspace.slug,
    userId: ws.owner.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
});
afterAll(() => t.close());

async function upload(content: string, filename: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await t.app.request('/api/v1/imports', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, json: (await res.json()) as any };
}

/** Polls until the import ends. No time budget: a loaded machine is slow, not wrong (timings: `npm run bench`). */
async function waitDone(id: string) {
  for (;;) {
    const res = await t.request('GET', `/api/v1/imports/${id}`, { token });
    if (res.json.status === 'done' || res.json.status === 'failed') return res.json;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The database as a crash sees it: the first write of an import's progress at or past `rows` rows
 * throws, in or out of a transaction, as if the process died there.
 */
function crashingOnProgress(db: Db, rows: number): Db {
  let crashed = false;
  const wrap = (d: Db): Db =>
    new Proxy(d, {
      get(target, key, receiver) {
        if (key === 'transaction')
          return (fn: (tx: Db) => Promise<unknown>, config?: unknown) =>
            (target as any).transaction((tx: Db) => fn(wrap(tx)), config);
        if (key !== 'update') return Reflect.get(target, key, receiver);
        return (table: unknown) => {
          const builder = (target as any).update(table);
          if (table !== imports) return builder;
          return new Proxy(builder, {
            get(b, k, r) {
              if (k !== 'set') return Reflect.get(b, k, r);
              return (values: { processed?: number }) => {
                if (!crashed && (values.processed ?? 0) >= rows) {
                  crashed = true;
                  throw new Error('killed');
                }
                return b.set(values);
              };
            },
          });
        };
      },
    });
  return wrap(db);
}

const mentionCount = async () =>
  Number((await t.db.select({ n: count() }).from(mentions).where(eq(mentions.workspaceId, workspaceId)))[0]!.n);

/** Each test passes its own id prefix, so no test depends on rows another one left behind. */
function bigCsv(rows: number, bad: Set<number>, prefix = 'r') {
  const lines = ['id,text,created_at,author,followers'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      bad.has(i)
        ? `${prefix}${i},"broken row ${i}",not-a-date,ana,1`
        : `${prefix}${i},"acme mention ${i}, ""quoted""",` +
            `2026-11-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,user${i % 50},${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// 1,200 rows span three batches of 500; the 10,000-row and 200,000-row timings live in `npm run bench`.
const ROWS = 1_200;
const BAD = new Set(Array.from({ length: 6 }, (_, i) => i * 200 + 7));
const SLOW = 120_000;

describe('importing exported mentions', () => {
  it(
    'imports the good rows of a file over several batches and reports each bad one by line',
    async () => {
      const before = await mentionCount();
      const accepted = await upload(bigCsv(ROWS, BAD, 'a'), 'export.csv');
      expect(accepted.status).toBe(202);
      expect(accepted.json.status).toBe('queued');
      const done = await waitDone(accepted.json.id);
      expect(done).toMatchObject({
        status: 'done',
        total: ROWS,
        processed: ROWS,
        inserted: ROWS - BAD.size,
        duplicates: 0,
        failed: BAD.size,
        progress: 100,
      });
      // Line 1 is the header, so row i sits on line i + 2.
      expect(done.errors).toEqual(
        [...BAD].map((i) => ({ line: i + 2, message: 'unreadable date "not-a-date" (column created_at)' })),
      );
      expect(await mentionCount()).toBe(before + ROWS - BAD.size);
    },
    SLOW,
  );

  it(
    'adds only the rows it lacked when the same file is imported again',
    async () => {
      const first = await waitDone((await upload(bigCsv(ROWS, BAD, 'b'), 'export.csv')).json.id);
      expect(first).toMatchObject({ inserted: ROWS - BAD.size, failed: BAD.size });
      const before = await mentionCount();
      const done = await waitDone((await upload(bigCsv(ROWS, new Set(), 'b'), 'export.csv')).json.id);
      expect(done).toMatchObject({ inserted: BAD.size, duplicates: ROWS - BAD.size });
      expect(await mentionCount()).toBe(before + BAD.size);
    },
    SLOW,
  );

  it('reads JSON Lines with a column mapping and the original platform', async () => {
    const jsonl = '{"msg":"hello from x","ts":"2026-11-20T10:00:00Z","user":{"name":"zed"},"net":"x","sid":"9001"}\n';
    const res = await upload(jsonl, 'data.jsonl', {
      mapping: JSON.stringify({
        text: 'msg',
        createdAt: 'ts',
        authorHandle: 'user.name',
        platform: 'net',
        externalId: 'sid',
      }),
    });
    expect(await waitDone(res.json.id)).toMatchObject({ inserted: 1 });
    const [row] = await t.db.select().from(mentions).where(eq(mentions.externalId, '9001'));
    expect(row).toMatchObject({ platform: 'x', authorHandle: 'zed', text: 'hello from x' });
  });

  it(
    'resumes after a crash between batches from the last committed row, with exact counts',
    async () => {
      const before = await mentionCount();
      const row = await createImport(t.db, actor, {
        filename: 'crash.csv',
        format: 'csv',
        mapping: {},
        content: bigCsv(ROWS, BAD, 'c'),
      });
      // The process dies as a batch's progress is written, after the first 600 rows: the kill -9 window.
      const crashed = await runImport({ ...t.deps, db: crashingOnProgress(t.db, 600) }, row.id);
      expect(crashed?.status).toBe('failed');
      const [cut] = await t.db.select().from(imports).where(eq(imports.id, row.id));
      expect(cut!.processed).toBeLessThan(600);
      // What a killed runner leaves behind: running, its lease run out.
      await t.db
        .update(imports)
        .set({ status: 'running', error: null, finishedAt: null, leaseUntil: new Date(Date.now() - 1000) })
        .where(eq(imports.id, row.id));
      const resumed = await runImport(t.deps, row.id);
      expect(resumed).toMatchObject({
        status: 'done',
        total: ROWS,
        processed: ROWS,
        inserted: ROWS - BAD.size,
        duplicates: 0,
        failed: BAD.size,
      });
      expect(resumed!.errors.map((e) => e.line)).toEqual([...BAD].map((i) => i + 2));
      expect(await mentionCount()).toBe(before + ROWS - BAD.size);
    },
    SLOW,
  );

  it(
    'stores batches in file order while it prepares the next, and stores none after one that failed',
    async () => {
      const overlapping: BatchOptions = {
        first: 100,
        min: 100,
        max: 100,
        targetMs: Infinity,
        restRatio: 0,
        overlap: true,
      };
      const run = async (db: Db, prefix: string) => {
        const row = await createImport(t.db, actor, {
          filename: `${prefix}.csv`,
          format: 'csv',
          mapping: {},
          content: bigCsv(1_000, BAD, prefix),
        });
        const seen: { processed: number; readLines: number }[] = [];
        const before = await mentionCount();
        const done = await importBatches({ ...t.deps, db }, row, null, (r) => seen.push(r), overlapping).then(
          (r) => r,
          (err: Error) => err,
        );
        return { done, seen, stored: (await mentionCount()) - before };
      };
      const whole = await run(t.db, 'o');
      expect(whole.done).toMatchObject({ processed: 1_000, inserted: 1_000 - 5, failed: 5 });
      expect(whole.seen.map((s) => s.processed)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
      expect(whole.seen.map((s) => s.readLines)).toEqual([0, 101, 201, 301, 401, 501, 601, 701, 801, 901, 1_001]);
      expect(whole.stored).toBe(1_000 - 5);
      // The fourth batch dies as it saves its progress; the fifth, prepared meanwhile, is never stored.
      const cut = await run(crashingOnProgress(t.db, 400), 'q');
      expect(cut.done).toBeInstanceOf(Error);
      expect(cut.seen.map((s) => s.processed)).toEqual([0, 100, 200, 300]);
      expect(cut.stored).toBe(300 - 2);
    },
    SLOW,
  );

  it('refuses a file without a known format or with a bad mapping (422)', async () => {
    expect((await upload('x', 'notes.txt')).status).toBe(422);
    expect((await upload('text\nx\n', 'a.csv', { mapping: '{"nonsense":"x"}' })).status).toBe(422);
    expect((await upload('text\nx\n', 'a.csv', { mapping: 'not json' })).json.error.message).toBe(
      'mapping must be a JSON object',
    );
  });
});
