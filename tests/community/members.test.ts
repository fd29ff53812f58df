import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../src/community/schema';
import { contacts, identities } from '../../src/contacts/schema';
import { createTestContext, recordingMailer, type TestContext } from '../helpers/test-app';

let t: TestContext;
const mailer = recordingMailer();
let boards = 0;
const FORM = 'application/x-www-form-urlencoded';

const post = async (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': FORM, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
  };
};
const get = async (path: string, cookie = '') => {
  const res = await t.app.request(path, { headers: { cookie } });
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
    setCookie: res.headers.get('set-cookie') ?? '',
  };
};
/** The member session cookie a response sets, as a request header sends it back. */
const memberCookieOf = (setCookie: string) => /(?:^|,\s*)(msid=[^;]*)/.exec(setCookie)?.[1] ?? '';
const linkIn = (text: string) =>
  new URL(/(https?:\/\/\S+)/.exec(text)![1]!).pathname + new URL(/(https?:\/\/\S+)/.exec(text)![1]!).search;
const lastMailTo = (to: string) => mailer.sent.filter((m) => m.to === to).at(-1)!;

const memberByEmail = async (workspaceId: string, email: string) =>
  t.db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.email, email)));

/** A board of one test's own, and a mailbox with nothing in it yet (the same addresses sign up on every board). */
async function board() {
  mailer.sent.length = 0;
  const { workspace } = await t.seedWorkspace(`Acme Board ${++boards}`);
  return { slug: workspace.slug, workspaceId: workspace.id };
}

/** Mia, signed up through the form and confirmed through her mailed link. */
async function miaJoins(slug: string) {
  await post(`/c/${slug}/signup`, {
    displayName: 'Mia <b>Ma</b>',
    email: 'Mia@Example.com',
    password: 'long-enough-pass',
  });
  expect((await get(linkIn(lastMailTo('mia@example.com').text))).location).toBe(`/c/${slug}?ok=verified`);
}

beforeAll(async () => {
  t = await createTestContext({ mailer });
});
afterAll(() => t.close());

