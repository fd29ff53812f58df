import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/core/events';
import type { SocialPost } from '../../src/core/social-post';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let ana: Awaited<ReturnType<TestContext['seedUser']>>;

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Flow events');
  ana = await t.seedUser(ws.workspace.id, 'agent', 'ana@flow.test');
});
afterAll(() => t.close());

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
const post = (externalId: string, text: string, extra: Partial<SocialPost> = {}) =>
  socialPost({
    externalId,
    text,
    createdAt: at(30),
    author: socialAuthor({ externalId: 'fe-1', handle: 'fe' }),
    ...extra,
  });

/** Ingests with a bus that records what it is told after each commit. */
async function ingest(posts: SocialPost[]) {
  const told: DomainEvent[] = [];
  const result = await ingestPosts(
    { ...t.deps, events: { publish: (events) => void told.push(...events) } },
    { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] },
    posts,
  );
  return { result, told };
}

describe('the one flow tells what it did, after commit', () => {
  it('raises mentions stored, conversations opened, continued and routed, and returns the same events', async () => {
    const rule = await t.request('POST', '/api/v1/routing-rules', {
      token: ws.token,
      body: { name: 'Refunds to Ana', conditions: { keywords: ['refund'] }, actions: { assignUserId: ana.user.id } },
    });
    expect(rule.status).toBe(201);
    const first = await ingest([
      post('fe-a', 'I want a refund for acme'),
      post('fe-b', 'acme looks nice', { author: socialAuthor({ externalId: 'fe-2' }) }),
    ]);
    expect(first.told).toEqual(first.result.events);
    const byName = new Map(first.told.map((e) => [e.name, e.data as Record<string, unknown>]));
    expect([...byName.keys()]).toEqual(['mentions.stored', 'conversations.opened', 'conversations.routed']);
    expect(byName.get('mentions.stored')).toMatchObject({
      workspaceId: ws.workspace.id,
      platform: 'x',
      sourceId: null,
    });
    expect((byName.get('mentions.stored')!.mentionIds as string[]).sort()).toEqual(
      [...first.result.insertedIds].sort(),
    );
    const opened = byName.get('conversations.opened')!.conversations as { id: string; reopened: boolean }[];
    expect(opened).toHaveLength(2);
    expect(opened.every((c) => !c.reopened)).toBe(true);
    const refund = (
      await t.request('GET', '/api/v1/conversations?status=any&limit=10', { token: ws.token })
    ).json.items.find((c: { subject: string }) => c.subject.includes('refund'));
    expect(byName.get('conversations.routed')!.routed).toEqual([
      { conversationId: refund.id, ruleIds: [rule.json.id], assigneeId: ana.user.id },
    ]);

    // The same author goes on in the same thread: the conversation continues, no rule runs again.
    const more = await ingest([
      post('fe-c', 'still waiting for the refund', { replyToExternalId: 'fe-a', createdAt: at(20) }),
    ]);
    expect(more.told.map((e) => e.name)).toEqual(['mentions.stored', 'conversations.continued']);
    expect(more.told[1]!.data).toEqual({ workspaceId: ws.workspace.id, conversationIds: [refund.id] });

    // Closed, then written to again: reopened.
    const closed = await t.request('PATCH', `/api/v1/conversations/${refund.id}`, {
      token: ws.token,
      body: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    const again = await ingest([post('fe-d', 'hello? refund?', { replyToExternalId: 'fe-a', createdAt: at(10) })]);
    expect(again.told[1]).toEqual({
      name: 'conversations.opened',
      data: { workspaceId: ws.workspace.id, conversations: [{ id: refund.id, reopened: true }] },
    });
  });

  it('tells nothing for a page it has stored before', async () => {
    const { told, result } = await ingest([post('fe-a', 'I want a refund for acme')]);
    expect(result.inserted).toBe(0);
    expect(told).toEqual([]);
  });
});
