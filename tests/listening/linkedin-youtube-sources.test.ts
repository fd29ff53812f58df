import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPacificMidnight } from '../../src/connectors/google/google-errors';
import { linkedinConnector } from '../../src/connectors/linkedin/linkedin.connector';
import { youtubeConnector } from '../../src/connectors/youtube/youtube.connector';
import { sendDueReplies } from '../../src/inbox/replies/outbox';
import { replies } from '../../src/inbox/replies/schema';
import { pollSource, sources } from '../../src/sources';
import { type FakeLinkedIn, type FakeLiOrg, startFakeLinkedIn } from '../fakes/linkedin-server';
import { type FakeYouTube, type FakeYtChannel, startFakeYouTube } from '../fakes/youtube-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * A LinkedIn Page and a YouTube channel polled through the one flow against their fakes: pollSource -> ingest ->
 * mentions -> inbox -> reply outbox (and moderation) -> fake. Every test makes its own workspace, sources and
 * fake items, so none depends on another having run.
 */
let t: TestContext;
let li: FakeLinkedIn;
let yt: FakeYouTube;

type Ws = Awaited<ReturnType<TestContext['seedWorkspace']>>;
interface MentionJson {
  id: string;
  platform: string;
  externalId: string;
  kind: string;
  text: string;
  author: { externalId: string | null; handle: string | null; name: string | null };
  editedAt: string | null;
  deletedAt: string | null;
}
type ThreadItem = { kind: string; id: string; externalId?: string; hidden?: boolean };

beforeAll(async () => {
  li = await startFakeLinkedIn();
  yt = await startFakeYouTube();
  t = await createTestContext({ connectors: { linkedin: linkedinConnector, youtube: youtubeConnector } });
});
afterAll(async () => {
  await t.close();
  await li.close();
  await yt.close();
});

let wsCount = 0;
const freshWorkspace = () => t.seedWorkspace(`Social ${++wsCount}`);

