import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest/pipeline';
import { sweepInbox } from '../../src/inbox/sweep';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
const HOUR = 3_600_000;

const conversationOf = async (text: string) => {
  const res = await t.request('GET', `/api/v1/conversations?status=any&q=${encodeURIComponent(text)}`, {
    token: ws.token,
  });
  return res.json.items[0];
};

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Sweep');
});
afterAll(() => t.close());

describe('inbox sweep', () => {
  it('reopens a snoozed conversation once its time comes, and says so in the history', async () => {
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: 's1',
        text: 'acme snooze me please',
        createdAt: new Date(),
        author: socialAuthor({ externalId: 'a1', handle: 'sam' }),
      }),
    ]);
    const conv = await conversationOf('snooze');
    const until = new Date(Date.now() + 2 * HOUR);
    await t.request('PATCH', `/api/v1/conversations/${conv.id}`, {
      token: ws.token,
      body: { status: 'snoozed', snoozedUntil: until.toISOString() },
    });

    expect(await sweepInbox(t.db, new Date(until.getTime() - 60_000))).toMatchObject({ woken: 0 });
    expect((await conversationOf('snooze')).status).toBe('snoozed');

    expect(await sweepInbox(t.db, new Date(until.getTime() + 1000))).toMatchObject({ woken: 1 });
    const detail = await t.request('GET', `/api/v1/conversations/${conv.id}`, { token: ws.token });
    expect(detail.json.conversation).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(detail.json.thread.filter((i: { event?: string }) => i.event === 'status').at(-1).details).toMatchObject({
      from: 'snoozed',
      to: 'open',
      reason: 'snooze ended',
    });
    // Closed conversations are nobody's wait: the sweep below leaves this one be.
    await t.request('PATCH', `/api/v1/conversations/${conv.id}`, { token: ws.token, body: { status: 'closed' } });
  });

  it('raises a question’s priority once its author has waited over 4 hours, once per threshold', async () => {
    const asked = new Date();
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: 'q1',
        text: 'how do I export my acme invoices?',
        createdAt: asked,
        author: socialAuthor({ externalId: 'a2', handle: 'quinn', followers: 50 }),
      }),
    ]);
    expect(await conversationOf('invoices')).toMatchObject({ priority: 'normal', priorityReason: 'Question' });

    const later = new Date(asked.getTime() + 5 * HOUR);
    expect((await sweepInbox(t.db, later)).reprioritised).toBe(1);
    const raised = await conversationOf('invoices');
    expect(raised).toMatchObject({ priority: 'high', priorityReason: 'Question, waiting over 4 h' });
    // SLA due times follow the new priority.
    expect(Date.parse(raised.firstResponseDueAt)).toBe(asked.getTime() + 4 * HOUR);
    expect((await sweepInbox(t.db, new Date(later.getTime() + HOUR))).reprioritised).toBe(0);

    expect((await sweepInbox(t.db, new Date(asked.getTime() + 25 * HOUR))).reprioritised).toBe(1);
    expect(await conversationOf('invoices')).toMatchObject({
      priority: 'high',
      priorityReason: 'Question, waiting over a day',
    });
  });

  it('leaves a priority staff set alone', async () => {
    const asked = new Date();
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: 'p1',
        text: 'where is the acme changelog?',
        createdAt: asked,
        author: socialAuthor({ externalId: 'a3', handle: 'pat' }),
      }),
    ]);
    const conv = await conversationOf('changelog');
    await t.request('PATCH', `/api/v1/conversations/${conv.id}`, { token: ws.token, body: { priority: 'low' } });
    await sweepInbox(t.db, new Date(asked.getTime() + 30 * HOUR));
    expect(await conversationOf('changelog')).toMatchObject({ priority: 'low', priorityReason: 'Set by staff' });
  });

  it('keeps the reason as codes, so a reason written as English text before them is computed again once', async () => {
    const asked = new Date();
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: 'o1',
        text: 'how do I reset my acme password?',
        createdAt: asked,
        author: socialAuthor({ externalId: 'a4', handle: 'olly', followers: 50 }),
      }),
    ]);
    const conv = await conversationOf('password');
    const stored = async () =>
      rows<{ priority_reason: string }>(
        await t.db.execute(sql`select priority_reason from conversations where id = ${conv.id}::uuid`),
      )[0]!.priority_reason;
    expect(JSON.parse(await stored())).toEqual([{ code: 'question' }]);
    // As an older version wrote it: English words, which the sweep once matched with ilike.
    await t.db.execute(
      sql`update conversations set priority_reason = 'Question, waiting over 4 h' where id = ${conv.id}::uuid`,
    );
    expect((await conversationOf('password')).priorityReason).toBe('Question, waiting over 4 h');
    // (The sweep is for every workspace: earlier tests' conversations may be due at this time too.)
    await sweepInbox(t.db, new Date(asked.getTime() + 5 * HOUR));
    expect(JSON.parse(await stored())).toEqual([{ code: 'question' }, { code: 'waiting_long' }]);
    const later = new Date(asked.getTime() + 5 * HOUR);
    expect((await sweepInbox(t.db, new Date(later.getTime() + HOUR))).reprioritised).toBe(0);
  });

  it('says the reason in the reader’s language on the pages, and in English in the API', async () => {
    const conv = await conversationOf('password');
    expect(conv.priorityReason).toBe('Question, waiting over 4 h');
    const browser = await t.browserSession(ws.owner.email);
    const page = async (language: string) =>
      (
        await t.app.request(`/inbox/c/${conv.id}`, { headers: { cookie: browser.cookie, 'accept-language': language } })
      ).text();
    const reasonIn = (html: string) => /data-testid="priority-reason">([^<]*)</.exec(html)?.[1];
    expect(reasonIn(await page('de'))).toBe('Frage, wartet seit über 4 Std.');
    expect(reasonIn(await page('en'))).toBe('Question, waiting over 4 h');
    expect(await page('de')).toContain('title="Frage, wartet seit über 4 Std."');
  });
});
