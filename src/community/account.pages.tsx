import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { MEMBER_COOKIE } from '../http/auth.middleware';
import { clearMemberCookie, setLanguageCookie, setMemberCookie } from '../http/cookies';
import { LANGUAGE_COOKIE } from '../http/i18n.middleware';
import { readerLocale } from '../accounts';
import type { AppContext, AppEnv } from '../http/env';
import { coreError } from '../core/errors';
import type { MessageDescriptor, MessageValues } from '../core/i18n/translator';
import { formProblem, parseForm, saidToViewer } from '../http/pages';
import { board } from './board.messages';
import {
  type Community,
  memberLanguage,
  memberLogin,
  memberLogout,
  requestPasswordReset,
  resetPassword,
  signUp,
  startMemberSession,
  updateProfile,
  verifyEmail,
} from './members.service';
import { ForgotPassword, MemberLogin, Profile, ResetPassword, SignUp } from './members.input';
import { memberDeps, publicContext } from './public-context';
import { baseUrl, clientKey } from '../http/request-origin';
import { CheckEmailPage, ForgotPage, MemberLoginPage, ProfilePage, ResetPage, SignUpPage } from './views/account-pages';

/** Notices after a redirect: a fixed word in the URL, never text from it. */
export const PUBLIC_OK: Record<string, MessageDescriptor> = {
  verified: board.okVerified,
  reset: board.okReset,
  saved: board.okSaved,
  posted: board.okPosted,
  held: board.okHeld,
  voted: board.okVoted,
  unvoted: board.okUnvoted,
  commented: board.okCommented,
  reviewed: board.okReviewed,
};
export const publicOk = (c: AppContext) => {
  const ok = PUBLIC_OK[c.req.query('ok') ?? ''];
  return ok ? c.var.i18n.t(ok) : undefined;
};

/** What a rule of a form's schema says, in the reader's language; `code` narrows it to one kind of problem. */
export interface IssueRule {
  message: MessageDescriptor;
  values?: MessageValues;
  code?: string;
}

/**
 * A posted form's first problem in the reader's language: the rule of its field (the same sentence its
 * schema says in English), else the schema's own sentence.
 */
export function formIssue(
  c: AppContext,
  issue: { path: PropertyKey[]; code: string; message: string },
  rules: Record<string, IssueRule[]>,
): string {
  const rule = rules[String(issue.path.at(-1))]?.find((r) => !r.code || r.code === issue.code);
  return rule ? c.var.i18n.t(rule.message, rule.values) : issue.message;
}

/** A service's refusal on a board page: its message in the reader's language, and its status. */
export function boardProblem(c: AppContext, err: unknown): { message: string; status: number } {
  const e = formProblem(err);
  return { message: saidToViewer(c, e), status: e.status };
}

const NAME_RULES: IssueRule[] = [
  { code: 'too_small', message: board.issueNameMissing },
  { code: 'too_big', message: board.issueNameLong },
];
const PASSWORD_RULES: IssueRule[] = [{ code: 'too_small', message: board.issuePassword }];
const SIGN_UP_RULES: Record<string, IssueRule[]> = {
  displayName: NAME_RULES,
  email: [{ code: 'invalid_format', message: board.issueEmail }],
  password: PASSWORD_RULES,
};

/** The language the member's emails are written in: theirs, else the workspace's default. */
async function emailLanguage(c: AppContext, community: Community, memberId: string) {
  return readerLocale(await memberLanguage(c.var.deps.db, memberId), community.workspace.defaultLanguage);
}

/** Only paths on the same board are followed after login. */
const safeBoardPath = (slug: string, next: string) =>
  next.startsWith(`/c/${slug}`) && !next.startsWith('//') ? next : `/c/${slug}`;

