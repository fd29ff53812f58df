import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { ROLES } from '../core/roles';
import { UpdateUser } from './users.input';
import { deleteUser, getUser, listUsers, publicUser, updateUser } from './users.service';

const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('User');

const tags = ['users'];

export const usersApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags,
      summary: 'List staff users of the workspace',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:read')],
      responses: { 200: json(z.object({ items: z.array(User) }), 'Users'), ...errors(401, 403) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const rows = await listUsers(c.var.deps.db, actor.workspaceId);
      return c.json({ items: rows.map(publicUser) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}',
      tags,
      summary: 'One staff user',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:read')],
      request: { params: IdParam },
      responses: { 200: json(User, 'The user'), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const u = await getUser(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id);
      return c.json(publicUser(u), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      tags,
      summary: 'Change name, role, password (only of someone in no other workspace) or disable a user',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:manage')],
      request: { params: IdParam, body: { content: { 'application/json': { schema: UpdateUser } }, required: true } },
      responses: { 200: json(User, 'Updated'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const u = await updateUser(
        c.var.deps.db,
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json'),
        c.var.deps.passwordParams,
      );
      return c.json(publicUser(u), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}',
      tags,
      summary: 'Remove a staff user',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:manage')],
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      await deleteUser(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
