import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import { toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { followIdentities, moveMentionsToContact, restoreMentionContacts } from '../mentions';
import { recountContacts } from './activity';
import { type ContactHolder, contactHolders } from './holders';
import { type ContactRow, getContact } from './contacts.service';
import { contactError } from './errors';
import { contactMerges, contacts, duplicateSuggestions, type MergeSnapshot } from './schema';

/**
 * Merging: two or more contacts become one. Identities, mentions and notes move to the survivor;
 * emails, phones and tags are joined; single-value fields come from the contact chosen per field
 * (the survivor's by default); custom fields are joined, the chosen contact winning a clash.
 * Everything moved is recorded, so an undo puts each row back where it was.
 */

/** Fields with one value, where a merge must choose. */
export const CHOOSABLE_FIELDS = ['name', 'company', 'title', 'location', 'lifecycleStage', 'ownerId'] as const;
export type ChoosableField = (typeof CHOOSABLE_FIELDS)[number];

// Rows that belong to a contact and move with a merge (and back with an undo): this feature's own, the
// mentions (through their owner's functions), and whatever features above registered (holders.ts).
const OWN_TABLES = ['identities', 'contact_notes'] as const;
type Moved = MergeSnapshot['moved'][number];

const mentionHolder: ContactHolder = {
  move: (tx, workspaceId, fromIds, intoId) => moveMentionsToContact(tx, workspaceId, fromIds, intoId),
  restore: (tx, back, intoId) => restoreMentionContacts(tx, back, intoId),
};

/** This feature's own tables, moved by contact id. */
const ownHolder = (table: (typeof OWN_TABLES)[number]): ContactHolder => ({
  async move(tx, _workspaceId, fromIds, intoId) {
    const r = rows<{ id: string; contact_id: string }>(
      await tx.execute(
        sql`select id, contact_id from ${sql.identifier(table)} where contact_id = any(${toPgArray(fromIds)}::uuid[])`,
      ),
    );
    if (r.length)
      await tx.execute(
        sql`update ${sql.identifier(table)} set contact_id = ${intoId}::uuid
          where contact_id = any(${toPgArray(fromIds)}::uuid[])`,
      );
    return r.map((row) => ({ id: row.id, contactId: row.contact_id }));
  },
  async restore(tx, back, intoId) {
    await tx.execute(sql`
      update ${sql.identifier(table)} t set contact_id = r.contact_id
      from jsonb_to_recordset(${JSON.stringify(back.map((m) => ({ id: m.id, contact_id: m.contactId })))}::jsonb)
        as r(id uuid, contact_id uuid)
      where t.id = r.id and t.contact_id = ${intoId}::uuid`);
  },
});

/** Every table whose rows follow a contact, in the order a merge moves them. */
const movable = (): [string, ContactHolder][] => [
  ...OWN_TABLES.map((t): [string, ContactHolder] => [t, ownHolder(t)]),
  ['mentions', mentionHolder],
  ...contactHolders(),
];

/** Moves a table's rows of `fromIds` to `intoId`; returns each moved row with the contact it left. */
async function moveRows(
  tx: Db,
  workspaceId: string,
  table: string,
  holder: ContactHolder,
  fromIds: string[],
  intoId: string,
) {
  return (await holder.move(tx, workspaceId, fromIds, intoId)).map((m): Moved => ({ table, ...m }));
}

const SNAPSHOT_FIELDS = [
  'name',
  'emails',
  'phones',
  'company',
  'title',
  'location',
  'lifecycleStage',
  'ownerId',
  'tags',
  'customFields',
  'websiteDomain',
  'firstTouchAt',
  'firstTouchChannel',
  'lastActivityAt',
] as const;

export interface MergeInput {
  into: string;
  from: string[];
  /** Per field, the contact whose value the survivor keeps. */
  fields?: Partial<Record<ChoosableField, string>>;
  /** Per custom field key, the contact whose value wins a clash. */
  customFields?: Record<string, string>;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

export async function mergeContacts(db: Db, actor: Actor, input: MergeInput, now: Date) {
  const fromIds = uniq(input.from).filter((id) => id !== input.into);
  if (fromIds.length === 0) throw contactError('MERGE_NEEDS_OTHERS', { field: 'from' });
  const mergeId = await db.transaction(async (tx) => {
    const all = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, actor.workspaceId), inArray(contacts.id, [input.into, ...fromIds])))
      // Locks the rows: two merges of the same contacts cannot interleave.
      .for('update');
    const byId = new Map(all.map((c) => [c.id, c]));
    const into = byId.get(input.into);
    if (!into) throw contactError('CONTACT_NOT_FOUND');
    for (const id of fromIds) if (!byId.has(id)) throw contactError('CONTACT_NOT_FOUND');
    for (const c of all)
      if (c.mergedIntoId)
        throw contactError(
          'CONTACT_ALREADY_MERGED',
          { name: c.name || 'A contact' },
          { contactId: c.id, mergedIntoId: c.mergedIntoId },
        );
    const members = [into, ...fromIds.map((id) => byId.get(id)!)];
    for (const [field, id] of Object.entries({ ...input.fields, ...input.customFields })) {
      if (!byId.has(id)) throw contactError('MERGE_CHOICE_OUTSIDE', { field }, { field });
    }

    const pick = <K extends ChoosableField>(field: K): ContactRow[K] => {
      const chosen = input.fields?.[field];
      if (chosen) return byId.get(chosen)![field];
      // Unchosen: the survivor's value, or the first other contact's where the survivor has none.
      return (into[field] || members.find((m) => m[field])?.[field] || into[field]) as ContactRow[K];
    };
    const custom: Record<string, string> = {};
    for (const m of [...members].reverse()) Object.assign(custom, m.customFields);
    Object.assign(custom, into.customFields);
    for (const [key, id] of Object.entries(input.customFields ?? {})) {
      const v = byId.get(id)!.customFields[key];
      if (v !== undefined) custom[key] = v;
    }

    const moved: MergeSnapshot['moved'] = [];
    for (const [table, holder] of movable())
      moved.push(...(await moveRows(tx, actor.workspaceId, table, holder, fromIds, input.into)));
    const settled = await tx
      .update(duplicateSuggestions)
      .set({ status: 'merged', resolvedBy: actor.userId, resolvedAt: now })
      .where(
        and(
          eq(duplicateSuggestions.workspaceId, actor.workspaceId),
          eq(duplicateSuggestions.status, 'open'),
          sql`(${duplicateSuggestions.contactA} = any(${toPgArray([input.into, ...fromIds])}::uuid[])
            and ${duplicateSuggestions.contactB} = any(${toPgArray([input.into, ...fromIds])}::uuid[]))`,
        ),
      )
      .returning({ id: duplicateSuggestions.id });

    const snapshot: MergeSnapshot = {
      into: Object.fromEntries(
        SNAPSHOT_FIELDS.map((f) => [f, into[f] instanceof Date ? (into[f] as Date).toISOString() : into[f]]),
      ),
      moved,
      suggestionIds: settled.map((s) => s.id),
    };
    await tx
      .update(contacts)
      .set({
        name: pick('name'),
        company: pick('company'),
        title: pick('title'),
        location: pick('location'),
        lifecycleStage: pick('lifecycleStage'),
        ownerId: pick('ownerId'),
        emails: uniq(members.flatMap((m) => m.emails)),
        phones: uniq(members.flatMap((m) => m.phones)),
        tags: uniq(members.flatMap((m) => m.tags)),
        customFields: custom,
        websiteDomain: into.websiteDomain ?? members.find((m) => m.websiteDomain)?.websiteDomain ?? null,
        firstTouchAt: null,
        firstTouchChannel: null,
        updatedAt: now,
      })
      .where(eq(contacts.id, input.into));
    await tx.update(contacts).set({ mergedIntoId: input.into, updatedAt: now }).where(inArray(contacts.id, fromIds));
    const [merge] = await tx
      .insert(contactMerges)
      .values({ workspaceId: actor.workspaceId, intoId: input.into, fromIds, snapshot, createdBy: actor.userId })
      .returning({ id: contactMerges.id });
    // First touch is recomputed from all the activity the survivor now holds.
    await recountContacts(tx, actor.workspaceId, [input.into], now);
    await recordAudit(tx, actor, {
      action: 'contact.merged',
      targetType: 'contact',
      targetId: input.into,
      details: {
        mergeId: merge!.id,
        from: fromIds.map((id) => ({ id, name: byId.get(id)!.name })),
        fields: input.fields ?? {},
        moved: moved.length,
      },
    });
    return merge!.id;
  });
  return { mergeId, contact: await getContact(db, actor.workspaceId, input.into) };
}

