import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { activeStaff, onlineStaff } from '../accounts';
import type { Db } from '../db/types';
import { type Notice, notify } from './notifications.service';
import { storedReason } from './priority-reason';
import { type Agent, type ConversationFacts, matchingRules, pickAgent, type Rule } from './rules';
import { conversationEvents, conversations, PRIORITIES, routingRules, teamMembers, teams } from './schema';

/**
 * Applies the workspace's routing rules to conversations created by an ingested page, inside the
 * ingest transaction (the flow's last step: a new conversation is never seen unrouted). Each rule
 * that fires leaves an event in the conversation's history saying what it did; an assignment leaves
 * the agent a notification. Round-robin picks among the team's online agents (a session seen in
 * the last 15 minutes) below the team's cap of open conversations.
 */
export const ONLINE_WINDOW_MS = 15 * 60_000;

/** What the rules did to one new conversation. */
export interface Routed {
  conversationId: string;
  ruleIds: string[];
  assigneeId: string | null;
}

export async function routeConversations(
  db: Db,
  workspaceId: string,
  created: { id: string; facts: ConversationFacts }[],
  now: Date,
): Promise<Routed[]> {
  if (created.length === 0) return [];
  const rules: Rule[] = await db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.enabled, true)))
    .orderBy(asc(routingRules.position));
  if (rules.length === 0) return [];
  // Round-robin state per team, loaded once a page and kept up to date as this page assigns.
  const pools = new Map<string, { cap: number; agents: Agent[] } | null>();
  const pool = async (teamId: string) => {
    if (!pools.has(teamId)) pools.set(teamId, await loadPool(db, workspaceId, teamId, now));
    return pools.get(teamId)!;
  };
  const activeUsers = new Set((await activeStaff(db, workspaceId)).map((u) => u.id));

  const events: (typeof conversationEvents.$inferInsert)[] = [];
  const notices: Notice[] = [];
  const routed: Routed[] = [];
  for (const { id, facts } of created) {
    const fired = matchingRules(rules, facts);
    if (fired.length === 0) continue;
    const set: Partial<typeof conversations.$inferInsert> = {};
    const tags = new Set<string>();
    for (const rule of fired) {
      const applied: Record<string, unknown> = {};
      const a = rule.actions;
      if (a.assignUserId && activeUsers.has(a.assignUserId)) set.assigneeId = applied.assignedTo = a.assignUserId;
      if (a.roundRobinTeamId) {
        const p = await pool(a.roundRobinTeamId);
        const agent = p ? pickAgent(p.agents, p.cap) : null;
        if (agent) {
          agent.open++;
          agent.lastAssignedAt = now;
          set.assigneeId = applied.assignedTo = agent.userId;
          applied.roundRobin = a.roundRobinTeamId;
        } else applied.roundRobin = 'no agent online below the cap';
      }
      if (a.tags?.length) {
        for (const t of a.tags) tags.add(t);
        applied.tags = a.tags;
      }
      if (a.priority) {
        set.priority = a.priority;
        set.priorityRank = PRIORITIES.indexOf(a.priority);
        set.priorityReason = storedReason([{ code: 'rule', rule: rule.name }]);
        set.priorityPinned = true;
        applied.priority = a.priority;
      }
      if (a.markSpam) set.status = applied.status = 'spam';
      events.push({
        workspaceId,
        conversationId: id,
        kind: 'rule',
        details: { ruleId: rule.id, rule: rule.name, ...applied },
      });
    }
    // A new conversation has no tags of its own yet: the rules' tags are all it has.
    if (tags.size) set.tags = [...tags];
    if (Object.keys(set).length) await db.update(conversations).set(set).where(eq(conversations.id, id));
    routed.push({ conversationId: id, ruleIds: fired.map((r) => r.id), assigneeId: set.assigneeId ?? null });
    if (set.assigneeId)
      notices.push({
        workspaceId,
        userId: set.assigneeId,
        kind: 'assigned',
        conversationId: id,
        values: { by: 'rule' },
      });
  }
  if (events.length) await db.insert(conversationEvents).values(events);
  await notify(db, notices);
  for (const [teamId, p] of pools) {
    if (!p) continue;
    const touched = p.agents.filter((a) => a.lastAssignedAt?.getTime() === now.getTime());
    if (touched.length)
      await db
        .update(teamMembers)
        .set({ lastAssignedAt: now })
        .where(
          and(
            eq(teamMembers.teamId, teamId),
            inArray(
              teamMembers.userId,
              touched.map((a) => a.userId),
            ),
          ),
        );
  }
  return routed;
}

async function loadPool(db: Db, workspaceId: string, teamId: string, now: Date) {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  if (!team) return null;
  const since = new Date(now.getTime() - ONLINE_WINDOW_MS);
  const roster = await db
    .select({ userId: teamMembers.userId, lastAssignedAt: teamMembers.lastAssignedAt })
    .from(teamMembers)
    .where(eq(teamMembers.teamId, teamId));
  const online = await onlineStaff(
    db,
    roster.map((m) => m.userId),
    since,
    now,
  );
  const members = roster.filter((m) => online.has(m.userId));
  if (members.length === 0) return { cap: team.maxOpenPerAgent, agents: [] };
  const open = await db
    .select({ userId: conversations.assigneeId, n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.status, 'open'),
        inArray(
          conversations.assigneeId,
          members.map((m) => m.userId),
        ),
      ),
    )
    .groupBy(conversations.assigneeId);
  const counts = new Map(open.map((o) => [o.userId, Number(o.n)]));
  return {
    cap: team.maxOpenPerAgent,
    agents: members.map((m) => ({
      userId: m.userId,
      open: counts.get(m.userId) ?? 0,
      lastAssignedAt: m.lastAssignedAt,
    })),
  };
}
