import { eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { contacts } from './schema';

/** A contact's name and company, as a saved reply addresses them; null when gone. */
export async function contactCard(db: Db, id: string): Promise<{ name: string | null; company: string | null } | null> {
  const [row] = await db
    .select({ name: contacts.name, company: contacts.company })
    .from(contacts)
    .where(eq(contacts.id, id));
  return row ?? null;
}