export async function undoMerge(db: Db, actor: Actor, mergeId: string, now: Date) {
  const restored = await db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(contactMerges)
      .where(and(eq(contactMerges.workspaceId, actor.workspaceId), eq(contactMerges.id, mergeId)))
      .for('update');
    if (!merge) throw contactError('MERGE_NOT_FOUND');
    if (merge.undoneAt) throw contactError('MERGE_ALREADY_UNDONE');
    const [into] = await tx.select().from(contacts).where(eq(contacts.id, merge.intoId)).for('update');
    if (!into) throw contactError('MERGE_TARGET_DELETED');
    if (into.mergedIntoId) throw contactError('MERGE_TARGET_MERGED_AGAIN', { mergedIntoId: into.mergedIntoId });
    const stillMerged = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(inArray(contacts.id, merge.fromIds), eq(contacts.mergedIntoId, merge.intoId)));
    if (stillMerged.length !== merge.fromIds.length) throw contactError('MERGE_SOURCES_DELETED');

    const snap = merge.snapshot;
    for (const [table, holder] of movable()) {
      const back = snap.moved.filter((m) => m.table === table);
      if (back.length) await holder.restore(tx, back, merge.intoId);
    }
    // Posts that arrived after the merge through a moved identity follow that identity home.
    const homes = snap.moved
      .filter((m) => m.table === 'identities')
      .map((m) => ({ identityId: m.id, contactId: m.contactId }));
    await followIdentities(tx, homes, merge.intoId);
    const f = snap.into as Record<string, unknown>;
    const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
    await tx
      .update(contacts)
      .set({
        name: f.name as string,
        emails: f.emails as string[],
        phones: f.phones as string[],
        company: f.company as string | null,
        title: f.title as string | null,
        location: f.location as string | null,
        lifecycleStage: f.lifecycleStage as string,
        ownerId: f.ownerId as string | null,
        tags: f.tags as string[],
        customFields: f.customFields as Record<string, string>,
        websiteDomain: f.websiteDomain as string | null,
        firstTouchAt: date(f.firstTouchAt),
        firstTouchChannel: f.firstTouchChannel as string | null,
        lastActivityAt: date(f.lastActivityAt),
        updatedAt: now,
      })
      .where(eq(contacts.id, merge.intoId));
    await tx.update(contacts).set({ mergedIntoId: null, updatedAt: now }).where(inArray(contacts.id, merge.fromIds));
    if (snap.suggestionIds.length) {
      await tx
        .update(duplicateSuggestions)
        .set({ status: 'open', resolvedBy: null, resolvedAt: null })
        .where(inArray(duplicateSuggestions.id, snap.suggestionIds));
    }
    await tx.update(contactMerges).set({ undoneAt: now }).where(eq(contactMerges.id, mergeId));
    await recountContacts(tx, actor.workspaceId, [merge.intoId, ...merge.fromIds], now);
    await recordAudit(tx, actor, {
      action: 'contact.merge_undone',
      targetType: 'contact',
      targetId: merge.intoId,
      details: { mergeId, restored: merge.fromIds },
    });
    return [merge.intoId, ...merge.fromIds];
  });
  return { contacts: await Promise.all(restored.map((id) => getContact(db, actor.workspaceId, id))) };
}

export async function listMerges(db: Db, workspaceId: string, contactId: string) {
  const r = await db
    .select()
    .from(contactMerges)
    .where(and(eq(contactMerges.workspaceId, workspaceId), eq(contactMerges.intoId, contactId)));
  return r
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((m) => ({
      id: m.id,
      intoId: m.intoId,
      fromIds: m.fromIds,
      createdBy: m.createdBy,
      createdAt: m.createdAt.toISOString(),
      undoneAt: m.undoneAt?.toISOString() ?? null,
    }));
}
