import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { allStaff, isActiveStaff, recordAudit } from '../accounts';
import type { Db } from '../db/types';
import { INTENTS } from '../sentiment';
import { PLATFORMS } from '../core/platforms';
import { canonicalTags } from '../tags';
import { inboxError } from './errors';
import { PRIORITIES, routingRules, teamMembers, teams } from './schema';
import { inputWords as w, said } from '../http/input-words';

/**
 * Routing rules and teams: what admins set up so new conversations reach the right hands. The API
 * and the settings pages both call these, with the same zod shapes.
 */
export const RuleConditionsInput = z
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

export const RuleActionsInput = z
  .object({
    assignUserId: z.uuid(),
    roundRobinTeamId: z.uuid(),
    tags: z.array(z.string().trim().min(1).max(60)).max(20),
    priority: z.enum(PRIORITIES),
    markSpam: z.boolean(),
  })
  .partial()
  .strict()
  .refine((a) => Object.keys(a).length > 0, said(w.ruleNeedsAction))
  .refine((a) => !(a.assignUserId && a.roundRobinTeamId), said(w.assignOrRoundRobin))
  .openapi('RuleActions');

export const RuleInput = z.object({
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean().default(true),
  conditions: RuleConditionsInput,
  actions: RuleActionsInput,
  stopProcessing: z.boolean().default(false),
});
export type RuleInput = z.infer<typeof RuleInput>;

export const TeamInput = z.object({
  name: z.string().trim().min(1).max(80),
  maxOpenPerAgent: z.number().int().min(1).max(1000).default(25),
  memberIds: z.array(z.uuid()).max(500).default([]),
});
export type TeamInput = z.infer<typeof TeamInput>;

export type RuleRow = typeof routingRules.$inferSelect;
export const publicRule = (r: RuleRow) => ({
  id: r.id,
  name: r.name,
  position: r.position,
  enabled: r.enabled,
  conditions: r.conditions as Record<string, unknown>,
  actions: r.actions as Record<string, unknown>,
  stopProcessing: r.stopProcessing,
  updatedAt: r.updatedAt.toISOString(),
});

/** An action may only name this workspace's active users and teams. */
async function checkActions(db: Db, workspaceId: string, a: z.infer<typeof RuleActionsInput>) {
  if (a.assignUserId) {
    if (!(await isActiveStaff(db, workspaceId, a.assignUserId)))
      throw inboxError('RULE_ASSIGNEE_NOT_ACTIVE', { field: 'actions.assignUserId' });
  }
  if (a.roundRobinTeamId) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, a.roundRobinTeamId)));
    if (!team) throw inboxError('RULE_TEAM_UNKNOWN', { field: 'actions.roundRobinTeamId' });
  }
}

export const listRules = (db: Db, workspaceId: string) =>
  db.select().from(routingRules).where(eq(routingRules.workspaceId, workspaceId)).orderBy(asc(routingRules.position));

export async function getRule(db: Db, workspaceId: string, id: string) {
  const [r] = await db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.id, id)));
  if (!r) throw inboxError('RULE_NOT_FOUND');
  return r;
}

export async function createRule(db: Db, actor: Actor, input: RuleInput) {
  await checkActions(db, actor.workspaceId, input.actions);
  return db.transaction(async (tx) => {
    if (input.actions.tags) input.actions.tags = await canonicalTags(tx, actor.workspaceId, input.actions.tags);
    const [{ last } = { last: null }] = await tx
      .select({ last: max(routingRules.position) })
      .from(routingRules)
      .where(eq(routingRules.workspaceId, actor.workspaceId));
    const [r] = await tx
      .insert(routingRules)
      .values({ workspaceId: actor.workspaceId, ...input, position: (last ?? -1) + 1 })
      .returning();
    await recordAudit(tx, actor, {
      action: 'routing_rule.created',
      targetType: 'routing_rule',
      targetId: r!.id,
      details: { name: input.name },
    });
    return r!;
  });
}

export async function updateRule(db: Db, actor: Actor, id: string, input: Partial<RuleInput>, now: Date) {
  await getRule(db, actor.workspaceId, id);
  if (input.actions) await checkActions(db, actor.workspaceId, input.actions);
  return db.transaction(async (tx) => {
    if (input.actions?.tags) input.actions.tags = await canonicalTags(tx, actor.workspaceId, input.actions.tags);
    const [r] = await tx
      .update(routingRules)
      .set({ ...input, updatedAt: now })
      .where(eq(routingRules.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'routing_rule.updated',
      targetType: 'routing_rule',
      targetId: id,
      details: { name: r!.name },
    });
    return r!;
  });
}

export async function deleteRule(db: Db, actor: Actor, id: string) {
  const r = await getRule(db, actor.workspaceId, id);
  await db.transaction(async (tx) => {
    await tx.delete(routingRules).where(eq(routingRules.id, r.id));
    await recordAudit(tx, actor, {
      action: 'routing_rule.deleted',
      targetType: 'routing_rule',
      targetId: r.id,
      details: { name: r.name },
    });
  });
}

