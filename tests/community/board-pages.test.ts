import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityBySlug, signUp, verifyEmail } from '../../src/community/members.service';
import { ideas } from '../../src/community/schema';
import { createTopic } from '../../src/topics/topics.service';
import { formClient, type Session } from '../helpers/forms';
import {
  createTestContext,
  PASSWORD,
  recordingMailer,
  TEST_PASSWORD_PARAMS,
  type TestContext,
} from '../helpers/test-app';

let t: TestContext;
const mailer = recordingMailer();
type Who = Session;
const HOSTILE = '<img src=x onerror=alert(1)>';
const START = new Date('2026-05-11T09:00:00Z');
/** The app's clock: each board starts it at START; a test that needs time to pass moves it on. */
const clock = { now: START };
let boards = 0;

const get = (path: string, who?: Who) => formClient(t).get(path, who);
const send = (path: string, fields: Record<string, string>, who?: Who) => formClient(t).send(path, fields, who);

/** A board of one test's own: a workspace with a product, so no test sees another's ideas, votes or reviews. */
async function board() {
  clock.now = START;
  const n = ++boards;
  const ws = await t.seedWorkspace(`Pages Board ${n}`);
  const slug = ws.workspace.slug;
  await createTopic(t.db, ws.actor, { name: 'Acme Phone', kind: 'product', query: 'acme' });

  /** A member of this board, signed in on the board's pages. */
  async function member(name: string, verify = true): Promise<Who> {
    const email = `${name.toLowerCase()}@board${n}.test`;
    const community = await communityBySlug(t.db, slug);
    const deps = { db: t.db, mailer, logger: t.deps.logger, passwordParams: TEST_PASSWORD_PARAMS };
    await signUp(
      deps,
      community,
      { email, password: PASSWORD, displayName: name },
      { ip: email, baseUrl: 'http://x', now: clock.now },
    );
    if (verify) {
      const mail = mailer.sent.filter((m) => m.to === email).at(-1)!;
      await verifyEmail(deps, community, /token=([\w-]+)/.exec(mail.text)![1]!, clock.now);
    }
    const login = await send(`/c/${slug}/login`, { email, password: PASSWORD });
    expect(login.status).toBe(303);
    const cookie = login.cookie;
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await get(`/c/${slug}/profile`, { cookie, csrf: '' })).html)![1]!;
    return { cookie, csrf };
  }

  /** Posts an idea through the board's form and gives its id. */
  async function idea(who: Who, title: string, body: string) {
    return ideaIdFrom((await send(`/c/${slug}/ideas`, { title, body }, who)).location);
  }

  return { slug, workspaceId: ws.workspace.id, token: ws.token, member, idea };
}

