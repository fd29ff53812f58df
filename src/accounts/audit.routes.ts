import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { listAudit } from './audit.service';

const AuditEntry = z
  .object({
    id: z.string(),
    action: z.string(),
    actorUserId: z.string().nullable(),
    actorApiKeyId: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AuditEntry');

export const auditApi = createApi().openapi(
  createRoute({
    method: 'get',
    path: '/audit-log',
    tags: ['audit'],
    summary: 'Staff actions, newest first',
    security: AUTHENTICATED,
    middleware: [requirePermission('audit:read')],
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(200).optional(),
      }),
    },
    responses: {
      200: json(z.object({ items: z.array(AuditEntry), next: z.string().nullable() }), 'A page'),
      ...errors(401, 403, 422),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const page = await listAudit(c.var.deps.db, requireActor(c).workspaceId, q);
    return c.json(
      {
        items: page.items.map((e) => ({
          id: e.id,
          action: e.action,
          actorUserId: e.actorUserId,
          actorApiKeyId: e.actorApiKeyId,
          targetType: e.targetType,
          targetId: e.targetId,
          details: e.details,
          ip: e.ip,
          createdAt: e.createdAt.toISOString(),
        })),
        next: page.next,
      },
      200,
    );
  },
);
