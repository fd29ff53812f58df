import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentions } from '../../src/mentions/schema';
import { sendDueReplies } from '../../src/inbox/replies/outbox';
import { createLogger } from '../../src/http/logger';
import { ensureDemoWorkspace } from '../../src/server/demo-workspace';
import { pollSource } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { listTopics } from '../../src/topics/topics.service';
import { createTestContext, TEST_APP_SECRET, TEST_PASSWORD_PARAMS, type TestContext } from '../helpers/test-app';

let t: TestContext;
let now = new Date('2026-11-25T12:00:00Z');
/** The live replay alone (the 90 days of history are tests/e2e/demo.test.ts's). */
const demoOptions = () => ({
  now,
  appSecret: TEST_APP_SECRET,
  baseUrl: 'http://demo.test',
  passwordParams: TEST_PASSWORD_PARAMS,
  history: false,
});

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
});
afterAll(() => t.close());

describe('demo workspace', () => {
  it('is created with topics and a replay source, and the owner can sign in with the printed password', async () => {
    const demo = await ensureDemoWorkspace(t.deps, demoOptions());
    expect(demo.workspace.slug).toBe('demo');
    expect((await listTopics(t.db, demo.workspace.id)).map((x) => x.name)).toContain('Weather');
    expect(await t.login(demo.email, demo.password)).toBeTruthy();
  });

  it('streams new posts on every poll, with no network and no keys', async () => {
    const demo = await ensureDemoWorkspace(t.deps, demoOptions());
    const deps = { ...t.deps, clock: () => now, logger: createLogger('silent') };
    expect(await pollSource(deps, demo.sourceId, { force: true })).toMatchObject({ status: 'ok', inserted: 8 });
    now = new Date(now.getTime() + 20_000);
    expect(await pollSource(deps, demo.sourceId)).toMatchObject({ status: 'ok', inserted: 8 });
    const [n] = await t.db.select({ n: count() }).from(mentions).where(eq(mentions.workspaceId, demo.workspace.id));
    expect(Number(n!.n)).toBe(16);
    const texts = (
      await t.db.select({ text: mentions.text }).from(mentions).where(eq(mentions.workspaceId, demo.workspace.id))
    ).map((r) => r.text);
    expect(texts.some((x) => x.includes('&amp;'))).toBe(false);
  });

  it('takes replies in its inbox, so the outbox can be tried without an account', async () => {
    const demo = await ensureDemoWorkspace(t.deps, demoOptions());
    const token = await t.login(demo.email, demo.password);
    const list = await t.request('GET', '/api/v1/conversations?limit=1', { token });
    const conv = list.json.items[0];
    const queued = await t.request('POST', `/api/v1/conversations/${conv.id}/replies`, {
      token,
      body: { text: 'Thanks for writing in!' },
      headers: { 'idempotency-key': 'demo-1' },
    });
    expect(queued.status).toBe(202);
    // Sent in the background at once; the job would send it otherwise.
    await expect
      .poll(async () => {
        await sendDueReplies({ ...t.deps, logger: createLogger('silent') });
        return (await t.request('GET', `/api/v1/replies/${queued.json.id}`, { token })).json;
      })
      .toMatchObject({ status: 'sent', platformPostId: expect.stringMatching(/^demo-reply-/) });
    expect(
      (await t.request('GET', `/api/v1/conversations/${conv.id}`, { token })).json.conversation.firstResponseAt,
    ).not.toBeNull();
  });

  it('on a restart keeps one source and the same password', async () => {
    const first = await ensureDemoWorkspace(t.deps, demoOptions());
    const again = await ensureDemoWorkspace(t.deps, demoOptions());
    expect(again.sourceId).toBe(first.sourceId);
    expect(again.password).toBe(first.password);
    expect(await t.login(again.email, again.password)).toBeTruthy();
    const [n] = await t.db.select({ n: count() }).from(sources).where(eq(sources.workspaceId, again.workspace.id));
    expect(Number(n!.n)).toBe(1);
  });
});
