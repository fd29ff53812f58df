import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { conversations } from '../../src/inbox/schema';
import { sendDueReplies } from '../../src/inbox/replies/outbox';
import { replies } from '../../src/inbox/replies/schema';
import { sources } from '../../src/sources/schema';
import { pollSource } from '../../src/sources/poller';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let sourceId: string;
// The clock the app and the sender read: tests move it to make retries due.
let now = new Date();

const tweetAndConversation = async (text: string) => {
  const tweet = x.addTweet({ text }, { username: `u${Math.random().toString(36).slice(2, 8)}`, name: 'Customer' });
  await pollSource(t.deps, sourceId, { force: true });
  const list = await t.request('GET', '/api/v1/conversations?status=any&limit=100', { token: ws.token });
  const conv = list.json.items.find((c: { subject: string }) => c.subject === text);
  return { tweet, conv };
};
const reply = (convId: string, text: string, key?: string) =>
  t.request('POST', `/api/v1/conversations/${convId}/replies`, {
    token: ws.token,
    body: { text },
    headers: key ? { 'idempotency-key': key } : {},
  });
// Waits for the background send: a status, and (for `queued`) at least one attempt made.
const waitFor = async (id: string, status: string, minAttempts = status === 'queued' ? 1 : 0) => {
  for (let i = 0; i < 200; i++) {
    const r = await t.request('GET', `/api/v1/replies/${id}`, { token: ws.token });
    if (r.json.status === status && r.json.attempts >= minAttempts) return r.json;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error(`reply ${id} never reached ${status}`);
};

beforeAll(async () => {
  x = await startFakeX();
  t = await createTestContext({ clock: () => now });
  ws = await t.seedWorkspace('Replies');
  const actor: Actor = {
    workspaceId: ws.workspace.id,
    workspaceSlug: ws.workspace.slug,
    userId: ws.owner.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
  await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  const source = await createSource(
    t.deps,
    actor,
    {
      platform: 'x',
      name: 'X',
      config: { baseUrl: x.url },
      credentials: { bearerToken: 'b', appKey: 'k', appSecret: 's', accessToken: 'at', accessSecret: 'as' },
    },
    now,
  );
  sourceId = source.id;
});
afterAll(async () => {
  await t.close();
  await x.close();
});

describe('replying through the outbox', () => {
  it('posts one reply for a request repeated with its key, to the right tweet, and records the response', async () => {
    const { tweet, conv } = await tweetAndConversation('acme where is my refund?');
    const [first, second] = await Promise.all([
      reply(conv.id, 'Sorry! DM us your order number.', 'click-1'),
      reply(conv.id, 'Sorry! DM us your order number.', 'click-1'),
    ]);
    expect(first.status).toBe(202);
    expect(second.json.id).toBe(first.json.id);
    const sent = await waitFor(first.json.id, 'sent');
    expect(sent.url).toMatch(/^https:\/\/x\.com\/i\/web\/status\/\d+$/);
    const posted = x.replies.filter((r) => r.in_reply_to_tweet_id === tweet.id);
    expect(posted).toEqual([expect.objectContaining({ text: 'Sorry! DM us your order number.' })]);
    expect(posted[0]!.authorization).toMatch(/^OAuth /);
    const [row] = await t.db.select().from(conversations).where(eq(conversations.id, conv.id));
    expect(row).toMatchObject({ waitingSince: null, firstResponseAt: expect.any(Date) });
    const thread = (await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token })).json.thread;
    expect(thread.find((i: { kind: string }) => i.kind === 'reply')).toMatchObject({ status: 'sent', url: sent.url });
  });

  it('treats the same text to the same post by the same person as one reply without a key (double click)', async () => {
    const { tweet, conv } = await tweetAndConversation('acme app is down again');
    const [a, b] = await Promise.all([reply(conv.id, 'Looking into it now.'), reply(conv.id, 'Looking into it now.')]);
    expect(a.json.id).toBe(b.json.id);
    await waitFor(a.json.id, 'sent');
    expect(x.replies.filter((r) => r.in_reply_to_tweet_id === tweet.id)).toHaveLength(1);
  });

  it('retries a reply the platform answered with 5xx, and sends it', async () => {
    const { tweet, conv } = await tweetAndConversation('acme billing question');
    x.fault({
      match: (req) => req.method === 'POST' && req.path === '/2/tweets',
      status: 503,
      json: { title: 'Service Unavailable', detail: 'Over capacity', status: 503 },
    });
    const r = await reply(conv.id, 'Happy to help with billing.', 'retry-5xx');
    const queued = await waitFor(r.json.id, 'queued');
    expect(queued.attempts).toBe(1);
    expect(queued.error).toMatch(/503/);
    expect(x.replies.filter((p) => p.in_reply_to_tweet_id === tweet.id)).toHaveLength(0);
    now = new Date(now.getTime() + 60_000);
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
    expect((await t.request('GET', `/api/v1/replies/${r.json.id}`, { token: ws.token })).json).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    expect(x.replies.filter((p) => p.in_reply_to_tweet_id === tweet.id)).toHaveLength(1);
  });

  it('fails a reply the platform refuses with 4xx, shows the reason, and sends it on retry', async () => {
    const { tweet, conv } = await tweetAndConversation('acme you there?');
    x.fault({
      match: (req) => req.method === 'POST' && req.path === '/2/tweets',
      status: 400,
      json: {
        title: 'Invalid Request',
        detail: 'You are not allowed to reply to this Tweet.',
        type: 'about:blank',
        status: 400,
      },
    });
    const r = await reply(conv.id, 'Yes we are!', 'fail-4xx');
    const failed = await waitFor(r.json.id, 'failed');
    expect(failed.error).toBe('X rejected the request (HTTP 400, replies to this post are not allowed)');
    now = new Date(now.getTime() + 3_600_000);
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 0 });
    const thread = (await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token })).json.thread;
    expect(thread.find((i: { kind: string }) => i.kind === 'reply')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not allowed/),
    });
    const retried = await t.request('POST', `/api/v1/replies/${r.json.id}/retry`, { token: ws.token });
    expect(retried.status).toBe(202);
    await waitFor(r.json.id, 'sent');
    expect(x.replies.filter((p) => p.in_reply_to_tweet_id === tweet.id)).toHaveLength(1);
    expect((await t.request('POST', `/api/v1/replies/${r.json.id}/retry`, { token: ws.token })).status).toBe(409);
  });

  it('sends a reply whose sender stopped mid-send once its lease runs out', async () => {
    const { tweet, conv } = await tweetAndConversation('acme order stuck');
    // What a process that dies after claiming leaves behind: `sending`, with a lease.
    const [row] = await t.db
      .insert(replies)
      .values({
        workspaceId: ws.workspace.id,
        conversationId: conv.id,
        inReplyToMentionId: (await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token })).json
          .thread[0].id,
        sourceId,
        platform: 'x',
        text: 'On it!',
        idempotencyKey: 'crashed-1',
        status: 'sending',
        attempts: 1,
        leaseUntil: new Date(now.getTime() + 60_000),
      })
      .returning();
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 0 });
    now = new Date(now.getTime() + 61_000);
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
    const [after] = await t.db.select().from(replies).where(eq(replies.id, row!.id));
    // X was asked first (the post was not there), then it was posted: once, and no longer uncertain.
    const posted = x.replies.filter((p) => p.in_reply_to_tweet_id === tweet.id);
    expect(posted).toHaveLength(1);
    expect(after).toMatchObject({ status: 'sent', attempts: 2, uncertain: false, platformPostId: posted[0]!.id });
  });

  it('does not post twice when X took a reply but the answer never came back', async () => {
    const { tweet, conv } = await tweetAndConversation('acme where is my parcel');
    await t.db
      .update(sources)
      .set({ config: { baseUrl: x.url, timeoutMs: 200 } })
      .where(eq(sources.id, sourceId));
    try {
      x.acceptNextReplySlowly(1_000);
      const r = await reply(conv.id, 'Checking on your parcel now.', 'slow-1');
      const queued = await waitFor(r.json.id, 'queued');
      expect(queued.error).toMatch(/Could not reach X|timeout|timed out|abort/i);
      expect(queued.uncertain).toBe(true);
      // X has it, though we never heard back.
      const [posted] = x.replies.filter((p) => p.in_reply_to_tweet_id === tweet.id);
      expect(posted).toBeDefined();
      now = new Date(now.getTime() + 60_000);
      expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
      // Found on X's timeline: recorded with its id and link, not posted again.
      expect((await t.request('GET', `/api/v1/replies/${r.json.id}`, { token: ws.token })).json).toMatchObject({
        status: 'sent',
        attempts: 2,
        uncertain: false,
        platformPostId: posted!.id,
        url: `https://x.com/i/web/status/${posted!.id}`,
        error: expect.stringMatching(/earlier attempt had posted it/),
      });
      expect(x.replies.filter((p) => p.in_reply_to_tweet_id === tweet.id)).toHaveLength(1);
    } finally {
      await t.db
        .update(sources)
        .set({ config: { baseUrl: x.url } })
        .where(eq(sources.id, sourceId));
    }
  });

  it('records the post id and link of a reply X refuses as duplicate content after an interrupted send', async () => {
    const { tweet, conv } = await tweetAndConversation('acme my invoice is wrong');
    await t.db
      .update(sources)
      .set({ config: { baseUrl: x.url, timeoutMs: 200 } })
      .where(eq(sources.id, sourceId));
    try {
      x.acceptNextReplySlowly(1_000);
      const r = await reply(conv.id, 'We will fix the invoice today.', 'dup-after-timeout');
      expect((await waitFor(r.json.id, 'queued')).uncertain).toBe(true);
      // The first look finds nothing yet (as while the earlier request is still being handled);
      // X then refuses the repeat as duplicate content, and a second look finds the post.
      x.fault({
        match: (req) => req.method === 'GET' && /^\/2\/users\/\d+\/tweets$/.test(req.path),
        json: { meta: { result_count: 0 } },
      });
      now = new Date(now.getTime() + 60_000);
      expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
      const posted = x.replies.filter((p) => p.in_reply_to_tweet_id === tweet.id);
      expect(posted).toHaveLength(1);
      expect((await t.request('GET', `/api/v1/replies/${r.json.id}`, { token: ws.token })).json).toMatchObject({
        status: 'sent',
        platformPostId: posted[0]!.id,
        url: `https://x.com/i/web/status/${posted[0]!.id}`,
        error: 'X refused it (HTTP 403, duplicate content): an earlier attempt had posted it',
      });
    } finally {
      await t.db
        .update(sources)
        .set({ config: { baseUrl: x.url } })
        .where(eq(sources.id, sourceId));
    }
  });

  it('fails a reply X refuses as a duplicate on the first try, saying why', async () => {
    const first = await tweetAndConversation('acme thanks 1');
    const second = await tweetAndConversation('acme thanks 2');
    const a = await reply(first.conv.id, 'Thank you so much!', 'dup-a');
    await waitFor(a.json.id, 'sent');
    const b = await reply(second.conv.id, 'Thank you so much!', 'dup-b');
    expect((await waitFor(b.json.id, 'failed')).error).toBe('X refused it (HTTP 403, duplicate content)');
  });

  it('rejects a reply longer than 280 characters as X counts them, counting a link as 23', async () => {
    const { conv } = await tweetAndConversation('acme link please');
    const long = await reply(conv.id, 'a'.repeat(281));
    expect(long.status).toBe(422);
    expect(long.json.error.message).toMatch(/281 characters as x counts them; the limit is 280/);
    const withLink = await reply(conv.id, `${'a'.repeat(256)} https://example.com/${'p'.repeat(200)}`);
    expect(withLink.status).toBe(202);
    // Emoji and CJK weigh 2 on X.
    expect((await reply(conv.id, '你'.repeat(141))).status).toBe(422);
  });

  it('counts a draft for the composer as X will, without sending it', async () => {
    const { conv } = await tweetAndConversation('acme counting');
    const check = (text: string) =>
      t.request('POST', `/api/v1/conversations/${conv.id}/replies/check`, { token: ws.token, body: { text } });
    expect((await check(`hi https://example.com/${'p'.repeat(100)}`)).json).toEqual({
      ok: true,
      length: 26,
      limit: 280,
      message: null,
    });
    expect((await check('你'.repeat(141))).json).toMatchObject({ ok: false, length: 282, limit: 280 });
    expect(
      (await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token })).json.thread.filter(
        (i: { kind: string }) => i.kind === 'reply',
      ),
    ).toHaveLength(0);
  });

  it('refuses a key reused for another text', async () => {
    const { conv } = await tweetAndConversation('acme hello');
    await reply(conv.id, 'first text', 'reused-key-1');
    expect((await reply(conv.id, 'second text', 'reused-key-1')).status).toBe(409);
  });
});

