import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentions } from '../../src/mentions/schema';
import { createLogger } from '../../src/http/logger';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * A file of exported mentions is anyone's data. A row the database could not take is refused alone
 * with its reason by line, text with NULs or broken Unicode is cleaned so its row survives, and when
 * the database itself fails staff read one sentence while the statement stays in the log, without
 * the values it carried.
 */
let t: TestContext;
let token: string;
const logLines: string[] = [];

beforeAll(async () => {
  t = await createTestContext({ logger: createLogger('info', { write: (line: string) => void logLines.push(line) }) });
  const ws = await t.seedWorkspace('Bad Imports');
  token = ws.token;
});
afterAll(() => t.close());

async function upload(content: string, filename: string) {
  const form = new FormData();
  form.set('file', new File([content], filename));
  const res = await t.app.request('/api/v1/imports', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, json: (await res.json()) as { id: string } };
}

async function imported(content: string, filename: string) {
  const accepted = await upload(content, filename);
  expect(accepted.status).toBe(202);
  for (let i = 0; i < 400; i++) {
    const res = await t.request('GET', `/api/v1/imports/${accepted.json.id}`, { token });
    if (res.json.status === 'done' || res.json.status === 'failed') return res.json;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const stored = async (externalId: string) =>
  (await t.db.select().from(mentions).where(eq(mentions.externalId, externalId)))[0];
const yesterday = new Date(Date.now() - 86_400_000).toISOString();
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('importing a file with hostile rows', () => {
  it('refuses each bad row alone with its reason and keeps every other row', async () => {
    const lines = [
      // Columns are guessed from the first row.
      JSON.stringify({
        id: 'ok-1',
        text: 'a fine row',
        created_at: yesterday,
        author: 'ana',
        name: 'Ana',
        followers: 10,
      }),
      JSON.stringify({ id: 'lone', text: 'lone \ud800 surrogate', created_at: yesterday, author: 'x\udfff' }),
      JSON.stringify({ id: 'nul', text: 'nul \u0000 byte', created_at: yesterday, name: 'Ana\u0000' }),
      JSON.stringify({ id: 'far', text: 'a date of 1e300', created_at: 1e300 }),
      JSON.stringify({ id: 'reach', text: 'five billion followers', created_at: yesterday, followers: 5e9 }),
      `{"id":"deep","text":"nested deep","created_at":"${yesterday}","extra":${nested(500)}}`,
      JSON.stringify({ id: 'ok-2', text: 'another fine row', created_at: yesterday }),
    ];
    const done = await imported(`${lines.join('\n')}\n`, 'hostile.jsonl');
    expect(done).toMatchObject({ status: 'done', total: 7, inserted: 4, failed: 3, error: null });
    expect(done.errors).toEqual([
      { line: 4, message: 'unreadable date "1e+300" (column created_at)' },
      { line: 5, message: 'followers must be a whole number from 0 to 2147483647, got "5000000000"' },
      { line: 6, message: 'nested deeper than 64 levels' },
    ]);
    expect(await stored('lone')).toMatchObject({ text: 'lone \ufffd surrogate', authorHandle: 'x\ufffd' });
    expect(await stored('nul')).toMatchObject({ text: 'nul  byte', authorName: 'Ana' });
    expect(await stored('ok-2')).toBeDefined();
  });

  it("reports a row the ingest gate turns away by its line, with the gate's reason", async () => {
    const done = await imported(
      `id,text,created_at\ng-1,fine,${yesterday}\ng-2,posted before the web,1970-01-02T00:00:00Z\n`,
      'gate.csv',
    );
    expect(done).toMatchObject({ status: 'done', inserted: 1, failed: 1 });
    expect(done.errors).toEqual([{ line: 3, message: expect.stringMatching(/date/) }]);
  });

  it('takes a CSV file with a NUL byte in it', async () => {
    const done = await imported(
      `id,text,created_at\ncsv-nul,"hello\u0000 world",${yesterday}\ncsv-ok,fine,${yesterday}\n`,
      'nul.csv',
    );
    expect(done).toMatchObject({ status: 'done', inserted: 2, failed: 0 });
    expect((await stored('csv-nul'))?.text).toBe('hello world');
  });

  it('reports a row the database refuses by line with a short message, and stores the rest', async () => {
    await t.db.execute(sql.raw(`alter table mentions add constraint test_no_boom check (text not like '%boom%')`));
    try {
      const done = await imported(
        `id,text,created_at\nb-1,fine,${yesterday}\nb-2,boom goes the row,${yesterday}\nb-3,also fine,${yesterday}\n`,
        'boom.csv',
      );
      expect(done).toMatchObject({ status: 'done', inserted: 2, failed: 1 });
      expect(done.errors).toEqual([
        { line: 3, message: `Storing this row failed (database error 23514); see the log, ref ${done.id}` },
      ]);
      expect(await stored('b-3')).toBeDefined();
    } finally {
      await t.db.execute(sql.raw('alter table mentions drop constraint test_no_boom'));
    }
  });

  it('tells staff a failed import in one sentence and keeps the SQL, not its values, in the log', async () => {
    await t.db.execute(sql.raw('alter table mentions rename to mentions_away'));
    let done: { id: string; status: string; error: string };
    try {
      done = await imported(`id,text,created_at\ns-1,secret-row-text-4242,${yesterday}\n`, 'away.csv');
    } finally {
      await t.db.execute(sql.raw('alter table mentions_away rename to mentions'));
    }
    expect(done).toMatchObject({
      status: 'failed',
      error: `The import failed (database error 42P01); see the log, ref ${done.id}`,
    });
    const logged = logLines.map(
      (l) => JSON.parse(l) as { msg: string; importId?: string; err?: { query?: string; cause?: { code?: string } } },
    );
    const failure = logged.find((l) => l.msg === 'import failed' && l.importId === done.id);
    expect(failure?.err).toMatchObject({ cause: { code: '42P01' } });
    expect(failure?.err?.query).toMatch(/mentions/);
    expect(logLines.filter((l) => l.includes('secret-row-text-4242'))).toEqual([]);
  });
});
