import { Hono } from 'hono';
import { isLocale } from '../core/i18n/locales';
import { setLanguageCookie } from './cookies';
import type { AppEnv } from './env';

// Back to a page of this site only: a path, never another host ("//evil.example", "/\\evil.example").
const safeNext = (next: string | undefined) =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';

/**
 * The language switch of pages read without a profile (the public board): `GET /language?set=de&next=/c/acme`
 * keeps the pick in a cookie and goes back. A signed-in person's profile choice still wins.
 */
export const languageRoutes = new Hono<AppEnv>().get('/language', (c) => {
  const language = c.req.query('set');
  if (isLocale(language)) setLanguageCookie(c, language);
  return c.redirect(safeNext(c.req.query('next')), 303);
});
