import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { can, type Permission } from '../core/roles';
import { coreError } from '../core/errors';
import type { Actor } from '../core/actor';
import type { AppContext, AppEnv, Credential } from './env';

export const SESSION_COOKIE = 'sid';
/** A community member's session: a cookie of its own, never a staff session. */
export const MEMBER_COOKIE = 'msid';

const bearer = (c: AppContext) => {
  const h = c.req.header('authorization');
  return h?.toLowerCase().startsWith('bearer ') ? h.slice(7).trim() : null;
};

const credentialOf = (c: AppContext): Credential | null => {
  const fromHeader = bearer(c);
  const token = fromHeader ?? getCookie(c, SESSION_COOKIE) ?? null;
  return token ? { token, fromHeader: fromHeader !== null } : null;
};

/** Resolves who is calling (session cookie, session bearer token or API key) into c.var.actor. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('actor', null);
  c.set('user', null);
  c.set('session', null);
  c.set('member', null);
  c.set('workspaceLocale', null);
  const { clock } = c.var.deps;
  const now = clock();
  const ip = c.var.deps.clientIp(c);
  const cred = credentialOf(c);
  const staff = cred ? await c.var.deps.auth.staff(cred, ip, now) : null;
  if (staff) {
    c.set('actor', staff.actor);
    c.set('user', staff.user);
    c.set('session', staff.session);
    c.set('workspaceLocale', staff.workspace);
  }
  const memberToken = getCookie(c, MEMBER_COOKIE);
  if (memberToken) c.set('member', await c.var.deps.auth.member(memberToken, now));
  await next();
});

/**
 * Checks the request's credential again, for responses that outlive the moment they were authorised
 * (the live stream): the actor as it stands now, or null when the login, key or user is gone.
 */
export async function recheckActor(c: AppContext): Promise<Actor | null> {
  const cred = credentialOf(c);
  if (!cred) return null;
  const staff = await c.var.deps.auth.staff(cred, c.var.deps.clientIp(c), c.var.deps.clock());
  return staff?.actor ?? null;
}

/**
 * After a request that may take access away (logout, keys, users, roles) succeeds, tells this
 * process's watchers, so open live streams check their credential at once.
 */
const ACCESS_PATHS = new RegExp(
  String.raw`^(\/api\/v1\/(auth\/logout|auth\/switch-workspace|api-keys|users)|\/logout|\/switch-workspace|` +
    String.raw`\/settings\/(users|api-keys))(\/|$)`,
);
export const announceAccessChanges = createMiddleware<AppEnv>(async (c, next) => {
  const workspaceId = c.var.actor?.workspaceId;
  await next();
  if (!workspaceId || c.req.method === 'GET' || c.res.status >= 400 || !ACCESS_PATHS.test(c.req.path)) return;
  c.var.deps.access.changed({ workspaceId });
});

/** The caller must be signed in (any role). */
export const requireActor = (c: AppContext) => {
  const actor = c.var.actor;
  // A community member is signed in, just not as staff: that is a refusal, not a missing login.
  if (!actor && c.var.member) throw coreError('STAFF_ONLY');
  if (!actor) throw coreError('UNAUTHENTICATED');
  return actor;
};

/** Route guard: signed in and holding the permission from the role matrix. */
export const requirePermission = (permission: Permission) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const actor = requireActor(c);
    if (!can(actor.role, permission)) throw coreError('ROLE_LACKS_PERMISSION', { role: actor.role, permission });
    await next();
  });
