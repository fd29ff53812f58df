import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { isActiveStaff, recordAudit } from '../accounts';
import { newestFirst } from '../db/keyset';
import type { Db } from '../db/types';
import { canonicalTags } from '../tags';
import { type ContactFilter, type ContactSort, filterConditions } from './filter';
import { contactError } from './errors';
import { scoreParts } from './score';
import { contactNotes, contacts, DEFAULT_STAGES, identities, lifecycleStages } from './schema';

export type ContactRow = typeof contacts.$inferSelect;
export type IdentityRow = typeof identities.$inferSelect;

export const publicIdentity = (i: IdentityRow) => ({
  id: i.id,
  platform: i.platform,
  externalId: i.externalId,
  handle: i.handle,
  displayName: i.displayName,
  bio: i.bio,
  url: i.url,
  avatarUrl: i.avatarUrl,
  followers: i.followers,
  verified: i.verified,
  firstSeenAt: i.firstSeenAt.toISOString(),
  lastSeenAt: i.lastSeenAt.toISOString(),
});

export const publicContact = (c: ContactRow, ids: IdentityRow[] = []) => ({
  id: c.id,
  name: c.name,
  emails: c.emails,
  phones: c.phones,
  company: c.company,
  title: c.title,
  location: c.location,
  lifecycleStage: c.lifecycleStage,
  ownerId: c.ownerId,
  tags: c.tags,
  customFields: c.customFields,
  followers: c.followers,
  sentiment: c.sentiment,
  mentionCount: c.mentionCount,
  score: c.score,
  // The parts add up to the score (a part for what 0..100 cut off, score.ts), in the API as on the pages.
  scoreReasons: scoreParts(c.score, c.scoreReasons),
  firstTouchAt: c.firstTouchAt?.toISOString() ?? null,
  firstTouchChannel: c.firstTouchChannel,
  lastActivityAt: c.lastActivityAt?.toISOString() ?? null,
  mergedIntoId: c.mergedIntoId,
  identities: ids.map(publicIdentity),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export interface ContactInput {
  name?: string;
  emails?: string[];
  phones?: string[];
  company?: string | null;
  title?: string | null;
  location?: string | null;
  lifecycleStage?: string;
  ownerId?: string | null;
  tags?: string[];
  customFields?: Record<string, string>;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Emails lower-cased, tags trimmed, lists without repeats: one spelling for matching and filters. */
function normalizeInput(input: ContactInput): ContactInput {
  return {
    ...input,
    ...(input.emails ? { emails: uniq(input.emails.map((e) => e.trim().toLowerCase())) } : {}),
    ...(input.phones ? { phones: uniq(input.phones.map((p) => p.trim())) } : {}),
    ...(input.tags ? { tags: uniq(input.tags.map((t) => t.trim()).filter(Boolean)) } : {}),
  };
}

export async function listStages(db: Db, workspaceId: string): Promise<string[]> {
  const own = await db
    .select({ name: lifecycleStages.name })
    .from(lifecycleStages)
    .where(eq(lifecycleStages.workspaceId, workspaceId))
    .orderBy(asc(lifecycleStages.position));
  return own.length ? own.map((s) => s.name) : [...DEFAULT_STAGES];
}

export async function setStages(db: Db, actor: Actor, stages: string[]): Promise<string[]> {
  const list = uniq(stages.map((s) => s.trim().toLowerCase()).filter(Boolean));
  if (list.length === 0) throw contactError('LIFECYCLE_STAGES_EMPTY', { field: 'stages' });
  return db.transaction(async (tx) => {
    await tx.delete(lifecycleStages).where(eq(lifecycleStages.workspaceId, actor.workspaceId));
    await tx
      .insert(lifecycleStages)
      .values(list.map((name, position) => ({ workspaceId: actor.workspaceId, name, position })));
    await recordAudit(tx, actor, { action: 'contacts.stages_changed', details: { stages: list } });
    return list;
  });
}

async function validate(db: Db, workspaceId: string, input: ContactInput) {
  if (input.lifecycleStage !== undefined && !(await listStages(db, workspaceId)).includes(input.lifecycleStage)) {
    throw contactError('LIFECYCLE_STAGE_UNKNOWN', { stage: input.lifecycleStage }, { field: 'lifecycleStage' });
  }
  if (input.ownerId) {
    if (!(await isActiveStaff(db, workspaceId, input.ownerId)))
      throw contactError('CONTACT_OWNER_NOT_ACTIVE', { field: 'ownerId' });
  }
}

export async function getContactRow(db: Db, workspaceId: string, id: string): Promise<ContactRow> {
  const [c] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
  if (!c) throw contactError('CONTACT_NOT_FOUND');
  return c;
}

export async function identitiesOf(db: Db, contactIds: string[]): Promise<Map<string, IdentityRow[]>> {
  const out = new Map<string, IdentityRow[]>();
  if (contactIds.length === 0) return out;
  for (const i of await db
    .select()
    .from(identities)
    .where(inArray(identities.contactId, contactIds))
    .orderBy(asc(identities.firstSeenAt))) {
    out.set(i.contactId, [...(out.get(i.contactId) ?? []), i]);
  }
  return out;
}

export async function getContact(db: Db, workspaceId: string, id: string) {
  const c = await getContactRow(db, workspaceId, id);
  return publicContact(c, (await identitiesOf(db, [c.id])).get(c.id));
}

export interface ContactListOptions {
  filter: ContactFilter;
  sort: ContactSort;
  limit: number;
  offset: number;
  now: Date;
}

const ORDER = {
  recent: [newestFirst(contacts.lastActivityAt), desc(contacts.id)],
  score: [desc(contacts.score), desc(contacts.id)],
  name: [asc(sql`lower(${contacts.name})`), asc(contacts.id)],
  followers: [desc(contacts.followers), desc(contacts.id)],
  created: [desc(contacts.createdAt), desc(contacts.id)],
} as const;

export async function listContacts(db: Db, workspaceId: string, o: ContactListOptions) {
  const where = filterConditions(workspaceId, o.filter, o.now);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(where)
      .orderBy(...ORDER[o.sort])
      .limit(o.limit)
      .offset(o.offset),
    db.select({ n: count() }).from(contacts).where(where),
  ]);
  const ids = await identitiesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => publicContact(r, ids.get(r.id))), total: total?.n ?? 0 };
}

