import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
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

/**
 * How sure a suggestion must be to be shown by default (evidence.ts `confidenceOf`). Any one hint that names a
 * person reaches it alone (same email 95 %, profile URL 90 %, picture 70 %, handle on another platform 60 %), and
 * so do two weak hints together (a similar name and the same website); a similar name alone never does (at most
 * 50 %: "Hana Müller" and "Ana Müller" are 32 % alike as evidence, and most such pairs are namesakes), nor a
 * shared website domain alone (40 %: colleagues). The weaker ones stay one click away.
 */
export const LIKELY_DUPLICATE = 0.6;

/**
 * The review queue: open suggestions, most likely first, each with both contacts side by side. By default only
 * the likely ones (`LIKELY_DUPLICATE`); `weak: true` lists the weaker ones too. `weaker` counts those below.
 */
export async function listSuggestions(
  db: Db,
  workspaceId: string,
  opts: { limit: number; offset: number; weak?: boolean },
) {
  const open = and(eq(duplicateSuggestions.workspaceId, workspaceId), eq(duplicateSuggestions.status, 'open'));
  const likely = gte(duplicateSuggestions.confidence, LIKELY_DUPLICATE);
  const shown = opts.weak ? open : and(open, likely);
  const list = await db
    .select()
    .from(duplicateSuggestions)
    .where(shown)
    .orderBy(desc(duplicateSuggestions.confidence), desc(duplicateSuggestions.createdAt))
    .limit(opts.limit)
    .offset(opts.offset);
  const [counts] = await db
    .select({
      n: sql<number>`count(*) filter (where ${opts.weak ? sql`true` : likely})::int`,
      weaker: sql<number>`count(*) filter (where ${duplicateSuggestions.confidence} < ${LIKELY_DUPLICATE})::int`,
    })
    .from(duplicateSuggestions)
    .where(open);
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
    total: counts?.n ?? 0,
    weaker: counts?.weaker ?? 0,
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
