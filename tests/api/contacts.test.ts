import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/accounts/schema';
import type { SocialAuthor, SocialPost } from '../../src/core/social-post';
import { socialAuthor, socialPost } from '../helpers/posts';
import { recountContacts } from '../../src/contacts/activity';
import { contacts, identities } from '../../src/contacts/schema';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import type { Platform } from '../../src/core/platforms';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let n = 0;
const START = Date.now() - 14 * 86_400_000;

// Each post a minute after the one before, all within the last two weeks.
const post = (text: string, a: Partial<SocialAuthor>, extra: Partial<SocialPost> = {}): SocialPost =>
  socialPost({
    externalId: `p-${++n}`,
    text,
    createdAt: new Date(START + n * 60_000),
    author: socialAuthor(a),
    ...extra,
  });
const ingest = (platform: Platform, posts: SocialPost[]) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform, topics: [] }, posts);
const contactOfIdentity = async (platform: Platform, externalId: string) => {
  const [i] = await t.db
    .select()
    .from(identities)
    .where(
      and(
        eq(identities.workspaceId, ws.workspace.id),
        eq(identities.platform, platform),
        eq(identities.externalId, externalId),
      ),
    );
  return i!.contactId;
};

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Contacts');
});
afterAll(() => t.close());

describe('linking authors at ingest', () => {
  it('suggests (doesn’t link) one person on X and Mastodon with one email in both bios, for that email', async () => {
    await ingest('x', [
      post('loving the new acme app', {
        externalId: 'x-ana',
        handle: 'ana_x',
        name: 'Ana Silva',
        bio: 'PM. Write me: Ana.Silva@example.com',
        followers: 1200,
      }),
    ]);
    await ingest('mastodon', [
      post('acme support was quick today', {
        externalId: 'm-ana',
        handle: 'anas',
        name: 'Ana S.',
        bio: 'ana.silva@example.com · she/her',
        url: 'https://social.example/@anas',
      }),
    ]);
    const xContact = await contactOfIdentity('x', 'x-ana');
    const mContact = await contactOfIdentity('mastodon', 'm-ana');
    // Anyone can write anyone's email in a bio: staff confirm the pair (merge) instead.
    expect(mContact).not.toBe(xContact);
    const dups = await t.request('GET', '/api/v1/contacts/duplicates', { token: ws.token });
    const pair = dups.json.items.find(
      (s: { contacts: { id: string }[] }) =>
        s.contacts.some((c) => c.id === xContact) && s.contacts.some((c) => c.id === mContact),
    );
    expect(pair.reasons.map((r: { code: string }) => r.code)).toContain('same_email');
    const res = await t.request('GET', `/api/v1/contacts/${xContact}`, { token: ws.token });
    expect(res.status).toBe(200);
    expect(res.json.identities.map((i: { platform: string }) => i.platform)).toEqual(['x']);
    expect(res.json.emails).toEqual([]);
    expect(res.json.firstTouchChannel).toBe('x');
  });

  it('links the same website domain plus the same name, and nothing weaker', async () => {
    await ingest('x', [
      post('hello acme', { externalId: 'x-bo', handle: 'bo_builds', name: 'Bo Lind', url: 'https://bolind.dev/about' }),
    ]);
    await ingest('bluesky', [
      post('acme rocks', {
        externalId: 'did:bo',
        handle: 'bolind.dev',
        name: 'Bo Lind',
        bio: 'making things https://www.bolind.dev',
      }),
    ]);
    await ingest('reddit', [
      post('acme meh', {
        externalId: 't2_bo',
        handle: 'bo_lind_other',
        name: 'Bo Lindqvist',
        url: 'https://bolind.dev',
      }),
    ]);
    const a = await contactOfIdentity('x', 'x-bo');
    expect(await contactOfIdentity('bluesky', 'did:bo')).toBe(a);
    expect(await contactOfIdentity('reddit', 't2_bo')).not.toBe(a);
  });

  it('keeps a handle on two platforms as two contacts, suggested as duplicates; merge joins, undo splits', async () => {
    await ingest('x', [post('is acme down for anyone?', { externalId: 'x-zed', handle: 'zedwrites', name: 'Zed' })]);
    await ingest('mastodon', [
      post('acme billing is a mess', { externalId: 'm-zed', handle: 'ZedWrites', name: 'zed' }),
    ]);
    const xz = await contactOfIdentity('x', 'x-zed');
    const mz = await contactOfIdentity('mastodon', 'm-zed');
    expect(xz).not.toBe(mz);

    const dups = await t.request('GET', '/api/v1/contacts/duplicates', { token: ws.token });
    const suggestion = dups.json.items.find(
      (s: { contacts: { id: string }[] }) => s.contacts.some((c) => c.id === xz) && s.contacts.some((c) => c.id === mz),
    );
    expect(suggestion).toBeDefined();
    expect(suggestion.reasons.map((r: { code: string }) => r.code)).toContain('same_handle');
    expect(dups.json.items.filter((s: { id: string }) => s.id === suggestion.id)).toHaveLength(1);

    const merged = await t.request('POST', '/api/v1/contacts/merge', {
      token: ws.token,
      body: { into: xz, from: [mz] },
    });
    expect(merged.status).toBe(200);
    const conversationContacts = async () =>
      (
        await t.db
          .select({ contactId: conversations.contactId })
          .from(conversations)
          .where(eq(conversations.authorHandle, 'ZedWrites'))
      ).map((c) => c.contactId);
    // The inbox's author card follows the merge.
    expect(await conversationContacts()).toEqual([xz]);
    expect(merged.json.contact.identities).toHaveLength(2);
    const timeline = await t.request('GET', `/api/v1/contacts/${xz}/timeline`, { token: ws.token });
    expect(timeline.json.items.map((i: { platform: string }) => i.platform).sort()).toEqual(['mastodon', 'x']);
    expect((await t.request('GET', `/api/v1/contacts/${mz}`, { token: ws.token })).json.mergedIntoId).toBe(xz);
    const listed = await t.request('GET', '/api/v1/contacts?q=zed', { token: ws.token });
    expect(listed.json.items.map((c: { id: string }) => c.id)).toEqual([xz]);
    expect(
      (await t.request('GET', '/api/v1/contacts/duplicates', { token: ws.token })).json.items.some(
        (s: { id: string }) => s.id === suggestion.id,
      ),
    ).toBe(false);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.workspaceId, ws.workspace.id),
          eq(auditLog.action, 'contact.merged'),
          eq(auditLog.targetId, xz),
        ),
      );
    expect(audit?.details).toMatchObject({ mergeId: merged.json.mergeId });

    const undone = await t.request('POST', `/api/v1/contacts/merges/${merged.json.mergeId}/undo`, { token: ws.token });
    expect(undone.status).toBe(200);
    expect(await contactOfIdentity('mastodon', 'm-zed')).toBe(mz);
    const xTimeline = await t.request('GET', `/api/v1/contacts/${xz}/timeline`, { token: ws.token });
    const mTimeline = await t.request('GET', `/api/v1/contacts/${mz}/timeline`, { token: ws.token });
    expect(xTimeline.json.items.map((i: { platform: string }) => i.platform)).toEqual(['x']);
    expect(mTimeline.json.items.map((i: { platform: string }) => i.platform)).toEqual(['mastodon']);
    expect((await t.request('GET', `/api/v1/contacts/${mz}`, { token: ws.token })).json.mergedIntoId).toBeNull();
    expect(await conversationContacts()).toEqual([mz]);
    expect(
      (await t.request('GET', '/api/v1/contacts/duplicates', { token: ws.token })).json.items.some(
        (s: { id: string }) => s.id === suggestion.id,
      ),
    ).toBe(true);
    expect(
      (await t.request('POST', `/api/v1/contacts/merges/${merged.json.mergeId}/undo`, { token: ws.token })).status,
    ).toBe(409);
  });

  it('sends later posts of a known identity to its contact, and keeps the latest profile', async () => {
    await ingest('x', [post('first', { externalId: 'x-kim', handle: 'kim', name: 'Kim', followers: 10 })]);
    const kim = await contactOfIdentity('x', 'x-kim');
    await ingest('x', [
      post('second', { externalId: 'x-kim', handle: 'kim_new', name: 'Kim P', followers: 20_000, bio: 'now verified' }),
    ]);
    expect(await contactOfIdentity('x', 'x-kim')).toBe(kim);
    const c = await t.request('GET', `/api/v1/contacts/${kim}`, { token: ws.token });
    expect(c.json.identities[0]).toMatchObject({
      handle: 'kim_new',
      displayName: 'Kim P',
      followers: 20_000,
      bio: 'now verified',
    });
    expect(c.json.followers).toBe(20_000);
    expect(c.json.mentionCount).toBe(2);
  });

  it('records a sighting a minute apart, and leaves a profile seen unchanged within the minute alone', async () => {
    const at = (ms: number) => ({ ...t.deps, clock: () => new Date(ms) });
    const target = { workspaceId: ws.workspace.id, sourceId: null, platform: 'x' as const, topics: [] };
    const author = { externalId: 'x-seen', handle: 'seen', name: 'Seen Often' };
    const seenAt = async () => {
      const [i] = await t.db.select().from(identities).where(eq(identities.externalId, 'x-seen'));
      return i!.lastSeenAt.getTime();
    };
    const t0 = Date.now() - 3_600_000;
    await ingestPosts(at(t0), target, [post('one', author)]);
    await ingestPosts(at(t0 + 30_000), target, [post('two', author)]);
    expect(await seenAt()).toBe(t0);
    await ingestPosts(at(t0 + 40_000), target, [post('three', { ...author, name: 'Seen Renamed' })]);
    expect(await seenAt()).toBe(t0 + 40_000);
    await ingestPosts(at(t0 + 130_000), target, [post('four', { ...author, name: 'Seen Renamed' })]);
    expect(await seenAt()).toBe(t0 + 130_000);
  });

  it('keeps running totals equal to a recount from the mentions, whatever order the pages come in', async () => {
    const a = { externalId: 'x-tally', handle: 'tally', name: 'Tally' };
    const late = (text: string, daysAgo: number, likes: number) =>
      post(text, a, { createdAt: new Date(Date.now() - daysAgo * 86_400_000), metrics: { likes } });
    await ingest('x', [late('acme is great, love it', 3, 4), late('how much is acme pro? want to buy', 5, 1)]);
    await ingest('x', [late('acme broke again, awful', 9, 0), late('acme is fine', 1, 7)]);
    const id = await contactOfIdentity('x', 'x-tally');
    const row = async () => (await t.db.select().from(contacts).where(eq(contacts.id, id)))[0]!;
    const running = await row();
    expect(running.mentionCount).toBe(4);
    expect(running.engagement).toBe(12);
    await recountContacts(t.db, ws.workspace.id, [id], new Date());
    const recounted = await row();
    const fields = [
      'mentionCount',
      'engagement',
      'sentimentCount',
      'purchaseIntents',
      'questions',
      'firstTouchAt',
      'firstTouchChannel',
      'lastActivityAt',
      'followers',
      'score',
      'scoreReasons',
    ] as const;
    for (const field of fields) expect(running[field], field).toEqual(recounted[field]);
    expect(running.sentiment).toBeCloseTo(recounted.sentiment!, 5);
    expect(running.sentimentSum).toBeCloseTo(recounted.sentimentSum, 5);
    expect(running.purchaseIntents).toBe(1);
    expect(running.firstTouchAt!.getTime()).toBeLessThan(Date.now() - 8 * 86_400_000);
  });

  it('puts the contact id on every mention the API lists', async () => {
    const res = await t.request('GET', '/api/v1/mentions?limit=100', { token: ws.token });
    expect(res.json.items.length).toBeGreaterThan(5);
    for (const m of res.json.items) expect(m.author.contactId).toEqual(expect.any(String));
  });
});

