import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Role } from '../core/roles';
import type { Db } from '../db/types';
import { sessions, users, workspaces } from './schema';

/**
 * What other features may know of workspaces and their staff, without touching accounts' tables
 * (docs/architecture.md, "Each table has one owner"): who is active, who is online, names and emails.
 */
export type Workspace = typeof workspaces.$inferSelect;

/** A teammate as other features show or address them. */
export interface StaffMember {
  id: string;
  email: string;
  name: string | null;
}

const member = { id: users.id, email: users.email, name: users.name };

export async function workspaceById(db: Db, id: string): Promise<Workspace | null> {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  return ws ?? null;
}

export async function workspaceBySlug(db: Db, slug: string): Promise<Workspace | null> {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  return ws ?? null;
}

/** Every workspace, oldest first (`limit` to ask whether there is more than one). */
export function listWorkspaces(db: Db, limit?: number): Promise<Workspace[]> {
  const q = db.select().from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.id));
  return limit === undefined ? q : q.limit(limit);
}

/** The workspace's staff who can still sign in (`ids`: only those among them). */
export function activeStaff(db: Db, workspaceId: string, ids?: string[]): Promise<StaffMember[]> {
  if (ids && ids.length === 0) return Promise.resolve([]);
  return db
    .select(member)
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), isNull(users.disabledAt), ids ? inArray(users.id, ids) : undefined));
}

/** The workspace's active staff in these roles (who is told when a source needs an admin). */
export function activeStaffIn(db: Db, workspaceId: string, roles: readonly Role[]): Promise<StaffMember[]> {
  return db
    .select(member)
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), isNull(users.disabledAt), inArray(users.role, [...roles])));
}

/** The workspace's staff, disabled ones too (exports name whoever owned a record). */
export function allStaff(db: Db, workspaceId: string): Promise<StaffMember[]> {
  return db.select(member).from(users).where(eq(users.workspaceId, workspaceId));
}

/** Whether `userId` is an active member of the workspace. */
export async function isActiveStaff(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  return (await activeStaff(db, workspaceId, [userId])).length > 0;
}

/** One teammate by id, in any workspace (the caller already knows the id is theirs). */
export async function staffMember(db: Db, userId: string): Promise<StaffMember | null> {
  const [u] = await db.select(member).from(users).where(eq(users.id, userId));
  return u ?? null;
}

/** Of `userIds`, the active ones with a live session seen since `since` (routing's "online"). */
export async function onlineStaff(db: Db, userIds: string[], since: Date, now: Date): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(
      sessions,
      and(eq(sessions.userId, users.id), gte(sessions.lastSeenAt, since), gte(sessions.expiresAt, now)),
    )
    .where(and(inArray(users.id, userIds), isNull(users.disabledAt)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Read model: the workspaces as a subquery (fields typed as a Workspace's), for a feature's own query that
 * joins its per-workspace rows to the workspace in one statement (the board's settings, by slug).
 */
export const workspaceView = (as = 'workspace') => new QueryBuilder().select().from(workspaces).as(as);
