import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { resolveApiKey } from '../accounts/api-keys.service';
import { can, type Permission } from '../accounts/roles';
import { resolveSession } from '../accounts/sessions.service';
import { resolveMemberSession } from '../community/members.service';
import { AppError, forbidden } from '../core/errors';
import type { AppContext, AppEnv } from './env';

export const SESSION_COOKIE = 'sid';
/** A community member's session: a cookie of its own, never a staff session. */
export const MEMBER_COOKIE = 'msid';

const bearer = (c: AppContext) => {
  const h = c.req.header('authorization');
  return h?.toLowerCase().startsWith('bearer ') ? h.slice(7).trim() : null;
};

/** Resolves who is calling (session cookie, session bearer token or API key) into c.var.actor. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('actor', null);
  c.set('user', null);
  c.set('session', null);
  c.set('member', null);
  const { db, clock } = c.var.deps;
  const now = clock();
  const ip = c.var.deps.clientIp(c);
  const fromHeader = bearer(c);
  const token = fromHeader ?? getCookie(c, SESSION_COOKIE) ?? null;
  if (token) {
    const key = fromHeader ? await resolveApiKey(db, token, now) : null;
    if (key) {
      c.set('actor', {
        workspaceId: key.workspace.id,
        workspaceSlug: key.workspace.slug,
        userId: null,
        apiKeyId: key.key.id,
        role: key.key.role,
        ip,
      });
    } else {
      const found = await resolveSession(db, token, now);
      if (found) {
        c.set('actor', {
          workspaceId: found.workspace.id,
          workspaceSlug: found.workspace.slug,
          userId: found.user.id,
          apiKeyId: null,
          role: found.user.role,
          ip,
        });
        c.set('user', { id: found.user.id, email: found.user.email, name: found.user.name });
        c.set('session', { token, csrfToken: found.session.csrfToken, via: fromHeader ? 'bearer' : 'cookie' });
      }
    }
  }
  const memberToken = getCookie(c, MEMBER_COOKIE);
  if (memberToken) {
    const m = await resolveMemberSession(db, memberToken, now);
    if (m) c.set('member', { id: m.member.id, workspaceId: m.member.workspaceId, email: m.member.email, displayName: m.member.displayName, verified: m.member.emailVerifiedAt !== null, csrfToken: m.session.csrfToken });
  }
  await next();
});

/** The caller must be signed in (any role). */
export const requireActor = (c: AppContext) => {
  const actor = c.var.actor;
  // A community member is signed in, just not as staff: that is a refusal, not a missing login.
  if (!actor && c.var.member) throw forbidden('Community members cannot use the staff app or its API');
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send a valid bearer token');
  return actor;
};

/** Route guard: signed in and holding the permission from the role matrix. */
export const requirePermission = (permission: Permission) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const actor = requireActor(c);
    if (!can(actor.role, permission)) throw forbidden(`Your role (${actor.role}) lacks ${permission}`);
    await next();
  });
