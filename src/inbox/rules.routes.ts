import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../accounts/audit.service';
import { users } from '../accounts/schema';
import { AppError, notFound } from '../core/errors';
import type { Db } from '../db/types';
import { INTENTS } from '../sentiment';
import { requireActor, requirePermission } from '../server/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../server/openapi';
import { PLATFORMS } from '../sources/schema';
import { PRIORITIES, routingRules, teamMembers, teams } from './schema';

const Conditions = z
  .object({
    platforms: z.array(z.enum(PLATFORMS)).max(10),
    topicIds: z.array(z.uuid()).max(50),
    sentimentMin: z.number().min(-1).max(1),
    sentimentMax: z.number().min(-1).max(1),
    intents: z.array(z.enum(INTENTS)).max(10),
    minFollowers: z.number().int().min(0),
    keywords: z.array(z.string().trim().min(1).max(100)).max(50),
    languages: z.array(z.string().trim().min(2).max(8)).max(20),
  })
  .partial()
  .strict()
  .openapi('RuleConditions');

const Actions = z
  .object({
    assignUserId: z.uuid(),
    roundRobinTeamId: z.uuid(),
    tags: z.array(z.string().trim().min(1).max(60)).max(20),
    priority: z.enum(PRIORITIES),
    markSpam: z.boolean(),
  })
  .partial()
  .strict()
  .refine((a) => Object.keys(a).length > 0, 'A rule needs at least one action')
  .refine((a) => !(a.assignUserId && a.roundRobinTeamId), 'Assign to a user or round-robin, not both')
  .openapi('RuleActions');

const RuleInput = z.object({ name: z.string().trim().min(1).max(80), enabled: z.boolean().default(true), conditions: Conditions, actions: Actions, stopProcessing: z.boolean().default(false) });
const RuleSchema = z
  .object({ id: z.string(), name: z.string(), position: z.number(), enabled: z.boolean(), conditions: z.record(z.string(), z.unknown()), actions: z.record(z.string(), z.unknown()), stopProcessing: z.boolean(), updatedAt: z.string() })
  .openapi('RoutingRule');
const TeamSchema = z.object({ id: z.string(), name: z.string(), maxOpenPerAgent: z.number(), memberIds: z.array(z.string()) }).openapi('Team');

type RuleRow = typeof routingRules.$inferSelect;
const publicRule = (r: RuleRow) => ({ id: r.id, name: r.name, position: r.position, enabled: r.enabled, conditions: r.conditions as Record<string, unknown>, actions: r.actions as Record<string, unknown>, stopProcessing: r.stopProcessing, updatedAt: r.updatedAt.toISOString() });

/** An action may only name this workspace's active users and teams. */
async function checkActions(db: Db, workspaceId: string, a: z.infer<typeof Actions>) {
  if (a.assignUserId) {
    const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, a.assignUserId), isNull(users.disabledAt)));
    if (!u) throw new AppError('VALIDATION_FAILED', 'assignUserId is not an active user of this workspace', { field: 'actions.assignUserId' });
  }
  if (a.roundRobinTeamId) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, a.roundRobinTeamId)));
    if (!team) throw new AppError('VALIDATION_FAILED', 'roundRobinTeamId is not a team of this workspace', { field: 'actions.roundRobinTeamId' });
  }
}

async function getRule(db: Db, workspaceId: string, id: string) {
  const [r] = await db.select().from(routingRules).where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.id, id)));
  if (!r) throw notFound('Rule');
  return r;
}

async function teamView(db: Db, workspaceId: string, id?: string) {
  const list = await db.select().from(teams).where(and(eq(teams.workspaceId, workspaceId), id ? eq(teams.id, id) : undefined)).orderBy(asc(teams.name));
  if (id && list.length === 0) throw notFound('Team');
  const members = list.length ? await db.select().from(teamMembers).where(inArray(teamMembers.teamId, list.map((t) => t.id))) : [];
  return list.map((t) => ({ id: t.id, name: t.name, maxOpenPerAgent: t.maxOpenPerAgent, memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId) }));
}

