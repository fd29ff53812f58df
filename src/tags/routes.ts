import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { listTags } from './tags.service';

export const tagsApi = createApi().openapi(
  createRoute({
    method: 'get',
    path: '/tags',
    tags: ['tags'],
    summary: 'The workspace’s tags: one vocabulary for conversations, contacts and routing rules',
    description: 'A tag given in another case is stored in the spelling first used ("VIP" and "vip" are one tag).',
    security: AUTHENTICATED,
    middleware: [requirePermission('inbox:read')],
    responses: { 200: json(z.object({ items: z.array(z.string()) }), 'Tag names, alphabetical'), ...errors(401, 403) },
  }),
  async (c) => c.json({ items: await listTags(c.var.deps.db, requireActor(c).workspaceId) }, 200),
);
