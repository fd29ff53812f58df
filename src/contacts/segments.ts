import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import type { Db } from '../db/types';
import { ContactFilter } from './filter';
import { contactError } from './errors';
import { segments } from './schema';

/** Saved contact filters, by name. The stored filter is validated again on the way out. */
export async function listSegments(db: Db, workspaceId: string) {
  const list = await db
    .select()
    .from(segments)
    .where(eq(segments.workspaceId, workspaceId))
    .orderBy(asc(segments.name));
  return list.map((s) => ({
    id: s.id,
    name: s.name,
    filter: ContactFilter.parse(s.filter),
    createdAt: s.createdAt.toISOString(),
  }));
}

/** A saved segment's filter, for a list or an export that names it. */
export async function segmentFilter(db: Db, workspaceId: string, id: string): Promise<ContactFilter> {
  const [s] = await db
    .select({ filter: segments.filter })
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  if (!s) throw contactError('SEGMENT_UNKNOWN', { field: 'segment' });
  return ContactFilter.parse(s.filter);
}

export async function createSegment(db: Db, actor: Actor, input: { name: string; filter: ContactFilter }) {
  const filter = ContactFilter.parse(input.filter);
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: segments.id })
      .from(segments)
      .where(and(eq(segments.workspaceId, actor.workspaceId), eq(segments.name, input.name)));
    if (clash) throw contactError('SEGMENT_NAME_TAKEN', { name: input.name }, { field: 'name' });
    const [row] = await tx
      .insert(segments)
      .values({ workspaceId: actor.workspaceId, name: input.name, filter, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'segment.created',
      targetType: 'segment',
      targetId: row!.id,
      details: { name: input.name },
    });
    return { id: row!.id, name: row!.name, filter, createdAt: row!.createdAt.toISOString() };
  });
}

export async function deleteSegment(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(segments)
      .where(and(eq(segments.workspaceId, actor.workspaceId), eq(segments.id, id)))
      .returning({ id: segments.id, name: segments.name });
    if (!gone) throw contactError('SEGMENT_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'segment.deleted',
      targetType: 'segment',
      targetId: id,
      details: { name: gone.name },
    });
  });
}
