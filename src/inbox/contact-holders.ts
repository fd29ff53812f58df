import { sql } from 'drizzle-orm';
import type { ContactHolder } from '../contacts';
import { toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';

/** The inbox's rows that follow a contact through a merge and its undo (contacts/holders.ts). */
const holderOf = (table: 'conversations' | 'conversation_notes'): ContactHolder => ({
  async move(tx: Db, workspaceId, fromIds, intoId) {
    return rows<{ id: string; contactId: string }>(
      await tx.execute(sql`
        update ${sql.identifier(table)} t set contact_id = ${intoId}::uuid
        from (select id, contact_id from ${sql.identifier(table)}
          where workspace_id = ${workspaceId}::uuid and contact_id = any(${toPgArray(fromIds)}::uuid[]) for update) old
        where t.id = old.id
        returning t.id, old.contact_id as "contactId"`),
    );
  },
  async restore(tx: Db, back, intoId) {
    await tx.execute(sql`
      update ${sql.identifier(table)} t set contact_id = r.contact_id
      from jsonb_to_recordset(${JSON.stringify(back.map((m) => ({ id: m.id, contact_id: m.contactId })))}::jsonb)
        as r(id uuid, contact_id uuid)
      where t.id = r.id and t.contact_id = ${intoId}::uuid`);
  },
});

/** Conversations and their notes, by the table names a merge's snapshot records. */
export const inboxContactHolders: Record<string, ContactHolder> = {
  conversations: holderOf('conversations'),
  conversation_notes: holderOf('conversation_notes'),
};
