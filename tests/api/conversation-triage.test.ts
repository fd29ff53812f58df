import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffAccounts, users } from '../../src/accounts/schema';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { sources } from '../../src/sources/schema';
import { formClient, type Session } from '../helpers/forms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * The conversation page's triage (issue 20, items 2–4): each control posts its own change; a change that takes
 * the conversation out of the person's list opens the next one of the list they came from (or the list, by
 * their profile); the script is answered in JSON; the history is told to its reader; the composer names the
 * account a reply goes out as.
 */

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let owner: Session;
let agent: Session;
let agentId = '';
const pages = () => formClient(t);
let n = 0;

const ingest = (handle: string, hoursAgo: number, text = `acme where is my order, ${handle}?`) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    socialPost({
      externalId: `tr-${++n}`,
      text,
      createdAt: new Date(Date.now() - hoursAgo * 3_600_000),
      author: socialAuthor({ externalId: `u-${handle}`, handle, name: handle }),
    }),
  ]);
const byAuthor = async (handle: string) =>
  (await t.db.select().from(conversations).where(eq(conversations.authorHandle, handle)))[0]!;
const update = (who: Session, handle: string, fields: Record<string, string>) =>
  byAuthor(handle).then((c) => pages().send(`/inbox/c/${c.id}/update`, fields, who));
/** As the script sends a control: the same form, asking for JSON. */
async function updateAsScript(who: Session, handle: string, fields: Record<string, string>) {
  const c = await byAuthor(handle);
  const body = new URLSearchParams({ ...fields, _csrf: who.csrf });
  const res = await t.app.request(`/inbox/c/${c.id}/update`, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: body.toString(),
  });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Triage Inbox');
  const seeded = await t.seedUser(ws.workspace.id, 'agent', 'ana@triage.test');
  agentId = seeded.user.id;
  await t.db.update(users).set({ name: 'Ana' }).where(eq(users.id, agentId));
  owner = await t.browserSession('owner@triageinbox.test');
  agent = await t.browserSession('ana@triage.test');
  // Newest first in the default list: dora, cleo, bea, abe.
  await ingest('abe', 4);
  await ingest('bea', 3);
  await ingest('cleo', 2);
  await ingest('dora', 1);
});
afterAll(() => t.close());

describe('triage controls', () => {
  it('offers each control as its own form and the snooze presets in a menu, with no shared Save', async () => {
    const page = await pages().get(`/inbox/c/${(await byAuthor('abe')).id}`, agent);
    for (const control of ['assignee', 'status', 'priority', 'tags', 'snooze', 'snooze-until'])
      expect(page.html).toContain(`data-triage="${control}"`);
    expect(page.html).not.toContain('data-testid="triage-form"');
    expect(page.html).toMatch(/<details class="snooze-menu"/);
    for (const preset of ['1h', 'tomorrow', 'monday']) expect(page.html).toContain(`value="${preset}"`);
  });

  it('changes one field per control and stays on the conversation', async () => {
    const abe = await byAuthor('abe');
    const res = await update(agent, 'abe', { priority: 'urgent' });
    expect(res.location).toBe(`/inbox/c/${abe.id}?ok=updated`);
    expect(await byAuthor('abe')).toMatchObject({ priority: 'urgent', status: 'open', assigneeId: null, tags: [] });
    await update(agent, 'abe', { tags: 'vip, billing' });
    expect(await byAuthor('abe')).toMatchObject({ priority: 'urgent', tags: ['vip', 'billing'] });
  });

  it('answers the script in JSON: saved and staying, or the problem in words', async () => {
    expect(await updateAsScript(agent, 'abe', { priority: 'high' })).toEqual({
      status: 200,
      json: expect.objectContaining({ saved: true, left: false, next: null }),
    });
    const past = await updateAsScript(agent, 'abe', {
      status: 'snoozed',
      snoozeFor: 'until',
      snoozeUntil: '2020-01-01T09:00',
    });
    expect(past.status).toBe(422);
    expect(past.json.error.message).toMatch(/future/i);
    expect((await byAuthor('abe')).status).toBe('open');
  });
});

