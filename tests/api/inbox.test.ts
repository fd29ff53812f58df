import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialAuthor, SocialPost } from '../../src/core/social-post';
import { socialAuthor, socialPost } from '../helpers/posts';
import type { Priority } from '../../src/inbox/schema';
import { SLA_MINUTES } from '../../src/inbox/sla';
import { ingestPosts } from '../../src/ingest/pipeline';
import type { Platform } from '../../src/core/platforms';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let agent: Awaited<ReturnType<TestContext['seedUser']>>;
let n = 0;
const START = Date.now() - 3 * 86_400_000;

const post = (text: string, a: Partial<SocialAuthor>, extra: Partial<SocialPost> = {}): SocialPost => {
  const externalId = `t-${++n}`;
  return socialPost({
    externalId,
    url: `https://x.example/${externalId}`,
    text,
    createdAt: new Date(START + n * 60_000),
    author: socialAuthor(a),
    ...extra,
  });
};
const ingest = (platform: Platform, posts: SocialPost[]) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform, topics: [] }, posts);
const list = async (query = '') => (await t.request('GET', `/api/v1/conversations${query}`, { token: ws.token })).json;
const find = async (subject: string, query = '?status=any&limit=100') =>
  (await list(query)).items.find((c: { subject: string }) => c.subject.includes(subject));

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Inbox');
  agent = await t.seedUser(ws.workspace.id, 'agent', 'ana@inbox.test');
});
afterAll(() => t.close());

describe('conversations at ingest', () => {
  it('groups one author’s posts in a thread into one conversation, another author’s into their own', async () => {
    await ingest('x', [
      post(
        'my acme order never arrived',
        { externalId: 'u1', handle: 'una', name: 'Una' },
        { threadExternalId: 'th-1' },
      ),
    ]);
    await ingest('x', [
      post(
        'still nothing, order 123',
        { externalId: 'u1', handle: 'una', name: 'Una' },
        { threadExternalId: 'th-1', replyToExternalId: 't-1' },
      ),
      post('same here with acme', { externalId: 'u2', handle: 'otto', name: 'Otto' }, { threadExternalId: 'th-1' }),
    ]);
    const una = await find('still nothing');
    expect(una).toMatchObject({ mentionCount: 2, status: 'open', platform: 'x', author: { handle: 'una' } });
    expect((await find('same here')).id).not.toBe(una.id);
    const detail = await t.request('GET', `/api/v1/conversations/${una.id}`, { token: ws.token });
    expect(
      detail.json.thread.filter((i: { kind: string }) => i.kind === 'inbound').map((i: { text: string }) => i.text),
    ).toEqual(['my acme order never arrived', 'still nothing, order 123']);
    expect(detail.json.thread.find((i: { kind: string; event?: string }) => i.kind === 'event')).toMatchObject({
      event: 'created',
    });
  });

  it('reopens a closed conversation when the author posts again', async () => {
    await ingest('mastodon', [
      post('acme app crashes on login', { externalId: 'm1', handle: 'mo', name: 'Mo' }, { threadExternalId: 'mth' }),
    ]);
    const conv = await find('crashes on login');
    const closed = await t.request('PATCH', `/api/v1/conversations/${conv.id}`, {
      token: ws.token,
      body: { status: 'closed' },
    });
    expect(closed.json).toMatchObject({ status: 'closed', resolvedAt: expect.any(String) });
    await ingest('mastodon', [
      post('it happened again', { externalId: 'm1', handle: 'mo', name: 'Mo' }, { threadExternalId: 'mth' }),
    ]);
    const again = await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token });
    expect(again.json.conversation).toMatchObject({ status: 'open', resolvedAt: null, mentionCount: 2 });
    expect(
      again.json.thread.filter((i: { kind: string }) => i.kind === 'event').map((i: { event: string }) => i.event),
    ).toEqual(['created', 'status', 'reopened']);
    // The reopening post starts a new SLA cycle: resolution counts from it, the first response from the first post.
    const reopenedAt = again.json.thread.filter((i: { kind: string }) => i.kind === 'inbound').at(-1).at;
    const c = again.json.conversation;
    expect(c.slaStartedAt).toBe(reopenedAt);
    expect(c.firstInboundAt).toBe(conv.firstInboundAt);
    const target = SLA_MINUTES[c.priority as Priority];
    expect(Date.parse(c.resolutionDueAt) - Date.parse(reopenedAt)).toBe(target.resolution * 60_000);
    expect(Date.parse(c.firstResponseDueAt) - Date.parse(c.firstInboundAt)).toBe(target.firstResponse * 60_000);
  });
});

