import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { inboxSweepJob } from '../../src/jobs/inbox-sweep.job';
import { formClient, type Session } from '../helpers/forms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Times typed into the inbox are the viewer's wall clock: a Berlin agent's 09:00 is 08:00 UTC in winter, a
 * New York agent's is 14:00 UTC. The clock is injected: "tomorrow" is the viewer's tomorrow at that instant.
 */

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let now = new Date('2026-12-07T22:30:00Z'); // 23:30 in Berlin, 17:30 in New York
let berlin: Session;
let newYork: Session;
let utc: Session;
const pages = () => formClient(t);

const ingest = (handle: string, createdAt: string) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    socialPost({
      externalId: `tz-${handle}`,
      text: `acme question from ${handle}?`,
      createdAt: new Date(createdAt),
      author: socialAuthor({ externalId: `u-${handle}`, handle }),
    }),
  ]);
const byAuthor = async (handle: string) =>
  (await t.db.select().from(conversations).where(eq(conversations.authorHandle, handle)))[0]!;
const triage = async (who: Session, handle: string, fields: Record<string, string>) => {
  const res = await pages().send(`/inbox/c/${(await byAuthor(handle)).id}/update`, fields, who);
  expect(res.status, res.html.slice(0, 300)).toBe(303);
  return byAuthor(handle);
};
const rowIds = (html: string) =>
  [...html.matchAll(/data-testid="conversation-row" data-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!);

async function staff(email: string, profile: { language?: string; timeZone?: string }) {
  const { token } = await t.seedUser(ws.workspace.id, 'agent', email);
  if (profile.language || profile.timeZone) {
    const set = await t.request('PATCH', '/api/v1/me', { token, body: profile });
    expect(set.status).toBe(200);
  }
  return t.browserSession(email);
}

beforeAll(async () => {
  t = await createTestContext({ clock: () => new Date(now) });
  ws = await t.seedWorkspace('Zones');
  berlin = await staff('berta@zones.test', { language: 'de', timeZone: 'Europe/Berlin' });
  newYork = await staff('nick@zones.test', { timeZone: 'America/New_York' });
  utc = await staff('uma@zones.test', {});
  for (const handle of ['typed', 'tomorrow', 'nyc']) await ingest(handle, '2026-12-05T12:00:00Z');
});
afterAll(() => t.close());

describe('snoozing on the viewer’s clock', () => {
  it('reads a Berlin agent’s 09:00 as 08:00 UTC and shows 09:00 back, labelled with the zone', async () => {
    const snoozed = await triage(berlin, 'typed', {
      status: 'snoozed',
      snoozeFor: 'until',
      snoozeUntil: '2026-12-08T09:00',
    });
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.snoozedUntil?.toISOString()).toBe('2026-12-08T08:00:00.000Z');

    const page = await pages().get(`/inbox/c/${snoozed.id}`, berlin);
    expect(page.html).toContain('Anderer Zeitpunkt (Europe/Berlin)');
    expect(page.html).toMatch(/<input type="datetime-local" name="snoozeUntil" value="2026-12-08T09:00"/);
    // The API speaks UTC with an offset, as before.
    const api = await t.request('GET', `/api/v1/conversations/${snoozed.id}`, { token: ws.token });
    expect(api.json.conversation.snoozedUntil).toBe('2026-12-08T08:00:00.000Z');
  });

  it('offers „morgen 09:00“ at 23:30 in Berlin and snoozes until 08:00 UTC the next day', async () => {
    const conv = await byAuthor('tomorrow');
    const page = await pages().get(`/inbox/c/${conv.id}`, berlin);
    // The snooze menu's presets, each a button naming the time on the viewer's clock.
    expect(page.html).toMatch(/name="snoozeFor" value="tomorrow"[^>]*>Morgen, 09:00 Uhr<\/button>/);
    expect(page.html).toMatch(/name="snoozeFor" value="monday"[^>]*>Nächsten Montag, 09:00 Uhr<\/button>/);

    const snoozed = await triage(berlin, 'tomorrow', { status: 'snoozed', snoozeFor: 'tomorrow' });
    expect(snoozed.snoozedUntil?.toISOString()).toBe('2026-12-08T08:00:00.000Z');
  });

  it('reads a New York agent’s 09:00 as 14:00 UTC', async () => {
    const snoozed = await triage(newYork, 'nyc', {
      status: 'snoozed',
      snoozeFor: 'until',
      snoozeUntil: '2026-12-08T09:00',
    });
    expect(snoozed.snoozedUntil?.toISOString()).toBe('2026-12-08T14:00:00.000Z');
    const page = await pages().get(`/inbox/c/${snoozed.id}`, newYork);
    expect(page.html).toContain('Another time (America/New_York)');
    expect(page.html).toContain('value="2026-12-08T09:00"');
    // The same instant is 15:00 on a Berlin agent's field.
    expect((await pages().get(`/inbox/c/${snoozed.id}`, berlin)).html).toContain('value="2026-12-08T15:00"');
  });

  it('is woken by the sweep at 09:00 Berlin time and not a second before', async () => {
    now = new Date('2026-12-08T07:59:59Z');
    await inboxSweepJob.run(t.deps);
    expect((await byAuthor('tomorrow')).status).toBe('snoozed');
    expect((await byAuthor('typed')).status).toBe('snoozed');

    now = new Date('2026-12-08T08:00:00Z');
    await inboxSweepJob.run(t.deps);
    expect(await byAuthor('tomorrow')).toMatchObject({ status: 'open', snoozedUntil: null });
    expect((await byAuthor('typed')).status).toBe('open');
    // New York's 09:00 is five hours on.
    expect((await byAuthor('nyc')).status).toBe('snoozed');
  });
});

describe('the inbox’s date filter', () => {
  beforeAll(async () => {
    await ingest('late-sunday', '2026-12-06T22:30:00Z'); // Sunday 23:30 in Berlin
    await ingest('early-monday', '2026-12-06T23:30:00Z'); // Monday 00:30 in Berlin, Sunday in UTC
    await ingest('monday-evening', '2026-12-07T20:00:00Z'); // Monday 21:00 in Berlin
    await ingest('ny-night', '2026-12-08T03:00:00Z'); // Monday 22:00 in New York
  });

  it('covers the viewer’s day, from their midnight to the end of it', async () => {
    const ids = async (who: Session) => {
      const page = await pages().get('/inbox?status=any&from=2026-12-07&to=2026-12-07', who);
      expect(page.html).toContain('<input type="date" name="from" value="2026-12-07"');
      const shown = rowIds(page.html);
      const handles = [];
      for (const handle of ['late-sunday', 'early-monday', 'monday-evening', 'ny-night'])
        if (shown.includes((await byAuthor(handle)).id)) handles.push(handle);
      return handles;
    };
    expect(await ids(berlin)).toEqual(['early-monday', 'monday-evening']);
    expect(await ids(utc)).toEqual(['monday-evening']);
    expect(await ids(newYork)).toEqual(['monday-evening', 'ny-night']);
  });

  it('shows an instant a link names as the viewer’s day', async () => {
    const page = await pages().get(`/inbox?from=${encodeURIComponent('2026-12-06T23:30:00Z')}`, berlin);
    expect(page.html).toContain('<input type="date" name="from" value="2026-12-07"');
  });
});