describe('community members', () => {
  it('signs up, confirms the email by the mailed link, becomes a CRM contact with a community identity', async () => {
    const { slug, workspaceId } = await board();
    const res = await post(`/c/${slug}/signup`, {
      displayName: 'Mia <b>Ma</b>',
      email: 'Mia@Example.com',
      password: 'long-enough-pass',
    });
    expect(res.status).toBe(200);
    expect(res.html).toContain('Check your email');
    const mail = lastMailTo('mia@example.com');
    expect(mail.subject).toContain('Confirm your email');
    const verify = await get(linkIn(mail.text));
    expect(verify.location).toBe(`/c/${slug}?ok=verified`);
    const [m] = await memberByEmail(workspaceId, 'mia@example.com');
    expect(m!.emailVerifiedAt).not.toBeNull();
    const [contact] = await t.db.select().from(contacts).where(eq(contacts.id, m!.contactId!));
    expect(contact).toMatchObject({ name: 'Mia <b>Ma</b>', emails: ['mia@example.com'] });
    const [identity] = await t.db.select().from(identities).where(eq(identities.externalId, m!.id));
    expect(identity).toMatchObject({ platform: 'community', contactId: contact!.id });
    // The link works once.
    expect((await get(linkIn(mail.text))).status).toBe(422);
  });

  it('links a member to the existing contact with that email', async () => {
    const { slug, workspaceId } = await board();
    const [existing] = await t.db
      .insert(contacts)
      .values({
        workspaceId,
        name: 'Leo from the CRM',
        emails: ['leo@example.com'],
      })
      .returning();
    await post(`/c/${slug}/signup`, { displayName: 'Leo', email: 'leo@example.com', password: 'long-enough-pass' });
    await get(linkIn(lastMailTo('leo@example.com').text));
    const [m] = await memberByEmail(workspaceId, 'leo@example.com');
    expect(m!.contactId).toBe(existing!.id);
  });

  it('answers a sign-up with a taken email exactly as any other, and tells the owner by email instead', async () => {
    const { slug, workspaceId } = await board();
    await miaJoins(slug);
    const again = await post(`/c/${slug}/signup`, {
      displayName: 'Not Mia',
      email: 'mia@example.com',
      password: 'another-long-pass',
    });
    const fresh = await post(`/c/${slug}/signup`, {
      displayName: 'Nora',
      email: 'nora@example.com',
      password: 'another-long-pass',
    });
    expect(again.status).toBe(fresh.status);
    expect(again.html.replace(/name="csrf-token" content="[^"]*"/, '')).toBe(
      fresh.html.replace(/name="csrf-token" content="[^"]*"/, ''),
    );
    expect(lastMailTo('mia@example.com').subject).toContain('tried to sign up');
    expect(await memberByEmail(workspaceId, 'mia@example.com')).toHaveLength(1);
  });

  it('refuses bad sign-up input with a clear message', async () => {
    const { slug } = await board();
    const res = await post(`/c/${slug}/signup`, {
      displayName: 'Zed',
      email: 'not-an-email',
      password: 'long-enough-pass',
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('Enter a valid email address');
    expect(
      (await post(`/c/${slug}/signup`, { displayName: 'Zed', email: 'zed@example.com', password: 'short' })).html,
    ).toContain('at least 10 characters');
  });

  it('signs the member in when they open the confirmation link, once: a second opening signs nobody in', async () => {
    const { slug } = await board();
    await post(`/c/${slug}/signup`, { displayName: 'Ola', email: 'ola@example.com', password: 'long-enough-pass' });
    const link = linkIn(lastMailTo('ola@example.com').text);
    const first = await get(link);
    expect(first.location).toBe(`/c/${slug}?ok=verified`);
    const cookie = memberCookieOf(first.setCookie);
    expect(cookie).toMatch(/^msid=.+/);
    const session = first.setCookie.split(/,\s*(?=\w+=)/).find((c) => c.startsWith('msid='))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    // The cookie is a member session like a login's: the board greets them and they may post at once.
    const welcome = await get(`/c/${slug}?ok=verified`, cookie);
    expect(welcome.html).toContain('Your email is confirmed. Welcome!');
    expect(welcome.html).toContain('data-testid="member-avatar"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await get(`/c/${slug}/profile`, cookie)).html)![1]!;
    const posted = await post(`/c/${slug}/ideas`, { _csrf: csrf, title: 'Offline mode', body: '' }, { cookie });
    expect(posted.location).toMatch(/\/ideas\/[0-9a-f-]{36}\?ok=posted$/);
    // The link is spent: opened again (a forwarded mail, a second device) it signs nobody in.
    const again = await get(link);
    expect(again.status).toBe(422);
    expect(again.setCookie).not.toContain('msid=');
    expect(again.html).toContain('This link is not valid any more');
    // Opened again in the browser it signed in, it simply leads to the board.
    expect((await get(link, cookie)).location).toBe(`/c/${slug}`);
  });

  it('logs in and out, and shows the member by initials', async () => {
    const { slug } = await board();
    await miaJoins(slug);
    const bad = await post(`/c/${slug}/login`, { email: 'mia@example.com', password: 'wrong-password!' });
    expect(bad.status).toBe(401);
    const ok = await post(`/c/${slug}/login`, { email: 'mia@example.com', password: 'long-enough-pass' });
    expect(ok.location).toBe(`/c/${slug}`);
    const profile = await get(`/c/${slug}/profile`, ok.cookie);
    expect(profile.html).toContain('data-testid="member-avatar"');

    expect(profile.html).toMatch(/title="Mia &lt;b&gt;Ma&lt;\/b&gt;"[^>]*>MB</);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(profile.html)![1]!;
    expect((await post(`/c/${slug}/logout`, { _csrf: csrf }, { cookie: ok.cookie })).location).toBe(`/c/${slug}`);
    expect((await get(`/c/${slug}/profile`, ok.cookie)).location).toBe(
      `/c/${slug}/login?next=%2Fc%2F${slug}%2Fprofile`,
    );
  });

  it('resets a password through the mailed link, saying the same for unknown emails', async () => {
    const { slug } = await board();
    await miaJoins(slug);
    const unknown = await post(`/c/${slug}/forgot`, { email: 'nobody@example.com' });
    const known = await post(`/c/${slug}/forgot`, { email: 'mia@example.com' });
    expect(unknown.html.replace(/name="csrf-token" content="[^"]*"/, '')).toBe(
      known.html.replace(/name="csrf-token" content="[^"]*"/, ''),
    );
    expect(mailer.sent.some((m) => m.to === 'nobody@example.com')).toBe(false);
    const link = linkIn(lastMailTo('mia@example.com').text);
    const token = new URLSearchParams(link.split('?')[1]).get('token')!;
    expect((await post(`/c/${slug}/reset`, { token, password: 'a-brand-new-pass' })).location).toBe(
      `/c/${slug}/login?ok=reset`,
    );
    expect((await post(`/c/${slug}/login`, { email: 'mia@example.com', password: 'a-brand-new-pass' })).status).toBe(
      303,
    );
    expect((await post(`/c/${slug}/reset`, { token, password: 'yet-another-pass' })).status).toBe(422);
  });

  it('limits sign-ups from one address', async () => {
    const { slug } = await board();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await post(
            `/c/${slug}/signup`,
            { displayName: `Bot ${i}`, email: `bot${i}@spam.test`, password: 'long-enough-pass' },
            { 'x-forwarded-for': '203.0.113.9' },
          )
        ).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('has no board for an unknown workspace', async () => {
    expect((await get('/c/no-such-board/signup')).status).toBe(404);
  });
});