export async function createContact(db: Db, actor: Actor, raw: ContactInput) {
  const input = normalizeInput(raw);
  await validate(db, actor.workspaceId, input);
  return db.transaction(async (tx) => {
    if (input.tags) input.tags = await canonicalTags(tx, actor.workspaceId, input.tags);
    const [c] = await tx
      .insert(contacts)
      .values({ workspaceId: actor.workspaceId, ...input, name: input.name ?? '' })
      .returning();
    await recordAudit(tx, actor, {
      action: 'contact.created',
      targetType: 'contact',
      targetId: c!.id,
      details: { name: c!.name },
    });
    return publicContact(c!);
  });
}

export async function updateContact(db: Db, actor: Actor, id: string, raw: ContactInput, now: Date) {
  const input = normalizeInput(raw);
  await validate(db, actor.workspaceId, input);
  return db.transaction(async (tx) => {
    const before = await getContactRow(tx, actor.workspaceId, id);
    if (before.mergedIntoId) throw contactError('MERGED_CONTACT_NOT_EDITABLE', { mergedIntoId: before.mergedIntoId });
    if (input.tags) input.tags = await canonicalTags(tx, actor.workspaceId, input.tags);
    const [c] = await tx
      .update(contacts)
      .set({ ...input, updatedAt: now })
      .where(eq(contacts.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'contact.updated',
      targetType: 'contact',
      targetId: id,
      details: { fields: Object.keys(input) },
    });
    return publicContact(c!, (await identitiesOf(tx, [id])).get(id));
  });
}

/** Deletes the contact and its identities (the person asked to be forgotten); mentions stay, unlinked. */
export async function deleteContact(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const c = await getContactRow(tx, actor.workspaceId, id);
    await tx.delete(contacts).where(eq(contacts.id, id));
    await recordAudit(tx, actor, {
      action: 'contact.deleted',
      targetType: 'contact',
      targetId: id,
      details: { name: c.name },
    });
  });
}

export async function addNote(db: Db, actor: Actor, contactId: string, body: string) {
  return db.transaction(async (tx) => {
    const c = await getContactRow(tx, actor.workspaceId, contactId);
    if (c.mergedIntoId) throw contactError('MERGED_CONTACT_NOT_NOTABLE', { mergedIntoId: c.mergedIntoId });
    const [n] = await tx
      .insert(contactNotes)
      .values({ workspaceId: actor.workspaceId, contactId, authorId: actor.userId, body })
      .returning();
    await tx
      .update(contacts)
      .set({ lastActivityAt: sql`greatest(${contacts.lastActivityAt}, ${n!.createdAt.toISOString()}::timestamptz)` })
      .where(eq(contacts.id, contactId));
    return { id: n!.id, body: n!.body, authorId: n!.authorId, createdAt: n!.createdAt.toISOString() };
  });
}
