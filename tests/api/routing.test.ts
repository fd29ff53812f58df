import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/accounts/schema';
import type { SocialAuthor, SocialPost } from '../../src/core/social-post';
import { socialAuthor, socialPost } from '../helpers/posts';
import { ingestPosts } from '../../src/ingest/pipeline';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let ana: Awaited<ReturnType<TestContext['seedUser']>>;
let bo: Awaited<ReturnType<TestContext['seedUser']>>;
let cy: Awaited<ReturnType<TestContext['seedUser']>>;
let n = 0;

const post = (text: string, a: Partial<SocialAuthor> = {}): SocialPost => {
  const externalId = `rt-${++n}`;
  return socialPost({
    externalId,
    text,
    createdAt: new Date(Date.now() - 60_000 + n),
    author: socialAuthor({ externalId: `author-${n}`, handle: `h${n}`, ...a }),
  });
};
const ingest = (posts: SocialPost[]) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, posts);
const conversationOf = async (subject: string) => {
  const list = (await t.request('GET', '/api/v1/conversations?status=any&limit=100', { token: ws.token })).json.items;
  const c = list.find((x: { subject: string }) => x.subject === subject);
  return (await t.request('GET', `/api/v1/conversations/${c.id}`, { token: ws.token })).json;
};
const rule = (body: unknown) => t.request('POST', '/api/v1/routing-rules', { token: ws.token, body });

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Routing');
  ana = await t.seedUser(ws.workspace.id, 'agent', 'ana@routing.test');
  bo = await t.seedUser(ws.workspace.id, 'agent', 'bo@routing.test');
  cy = await t.seedUser(ws.workspace.id, 'agent', 'cy@routing.test');
  // Cy signed in two hours ago and has not been seen since: offline.
  await t.db
    .update(sessions)
    .set({ lastSeenAt: new Date(Date.now() - 2 * 3_600_000) })
    .where(eq(sessions.userId, cy.user.id));
});
afterAll(() => t.close());

describe('routing rules at ingest', () => {
  it('assigns, tags and prioritises a complaint from a large account, and shows the rule in the history', async () => {
    const r = await rule({
      name: 'VIP complaints',
      conditions: { intents: ['complaint'], minFollowers: 10_000 },
      actions: { assignUserId: ana.user.id, tags: ['vip'], priority: 'urgent' },
    });
    expect(r.status).toBe(201);
    await ingest([
      post('acme app keeps crashing, fix it', { followers: 40_000 }),
      post('acme app keeps crashing too', { followers: 40 }),
    ]);
    const vip = await conversationOf('acme app keeps crashing, fix it');
    expect(vip.conversation).toMatchObject({
      assigneeId: ana.user.id,
      tags: ['vip'],
      priority: 'urgent',
      priorityReason: 'Rule: VIP complaints',
    });
    expect(vip.thread.find((i: { kind: string; event?: string }) => i.event === 'rule')).toMatchObject({
      details: { rule: 'VIP complaints', assignedTo: ana.user.id, tags: ['vip'], priority: 'urgent' },
    });
    const small = await conversationOf('acme app keeps crashing too');
    expect(small.conversation).toMatchObject({ assigneeId: null, tags: [] });
    await t.request('PATCH', `/api/v1/routing-rules/${r.json.id}`, { token: ws.token, body: { enabled: false } });
  });

  it('marks spam by keyword, as a whole word', async () => {
    const r = await rule({
      name: 'Spam',
      conditions: { keywords: ['giveaway', 'free crypto'] },
      actions: { markSpam: true },
      stopProcessing: true,
    });
    await ingest([post('FREE CRYPTO for acme fans, click now'), post('our giveaways are fun')]);
    expect((await conversationOf('FREE CRYPTO for acme fans, click now')).conversation.status).toBe('spam');
    expect((await conversationOf('our giveaways are fun')).conversation.status).toBe('open');
    await t.request('DELETE', `/api/v1/routing-rules/${r.json.id}`, { token: ws.token });
  });

  it('round-robins among online agents below the cap and leaves the rest unassigned', async () => {
    const team = await t.request('POST', '/api/v1/teams', {
      token: ws.token,
      body: { name: 'Support', maxOpenPerAgent: 2, memberIds: [ana.user.id, bo.user.id, cy.user.id] },
    });
    expect(team.status).toBe(201);
    // Ana already holds one open conversation (the VIP one) from the first test.
    const r = await rule({
      name: 'Questions to support',
      conditions: { intents: ['question'] },
      actions: { roundRobinTeamId: team.json.id },
    });
    expect(r.status).toBe(201);
    const texts = [
      'how do I reset acme? 1',
      'how do I reset acme? 2',
      'how do I reset acme? 3',
      'how do I reset acme? 4',
    ];
    await ingest(texts.map((x) => post(x)));
    const assigned = await Promise.all(texts.map(async (x) => (await conversationOf(x)).conversation.assigneeId));
    const count = (id: string) => assigned.filter((a) => a === id).length;
    expect(count(bo.user.id)).toBe(2);
    expect(count(ana.user.id)).toBe(1);
    expect(count(cy.user.id)).toBe(0);
    expect(assigned.filter((a) => a === null)).toHaveLength(1);
    const left = await conversationOf(texts[assigned.indexOf(null)]!);
    expect(left.thread.find((i: { event?: string }) => i.event === 'rule').details).toMatchObject({
      roundRobin: 'no agent online below the cap',
    });
  });

  it('stops at a matching rule that says so, in the order set', async () => {
    const list = (await t.request('GET', '/api/v1/routing-rules', { token: ws.token })).json.items;
    const first = await rule({
      name: 'Tag billing',
      conditions: { keywords: ['invoice'] },
      actions: { tags: ['billing'] },
      stopProcessing: true,
    });
    const second = await rule({
      name: 'Tag finance',
      conditions: { keywords: ['invoice'] },
      actions: { tags: ['finance'] },
    });
    await ingest([post('acme invoice is wrong')]);
    expect((await conversationOf('acme invoice is wrong')).conversation.tags).toEqual(['billing']);
    const order = [second.json.id, first.json.id, ...list.map((r: { id: string }) => r.id)];
    const reordered = await t.request('PUT', '/api/v1/routing-rules/order', { token: ws.token, body: { ids: order } });
    expect(reordered.json.items.map((r: { id: string }) => r.id)).toEqual(order);
    await ingest([post('another acme invoice problem')]);
    expect((await conversationOf('another acme invoice problem')).conversation.tags.sort()).toEqual([
      'billing',
      'finance',
    ]);
  });

  it('refuses rules with no action, both assignment kinds or another workspace’s user; agents write none', async () => {
    expect((await rule({ name: 'x', conditions: {}, actions: {} })).status).toBe(422);
    expect(
      (await rule({ name: 'x', conditions: {}, actions: { assignUserId: ana.user.id, roundRobinTeamId: ana.user.id } }))
        .status,
    ).toBe(422);
    const other = await t.seedWorkspace('Elsewhere');
    const bad = await rule({ name: 'x', conditions: {}, actions: { assignUserId: other.owner.id } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/not an active user of this workspace/);
    expect(
      (
        await t.request('POST', '/api/v1/routing-rules', {
          token: ana.token,
          body: { name: 'x', conditions: {}, actions: { markSpam: true } },
        })
      ).status,
    ).toBe(403);
  });
});
