import { clientKey } from '../http/request-origin';
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { requireActor } from '../http/auth.middleware';
import { clearSessionCookie, setSessionCookie } from '../http/cookies';
import type { AppContext, AppEnv } from '../http/env';
import { type Locale, LOCALES } from '../core/i18n/locales';
import { ProfileBody } from './profile.input';
import { updateProfile } from './profile.service';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { workspacesOfMember } from './accounts.service';
import { accountError } from './errors';
import { LoginBody, SwitchBody } from './login.input';
import { login, switchWorkspace } from './login.service';
import { ROLES } from '../core/roles';
import { revokeSession } from './sessions.service';

export const LoginAnswer = z
  .object({
    token: z.string().openapi({ description: 'Session token, usable as Authorization: Bearer' }),
    expiresAt: z.string(),
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on cookie-authenticated writes' }),
  })
  .openapi('LoginAnswer');

const Me = z
  .object({
    id: z.string().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    role: z.enum(ROLES),
    workspaceId: z.string(),
    workspaceSlug: z.string(),
    apiKeyId: z.string().nullable(),
    language: z.enum(LOCALES).nullable().openapi({
      description: 'The language the person chose (null: pages follow Accept-Language, then the workspace default)',
    }),
    timeZone: z.string().nullable().openapi({
      description: 'The IANA time zone the person chose (null: the workspace time zone)',
      example: 'Europe/Berlin',
    }),
    keyboardShortcuts: z.boolean().nullable().openapi({
      description: 'Single-key shortcuts on or off (null for an API key)',
    }),
    afterTriage: z.enum(['next', 'list']).nullable().openapi({
      description: 'After closing, assigning away or snoozing: open the next conversation or the list (null: API key)',
    }),
    workspaces: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.enum(ROLES) })).openapi({
      description:
        'Every workspace this login belongs to (switch with POST /auth/switch-workspace); none for an API key',
    }),
  })
  .openapi('Me');

// Before the body is validated: who may not call this at all hears so first.
const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireActor(c);
  await next();
});

export const authApi = createApi()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Sign in with email and password',
      request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
      responses: { 200: json(LoginAnswer, 'Signed in; the session cookie is set too'), ...errors(401, 422, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { deps } = c.var;
      const result = await login(
        deps.db,
        {
          email: body.email,
          password: body.password,
          ip: clientKey(c),
          userAgent: c.req.header('user-agent') ?? null,
        },
        { now: deps.clock(), sessionTtlMs: deps.settings.sessionTtlMs, passwordParams: deps.passwordParams },
      );
      setSessionCookie(c, result.session.token, result.session.expiresAt);
      c.var.log.info({ userId: result.user.id }, 'login');
      return c.json(
        {
          token: result.session.token,
          expiresAt: result.session.expiresAt.toISOString(),
          csrfToken: result.session.csrfToken,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'End the current session (cookie or bearer token)',
      security: AUTHENTICATED,
      responses: { 204: { description: 'Signed out' }, ...errors(401, 403) },
    }),
    async (c) => {
      requireActor(c);
      if (c.var.session) await revokeSession(c.var.deps.db, c.var.session.token);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/switch-workspace',
      tags: ['auth'],
      summary: 'Move the session to another workspace this login belongs to',
      description: 'The current session ends; the answer carries the new one (the cookie is set too).',
      security: AUTHENTICATED,
      middleware: [signedIn],
      request: { body: { content: { 'application/json': { schema: SwitchBody } }, required: true } },
      responses: { 200: json(LoginAnswer, 'Signed in to the other workspace'), ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const session = c.var.session;
      if (!session || !actor.userId) throw accountError('API_KEY_CANNOT_SWITCH');
      const { deps } = c.var;
      const current = { userId: actor.userId, token: session.token };
      const r = await switchWorkspace(deps.db, current, c.req.valid('json').workspaceId, {
        now: deps.clock(),
        sessionTtlMs: deps.settings.sessionTtlMs,
        ip: deps.clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      const { token, expiresAt, csrfToken } = r.session;
      // A cookie session moves the cookie too; a bearer caller takes the new token from the answer.
      if (session.via === 'cookie') setSessionCookie(c, token, expiresAt);
      return c.json({ token, expiresAt: expiresAt.toISOString(), csrfToken }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'Who is calling',
      security: AUTHENTICATED,
      responses: { 200: json(Me, 'The signed-in user or API key'), ...errors(401) },
    }),
    (c) => me(c),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/me',
      tags: ['auth'],
      summary: 'Change your own name, language or time zone',
      description:
        'Left-out fields stay; null resets the language (pages then follow Accept-Language and the workspace) ' +
        'or the time zone (then the workspace). Language and time zone belong to the person in every workspace.',
      security: AUTHENTICATED,
      middleware: [signedIn],
      request: { body: { content: { 'application/json': { schema: ProfileBody } }, required: true } },
      responses: { 200: json(Me, 'The person as changed'), ...errors(401, 404, 422) },
    }),
    async (c) => {
      const actor = requireActor(c);
      if (!c.var.user) throw accountError('USER_NOT_FOUND');
      const p = await updateProfile(c.var.deps.db, actor, c.req.valid('json'));
      const { name, language, timeZone, keyboardShortcuts, afterTriage } = p;
      c.set('user', { ...c.var.user, name, language, timeZone, keyboardShortcuts, afterTriage });
      return me(c);
    },
  );

/** The caller as GET and PATCH /me answer. */
async function me(c: AppContext) {
  const actor = requireActor(c);
  const user = c.var.user;
  const memberOf = user ? await workspacesOfMember(c.var.deps.db, user.id) : [];
  return c.json(
    {
      id: user?.id ?? null,
      email: user?.email ?? null,
      name: user?.name ?? null,
      role: actor.role,
      workspaceId: actor.workspaceId,
      workspaceSlug: actor.workspaceSlug,
      apiKeyId: actor.apiKeyId,
      language: (user?.language ?? null) as Locale | null,
      timeZone: user?.timeZone ?? null,
      keyboardShortcuts: user ? (user.keyboardShortcuts ?? true) : null,
      afterTriage: user ? (user.afterTriage ?? 'next') : null,
      workspaces: memberOf,
    },
    200,
  );
}