async function setMembers(db: Db, actor: Actor, teamId: string, userIds: string[]) {
  const ids = [...new Set(userIds)];
  const valid = ids.length ? await db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, actor.workspaceId), inArray(users.id, ids))) : [];
  if (valid.length !== ids.length) throw new AppError('VALIDATION_FAILED', 'Every member must be a user of this workspace', { field: 'memberIds' });
  await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (ids.length) await db.insert(teamMembers).values(ids.map((userId) => ({ teamId, userId })));
}

const tags = ['routing'];
const admin = [requirePermission('settings:manage')];

export const routingApi = createApi()
  .openapi(
    createRoute({ method: 'get', path: '/routing-rules', tags, summary: 'Routing rules, in the order they are tried', security: AUTHENTICATED, middleware: [requirePermission('inbox:read')], responses: { 200: json(z.object({ items: z.array(RuleSchema) }), 'Rules'), ...errors(401, 403) } }),
    async (c) => c.json({ items: (await c.var.deps.db.select().from(routingRules).where(eq(routingRules.workspaceId, requireActor(c).workspaceId)).orderBy(asc(routingRules.position))).map(publicRule) }, 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/routing-rules', tags, summary: 'Add a rule (last in order)', security: AUTHENTICATED, middleware: admin, request: { body: { content: { 'application/json': { schema: RuleInput } }, required: true } }, responses: { 201: json(RuleSchema, 'Added'), ...errors(401, 403, 422) } }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const db = c.var.deps.db;
      await checkActions(db, actor.workspaceId, input.actions);
      const row = await db.transaction(async (tx) => {
        const [{ last } = { last: null }] = await tx.select({ last: max(routingRules.position) }).from(routingRules).where(eq(routingRules.workspaceId, actor.workspaceId));
        const [r] = await tx.insert(routingRules).values({ workspaceId: actor.workspaceId, ...input, position: (last ?? -1) + 1 }).returning();
        await recordAudit(tx, actor, { action: 'routing_rule.created', targetType: 'routing_rule', targetId: r!.id, details: { name: input.name } });
        return r!;
      });
      return c.json(publicRule(row), 201);
    },
  )
  .openapi(
    createRoute({ method: 'put', path: '/routing-rules/order', tags, summary: 'Reorder the rules', security: AUTHENTICATED, middleware: admin, request: { body: { content: { 'application/json': { schema: z.object({ ids: z.array(z.uuid()).max(200) }) } }, required: true } }, responses: { 200: json(z.object({ items: z.array(RuleSchema) }), 'Rules in their new order'), ...errors(401, 403, 422) } }),
    async (c) => {
      const actor = requireActor(c);
      const { ids } = c.req.valid('json');
      const db = c.var.deps.db;
      const items = await db.transaction(async (tx) => {
        const current = await tx.select({ id: routingRules.id }).from(routingRules).where(eq(routingRules.workspaceId, actor.workspaceId));
        if (current.length !== ids.length || !current.every((r) => ids.includes(r.id))) throw new AppError('VALIDATION_FAILED', 'List every rule of the workspace exactly once', { field: 'ids' });
        for (const [position, id] of ids.entries()) await tx.update(routingRules).set({ position }).where(eq(routingRules.id, id));
        await recordAudit(tx, actor, { action: 'routing_rule.reordered', details: { ids } });
        return tx.select().from(routingRules).where(eq(routingRules.workspaceId, actor.workspaceId)).orderBy(asc(routingRules.position));
      });
      return c.json({ items: items.map(publicRule) }, 200);
    },
  )
  .openapi(
    createRoute({ method: 'patch', path: '/routing-rules/{id}', tags, summary: 'Change a rule', security: AUTHENTICATED, middleware: admin, request: { params: IdParam, body: { content: { 'application/json': { schema: RuleInput.partial() } }, required: true } }, responses: { 200: json(RuleSchema, 'Changed'), ...errors(401, 403, 404, 422) } }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const db = c.var.deps.db;
      await getRule(db, actor.workspaceId, id);
      if (input.actions) await checkActions(db, actor.workspaceId, input.actions);
      const [r] = await db.update(routingRules).set({ ...input, updatedAt: c.var.deps.clock() }).where(eq(routingRules.id, id)).returning();
      return c.json(publicRule(r!), 200);
    },
  )
  .openapi(
    createRoute({ method: 'delete', path: '/routing-rules/{id}', tags, summary: 'Delete a rule', security: AUTHENTICATED, middleware: admin, request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) } }),
    async (c) => {
      const actor = requireActor(c);
      const r = await getRule(c.var.deps.db, actor.workspaceId, c.req.valid('param').id);
      await c.var.deps.db.transaction(async (tx) => {
        await tx.delete(routingRules).where(eq(routingRules.id, r.id));
        await recordAudit(tx, actor, { action: 'routing_rule.deleted', targetType: 'routing_rule', targetId: r.id, details: { name: r.name } });
      });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/teams', tags, summary: 'Teams (for round-robin routing)', security: AUTHENTICATED, middleware: [requirePermission('users:read')], responses: { 200: json(z.object({ items: z.array(TeamSchema) }), 'Teams'), ...errors(401, 403) } }),
    async (c) => c.json({ items: await teamView(c.var.deps.db, requireActor(c).workspaceId) }, 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/teams', tags, summary: 'Add a team', security: AUTHENTICATED, middleware: admin, request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1).max(80), maxOpenPerAgent: z.number().int().min(1).max(1000).default(25), memberIds: z.array(z.uuid()).max(500).default([]) }) } }, required: true } }, responses: { 201: json(TeamSchema, 'Added'), ...errors(401, 403, 409, 422) } }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const db = c.var.deps.db;
      const id = await db.transaction(async (tx) => {
        const [clash] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, actor.workspaceId), eq(teams.name, input.name)));
        if (clash) throw new AppError('CONFLICT', `A team named ${input.name} already exists`);
        const [t] = await tx.insert(teams).values({ workspaceId: actor.workspaceId, name: input.name, maxOpenPerAgent: input.maxOpenPerAgent }).returning();
        await setMembers(tx, actor, t!.id, input.memberIds);
        await recordAudit(tx, actor, { action: 'team.created', targetType: 'team', targetId: t!.id, details: { name: input.name } });
        return t!.id;
      });
      return c.json((await teamView(db, actor.workspaceId, id))[0]!, 201);
    },
  )
  .openapi(
    createRoute({ method: 'patch', path: '/teams/{id}', tags, summary: 'Change a team (name, cap, members)', security: AUTHENTICATED, middleware: admin, request: { params: IdParam, body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1).max(80), maxOpenPerAgent: z.number().int().min(1).max(1000), memberIds: z.array(z.uuid()).max(500) }).partial() } }, required: true } }, responses: { 200: json(TeamSchema, 'Changed'), ...errors(401, 403, 404, 422) } }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const { memberIds, ...fields } = c.req.valid('json');
      const db = c.var.deps.db;
      await teamView(db, actor.workspaceId, id);
      await db.transaction(async (tx) => {
        if (Object.keys(fields).length) await tx.update(teams).set(fields).where(eq(teams.id, id));
        if (memberIds) await setMembers(tx, actor, id, memberIds);
      });
      return c.json((await teamView(db, actor.workspaceId, id))[0]!, 200);
    },
  )
  .openapi(
    createRoute({ method: 'delete', path: '/teams/{id}', tags, summary: 'Delete a team', security: AUTHENTICATED, middleware: admin, request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) } }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      await teamView(c.var.deps.db, actor.workspaceId, id);
      await c.var.deps.db.delete(teams).where(eq(teams.id, id));
      return c.body(null, 204);
    },
  );