async function addSource(ws: Ws, body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/sources', { token: ws.token, body });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}
const poll = (id: string) => pollSource(t.deps, id, { force: true });
const sourceOf = async (ws: Ws, id: string) =>
  (await t.request('GET', `/api/v1/sources/${id}`, { token: ws.token })).json;

async function mentionsOf(ws: Ws, platform: string, includeDeleted = false) {
  const res = await t.request(
    'GET',
    `/api/v1/mentions?platform=${platform}&limit=200${includeDeleted ? '&includeDeleted=true' : ''}`,
    { token: ws.token },
  );
  expect(res.status).toBe(200);
  return res.json.items as MentionJson[];
}
const mentionBy = async (ws: Ws, platform: string, externalId: string) =>
  (await mentionsOf(ws, platform, true)).find((m) => m.externalId === externalId);

/** The conversation holding a post, and the post as the thread shows it. */
async function threadOf(ws: Ws, platform: string, externalId: string) {
  const list = await t.request('GET', `/api/v1/conversations?platform=${platform}&limit=100`, { token: ws.token });
  for (const c of list.json.items as { id: string }[]) {
    const detail = await t.request('GET', `/api/v1/conversations/${c.id}`, { token: ws.token });
    const item = (detail.json.thread as ThreadItem[]).find((i) => i.kind === 'inbound' && i.externalId === externalId);
    if (item) return { conversationId: c.id, item };
  }
  throw new Error(`no conversation holds ${externalId}`);
}

// ---- replies through the inbox ----

const reply = (ws: Ws, conversationId: string, text: string, key: string) =>
  t.request('POST', `/api/v1/conversations/${conversationId}/replies`, {
    token: ws.token,
    body: { text },
    headers: { 'idempotency-key': key },
  });

async function waitFor(ws: Ws, id: string, status: string) {
  for (let i = 0; i < 250; i++) {
    const r = await t.request('GET', `/api/v1/replies/${id}`, { token: ws.token });
    if (r.json.status === status) return r.json;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error(`reply ${id} never reached ${status}`);
}

/**
 * Replies from a conversation as a person clicking twice would, lets the send finish, runs the outbox job
 * again, then plays a sender that died after the platform took the reply (the row left `sending`, its lease
 * run out) and runs the outbox once more. `posted` counts what reached the fake.
 */
async function replyExactlyOnce(ws: Ws, conversationId: string, text: string, posted: () => number) {
  const key = `click-${conversationId}`;
  const [first, second] = await Promise.all([
    reply(ws, conversationId, text, key),
    reply(ws, conversationId, text, key),
  ]);
  expect(first.status, first.text).toBe(202);
  expect(second.json.id).toBe(first.json.id);
  const sent = await waitFor(ws, first.json.id, 'sent');
  expect(posted()).toBe(1);

  await sendDueReplies(t.deps);
  expect(posted()).toBe(1);

  await t.db
    .update(replies)
    .set({ status: 'sending', leaseUntil: new Date(Date.now() - 1000), sentAt: null, platformPostId: null })
    .where(eq(replies.id, first.json.id));
  await sendDueReplies(t.deps);
  const after = (await t.request('GET', `/api/v1/replies/${first.json.id}`, { token: ws.token })).json;
  expect(after).toMatchObject({
    status: 'sent',
    platformPostId: sent.platformPostId,
    error: expect.stringMatching(/earlier attempt had posted it/),
  });
  expect(posted()).toBe(1);
  return sent as { platformPostId: string; url: string | null };
}

// ---- LinkedIn ----

let memberCount = 0;
const member = () => `urn:li:person:Mb${++memberCount}xQ`;

async function linkedinPage(ws: Ws, name = 'Acme GmbH') {
  const org = li.addOrganization({ name });
  const token = li.issueToken();
  const id = await addSource(ws, {
    platform: 'linkedin',
    name: `${name} on LinkedIn`,
    config: { organizationUrn: org.urn, baseUrl: li.url, tokenUrl: li.tokenUrl },
    credentials: { accessToken: token.accessToken },
  });
  return { org, token, id };
}
/** A post of the Page (what people comment under). */
const pagePost = (org: FakeLiOrg, commentary = 'Our new boots are here') => li.addPost({ author: org.urn, commentary });

describe('a LinkedIn Page, polled through the one flow', () => {
  it("stores comments from every page of the Page's posts and of a long thread, and a post mentioning it", async () => {
    const ws = await freshWorkspace();
    const org = li.addOrganization({ name: 'Paged AG' });
    const busy = pagePost(org, 'Tell us what you think');
    const people = Array.from({ length: 55 }, () => member());
    const comments = people.map((actor, i) => li.addComment({ post: busy.urn, actor, text: `Comment number ${i}` }));
    const quiet = Array.from({ length: 10 }, (_, i) => pagePost(org, `Update ${i}`));
    const late = li.addComment({ post: quiet[9]!.urn, actor: member(), text: 'When do they ship?' });
    const mentioner = member();
    const mention = li.addPost({ author: mentioner, commentary: 'Loving my boots from Paged AG', mentions: [org.urn] });
    const token = li.issueToken();
    const id = await addSource(ws, {
      platform: 'linkedin',
      name: 'Paged',
      config: { organizationUrn: org.urn, baseUrl: li.url, tokenUrl: li.tokenUrl },
      credentials: { accessToken: token.accessToken },
    });

    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 57 });
    const postPages = li.requests.filter((q) => q.path === '/rest/posts' && q.query.get('author') === org.urn);
    expect(postPages.map((q) => q.query.get('start') ?? '0')).toEqual(['0', '10']);
    const threadPages = li.requests.filter(
      (q) => decodeURIComponent(q.path) === `/rest/socialActions/${busy.urn}/comments`,
    );
    expect(threadPages.map((q) => q.query.get('start') ?? '0')).toEqual(['0', '50']);

    const stored = await mentionsOf(ws, 'linkedin');
    expect(stored).toHaveLength(57);
    expect(stored.find((m) => m.externalId === comments[53]!.urn)).toMatchObject({
      platform: 'linkedin',
      kind: 'comment',
      text: 'Comment number 53',
      author: { externalId: people[53] },
    });
    expect(stored.find((m) => m.externalId === late.urn)?.text).toBe('When do they ship?');
    expect(stored.find((m) => m.externalId === mention.urn)).toMatchObject({
      kind: 'post',
      text: 'Loving my boots from Paged AG',
      author: { externalId: mentioner },
    });
  });

  it("pauses only the throttled Page until LinkedIn's Retry-After; another Page polls on", async () => {
    const ws = await freshWorkspace();
    const a = await linkedinPage(ws, 'Throttled AG');
    const b = await linkedinPage(ws, 'Fine AG');
    li.addComment({ post: pagePost(a.org).urn, actor: member(), text: 'Nice' });
    const fine = li.addComment({ post: pagePost(b.org).urn, actor: member(), text: 'Great' });

    li.throttleNext({ retryAfter: 900 });
    const before = Date.now();
    expect(await poll(a.id)).toMatchObject({ status: 'failed', kind: 'rate_limited' });
    const after = Date.now();
    expect(await poll(b.id)).toMatchObject({ status: 'ok', inserted: 1 });

    const paused = await sourceOf(ws, a.id);
    expect(paused).toMatchObject({
      status: 'degraded',
      lastError: expect.stringMatching(/call limit is reached \(HTTP 429, TOO_MANY_REQUESTS\/101\)/),
    });
    const next = Date.parse(paused.nextPollAt);
    expect(next).toBeGreaterThanOrEqual(before + 901_000);
    expect(next).toBeLessThanOrEqual(after + 901_000);
    expect(await sourceOf(ws, b.id)).toMatchObject({ status: 'ok', lastError: null });
    expect((await mentionsOf(ws, 'linkedin')).map((m) => m.externalId)).toEqual([fine.urn]);
  });

  it('turns failing with "Reconnect" once the token expired; a new token resumes without duplicates', async () => {
    const ws = await freshWorkspace();
    const page = await linkedinPage(ws);
    const post = pagePost(page.org);
    const first = li.addComment({ post: post.urn, actor: member(), text: 'Do you ship to Austria?' });
    expect(await poll(page.id)).toMatchObject({ status: 'ok', inserted: 1 });

    li.tokens.get(page.token.accessToken)!.state = 'expired';
    const second = li.addComment({ post: post.urn, actor: member(), text: 'And to Italy?', createdAt: Date.now() });
    expect(await poll(page.id)).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(await sourceOf(ws, page.id)).toMatchObject({
      status: 'failing',
      lastError: expect.stringMatching(/EXPIRED_ACCESS_TOKEN.*the token expired\)\. Reconnect the account/),
    });

    const patched = await t.request('PATCH', `/api/v1/sources/${page.id}`, {
      token: ws.token,
      body: { credentials: { accessToken: li.issueToken().accessToken } },
    });
    expect(patched.status).toBe(200);
    expect(await poll(page.id)).toMatchObject({ status: 'ok', inserted: 1 });
    const stored = (await mentionsOf(ws, 'linkedin')).map((m) => m.externalId).sort();
    expect(stored).toEqual([first.urn, second.urn].sort());
  });

  it('updates an edited comment in place and marks a deleted one deleted', async () => {
    const ws = await freshWorkspace();
    const page = await linkedinPage(ws);
    const post = pagePost(page.org);
    const edited = li.addComment({ post: post.urn, actor: member(), text: 'It is slow' });
    const gone = li.addComment({ post: post.urn, actor: member(), text: 'Buy cheap followers here' });
    expect(await poll(page.id)).toMatchObject({ status: 'ok', inserted: 2 });
    const before = (await mentionBy(ws, 'linkedin', edited.urn))!;

    li.editComment(edited.urn, 'It is slow: fixed after the update, thanks!');
    li.deleteComment(gone.urn);
    expect(await poll(page.id)).toMatchObject({ status: 'ok', inserted: 0 });

    expect(await mentionBy(ws, 'linkedin', edited.urn)).toMatchObject({
      id: before.id,
      text: 'It is slow: fixed after the update, thanks!',
      editedAt: expect.any(String),
      deletedAt: null,
    });
    expect((await mentionBy(ws, 'linkedin', gone.urn))?.deletedAt).toEqual(expect.any(String));
    expect((await mentionsOf(ws, 'linkedin')).map((m) => m.externalId)).toEqual([edited.urn]);
  });

  it('replies to a comment from the inbox once, as the Page (actor = the organisation URN)', async () => {
    const ws = await freshWorkspace();
    const page = await linkedinPage(ws);
    const post = pagePost(page.org);
    const asker = member();
    const comment = li.addComment({ post: post.urn, actor: asker, text: 'Are the boots waterproof?' });
    expect(await poll(page.id)).toMatchObject({ status: 'ok', inserted: 1 });
    const { conversationId } = await threadOf(ws, 'linkedin', comment.urn);

    const text = 'Yes, fully waterproof up to the ankle.';
    const sent = await replyExactlyOnce(ws, conversationId, text, () => li.createdUnder(comment.urn));
    expect(li.created).toContainEqual({ parent: comment.urn, actor: page.org.urn, urn: sent.platformPostId, text });
    const posted = li.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/rest/socialActions/'));
    const body = JSON.parse(posted.find((q) => decodeURIComponent(q.path).includes(comment.id))!.body);
    expect(body).toMatchObject({ actor: page.org.urn, parentComment: comment.urn, message: { text } });
    // Posted by the member, on behalf of the Page.
    expect(li.comments.find((c) => c.urn === sent.platformPostId)).toMatchObject({
      actor: page.org.urn,
      agent: expect.stringMatching(/^urn:li:person:/),
    });
    // Our own reply is not brought back in as a mention by the next poll.
    expect(await poll(page.id)).toMatchObject({ status: 'ok', inserted: 0 });
  });
});

