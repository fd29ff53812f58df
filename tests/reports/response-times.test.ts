import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
const T0 = new Date('2026-05-04T08:00:00Z');
const now = new Date('2026-05-05T12:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
  ws = await t.seedWorkspace('Response Co');
  const ana = (await t.seedUser(ws.workspace.id, 'agent', 'ana@responseco.test')).user;
  const bo = (await t.seedUser(ws.workspace.id, 'agent', 'bo@responseco.test')).user;
  const texts = ['answered fast', 'answered slowly', 'never answered, overdue', 'not yet due', 'spam to leave out'];
  await ingestPosts(
    t.deps,
    { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] },
    texts.map((text, i) =>
      socialPost({
        externalId: `rt-${i}`,
        text,
        createdAt: T0,
        author: socialAuthor({ externalId: `p${i}`, handle: `p${i}` }),
      }),
    ),
  );
  const set = async (subject: string, v: Partial<typeof conversations.$inferInsert>) =>
    t.db.update(conversations).set(v).where(eq(conversations.subject, subject));
  await set('answered fast', {
    assigneeId: ana.id,
    firstResponseAt: at(30),
    firstResponseDueAt: at(240),
    resolvedAt: at(120),
    status: 'closed',
  });
  await set('answered slowly', { assigneeId: ana.id, firstResponseAt: at(600), firstResponseDueAt: at(720) });
  await set('never answered, overdue', { assigneeId: bo.id, firstResponseDueAt: at(240) });
  await set('not yet due', { firstResponseDueAt: new Date(now.getTime() + 3_600_000) });
  await set('spam to leave out', { status: 'spam', firstResponseDueAt: at(10) });
});
afterAll(() => t.close());

describe('response times report', () => {
  it('counts an unanswered conversation past its due time as a miss, and leaves one not yet due out', async () => {
    const r = (
      await t.request('GET', '/api/v1/reports/response-times?from=2026-05-04&to=2026-05-04', { token: ws.token })
    ).json;
    expect(r.overall).toEqual({
      conversations: 4,
      answered: 2,
      medianFirstResponseMinutes: 315,
      resolved: 1,
      medianResolutionMinutes: 120,
      withinSlaPercent: 66.7,
      breaches: 1,
    });
    const by = Object.fromEntries(r.byAgent.map((a: { name: string }) => [a.name, a]));
    expect(by['ana@responseco.test']).toMatchObject({ conversations: 2, withinSlaPercent: 100, breaches: 0 });
    expect(by['bo@responseco.test']).toMatchObject({ conversations: 1, withinSlaPercent: 0, breaches: 1 });
    expect(by.Unassigned).toMatchObject({ conversations: 1, withinSlaPercent: null, breaches: 0 });
  });

  it('answers CSV with a row for all and one per agent', async () => {
    const res = await t.app.request('/api/v1/reports/response-times?from=2026-05-04&to=2026-05-04&format=csv', {
      headers: { authorization: `Bearer ${ws.token}` },
    });
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'agent,conversations,answered,median_first_response_minutes,resolved,median_resolution_minutes,' +
        'within_sla_percent,breaches',
    );
    expect(lines[1]).toBe('All,4,2,315,1,120,66.7,1');
    expect(lines).toHaveLength(5);
  });

  it('draws median first response per agent on the dashboard', async () => {
    const res = await t.app.request('/reports?preset=custom&from=2026-05-04&to=2026-05-04', {
      headers: { authorization: `Bearer ${ws.token}` },
    });
    const html = await res.text();
    const card = html.slice(html.indexOf('data-testid="chart-responses"'));
    const svg = Buffer.from(/src="data:image\/svg\+xml;base64,([^"]+)"/.exec(card)![1]!, 'base64').toString();
    expect(svg).toContain('ana@responseco.test');
    expect(card).toMatch(/<td>All<\/td><td class="num">4<\/td><td class="num">315<\/td>/);
  });

  it('follows the dashboard filters: platform, source and language', async () => {
    const count = async (q: string) =>
      (await t.request('GET', `/api/v1/reports/response-times?from=2026-05-04&to=2026-05-04&${q}`, { token: ws.token }))
        .json.overall.conversations;
    expect(await count('platform=x')).toBe(4);
    expect(await count('platform=mastodon')).toBe(0);
    expect(await count('source=mentions')).toBe(4);
    expect(await count('source=reviews')).toBe(0);
    expect(await count('language=xx')).toBe(0);
  });

  it('counts nothing outside the range', async () => {
    expect(
      (await t.request('GET', '/api/v1/reports/response-times?from=2026-05-05&to=2026-05-06', { token: ws.token })).json
        .overall.conversations,
    ).toBe(0);
  });
});
