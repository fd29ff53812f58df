import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { facebookConnector } from '../../src/connectors/meta/facebook.connector';
import { instagramConnector } from '../../src/connectors/meta/instagram.connector';
import { mentions } from '../../src/mentions';
import { pollSource, processWebhooks, webhookDeliveries } from '../../src/sources';
import { type FakeFbPage, type FakeMetaGraph, startFakeMetaGraph } from '../fakes/meta-graph-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verify-me-please';

let t: TestContext;
let graph: FakeMetaGraph;
let page: FakeFbPage;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let sourceId: string;

const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Posts a delivery as Meta does: the raw JSON, signed (or as the test says). */
async function deliver(payload: unknown, signature?: string | null) {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const sig = signature === undefined ? sign(body) : signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  const res = await t.app.request('/webhooks/meta', { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

const feedChange = (value: Record<string, unknown>, pageId = page.id, time = Math.floor(Date.now() / 1000)) => ({
  object: 'page',
  entry: [{ id: pageId, time, changes: [{ field: 'feed', value }] }],
});

const comment = (id: string, message: string, verb = 'add') => ({
  item: 'comment',
  verb,
  post_id: `${page.id}_777`,
  comment_id: id,
  parent_id: `${page.id}_777`,
  message,
  from: { id: '9001', name: 'Mia Müller' },
  created_time: Math.floor(Date.now() / 1000),
  post: { permalink_url: 'https://www.facebook.com/acme/posts/777' },
});

async function mentionsOf(externalId: string) {
  const res = await t.request('GET', `/api/v1/mentions?platform=facebook&includeDeleted=true&limit=100`, {
    token: ws.token,
  });
  return (res.json.items as { externalId: string; text: string; deletedAt: string | null }[]).filter(
    (m) => m.externalId === externalId,
  );
}

beforeAll(async () => {
  graph = await startFakeMetaGraph();
  page = graph.addPage({ name: 'Acme GmbH' });
  t = await createTestContext({
    env: { META_APP_SECRET: APP_SECRET, META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN },
    connectors: { facebook: facebookConnector, instagram: instagramConnector },
  });
  ws = await t.seedWorkspace('Webhooks');
  const created = await t.request('POST', '/api/v1/sources', {
    token: ws.token,
    body: {
      platform: 'facebook',
      name: 'Acme Page',
      config: { pageId: page.id, baseUrl: graph.url },
      credentials: { accessToken: page.token },
    },
  });
  expect(created.status).toBe(201);
  sourceId = created.json.id;
});
afterAll(async () => {
  await t.close();
  await graph.close();
});

describe("Meta's webhooks", () => {
  it('answers the subscription handshake with the challenge, and refuses a wrong verify token', async () => {
    const ok = await t.app.request(
      `/webhooks/meta?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await t.app.request('/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1');
    expect(wrong.status).toBe(403);
  });

  it('stores a signed comment once, through the flow, however often Meta delivers it', async () => {
    const payload = feedChange(comment('777_1001', 'Wo bleibt meine Bestellung? #acme'));
    expect(await deliver(payload)).toEqual({ status: 200, text: 'EVENT_RECEIVED' });
    expect((await deliver(payload)).status).toBe(200);
    await t.deps.events.idle();
    await processWebhooks(t.deps);
    const stored = await mentionsOf('777_1001');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.text).toBe('Wo bleibt meine Bestellung? #acme');
    const list = await t.request('GET', '/api/v1/conversations', { token: ws.token });
    expect(list.json.items.some((c: { platform: string }) => c.platform === 'facebook')).toBe(true);
    const deliveries = await webhookDeliveries(t.deps.db);
    expect(deliveries.map((d) => d.status)).toEqual(['done', 'done']);
  });

  it('refuses an unsigned or wrongly signed delivery with 401 and keeps nothing', async () => {
    const before = (await webhookDeliveries(t.deps.db)).length;
    const payload = feedChange(comment('777_1002', 'unsigned'));
    expect((await deliver(payload, null)).status).toBe(401);
    expect((await deliver(payload, sign(JSON.stringify(payload), 'another-secret'))).status).toBe(401);
    expect((await deliver(payload, 'sha256=deadbeef')).status).toBe(401);
    expect((await webhookDeliveries(t.deps.db)).length).toBe(before);
    await t.deps.events.idle();
    expect(await mentionsOf('777_1002')).toHaveLength(0);
  });

  it('marks a comment Meta says was removed, and updates one that was edited', async () => {
    await deliver(feedChange(comment('777_1003', 'first words')));
    await deliver(feedChange(comment('777_1003', 'second words', 'edited')));
    await t.deps.events.idle();
    await processWebhooks(t.deps);
    expect((await mentionsOf('777_1003'))[0]).toMatchObject({ text: 'second words', deletedAt: null });
    await deliver(feedChange({ item: 'comment', verb: 'remove', comment_id: '777_1003', post_id: `${page.id}_777` }));
    await t.deps.events.idle();
    await processWebhooks(t.deps);
    expect((await mentionsOf('777_1003'))[0]!.deletedAt).not.toBeNull();
  });

  it("ignores the Page's own comments and events for a Page no source connected", async () => {
    await deliver(feedChange({ ...comment('777_1004', 'our reply'), from: { id: page.id, name: 'Acme GmbH' } }));
    await deliver(feedChange(comment('888_1005', 'elsewhere'), '424242'));
    await t.deps.events.idle();
    await processWebhooks(t.deps);
    expect(await mentionsOf('777_1004')).toHaveLength(0);
    expect(await mentionsOf('888_1005')).toHaveLength(0);
    const last = (await webhookDeliveries(t.deps.db)).slice(-2);
    expect(last.map((d) => d.status)).toEqual(['done', 'done']);
  });

  it('keeps a delivery whose storing failed and stores it on the next run, once', async () => {
    const flow = t.deps.sourceFlow;
    let broken = true;
    t.deps.sourceFlow = {
      ...flow,
      ingest: async (...args) => {
        if (broken) throw new Error('database went away');
        return flow.ingest(...args);
      },
    };
    try {
      await deliver(feedChange(comment('777_1006', 'retry me')));
      await t.deps.events.idle();
      await processWebhooks(t.deps);
      expect(await mentionsOf('777_1006')).toHaveLength(0);
      const failed = (await webhookDeliveries(t.deps.db)).at(-1)!;
      expect(failed).toMatchObject({ status: 'queued', attempts: 1, error: 'database went away' });
      // The database is back and its retry time comes: the scheduled run stores it.
      broken = false;
      await processWebhooks({ ...t.deps, clock: () => new Date(Date.now() + 3_600_000) });
      expect(await mentionsOf('777_1006')).toHaveLength(1);
      expect((await webhookDeliveries(t.deps.db)).at(-1)!.status).toBe('done');
    } finally {
      t.deps.sourceFlow = flow;
    }
    expect(sourceId).toBeTruthy();
  });

  it('stores the good deliveries of a batch though one of them cannot be stored', async () => {
    const flow = t.deps.sourceFlow;
    t.deps.sourceFlow = {
      ...flow,
      ingest: async (deps, target, posts) => {
        if (posts.some((p) => p.text === 'poison')) throw new Error('this one cannot be stored');
        return flow.ingest(deps, target, posts);
      },
    };
    try {
      // Kept first, worked together: the listener is held off until all three wait.
      const hold = t.deps.events;
      t.deps.events = { publish: () => undefined } as unknown as typeof hold;
      try {
        await deliver(feedChange(comment('777_2001', 'fine one')));
        await deliver(feedChange(comment('777_2002', 'poison')));
        await deliver(feedChange(comment('777_2003', 'fine two')));
      } finally {
        t.deps.events = hold;
      }
      expect(await processWebhooks(t.deps)).toMatchObject({ done: 2, failed: 0 });
      expect(await mentionsOf('777_2001')).toHaveLength(1);
      expect(await mentionsOf('777_2003')).toHaveLength(1);
      const waiting = (await webhookDeliveries(t.deps.db)).filter((d) => d.status === 'queued');
      expect(waiting).toMatchObject([{ attempts: 1, error: 'this one cannot be stored' }]);
    } finally {
      t.deps.sourceFlow = flow;
    }
  });

  it('shows a comment hidden, then shown again, on Facebook as such (the last word counts)', async () => {
    // The listener works deliveries too: each step waits for it, so the order of steps is the test's.
    const settle = async () => {
      await processWebhooks(t.deps);
      await t.deps.events.idle();
    };
    await deliver(feedChange(comment('777_3001', 'Hide me, please')));
    await settle();
    const hiddenAt = async () => {
      const [row] = await t.db
        .select({ hiddenAt: mentions.hiddenAt })
        .from(mentions)
        .where(and(eq(mentions.platform, 'facebook'), eq(mentions.externalId, '777_3001')));
      return row?.hiddenAt ?? null;
    };
    await deliver(feedChange(comment('777_3001', 'Hide me, please', 'hide')));
    await settle();
    expect(await hiddenAt()).toBeInstanceOf(Date);
    // Two events in one batch (the listener held off until both wait), arriving swapped: shown again at the
    // later time, hidden at the earlier one. Meta's times decide.
    const hold = t.deps.events;
    const now = Math.floor(Date.now() / 1000);
    t.deps.events = { publish: () => undefined } as unknown as typeof hold;
    try {
      await deliver(feedChange(comment('777_3001', 'Hide me, please', 'unhide'), page.id, now + 2));
      await deliver(feedChange(comment('777_3001', 'Hide me, please', 'hide'), page.id, now + 1));
    } finally {
      t.deps.events = hold;
    }
    await settle();
    expect(await hiddenAt()).toBeNull();
  });

  it("fetches an Instagram @mention the webhook only names, with the account's token; skips a gone one", async () => {
    const account = graph.addIgUser({ username: 'acme_ig', pageId: page.id });
    const created = await t.request('POST', '/api/v1/sources', {
      token: ws.token,
      body: {
        platform: 'instagram',
        name: 'Acme IG',
        config: { igUserId: account.id, baseUrl: graph.url },
        credentials: { accessToken: page.token },
      },
    });
    expect(created.status).toBe(201);
    const other = graph.addIgMedia({ ownerId: '42', username: 'lena', caption: 'Loving my new boots @acme_ig' });
    const commented = graph.addIgMedia({ ownerId: '43', username: 'tom', caption: 'Rainy day' });
    const reply = graph.addIgComment({
      mediaId: commented.id,
      text: '@acme_ig are these waterproof?',
      from: { id: '77', username: 'mia' },
    });
    const mention = (value: Record<string, string>) => ({
      object: 'instagram',
      entry: [{ id: account.id, time: Math.floor(Date.now() / 1000), changes: [{ field: 'mentions', value }] }],
    });
    await deliver(mention({ media_id: other.id }));
    await deliver(mention({ media_id: commented.id, comment_id: reply.id }));
    await deliver(mention({ media_id: '1790999999' }));
    // The listener may have worked some already: all three end done (the gone one skipped, not retried).
    await processWebhooks(t.deps);
    await t.deps.events.idle();
    const last = (await webhookDeliveries(t.deps.db)).slice(-3);
    expect(last.map((d) => [d.status, d.error])).toEqual([
      ['done', null],
      ['done', null],
      ['done', null],
    ]);
    const res = await t.request('GET', '/api/v1/mentions?platform=instagram&limit=100', { token: ws.token });
    const stored = (res.json.items as { externalId: string; text: string }[]).map((m) => [m.externalId, m.text]);
    expect(stored.sort()).toEqual(
      [
        [other.id, 'Loving my new boots @acme_ig'],
        [reply.id, '@acme_ig are these waterproof?'],
      ].sort(),
    );
  });

  it('slows polling of a source Meta pushes to down to a safety net', async () => {
    await deliver(feedChange(comment('777_4001', 'Pushed, not polled')));
    await processWebhooks(t.deps);
    await t.deps.events.idle();
    const before = Date.now();
    expect(await pollSource(t.deps, sourceId, { force: true })).toMatchObject({ status: 'ok' });
    const s = (await t.request('GET', `/api/v1/sources/${sourceId}`, { token: ws.token })).json;
    // 30 minutes, less at most the 10 % jitter (its own interval is 5 minutes).
    expect(new Date(s.nextPollAt).getTime() - before).toBeGreaterThan(27 * 60_000);
    expect(s).toMatchObject({ webhooksLive: true, lastWebhookAt: expect.any(String) });
    const html = await (
      await t.app.request(`/settings/sources/${sourceId}`, { headers: { authorization: `Bearer ${ws.token}` } })
    ).text();
    expect(html).toContain('webhooks are live');
  });
});
