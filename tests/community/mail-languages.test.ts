import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, staffAccounts, users } from '../../src/accounts/schema';
import { resetMail, signUpExistingMail, statusMail, verifyMail } from '../../src/community/mail.messages';
import { invitationMail } from '../../src/accounts/invitations.messages';
import { ideas, ideaVotes, memberSessions, members } from '../../src/community/schema';
import { hashToken } from '../../src/core/tokens';
import { MEMBER_COOKIE } from '../../src/http/auth.middleware';
import { sendWeeklyDigests } from '../../src/reports/digest';
import { digestMail } from '../../src/reports/digest.messages';
import { type FakeSmtp, startFakeSmtp } from '../fakes/smtp-server';
import { englishIn, englishRuns } from '../helpers/english-runs';
import { formClient } from '../helpers/forms';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Emails go out in the reader's language, through a real SMTP conversation: a member's in the language the
 * board showed them (changed on their profile), a teammate's in theirs, else the workspace's default; the
 * board's German says du or Sie as the workspace chose.
 */

let t: TestContext;
let smtp: FakeSmtp;
const clock = { now: new Date('2026-12-07T08:00:00Z') };
let boards = 0;
const FORM = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  smtp = await startFakeSmtp();
  t = await createTestContext({ env: { SMTP_URL: smtp.url }, clock: () => clock.now });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** The latest message SMTP received for an address: its decoded subject and text. */
async function mailTo(address: string): Promise<{ subject: string; text: string }> {
  const mail = await smtp.lastMail(address);
  if (!mail) throw new Error(`no mail to ${address}`);
  return mail;
}

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
    cookies: res.headers.get('set-cookie') ?? '',
  };
};
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
const linkIn = (text: string) => pathOf(/(https?:\/\/\S+)/.exec(text)![1]!);

/** A workspace of one test's own with its board's default language (and du/Sie when given). */
async function board(language: 'en' | 'de', boardAddress?: 'du' | 'sie') {
  const n = ++boards;
  const ws = await t.seedWorkspace(`Lingo Board ${n}`);
  const patch = await t.request('PATCH', '/api/v1/workspace', {
    token: ws.token,
    body: { defaultLanguage: language, ...(boardAddress ? { boardAddress } : {}) },
  });
  expect(patch.status).toBe(200);
  const { slug, name, id } = ws.workspace;
  return { ws, slug, name, id, email: (who: string) => `${who}@lingo${n}.test` };
}

const signUp = (slug: string, email: string, headers: Record<string, string> = {}) =>
  post(`/c/${slug}/signup`, { displayName: 'Mia', email, password: 'long-enough-pass' }, headers);

