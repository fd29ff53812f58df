import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { formClient, type Session } from '../helpers/forms';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
type Who = Session;
let boards = 0;

const get = (path: string, who?: Who) => formClient(t).get(path, who);
const send = (path: string, fields: Record<string, string>, who?: Who) => formClient(t).send(path, fields, who);

/**
 * A board of one test's own: its staff (owner, agent, analyst) signed in, and Pia, who signed up on it
 * and has not confirmed yet. No test sees another's settings, ideas, categories or mail log.
 */
async function staffBoard() {
  const n = ++boards;
  const ws = await t.seedWorkspace(`Staff Board ${n}`);
  const slug = ws.workspace.slug;
  const domain = `staffboard${n}.test`;
  await t.seedUser(ws.workspace.id, 'agent', `agent@${domain}`);
  await t.seedUser(ws.workspace.id, 'analyst', `analyst@${domain}`);
  const pia = `pia@${domain}`;
  await send(`/c/${slug}/signup`, { displayName: 'Pia', email: pia, password: PASSWORD });
  return {
    slug,
    workspaceId: ws.workspace.id,
    pia,
    staff: await t.browserSession(`agent@${domain}`),
    owner: await t.browserSession(`owner@${domain}`),
    analyst: await t.browserSession(`analyst@${domain}`),
  };
}
type Board = Awaited<ReturnType<typeof staffBoard>>;

/** The confirmation link the operator's CLI gives for Pia (no SMTP here, so no mail carries it). */
async function piaLink(b: Board) {
  const out: string[] = [];
  const cli = { db: t.db, out: (l: string) => void out.push(l), defaultWorkspaceName: 'x' };
  await runCommand(['member-link', '--email', b.pia, '--workspace', b.slug], cli);
  return out.at(-1)!;
}

/** Pia, confirmed through the CLI's link and signed in on the board. */
async function piaSignedIn(b: Board): Promise<Who> {
  expect((await get(await piaLink(b))).location).toBe(`/c/${b.slug}?ok=verified`);
  const { cookie } = await send(`/c/${b.slug}/login`, { email: b.pia, password: PASSWORD });
  return {
    cookie,
    csrf: /name="_csrf" value="([^"]+)"/.exec((await get(`/c/${b.slug}/profile`, { cookie, csrf: '' })).html)![1]!,
  };
}

/** An idea Pia posts on the board (with her vote), and its id. */
async function calendarSync(b: Board, member: Who) {
  const posted = await send(`/c/${b.slug}/ideas`, { title: 'Calendar sync', body: 'with Google' }, member);
  expect(posted.location).toMatch(/ok=posted$/);
  return /\/ideas\/([0-9a-f-]{36})/.exec(posted.location!)![1]!;
}

beforeAll(async () => {
  // No SMTP_URL: the board's email is kept in its mail log.
  t = await createTestContext();
});
afterAll(() => t.close());