describe('priority at ingest', () => {
  it('computes priority with its reason and SLA due times, and keeps a priority staff pinned', async () => {
    await ingest('x', [
      post('acme charged me twice, worst service, cancelling now', {
        externalId: 'p1',
        handle: 'pat',
        name: 'Pat',
        followers: 50_000,
      }),
    ]);
    const conv = await find('charged me twice');
    expect(conv).toMatchObject({
      priority: 'urgent',
      // Each fact that set it, the label with the analyzer's confidence in it.
      priorityReason: expect.stringMatching(
        /^Churn risk, very negative \(confidence 0\.\d+\), complaint, 50k followers, waiting over a day$/,
      ),
    });
    expect(new Date(conv.firstResponseDueAt).getTime() - new Date(conv.firstInboundAt).getTime()).toBe(60 * 60_000);
    await t.request('PATCH', `/api/v1/conversations/${conv.id}`, { token: ws.token, body: { priority: 'low' } });
    await ingest('x', [
      post(
        'still waiting acme',
        { externalId: 'p1', handle: 'pat', name: 'Pat', followers: 50_000 },
        { threadExternalId: null, replyToExternalId: null, externalId: 'p1-2' },
      ),
    ]);
    const after = (await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token })).json.conversation;
    expect(after).toMatchObject({ priority: 'low', priorityReason: 'Set by staff' });
  });
});

