import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookConnector } from '../../src/connectors/meta/facebook.connector';
import { instagramConnector } from '../../src/connectors/meta/instagram.connector';
import { threadsConnector } from '../../src/connectors/meta/threads.connector';
import { pollSource } from '../../src/sources';
import { type FakeMetaGraph, startFakeMetaGraph } from '../fakes/meta-graph-server';
import { type FakeThreads, startFakeThreads } from '../fakes/threads-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let graph: FakeMetaGraph;
let threads: FakeThreads;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;

type Item = { kind: string; id: string; externalId?: string; hidden?: boolean; liked?: boolean; deleted?: boolean };

beforeAll(async () => {
  graph = await startFakeMetaGraph();
  threads = await startFakeThreads();
  graph.ratingsDeprecated = true;
  t = await createTestContext({
    connectors: { facebook: facebookConnector, instagram: instagramConnector, threads: threadsConnector },
  });
  ws = await t.seedWorkspace('Moderation');
});
afterAll(async () => {
  await t.close();
  await graph.close();
  await threads.close();
});

async function connect(body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/sources', { token: ws.token, body });
  expect(res.status).toBe(201);
  expect(await pollSource(t.deps, res.json.id, { force: true })).toMatchObject({ status: 'ok' });
}

/** The conversation holding a post, and the post as the thread shows it. */
async function threadOf(externalId: string) {
  const list = await t.request('GET', '/api/v1/conversations?limit=100', { token: ws.token });
  for (const c of list.json.items as { id: string }[]) {
    const detail = await t.request('GET', `/api/v1/conversations/${c.id}`, { token: ws.token });
    const item = (detail.json.thread as Item[]).find((i) => i.kind === 'inbound' && i.externalId === externalId);
    if (item) return { conversationId: c.id, item, thread: detail.json.thread as (Item & { event?: string })[] };
  }
  throw new Error(`no conversation holds ${externalId}`);
}

const moderate = (conversationId: string, mentionId: string, action: string) =>
  t.request('POST', `/api/v1/conversations/${conversationId}/mentions/${mentionId}/moderate`, {
    token: ws.token,
    body: { action },
  });

describe('moderating posts from the conversation', () => {
  it('hides, shows again, likes and deletes a Facebook comment on the platform, and the thread says so', async () => {
    const page = graph.addPage({ name: 'Acme' });
    const post = graph.addPost({ pageId: page.id, message: 'Big news', from: { id: page.id, name: 'Acme' } });
    const comment = graph.addComment({
      postId: post.id,
      message: 'You are all scammers',
      from: { id: '5', name: 'T' },
    });
    await connect({
      platform: 'facebook',
      name: 'Acme Page',
      config: { pageId: page.id, baseUrl: graph.url },
      credentials: { accessToken: page.token },
    });
    const { conversationId, item } = await threadOf(comment.id);

    expect((await moderate(conversationId, item.id, 'hide')).status).toBe(200);
    expect(comment.is_hidden).toBe(true);
    expect((await threadOf(comment.id)).item.hidden).toBe(true);
    expect((await moderate(conversationId, item.id, 'unhide')).status).toBe(200);
    expect(comment.is_hidden).toBe(false);
    expect((await moderate(conversationId, item.id, 'like')).status).toBe(200);
    expect(comment.likedByPage).toBe(true);
    expect((await moderate(conversationId, item.id, 'delete')).status).toBe(200);
    expect(comment.deleted).toBe(true);

    const after = await threadOf(comment.id);
    expect(after.item).toMatchObject({ hidden: false, liked: true, deleted: true });
    const history = after.thread.filter((i) => i.kind === 'event' && i.event === 'moderated');
    expect(history.map((e) => (e as { details?: { action?: string } }).details?.action)).toEqual([
      'hide',
      'unhide',
      'like',
      'delete',
    ]);
  });

  it('says what a platform does not offer, and a post of another conversation is not found', async () => {
    const page = graph.addPage({ name: 'Acme IG' });
    const account = graph.addIgUser({ username: 'acmeig', pageId: page.id });
    const media = graph.addIgMedia({ ownerId: account.id, caption: 'Autumn' });
    const c = graph.addIgComment({ mediaId: media.id, text: 'Nice boots', from: { id: '61', username: 'lu' } });
    await connect({
      platform: 'instagram',
      name: 'Acme IG',
      config: { igUserId: account.id, baseUrl: graph.url, hashtags: false },
      credentials: { accessToken: page.token },
    });
    const { conversationId, item } = await threadOf(c.id);
    const like = await moderate(conversationId, item.id, 'like');
    expect(like.status).toBe(422);
    expect(like.json.error.code).toBe('MODERATION_UNSUPPORTED');
    expect((await moderate(conversationId, item.id, 'hide')).status).toBe(200);
    expect(c.hidden).toBe(true);

    const other = (await t.request('GET', '/api/v1/conversations?limit=100', { token: ws.token })).json.items.find(
      (x: { id: string }) => x.id !== conversationId,
    );
    const wrong = await moderate(other.id, item.id, 'hide');
    expect(wrong.status).toBe(404);
    expect(wrong.json.error.code).toBe('MODERATION_POST_UNKNOWN');
  });

  it("hides a Threads reply under the profile's post", async () => {
    const me = threads.addUser({ username: 'acmethreads' });
    const root = threads.addPost({ author: me, text: 'Ask us anything' });
    const reply = threads.addPost({ author: { username: 'rude' }, text: 'Worst brand ever', replyTo: root.id });
    await connect({
      platform: 'threads',
      name: 'Acme Threads',
      config: { threadsUserId: me.id, baseUrl: threads.url, keywordSearch: false },
      credentials: { accessToken: me.token },
    });
    const { conversationId, item } = await threadOf(reply.id);
    expect((await moderate(conversationId, item.id, 'hide')).status).toBe(200);
    expect(reply.hidden).toBe(true);
    expect((await moderate(conversationId, item.id, 'delete')).json.error.code).toBe('MODERATION_UNSUPPORTED');
  });

  it('shows the post above the comment, offers the buttons and acts from the conversation page form', async () => {
    const page = graph.addPage({ name: 'Acme Forms' });
    const post = graph.addPost({ pageId: page.id, message: 'Hello', from: { id: page.id, name: 'Acme' } });
    const comment = graph.addComment({ postId: post.id, message: 'Spam link here', from: { id: '9', name: 'S' } });
    await connect({
      platform: 'facebook',
      name: 'Acme Forms',
      config: { pageId: page.id, baseUrl: graph.url },
      credentials: { accessToken: page.token },
    });
    const { conversationId, item } = await threadOf(comment.id);
    const who = await t.browserSession(ws.owner.email);
    const html = await (await t.app.request(`/inbox/c/${conversationId}`, { headers: { cookie: who.cookie } })).text();
    expect(html).toContain('data-testid="moderation"');
    // The post the comment is under shows above the thread.
    expect(html).toMatch(/data-testid="original-post"[\s\S]*?<blockquote[^>]*>Hello<\/blockquote>/);
    expect(html).toMatch(/name="action" value="hide"/);
    const body = new URLSearchParams({ action: 'hide', _csrf: who.csrf });
    const res = await t.app.request(`/inbox/c/${conversationId}/mentions/${item.id}/moderate`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(res.status).toBe(303);
    expect(comment.is_hidden).toBe(true);
    const after = await (await t.app.request(res.headers.get('location')!, { headers: { cookie: who.cookie } })).text();
    expect(after).toContain('Hidden on the platform.');
    expect(after).toContain('data-testid="post-hidden"');
    expect(after).toMatch(/name="action" value="unhide"/);
  });
});
