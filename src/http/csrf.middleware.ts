import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { coreError } from '../core/errors';
import type { AppEnv } from './env';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * Cookie-authenticated unsafe requests must carry the session's CSRF token (X-CSRF-Token header or
 * a _csrf form field). Bearer calls carry no ambient credential and are exempt. Forms posted
 * without a session (login, setup) must come from our own origin, which stops login CSRF.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method) || c.req.path === '/api/inngest') return next();
  const session = c.var.session;
  // A signed-in member's forms carry the member session's token, as staff forms carry theirs.
  const expected =
    session?.via === 'cookie'
      ? session.csrfToken
      : c.var.member && !c.req.header('authorization')
        ? c.var.member.csrfToken
        : null;
  if (expected !== null) {
    if ((await sentToken(c)) !== expected) throw coreError('CSRF_FAILED');
  } else if (FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const host =
      c.req.header('x-forwarded-host') && c.var.deps.settings.trustProxy
        ? c.req.header('x-forwarded-host')
        : c.req.header('host');
    const sameOrigin = origin ? safeHost(origin) === host : site ? site === 'same-origin' || site === 'none' : true;
    if (!sameOrigin) throw coreError('CROSS_SITE_FORM');
  }
  await next();
});

/** The X-CSRF-Token header, else a urlencoded or multipart form's _csrf field. */
async function sentToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header || !FORM_TYPES.test(c.req.header('content-type') ?? '')) return header;
  const body = await c.req.parseBody();
  return typeof body._csrf === 'string' ? body._csrf : undefined;
}

function safeHost(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
