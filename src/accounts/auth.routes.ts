import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../server/auth.middleware';
import { clearSessionCookie, setSessionCookie } from '../server/cookies';
import { AUTHENTICATED, createApi, errors, json } from '../server/openapi';
import { login } from './login.service';
import { ROLES } from './schema';
import { revokeSession } from './sessions.service';

const LoginBody = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) })
  .openapi('LoginRequest');

const LoginAnswer = z
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
  })
  .openapi('Me');

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
        { email: body.email, password: body.password, ip: deps.clientIp(c) ?? 'unknown', userAgent: c.req.header('user-agent') ?? null },
        { now: deps.clock(), sessionTtlMs: deps.settings.sessionTtlMs, passwordParams: deps.passwordParams },
      );
      setSessionCookie(c, result.session.token, result.session.expiresAt);
      c.var.log.info({ userId: result.user.id }, 'login');
      return c.json(
        { token: result.session.token, expiresAt: result.session.expiresAt.toISOString(), csrfToken: result.session.csrfToken },
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
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'Who is calling',
      security: AUTHENTICATED,
      responses: { 200: json(Me, 'The signed-in user or API key'), ...errors(401) },
    }),
    (c) => {
      const actor = requireActor(c);
      const user = c.var.user;
      return c.json(
        {
          id: user?.id ?? null,
          email: user?.email ?? null,
          name: user?.name ?? null,
          role: actor.role,
          workspaceId: actor.workspaceId,
          workspaceSlug: actor.workspaceSlug,
          apiKeyId: actor.apiKeyId,
        },
        200,
      );
    },
  );
