import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { mentions } from '../../src/mentions/schema';
import { sendDueReplies } from '../../src/inbox/replies/outbox';
import { replies } from '../../src/inbox/replies/schema';
import { pollSource } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { connectorInputs, createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { replyRecordKey } from '../../src/connectors/bluesky/reply-rkey';
import { formClient } from '../helpers/forms';
import { testHttp } from '../helpers/outbound';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { linkPart, REPLY_PLATFORMS, type ReplyPlatform, startReplyPlatform } from './reply-platforms';

/**
 * A reply whose outcome is unknown (its sender died mid-send, or the platform never answered) is
 * looked up on the platform before it is tried again: found, it is recorded with its id and link
 * and not posted again; not found, it is posted once. Each platform that replies, behind its fake,
 * with duplicates accepted, so only the lookup stands between a retry and a second post.
 */
describe.each(REPLY_PLATFORMS)('an uncertain reply on %s', (name) => {
  let t: TestContext;
  let p: ReplyPlatform;
  let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
  let sourceId: string;
  let now = new Date();
  let n = 0;

  beforeAll(async () => {
    p = await startReplyPlatform(name);
    p.acceptDuplicates();
    t = await createTestContext({ clock: () => now });
    ws = await t.seedWorkspace(`Uncertain ${name}`);
    const { workspace, owner } = ws;
    const actor: Actor = {
      workspaceId: workspace.id,
      workspaceSlug: workspace.slug,
      userId: owner.id,
      apiKeyId: null,
      role: 'owner',
      ip: null,
    };
    await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
    sourceId = (await createSource(t.deps, actor, { platform: name, name, ...p.source }, now)).id;
  });
  afterAll(async () => {
    await t.close();
    await p.server.close();
  });

  // What a process killed mid-send leaves: `sending`, its lease run out.
  const leftMidSend = () => ({ status: 'sending' as const, attempts: 1, leaseUntil: new Date(now.getTime() - 1_000) });

  /** A customer's post, polled into a conversation; the reply row as a sender leaves it (or a fresh one). */
  async function parentAndRow(state: { status: 'sending' | 'queued'; text?: string }) {
    const parentId = p.addParent(`acme help needed ${++n}`);
    await pollSource(t.deps, sourceId, { force: true });
    const [mention] = await t.db.select().from(mentions).where(eq(mentions.externalId, parentId));
    if (!mention?.conversationId) throw new Error(`the poll did not bring in ${parentId}`);
    const [row] = await t.db
      .insert(replies)
      .values({
        workspaceId: ws.workspace.id,
        conversationId: mention.conversationId,
        inReplyToMentionId: mention.id,
        sourceId,
        platform: name,
        text: state.text ?? `Sorry about that! We are on it (${n}).`,
        idempotencyKey: `uncertain-${n}`,
        createdBy: ws.owner.id,
        ...(state.status === 'sending' ? leftMidSend() : { nextAttemptAt: now }),
      })
      .returning();
    return { parentId, mention, row: row! };
  }

  const target = (m: typeof mentions.$inferSelect) => ({
    authorHandle: m.authorHandle,
    threadExternalId: m.threadExternalId,
    raw: m.raw,
  });
  const rowOf = async (id: string) => (await t.db.select().from(replies).where(eq(replies.id, id)))[0]!;
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  it('records the post an interrupted send had made, with its id and link, and posts nothing more', async () => {
    const { parentId, mention, row } = await parentAndRow({ status: 'sending' });
    // The dead process's request, which reached the platform.
    const [source] = await t.db.select().from(sources).where(eq(sources.id, sourceId));
    const { connector, config, credentials } = await connectorInputs(t.deps, source!);
    await connector.reply!({
      config,
      credentials,
      http: t.deps.outbound,
      text: row.text,
      inReplyTo: { ...target(mention), externalId: parentId },
      outbox: { replyId: row.id, queuedAt: row.createdAt },
    });
    expect(p.posted(parentId)).toHaveLength(1);

    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
    const [id] = p.posted(parentId);
    expect(p.posted(parentId)).toHaveLength(1);
    const after = await rowOf(row.id);
    const note = expect.stringMatching(/earlier attempt had posted it/);
    expect(after).toMatchObject({ status: 'sent', uncertain: false, platformPostId: id, lastError: note });
    expect(after.platformUrl).toContain(linkPart(id!));
  });

  it('posts once a reply whose interrupted send never reached the platform', async () => {
    const { parentId, row } = await parentAndRow({ status: 'sending' });
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
    const posted = p.posted(parentId);
    expect(posted).toHaveLength(1);
    const after = await rowOf(row.id);
    expect(after).toMatchObject({ status: 'sent', uncertain: false, platformPostId: posted[0], lastError: null });
    expect(after.platformUrl).toContain(linkPart(posted[0]!));
  });

  it('posts nothing while the platform cannot be asked, shows the reply uncertain, sends it once it can', async () => {
    const { parentId, row } = await parentAndRow({ status: 'sending' });
    p.server.fault({ match: p.isLookup, status: 503, json: { error: 'Service Unavailable' } });
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 0, retrying: 1 });
    expect(p.posted(parentId)).toHaveLength(0);
    expect(await rowOf(row.id)).toMatchObject({ status: 'queued', uncertain: true });

    const api = (await t.request('GET', `/api/v1/replies/${row.id}`, { token: ws.token })).json;
    expect(api).toMatchObject({ status: 'queued', uncertain: true });
    const page = await formClient(t).get(`/inbox/c/${row.conversationId}`, await t.browserSession(ws.owner.email));
    expect(page.html).toContain('data-testid="reply-uncertain"');

    later(15 * 60_000);
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
    expect(p.posted(parentId)).toHaveLength(1);
    expect(await rowOf(row.id)).toMatchObject({
      status: 'sent',
      uncertain: false,
      platformPostId: p.posted(parentId)[0],
    });
    const after = await formClient(t).get(`/inbox/c/${row.conversationId}`, await t.browserSession(ws.owner.email));
    expect(after.html).not.toContain('data-testid="reply-uncertain"');
  });

  it('finds a reply whose request timed out after the platform took it, instead of posting it again', async () => {
    const { parentId, row } = await parentAndRow({ status: 'queued' });
    const [source] = await t.db.select().from(sources).where(eq(sources.id, sourceId));
    // The platform takes the post at once and answers long after the client stopped waiting.
    const shortTimeout = { ...(source!.config as object), timeoutMs: 1_500 };
    await t.db.update(sources).set({ config: shortTimeout }).where(eq(sources.id, sourceId));
    p.setReplyDelay(5_000);
    try {
      await sendDueReplies(t.deps);
      expect(p.posted(parentId)).toHaveLength(1);
      const first = await rowOf(row.id);
      if (name === 'bluesky') {
        // The record key is read back as soon as the create fails: found within the same attempt.
        expect(first).toMatchObject({ status: 'sent', attempts: 1 });
      } else {
        expect(first).toMatchObject({ status: 'queued', uncertain: true, lastError: expect.any(String) });
      }
    } finally {
      p.setReplyDelay(0);
      await t.db.update(sources).set({ config: source!.config }).where(eq(sources.id, sourceId));
    }
    later(15 * 60_000);
    await sendDueReplies(t.deps);
    const posted = p.posted(parentId);
    expect(posted).toHaveLength(1);
    const after = await rowOf(row.id);
    expect(after).toMatchObject({ status: 'sent', uncertain: false, platformPostId: posted[0] });
    expect(after.platformUrl).toContain(linkPart(posted[0]!));
  });

  it('does not take another post of ours with other words, or under another post, for the reply', async () => {
    const a = await parentAndRow({ status: 'queued', text: 'Thanks, we are looking into it.' });
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 1 });
    // Same words under another post, and other words under the same one, by an uncertain row each.
    const b = await parentAndRow({ status: 'sending', text: 'Thanks, we are looking into it.' });
    const { workspaceId, conversationId, inReplyToMentionId, platform, createdBy } = a.row;
    const [c] = await t.db
      .insert(replies)
      .values({
        workspaceId,
        conversationId,
        inReplyToMentionId,
        sourceId,
        platform,
        createdBy,
        idempotencyKey: `other-${n}`,
        text: 'Another answer entirely.',
        ...leftMidSend(),
      })
      .returning();
    expect(await sendDueReplies(t.deps)).toMatchObject({ sent: 2 });
    expect(p.posted(b.parentId)).toHaveLength(1);
    expect(p.posted(a.parentId)).toHaveLength(2);
    expect((await rowOf(b.row.id)).platformPostId).toBe(p.posted(b.parentId)[0]);
    expect((await rowOf(c!.id)).platformPostId).not.toBe((await rowOf(a.row.id)).platformPostId);
  });
});

