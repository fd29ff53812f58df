import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/inbox/schema';
import { mentions } from '../../src/mentions/schema';
import { type DemoWorkspace, ensureDemoWorkspace } from '../../src/server/demo-workspace';
import { createTestContext, TEST_APP_SECRET, TEST_PASSWORD_PARAMS, type TestContext } from '../helpers/test-app';

/**
 * `npm start -- --demo` tells a team's last 90 days, checkable through the API as any client would: the
 * teammates, mentions on (nearly) every day, the team's answered and assigned conversations, the board's
 * ideas and reviews. Seeded once, on an injected clock; a second start keeps the password and the data.
 */
const NOW = new Date('2026-11-25T15:30:00Z');
const DAY_MS = 86_400_000;
let t: TestContext;
let demo: DemoWorkspace;
let token: string;

const options = () => ({
  now: NOW,
  appSecret: TEST_APP_SECRET,
  baseUrl: 'http://demo.test',
  passwordParams: TEST_PASSWORD_PARAMS,
});
const mentionCount = async (workspaceId: string) =>
  Number((await t.db.select({ n: count() }).from(mentions).where(eq(mentions.workspaceId, workspaceId)))[0]!.n);

beforeAll(async () => {
  t = await createTestContext({ clock: () => NOW });
  demo = await ensureDemoWorkspace(t.deps, options());
  token = await t.login(demo.email, demo.password);
}, 600_000);
afterAll(() => t.close());

describe('the demo workspace', () => {
  it('was seeded on its first start with a few thousand posts and the team’s replies', () => {
    expect(demo.seeded?.posts).toBeGreaterThan(1500);
    expect(demo.seeded?.posts).toBeLessThan(5000);
    expect(demo.seeded?.replies).toBeGreaterThan(50);
  });

  it('lists the owner and three teammates, one per role, and each signs in with the demo password', async () => {
    const res = await t.request('GET', '/api/v1/users', { token });
    expect(res.status).toBe(200);
    const users = res.json.items as { email: string; role: string }[];
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual([
      ['admin@example.com', 'admin'],
      ['agent@example.com', 'agent'],
      ['analyst@example.com', 'analyst'],
      ['demo@example.com', 'owner'],
    ]);
    for (const login of demo.logins) expect(await t.login(login.email, demo.password)).toBeTruthy();
  });

  it('has mentions on at least 80 of the last 90 days, busier on weekdays, with one spike', async () => {
    const from = new Date(NOW.getTime() - 89 * DAY_MS).toISOString().slice(0, 10);
    const to = NOW.toISOString().slice(0, 10);
    const res = await t.request('GET', `/api/v1/reports/sentiment?from=${from}&to=${to}&interval=day`, { token });
    expect(res.status).toBe(200);
    const days = (res.json.series as { date: string; total: number }[]).filter((d) => d.total > 0);
    expect(days.length).toBeGreaterThanOrEqual(80);
    const totals = days.map((d) => d.total).sort((a, b) => a - b);
    const median = totals[Math.floor(totals.length / 2)]!;
    expect(totals.at(-1)!).toBeGreaterThan(4 * median);
    const weekday = (d: { date: string }) => ![0, 6].includes(new Date(d.date).getUTCDay());
    const mean = (xs: { total: number }[]) => xs.reduce((a, d) => a + d.total, 0) / xs.length;
    const normal = days.filter((d) => d.total < 4 * median);
    expect(mean(normal.filter(weekday))).toBeGreaterThan(1.3 * mean(normal.filter((d) => !weekday(d))));
  });

  it('has a competitor in the share of voice', async () => {
    const res = await t.request('GET', '/api/v1/topics', { token });
    expect((res.json.items as { kind: string }[]).some((x) => x.kind === 'competitor')).toBe(true);
  });

  it('has conversations the team answered, ones waiting assigned to the agent, and ones nobody took yet', async () => {
    const users = (await t.request('GET', '/api/v1/users', { token })).json.items as { id: string; email: string }[];
    const agent = users.find((u) => u.email === 'agent@example.com')!;
    const closed = await t.request('GET', '/api/v1/conversations?status=closed&limit=100', { token });
    expect(closed.json.items.some((c: { firstResponseAt: string | null }) => c.firstResponseAt)).toBe(true);
    const mine = await t.request('GET', `/api/v1/conversations?assignee=${agent.id}`, { token });
    expect(mine.json.items.length).toBeGreaterThan(0);
    const unassigned = await t.request('GET', '/api/v1/conversations?view=unassigned', { token });
    expect(unassigned.json.items.length).toBeGreaterThan(0);
    // Maya read what she was given until two days ago: what is new to her is the last two days' work.
    const maya = await t.login('agent@example.com', demo.password);
    const notices = (await t.request('GET', '/api/v1/notifications', { token: maya })).json;
    expect(notices.unread).toBeGreaterThan(0);
    expect(notices.unread).toBeLessThan(30);
    const times = await t.request('GET', `/api/v1/reports/response-times?from=2026-09-01&to=2026-11-25`, { token });
    expect(times.status).toBe(200);
  });

  it('has saved replies, a routing rule, ideas with votes on a roadmap, and reviews', async () => {
    expect((await t.request('GET', '/api/v1/saved-replies', { token })).json.items.length).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/v1/routing-rules', { token })).json.items.length).toBeGreaterThan(0);
    const ideas = (await t.request('GET', '/api/v1/ideas', { token })).json.items as {
      status: string;
      voteCount: number;
    }[];
    expect(ideas.length).toBeGreaterThan(0);
    expect(new Set(ideas.map((i) => i.status))).toEqual(
      new Set(['shipped', 'in_progress', 'planned', 'under_review', 'open']),
    );
    expect(ideas.some((i) => i.voteCount > 1)).toBe(true);
    expect((await t.request('GET', '/api/v1/reviews', { token })).json.items.length).toBeGreaterThan(0);
  });

  it('on a second start keeps the password, the sessions and the data', async () => {
    const mentionsBefore = await mentionCount(demo.workspace.id);
    const [convs] = await t.db
      .select({ n: count() })
      .from(conversations)
      .where(eq(conversations.workspaceId, demo.workspace.id));
    const again = await ensureDemoWorkspace(t.deps, options());
    expect(again.password).toBe(demo.password);
    expect(again.seeded).toBeNull();
    expect(await mentionCount(demo.workspace.id)).toBe(mentionsBefore);
    const [convsAfter] = await t.db
      .select({ n: count() })
      .from(conversations)
      .where(eq(conversations.workspaceId, demo.workspace.id));
    expect(convsAfter!.n).toBe(convs!.n);
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(200);
  });

  it('has a password of its own for another data directory', async () => {
    const other = await ensureDemoWorkspace(t.deps, {
      ...options(),
      appSecret: `${TEST_APP_SECRET}-other`,
      history: false,
    });
    expect(other.password).not.toBe(demo.password);
    expect(await t.login(demo.email, other.password)).toBeTruthy();
  });
});
