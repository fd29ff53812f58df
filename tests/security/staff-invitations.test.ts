import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffAccounts, users } from '../../src/accounts/schema';
import { mailOutbox } from '../../src/accounts/schema';
import { formClient } from '../helpers/forms';
import { createTestContext, PASSWORD, recordingMailer, type TestContext } from '../helpers/test-app';

let now = new Date('2026-12-01T09:00:00Z');
let t: TestContext;
let alpha: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let bravo: Awaited<ReturnType<TestContext['seedWorkspace']>>;

beforeAll(async () => {
  // No SMTP_URL: the invitation link comes back in the answer, once.
  t = await createTestContext({ clock: () => now });
  alpha = await t.seedWorkspace('Alpha');
  bravo = await t.seedWorkspace('Bravo');
});
afterAll(() => t.close());

const invite = (token: string, email: string, role = 'agent') =>
  t.request('POST', '/api/v1/invitations', { token, body: { email, role } });
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const accept = (token: string, password: string) =>
  t.request('POST', '/api/v1/invitations/accept', { body: { token, password } });

describe('inviting staff by email', () => {
  it('answers the same for an email that is staff elsewhere, staff here or nobody', async () => {
    await t.seedUser(alpha.workspace.id, 'agent', 'taken@alpha.test');
    await t.seedUser(bravo.workspace.id, 'agent', 'here@bravo.test');
    const answers = await Promise.all(
      ['taken@alpha.test', 'here@bravo.test', 'nobody@nowhere.test'].map((e) => invite(bravo.token, e)),
    );
    const shapes = answers.map((a) => ({
      status: a.status,
      keys: Object.keys(a.json ?? {}).sort(),
      invitation: { ...a.json?.invitation, id: 'id', email: 'email' },
      link: typeof a.json?.link === 'string' ? a.json.link.replace(/token=[\w-]+/, 'token=T') : a.json?.link,
    }));
    expect(shapes[0]!.status).toBe(201);
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    // Adding people with a password is gone, and with it the 409 that told which emails exist.
    const old = await t.request('POST', '/api/v1/users', {
      token: bravo.token,
      body: { email: 'taken@alpha.test', role: 'agent', password: PASSWORD },
    });
    expect(old.status).toBe(404);
  });

  it('shows the invitee the same page whether or not their email already signs in', async () => {
    await t.seedUser(alpha.workspace.id, 'agent', 'page@alpha.test');
    const pageFor = async (email: string) => {
      const link = (await invite(bravo.token, email)).json.link as string;
      const res = await t.app.request(`/invitations/accept?token=${tokenOf(link)}`);
      expect(res.status).toBe(200);
      return (await res.text()).replaceAll(tokenOf(link), 'T').replaceAll(email, 'E');
    };
    expect(await pageFor('page@alpha.test')).toBe(await pageFor('fresh@nowhere.test'));
  });

  it('lets a second workspace invite someone who is staff elsewhere; they join with their own password', async () => {
    const ana = await t.seedUser(alpha.workspace.id, 'agent', 'ana@alpha.test');
    const link = (await invite(bravo.token, 'ana@alpha.test', 'analyst')).json.link as string;
    const joined = await accept(tokenOf(link), PASSWORD);
    expect(joined.status).toBe(200);
    const me = await t.request('GET', '/api/v1/me', { token: joined.json.token });
    expect(me.json).toMatchObject({ email: 'ana@alpha.test', workspaceSlug: 'bravo', role: 'analyst' });
    expect(me.json.workspaces.map((w: { slug: string }) => w.slug).sort()).toEqual(['alpha', 'bravo']);
    // Alpha is untouched: same membership, same role, same password.
    expect((await t.request('GET', '/api/v1/me', { token: ana.token })).json).toMatchObject({
      workspaceSlug: 'alpha',
      role: 'agent',
    });
    expect(await t.login('ana@alpha.test')).toBeTruthy();
    const accounts = await t.db.select().from(staffAccounts).where(eq(staffAccounts.email, 'ana@alpha.test'));
    expect(accounts).toHaveLength(1);
  });

  it('never lets an invitation replace the password of an email that already signs in', async () => {
    await t.seedUser(alpha.workspace.id, 'owner', 'boss@alpha.test');
    // The inviter holds the link (no SMTP) and tries to choose the password himself.
    const link = (await invite(bravo.token, 'boss@alpha.test')).json.link as string;
    const hijack = await accept(tokenOf(link), 'inviter-chosen-password');
    expect(hijack.status).toBe(401);
    expect(hijack.json.error.code).toBe('INVALID_CREDENTIALS');
    await expect(t.login('boss@alpha.test', 'inviter-chosen-password')).rejects.toThrow(/401/);
    expect(await t.login('boss@alpha.test')).toBeTruthy();
    // The link is not spent by the failed try: the real person can still use it.
    expect((await accept(tokenOf(link), PASSWORD)).status).toBe(200);
  });

  it('spends the link once when 4 accepts arrive in parallel', async () => {
    const link = (await invite(bravo.token, 'racer@nowhere.test')).json.link as string;
    const passwords = ['racer-password-1', 'racer-password-2', 'racer-password-3', 'racer-password-4'];
    const answers = await Promise.all(passwords.map((p) => accept(tokenOf(link), p)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404, 404]);
    expect(answers.filter((a) => a.status === 404).every((a) => a.json.error.code === 'INVITATION_INVALID')).toBe(true);
    const members = await t.db
      .select()
      .from(users)
      .where(and(eq(users.workspaceId, bravo.workspace.id), eq(users.email, 'racer@nowhere.test')));
    expect(members).toHaveLength(1);
    const winner = passwords[answers.findIndex((a) => a.status === 200)]!;
    expect(await t.login('racer@nowhere.test', winner)).toBeTruthy();
    expect((await accept(tokenOf(link), 'racer-password-5')).status).toBe(404);
  });

  it('spends the link once when 4 accepts with an existing login’s right password arrive in parallel', async () => {
    await t.seedUser(alpha.workspace.id, 'agent', 'twin@alpha.test');
    const link = (await invite(bravo.token, 'twin@alpha.test')).json.link as string;
    const answers = await Promise.all(Array.from({ length: 4 }, () => accept(tokenOf(link), PASSWORD)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404, 404]);
    const sessions = answers.filter((a) => a.status === 200).map((a) => a.json.token);
    expect(sessions).toHaveLength(1);
  });

  it('expires the link 7 days after it was made', async () => {
    const link = (await invite(bravo.token, 'late@nowhere.test')).json.link as string;
    const made = now;
    try {
      now = new Date(made.getTime() + 7 * 86_400_000 - 60_000);
      expect((await t.app.request(`/invitations/accept?token=${tokenOf(link)}`)).status).toBe(200);
      now = new Date(made.getTime() + 7 * 86_400_000 + 1000);
      expect((await t.app.request(`/invitations/accept?token=${tokenOf(link)}`)).status).toBe(404);
      const res = await accept(tokenOf(link), 'late-but-long-password');
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('INVITATION_INVALID');
    } finally {
      now = made;
    }
  });

  it('keeps roles: admins cannot invite owners, agents cannot invite at all', async () => {
    const admin = await t.seedUser(bravo.workspace.id, 'admin', 'admin@bravo.test');
    const agent = await t.seedUser(bravo.workspace.id, 'agent', 'agent@bravo.test');
    expect((await invite(admin.token, 'owner-wannabe@nowhere.test', 'owner')).status).toBe(403);
    expect((await invite(agent.token, 'friend@nowhere.test', 'agent')).status).toBe(403);
    expect((await invite(admin.token, 'helper@nowhere.test', 'admin')).status).toBe(201);
  });

  it('does not let an admin set the password of someone who also works in another workspace', async () => {
    await t.seedUser(alpha.workspace.id, 'agent', 'shared@alpha.test');
    const link = (await invite(bravo.token, 'shared@alpha.test')).json.link as string;
    const joined = await accept(tokenOf(link), PASSWORD);
    const me = await t.request('GET', '/api/v1/me', { token: joined.json.token });
    const res = await t.request('PATCH', `/api/v1/users/${me.json.id}`, {
      token: bravo.token,
      body: { password: 'bravo-knows-this-one' },
    });
    expect(res.status).toBe(403);
    await expect(t.login('shared@alpha.test', 'bravo-knows-this-one')).rejects.toThrow(/401/);
  });
});

