import type { Db } from '../db/types';

/**
 * Features above contacts keep rows that point at a contact (the inbox's conversations and notes; later
 * reviews, ideas, votes). A merge must move them to the survivor, and an undo must move them back, in the
 * merge's transaction; contacts cannot import those features, so each registers a holder here, through
 * composition (server/deps.ts), and the merge works through whatever is registered. The table name is
 * what a merge's snapshot records, so it must stay stable.
 */
export interface ContactHolder {
  /** Moves the rows of `fromIds` to `intoId`; returns each moved row with the contact it left. */
  move(tx: Db, workspaceId: string, fromIds: string[], intoId: string): Promise<{ id: string; contactId: string }[]>;
  /** Puts rows back on the contacts they had, those still on `intoId`. */
  restore(tx: Db, back: { id: string; contactId: string }[], intoId: string): Promise<void>;
}

const holders = new Map<string, ContactHolder>();

/** Registers (or replaces) the holder of a table's contact references. */
export function registerContactHolder(table: string, holder: ContactHolder): void {
  holders.set(table, holder);
}

/** Every registered holder, by table name. */
export const contactHolders = (): ReadonlyMap<string, ContactHolder> => holders;