/** Sign-up, email confirmation, login, logout, password reset and profile for community members. */
export const memberAccountPages = new Hono<AppEnv>()
  .get('/c/:slug/signup', async (c) => c.html(<SignUpPage {...(await publicContext(c)).base} />))
  .post('/c/:slug/signup', async (c) => {
    const { community, base } = await publicContext(c);
    const form = await parseForm(c, SignUp);
    // The password is never sent back into the page.
    const { displayName = '', email = '' } = form.values;
    const values = { displayName, email };
    if (!form.ok)
      return c.html(<SignUpPage {...base} error={formIssue(c, form.issue, SIGN_UP_RULES)} values={values} />, 422);
    try {
      // Their emails come in the language the board showed them.
      await signUp(
        memberDeps(c),
        community,
        { ...form.data, language: c.var.i18n.locale },
        {
          ip: clientKey(c),
          baseUrl: baseUrl(c),
          now: c.var.deps.clock(),
        },
      );
    } catch (err) {
      const e = boardProblem(c, err);
      return c.html(<SignUpPage {...base} error={e.message} values={values} />, e.status as 422);
    }
    return c.html(<CheckEmailPage {...base} what="signup" />);
  })
  .get('/c/:slug/verify', async (c) => {
    const { community, base } = await publicContext(c);
    const now = c.var.deps.clock();
    let verified: Awaited<ReturnType<typeof verifyEmail>>;
    try {
      verified = await verifyEmail(memberDeps(c), community, c.req.query('token') ?? '', now);
    } catch (err) {
      // Opened a second time by the member it already signed in (a second click in the mail): the board.
      if (base.member?.verified) return c.redirect(`/c/${base.slug}`, 303);
      return c.html(<MemberLoginPage {...base} error={boardProblem(c, err).message} />, 422);
    }
    // The link worked once and reached only the member's mailbox: it signs them in, as a login does (Fider and
    // Discourse do the same), so they land on the board ready to post. A disabled member is only confirmed.
    if (verified.disabledAt) return c.redirect(`/c/${base.slug}/login?ok=verified`, 303);
    if (base.member?.id !== verified.id) {
      // Someone else signed in in this browser is signed out first: one member per browser.
      const previous = getCookie(c, MEMBER_COOKIE);
      if (previous && base.member) await memberLogout(c.var.deps.db, previous);
      const session = await startMemberSession(c.var.deps.db, verified, now);
      setMemberCookie(c, session.token, session.expiresAt);
      if (verified.language && !getCookie(c, LANGUAGE_COOKIE)) setLanguageCookie(c, verified.language);
    }
    return c.redirect(`/c/${base.slug}?ok=verified`, 303);
  })
  .get('/c/:slug/login', async (c) => {
    const { base } = await publicContext(c);
    return c.html(<MemberLoginPage {...base} next={c.req.query('next')} ok={publicOk(c)} />);
  })
  .post('/c/:slug/login', async (c) => {
    const { community, base } = await publicContext(c);
    const form = await parseForm(c, MemberLogin);
    const { email = '', next = '' } = form.values;
    try {
      if (!form.ok) throw coreError('FORM_INVALID', { problem: form.issue.message });
      const session = await memberLogin(memberDeps(c), community, form.data, {
        ip: clientKey(c),
        now: c.var.deps.clock(),
      });
      setMemberCookie(c, session.token, session.expiresAt);
      // The board speaks the member's language from now on, unless this browser picked one with the switch.
      if (session.member.language && !getCookie(c, LANGUAGE_COOKIE)) setLanguageCookie(c, session.member.language);
    } catch (err) {
      const e = boardProblem(c, err);
      return c.html(<MemberLoginPage {...base} error={e.message} values={{ email }} next={next} />, e.status as 401);
    }
    return c.redirect(safeBoardPath(base.slug, next), 303);
  })
  .post('/c/:slug/logout', async (c) => {
    const { base } = await publicContext(c);
    const token = getCookie(c, MEMBER_COOKIE);
    if (token) await memberLogout(c.var.deps.db, token);
    clearMemberCookie(c);
    return c.redirect(`/c/${base.slug}`, 303);
  })
  .get('/c/:slug/forgot', async (c) => c.html(<ForgotPage {...(await publicContext(c)).base} />))
  .post('/c/:slug/forgot', async (c) => {
    const { community, base } = await publicContext(c);
    // Whether the address is known or even valid, the answer is the same page.
    const form = await parseForm(c, ForgotPassword);
    try {
      if (form.ok)
        await requestPasswordReset(memberDeps(c), community, form.data.email, {
          ip: clientKey(c),
          baseUrl: baseUrl(c),
          now: c.var.deps.clock(),
        });
    } catch (err) {
      const e = boardProblem(c, err);
      return c.html(<ForgotPage {...base} error={e.message} />, e.status as 429);
    }
    return c.html(<CheckEmailPage {...base} what="reset" />);
  })
  .get('/c/:slug/reset', async (c) =>
    c.html(<ResetPage {...(await publicContext(c)).base} token={c.req.query('token') ?? ''} />),
  )
  .post('/c/:slug/reset', async (c) => {
    const { community, base } = await publicContext(c);
    const form = await parseForm(c, ResetPassword);
    const token = form.values.token ?? '';
    if (!form.ok) {
      const error = formIssue(c, form.issue, { password: PASSWORD_RULES });
      return c.html(<ResetPage {...base} token={token} error={error} />, 422);
    }
    try {
      await resetPassword(memberDeps(c), community, form.data.token, form.data.password, c.var.deps.clock());
    } catch (err) {
      return c.html(<ResetPage {...base} token={token} error={boardProblem(c, err).message} />, 422);
    }
    return c.redirect(`/c/${base.slug}/login?ok=reset`, 303);
  })
  .get('/c/:slug/profile', async (c) => {
    const { community, base } = await publicContext(c);
    if (!base.member) return c.redirect(`/c/${base.slug}/login?next=${encodeURIComponent(c.req.path)}`, 303);
    const language = await emailLanguage(c, community, base.member.id);
    return c.html(<ProfilePage {...base} language={language} ok={publicOk(c)} />);
  })
  .post('/c/:slug/profile', async (c) => {
    const { community, base } = await publicContext(c);
    if (!base.member) return c.redirect(`/c/${base.slug}/login`, 303);
    const form = await parseForm(c, Profile);
    if (!form.ok) {
      const error = formIssue(c, form.issue, { displayName: NAME_RULES });
      const language = await emailLanguage(c, community, base.member.id);
      return c.html(<ProfilePage {...base} language={language} error={error} />, 422);
    }
    await updateProfile(c.var.deps.db, base.member.id, form.data);
    // The board follows the choice at once, in this browser (the language switch's cookie).
    if (form.data.language) setLanguageCookie(c, form.data.language);
    return c.redirect(`/c/${base.slug}/profile?ok=saved`, 303);
  });
