import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import {
  createRule,
  createTeam,
  deleteRule,
  deleteTeam,
  listRules,
  listTeams,
  publicRule,
  reorderRules,
  RuleInput,
  TeamInput,
  updateRule,
  updateTeam,
} from './rules.service';

const RuleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.number(),
    enabled: z.boolean(),
    conditions: z.record(z.string(), z.unknown()),
    actions: z.record(z.string(), z.unknown()),
    stopProcessing: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('RoutingRule');
const TeamSchema = z
  .object({ id: z.string(), name: z.string(), maxOpenPerAgent: z.number(), memberIds: z.array(z.string()) })
  .openapi('Team');

const tags = ['routing'];
const admin = [requirePermission('settings:manage')];

export const routingApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/routing-rules',
      tags,
      summary: 'Routing rules, in the order they are tried',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      responses: { 200: json(z.object({ items: z.array(RuleSchema) }), 'Rules'), ...errors(401, 403) },
    }),
    async (c) => c.json({ items: (await listRules(c.var.deps.db, requireActor(c).workspaceId)).map(publicRule) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/routing-rules',
      tags,
      summary: 'Add a rule (last in order)',
      security: AUTHENTICATED,
      middleware: admin,
      request: { body: { content: { 'application/json': { schema: RuleInput } }, required: true } },
      responses: { 201: json(RuleSchema, 'Added'), ...errors(401, 403, 422) },
    }),
    async (c) => c.json(publicRule(await createRule(c.var.deps.db, requireActor(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/routing-rules/order',
      tags,
      summary: 'Reorder the rules',
      security: AUTHENTICATED,
      middleware: admin,
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ ids: z.array(z.uuid()).max(200) }) } },
          required: true,
        },
      },
      responses: {
        200: json(z.object({ items: z.array(RuleSchema) }), 'Rules in their new order'),
        ...errors(401, 403, 422),
      },
    }),
    async (c) =>
      c.json(
        { items: (await reorderRules(c.var.deps.db, requireActor(c), c.req.valid('json').ids)).map(publicRule) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/routing-rules/{id}',
      tags,
      summary: 'Change a rule',
      security: AUTHENTICATED,
      middleware: admin,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: RuleInput.partial() } }, required: true },
      },
      responses: { 200: json(RuleSchema, 'Changed'), ...errors(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        publicRule(
          await updateRule(
            c.var.deps.db,
            requireActor(c),
            c.req.valid('param').id,
            c.req.valid('json'),
            c.var.deps.clock(),
          ),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/routing-rules/{id}',
      tags,
      summary: 'Delete a rule',
      security: AUTHENTICATED,
      middleware: admin,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deleteRule(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/teams',
      tags,
      summary: 'Teams (for round-robin routing)',
      security: AUTHENTICATED,
      middleware: [requirePermission('users:read')],
      responses: { 200: json(z.object({ items: z.array(TeamSchema) }), 'Teams'), ...errors(401, 403) },
    }),
    async (c) => c.json({ items: await listTeams(c.var.deps.db, requireActor(c).workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/teams',
      tags,
      summary: 'Add a team',
      security: AUTHENTICATED,
      middleware: admin,
      request: { body: { content: { 'application/json': { schema: TeamInput } }, required: true } },
      responses: { 201: json(TeamSchema, 'Added'), ...errors(401, 403, 409, 422) },
    }),
    async (c) => c.json(await createTeam(c.var.deps.db, requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/teams/{id}',
      tags,
      summary: 'Change a team (name, cap, members)',
      security: AUTHENTICATED,
      middleware: admin,
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': {
              schema: z
                .object({
                  name: z.string().trim().min(1).max(80),
                  maxOpenPerAgent: z.number().int().min(1).max(1000),
                  memberIds: z.array(z.uuid()).max(500),
                })
                .partial(),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(TeamSchema, 'Changed'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(await updateTeam(c.var.deps.db, requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/teams/{id}',
      tags,
      summary: 'Delete a team',
      security: AUTHENTICATED,
      middleware: admin,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deleteTeam(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
