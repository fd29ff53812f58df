import { createMiddleware } from 'hono/factory';
import { AppError } from '../core/errors';
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
  if (session?.via === 'cookie') {
    let sent = c.req.header('x-csrf-token');
    if (!sent && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
      const body = await c.req.parseBody();
      sent = typeof body._csrf === 'string' ? body._csrf : undefined;
    }
    if (sent !== session.csrfToken)
      throw new AppError('CSRF_FAILED', 'Missing or wrong CSRF token; reload the page and try again');
  } else if (c.var.member && !c.req.header('authorization')) {
    // A signed-in member's forms carry the member session's token.
    let sent = c.req.header('x-csrf-token');
    if (!sent && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
      const body = await c.req.parseBody();
      sent = typeof body._csrf === 'string' ? body._csrf : undefined;
    }
    if (sent !== c.var.member.csrfToken)
      throw new AppError('CSRF_FAILED', 'Missing or wrong CSRF token; reload the page and try again');
  } else if (FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const host =
      c.req.header('x-forwarded-host') && c.var.deps.settings.trustProxy
        ? c.req.header('x-forwarded-host')
        : c.req.header('host');
    const sameOrigin = origin ? safeHost(origin) === host : site ? site === 'same-origin' || site === 'none' : true;
    if (!sameOrigin) throw new AppError('CSRF_FAILED', 'Cross-site form posts are not accepted');
  }
  await next();
});

function safeHost(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