describe('score, merge choices and segments', () => {
  it('explains the score, and purchase intent and questions raise it', async () => {
    await ingest('x', [post('nice weather', { externalId: 'x-quiet', name: 'Quiet Person' })]);
    await ingest('x', [
      post('thinking of buying the acme pro, how much is it?', {
        externalId: 'x-buyer',
        name: 'Keen Buyer',
        followers: 5000,
      }),
    ]);
    const quiet = (
      await t.request('GET', `/api/v1/contacts/${await contactOfIdentity('x', 'x-quiet')}`, { token: ws.token })
    ).json;
    const buyer = (
      await t.request('GET', `/api/v1/contacts/${await contactOfIdentity('x', 'x-buyer')}`, { token: ws.token })
    ).json;
    expect(buyer.score).toBeGreaterThan(quiet.score);
    const reasons = buyer.scoreReasons.map((r: { reason: string }) => r.reason).join(' | ');
    expect(reasons).toMatch(/Purchase intent/);
    expect(reasons).toMatch(/Questions asked/);
    expect(reasons).toMatch(/Reach: 5,000 followers/);
  });

  it('moves the contact mean sentiment when staff correct a mention', async () => {
    await ingest('x', [post('acme is great', { externalId: 'x-fix', name: 'Fix Me' })]);
    const id = await contactOfIdentity('x', 'x-fix');
    const before = (await t.request('GET', `/api/v1/contacts/${id}`, { token: ws.token })).json;
    expect(before.sentiment).toBeGreaterThan(0);
    const tl = await t.request('GET', `/api/v1/contacts/${id}/timeline`, { token: ws.token });
    await t.request('PATCH', `/api/v1/mentions/${tl.json.items[0].id}/sentiment`, {
      token: ws.token,
      body: { label: 'negative' },
    });
    const after = (await t.request('GET', `/api/v1/contacts/${id}`, { token: ws.token })).json;
    expect(after.sentiment).toBe(-1);
    expect(after.scoreReasons.map((r: { reason: string }) => r.reason).join(' ')).toMatch(/Sentiment: cold/);
  });

  it('keeps the chosen value per field when merging and joins the lists', async () => {
    const a = await t.request('POST', '/api/v1/contacts', {
      token: ws.token,
      body: {
        name: 'Dana Ruiz',
        emails: ['DANA@work.example'],
        company: 'Acme',
        tags: ['vip'],
        customFields: { plan: 'pro', region: 'eu' },
      },
    });
    const b = await t.request('POST', '/api/v1/contacts', {
      token: ws.token,
      body: {
        name: 'Dana R.',
        emails: ['dana@home.example'],
        company: 'Globex',
        title: 'CTO',
        tags: ['beta'],
        customFields: { plan: 'free' },
      },
    });
    expect(a.json.emails).toEqual(['dana@work.example']);
    const m = await t.request('POST', '/api/v1/contacts/merge', {
      token: ws.token,
      body: { into: a.json.id, from: [b.json.id], fields: { company: b.json.id }, customFields: { plan: b.json.id } },
    });
    expect(m.json.contact).toMatchObject({
      name: 'Dana Ruiz',
      company: 'Globex',
      title: 'CTO',
      customFields: { plan: 'free', region: 'eu' },
    });
    expect(m.json.contact.emails.sort()).toEqual(['dana@home.example', 'dana@work.example']);
    expect(m.json.contact.tags.sort()).toEqual(['beta', 'vip']);
    const again = await t.request('POST', '/api/v1/contacts/merge', {
      token: ws.token,
      body: { into: a.json.id, from: [b.json.id] },
    });
    expect(again.status).toBe(409);
    const undone = await t.request('POST', `/api/v1/contacts/merges/${m.json.mergeId}/undo`, { token: ws.token });
    expect(undone.json.contacts[0]).toMatchObject({
      company: 'Acme',
      title: null,
      customFields: { plan: 'pro', region: 'eu' },
      emails: ['dana@work.example'],
    });
  });

  it('rejects an unknown lifecycle stage and accepts one added to the list', async () => {
    const c = await t.request('POST', '/api/v1/contacts', { token: ws.token, body: { name: 'Stage Test' } });
    const bad = await t.request('PATCH', `/api/v1/contacts/${c.json.id}`, {
      token: ws.token,
      body: { lifecycleStage: 'champion' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/Unknown lifecycle stage: champion/);
    await t.request('PUT', '/api/v1/contacts/stages', {
      token: ws.token,
      body: { stages: ['subscriber', 'lead', 'customer', 'champion', 'detractor', 'other'] },
    });
    expect(
      (
        await t.request('PATCH', `/api/v1/contacts/${c.json.id}`, {
          token: ws.token,
          body: { lifecycleStage: 'champion' },
        })
      ).json.lifecycleStage,
    ).toBe('champion');
  });

  it('saves a segment (detractors with more than 10,000 followers active in 30 days) and lists by it', async () => {
    await ingest('x', [
      post('acme is the worst, cancelling', {
        externalId: 'x-loud',
        handle: 'loud',
        name: 'Loud Critic',
        followers: 50_000,
      }),
    ]);
    await ingest('x', [
      post('acme is awful', { externalId: 'x-small', handle: 'small', name: 'Small Critic', followers: 300 }),
    ]);
    const loud = await contactOfIdentity('x', 'x-loud');
    const small = await contactOfIdentity('x', 'x-small');
    for (const id of [loud, small])
      await t.request('PATCH', `/api/v1/contacts/${id}`, { token: ws.token, body: { lifecycleStage: 'detractor' } });
    const seg = await t.request('POST', '/api/v1/segments', {
      token: ws.token,
      body: { name: 'Loud detractors', filter: { stages: ['detractor'], minFollowers: 10_001, activeWithinDays: 30 } },
    });
    expect(seg.status).toBe(201);
    const listed = await t.request('GET', `/api/v1/contacts?segment=${seg.json.id}`, { token: ws.token });
    expect(listed.json.items.map((c: { id: string }) => c.id)).toEqual([loud]);
    expect(listed.json.total).toBe(1);
    expect(
      (await t.request('POST', '/api/v1/segments', { token: ws.token, body: { name: 'Loud detractors', filter: {} } }))
        .status,
    ).toBe(409);
    expect(
      (
        await t.request('POST', '/api/v1/segments', {
          token: ws.token,
          body: { name: 'Bad', filter: { minFollowers: 'lots' } },
        })
      ).status,
    ).toBe(422);
  });

  it('finds similar contacts on demand by name, email or handle', async () => {
    const a = await t.request('POST', '/api/v1/contacts', { token: ws.token, body: { name: 'Jonathan Appleseed' } });
    await t.request('POST', '/api/v1/contacts', { token: ws.token, body: { name: 'Jonathon Appleseed' } });
    const res = await t.request('GET', `/api/v1/contacts/${a.json.id}/similar`, { token: ws.token });
    expect(res.json.items[0].contact.name).toBe('Jonathon Appleseed');
    expect(res.json.items[0].reasons[0].code).toBe('similar_name');
  });

  it('adds notes to the timeline, newest first', async () => {
    const c = await t.request('POST', '/api/v1/contacts', { token: ws.token, body: { name: 'Noted' } });
    await t.request('POST', `/api/v1/contacts/${c.json.id}/notes`, {
      token: ws.token,
      body: { body: 'called, <b>happy</b>' },
    });
    const tl = await t.request('GET', `/api/v1/contacts/${c.json.id}/timeline`, { token: ws.token });
    expect(tl.json.items).toEqual([expect.objectContaining({ kind: 'note', text: 'called, <b>happy</b>' })]);
    expect(
      (await t.request('POST', `/api/v1/contacts/${c.json.id}/notes`, { token: ws.token, body: { body: '  ' } }))
        .status,
    ).toBe(422);
  });

  it('lets analysts read contacts but not change them', async () => {
    const analyst = await t.seedUser(ws.workspace.id, 'analyst', 'analyst@contacts.test');
    expect((await t.request('GET', '/api/v1/contacts', { token: analyst.token })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/contacts', { token: analyst.token, body: { name: 'x' } })).status).toBe(
      403,
    );
    const [any] = await t.db.select().from(contacts).where(eq(contacts.workspaceId, ws.workspace.id)).limit(1);
    expect(
      (
        await t.request('POST', '/api/v1/contacts/merge', {
          token: analyst.token,
          body: { into: any!.id, from: [any!.id] },
        })
      ).status,
    ).toBe(403);
  });
});