describe('switching workspace', () => {
  it('offers a switcher in the shell and moves the session to the other membership', async () => {
    await t.seedUser(alpha.workspace.id, 'agent', 'sam@alpha.test');
    await accept(tokenOf((await invite(bravo.token, 'sam@alpha.test')).json.link), PASSWORD);
    const web = formClient(t);
    const session = await t.browserSession('sam@alpha.test');
    const inbox = await web.get('/inbox', session);
    expect(inbox.html).toContain('data-testid="workspace-switcher"');
    const current = (await t.request('GET', '/api/v1/me', { headers: { cookie: session.cookie } })).json.workspaceSlug;
    const other = current === 'alpha' ? alpha.workspace : bravo.workspace;
    const moved = await web.send('/switch-workspace', { workspaceId: other.id }, session);
    expect(moved.status).toBe(303);
    expect(moved.location).toBe('/inbox');
    expect((await t.request('GET', '/api/v1/me', { headers: { cookie: moved.cookie } })).json.workspaceSlug).toBe(
      other.slug,
    );
    // The old session ended with the move.
    expect((await t.request('GET', '/api/v1/me', { headers: { cookie: session.cookie } })).status).toBe(401);
  });

  it('refuses to switch into a workspace the login is not in (404), and offers no switcher with one', async () => {
    const solo = await t.seedUser(alpha.workspace.id, 'agent', 'solo@alpha.test');
    const res = await t.request('POST', '/api/v1/auth/switch-workspace', {
      token: solo.token,
      body: { workspaceId: bravo.workspace.id },
    });
    expect(res.status).toBe(404);
    expect((await t.request('GET', '/api/v1/me', { token: solo.token })).json.workspaceSlug).toBe('alpha');
    const page = await formClient(t).get('/inbox', await t.browserSession('solo@alpha.test'));
    expect(page.html).not.toContain('workspace-switcher');
  });
});

describe('invitation email', () => {
  it('is emailed (no link in the answer) when SMTP is set, and the mail log keeps no usable link', async () => {
    const mailer = recordingMailer();
    const s = await createTestContext({ mailer });
    try {
      const ws = await s.seedWorkspace('Mailed');
      const res = await s.request('POST', '/api/v1/invitations', {
        token: ws.token,
        body: { email: 'mailed@nowhere.test', role: 'agent' },
      });
      expect(res.status).toBe(201);
      expect(res.json.link).toBeNull();
      const sent = mailer.sent.at(-1)!;
      expect(sent.to).toBe('mailed@nowhere.test');
      const token = /token=([\w-]+)/.exec(sent.text)![1]!;
      const [logged] = await s.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'mailed@nowhere.test'));
      expect(logged!.body).not.toContain(token);
      expect(
        (await s.request('POST', '/api/v1/invitations/accept', { body: { token, password: 'mailed-password-1' } }))
          .status,
      ).toBe(200);
    } finally {
      await s.close();
    }
  });
});