// ---- YouTube ----

async function youtubeChannel(ws: Ws, title = 'Acme TV') {
  const channel = yt.addChannel({ title });
  const grant = yt.addGrant(channel.id);
  const video = yt.addVideo({ channelId: channel.id, title: 'Our new phone' });
  const id = await addSource(ws, {
    platform: 'youtube',
    name: title,
    config: { channelId: channel.id, baseUrl: yt.url, tokenUrl: yt.tokenUrl, search: false },
    credentials: { clientId: grant.clientId, clientSecret: grant.clientSecret, refreshToken: grant.refreshToken },
  });
  return { channel, grant, video, id };
}
let viewerCount = 0;
const viewer = () => ({
  channelId: `UCviewer${String(++viewerCount).padStart(16, '0')}`,
  name: `@viewer${viewerCount}`,
});

const quotaExceeded = (channel: FakeYtChannel) => {
  const message = 'The request cannot be completed because you have exceeded your quota.';
  yt.fault({
    match: (q) => q.path === '/youtube/v3/commentThreads' && q.query.get('allThreadsRelatedToChannelId') === channel.id,
    status: 403,
    json: { error: { code: 403, message, errors: [{ message, domain: 'youtube.quota', reason: 'quotaExceeded' }] } },
  });
};

describe('a YouTube channel, polled through the one flow', () => {
  it('stores every page of comment threads and the replies YouTube leaves out, with author and text', async () => {
    const ws = await freshWorkspace();
    const { channel, video, id } = await youtubeChannel(ws);
    const tops = Array.from({ length: 104 }, (_, i) =>
      yt.addComment({ videoId: video.id, text: `Comment ${i}`, author: viewer() }),
    );
    const busy = yt.addComment({ videoId: video.id, text: 'Battery life?', author: viewer() });
    const answers = Array.from({ length: 7 }, (_, i) =>
      yt.addComment({ videoId: video.id, parentId: busy.id, text: `About ${i + 1} days`, author: viewer() }),
    );

    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 112 });
    const threadPages = yt.requests.filter(
      (q) => q.path === '/youtube/v3/commentThreads' && q.query.get('allThreadsRelatedToChannelId') === channel.id,
    );
    expect(threadPages).toHaveLength(2);
    expect(threadPages[1]!.query.get('pageToken')).toBeTruthy();
    // The five replies in the thread, and the rest read with comments.list.
    expect(
      yt.requests.filter((q) => q.path === '/youtube/v3/comments' && q.query.get('parentId') === busy.id),
    ).toHaveLength(1);

    const stored = await mentionsOf(ws, 'youtube');
    expect(stored.map((m) => m.externalId).sort()).toEqual([...tops, busy, ...answers].map((c) => c.id).sort());
    expect(stored.find((m) => m.externalId === answers[6]!.id)).toMatchObject({
      platform: 'youtube',
      text: 'About 7 days',
      author: { externalId: answers[6]!.author.channelId, handle: answers[6]!.author.name.slice(1) },
    });
    expect(stored.find((m) => m.externalId === tops[0]!.id)?.text).toBe('Comment 0');
  });

  it('pauses only the channel whose quota is spent until midnight Pacific; another channel polls on', async () => {
    const ws = await freshWorkspace();
    const a = await youtubeChannel(ws, 'Throttled TV');
    const b = await youtubeChannel(ws, 'Fine TV');
    yt.addComment({ videoId: a.video.id, text: 'First!', author: viewer() });
    const fine = yt.addComment({ videoId: b.video.id, text: 'Great video', author: viewer() });

    quotaExceeded(a.channel);
    const before = new Date();
    expect(await poll(a.id)).toMatchObject({ status: 'failed', kind: 'rate_limited' });
    const after = new Date();
    expect(await poll(b.id)).toMatchObject({ status: 'ok', inserted: 1 });

    const paused = await sourceOf(ws, a.id);
    expect(paused).toMatchObject({
      status: 'degraded',
      lastError: expect.stringMatching(/daily quota of the Google Cloud project is used up.*midnight Pacific/),
    });
    const next = Date.parse(paused.nextPollAt);
    expect(next).toBeGreaterThanOrEqual(nextPacificMidnight(before).getTime() + 1000);
    expect(next).toBeLessThanOrEqual(nextPacificMidnight(after).getTime() + 1000);
    expect(await sourceOf(ws, b.id)).toMatchObject({ status: 'ok', lastError: null });
    expect((await mentionsOf(ws, 'youtube')).map((m) => m.externalId)).toEqual([fine.id]);
  });

  it('turns failing with "reconnect" once access is revoked; a new sign-in resumes without duplicates', async () => {
    const ws = await freshWorkspace();
    const { channel, grant, video, id } = await youtubeChannel(ws);
    const first = yt.addComment({ videoId: video.id, text: 'Is it waterproof?', author: viewer() });
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });

    yt.revokeGrant(grant.refreshToken);
    const second = yt.addComment({ videoId: video.id, text: 'Price in Europe?', author: viewer() });
    expect(await poll(id)).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(await sourceOf(ws, id)).toMatchObject({
      status: 'failing',
      lastError: expect.stringMatching(/HTTP 401.*no longer valid; reconnect the account/),
    });

    const fresh = yt.addGrant(channel.id);
    const patched = await t.request('PATCH', `/api/v1/sources/${id}`, {
      token: ws.token,
      body: {
        credentials: { clientId: fresh.clientId, clientSecret: fresh.clientSecret, refreshToken: fresh.refreshToken },
      },
    });
    expect(patched.status).toBe(200);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });
    const stored = (await mentionsOf(ws, 'youtube')).map((m) => m.externalId).sort();
    expect(stored).toEqual([first.id, second.id].sort());
  });

  it('updates an edited comment in place and marks a deleted one deleted', async () => {
    const ws = await freshWorkspace();
    const { video, id } = await youtubeChannel(ws);
    const edited = yt.addComment({ videoId: video.id, text: 'Screen is dim', author: viewer() });
    const gone = yt.addComment({ videoId: video.id, text: 'Free phones at my link', author: viewer() });
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 2 });
    const before = (await mentionBy(ws, 'youtube', edited.id))!;

    yt.editComment(edited.id, 'Screen is dim: found the setting, all good now');
    yt.deleteComment(gone.id);
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 0 });

    expect(await mentionBy(ws, 'youtube', edited.id)).toMatchObject({
      id: before.id,
      text: 'Screen is dim: found the setting, all good now',
      editedAt: expect.any(String),
      deletedAt: null,
    });
    expect((await mentionBy(ws, 'youtube', gone.id))?.deletedAt).toEqual(expect.any(String));
    expect((await mentionsOf(ws, 'youtube')).map((m) => m.externalId)).toEqual([edited.id]);
  });

  it('replies under a comment from the inbox once, as the channel', async () => {
    const ws = await freshWorkspace();
    const { channel, video, id } = await youtubeChannel(ws);
    const comment = yt.addComment({ videoId: video.id, text: 'Does it come in blue?', author: viewer() });
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });
    const { conversationId } = await threadOf(ws, 'youtube', comment.id);

    const text = 'Yes! Blue ships next month.';
    const sent = await replyExactlyOnce(ws, conversationId, text, () => yt.replyCount(comment.id));
    expect(yt.replies).toContainEqual({ parentId: comment.id, text, id: sent.platformPostId });
    expect(yt.comments.find((c) => c.id === sent.platformPostId)).toMatchObject({
      parentId: comment.id,
      author: expect.objectContaining({ channelId: channel.id }),
    });
    expect(sent.url).toBe(`https://www.youtube.com/watch?v=${video.id}&lc=${sent.platformPostId}`);
  });

  it('holds a comment for review from the conversation, and the source page shows the quota spent', async () => {
    const ws = await freshWorkspace();
    const { video, id } = await youtubeChannel(ws);
    const rude = yt.addComment({ videoId: video.id, text: 'This channel is garbage', author: viewer() });
    const calls = yt.requests.length;
    expect(await poll(id)).toMatchObject({ status: 'ok', inserted: 1 });
    const spent = yt.requests.slice(calls).filter((q) => q.path.startsWith('/youtube/v3/')).length;

    const { conversationId, item } = await threadOf(ws, 'youtube', rude.id);
    const held = await t.request('POST', `/api/v1/conversations/${conversationId}/mentions/${item.id}/moderate`, {
      token: ws.token,
      body: { action: 'hide' },
    });
    expect(held.status, held.text).toBe(200);
    expect(yt.moderation).toContainEqual({ id: rude.id, status: 'heldForReview' });
    expect(yt.comments.find((c) => c.id === rude.id)!.moderationStatus).toBe('heldForReview');
    expect((await threadOf(ws, 'youtube', rude.id)).item.hidden).toBe(true);

    // Each list call of the poll cost a unit of the day's 10,000; the source's page says so.
    const [row] = await t.db.select().from(sources).where(eq(sources.id, id));
    const quota = youtubeConnector.quota!(row!.cursor, new Date());
    expect(spent).toBeGreaterThan(0);
    expect(quota).toMatchObject({ used: spent, limit: 10_000 });
    const who = await t.browserSession(ws.owner.email);
    const res = await t.app.request(`/settings/sources/${id}`, { headers: { cookie: who.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="api-quota"');
    expect(html).toContain(`${spent} of 10,000 units used`);
    expect(html).toContain(`datetime="${quota.resetsAt.toISOString()}"`);
  });
});
