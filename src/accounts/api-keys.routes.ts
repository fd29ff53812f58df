import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { CreateApiKey } from './api-keys.input';
import { createApiKey, listApiKeys, publicApiKey, revokeApiKey } from './api-keys.service';

const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'agent', 'analyst', 'owner']),
    prefix: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ApiKey');

const tags = ['api-keys'];
const guard = [requirePermission('api-keys:manage')];

export const apiKeysApi = createApi()
  .openapi(
    createRoute({
      method: 'post',
      path: '/api-keys',
      tags,
      summary: 'Create an API key (the secret is shown in this answer only)',
      security: AUTHENTICATED,
      middleware: guard,
      request: { body: { content: { 'application/json': { schema: CreateApiKey } }, required: true } },
      responses: { 201: json(ApiKey.extend({ key: z.string() }), 'Created'), ...errors(401, 403, 422) },
    }),
    async (c) => {
      const { row, key } = await createApiKey(c.var.deps.db, requireActor(c), c.req.valid('json'));
      return c.json({ ...publicApiKey(row), key }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api-keys',
      tags,
      summary: 'List API keys (without secrets)',
      security: AUTHENTICATED,
      middleware: guard,
      responses: { 200: json(z.object({ items: z.array(ApiKey) }), 'Keys'), ...errors(401, 403) },
    }),
    async (c) => {
      const rows = await listApiKeys(c.var.deps.db, requireActor(c).workspaceId);
      return c.json({ items: rows.map(publicApiKey) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api-keys/{id}',
      tags,
      summary: 'Revoke an API key',
      security: AUTHENTICATED,
      middleware: guard,
      request: { params: IdParam },
      responses: { 200: json(ApiKey, 'Revoked'), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const row = await revokeApiKey(c.var.deps.db, requireActor(c), c.req.valid('param').id, c.var.deps.clock());
      return c.json(publicApiKey(row), 200);
    },
  );