describe('saved replies', () => {
  it('fills a saved reply for the author, refuses unknown variables, and keeps private ones private', async () => {
    const { conv } = await tweetAndConversation('acme my parcel is late');
    const shared = await t.request('POST', '/api/v1/saved-replies', {
      token: ws.token,
      body: { name: 'Late parcel', body: 'Hi {{first_name}}, sorry! DM us the order number.', shared: true },
    });
    expect(shared.status).toBe(201);
    const rendered = await t.request('POST', `/api/v1/saved-replies/${shared.json.id}/render`, {
      token: ws.token,
      body: { conversationId: conv.id },
    });
    expect(rendered.json.text).toBe('Hi Customer, sorry! DM us the order number.');
    const typo = await t.request('POST', '/api/v1/saved-replies', {
      token: ws.token,
      body: { name: 'Typo', body: 'Hi {{frist_name}}' },
    });
    expect(typo.status).toBe(422);
    expect(typo.json.error.message).toMatch(/Unknown variable \{\{frist_name\}\}/);

    const agent = await t.seedUser(ws.workspace.id, 'agent', 'agent@replies.test');
    const mine = await t.request('POST', '/api/v1/saved-replies', {
      token: agent.token,
      body: { name: 'Mine', body: 'Cheers, {{agent_first_name}}' },
    });
    expect(mine.status).toBe(201);
    expect(
      (
        await t.request('POST', '/api/v1/saved-replies', {
          token: agent.token,
          body: { name: 'Team', body: 'x', shared: true },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('PATCH', `/api/v1/saved-replies/${shared.json.id}`, {
          token: agent.token,
          body: { body: 'changed' },
        })
      ).status,
    ).toBe(403);
    const ownerList = (await t.request('GET', '/api/v1/saved-replies', { token: ws.token })).json.items.map(
      (s: { name: string }) => s.name,
    );
    expect(ownerList).not.toContain('Mine');
    expect(
      (await t.request('GET', '/api/v1/saved-replies', { token: agent.token })).json.items
        .map((s: { name: string }) => s.name)
        .sort(),
    ).toEqual(['Late parcel', 'Mine']);
    expect((await t.request('DELETE', `/api/v1/saved-replies/${mine.json.id}`, { token: ws.token })).status).toBe(404);
  });
});
