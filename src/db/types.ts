import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The one database type every service takes: PGlite and postgres.js both satisfy it. Without drizzle's
 * relational query API: the db layer knows no feature's tables (each feature's schema.ts is its own).
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DbKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
  /**
   * LISTEN on a channel: the callback gets each NOTIFY payload sent after its transaction commits,
   * from any instance. Returns the way to stop. Absent where the runtime cannot hold a listening
   * connection (Workers).
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}
