import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import { toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { getContactRow, identitiesOf, publicContact } from './contacts.service';
import { confidenceOf, normalizeName } from './evidence';
import { contactError } from './errors';
import { duplicateReason } from './reasons';
import { contacts, type DuplicateReason, duplicateSuggestions } from './schema';

/** The review queue: open suggestions, most likely first, each with both contacts side by side. */
export async function listSuggestions(db: Db, workspaceId: string, opts: { limit: number; offset: number }) {
  const open = and(eq(duplicateSuggestions.workspaceId, workspaceId), eq(duplicateSuggestions.status, 'open'));
  const list = await db
    .select()
    .from(duplicateSuggestions)
    .where(open)
    .orderBy(desc(duplicateSuggestions.confidence), desc(duplicateSuggestions.createdAt))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(duplicateSuggestions).where(open);
  const ids = [...new Set(list.flatMap((s) => [s.contactA, s.contactB]))];
  const people = ids.length ? await db.select().from(contacts).where(inArray(contacts.id, ids)) : [];
  const idents = await identitiesOf(db, ids);
  const byId = new Map(people.map((c) => [c.id, publicContact(c, idents.get(c.id))]));
  return {
    items: list.map((s) => ({
      id: s.id,
      confidence: s.confidence,
      reasons: s.reasons,
      contacts: [byId.get(s.contactA)!, byId.get(s.contactB)!],
      createdAt: s.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

export async function getSuggestion(db: Db, workspaceId: string, id: string) {
  const [s] = await db
    .select()
    .from(duplicateSuggestions)
    .where(and(eq(duplicateSuggestions.workspaceId, workspaceId), eq(duplicateSuggestions.id, id)));
  if (!s) throw contactError('SUGGESTION_NOT_FOUND');
  return s;
}

export async function dismissSuggestion(db: Db, actor: Actor, id: string, now: Date) {
  await db.transaction(async (tx) => {
    const s = await getSuggestion(tx, actor.workspaceId, id);
    if (s.status !== 'open') throw contactError('SUGGESTION_RESOLVED', { status: s.status });
    await tx
      .update(duplicateSuggestions)
      .set({ status: 'dismissed', resolvedBy: actor.userId, resolvedAt: now })
      .where(eq(duplicateSuggestions.id, id));
    await recordAudit(tx, actor, {
      action: 'contact.duplicate_dismissed',
      targetType: 'contact',
      targetId: s.contactA,
      details: { suggestionId: id, other: s.contactB },
    });
  });
}

/**
 * Contacts that may be the same person as this one, searched now (not only what ingest raised):
 * a shared email or handle, or a similar name (pg_trgm's index over lower(name)).
 */
export async function findSimilar(db: Db, workspaceId: string, contactId: string, limit = 10) {
  const c = await getContactRow(db, workspaceId, contactId);
  const name = normalizeName(c.name);
  const emails = toPgArray(c.emails);
  // Only names at least half alike reach the index's candidate list (pg_trgm's default, 0.3,
  // drags in every namesake of a common first name); set for this transaction only.
  const found = await db.transaction(async (tx) => {
    await tx.execute(sql`set local pg_trgm.similarity_threshold = 0.5`);
    return rows<{ id: string; sim: number; same_email: boolean; same_handle: string | null }>(
      await tx.execute(sql`
      with me as (
        select lower(handle) as handle from identities where contact_id = ${contactId}::uuid and handle is not null
      ),
      candidates as (
        (select id from contacts
          where workspace_id = ${workspaceId}::uuid and merged_into_id is null and id <> ${contactId}::uuid
          and ${name} <> '' and lower(name) % ${name} order by similarity(lower(name), ${name}) desc limit ${limit * 3})
        union
        (select id from contacts
          where workspace_id = ${workspaceId}::uuid and merged_into_id is null and id <> ${contactId}::uuid
          and cardinality(${emails}::text[]) > 0 and emails && ${emails}::text[] limit ${limit})
        union
        (select i.contact_id from identities i join me on lower(i.handle) = me.handle
          where i.workspace_id = ${workspaceId}::uuid and i.contact_id <> ${contactId}::uuid limit ${limit})
      )
      select c.id, similarity(lower(c.name), ${name}) as sim, (c.emails && ${emails}::text[]) as same_email,
        (select min(lower(i.handle)) from identities i join me on lower(i.handle) = me.handle
          where i.contact_id = c.id) as same_handle
      from contacts c join candidates k on k.id = c.id where c.merged_into_id is null`),
    );
  });
  const scored = found
    .map((f) => {
      const reasons: DuplicateReason[] = [];
      if (f.same_email) reasons.push(duplicateReason('same_email', {}));
      if (f.same_handle) reasons.push(duplicateReason('same_handle', { handle: f.same_handle }));
      if (Number(f.sim) >= 0.5)
        reasons.push(duplicateReason('similar_name', { similarity: Math.round(Number(f.sim) * 100) / 100 }));
      return { id: f.id, reasons, confidence: confidenceOf(reasons, Number(f.sim)) };
    })
    .filter((f) => f.reasons.length > 0)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, limit);
  const people = scored.length
    ? await db
        .select()
        .from(contacts)
        .where(
          inArray(
            contacts.id,
            scored.map((s) => s.id),
          ),
        )
    : [];
  const idents = await identitiesOf(
    db,
    scored.map((s) => s.id),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  return scored.map((s) => ({
    contact: publicContact(byId.get(s.id)!, idents.get(s.id)),
    reasons: s.reasons,
    confidence: s.confidence,
  }));
}