describe('emails in the reader’s language', () => {
  it('sends a member who signs up on a German board the verification email in German', async () => {
    const b = await board('de');
    const mia = b.email('mia');
    const res = await signUp(b.slug, mia);
    expect(res.status).toBe(200);
    expect(res.html).toContain('Sehen Sie in Ihr Postfach');
    const mail = await mailTo(mia);
    expect(mail.subject).toBe(`Bestätigen Sie Ihre E-Mail-Adresse für ${b.name}`);
    expect(mail.text).toContain(`Willkommen in der Community von ${b.name}!`);
    expect(mail.text).toContain('Der Link gilt 3 Tage lang.');
    expect(englishIn(`${mail.subject}\n${mail.text}`, englishRuns(verifyMail))).toEqual([]);
    const [m] = await t.db.select().from(members).where(eq(members.email, mia));
    expect(m!.language).toBe('de');
    // The German link confirms as any other.
    expect((await get(linkIn(mail.text))).location).toBe(`/c/${b.slug}?ok=verified`);
  });

  it('writes in English on an English board, and in German to a visitor whose browser asked for German', async () => {
    const b = await board('en');
    await signUp(b.slug, b.email('ana'));
    const english = await mailTo(b.email('ana'));
    expect(english.subject).toBe(`Confirm your email for ${b.name}`);
    expect(english.text).toContain(`Welcome to the ${b.name} community!`);
    await signUp(b.slug, b.email('jan'), { 'accept-language': 'de-AT,de;q=0.9' });
    expect((await mailTo(b.email('jan'))).subject).toBe(`Bestätigen Sie Ihre E-Mail-Adresse für ${b.name}`);
  });

  it('sends English resets to a member who switched to English on a German board; the notice in theirs', async () => {
    const b = await board('de');
    const mia = b.email('mia');
    await signUp(b.slug, mia);
    await get(linkIn((await mailTo(mia)).text));
    // Someone with an English browser tries her address: she is told, in her language.
    await signUp(b.slug, mia, { 'accept-language': 'en' });
    const notice = await mailTo(mia);
    expect(notice.subject).toBe(`Jemand wollte sich bei ${b.name} mit Ihrer E-Mail-Adresse registrieren`);
    expect(englishIn(notice.text, englishRuns(signUpExistingMail))).toEqual([]);
    await post(`/c/${b.slug}/forgot`, { email: mia });
    expect((await mailTo(mia)).subject).toBe(`Setzen Sie Ihr Passwort für ${b.name} zurück`);

    const login = await post(`/c/${b.slug}/login`, { email: mia, password: 'long-enough-pass' });
    const cookie = login.cookies.split(';')[0]!;
    const profile = await get(`/c/${b.slug}/profile`, { cookie });
    expect(profile.html).toMatch(/<option value="de" lang="de" selected/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(profile.html)![1]!;
    const saved = await post(`/c/${b.slug}/profile`, { _csrf: csrf, displayName: 'Mia', language: 'en' }, { cookie });
    expect(saved.location).toBe(`/c/${b.slug}/profile?ok=saved`);
    // The board follows at once in this browser, too.
    expect(saved.cookies).toContain('lang=en');

    clock.now = new Date(clock.now.getTime() + 60_000);
    await post(`/c/${b.slug}/forgot`, { email: mia });
    const reset = await mailTo(mia);
    expect(reset.subject).toBe(`Reset your password for ${b.name}`);
    expect(reset.text).toContain('Choose a new password here (the link works for an hour):');
    expect(reset.text).not.toMatch(/Passwort|Sie /);
    expect(englishRuns(resetMail).every((run) => `${reset.subject}\n${reset.text}`.includes(run))).toBe(true);
  });

  it('invites in the language the inviter picked, the workspace’s by default, and the login starts in it', async () => {
    const b = await board('de');
    const owner = await t.browserSession(`owner@lingoboard${boards}.test`);
    const form = await formClient(t).get('/settings/users', owner);
    expect(form.html).toMatch(
      new RegExp(
        '<select name="language">\\s*<option value="en" lang="en">English</option>' +
          '\\s*<option value="de" lang="de" selected',
      ),
    );

    const invited = await t.request('POST', '/api/v1/invitations', {
      token: b.ws.token,
      body: { email: b.email('lea'), role: 'agent' },
    });
    expect(invited.json.invitation.language).toBe('de');
    const german = await mailTo(b.email('lea'));
    expect(german.subject).toBe(`Einladung zu ${b.name} bei Social CRM`);
    expect(german.text).toContain(`Sie sind eingeladen, ${b.name} bei Social CRM als Bearbeiter:in beizutreten.`);
    expect(englishIn(`${german.subject}\n${german.text}`, englishRuns(invitationMail))).toEqual([]);

    await t.request('POST', '/api/v1/invitations', {
      token: b.ws.token,
      body: { email: b.email('sam'), role: 'agent', language: 'en' },
    });
    expect((await mailTo(b.email('sam'))).subject).toBe(`You are invited to ${b.name} on Social CRM`);

    const token = /token=([\w-]+)/.exec(german.text)![1]!;
    const accepted = await t.request('POST', '/api/v1/invitations/accept', {
      body: { token, password: 'a-new-password-12' },
    });
    expect(accepted.status).toBe(200);
    const [account] = await t.db
      .select()
      .from(staffAccounts)
      .where(eq(staffAccounts.email, b.email('lea')));
    expect(account!.language).toBe('de');
  });

  it('opens the invitation link in the invitation’s language, unless the visitor chose one', async () => {
    const b = await board('en');
    await t.request('POST', '/api/v1/invitations', {
      token: b.ws.token,
      body: { email: b.email('ute'), role: 'agent', language: 'de' },
    });
    const link = linkIn((await mailTo(b.email('ute'))).text);
    const token = new URLSearchParams(link.split('?')[1]).get('token')!;
    const english = { 'accept-language': 'en' };

    // Her browser asks for English, the workspace speaks English: the invitation was written in German.
    const page = await t.app.request(link, { headers: english });
    const html = await page.text();
    expect(page.headers.get('content-language')).toBe('de');
    expect(html).toContain('<html lang="de"');
    expect(html).toContain(`${b.name} beitreten`);

    // The form's problems too: the password is checked before she is known.
    const short = await post('/invitations/accept', { token, password: 'short' }, english);
    expect(short.status).toBe(422);
    expect(short.html).toContain('mindestens 12 Zeichen');
    expect(short.html).not.toContain('at least 12 characters');

    // The language switch is her own choice and wins.
    const chosen = await get(link, { ...english, cookie: 'lang=en' });
    expect(chosen.html).toContain('<html lang="en"');
    expect(chosen.html).toContain(`Join ${b.name}`);
  });

  it('tells each voter of a status change in their language, once; notifications worded when read', async () => {
    const b = await board('de');
    const voters = await t.db
      .insert(members)
      .values(
        (['en', 'de', null] as const).map((language, i) => ({
          workspaceId: b.id,
          email: b.email(`voter${i}`),
          displayName: `Voter ${i}`,
          passwordHash: 'x',
          emailVerifiedAt: clock.now,
          language,
        })),
      )
      .returning();
    const [idea] = await t.db
      .insert(ideas)
      .values({ workspaceId: b.id, title: 'Night theme', body: 'darker', voteCount: 3 })
      .returning();
    await t.db.insert(ideaVotes).values(voters.map((m) => ({ ideaId: idea!.id, memberId: m.id })));
    const res = await t.request('PATCH', `/api/v1/ideas/${idea!.id}`, {
      token: b.ws.token,
      body: { status: 'planned', statusNote: 'In the spring' },
    });
    expect(res.status).toBe(200);
    await t.deps.events.idle();

    const [en, de, none] = await Promise.all(voters.map((v) => mailTo(v.email)));
    expect(en!.subject).toBe(`${b.name}: “Night theme” is now Planned`);
    expect(en!.text).toContain('An idea you voted for changed: Planned.');
    for (const german of [de!, none!]) {
      expect(german.subject).toBe(`${b.name}: „Night theme“ hat jetzt den Status „Geplant“`);
      expect(german.text).toContain('Eine Idee, für die Sie abgestimmt haben, hat sich geändert: Geplant.');
      expect(german.text).toContain('In the spring');
      expect(englishIn(`${german.subject}\n${german.text}`, englishRuns(statusMail))).toEqual([]);
    }
    // Each once.
    const sent = await t.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.workspaceId, b.id), eq(mailOutbox.kind, 'status')));
    expect(sent.map((m) => m.to).sort()).toEqual(voters.map((v) => v.email).sort());

    // The in-app notification is worded when read: in the reader's language.
    const token = 'voter-session-token';
    await t.db.insert(memberSessions).values({
      memberId: voters[0]!.id,
      tokenHash: hashToken(token),
      csrfToken: 'c',
      expiresAt: new Date(clock.now.getTime() + 86_400_000),
    });
    const page = (lang: string) =>
      get(`/c/${b.slug}/notifications`, { cookie: `${MEMBER_COOKIE}=${token}; lang=${lang}` });
    expect((await page('en')).html).toContain('“Night theme” is now Planned: In the spring');
    expect((await page('de')).html).toContain('„Night theme“ hat jetzt den Status „Geplant“: In the spring');
  });

  it('sends the weekly digest to each teammate in their language, else the workspace’s', async () => {
    const b = await board('de');
    const { user } = await t.seedUser(b.id, 'agent', b.email('agent'));
    const [membership] = await t.db.select().from(users).where(eq(users.id, user.id));
    await t.db.update(staffAccounts).set({ language: 'en' }).where(eq(staffAccounts.id, membership!.accountId));
    await sendWeeklyDigests(t.deps);

    const owner = await mailTo(`owner@lingoboard${boards}.test`);
    expect(owner.subject).toBe(`${b.name}: Ihre Woche in Erwähnungen`);
    expect(owner.text).toContain(`${b.name}: die Woche vom 30.11.2026 bis 06.12.2026`);
    expect(owner.text).toContain('Offene Arbeit: 0 offene Unterhaltungen');
    expect(englishIn(`${owner.subject}\n${owner.text}`, englishRuns(digestMail))).toEqual([]);
    const agent = await mailTo(b.email('agent'));
    expect(agent.subject).toBe(`${b.name}: your week in mentions`);
    expect(agent.text).toContain('Open work: 0 open conversations');
  });

  it('says du on a board whose workspace chose it, in its pages and its emails; Sie otherwise', async () => {
    const sie = await board('de');
    expect((await get(`/c/${sie.slug}/signup`)).html).toContain(`Werden Sie Teil der Community von ${sie.name}`);

    const du = await board('de', 'du');
    expect((await t.request('GET', '/api/v1/workspace', { token: du.ws.token })).json.boardAddress).toBe('du');
    const owner = await t.browserSession(`owner@lingoboard${boards}.test`);
    const settings = await formClient(t).get('/settings/workspace', owner);
    expect(settings.html).toMatch(/<option value="du" selected/);
    const page = await get(`/c/${du.slug}/signup`);
    expect(page.html).toContain(`Werde Teil der Community von ${du.name}`);
    expect(page.html).not.toContain('Werden Sie');
    await signUp(du.slug, du.email('mia'));
    const mail = await mailTo(du.email('mia'));
    expect(mail.subject).toBe(`Bestätige deine E-Mail-Adresse für ${du.name}`);
    expect(mail.text).toContain('Bestätige deine E-Mail-Adresse, um Beiträge zu schreiben');
    expect(mail.text).not.toMatch(/\b(Sie|Ihre?)\b/);
    // A refusal on the board says du, too.
    const spent = await get(`/c/${du.slug}/verify?token=not-a-token`);
    expect(spent.html).toContain('Dieser Link ist nicht mehr gültig; fordere einen neuen an');
    expect((await get(`/c/${sie.slug}/verify?token=not-a-token`)).html).toContain('fordern Sie einen neuen an');
  });
});
