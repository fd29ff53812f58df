import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, createIdea, getIdea, type PostContext, setVote } from '../../src/community/ideas.service';
import { communityBySlug, signUp, verifyEmail } from '../../src/community/members.service';
import { saveReview } from '../../src/community/reviews.service';
import { communitySettings, ideas, members, memberNotifications } from '../../src/community/schema';
import { conversations } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { mentions } from '../../src/mentions/schema';
import { reanalyzeMentions } from '../../src/reanalysis/reanalyze';
import type { MemberInfo } from '../../src/http/env';
import { createTopic } from '../../src/topics/topics.service';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, recordingMailer, TEST_PASSWORD_PARAMS, type TestContext } from '../helpers/test-app';

let t: TestContext;
const mailer = recordingMailer();
const START = new Date('2026-06-01T10:00:00Z');
/** The app's clock: each board starts it at START; a test that needs time to pass moves it on. */
const clock = { now: START };
let boards = 0;

const idea = async (id: string) => (await t.db.select().from(ideas).where(eq(ideas.id, id)))[0]!;
const DARK_MODE = { title: 'Dark mode please', body: 'My eyes hurt at night, I would love a dark theme' };

/**
 * A board of one test's own: a workspace with a product and two confirmed members, Mia and Leo, who
 * joined at START. No test sees another's ideas, votes, suggestions, settings or mail.
 */
async function ideaBoard() {
  clock.now = START;
  const n = ++boards;
  const ws = await t.seedWorkspace(`Idea Co ${n}`);
  const productId = (await createTopic(t.db, ws.actor, { name: 'Acme App', kind: 'product', query: 'acme' })).id;
  const community = () => communityBySlug(t.db, ws.workspace.slug);

  async function member(name: string): Promise<MemberInfo> {
    const email = `${name.toLowerCase()}@ideas${n}.test`;
    const deps = { db: t.db, mailer, logger: t.deps.logger, passwordParams: TEST_PASSWORD_PARAMS };
    await signUp(
      deps,
      await community(),
      { email, password: 'long-enough-pass', displayName: name },
      { ip: `ip-${email}`, baseUrl: 'http://board.test', now: clock.now },
    );
    const token = /token=([\w-]+)/.exec(mailer.sent.filter((m) => m.to === email).at(-1)!.text)![1]!;
    const m = await verifyEmail(deps, await community(), token, clock.now);
    return {
      id: m.id,
      workspaceId: m.workspaceId,
      email: m.email,
      displayName: m.displayName,
      verified: true,
      csrfToken: 'x',
    };
  }
  const ctx = async (m: MemberInfo): Promise<PostContext> => ({
    deps: t.deps,
    community: await community(),
    member: m,
    baseUrl: 'http://board.test',
    now: clock.now,
  });
  const mia = await member('Mia');
  const leo = await member('Leo');
  return { ws, productId, mia, leo, ctx };
}

beforeAll(async () => {
  t = await createTestContext({ mailer, clock: () => clock.now });
});
afterAll(() => t.close());

