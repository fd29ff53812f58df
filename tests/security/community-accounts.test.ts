import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/password';
import { runCommand } from '../../src/cli/commands';
import { createMailer } from '../../src/accounts/mailer';
import { communityBySlug, resetPassword, signUp } from '../../src/community/members.service';
import { members } from '../../src/community/schema';
import { mailOutbox } from '../../src/accounts/schema';
import { contacts, identities } from '../../src/contacts/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import type { Mailer, MailMessage } from '../../src/http/env';
import { formClient, type Session } from '../helpers/forms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, PASSWORD, TEST_PASSWORD_PARAMS, type TestContext } from '../helpers/test-app';

/**
 * Community member accounts against hostile staff and visitors: link tokens stay with the member
 * (not in the staff mail log, not in the app log), reset links are single use even when raced,
 * sign-up does the same work for taken and new emails, only a workspace manager opens or closes the
 * board, and a self-written bio email never joins someone else's contact.
 */

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let slug: string;
let agent: Session;
let owner: Session;
// Everything the app writes to its log, as JSON lines.
const appLog: string[] = [];
// What the member receives (the real mailer without SMTP sends nothing, and logs).
const sent: MailMessage[] = [];
let ipSeq = 0;

const FORM = 'application/x-www-form-urlencoded';
const post = async (path: string, fields: Record<string, string>) => {
  // A fresh address per request keeps the per-address rate limits out of the way.
  const headers = { 'content-type': FORM, 'x-forwarded-for': `198.51.100.${++ipSeq % 250}` };
  const res = await t.app.request(path, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const get = (path: string, who?: Session) => formClient(t).get(path, who);
const send = (path: string, fields: Record<string, string>, who?: Session) => formClient(t).send(path, fields, who);
const tokenOf = (mail: MailMessage) => /token=([\w-]+)/.exec(mail.text)![1]!;
const lastMailTo = (to: string) => sent.filter((m) => m.to === to).at(-1)!;
const signUpAs = (email: string) =>
  post(`/c/${slug}/signup`, { displayName: email.split('@')[0]!, email, password: PASSWORD });
const askReset = async (email: string) => {
  await post(`/c/${slug}/forgot`, { email });
  return tokenOf(lastMailTo(email));
};
const memberByEmail = async (email: string) => (await t.db.select().from(members).where(eq(members.email, email)))[0]!;

beforeAll(async () => {
  const logger = pino({ level: 'trace' }, { write: (line: string) => void appLog.push(line) });
  const real = createMailer({ from: 'Board <board@safety.test>' }, logger);
  const mailer: Mailer = {
    configured: real.configured,
    async send(m) {
      sent.push(m);
      await real.send(m);
    },
  };
  t = await createTestContext({ logger, mailer });
  ws = await t.seedWorkspace('Member Safety');
  slug = ws.workspace.slug;
  await t.seedUser(ws.workspace.id, 'agent', 'agent@membersafety.test');
  agent = await t.browserSession('agent@membersafety.test');
  owner = await t.browserSession(`owner@membersafety.test`);
});
afterAll(() => t.close());

describe('member link tokens', () => {
  it('keeps no usable token in the staff mail log or the app log after sign-up and reset', async () => {
    await signUpAs('lia@member.test');
    const verifyToken = tokenOf(lastMailTo('lia@member.test'));
    const resetToken = await askReset('lia@member.test');

    const log = appLog.join('\n');
    expect(log).toContain('email not sent');
    for (const token of [verifyToken, resetToken]) expect(log).not.toContain(token);
    expect(log).not.toMatch(/token=(?!\[redacted\])/);

    const page = await get('/community/mail', agent);
    expect(page.status).toBe(200);
    for (const token of [verifyToken, resetToken]) expect(page.html).not.toContain(token);
    const stored = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'lia@member.test'));
    expect(stored).toHaveLength(2);
    for (const m of stored) expect(m.body).not.toMatch(new RegExp(`${verifyToken}|${resetToken}`));

    // What the agent can copy from the log confirms nothing and resets nothing.
    const shown = [...page.html.matchAll(/http:\/\/localhost(\/c\/[\w-]+\/(?:verify|reset)\?token=[^\s<]+)/g)].map(
      (m) => m[1]!,
    );
    for (const link of shown) expect(link).toMatch(/\?token=\[redacted\]$/);
    const verifyLink = shown.find((l) => l.includes('/verify?'))!;
    const resetLink = shown.find((l) => l.includes('/reset?'))!;
    expect((await get(verifyLink)).status).toBe(422);
    const shownToken = new URLSearchParams(resetLink.split('?')[1]).get('token')!;
    expect((await post(`/c/${slug}/reset`, { token: shownToken, password: 'taken-over-pass' })).status).toBe(422);
    expect((await memberByEmail('lia@member.test')).emailVerifiedAt).toBeNull();

    // The member's own link, from the email itself, still works.
    expect((await get(`/c/${slug}/verify?token=${verifyToken}`)).location).toBe(`/c/${slug}?ok=verified`);
  });

  it('lets exactly one of 4 parallel resets with the same token through', async () => {
    await signUpAs('rui@member.test');
    const token = await askReset('rui@member.test');
    const community = await communityBySlug(t.db, slug);
    const passwords = [1, 2, 3, 4].map((i) => `parallel-pass-${i}`);
    // Each reset waits, hash in hand, for the other three: all four reach the database at once.
    let hashed = 0;
    let release = () => {};
    const together = new Promise<void>((resolve) => (release = resolve));
    const hasher = async (password: string, params?: typeof TEST_PASSWORD_PARAMS) => {
      const hash = await hashPassword(password, params);
      if (++hashed === passwords.length) release();
      await together;
      return hash;
    };
    const deps = {
      db: t.db,
      logger: t.deps.logger,
      mailer: t.deps.mailer,
      passwordParams: TEST_PASSWORD_PARAMS,
      hasher,
    };
    const results = await Promise.allSettled(
      passwords.map((password) => resetPassword(deps, community, token, password, new Date())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'MEMBER_LINK_INVALID' });
    const logins = await Promise.all(
      passwords.map((password) => post(`/c/${slug}/login`, { email: 'rui@member.test', password })),
    );
    expect(logins.filter((l) => l.status === 303)).toHaveLength(1);
  });

  it('voids the member’s other open reset links when one of them is used', async () => {
    await signUpAs('sol@member.test');
    const older = await askReset('sol@member.test');
    const newer = await askReset('sol@member.test');
    expect((await post(`/c/${slug}/reset`, { token: newer, password: 'chosen-new-pass' })).status).toBe(303);
    expect((await post(`/c/${slug}/reset`, { token: older, password: 'stale-link-pass' })).status).toBe(422);
    expect((await post(`/c/${slug}/login`, { email: 'sol@member.test', password: 'chosen-new-pass' })).status).toBe(
      303,
    );
  });

  it('does the same work for a sign-up with a taken email as with a new one', async () => {
    const community = await communityBySlug(t.db, slug);
    const stepsOf = async (email: string) => {
      const steps: string[] = [];
      const deps = {
        db: t.db,
        logger: t.deps.logger,
        passwordParams: TEST_PASSWORD_PARAMS,
        hasher: async (password: string, params?: typeof TEST_PASSWORD_PARAMS) => {
          steps.push('hash');
          return hashPassword(password, params);
        },
        mailer: { configured: true, send: async () => void steps.push('mail') },
      };
      const ctx = { ip: `same-work-${email}`, baseUrl: 'http://localhost', now: new Date() };
      await signUp(deps, community, { email, password: PASSWORD, displayName: 'Same' }, ctx);
      return steps;
    };
    await stepsOf('taken@member.test');
    const taken = await stepsOf('taken@member.test');
    const fresh = await stepsOf('fresh@member.test');
    expect(taken).toEqual(['hash', 'mail']);
    expect(taken).toEqual(fresh);
  });

  it('without SMTP, gives the operator a working link on the CLI and nobody else', async () => {
    await signUpAs('cli@member.test');
    const out: string[] = [];
    const cli = { db: t.db, out: (l: string) => void out.push(l), defaultWorkspaceName: 'x' };
    await runCommand(['member-link', '--email', 'cli@member.test', '--workspace', slug], cli);
    const path = out.at(-1)!;
    expect(path).toMatch(new RegExp(`^/c/${slug}/verify\\?token=[\\w-]+$`));
    expect((await get('/community/mail', agent)).html).not.toContain(path);
    expect(appLog.join('\n')).not.toContain(path.split('=')[1]!);
    expect((await get(path)).location).toBe(`/c/${slug}?ok=verified`);
  });
});

