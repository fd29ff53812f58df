import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/accounts/schema';
import type { SocialAuthor, SocialPost } from '../../src/core/social-post';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { replies } from '../../src/inbox/replies/schema';
import { sources } from '../../src/sources/schema';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
type Browser = { cookie: string; csrf: string; id: string };
let agent: Browser;
let analyst: Browser;
const FORM = 'application/x-www-form-urlencoded';
const HOSTILE = '<img src=x onerror=alert(1)>';
let n = 0;

const post = (text: string, a: Partial<SocialAuthor>, hoursAgo: number): SocialPost =>
  socialPost({
    externalId: `ip-${++n}`,
    url: `https://x.example/status/${n}`,
    text,
    createdAt: new Date(Date.now() - hoursAgo * 3_600_000),
    author: socialAuthor(a),
  });
const ingest = (posts: SocialPost[]) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, posts);

async function browserLogin(email: string): Promise<Browser> {
  const [session, [user]] = await Promise.all([
    t.browserSession(email),
    t.db.select().from(users).where(eq(users.email, email)),
  ]);
  return { ...session, id: user!.id };
}
const get = async (who: Browser, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const send = async (who: Browser, path: string, fields: [string, string][] | Record<string, string> = {}) => {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
  body.append('_csrf', who.csrf);
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: body.toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const rowIds = (html: string) =>
  [...html.matchAll(/data-testid="conversation-row" data-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
const byAuthor = async (handle: string) =>
  (await t.db.select().from(conversations).where(eq(conversations.authorHandle, handle)))[0]!;

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Pages Inbox');
  await t.seedUser(ws.workspace.id, 'agent', 'ana@pagesinbox.test');
  await t.seedUser(ws.workspace.id, 'analyst', 'al@pagesinbox.test');
  agent = await browserLogin('ana@pagesinbox.test');
  analyst = await browserLogin('al@pagesinbox.test');
  await ingest([
    post(
      `acme ${HOSTILE} charged me twice, terrible service, refund now`,
      { externalId: 'u-mal', handle: 'mallory', name: HOSTILE, followers: 40_000 },
      30,
    ),
  ]);
  await ingest([post('how do I change my acme plan?', { externalId: 'u-quinn', handle: 'quinn', name: 'Quinn' }, 2)]);
  await ingest([post('love the new acme app', { externalId: 'u-pat', handle: 'pat', name: 'Pat' }, 1)]);
});
afterAll(() => t.close());

describe('inbox list page', () => {
  it('lists open conversations newest first with view counts, escaping hostile text', async () => {
    const page = await get(agent, '/inbox');
    expect(page.status).toBe(200);
    expect(rowIds(page.html)).toEqual([
      (await byAuthor('pat')).id,
      (await byAuthor('quinn')).id,
      (await byAuthor('mallory')).id,
    ]);
    expect(page.html).not.toContain(HOSTILE);
    expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.html).toMatch(/data-testid="view-all"[^>]*>All open <span class="badge count">3</);
    expect(page.html).toMatch(/data-testid="view-unassigned"[^>]*>Unassigned <span class="badge count">3</);
  });

  it('marks a conversation whose first response is overdue, and sorts by priority', async () => {
    const page = await get(agent, '/inbox?sort=priority');
    expect(rowIds(page.html)[0]).toBe((await byAuthor('mallory')).id);
    const mallory = page.html.slice(page.html.indexOf((await byAuthor('mallory')).id) - 200);
    expect(mallory).toMatch(/^[\s\S]*?class="card conv-row overdue"/);
    expect(mallory).toContain('First response overdue');
  });

  it('filters by sentiment, intent and text, and ignores values that do not fit', async () => {
    expect(rowIds((await get(agent, '/inbox?intent=question')).html)).toEqual([(await byAuthor('quinn')).id]);
    expect(rowIds((await get(agent, '/inbox?q=refund')).html)).toEqual([(await byAuthor('mallory')).id]);
    const positive = rowIds((await get(agent, '/inbox?sentiment=positive')).html);
    expect(positive).toContain((await byAuthor('pat')).id);
    expect(positive).not.toContain((await byAuthor('mallory')).id);
    const odd = await get(agent, '/inbox?sentiment=furious&cursor=nonsense&from=yesterday');
    expect(odd.status).toBe(200);
    expect(rowIds(odd.html)).toHaveLength(3);
  });

  it('applies a bulk action to the selected conversations only', async () => {
    const [quinn, pat] = [await byAuthor('quinn'), await byAuthor('pat')];
    const res = await send(agent, '/inbox/bulk', [
      ['ids', quinn.id],
      ['ids', pat.id],
      ['assigneeId', agent.id],
      ['addTag', 'vip'],
      ['next', '/inbox?sort=newest'],
    ]);
    expect(res).toMatchObject({ status: 303, location: '/inbox?sort=newest&ok=bulk' });
    for (const handle of ['quinn', 'pat'])
      expect(await byAuthor(handle)).toMatchObject({ assigneeId: agent.id, tags: ['vip'] });
    expect((await byAuthor('mallory')).assigneeId).toBeNull();
    expect(rowIds((await get(agent, '/inbox?view=mine')).html).sort()).toEqual([quinn.id, pat.id].sort());
    expect((await send(agent, '/inbox/bulk', [['assigneeId', agent.id]])).status).toBe(422);
    expect((await send(agent, '/inbox/bulk', [['ids', quinn.id]])).html).toContain('Choose what to change');
  });

  it('keeps the mention stream at /inbox/mentions', async () => {
    const page = await get(agent, '/inbox/mentions');
    expect(page.status).toBe(200);
    expect(page.html).toContain('how do I change my acme plan?');
  });
});

describe('conversation page', () => {
  it('shows the thread, the author card and the triage form', async () => {
    const mallory = await byAuthor('mallory');
    const page = await get(agent, `/inbox/c/${mallory.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-testid="thread-inbound"');
    expect(page.html).toContain(`href="/contacts/${mallory.contactId}"`);
    expect(page.html).toContain('data-testid="reply-form"');
    expect(page.html).toContain('280 characters allowed');
    expect(page.html).not.toContain(HOSTILE);
    expect((await get(agent, '/inbox/c/not-a-uuid')).status).toBe(404);
  });

  it('assigns, closes, snoozes and tags through the triage forms, recording the history', async () => {
    const conv = await byAuthor('mallory');
    expect((await send(agent, `/inbox/c/${conv.id}/update`, { assigneeId: agent.id })).location).toBe(
      `/inbox/c/${conv.id}?ok=updated`,
    );
    await send(agent, `/inbox/c/${conv.id}/update`, { status: 'snoozed', snoozeFor: '4h', tags: 'billing, refund' });
    const snoozed = await byAuthor('mallory');
    expect(snoozed).toMatchObject({ status: 'snoozed', assigneeId: agent.id, tags: ['billing', 'refund'] });
    expect(Math.abs(snoozed.snoozedUntil!.getTime() - (Date.now() + 4 * 3_600_000))).toBeLessThan(60_000);
    await send(agent, `/inbox/c/${conv.id}/update`, { status: 'closed' });
    expect((await byAuthor('mallory')).status).toBe('closed');
    const page = await get(agent, `/inbox/c/${conv.id}`);
    // Told to the one who did it: "You", not their own name.
    expect(page.html).toContain('You assigned it to yourself');
    expect(page.html).toContain('You changed the status from Snoozed to Closed');
    expect(
      (await send(agent, `/inbox/c/${conv.id}/update`, { status: 'snoozed', snoozeFor: 'until', snoozeUntil: 'soon' }))
        .status,
    ).toBe(422);
  });

  it('adds an internal note that notifies an @-mentioned teammate', async () => {
    const conv = await byAuthor('quinn');
    expect((await send(agent, `/inbox/c/${conv.id}/note`, { body: 'pinging @owner about this' })).status).toBe(303);
    const page = await get(agent, `/inbox/c/${conv.id}`);
    expect(page.html).toContain('pinging @owner about this');
    const notes = await t.request('GET', '/api/v1/notifications', { token: ws.token });
    expect(notes.json.items.map((i: { kind: string }) => i.kind)).toContain('note_mention');
    expect(notes.json.unread).toBe(1);

    const owner = await browserLogin('owner@pagesinbox.test');
    const list = await get(owner, '/notifications');
    expect(list.html).toContain('Mentioned in a note');
    const open = list.html.match(/href="(\/notifications\/[0-9a-f-]{36}\/open)"/)![1]!;
    expect((await get(owner, open)).location).toBe(`/inbox/c/${conv.id}`);
    expect((await t.request('GET', '/api/v1/notifications', { token: ws.token })).json.unread).toBe(0);
  });

  it('corrects a post’s sentiment and intents from the thread', async () => {
    const conv = await byAuthor('pat');
    await send(agent, `/inbox/c/${conv.id}/mentions/${conv.latestMentionId}/analysis`, [
      ['sentiment', 'negative'],
      ['intents', 'complaint'],
    ]);
    expect(await byAuthor('pat')).toMatchObject({ sentimentLabel: 'negative', intents: ['complaint'] });
    expect((await get(agent, `/inbox/c/${conv.id}`)).html).toContain('negative (corrected)');
  });

  it('queues one reply per composed message even when the form is sent twice; keeps the text if refused', async () => {
    await t.db
      .insert(sources)
      .values({ workspaceId: ws.workspace.id, platform: 'x', name: 'X', config: {}, paused: true });
    const conv = await byAuthor('quinn');
    const fields = { text: 'Hi Quinn, Settings > Plan.', idempotencyKey: 'compose-1' };
    expect((await send(agent, `/inbox/c/${conv.id}/reply`, fields)).location).toBe(`/inbox/c/${conv.id}?ok=queued`);
    expect((await send(agent, `/inbox/c/${conv.id}/reply`, fields)).location).toBe(`/inbox/c/${conv.id}?ok=queued`);
    expect(await t.db.select().from(replies).where(eq(replies.conversationId, conv.id))).toHaveLength(1);

    const long = `${'a'.repeat(281)}`;
    const refused = await send(agent, `/inbox/c/${conv.id}/reply`, { text: long, idempotencyKey: 'compose-2' });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('the limit is 280');
    expect(refused.html).toContain(`>${long}</textarea>`);
    expect(refused.html).toContain('value="compose-2"');
  });

  it('lets an analyst read a conversation without forms, and refuses their posts', async () => {
    const conv = await byAuthor('quinn');
    const page = await get(analyst, `/inbox/c/${conv.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('data-testid="reply-form"');
    expect(page.html).not.toContain('data-triage=');
    expect((await send(analyst, `/inbox/c/${conv.id}/update`, { status: 'closed' })).status).toBe(403);
    expect(
      (
        await send(analyst, '/inbox/bulk', [
          ['ids', conv.id],
          ['status', 'closed'],
        ])
      ).status,
    ).toBe(403);
  });
});

describe('live rows', () => {
  it('serves one changed row alone, with the row it follows, escaped, and nothing once it left the view', async () => {
    await ingest([
      post(`acme ${HOSTILE} where is my parcel`, { externalId: 'u-live', handle: 'liverow', name: HOSTILE }, 0),
    ]);
    const conv = await byAuthor('liverow');
    const order = rowIds((await get(agent, '/inbox')).html);
    const at = order.indexOf(conv.id);
    expect(at).toBeGreaterThanOrEqual(0);
    const res = await t.app.request(`/inbox/rows/${conv.id}`, { headers: { cookie: agent.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Inbox-Row-After')).toBe(at === 0 ? '' : order[at - 1]);
    const html = await res.text();
    expect(rowIds(html)).toEqual([conv.id]);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    // The row after it names it as the one it follows.
    if (order[at + 1]) {
      const next = await t.app.request(`/inbox/rows/${order[at + 1]}`, { headers: { cookie: agent.cookie } });
      expect(next.headers.get('Inbox-Row-After')).toBe(conv.id);
    }
    // Closed, it is no longer in the open view: nothing to show (the script removes the row).
    expect((await send(agent, `/inbox/c/${conv.id}/update`, { status: 'closed' })).status).toBe(303);
    const gone = await t.app.request(`/inbox/rows/${conv.id}`, { headers: { cookie: agent.cookie } });
    expect(gone.status).toBe(204);
    // …but in the closed view it is.
    const closed = await t.app.request(`/inbox/rows/${conv.id}?status=closed`, { headers: { cookie: agent.cookie } });
    expect(closed.status).toBe(200);
    expect((await t.app.request(`/inbox/rows/${conv.id}`)).status).not.toBe(200);
  });

  it('serves the views with their counts alone; a stale cursor lists the first page as the page does', async () => {
    const tabs = await get(agent, '/inbox/tabs');
    expect(tabs.status).toBe(200);
    expect(tabs.html).toMatch(/^<div id="inbox-tabs"/);
    expect(tabs.html).toMatch(/data-testid="view-all"[^>]*>All open <span class="badge count">\d+</);
    expect(rowIds(tabs.html)).toEqual([]);
    const first = rowIds((await get(agent, '/inbox')).html)[0]!;
    const stale = await t.app.request(`/inbox/rows/${first}?cursor=not-a-cursor`, {
      headers: { cookie: agent.cookie },
    });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('Inbox-Row-After')).toBe('');
  });
});

describe('busy inbox', () => {
  it('counts a tab up to 999 and then says 999+, exactly below that', async () => {
    await t.db.execute(sql`
      insert into conversations (workspace_id, platform, thread_key, author_key, status, first_inbound_at,
        last_inbound_at, last_activity_at)
      select ${ws.workspace.id}::uuid, 'x', 'busy-' || g, 'busy-' || g, 'open', now(), now(), now()
      from generate_series(1, 1000) g`);
    const page = await get(agent, '/inbox');
    expect(page.html).toMatch(/data-testid="view-all"[^>]*>All open <span class="badge count">999\+</);
    expect(page.html).toMatch(/data-testid="view-mine"[^>]*>Mine <span class="badge count">2</);
  });
});
