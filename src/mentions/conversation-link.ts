import { sql } from 'drizzle-orm';
import { toJsonParam } from '../db/params';
import type { Db } from '../db/types';

/** A new mention and the inbox conversation it joined. */
export interface ThreadLink {
  mentionId: string;
  conversationId: string;
}

/** Points mentions at their conversations (the inbox threads them); one statement for a whole chunk. */
export async function markThreaded(tx: Db, links: ThreadLink[]): Promise<void> {
  if (links.length === 0) return;
  const pairs = links.map((l) => ({ id: l.mentionId, conversation_id: l.conversationId }));
  await tx.execute(sql`
    update mentions m set conversation_id = l.conversation_id
    from jsonb_to_recordset(${toJsonParam(pairs)}::jsonb) as l(id uuid, conversation_id uuid)
    where m.id = l.id`);
}