describe('board settings', () => {
  it('refuses an agent (403) and lets the owner open and close the board', async () => {
    expect((await get('/community/categories', agent)).html).not.toContain('data-testid="board-settings"');
    expect((await send('/community/settings', {}, agent)).status).toBe(403);
    expect((await get(`/c/${slug}`)).status).toBe(200);
    expect((await send('/community/settings', {}, owner)).location).toBe('/community/categories?ok=saved');
    expect((await get(`/c/${slug}`)).status).toBe(404);
    expect((await send('/community/settings', { enabled: '1' }, owner)).location).toBe(
      '/community/categories?ok=saved',
    );
    expect((await get(`/c/${slug}`)).status).toBe(200);
  });
});

describe('linking by email', () => {
  let n = 0;
  const ingestX = (author: Parameters<typeof socialAuthor>[0]) =>
    ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: `x-post-${++n}`,
        text: 'hello from a new account',
        createdAt: new Date(),
        author: socialAuthor(author),
      }),
    ]);
  const contactOf = async (externalId: string) =>
    (await t.db.select().from(identities).where(eq(identities.externalId, externalId)))[0]!.contactId;
  const vip = async (email: string) =>
    (
      await t.db
        .insert(contacts)
        .values({ workspaceId: ws.workspace.id, name: 'Vera Important', emails: [email] })
        .returning()
    )[0]!;

  it('won’t join a VIP’s contact on a new X account’s bio email; suggests both with the strong reason', async () => {
    const vera = await vip('vera@vip.test');
    await ingestX({
      externalId: 'x-impostor',
      handle: 'totally_vera',
      name: 'Not Vera',
      bio: 'Official! Write to vera@vip.test',
    });
    const impostor = await contactOf('x-impostor');
    expect(impostor).not.toBe(vera.id);
    const [own] = await t.db.select().from(contacts).where(eq(contacts.id, impostor));
    expect(own!.emails).toEqual([]);
    const dups = await t.request('GET', '/api/v1/contacts/duplicates', { token: ws.token });
    const ids = (s: { contacts: { id: string }[] }) => s.contacts.map((c) => c.id);
    const pair = dups.json.items.find(
      (s: { contacts: { id: string }[] }) => ids(s).includes(vera.id) && ids(s).includes(impostor),
    );
    expect(pair.reasons).toContainEqual(
      expect.objectContaining({ code: 'same_email', detail: 'vera@vip.test, written in the x bio (not verified)' }),
    );
    expect(pair.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('links an account whose email the platform verified', async () => {
    const uma = await vip('uma@vip.test');
    await ingestX({ externalId: 'x-uma', handle: 'uma', name: 'Uma', verifiedEmails: ['Uma@VIP.test'] });
    expect(await contactOf('x-uma')).toBe(uma.id);
  });

  it('won’t let a bio email claimed first pull the owner’s confirmed member into the claimant’s contact', async () => {
    await ingestX({ externalId: 'x-early', handle: 'early_bird', name: 'Early Bird', bio: 'nova@vip.test' });
    await signUpAs('nova@vip.test');
    expect((await get(`/c/${slug}/verify?token=${tokenOf(lastMailTo('nova@vip.test'))}`)).status).toBe(303);
    expect((await memberByEmail('nova@vip.test')).contactId).not.toBe(await contactOf('x-early'));
  });
});