describe('ideas on the board', () => {
  it('posts an idea with its author’s vote, analysed, linked to their contact, no conversation', async () => {
    const { mia, ctx } = await ideaBoard();
    const created = await createIdea(await ctx(mia), DARK_MODE);
    expect(created).toMatchObject({ visibility: 'visible', voteCount: 1, mentionId: expect.any(String) });
    const [m] = await t.db.select().from(mentions).where(eq(mentions.id, created.mentionId!));
    const [mm] = await t.db.select().from(members).where(eq(members.id, mia.id));
    expect(m).toMatchObject({ platform: 'community', externalId: `idea:${created.id}`, contactId: mm!.contactId });
    expect(m!.conversationId).toBeNull();
  });

  it('counts one vote per member, and takes it back', async () => {
    const { ws, mia, leo, ctx } = await ideaBoard();
    const i = await createIdea(await ctx(mia), DARK_MODE);
    const c = await ctx(leo);
    expect((await setVote(t.db, c.community, leo, i.id, true, clock.now)).voteCount).toBe(2);
    expect((await setVote(t.db, c.community, leo, i.id, true, clock.now)).voteCount).toBe(2);
    expect((await setVote(t.db, c.community, leo, i.id, false, clock.now)).voteCount).toBe(1);
    expect((await getIdea(t.db, ws.workspace.id, i.id, { memberId: mia.id })).voted).toBe(true);
  });

  it('merges a duplicate into an older idea: votes and comments move, a vote for both counts once', async () => {
    const { ws, mia, leo, ctx } = await ideaBoard();
    const older = await createIdea(await ctx(leo), { title: 'Night theme', body: 'A darker look for the evening' });
    await setVote(t.db, (await ctx(mia)).community, mia, older.id, true, clock.now);
    const dup = await createIdea(await ctx(mia), { title: 'Dark colours option', body: 'please' });
    await setVote(t.db, (await ctx(leo)).community, leo, dup.id, true, clock.now);
    await addComment(await ctx(leo), dup.id, 'Yes, +1 from me');
    expect((await idea(older.id)).voteCount).toBe(2);
    expect((await idea(dup.id)).voteCount).toBe(2);

    const res = await t.request('POST', `/api/v1/ideas/${dup.id}/merge`, { token: ws.token, body: { into: older.id } });
    expect(res.status).toBe(200);
    // Mia and Leo voted for both: the older idea still has 2, not 4.
    expect(res.json).toMatchObject({ id: older.id, voteCount: 2, commentCount: 1 });
    expect(await idea(dup.id)).toMatchObject({ mergedIntoId: older.id, voteCount: 0 });
    const detail = await getIdea(t.db, ws.workspace.id, older.id);
    expect(detail.merged.map((m) => m.id)).toEqual([dup.id]);
    expect(detail.comments.map((c) => c.body)).toEqual(['Yes, +1 from me']);
    expect(
      (await t.request('POST', `/api/v1/ideas/${older.id}/merge`, { token: ws.token, body: { into: older.id } }))
        .status,
    ).toBe(422);
    // A vote for the merged idea lands on the one it went into.
    expect((await setVote(t.db, (await ctx(mia)).community, mia, dup.id, true, clock.now)).id).toBe(older.id);
  });

  it('tells voters when staff change the status, with the public note', async () => {
    const { ws, mia, leo, ctx } = await ideaBoard();
    // Leo's idea, with his own vote and Mia's.
    const i = await createIdea(await ctx(leo), { title: 'Night theme', body: 'A darker look for the evening' });
    await setVote(t.db, (await ctx(mia)).community, mia, i.id, true, clock.now);
    const res = await t.request('PATCH', `/api/v1/ideas/${i.id}`, {
      token: ws.token,
      body: { status: 'planned', statusNote: 'Coming in the spring release' },
    });
    expect(res.json).toMatchObject({ status: 'planned', statusNote: 'Coming in the spring release' });
    const told = await t.db.select().from(memberNotifications).where(eq(memberNotifications.ideaId, i.id));
    expect(told.map((n) => n.memberId).sort()).toEqual([mia.id, leo.id].sort());
    // Kept as what changed; the board words it when it is read (tests/community/mail-languages.test.ts).
    expect(told[0]).toMatchObject({ status: 'planned', note: 'Coming in the spring release', text: null });
    // SMTP is set (the recording mailer): each voter gets an email too, from the mail outbox after commit.
    await t.deps.events.idle();
    expect(
      mailer.sent
        .filter((m) => m.subject.includes('is now Planned') && [mia.email, leo.email].includes(m.to))
        .map((m) => m.to)
        .sort(),
    ).toEqual([leo.email, mia.email].sort());
  });

  it('holds posts for approval when asked, and links from day-old accounts, until restored', async () => {
    const { ws, mia, leo, ctx } = await ideaBoard();
    const spam = await createIdea(await ctx(mia), { title: 'Great deals', body: 'visit https://spam.example now' });
    expect(spam).toMatchObject({ visibility: 'held', flags: ['links', 'new_account'] });
    await t.db.insert(communitySettings).values({ workspaceId: ws.workspace.id, requireApproval: true });
    clock.now = new Date(clock.now.getTime() + 60_000);
    const held = await createIdea(await ctx(leo), { title: 'Export to CSV', body: 'for my accountant' });
    expect(held.visibility).toBe('held');
    const queue = await t.request('GET', '/api/v1/community/moderation', { token: ws.token });
    expect(queue.json.items.map((x: { id: string }) => x.id)).toEqual([spam.id, held.id]);
    expect(
      (
        await t.request('POST', `/api/v1/community/moderation/idea/${held.id}`, {
          token: ws.token,
          body: { action: 'restore', reason: 'fine' },
        })
      ).status,
    ).toBe(204);
    expect((await idea(held.id)).visibility).toBe('visible');
  });
});

