import { sql } from 'drizzle-orm';
import { toJsonParam, toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { mentions } from './schema';

/**
 * Contacts set `mentions.contact_id` (the CRM link; see db/table-refs.ts) and move it when they merge
 * contacts or undo a merge. These are those writes, each one statement, in the caller's transaction.
 */

/** A mention and the contact it pointed at (before a merge moved it). */
export interface ContactLink {
  id: string;
  contactId: string;
}

/** Moves the mentions of `fromIds` to `toId`; returns each moved mention with the contact it left. */
export async function moveMentionsToContact(
  tx: Db,
  workspaceId: string,
  fromIds: string[],
  toId: string,
): Promise<ContactLink[]> {
  if (fromIds.length === 0) return [];
  const moved = rows<{ id: string; contact_id: string }>(
    await tx.execute(sql`
      update ${mentions} m set contact_id = ${toId}::uuid
      from (select id, contact_id from ${mentions}
            where workspace_id = ${workspaceId}::uuid and contact_id = any(${toPgArray(fromIds)}::uuid[])
            for update) old
      where m.id = old.id
      returning old.id, old.contact_id`),
  );
  return moved.map((r) => ({ id: r.id, contactId: r.contact_id }));
}

/** Puts mentions back on the contacts they had, those still on `fromId` (an undone merge). */
export async function restoreMentionContacts(tx: Db, links: ContactLink[], fromId: string): Promise<void> {
  if (links.length === 0) return;
  await tx.execute(sql`
    update ${mentions} m set contact_id = r.contact_id
    from jsonb_to_recordset(${toJsonParam(links.map((l) => ({ id: l.id, contact_id: l.contactId })))}::jsonb)
      as r(id uuid, contact_id uuid)
    where m.id = r.id and m.contact_id = ${fromId}::uuid`);
}

/** An identity and the contact its posts belong to. */
export interface IdentityHome {
  identityId: string;
  contactId: string;
}

/** Points the mentions of each identity, those still on `fromId`, at the identity's contact. */
export async function followIdentities(tx: Db, homes: IdentityHome[], fromId: string): Promise<void> {
  if (homes.length === 0) return;
  await tx.execute(sql`
    update ${mentions} m set contact_id = r.contact_id
    from jsonb_to_recordset(${toJsonParam(homes.map((h) => ({ id: h.identityId, contact_id: h.contactId })))}::jsonb)
      as r(id uuid, contact_id uuid)
    where m.identity_id = r.id and m.contact_id = ${fromId}::uuid`);
}
