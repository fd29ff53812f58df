import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { MEMBER_COOKIE } from '../http/auth.middleware';
import { clearMemberCookie, setMemberCookie } from '../http/cookies';
import type { AppContext, AppEnv } from '../http/env';
import { coreError } from '../core/errors';
import { formProblem, parseForm } from '../http/pages';
import {
  memberLogin,
  memberLogout,
  requestPasswordReset,
  resetPassword,
  signUp,
  updateProfile,
  verifyEmail,
} from './members.service';
import { ForgotPassword, MemberLogin, Profile, ResetPassword, SignUp } from './members.input';
import { memberDeps, publicContext } from './public-context';
import { baseUrl, clientKey } from '../http/request-origin';
import { CheckEmailPage, ForgotPage, MemberLoginPage, ProfilePage, ResetPage, SignUpPage } from './views/account-pages';

/** Notices after a redirect: a fixed word in the URL, never text from it. */
export const PUBLIC_OK: Record<string, string> = {
  verified: 'Your email is confirmed. Welcome!',
  reset: 'Password changed: log in with the new one.',
  saved: 'Saved.',
  posted: 'Posted.',
  held: 'Thanks! A moderator looks at new posts before they are public.',
  voted: 'Vote counted.',
  unvoted: 'Vote taken back.',
  commented: 'Comment added.',
  reviewed: 'Review saved.',
};
export const publicOk = (c: AppContext) => PUBLIC_OK[c.req.query('ok') ?? ''];

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
    if (!form.ok) return c.html(<SignUpPage {...base} error={form.issue.message} values={values} />, 422);
    try {
      await signUp(memberDeps(c), community, form.data, {
        ip: clientKey(c),
        baseUrl: baseUrl(c),
        now: c.var.deps.clock(),
      });
    } catch (err) {
      const e = formProblem(err);
      return c.html(<SignUpPage {...base} error={e.message} values={values} />, e.status as 422);
    }
    return c.html(<CheckEmailPage {...base} what="signup" />);
  })
  .get('/c/:slug/verify', async (c) => {
    const { community, base } = await publicContext(c);
    try {
      await verifyEmail(memberDeps(c), community, c.req.query('token') ?? '', c.var.deps.clock());
    } catch (err) {
      return c.html(<MemberLoginPage {...base} error={formProblem(err).message} />, 422);
    }
    return c.redirect(base.member ? `/c/${base.slug}?ok=verified` : `/c/${base.slug}/login?ok=verified`, 303);
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
    } catch (err) {
      const e = formProblem(err);
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
      const e = formProblem(err);
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
    if (!form.ok) return c.html(<ResetPage {...base} token={token} error={form.issue.message} />, 422);
    try {
      await resetPassword(memberDeps(c), community, form.data.token, form.data.password, c.var.deps.clock());
    } catch (err) {
      return c.html(<ResetPage {...base} token={token} error={formProblem(err).message} />, 422);
    }
    return c.redirect(`/c/${base.slug}/login?ok=reset`, 303);
  })
  .get('/c/:slug/profile', async (c) => {
    const { base } = await publicContext(c);
    if (!base.member) return c.redirect(`/c/${base.slug}/login?next=${encodeURIComponent(c.req.path)}`, 303);
    return c.html(<ProfilePage {...base} ok={publicOk(c)} />);
  })
  .post('/c/:slug/profile', async (c) => {
    const { base } = await publicContext(c);
    if (!base.member) return c.redirect(`/c/${base.slug}/login`, 303);
    const form = await parseForm(c, Profile);
    if (!form.ok) return c.html(<ProfilePage {...base} error={form.issue.message} />, 422);
    await updateProfile(c.var.deps.db, base.member.id, form.data);
    return c.redirect(`/c/${base.slug}/profile?ok=saved`, 303);
  });