describe('harvesting ideas from mentions', () => {
  it('suggests a feature-request mention as an idea; linking adds evidence and a supporter', async () => {
    const { ws, mia, ctx } = await ideaBoard();
    // Mia's idea, with her vote: her contact is the first supporter.
    const target = await createIdea(await ctx(mia), DARK_MODE);
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: 'fr-1',
        text: 'acme please add dark mode',
        createdAt: clock.now,
        author: socialAuthor({ externalId: 'u-fr', handle: 'nightowl', name: 'Night Owl', followers: 4200 }),
      }),
    ]);
    const suggested = await t.request('GET', '/api/v1/ideas/suggested', { token: ws.token });
    const s = suggested.json.items.find((x: { text: string }) => x.text === 'acme please add dark mode');
    expect(s).toMatchObject({ platform: 'x', authorHandle: 'nightowl' });
    expect(
      (await t.request('POST', `/api/v1/ideas/${target.id}/evidence`, { token: ws.token, body: { mentionId: s.id } }))
        .status,
    ).toBe(201);
    expect(
      (await t.request('GET', '/api/v1/ideas/suggested', { token: ws.token })).json.items.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(s.id);
    const detail = await t.request('GET', `/api/v1/ideas/${target.id}`, { token: ws.token });
    expect(detail.json.evidence.mentions.map((m: { id: string }) => m.id)).toEqual([s.id]);
    // Mia voted (her contact) and the X author asked for it: two supporters, reach from the X account.
    expect(detail.json.evidence).toMatchObject({ supporters: 2, reach: 4200 });
    expect(Object.values(detail.json.evidence.stages).reduce((a: number, b) => a + (b as number), 0)).toBe(2);
  });

  it('suggests confident feature requests only: a wish about oneself is no idea for the board', async () => {
    const { ws } = await ideaBoard();
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: 'fr-kitkat',
        text: 'I need a kit kat..',
        createdAt: clock.now,
        author: socialAuthor({ externalId: 'u-kk', handle: 'snacker' }),
      }),
      socialPost({
        externalId: 'fr-dark',
        text: 'Please add dark mode to the app',
        createdAt: clock.now,
        author: socialAuthor({ externalId: 'u-dm', handle: 'nightowl2' }),
      }),
    ]);
    const suggested = (await t.request('GET', '/api/v1/ideas/suggested', { token: ws.token })).json;
    expect(suggested.items.map((x: { text: string }) => x.text)).toEqual(['Please add dark mode to the app']);
    expect(suggested.total).toBe(1);
    // Why it is there, and what it is about: the queue page shows both.
    expect(suggested.items[0]).toMatchObject({
      reason: 'analyzer',
      keyTerms: expect.arrayContaining(['dark', 'mode']),
    });
    // A teammate who marks the other one a feature request puts it in the queue, and the queue says who did.
    const [kitkat] = await t.db
      .select({ id: mentions.id })
      .from(mentions)
      .where(and(eq(mentions.workspaceId, ws.workspace.id), eq(mentions.externalId, 'fr-kitkat')));
    const marked = await t.request('PATCH', `/api/v1/mentions/${kitkat!.id}/intents`, {
      token: ws.token,
      body: { intents: ['feature_request'] },
    });
    expect(marked.status).toBe(200);
    const after = (await t.request('GET', '/api/v1/ideas/suggested', { token: ws.token })).json;
    // Both were posted at the same time: their order is the ids', so compare them sorted.
    expect(after.items.map((x: { text: string; reason: string }) => [x.text, x.reason]).sort()).toEqual([
      ['I need a kit kat..', 'staff'],
      ['Please add dark mode to the app', 'analyzer'],
    ]);
  });

  it('pages the suggestions newest first with their total, and finds an older analysis once it is redone', async () => {
    const { ws } = await ideaBoard();
    const requests = [
      'Please add dark mode to the app',
      'acme please add an offline mode',
      'acme you should add a widget',
    ];
    await ingestPosts(
      t.deps,
      { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] },
      requests.map((text, i) =>
        socialPost({
          externalId: `fr-page-${i}`,
          text,
          createdAt: new Date(clock.now.getTime() - (3 - i) * 60_000),
          author: socialAuthor({ externalId: `u-page-${i}` }),
        }),
      ),
    );
    const page = async (q: string) =>
      (await t.request('GET', `/api/v1/ideas/suggested?${q}`, { token: ws.token })).json;
    expect(await page('limit=2')).toMatchObject({ total: 3, items: [{ text: requests[2] }, { text: requests[1] }] });
    expect(await page('limit=2&offset=2')).toMatchObject({ total: 3, items: [{ text: requests[0] }] });
    // Stored by an analyzer before the flag existed: not suggested until re-analysis sets it.
    const older = await t.db
      .update(mentions)
      .set({ suggestsIdea: false, analysisVersion: 4 })
      .where(and(eq(mentions.workspaceId, ws.workspace.id), eq(mentions.externalId, 'fr-page-0')))
      .returning({ id: mentions.id });
    expect(older).toHaveLength(1);
    expect((await page('limit=10')).total).toBe(2);
    await reanalyzeMentions(t.db, { workspaceId: ws.workspace.id });
    expect((await page('limit=10')).total).toBe(3);
  });

  it('turns a suggested mention into a new idea, or sets it aside', async () => {
    const { ws } = await ideaBoard();
    await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: 'fr-2',
        text: 'acme you should add an offline mode',
        createdAt: clock.now,
        author: socialAuthor({ externalId: 'u-fr2', handle: 'traveller' }),
      }),
      socialPost({
        externalId: 'fr-3',
        text: 'acme please add a widget for my cat',
        createdAt: clock.now,
        author: socialAuthor({ externalId: 'u-fr3', handle: 'catfan' }),
      }),
    ]);
    const items = (await t.request('GET', '/api/v1/ideas/suggested', { token: ws.token })).json.items as {
      id: string;
      text: string;
    }[];
    const offline = items.find((x) => x.text.includes('offline'))!;
    const cat = items.find((x) => x.text.includes('cat'))!;
    const created = await t.request('POST', '/api/v1/ideas', {
      token: ws.token,
      body: { title: 'Offline mode', mentionId: offline.id },
    });
    expect(created.json).toMatchObject({ title: 'Offline mode', voteCount: 0, visibility: 'visible' });
    expect((await t.request('POST', `/api/v1/ideas/suggested/${cat.id}/dismiss`, { token: ws.token })).status).toBe(
      204,
    );
    expect((await t.request('GET', '/api/v1/ideas/suggested', { token: ws.token })).json.items).toEqual([]);
  });
});

