import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialPost } from '../../src/core/social-post';
import { socialAuthor, socialPost } from '../helpers/posts';
import { ingestPosts } from '../../src/ingest/pipeline';
import { listen } from '../helpers/http-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let server: { url: string; close: () => Promise<void> };
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let other: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let n = 0;

const post = (text: string, author: string): SocialPost =>
  socialPost({
    externalId: `live-${++n}`,
    text,
    createdAt: new Date(),
    author: socialAuthor({ externalId: author, handle: author, name: author }),
  });

/** Opens the SSE stream over real HTTP and collects its events. */
async function openStream(token: string) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/v1/live`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (pred: (e: { event: string; data: Record<string, unknown> }) => boolean) => {
    for (let i = 0; i < 200; i++) {
      const hit = events.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no matching event among ${JSON.stringify(events)}`);
  };
  await waitFor((e) => e.event === 'ready');
  return { res, events, waitFor, close: () => controller.abort() };
}

beforeAll(async () => {
  t = await createTestContext();
  server = await listen(t);
  ws = await t.seedWorkspace('Live');
  other = await t.seedWorkspace('Elsewhere');
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('the live inbox stream', () => {
  it('tells an agent of a new conversation, a triage change, a teammate viewing or typing; not of others', async () => {
    const agent = await t.seedUser(ws.workspace.id, 'agent', 'live-agent@live.test');
    const stream = await openStream(agent.token);
    const outsider = await openStream(other.token);
    expect(stream.res.headers.get('content-type')).toMatch(/text\/event-stream/);

    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      post('acme is down?', 'liveauthor'),
    ]);
    const created = await stream.waitFor((e) => e.event === 'conversation' && e.data.change === 'created');
    const id = created.data.id as string;

    await t.request('PATCH', `/api/v1/conversations/${id}`, { token: ws.token, body: { assigneeId: agent.user.id } });
    await stream.waitFor((e) => e.event === 'conversation' && e.data.id === id && e.data.change === 'updated');

    await t.request('POST', `/api/v1/conversations/${id}/presence`, { token: ws.token, body: { state: 'typing' } });
    const typing = await stream.waitFor((e) => e.event === 'presence');
    expect(typing.data).toMatchObject({ conversationId: id, userId: ws.owner.id, state: 'typing' });

    await new Promise((r) => setTimeout(r, 100));
    expect(outsider.events.map((e) => e.event)).toEqual(['ready']);
    stream.close();
    outsider.close();
  });

  it('announces every conversation of a 100-post chunk, though a notification carries 40 at most', async () => {
    const agent = await t.seedUser(ws.workspace.id, 'agent', 'live-bulk@live.test');
    const stream = await openStream(agent.token);
    const posts = Array.from({ length: 100 }, (_, i) => post(`acme bulk ${i}`, `bulk${i}`));
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, posts);
    const created = () => stream.events.filter((e) => e.event === 'conversation' && e.data.change === 'created');
    await stream.waitFor(() => created().length >= 100);
    expect(new Set(created().map((e) => e.data.id)).size).toBe(100);
    stream.close();
  });

  it('refuses the stream without a session, and presence on another workspace’s conversation', async () => {
    expect((await fetch(`${server.url}/api/v1/live`)).status).toBe(401);
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      post('acme second', 'liveauthor2'),
    ]);
    const list = await t.request('GET', '/api/v1/conversations', { token: ws.token });
    expect(
      (
        await t.request('POST', `/api/v1/conversations/${list.json.items[0].id}/presence`, {
          token: other.token,
          body: { state: 'viewing' },
        })
      ).status,
    ).toBe(404);
  });
});
