import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sources } from '../../src/sources/schema';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let owner: string;
let analyst: string;
let acmeTopic: string;
let sourceId: string;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
  const ws = await t.seedWorkspace('Listen');
  owner = ws.token;
  analyst = (await t.seedUser(ws.workspace.id, 'analyst', 'analyst@listen.test')).token;
});
afterAll(async () => {
  await x.close();
  await t.close();
});

describe('topics API', () => {
  it('creates a topic from a valid query', async () => {
    const res = await t.request('POST', '/api/v1/topics', {
      token: owner,
      body: { name: 'Acme', kind: 'brand', query: 'acme OR "acme cloud" -job' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Acme', kind: 'brand', active: true });
    acmeTopic = res.json.id;
    await t.request('POST', '/api/v1/topics', {
      token: owner,
      body: { name: 'Globex', kind: 'competitor', query: 'globex' },
    });
  });

  it('explains a broken query with its position (422)', async () => {
    const res = await t.request('POST', '/api/v1/topics', {
      token: owner,
      body: { name: 'Bad', kind: 'brand', query: 'acme "unclosed' },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toBe('Query: Unclosed quote (at character 6)');
  });

  it('refuses a second topic with the same name (409) and analysts (403)', async () => {
    expect(
      (await t.request('POST', '/api/v1/topics', { token: owner, body: { name: 'Acme', kind: 'brand', query: 'x' } }))
        .status,
    ).toBe(409);
    expect(
      (await t.request('POST', '/api/v1/topics', { token: analyst, body: { name: 'A2', kind: 'brand', query: 'x' } }))
        .status,
    ).toBe(403);
    expect((await t.request('GET', '/api/v1/topics', { token: analyst })).json.items).toHaveLength(2);
  });
});

describe('sources API', () => {
  it('connects X, keeping the credentials encrypted and out of every answer', async () => {
    const res = await t.request('POST', '/api/v1/sources', {
      token: owner,
      body: {
        platform: 'x',
        name: 'Brand on X',
        config: { baseUrl: x.url },
        credentials: { bearerToken: 'super-secret-bearer' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ platform: 'x', hasCredentials: true, status: 'ok', paused: false });
    expect(res.text).not.toContain('super-secret-bearer');
    sourceId = res.json.id;
    const [row] = await t.db.select().from(sources).where(eq(sources.id, sourceId));
    expect(row!.credentialsEnc).toMatch(/^v1\./);
    expect(row!.credentialsEnc).not.toContain('super-secret-bearer');
    expect((await t.request('GET', `/api/v1/sources/${sourceId}`, { token: owner })).text).not.toContain(
      'super-secret',
    );
  });

  it('names the bad config field (422)', async () => {
    const res = await t.request('POST', '/api/v1/sources', {
      token: owner,
      body: { platform: 'x', name: 'Bad', config: { baseUrl: 'not a url' }, credentials: { bearerToken: 'x' } },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/^config\.baseUrl: /);
    const noCreds = await t.request('POST', '/api/v1/sources', {
      token: owner,
      body: { platform: 'x', name: 'Bad', config: {} },
    });
    expect(noCreds.json.error.message).toMatch(/^credentials\.bearerToken: /);
  });

  it('polls now and answers fetched / inserted / duplicates', async () => {
    x.addTweet(
      { text: 'Acme <script>alert(1)</script> rocks', created_at: hoursAgo(3) },
      {
        id: '7',
        username: 'eve',
        name: 'Eve',
        public_metrics: { followers_count: 321, following_count: 0, tweet_count: 0, listed_count: 0 },
      },
    );
    x.addTweet({ text: 'globex is down again', created_at: hoursAgo(2) });
    x.addTweet({ text: 'acme and globex compared', created_at: hoursAgo(1) });
    const first = await t.request('POST', `/api/v1/sources/${sourceId}/poll`, { token: owner });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ fetched: 3, inserted: 3, duplicates: 0, status: 'ok', error: null });
    // X is asked again from the start when the cursor is reset: everything is a duplicate.
    await t.db.update(sources).set({ cursor: null }).where(eq(sources.id, sourceId));
    const second = await t.request('POST', `/api/v1/sources/${sourceId}/poll`, { token: owner });
    expect(second.json).toMatchObject({ fetched: 3, inserted: 0, duplicates: 3 });
  });

  it('backfills older posts beside regular polling, showing progress', async () => {
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000);
    for (let i = 0; i < 3; i++) {
      x.addTweet({
        id: `170000000000000000${i}`,
        text: `old acme post ${i}`,
        created_at: new Date(fiveDaysAgo.getTime() + i * 60_000).toISOString(),
      });
    }
    const regular = await t.request('POST', `/api/v1/sources/${sourceId}/poll`, { token: owner });
    expect(regular.json.inserted).toBe(0); // older than the regular sweep reaches
    const started = await t.request('POST', `/api/v1/sources/${sourceId}/backfill`, {
      token: owner,
      body: { days: 7 },
    });
    expect(started.status).toBe(202);
    expect(started.json.backfill).toMatchObject({ days: 7, status: 'running', percent: 0 });
    let source = started.json;
    for (let i = 0; i < 100 && source.backfill.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 30));
      source = (await t.request('GET', `/api/v1/sources/${sourceId}`, { token: owner })).json;
    }
    expect(source.backfill).toMatchObject({ status: 'done', percent: 100, inserted: 3 });
    expect(source.backfill).not.toHaveProperty('cursor');
    const again = await t.request('POST', `/api/v1/sources/${sourceId}/backfill`, { token: owner, body: { days: 31 } });
    expect(again.status).toBe(422);
  });

  it('verifies the stored credentials with the platform', async () => {
    const res = await t.request('POST', `/api/v1/sources/${sourceId}/verify`, { token: owner });
    expect(res.json).toMatchObject({ ok: true });
  });

  it('pauses and resumes', async () => {
    const paused = await t.request('PATCH', `/api/v1/sources/${sourceId}`, { token: owner, body: { paused: true } });
    expect(paused.json.paused).toBe(true);
    const resumed = await t.request('PATCH', `/api/v1/sources/${sourceId}`, { token: owner, body: { paused: false } });
    expect(resumed.json.paused).toBe(false);
  });
});

describe('mentions API', () => {
  it('lists mentions newest first with author, topics and the raw post', async () => {
    const res = await t.request('GET', '/api/v1/mentions', { token: analyst });
    expect(res.status).toBe(200);
    expect(res.json.items.map((m: { text: string }) => m.text).slice(0, 3)).toEqual([
      'acme and globex compared',
      'globex is down again',
      'Acme <script>alert(1)</script> rocks',
    ]);
    const eve = res.json.items[2];
    expect(eve).toMatchObject({
      platform: 'x',
      url: expect.stringContaining('/eve/status/'),
      author: { handle: 'eve', name: 'Eve', followers: 321 },
      topics: [{ id: acmeTopic, name: 'Acme' }],
    });
    expect(eve.raw.id).toBe(eve.externalId);
    expect(res.json.items[0].topics.map((t: { name: string }) => t.name).sort()).toEqual(['Acme', 'Globex']);
  });

  it.each([
    ['topic', () => `topic=${acmeTopic}`, 5],
    ['platform', () => 'platform=x', 6],
    ['full text', () => 'q=down', 1],
    ['date range', () => `from=${hoursAgo(2.5)}&to=${hoursAgo(1.5)}`, 1],
    ['source', () => `source=${sourceId}`, 6],
  ])('filters by %s', async (_name, query, expected) => {
    const res = await t.request('GET', `/api/v1/mentions?${query()}`, { token: owner });
    expect(res.json.items).toHaveLength(expected);
  });

  it('pages with a cursor without repeats or gaps', async () => {
    const seen: string[] = [];
    let url = '/api/v1/mentions?limit=1';
    for (let i = 0; i < 20; i++) {
      const res = await t.request('GET', url, { token: owner });
      seen.push(...res.json.items.map((m: { id: string }) => m.id));
      if (!res.json.next) break;
      url = `/api/v1/mentions?limit=1&cursor=${res.json.next}`;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('shows mentions on the mentions page with hostile text escaped', async () => {
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'owner@listen.test', password: PASSWORD },
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await t.app.request('/inbox/mentions', { headers: { cookie } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt; rocks');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html.match(/data-testid="mention"/g)).toHaveLength(6);
    const filtered = await (await t.app.request(`/inbox/mentions?q=down`, { headers: { cookie } })).text();
    expect(filtered.match(/data-testid="mention"/g)).toHaveLength(1);
  });

  it('answers 422 for a bad cursor or date', async () => {
    expect((await t.request('GET', '/api/v1/mentions?cursor=nonsense', { token: owner })).status).toBe(422);
    expect((await t.request('GET', '/api/v1/mentions?from=yesterday', { token: owner })).status).toBe(422);
  });
});
