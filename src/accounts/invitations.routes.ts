import { createRoute, z } from '@hono/zod-openapi';
import { baseUrl, clientKey } from '../http/request-origin';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { setSessionCookie } from '../http/cookies';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { LoginAnswer } from './auth.routes';
import { AcceptInvitationBody, InviteBody } from './invitations.input';
import {
  acceptInvitation,
  acceptOptions,
  inviteUser,
  listInvitations,
  publicInvitation,
  revokeInvitation,
} from './invitations.service';
import { ROLES } from '../core/roles';
import { LOCALES } from '../core/i18n/locales';

const Invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    language: z.enum(LOCALES).nullable().openapi({ description: 'The language the invitation was written in' }),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('Invitation');

const InviteAnswer = z
  .object({
    invitation: Invitation,
    link: z.string().nullable().openapi({
      description: 'The invitation link, only when SMTP_URL is not set (pass it on yourself); shown this once',
    }),
  })
  .openapi('InviteAnswer');

const tags = ['users'];

export const invitationsApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      tags,
      summary: 'Invitations not yet accepted',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:manage')],
      responses: { 200: json(z.object({ items: z.array(Invitation) }), 'Open invitations'), ...errors(401, 403) },
    }),
    async (c) => {
      const rows = await listInvitations(c.var.deps.db, requireActor(c).workspaceId, c.var.deps.clock());
      return c.json({ items: rows.map(publicInvitation) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations',
      tags,
      summary: 'Invite someone by email to join the workspace (the link works once, for 7 days)',
      description: 'Answers the same whether or not the email is staff of any workspace.',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:manage')],
      request: { body: { content: { 'application/json': { schema: InviteBody } }, required: true } },
      responses: { 201: json(InviteAnswer, 'Invited'), ...errors(401, 403, 422) },
    }),
    async (c) => {
      const { deps } = c.var;
      const opts = { now: deps.clock(), baseUrl: baseUrl(c) };
      const r = await inviteUser(deps, requireActor(c), c.req.valid('json'), opts);
      return c.json({ invitation: publicInvitation(r.invitation), link: r.link }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/invitations/{id}',
      tags,
      summary: 'Revoke an invitation that is not yet accepted',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:manage')],
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await revokeInvitation(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/accept',
      tags,
      summary: 'Accept an invitation: join the workspace and sign in',
      request: { body: { content: { 'application/json': { schema: AcceptInvitationBody } }, required: true } },
      responses: {
        200: json(LoginAnswer, 'Joined and signed in; the session cookie is set too'),
        ...errors(401, 403, 404, 422, 429),
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const body = c.req.valid('json');
      const r = await acceptInvitation(
        deps.db,
        { ...body, ip: clientKey(c), userAgent: c.req.header('user-agent') ?? null },
        acceptOptions(deps),
      );
      const { token, expiresAt, csrfToken } = r.session;
      setSessionCookie(c, token, expiresAt);
      return c.json({ token, expiresAt: expiresAt.toISOString(), csrfToken }, 200);
    },
  );