/**
 * The platforms' own guards against a repeat, used by every send: a repeat of one outbox row is
 * the same post, even when it gets past the lookup (the earlier request still on its way).
 */
describe('a repeated create of the same reply', () => {
  const outbox = { replyId: '0f6c8a52-5d1e-4a8b-9a51-3c2f4b1e7d90', queuedAt: new Date('2026-03-01T10:00:00Z') };

  it('gets from Mastodon the status the first one made; another reply with the same words is its own', async () => {
    const p = await startReplyPlatform('mastodon');
    try {
      const { mastodonConnector, mastodonConfigSchema } = await import(
        '../../src/connectors/mastodon/mastodon.connector'
      );
      const parentId = p.addParent('acme where is my order');
      const config = mastodonConfigSchema.parse(p.source.config);
      const inReplyTo = { externalId: parentId, authorHandle: null, threadExternalId: parentId, raw: null };
      // The Idempotency-Key names the outbox row.
      const send = (replyId: string) =>
        mastodonConnector.reply!({
          config,
          credentials: { accessToken: 'test-token' },
          http: testHttp,
          text: 'On its way!',
          inReplyTo,
          outbox: { ...outbox, replyId },
        });
      const first = await send(outbox.replyId);
      expect(await send(outbox.replyId)).toEqual(first);
      expect(p.posted(parentId)).toEqual([first.externalId]);
      await send('1d2b3c4e-0000-4000-8000-000000000001');
      expect(p.posted(parentId)).toHaveLength(2);
    } finally {
      await p.server.close();
    }
  });

  it('is refused by the Bluesky PDS at the reply’s record key, and recognised as the post already there', async () => {
    const p = await startReplyPlatform('bluesky');
    try {
      const { blueskyConnector, blueskyConfigSchema } = await import('../../src/connectors/bluesky/bluesky.connector');
      const parentId = p.addParent('acme app crashes');
      const config = blueskyConfigSchema.parse(p.source.config);
      const inReplyTo = { externalId: parentId, authorHandle: null, threadExternalId: null, raw: null };
      const send = () =>
        blueskyConnector.reply!({
          config,
          credentials: p.source.credentials,
          http: testHttp,
          text: 'Sorry! A fix ships today.',
          inReplyTo,
          outbox,
        });
      const first = await send();
      expect(first.externalId.endsWith(`/app.bsky.feed.post/${replyRecordKey(outbox.replyId, outbox.queuedAt)}`)).toBe(
        true,
      );
      expect(await send()).toEqual(first);
      expect(p.posted(parentId)).toEqual([first.externalId]);
      // The second create was made and refused: the PDS, not our memory, kept it single.
      expect(p.server.requests.filter((r) => r.path === '/xrpc/com.atproto.repo.createRecord')).toHaveLength(2);
    } finally {
      await p.server.close();
    }
  });
});
