import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialPost } from '../../src/core/social-post';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { mentions } from '../../src/mentions/schema';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/** The mention stream (/inbox/mentions): what each item says and offers, and filters that stay put. */

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let agent: { cookie: string; csrf: string };
let analyst: { cookie: string; csrf: string };
let agentId: string;
let topicId: string;
let n = 0;
const DAY = 86_400_000;
const NOW = Date.now();

const post = (text: string, handle: string, daysAgo: number): SocialPost =>
  socialPost({
    externalId: `ms-${++n}`,
    url: `https://example.social/p/${n}`,
    text,
    createdAt: new Date(NOW - daysAgo * DAY),
    author: socialAuthor({ externalId: `a-${handle}`, handle, name: handle }),
  });
const get = async (who: { cookie: string }, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text() };
};
const texts = (html: string) => [...html.matchAll(/class="mention-text" dir="auto">([^<]*)</g)].map((m) => m[1]);
const day = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10);
const decode = (s: string) => s.replace(/&amp;/g, '&');

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Stream Co');
  agentId = (await t.seedUser(ws.workspace.id, 'agent', 'agent@stream.test')).user.id;
  await t.seedUser(ws.workspace.id, 'analyst', 'analyst@stream.test');
  agent = await t.browserSession('agent@stream.test');
  analyst = await t.browserSession('analyst@stream.test');
  const topic = await t.request('POST', '/api/v1/topics', {
    token: ws.token,
    body: { name: 'Acme', kind: 'brand', query: 'acme' },
  });
  topicId = topic.json.id;
  await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    post('acme billing is terrible, charged twice, I want a refund', 'cora', 1),
    post('how do I export my acme data?', 'dev', 2),
    post('acme is terrible and slow', 'old', 20),
  ]);
});
afterAll(() => t?.close());

describe('mention stream items', () => {
  it('show sentiment and intent, link the conversation, and offer reply and assign', async () => {
    const page = await get(agent, '/inbox/mentions');
    expect(page.status).toBe(200);
    const [cora] = await t.db.select().from(mentions).where(eq(mentions.externalId, 'ms-1'));
    expect(cora!.conversationId).not.toBeNull();
    const item = page.html.slice(page.html.indexOf('charged twice'));
    const end = item.indexOf('data-testid="mention"');
    const one = end > 0 ? item.slice(0, end) : item;
    expect(one).toMatch(/data-testid="mention-sentiment"[^>]*>negative/);
    expect(one).toMatch(/data-testid="mention-intent"[^>]*>complaint</);
    expect(one).toContain(`href="/inbox/c/${cora!.conversationId}" data-testid="mention-conversation"`);
    expect(one).toContain(`href="/inbox/c/${cora!.conversationId}#composer" data-testid="mention-reply"`);
    expect(one).toContain(`action="/inbox/c/${cora!.conversationId}/update" data-testid="mention-assign"`);
    // The viewer is offered first.
    expect(one).toMatch(new RegExp(`<select name="assigneeId"[^>]*><option value="${agentId}">`));
  });

  it('assigns a mention’s conversation from the stream, changing nothing else', async () => {
    const [cora] = await t.db.select().from(mentions).where(eq(mentions.externalId, 'ms-1'));
    const [before] = await t.db.select().from(conversations).where(eq(conversations.id, cora!.conversationId!));
    const res = await t.app.request(`/inbox/c/${cora!.conversationId}/update`, {
      method: 'POST',
      headers: { cookie: agent.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: agent.csrf, assigneeId: agentId }).toString(),
    });
    expect(res.status).toBe(303);
    const [after] = await t.db.select().from(conversations).where(eq(conversations.id, cora!.conversationId!));
    expect(after).toMatchObject({ assigneeId: agentId, status: before!.status, priority: before!.priority });
    expect(after!.tags).toEqual(before!.tags);
  });

  it('offers a reader the conversation but neither reply nor assign', async () => {
    const page = await get(analyst, '/inbox/mentions');
    expect(page.html).toContain('data-testid="mention-conversation"');
    expect(page.html).not.toContain('data-testid="mention-triage"');
  });
});

describe('mention stream filters', () => {
  const all = () =>
    `/inbox/mentions?q=acme&topic=${topicId}&platform=x&sentiment=negative&intent=complaint` +
    `&from=${day(5)}&to=${day(0)}&language=en&source=mentions`;

  it('keep every filter in use as a field of the form, so filtering again keeps them all', async () => {
    const page = await get(agent, all());
    const start = page.html.indexOf('data-testid="stream-filters"');
    const form = page.html.slice(start, page.html.indexOf('</form>', start));
    expect(form).toContain('name="q" value="acme"');
    expect(form).toMatch(new RegExp(`<option value="${topicId}" selected="">Acme`));
    expect(form).toMatch(/<option value="x" selected="">X</);
    expect(form).toMatch(/<option value="negative" selected="">negative/);
    expect(form).toMatch(/<option value="complaint" selected="">complaint/);
    expect(form).toContain(`name="from" value="${day(5)}"`);
    expect(form).toContain(`name="to" value="${day(0)}"`);
    expect(form).toContain('name="language" value="en"');
    expect(form).toContain('name="source" value="mentions"');
  });

  it('show each filter in use as a chip that removes just that filter', async () => {
    const page = await get(agent, all());
    const chips = [
      ...page.html.matchAll(/<a class="pill" href="([^"]+)" data-testid="filter-chip" data-filter="(\w+)"/g),
    ];
    expect(chips.map((c) => c[2])).toEqual([
      'q',
      'topic',
      'platform',
      'sentiment',
      'intent',
      'from',
      'to',
      'language',
      'source',
    ]);
    for (const [, href, key] of chips) {
      const params = new URL(decode(href!), 'http://x').searchParams;
      expect(params.has(key!), key).toBe(false);
      expect([...params.keys()]).toHaveLength(8);
    }
    expect(page.html).toContain('Sentiment: negative');
    expect(page.html).toContain('Intent: complaint');
  });

  it('list what a report’s figure links with: the workspace’s midnights as instants, and the sentiment', async () => {
    const from = new Date(NOW - 5 * DAY).toISOString();
    const to = new Date(NOW).toISOString();
    const page = await get(
      agent,
      `/inbox/mentions?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&sentiment=negative`,
    );
    expect(texts(page.html)).toEqual(['acme billing is terrible, charged twice, I want a refund']);
    // Kept as they came (a date field cannot hold an instant) and shown as chips.
    expect(page.html).toContain(`<input type="hidden" name="from" value="${from}"`);
    expect(page.html).toContain(`<input type="hidden" name="to" value="${to}"`);
    expect(page.html).toContain('data-filter="from"');
    // The older negative mention is outside the range; without the range it is listed.
    expect(texts((await get(agent, '/inbox/mentions?sentiment=negative')).html)).toHaveLength(2);
  });

  it('drop broken values instead of failing', async () => {
    const page = await get(agent, '/inbox/mentions?from=2026-02-30&to=yesterday&sentiment=angry&intent=nope&source=x');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('data-testid="filter-chip"');
    expect(texts(page.html)).toHaveLength(3);
  });
});