/** Puts the rules in the order given; every rule of the workspace exactly once. */
export async function reorderRules(db: Db, actor: Actor, ids: string[]) {
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: routingRules.id })
      .from(routingRules)
      .where(eq(routingRules.workspaceId, actor.workspaceId));
    if (
      current.length !== ids.length ||
      new Set(ids).size !== ids.length ||
      !current.every((r) => ids.includes(r.id))
    ) {
      throw inboxError('RULE_ORDER_INCOMPLETE', { field: 'ids' });
    }
    for (const [position, id] of ids.entries())
      await tx.update(routingRules).set({ position }).where(eq(routingRules.id, id));
    await recordAudit(tx, actor, { action: 'routing_rule.reordered', details: { ids } });
    return listRules(tx, actor.workspaceId);
  });
}

/** Moves one rule a place earlier (-1) or later (+1). */
export async function moveRule(db: Db, actor: Actor, id: string, step: -1 | 1) {
  await getRule(db, actor.workspaceId, id);
  const ids = (await listRules(db, actor.workspaceId)).map((r) => r.id);
  const i = ids.indexOf(id);
  const j = i + step;
  if (j < 0 || j >= ids.length) return listRules(db, actor.workspaceId);
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  return reorderRules(db, actor, ids);
}

export async function listTeams(db: Db, workspaceId: string, id?: string) {
  const list = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), id ? eq(teams.id, id) : undefined))
    .orderBy(asc(teams.name));
  if (id && list.length === 0) throw inboxError('TEAM_NOT_FOUND');
  const members = list.length
    ? await db
        .select()
        .from(teamMembers)
        .where(
          inArray(
            teamMembers.teamId,
            list.map((t) => t.id),
          ),
        )
    : [];
  return list.map((t) => ({
    id: t.id,
    name: t.name,
    maxOpenPerAgent: t.maxOpenPerAgent,
    memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId),
  }));
}
export type TeamView = Awaited<ReturnType<typeof listTeams>>[number];

async function setMembers(db: Db, actor: Actor, teamId: string, userIds: string[]) {
  const ids = [...new Set(userIds)];
  const staff = new Set(ids.length ? (await allStaff(db, actor.workspaceId)).map((u) => u.id) : []);
  if (!ids.every((id) => staff.has(id))) throw inboxError('TEAM_MEMBER_UNKNOWN', { field: 'memberIds' });
  await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (ids.length) await db.insert(teamMembers).values(ids.map((userId) => ({ teamId, userId })));
}

async function assertNameFree(db: Db, workspaceId: string, name: string, except?: string) {
  const [clash] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.name, name)));
  if (clash && clash.id !== except) throw inboxError('TEAM_NAME_TAKEN', { name });
}

export async function createTeam(db: Db, actor: Actor, input: TeamInput): Promise<TeamView> {
  const id = await db.transaction(async (tx) => {
    await assertNameFree(tx, actor.workspaceId, input.name);
    const [t] = await tx
      .insert(teams)
      .values({ workspaceId: actor.workspaceId, name: input.name, maxOpenPerAgent: input.maxOpenPerAgent })
      .returning();
    await setMembers(tx, actor, t!.id, input.memberIds);
    await recordAudit(tx, actor, {
      action: 'team.created',
      targetType: 'team',
      targetId: t!.id,
      details: { name: input.name },
    });
    return t!.id;
  });
  return (await listTeams(db, actor.workspaceId, id))[0]!;
}

export async function updateTeam(db: Db, actor: Actor, id: string, input: Partial<TeamInput>): Promise<TeamView> {
  const { memberIds, ...fields } = input;
  await listTeams(db, actor.workspaceId, id);
  await db.transaction(async (tx) => {
    if (fields.name) await assertNameFree(tx, actor.workspaceId, fields.name, id);
    if (Object.keys(fields).length) await tx.update(teams).set(fields).where(eq(teams.id, id));
    if (memberIds) await setMembers(tx, actor, id, memberIds);
    await recordAudit(tx, actor, {
      action: 'team.updated',
      targetType: 'team',
      targetId: id,
      details: { ...fields, ...(memberIds ? { memberIds } : {}) },
    });
  });
  return (await listTeams(db, actor.workspaceId, id))[0]!;
}

export async function deleteTeam(db: Db, actor: Actor, id: string) {
  const [team] = await listTeams(db, actor.workspaceId, id);
  await db.transaction(async (tx) => {
    await tx.delete(teams).where(eq(teams.id, id));
    await recordAudit(tx, actor, {
      action: 'team.deleted',
      targetType: 'team',
      targetId: id,
      details: { name: team!.name },
    });
  });
}
