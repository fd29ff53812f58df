import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Foreign keys that point up the layers. A fact table low in the house (a mention) keeps columns that
 * features built on it fill in (its contact, its conversation). The database must still know those
 * columns reference the other tables, but the lower feature must not import the higher one: so the
 * referenced table registers its key here under its SQL name, and the lower schema names it. drizzle
 * resolves `references(() => …)` lazily, when drizzle-kit reads all schema files, by which time every
 * table has registered. Only primary keys are offered: nothing else of the other table is reachable.
 */
const keys = new Map<string, AnyPgColumn>();

/** Called by the owner's schema file next to its table definition. */
export function registerKey(table: string, id: AnyPgColumn): void {
  keys.set(table, id);
}

/** The registered primary key of `table`; throws if its schema file was never loaded. */
export function keyOf(table: string): AnyPgColumn {
  const key = keys.get(table);
  if (!key) throw new Error(`table-refs: ${table} has not registered its key (is its schema.ts loaded?)`);
  return key;
}