describe('after closing, snoozing or assigning away', () => {
  it('opens the next conversation of the list the person came from', async () => {
    const [cleo, bea] = [await byAuthor('cleo'), await byAuthor('bea')];
    // Opened from the list: its filters ride along in the page's forms.
    const page = await t.app.request(`/inbox/c/${cleo.id}`, {
      headers: { cookie: agent.cookie, referer: 'http://localhost/inbox?sort=newest&ok=bulk&evil=1' },
    });
    expect(await page.text()).toContain('name="list" value="sort=newest"');
    const closed = await update(agent, 'cleo', { status: 'closed', list: 'sort=newest' });
    expect(closed.location).toBe(`/inbox/c/${bea.id}?list=sort%3Dnewest&ok=next`);
    expect((await byAuthor('cleo')).status).toBe('closed');
    const next = await pages().get(closed.location!, agent);
    expect(next.html).toContain('Here is the next conversation of your list.');
  });

  it('tells the script where the next one is, and does so for a snooze and for assigning away', async () => {
    const [bea, abe] = [await byAuthor('bea'), await byAuthor('abe')];
    const snoozed = await updateAsScript(agent, 'dora', { status: 'snoozed', snoozeFor: '1h' });
    // Dora was first: bea is next now that cleo is closed.
    expect(snoozed.json).toMatchObject({
      saved: true,
      left: true,
      next: bea.id,
      location: `/inbox/c/${bea.id}?ok=next`,
    });
    const hour = (await byAuthor('dora')).snoozedUntil!;
    // Snoozed again from the menu: a new time (next Monday is more than an hour on), and on to the next one.
    const again = await updateAsScript(agent, 'dora', { status: 'snoozed', snoozeFor: 'monday' });
    expect(again.json.left).toBe(true);
    expect((await byAuthor('dora')).snoozedUntil!.getTime()).toBeGreaterThan(hour.getTime());

    const away = await updateAsScript(agent, 'bea', { assigneeId: await ownerId() });
    expect(away.json).toMatchObject({ left: true, next: abe.id });
    // Taking it oneself keeps one on it.
    expect((await updateAsScript(agent, 'abe', { assigneeId: agentId })).json.left).toBe(false);
  });

  it('goes back to the list instead when the person chose so on their profile', async () => {
    await t.db.update(staffAccounts).set({ afterTriage: 'list' }).where(eq(staffAccounts.email, 'ana@triage.test'));
    const listFirst = await t.browserSession('ana@triage.test');
    const res = await update(listFirst, 'abe', { status: 'closed', list: 'view=mine&sort=waiting' });
    expect(res.location).toBe('/inbox?view=mine&sort=waiting&ok=updated');
  });
});

describe('the history, told to its reader', () => {
  it('says "You" to the one who did it and names them to everyone else', async () => {
    await ingest('eve', 5);
    await update(agent, 'eve', { assigneeId: agentId });
    const eve = await byAuthor('eve');
    expect((await pages().get(`/inbox/c/${eve.id}`, agent)).html).toContain('You assigned it to yourself');
    expect((await pages().get(`/inbox/c/${eve.id}`, owner)).html).toContain('Ana assigned it to themselves');
    await update(owner, 'eve', { assigneeId: 'none' });
    await update(owner, 'eve', { assigneeId: agentId });
    expect((await pages().get(`/inbox/c/${eve.id}`, agent)).html).toContain('Triage Inbox Owner assigned it to you');
    expect((await pages().get(`/inbox/c/${eve.id}`, owner)).html).toContain('You assigned it to Ana');
    // In German too, through the catalogue.
    await t.db.update(staffAccounts).set({ language: 'de' }).where(eq(staffAccounts.email, 'ana@triage.test'));
    const german = await pages().get(`/inbox/c/${eve.id}`, await t.browserSession('ana@triage.test'));
    expect(german.html).toContain('Sie haben sich die Unterhaltung selbst zugewiesen');
    expect(german.html).toContain('Triage Inbox Owner hat Ihnen die Unterhaltung zugewiesen');
    await t.db.update(staffAccounts).set({ language: 'en' }).where(eq(staffAccounts.email, 'ana@triage.test'));
  });
});

describe('the composer', () => {
  it('names the connected account a reply goes out as', async () => {
    await t.db.insert(sources).values({
      workspaceId: ws.workspace.id,
      platform: 'x',
      name: 'Acme on X',
      config: { accountHandle: '@acme' },
      paused: true,
    });
    await ingest('finn', 1);
    const page = await pages().get(`/inbox/c/${(await byAuthor('finn')).id}`, agent);
    expect(page.html).toContain('Reply on X as @acme to @finn');
  });
});

async function ownerId() {
  return (await t.db.select().from(users).where(eq(users.email, 'owner@triageinbox.test')))[0]!.id;
}