describe('reviews', () => {
  it('keeps one review per member per product, and sends a negative one to the inbox', async () => {
    const { ws, productId, mia, leo, ctx } = await ideaBoard();
    // An idea on the board too: the community stream shows it, the reviews stream does not.
    await createIdea(await ctx(mia), DARK_MODE);
    const communityConversations = () =>
      t.db
        .select()
        .from(conversations)
        .where(and(eq(conversations.workspaceId, ws.workspace.id), eq(conversations.platform, 'community')));
    const happy = await saveReview(await ctx(mia), {
      topicId: productId,
      rating: 5,
      title: 'Love it',
      body: 'Great app, works perfectly',
    });
    expect(await communityConversations()).toHaveLength(0);
    const edited = await saveReview(await ctx(mia), {
      topicId: productId,
      rating: 4,
      title: 'Still good',
      body: 'Great app',
    });
    expect(edited.id).toBe(happy.id);
    const angry = await saveReview(await ctx(leo), {
      topicId: productId,
      rating: 1,
      title: 'Broken',
      body: 'It crashes every time, terrible',
    });
    expect(angry.sentimentLabel).toBe('negative');
    const convs = await communityConversations();
    expect(convs).toHaveLength(1);
    expect(convs[0]!.subject).toContain('Broken');
    const list = await t.request('GET', `/api/v1/reviews?topic=${productId}`, { token: ws.token });
    expect(list.json).toMatchObject({ total: 2, average: 2.5, distribution: { 1: 1, 4: 1 } });
    // The reports count the same reviews (written today by the test clock).
    const day = clock.now.toISOString().slice(0, 10);
    const ratings = await t.request('GET', `/api/v1/reports/ratings?from=${day}&to=${day}`, { token: ws.token });
    expect(ratings.json).toMatchObject({ total: 2, average: 2.5, distribution: { 1: 1, 4: 1 } });
    // A report figure for reviews links to the review mentions only.
    const stream = await (
      await t.app.request('/inbox/mentions?source=reviews', { headers: { authorization: `Bearer ${ws.token}` } })
    ).text();
    expect(stream).toContain('It crashes every time, terrible');
    expect(stream).not.toContain('My eyes hurt at night');
    const social = await (
      await t.app.request('/inbox/mentions?source=community', { headers: { authorization: `Bearer ${ws.token}` } })
    ).text();
    expect(social).toContain('My eyes hurt at night');
    expect(social).not.toContain('It crashes every time');
    const csv = await t.app.request(`/api/v1/reports/ratings?from=${day}&to=${day}&format=csv`, {
      headers: { authorization: `Bearer ${ws.token}` },
    });
    expect((await csv.text()).trim().split('\n')).toEqual([
      'week,reviews,average',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2},2,2\.5$/),
    ]);
  });
});
