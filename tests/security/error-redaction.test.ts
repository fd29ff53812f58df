import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConnector } from '../../src/connectors/demo/demo.connector';
import { createLogger } from '../../src/http/logger';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { socialPost } from '../helpers/posts';

/**
 * When the database fails, the log keeps the statement and the driver's code, never the values the
 * statement carried (one such line once held an argon2id hash), and staff read a short sentence
 * with a reference into the log instead of the SQL.
 */
let t: TestContext;
let token: string;
const logLines: string[] = [];
type LogLine = {
  msg: string;
  ref?: string;
  err?: {
    type?: string;
    message?: string;
    query?: string;
    stack?: string;
    params?: unknown;
    cause?: { code?: string; params?: unknown };
  };
};
const logged = () => logLines.map((l) => JSON.parse(l) as LogLine);

// A platform whose one post carries a marker: it must reach no log line when storing it fails.
const SECRET = 'secret-post-text-7f3a';
const connectors = {
  demo: {
    ...demoConnector,
    poll: async () => ({
      posts: [socialPost({ externalId: 'p-1', text: SECRET, createdAt: new Date() })],
      cursor: { n: 1 },
      more: false,
    }),
  },
};

beforeAll(async () => {
  t = await createTestContext({
    connectors,
    logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
  });
  token = (await t.seedWorkspace('Redaction')).token;
});
afterAll(() => t.close());

/** Runs `during` while the mentions table is away, so every statement on it fails (42P01). */
async function withoutMentionsTable<T>(during: () => Promise<T>): Promise<T> {
  await t.db.execute(sql.raw('alter table mentions rename to mentions_away'));
  try {
    return await during();
  } finally {
    await t.db.execute(sql.raw('alter table mentions_away rename to mentions'));
  }
}

describe('a database error', () => {
  it('in a request answers 500 and logs the SQL and its code without the parameters', async () => {
    const marker = 'secret-search-words-4242';
    const res = await withoutMentionsTable(() => t.request('GET', `/api/v1/mentions?q=${marker}`, { token }));
    expect(res.status).toBe(500);
    expect(res.json.error).toMatchObject({ code: 'INTERNAL' });
    const failure = logged().find((l) => l.msg === 'request failed');
    expect(failure?.err).toMatchObject({ type: 'DrizzleQueryError', cause: { code: '42P01' } });
    expect(failure?.err?.query).toMatch(/from "mentions"/);
    expect(failure?.err?.message).not.toMatch(/params:/);
    expect(failure?.err?.stack).not.toMatch(/params:/);
    expect(failure?.err?.params).toBeUndefined();
    expect(failure?.err?.cause?.params).toBeUndefined();
    expect(logLines.filter((l) => l.includes(marker))).toEqual([]);
  });

  it('while polling leaves a short lastError with a reference into the log', async () => {
    const source = await t.request('POST', '/api/v1/sources', {
      token,
      body: { platform: 'demo', name: 'Replay', config: {} },
    });
    expect(source.status).toBe(201);
    const polled = await withoutMentionsTable(() =>
      t.request('POST', `/api/v1/sources/${source.json.id}/poll`, { token }),
    );
    expect(polled.json).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^Storing the posts failed \(database error 42P01\); see the log, ref [0-9a-f]{8}$/),
    });
    const ref = /ref ([0-9a-f]{8})$/.exec(polled.json.error as string)![1];
    const shown = await t.request('GET', `/api/v1/sources/${source.json.id}`, { token });
    expect(shown.json.lastError).toBe(polled.json.error);
    expect(logged().find((l) => l.msg === 'poll crashed' && l.ref === ref)?.err).toMatchObject({
      cause: { code: '42P01' },
    });
    expect(logLines.filter((l) => l.includes(SECRET))).toEqual([]);
  });
});
