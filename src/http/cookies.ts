import { deleteCookie, setCookie } from 'hono/cookie';
import { MEMBER_COOKIE, SESSION_COOKIE } from './auth.middleware';
import { LANGUAGE_COOKIE } from './i18n.middleware';
import type { AppContext } from './env';

const isHttps = (c: AppContext) =>
  c.var.deps.settings.secureCookies ||
  new URL(c.req.url).protocol === 'https:' ||
  (c.var.deps.settings.trustProxy && c.req.header('x-forwarded-proto') === 'https');

/** HttpOnly, SameSite=Lax, Secure over https, expiring with the session row. */
export function setSessionCookie(c: AppContext, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: expiresAt,
  });
}

export const clearSessionCookie = (c: AppContext) => deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });

/** The community member's session cookie: same protections, its own name. */
export function setMemberCookie(c: AppContext, token: string, expiresAt: Date) {
  setCookie(c, MEMBER_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: expiresAt,
  });
}

export const clearMemberCookie = (c: AppContext) => deleteCookie(c, MEMBER_COOKIE, { path: '/', secure: isHttps(c) });

/** A visitor's language pick: a year, readable by pages only (HttpOnly), sent on same-site navigation. */
export function setLanguageCookie(c: AppContext, language: string) {
  setCookie(c, LANGUAGE_COOKIE, language, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: 365 * 24 * 3600,
  });
}
