import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { MEMBER_COOKIE } from '../http/auth.middleware';
import { clearMemberCookie, setMemberCookie } from '../http/cookies';
import type { AppContext, AppEnv } from '../http/env';
import { formFields, formProblem } from '../http/pages';
import {
  memberLogin,
  memberLogout,
  requestPasswordReset,
  resetPassword,
  signUp,
  updateProfile,
  verifyEmail,
} from './members.service';
import { memberDeps, publicContext } from './public-context';
import { baseUrl, clientKey } from '../http/request-origin';
import { CheckEmailPage, ForgotPage, MemberLoginPage, ProfilePage, ResetPage, SignUpPage } from './views/account-pages';

const SignUp = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, 'Give a name to show with your posts')
    .max(60, 'A name is at most 60 characters'),
  email: z.email('Enter a valid email address').max(254),
  password: z.string().min(10, 'The password needs at least 10 characters').max(200),
});
const Password = z.string().min(10, 'The password needs at least 10 characters').max(200);

const text = (form: Record<string, string | string[]>, k: string) =>
  (Array.isArray(form[k]) ? form[k][0] : form[k]) ?? '';
const firstIssue = (e: z.ZodError) => e.issues[0]!.message;

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
    const form = await formFields(c);
    const values = { displayName: text(form, 'displayName'), email: text(form, 'email') };
    const parsed = SignUp.safeParse({ ...values, password: text(form, 'password') });
    if (!parsed.success) return c.html(<SignUpPage {...base} error={firstIssue(parsed.error)} values={values} />, 422);
    try {
      await signUp(memberDeps(c), community, parsed.data, {
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
    const form = await formFields(c);
    try {
      const session = await memberLogin(
        memberDeps(c),
        community,
        { email: text(form, 'email'), password: text(form, 'password') },
        { ip: clientKey(c), now: c.var.deps.clock() },
      );
      setMemberCookie(c, session.token, session.expiresAt);
    } catch (err) {
      const e = formProblem(err);
      return c.html(
        <MemberLoginPage
          {...base}
          error={e.message}
          values={{ email: text(form, 'email') }}
          next={text(form, 'next')}
        />,
        e.status as 401,
      );
    }
    return c.redirect(safeBoardPath(base.slug, text(form, 'next')), 303);
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
    const email = text(await formFields(c), 'email');
    try {
      if (z.email().safeParse(email.trim()).success)
        await requestPasswordReset(memberDeps(c), community, email, {
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
    const form = await formFields(c);
    const password = Password.safeParse(text(form, 'password'));
    if (!password.success)
      return c.html(<ResetPage {...base} token={text(form, 'token')} error={firstIssue(password.error)} />, 422);
    try {
      await resetPassword(memberDeps(c), community, text(form, 'token'), password.data, c.var.deps.clock());
    } catch (err) {
      return c.html(<ResetPage {...base} token={text(form, 'token')} error={formProblem(err).message} />, 422);
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
    const name = z
      .string()
      .trim()
      .min(1)
      .max(60)
      .safeParse(text(await formFields(c), 'displayName'));
    if (!name.success) return c.html(<ProfilePage {...base} error="A name is 1 to 60 characters" />, 422);
    await updateProfile(c.var.deps.db, base.member.id, { displayName: name.data });
    return c.redirect(`/c/${base.slug}/profile?ok=saved`, 303);
  });
