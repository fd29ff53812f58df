import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/accounts/actor';
import { communityBySlug, signUp, verifyEmail } from '../../src/community/members.service';
import { ideas } from '../../src/community/schema';
import { createTopic } from '../../src/topics/topics.service';
import { formClient, type Session } from '../helpers/forms';
import { createTestContext, PASSWORD, recordingMailer, type TestContext } from '../helpers/test-app';

let t: TestContext;
const mailer = recordingMailer();
let slug: string;
let owner: Actor;
type Who = Session;
let ana: Who;
let ben: Who;
let unverified: Who;
const HOSTILE = '<img src=x onerror=alert(1)>';

const get = (path: string, who?: Who) => formClient(t).get(path, who);
const send = (path: string, fields: Record<string, string>, who?: Who) => formClient(t).send(path, fields, who);

async function member(name: string, email: string, verify = true): Promise<Who> {
  const community = await communityBySlug(t.db, slug);
  const deps = { db: t.db, mailer, logger: t.deps.logger };
  await signUp(
    deps,
    community,
    { email, password: PASSWORD, displayName: name },
    { ip: email, baseUrl: 'http://x', now: new Date() },
  );
  if (verify) await verifyEmail(deps, community, /token=([\w-]+)/.exec(mailer.sent.at(-1)!.text)![1]!, new Date());
  const login = await send(`/c/${slug}/login`, { email, password: PASSWORD });
  expect(login.status).toBe(303);
  const cookie = login.cookie;
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await get(`/c/${slug}/profile`, { cookie, csrf: '' })).html)![1]!;
  return { cookie, csrf };
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