describe('community in the staff app', () => {
  it('logs the verification email without its secret when SMTP is unset; the operator’s CLI gives it', async () => {
    const b = await staffBoard();
    const page = await get('/community/mail', b.staff);
    expect(page.html).toContain('SMTP_URL is not set');
    expect(page.html).toContain(`to ${b.pia} · <span class="badge">logged</span>`);
    expect(page.html).toContain(`http://localhost/c/${b.slug}/verify?token=[redacted]`);
    expect((await get(await piaLink(b))).location).toBe(`/c/${b.slug}?ok=verified`);
  });

  it('holds new posts once the board asks for approval, and approves them from the queue', async () => {
    const b = await staffBoard();
    const { staff, owner } = b;
    const member = await piaSignedIn(b);
    expect((await send('/community/settings', { enabled: '1', requireApproval: '1' }, owner)).location).toBe(
      '/community/categories?ok=saved',
    );
    const posted = await send(`/c/${b.slug}/ideas`, { title: 'Calendar sync', body: 'with Google' }, member);
    expect(posted.location).toMatch(/ok=held$/);
    const id = /\/ideas\/([0-9a-f-]{36})/.exec(posted.location!)![1]!;
    const queue = await get('/community/moderation', staff);
    expect(queue.html).toContain('Calendar sync');
    expect(
      (
        await send(
          `/community/moderation/idea/${id}`,
          { action: 'restore', reason: 'looks fine', back: '/community/moderation' },
          staff,
        )
      ).location,
    ).toBe('/community/moderation?ok=moderated');
    expect((await get(`/c/${b.slug}`)).html).toContain('Calendar sync');
  });

  it('answers on the board in the team’s name', async () => {
    const b = await staffBoard();
    const id = await calendarSync(b, await piaSignedIn(b));
    await send(`/community/ideas/${id}/comments`, { body: 'We are looking into it!' }, b.staff);
    const page = await get(`/c/${b.slug}/ideas/${id}`);
    expect(page.html).toMatch(/<strong>Team<\/strong>[\s\S]*We are looking into it!/);
  });

  it('tells a teammate who reads German that an answer needs words, in German', async () => {
    const b = await staffBoard();
    const id = await calendarSync(b, await piaSignedIn(b));
    const german = await t.browserSession(`owner@staffboard${boards}.test`);
    await send('/settings/profile', { name: 'Inhaberin', language: 'de', timeZone: 'Europe/Berlin' }, german);

    const empty = await send(`/community/ideas/${id}/comments`, { body: '  ' }, german);
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('Schreiben Sie zuerst die Antwort.');
    expect(empty.html).not.toContain('Write the answer first.');
  });

  it('links a suggested mention to an idea from the queue page', async () => {
    const b = await staffBoard();
    const { staff } = b;
    // Pia's idea, with her vote: she is its first supporter.
    const id = await calendarSync(b, await piaSignedIn(b));
    await ingestPosts(
      t.deps,
      {
        workspaceId: b.workspaceId,
        sourceId: null,
        platform: 'mastodon',
        topics: [],
      },
      [
        socialPost({
          externalId: 's-1',
          text: 'please add google calendar sync',
          createdAt: new Date(),
          author: socialAuthor({ externalId: 'm-1', handle: 'cal', followers: 300 }),
        }),
      ],
    );
    const queue = await get('/community/suggested', staff);
    const mentionId = /action="\/community\/suggested\/([0-9a-f-]{36})\/link"/.exec(queue.html)![1]!;
    expect((await send(`/community/suggested/${mentionId}/link`, { ideaId: id }, staff)).location).toBe(
      '/community/suggested?ok=linked',
    );
    const detail = await get(`/community/ideas/${id}`, staff);
    expect(detail.html).toContain('please add google calendar sync');
    expect(detail.html).toMatch(/data-testid="supporters">2</);
  });

  it('says why a mention is suggested, chooses an idea only for a close match, sets one aside in a click', async () => {
    const b = await staffBoard();
    const { staff } = b;
    const id = await calendarSync(b, await piaSignedIn(b));
    const post = (externalId: string, text: string, minutesAgo: number) =>
      socialPost({
        externalId,
        text,
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
        author: socialAuthor({ externalId: `a-${externalId}`, handle: externalId }),
      });
    await ingestPosts(t.deps, { workspaceId: b.workspaceId, sourceId: null, platform: 'mastodon', topics: [] }, [
      post('cal', 'please add google calendar sync', 1),
      post('pdf', 'Would love an export to PDF feature please', 2),
      post('maps', 'I wish the app had offline maps for trains', 3),
    ]);
    const queue = await get('/community/suggested', staff);
    const cards = Object.fromEntries(
      queue.html
        .split('data-testid="suggestion"')
        .slice(1)
        .map((card) => [/<p class="tl-text" dir="auto">([^<]*)</.exec(card)![1]!.split(' ').at(-1)!, card]),
    );
    const calendar = cards.sync!;
    expect(calendar).toContain(
      'Suggested because the analyzer reads it as a feature request, about google, calendar, and sync.',
    );
    expect(calendar).toContain(
      'Closest idea: “Calendar sync”, a close match (both mention google, calendar, and sync)',
    );
    expect(calendar).toMatch(new RegExp(`<option value="${id}" selected="">Calendar sync \\(close match\\)</option>`));
    expect(calendar).not.toMatch(/<option value="" selected/);
    // An unrelated request: nothing shares its words, so nothing is chosen for the person.
    const pdf = cards.please!;
    expect(pdf).toContain('about export and pdf.');
    expect(pdf).toContain('No idea shares its words: it may be a new one.');
    expect(pdf).toMatch(/<select name="ideaId" required="" data-testid="link-idea"><option value="" selected="">/);
    expect(pdf).not.toMatch(new RegExp(`<option value="${id}" selected`));
    expect(pdf).toContain('<button type="submit" class="secondary" data-testid="link-evidence">');
    // Sent without a choice (a browser without the required check), nothing is linked.
    const pdfId = /action="\/community\/suggested\/([0-9a-f-]{36})\/link"/.exec(pdf)![1]!;
    expect((await send(`/community/suggested/${pdfId}/link`, { ideaId: '' }, staff)).status).toBe(422);
    // Set aside is one button (no confirmation step); the queue comes back at the next post.
    const mapsId = /action="\/community\/suggested\/([0-9a-f-]{36})\/link"/.exec(cards.trains!)![1]!;
    expect(pdf).toMatch(
      new RegExp(
        `<form method="post" action="/community/suggested/${pdfId}/dismiss" class="inline">` +
          `<input type="hidden" name="_csrf" value="[^"]+"/><input type="hidden" name="next" value="${mapsId}"/>` +
          '<button type="submit" class="secondary" aria-label="Set aside the post by [^"]+" ' +
          'data-testid="dismiss-suggestion">Set aside</button></form>',
      ),
    );
    const dismissed = await send(`/community/suggested/${pdfId}/dismiss`, { next: mapsId }, staff);
    expect(dismissed.location).toBe(`/community/suggested?ok=dismissed#suggestion-${mapsId}`);
    const after = await get('/community/suggested', staff);
    expect(after.html).not.toContain('export to PDF');
    expect(after.html).toContain(`id="suggestion-${mapsId}"`);
    expect(after.html.match(/data-testid="suggestion"/g)).toHaveLength(2);
  });

  it('adds categories, and lets members file ideas under them', async () => {
    const b = await staffBoard();
    const { staff } = b;
    const member = await piaSignedIn(b);
    await send('/community/categories', { name: 'Integrations' }, staff);
    expect((await send('/community/categories', { name: 'integrations' }, staff)).html).toContain('already exists');
    expect((await get(`/c/${b.slug}/ideas/new`, member)).html).toContain('>Integrations</option>');
  });

  it('closes the board when its owner turns it off', async () => {
    const { slug, owner } = await staffBoard();
    await send('/community/settings', {}, owner);
    expect((await get(`/c/${slug}`)).status).toBe(404);
    await send('/community/settings', { enabled: '1' }, owner);
    expect((await get(`/c/${slug}`)).status).toBe(200);
  });

  it('lets an analyst read but not moderate', async () => {
    const { analyst } = await staffBoard();
    expect((await get('/community', analyst)).status).toBe(200);
    expect((await send('/community/settings', { enabled: '1' }, analyst)).status).toBe(403);
  });
});