describe('the inbox list', () => {
  it('filters by view, platform, sentiment, intent and text, and counts the views', async () => {
    await ingest('bluesky', [post('how do I export my acme data?', { externalId: 'b1', handle: 'bea', name: 'Bea' })]);
    const q = await find('export my acme data');
    await t.request('PATCH', `/api/v1/conversations/${q.id}`, { token: ws.token, body: { assigneeId: agent.user.id } });
    const mine = (await t.request('GET', '/api/v1/conversations?view=mine', { token: agent.token })).json.items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([q.id]);
    expect((await list('?view=unassigned')).items.some((c: { id: string }) => c.id === q.id)).toBe(false);
    expect((await list('?platform=bluesky')).items.map((c: { id: string }) => c.id)).toEqual([q.id]);
    expect((await list('?intent=question')).items.map((c: { id: string }) => c.id)).toContain(q.id);
    expect((await list('?sentiment=negative')).items.some((c: { id: string }) => c.id === q.id)).toBe(false);
    expect((await list('?q=export')).items.map((c: { id: string }) => c.id)).toEqual([q.id]);
    const counts = (await t.request('GET', '/api/v1/conversations/counts', { token: agent.token })).json;
    expect(counts.mine).toBe(1);
    expect(counts.all).toBe(counts.unassigned + 1);
  });

  it('pages with a keyset cursor in every sort without repeating or skipping', async () => {
    await ingest(
      'reddit',
      Array.from({ length: 9 }, (_, i) => post(`paging post ${i}`, { externalId: `r${i}`, handle: `r${i}` })),
    );
    for (const sort of ['newest', 'waiting', 'priority']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`?sort=${sort}&limit=4&status=any${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.next;
      } while (cursor);
      const all = (await list(`?sort=${sort}&limit=100&status=any`)).items.map((c: { id: string }) => c.id);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);
    }
    expect((await t.request('GET', '/api/v1/conversations?cursor=garbage', { token: ws.token })).status).toBe(422);
  });

  it('closes a selection in bulk and records it in each history', async () => {
    await ingest('x', [post('bulk one', { externalId: 'k1' }), post('bulk two', { externalId: 'k2' })]);
    const ids = [(await find('bulk one')).id, (await find('bulk two')).id];
    const res = await t.request('POST', '/api/v1/conversations/bulk', {
      token: ws.token,
      body: { ids, patch: { status: 'closed', tags: ['billing'] } },
    });
    expect(res.json.items.map((c: { status: string }) => c.status)).toEqual(['closed', 'closed']);
    expect((await list('?tag=billing&status=closed')).items.map((c: { id: string }) => c.id).sort()).toEqual(
      ids.sort(),
    );
  });

  it('needs a wake-up time to snooze, and an active teammate to assign', async () => {
    const conv = await find('paging post 0');
    expect(
      (await t.request('PATCH', `/api/v1/conversations/${conv.id}`, { token: ws.token, body: { status: 'snoozed' } }))
        .status,
    ).toBe(422);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (
        await t.request('PATCH', `/api/v1/conversations/${conv.id}`, {
          token: ws.token,
          body: { status: 'snoozed', snoozedUntil: later },
        })
      ).json.snoozedUntil,
    ).toBe(later);
    expect(
      (
        await t.request('PATCH', `/api/v1/conversations/${conv.id}`, {
          token: ws.token,
          body: { assigneeId: '00000000-0000-4000-8000-000000000000' },
        })
      ).status,
    ).toBe(422);
  });

  it('notifies a teammate @-mentioned in an internal note, and the assignee', async () => {
    const conv = await find('paging post 1');
    const note = await t.request('POST', `/api/v1/conversations/${conv.id}/notes`, {
      token: ws.token,
      body: { body: '@ana can you take this? <script>x</script>' },
    });
    expect(note.json.mentionedUserIds).toEqual([agent.user.id]);
    const inbox = (await t.request('GET', '/api/v1/notifications', { token: agent.token })).json;
    expect(
      inbox.items.some(
        (i: { kind: string; conversationId: string }) => i.kind === 'note_mention' && i.conversationId === conv.id,
      ),
    ).toBe(true);
    expect(inbox.items.some((i: { kind: string }) => i.kind === 'assigned')).toBe(true);
    await t.request('POST', '/api/v1/notifications/read', { token: agent.token, body: {} });
    expect((await t.request('GET', '/api/v1/notifications', { token: agent.token })).json.unread).toBe(0);
    const thread = (await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token })).json.thread;
    expect(thread.find((i: { kind: string }) => i.kind === 'note')).toMatchObject({
      text: '@ana can you take this? <script>x</script>',
    });
  });

  it('keeps one tag vocabulary for conversations, contacts and rules, in the first spelling', async () => {
    expect(
      (await t.request('POST', '/api/v1/contacts', { token: ws.token, body: { name: 'Vera', tags: ['VIP'] } })).json
        .tags,
    ).toEqual(['VIP']);
    await ingest('x', [post('acme tag me', { externalId: 'tg1' })]);
    const conv = await find('tag me');
    const patched = await t.request('PATCH', `/api/v1/conversations/${conv.id}`, {
      token: ws.token,
      body: { tags: ['vip', ' Refunds ', 'refunds'] },
    });
    expect(patched.json.tags).toEqual(['VIP', 'Refunds']);
    const rule = await t.request('POST', '/api/v1/routing-rules', {
      token: ws.token,
      body: { name: 'Tagger', conditions: { keywords: ['tagme'] }, actions: { tags: ['REFUNDS', 'new one'] } },
    });
    expect(rule.json.actions.tags).toEqual(['Refunds', 'new one']);
    expect((await t.request('GET', '/api/v1/tags', { token: ws.token })).json.items).toEqual(
      expect.arrayContaining(['Refunds', 'new one', 'VIP', 'billing']),
    );
    expect((await list('?tag=VIP')).items.map((c: { id: string }) => c.id)).toEqual([conv.id]);
    // removeTags ignores case too.
    expect(
      (await t.request('PATCH', `/api/v1/conversations/${conv.id}`, { token: ws.token, body: { removeTags: ['vip'] } }))
        .json.tags,
    ).toEqual(['Refunds']);
  });

  it('lets an analyst read the inbox but not triage it', async () => {
    const analyst = await t.seedUser(ws.workspace.id, 'analyst', 'an@inbox.test');
    const conv = await find('paging post 2');
    expect((await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: analyst.token })).status).toBe(200);
    expect(
      (
        await t.request('PATCH', `/api/v1/conversations/${conv.id}`, {
          token: analyst.token,
          body: { status: 'closed' },
        })
      ).status,
    ).toBe(403);
  });
});