beforeAll(async () => {
  t = await createTestContext({ mailer });
  const ws = await t.seedWorkspace('Pages Board');
  slug = ws.workspace.slug;
  owner = {
    workspaceId: ws.workspace.id,
    workspaceSlug: slug,
    userId: ws.owner.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
  await createTopic(t.db, owner, { name: 'Acme Phone', kind: 'product', query: 'acme' });
  ana = await member('Ana', 'ana@board.test');
  ben = await member('Ben', 'ben@board.test');
  unverified = await member('Una', 'una@board.test', false);
});
afterAll(() => t.close());

describe('public board pages', () => {
  it('is readable without an account, and sends a visitor who wants to act to log in', async () => {
    expect((await get(`/c/${slug}`)).status).toBe(200);
    expect((await get(`/c/${slug}/ideas/new`)).location).toBe(`/c/${slug}/login?next=%2Fc%2F${slug}%2Fideas%2Fnew`);
  });

  it('refuses a signed-in member’s form without the CSRF token or with another member’s (403), and posts nothing', async () => {
    const title = 'Idea posted by a forged form';
    const post = (fields: Record<string, string>) =>
      t.app.request(`/c/${slug}/ideas`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: ana.cookie },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post({ title, body: 'no token' })).status).toBe(403);
    expect((await post({ title, body: 'someone else’s token', _csrf: ben.csrf })).status).toBe(403);
    expect(await t.db.select().from(ideas).where(eq(ideas.title, title))).toEqual([]);
    // The same form with her own token goes through (then the idea goes, so the list tests keep their counts).
    expect((await send(`/c/${slug}/ideas`, { title, body: 'her token' }, ana)).location).toMatch(/\?ok=posted$/);
    await t.db.delete(ideas).where(eq(ideas.title, title));
  });

  it('posts an idea from the form, escaping its text, and lists it with the author’s vote', async () => {
    const res = await send(
      `/c/${slug}/ideas`,
      { title: `Widgets ${HOSTILE}`, body: 'Home screen widgets please' },
      ana,
    );
    expect(res.location).toMatch(/\/ideas\/[0-9a-f-]{36}\?ok=posted$/);
    const list = await get(`/c/${slug}`, ana);
    expect(list.html).not.toContain(HOSTILE);
    expect(list.html).toContain('Widgets &lt;img src=x onerror=alert(1)&gt;');
    expect(list.html).toMatch(
      /aria-pressed="true"[^>]*data-testid="vote-button"><span aria-hidden="true">▲<\/span> <span data-testid="vote-count">1</,
    );
  });

  it('refuses a title that is too short, keeping what was typed', async () => {
    const res = await send(`/c/${slug}/ideas`, { title: 'ab', body: 'keep me' }, ana);
    expect(res.status).toBe(422);
    expect(res.html).toContain('A title is 3 to 140 characters');
    expect(res.html).toContain('keep me');
  });

  it('asks an unconfirmed member to confirm before posting or voting', async () => {
    const res = await send(`/c/${slug}/ideas`, { title: 'Unconfirmed idea', body: '' }, unverified);
    expect(res.status).toBe(403);
    expect(res.html).toContain('Confirm your email first');
  });

  it('votes and unvotes through forms, returning to the page it came from', async () => {
    const [idea] = await t.db
      .select()
      .from(ideas)
      .where(eq(ideas.title, `Widgets ${HOSTILE}`));
    const voted = await send(`/c/${slug}/ideas/${idea!.id}/vote`, { back: `/c/${slug}?sort=new` }, ben);
    expect(voted.location).toBe(`/c/${slug}?sort=new&ok=voted`);
    expect((await t.db.select().from(ideas).where(eq(ideas.id, idea!.id)))[0]!.voteCount).toBe(2);
    await send(`/c/${slug}/ideas/${idea!.id}/vote`, {}, ben);
    expect((await t.db.select().from(ideas).where(eq(ideas.id, idea!.id)))[0]!.voteCount).toBe(2);
    await send(`/c/${slug}/ideas/${idea!.id}/unvote`, { back: 'https://evil.example/' }, ben);
    expect((await t.db.select().from(ideas).where(eq(ideas.id, idea!.id)))[0]!.voteCount).toBe(1);
  });

  it('comments on an idea', async () => {
    const [idea] = await t.db
      .select()
      .from(ideas)
      .where(eq(ideas.title, `Widgets ${HOSTILE}`));
    const res = await send(`/c/${slug}/ideas/${idea!.id}/comments`, { body: `Yes! ${HOSTILE}` }, ben);
    expect(res.location).toMatch(/ok=commented#comment-/);
    const page = await get(`/c/${slug}/ideas/${idea!.id}`);
    expect(page.html).toContain('Yes! &lt;img src=x onerror=alert(1)&gt;');
    expect(page.html).toContain('1 comment');
  });

  it('suggests similar ideas for a title, as an escaped fragment', async () => {
    const res = await get(`/c/${slug}/ideas/similar?title=${encodeURIComponent('home widgets')}`);
    expect(res.html).toContain('data-testid="similar-idea"');
    expect(res.html).toContain('Widgets &lt;img');
    expect((await get(`/c/${slug}/ideas/similar?title=zzzz`)).html).toBe('');
  });

  it('sorts by new and finds ideas by their words', async () => {
    await send(`/c/${slug}/ideas`, { title: 'Offline maps', body: 'for hiking' }, ben);
    const titles = (html: string) =>
      [...html.matchAll(/class="idea-title"[^>]*>([^<]*)/g)].map((m) => m[1]!.slice(0, 12));
    expect(titles((await get(`/c/${slug}?sort=new`)).html)).toEqual(['Offline maps', 'Widgets &lt;']);
    // Ben votes for Widgets again: two votes there, one on the maps.
    const [widgets] = await t.db
      .select()
      .from(ideas)
      .where(eq(ideas.title, `Widgets ${HOSTILE}`));
    await send(`/c/${slug}/ideas/${widgets!.id}/vote`, {}, ben);
    expect(titles((await get(`/c/${slug}?sort=top`)).html)).toEqual(['Widgets &lt;', 'Offline maps']);
    const found = await get(`/c/${slug}?q=hiking`);
    expect(found.html).toContain('Offline maps');
    expect(found.html).not.toContain('Widgets');
  });

  it('keeps a held idea out of the list but shows it to its author', async () => {
    const res = await send(`/c/${slug}/ideas`, { title: 'Free stuff', body: 'at https://spam.example' }, ben);
    expect(res.location).toMatch(/ok=held$/);
    const id = ideaIdFrom(res.location);
    expect((await get(`/c/${slug}`)).html).not.toContain('Free stuff');
    expect((await get(`/c/${slug}/ideas/${id}`)).status).toBe(404);
    expect((await get(`/c/${slug}/ideas/${id}`, ben)).html).toContain('Waiting for a moderator');
  });

  it('takes one review per member per product, editable, with the average and distribution', async () => {
    const [product] = (await get(`/c/${slug}/reviews`, ana)).html.match(/<option value="([0-9a-f-]{36})"/)!.slice(1);
    expect(
      (
        await send(
          `/c/${slug}/reviews`,
          { topicId: product!, rating: '5', title: 'Great', body: 'Love the camera' },
          ana,
        )
      ).location,
    ).toMatch(/ok=reviewed/);
    await send(
      `/c/${slug}/reviews`,
      { topicId: product!, rating: '3', title: 'Good', body: 'Camera fine, battery weak' },
      ana,
    );
    await send(
      `/c/${slug}/reviews`,
      { topicId: product!, rating: '1', title: 'Broken', body: `Died in a week ${HOSTILE}` },
      ben,
    );
    const page = await get(`/c/${slug}/reviews?product=${product}`);
    expect(page.html.match(/data-testid="review"/g)).toHaveLength(2);
    expect(page.html).toMatch(/class="score-value">2\.0</);
    expect(page.html).not.toContain(HOSTILE);
    expect(
      (await send(`/c/${slug}/reviews`, { topicId: product!, rating: '9', title: 'x', body: 'y' }, ana)).html,
    ).toContain('A rating is 1 to 5 stars');
  });

  it('shows each idea in the roadmap column of the status staff set, and only there, and shipped ones in the changelog', async () => {
    const token = await t.login('owner@pagesboard.test');
    const titles = {
      planned: 'Roadmap: dark mode',
      in_progress: 'Roadmap: home widgets',
      shipped: 'Roadmap: offline maps',
      open: 'Roadmap: a bigger battery',
    };
    for (const [status, title] of Object.entries(titles)) {
      const id = ideaIdFrom((await send(`/c/${slug}/ideas`, { title, body: 'From the roadmap test' }, ana)).location);
      if (status !== 'open') {
        const res = await t.request('PATCH', `/api/v1/ideas/${id}`, {
          token,
          body: { status, ...(status === 'shipped' ? { statusNote: 'In version 2.1' } : {}) },
        });
        expect(res.status).toBe(200);
      }
    }
    const columns = roadmapColumns((await get(`/c/${slug}/roadmap`)).html);
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
    const changelog = (await get(`/c/${slug}/changelog`)).html;
    expect(changelog).toContain(titles.shipped);
    expect(changelog).toContain('In version 2.1');
    expect(changelog).not.toContain(titles.in_progress);
  });
});