/** The idea titles in each roadmap column, read from the page (so an idea missing from its column fails). */
function roadmapColumns(html: string): Record<string, string[]> {
  const columns: Record<string, string[]> = {};
  for (const m of html.matchAll(/data-testid="roadmap-(\w+)">([\s\S]*?)<\/section>/g)) {
    columns[m[1]!] = [...m[2]!.matchAll(/<li class="roadmap-item"><a href="[^"]*">([^<]*)<\/a>/g)].map((x) => x[1]!);
  }
  return columns;
}
const ideaIdFrom = (location: string | null) => /\/ideas\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;
const voteCount = async (id: string) => (await t.db.select().from(ideas).where(eq(ideas.id, id)))[0]!.voteCount;
const WIDGETS = { title: `Widgets ${HOSTILE}`, body: 'Home screen widgets please' };

beforeAll(async () => {
  t = await createTestContext({ mailer, clock: () => clock.now });
});
afterAll(() => t.close());

describe('public board pages', () => {
  it('is readable without an account, and sends a visitor who wants to act to log in', async () => {
    const { slug } = await board();
    expect((await get(`/c/${slug}`)).status).toBe(200);
    expect((await get(`/c/${slug}/ideas/new`)).location).toBe(`/c/${slug}/login?next=%2Fc%2F${slug}%2Fideas%2Fnew`);
  });

  it('refuses a member’s form without their CSRF token or with another’s (403), and posts nothing', async () => {
    const b = await board();
    const ana = await b.member('Ana');
    const ben = await b.member('Ben');
    const title = 'Idea posted by a forged form';
    const post = (fields: Record<string, string>) =>
      t.app.request(`/c/${b.slug}/ideas`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: ana.cookie },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post({ title, body: 'no token' })).status).toBe(403);
    expect((await post({ title, body: 'someone else’s token', _csrf: ben.csrf })).status).toBe(403);
    expect(
      await t.db
        .select()
        .from(ideas)
        .where(and(eq(ideas.workspaceId, b.workspaceId), eq(ideas.title, title))),
    ).toEqual([]);
    // The same form with her own token goes through.
    expect((await send(`/c/${b.slug}/ideas`, { title, body: 'her token' }, ana)).location).toMatch(/\?ok=posted$/);
  });

  it('posts an idea from the form, escaping its text, and lists it with the author’s vote', async () => {
    const b = await board();
    const ana = await b.member('Ana');
    const res = await send(`/c/${b.slug}/ideas`, WIDGETS, ana);
    expect(res.location).toMatch(/\/ideas\/[0-9a-f-]{36}\?ok=posted$/);
    const list = await get(`/c/${b.slug}`, ana);
    expect(list.html).not.toContain(HOSTILE);
    expect(list.html).toContain('Widgets &lt;img src=x onerror=alert(1)&gt;');
    expect(list.html).toMatch(
      new RegExp(
        'aria-pressed="true" aria-label="Voted \\(1 vote\\)"[^>]*data-testid="vote-button">' +
          '<span aria-hidden="true">▲</span><span class="vote-count" data-testid="vote-count">1</span>' +
          '<span class="vote-word" data-testid="vote-word">Voted</span>',
      ),
    );
  });

  it('tells the author their idea has their vote (Fider’s way: posting an idea votes for it)', async () => {
    const b = await board();
    const ana = await b.member('Ana');
    expect((await get(`/c/${b.slug}/ideas/new`, ana)).html).toContain(
      'Your idea starts with your vote; you can take it back on its page.',
    );
    const posted = await send(`/c/${b.slug}/ideas`, WIDGETS, ana);
    const page = await get(posted.location!, ana);
    expect(page.html).toContain('Your idea is posted, with your vote.');
    expect(page.html).toContain('data-testid="own-vote">Your idea has your vote.<');
    // Taken back, the page no longer says so; another member never reads it.
    const id = ideaIdFrom(posted.location);
    await send(`/c/${b.slug}/ideas/${id}/unvote`, {}, ana);
    expect((await get(`/c/${b.slug}/ideas/${id}`, ana)).html).not.toContain('data-testid="own-vote"');
    expect((await get(`/c/${b.slug}/ideas/${id}`, await b.member('Ben'))).html).not.toContain('own-vote');
  });

  it('labels the vote button Vote or Voted with the count, for a screen reader too, in plurals', async () => {
    const b = await board();
    const ana = await b.member('Ana');
    const ben = await b.member('Ben');
    const id = await b.idea(ana, WIDGETS.title, WIDGETS.body);
    const button = (html: string) => /<button[^>]*data-testid="vote-button"[^>]*>([\s\S]*?)<\/button>/.exec(html)!;
    const before = button((await get(`/c/${b.slug}/ideas/${id}`, ben)).html);
    expect(before[0]).toContain('aria-pressed="false" aria-label="Vote (1 vote)"');
    expect(before[1]).toContain('data-testid="vote-word">Vote<');
    await send(`/c/${b.slug}/ideas/${id}/vote`, {}, ben);
    const after = button((await get(`/c/${b.slug}/ideas/${id}`, ben)).html);
    expect(after[0]).toContain('aria-pressed="true" aria-label="Voted (2 votes)"');
    expect(after[1]).toContain('data-testid="vote-count">2<');
    expect(after[1]).toContain('data-testid="vote-word">Voted<');
    // A visitor sees the same words on a link to log in.
    const visitor = (await get(`/c/${b.slug}`)).html;
    expect(visitor).toMatch(/aria-label="Vote \(2 votes\): log in first" data-testid="vote-link">/);
    // One comment, then two; the roadmap counts votes the same way.
    await send(`/c/${b.slug}/ideas/${id}/comments`, { body: 'First' }, ben);
    expect((await get(`/c/${b.slug}`)).html).toContain('<span>1 comment</span>');
    await send(`/c/${b.slug}/ideas/${id}/comments`, { body: 'Second' }, ana);
    expect((await get(`/c/${b.slug}`)).html).toContain('<span>2 comments</span>');
    expect((await get(`/c/${b.slug}/ideas/${id}`)).html).toContain('<h2>2 comments</h2>');
    await t.request('PATCH', `/api/v1/ideas/${id}`, { token: b.token, body: { status: 'planned' } });
    expect((await get(`/c/${b.slug}/roadmap`)).html).toContain('<span class="muted small">2 votes</span>');
    await send(`/c/${b.slug}/ideas/${id}/unvote`, {}, ben);
    expect((await get(`/c/${b.slug}/roadmap`)).html).toContain('<span class="muted small">1 vote</span>');
  });

  it('says in German, du or Sie as the workspace chose, what the vote button and the empty reviews say', async () => {
    for (const form of ['du', 'sie'] as const) {
      const b = await board();
      const patched = await t.request('PATCH', '/api/v1/workspace', {
        token: b.token,
        body: { defaultLanguage: 'de', boardAddress: form },
      });
      expect(patched.status).toBe(200);
      const ana = await b.member('Ana');
      const posted = await send(`/c/${b.slug}/ideas`, WIDGETS, ana);
      const page = (await get(posted.location!, ana)).html;
      expect(page).toContain('aria-label="Abgestimmt (1 Stimme)"');
      expect(page).toContain('data-testid="vote-word">Abgestimmt<');
      expect(page).toContain(form === 'du' ? 'Deine Idee hat deine Stimme.' : 'Ihre Idee hat Ihre Stimme.');
      expect(page).toContain(
        form === 'du' ? 'Deine Idee ist veröffentlicht, mit deiner Stimme.' : 'Ihre Idee ist veröffentlicht, mit',
      );
      expect((await get(`/c/${b.slug}`)).html).toContain(
        form === 'du'
          ? 'Abstimmen (1 Stimme): melde dich zuerst an'
          : 'Abstimmen (1 Stimme): melden Sie sich zuerst an',
      );
      expect((await get(`/c/${b.slug}/reviews`)).html).toContain(
        form === 'du'
          ? 'Noch keine Bewertungen. Schreib die erste.'
          : 'Noch keine Bewertungen. Schreiben Sie die erste.',
      );
    }
  });

  it('says in a sentence that there are no reviews yet, for all products or the one chosen', async () => {
    const b = await board();
    const all = await get(`/c/${b.slug}/reviews`);
    expect(all.html).toContain('data-testid="no-reviews">No reviews yet. Be the first to write one.<');
    const [product] = all.html.match(/<option value="([0-9a-f-]{36})"/)!.slice(1);
    expect((await get(`/c/${b.slug}/reviews?product=${product}`)).html).toContain(
      'No reviews of Acme Phone yet. Be the first to write one.',
    );
    const ana = await b.member('Ana');
    await send(`/c/${b.slug}/reviews`, { topicId: product!, rating: '4', title: 'Good', body: 'Nice phone' }, ana);
    const one = await get(`/c/${b.slug}/reviews`);
    expect(one.html).not.toContain('data-testid="no-reviews"');
    expect(one.html).toContain('out of 5 · 1 review');
  });

  it('refuses a title that is too short, keeping what was typed', async () => {
    const b = await board();
    const res = await send(`/c/${b.slug}/ideas`, { title: 'ab', body: 'keep me' }, await b.member('Ana'));
    expect(res.status).toBe(422);
    expect(res.html).toContain('A title is 3 to 140 characters');
    expect(res.html).toContain('keep me');
  });

  it('asks an unconfirmed member to confirm before posting or voting', async () => {
    const b = await board();
    const unverified = await b.member('Una', false);
    const res = await send(`/c/${b.slug}/ideas`, { title: 'Unconfirmed idea', body: '' }, unverified);
    expect(res.status).toBe(403);
    expect(res.html).toContain('Confirm your email first');
  });

  it('votes and unvotes through forms, returning to the page it came from', async () => {
    const b = await board();
    const ben = await b.member('Ben');
    const id = await b.idea(await b.member('Ana'), WIDGETS.title, WIDGETS.body);
    expect(await voteCount(id)).toBe(1);
    const voted = await send(`/c/${b.slug}/ideas/${id}/vote`, { back: `/c/${b.slug}?sort=new` }, ben);
    expect(voted.location).toBe(`/c/${b.slug}?sort=new&ok=voted`);
    expect(await voteCount(id)).toBe(2);
    await send(`/c/${b.slug}/ideas/${id}/vote`, {}, ben);
    expect(await voteCount(id)).toBe(2);
    await send(`/c/${b.slug}/ideas/${id}/unvote`, { back: 'https://evil.example/' }, ben);
    expect(await voteCount(id)).toBe(1);
  });

  it('comments on an idea', async () => {
    const b = await board();
    const ben = await b.member('Ben');
    const id = await b.idea(await b.member('Ana'), WIDGETS.title, WIDGETS.body);
    const res = await send(`/c/${b.slug}/ideas/${id}/comments`, { body: `Yes! ${HOSTILE}` }, ben);
    expect(res.location).toMatch(/ok=commented#comment-/);
    const page = await get(`/c/${b.slug}/ideas/${id}`);
    expect(page.html).toContain('Yes! &lt;img src=x onerror=alert(1)&gt;');
    expect(page.html).toContain('1 comment');
  });

  it('suggests similar ideas for a title, as an escaped fragment', async () => {
    const b = await board();
    await b.idea(await b.member('Ana'), WIDGETS.title, WIDGETS.body);
    const res = await get(`/c/${b.slug}/ideas/similar?title=${encodeURIComponent('home widgets')}`);
    expect(res.html).toContain('data-testid="similar-idea"');
    expect(res.html).toContain('Widgets &lt;img');
    expect((await get(`/c/${b.slug}/ideas/similar?title=zzzz`)).html).toBe('');
  });

  it('sorts by new and finds ideas by their words', async () => {
    const b = await board();
    const ben = await b.member('Ben');
    const widgets = await b.idea(await b.member('Ana'), WIDGETS.title, WIDGETS.body);
    // A minute later, so "new" has an order to follow.
    clock.now = new Date(START.getTime() + 60_000);
    await b.idea(ben, 'Offline maps', 'for hiking');
    const titles = (html: string) =>
      [...html.matchAll(/class="idea-title"[^>]*>([^<]*)/g)].map((m) => m[1]!.slice(0, 12));
    expect(titles((await get(`/c/${b.slug}?sort=new`)).html)).toEqual(['Offline maps', 'Widgets &lt;']);
    // Ben votes for Widgets: two votes there (Ana's and his), one on the maps (his own).
    await send(`/c/${b.slug}/ideas/${widgets}/vote`, {}, ben);
    expect(titles((await get(`/c/${b.slug}?sort=top`)).html)).toEqual(['Widgets &lt;', 'Offline maps']);
    const found = await get(`/c/${b.slug}?q=hiking`);
    expect(found.html).toContain('Offline maps');
    expect(found.html).not.toContain('Widgets');
  });

  it('keeps a held idea out of the list but shows it to its author', async () => {
    const b = await board();
    const ben = await b.member('Ben');
    const res = await send(`/c/${b.slug}/ideas`, { title: 'Free stuff', body: 'at https://spam.example' }, ben);
    expect(res.location).toMatch(/ok=held$/);
    const id = ideaIdFrom(res.location);
    expect((await get(`/c/${b.slug}`)).html).not.toContain('Free stuff');
    expect((await get(`/c/${b.slug}/ideas/${id}`)).status).toBe(404);
    expect((await get(`/c/${b.slug}/ideas/${id}`, ben)).html).toContain('Waiting for a moderator');
  });

  it('takes one review per member per product, editable, with the average and distribution', async () => {
    const b = await board();
    const ana = await b.member('Ana');
    const ben = await b.member('Ben');
    const [product] = (await get(`/c/${b.slug}/reviews`, ana)).html.match(/<option value="([0-9a-f-]{36})"/)!.slice(1);
    expect(
      (
        await send(
          `/c/${b.slug}/reviews`,
          { topicId: product!, rating: '5', title: 'Great', body: 'Love the camera' },
          ana,
        )
      ).location,
    ).toMatch(/ok=reviewed/);
    await send(
      `/c/${b.slug}/reviews`,
      { topicId: product!, rating: '3', title: 'Good', body: 'Camera fine, battery weak' },
      ana,
    );
    await send(
      `/c/${b.slug}/reviews`,
      { topicId: product!, rating: '1', title: 'Broken', body: `Died in a week ${HOSTILE}` },
      ben,
    );
    const page = await get(`/c/${b.slug}/reviews?product=${product}`);
    expect(page.html.match(/data-testid="review"/g)).toHaveLength(2);
    expect(page.html).toMatch(/class="score-value">2\.0</);
    expect(page.html).not.toContain(HOSTILE);
    expect(
      (await send(`/c/${b.slug}/reviews`, { topicId: product!, rating: '9', title: 'x', body: 'y' }, ana)).html,
    ).toContain('A rating is 1 to 5 stars');
  });

  it('shows each idea only in the roadmap column of its status, and shipped ones in the changelog', async () => {
    const b = await board();
    const ana = await b.member('Ana');
    const titles = {
      planned: 'Roadmap: dark mode',
      in_progress: 'Roadmap: home widgets',
      shipped: 'Roadmap: offline maps',
      open: 'Roadmap: a bigger battery',
    };
    for (const [status, title] of Object.entries(titles)) {
      const id = await b.idea(ana, title, 'From the roadmap test');
      if (status !== 'open') {
        const res = await t.request('PATCH', `/api/v1/ideas/${id}`, {
          token: b.token,
          body: { status, ...(status === 'shipped' ? { statusNote: 'In version 2.1' } : {}) },
        });
        expect(res.status).toBe(200);
      }
    }
    const columns = roadmapColumns((await get(`/c/${b.slug}/roadmap`)).html);
    const ours = (col: string[]) => col.filter((title) => title.startsWith('Roadmap: '));
    expect({
      planned: ours(columns.planned!),
      in_progress: ours(columns.in_progress!),
      shipped: ours(columns.shipped!),
    }).toEqual({
      planned: [titles.planned],
      in_progress: [titles.in_progress],
      shipped: [titles.shipped],
    });
    const changelog = (await get(`/c/${b.slug}/changelog`)).html;
    expect(changelog).toContain(titles.shipped);
    expect(changelog).toContain('In version 2.1');
    expect(changelog).not.toContain(titles.in_progress);
  });
});
