import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands';
import { ideas } from '../../src/community/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { formClient, type Session } from '../helpers/forms';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let slug: string;
type Who = Session;
let staff: Who;
let owner: Who;
let analyst: Who;
let member: Who;

const get = (path: string, who?: Who) => formClient(t).get(path, who);
const send = (path: string, fields: Record<string, string>, who?: Who) => formClient(t).send(path, fields, who);

beforeAll(async () => {
  // No SMTP_URL: the board's email is kept in its mail log.
  t = await createTestContext();
  const ws = await t.seedWorkspace('Staff Board');
  slug = ws.workspace.slug;
  await t.seedUser(ws.workspace.id, 'agent', 'agent@staffboard.test');
  await t.seedUser(ws.workspace.id, 'analyst', 'analyst@staffboard.test');
  staff = await t.browserSession('agent@staffboard.test');
  owner = await t.browserSession('owner@staffboard.test');
  analyst = await t.browserSession('analyst@staffboard.test');
  await send(`/c/${slug}/signup`, { displayName: 'Pia', email: 'pia@staffboard.test', password: PASSWORD });
});
afterAll(() => t.close());

describe('community in the staff app', () => {
  it('keeps the verification email in the mail log without its secret when SMTP is not set; the operator’s CLI gives the link', async () => {
    const page = await get('/community/mail', staff);
    expect(page.html).toContain('SMTP_URL is not set');
    expect(page.html).toMatch(/to pia@staffboard\.test · <span class="badge">logged<\/span>/);
    expect(page.html).toContain(`http://localhost/c/${slug}/verify?token=[redacted]`);
    const out: string[] = [];
    const cli = { db: t.db, out: (l: string) => void out.push(l), defaultWorkspaceName: 'x' };
    await runCommand(['member-link', '--email', 'pia@staffboard.test', '--workspace', slug], cli);
    expect((await get(out.at(-1)!)).location).toBe(`/c/${slug}/login?ok=verified`);
    const { cookie } = await send(`/c/${slug}/login`, { email: 'pia@staffboard.test', password: PASSWORD });
    member = {
      cookie,
      csrf: /name="_csrf" value="([^"]+)"/.exec((await get(`/c/${slug}/profile`, { cookie, csrf: '' })).html)![1]!,
    };
  });

  it('holds new posts once the board asks for approval, and approves them from the queue', async () => {
    expect((await send('/community/settings', { enabled: '1', requireApproval: '1' }, owner)).location).toBe(
      '/community/categories?ok=saved',
    );
    const posted = await send(`/c/${slug}/ideas`, { title: 'Calendar sync', body: 'with Google' }, member);
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
    expect((await get(`/c/${slug}`)).html).toContain('Calendar sync');
    await send('/community/settings', { enabled: '1' }, owner);
  });

  it('answers on the board in the team’s name', async () => {
    const [idea] = await t.db.select().from(ideas).where(eq(ideas.title, 'Calendar sync'));
    await send(`/community/ideas/${idea!.id}/comments`, { body: 'We are looking into it!' }, staff);
    const page = await get(`/c/${slug}/ideas/${idea!.id}`);
    expect(page.html).toMatch(/<strong>Team<\/strong>[\s\S]*We are looking into it!/);
  });

  it('links a suggested mention to an idea from the queue page', async () => {
    await ingestPosts(
      t.deps,
      {
        workspaceId: (await t.db.select().from(ideas))[0]!.workspaceId,
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
    const [idea] = await t.db.select().from(ideas).where(eq(ideas.title, 'Calendar sync'));
    expect((await send(`/community/suggested/${mentionId}/link`, { ideaId: idea!.id }, staff)).location).toBe(
      '/community/suggested?ok=linked',
    );
    const detail = await get(`/community/ideas/${idea!.id}`, staff);
    expect(detail.html).toContain('please add google calendar sync');
    expect(detail.html).toMatch(/data-testid="supporters">2</);
  });

  it('adds categories, and lets members file ideas under them', async () => {
    await send('/community/categories', { name: 'Integrations' }, staff);
    expect((await send('/community/categories', { name: 'integrations' }, staff)).html).toContain('already exists');
    expect((await get(`/c/${slug}/ideas/new`, member)).html).toContain('>Integrations</option>');
  });

  it('closes the board when its owner turns it off', async () => {
    await send('/community/settings', {}, owner);
    expect((await get(`/c/${slug}`)).status).toBe(404);
    await send('/community/settings', { enabled: '1' }, owner);
    expect((await get(`/c/${slug}`)).status).toBe(200);
  });

  it('lets an analyst read but not moderate', async () => {
    expect((await get('/community', analyst)).status).toBe(200);
    expect((await send('/community/settings', { enabled: '1' }, analyst)).status).toBe(403);
  });
});
