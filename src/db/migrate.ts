import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows } from './rows';
import type { DatabaseHandle } from './types';

// Two levels up from src/db/ when run from source, and from dist/node/ when compiled (scripts/build.mjs).
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

interface Journal {
  entries: { tag: string }[];
}

// Any fixed number works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 727_001;

export interface MigrateResult {
  applied: number;
  total: number;
}

/**
 * Applies pending drizzle-kit migrations. On PostgreSQL an advisory lock makes instances that
 * start together take turns, so two of them never apply the same migration at once; the lock is
 * held by a connection, so hand in a single-connection handle (openPostgres(url, { max: 1 })).
 */
export async function runMigrations(
  handle: DatabaseHandle,
  onProgress: (message: string) => void = () => {},
): Promise<MigrateResult> {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as Journal;
  const total = journal.entries.length;
  const { db } = handle;
  if (handle.kind === 'postgres') await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    const before = await appliedCount(handle);
    const pending = total - before;
    if (pending > 0) onProgress(`applying ${pending} of ${total} migrations`);
    if (handle.kind === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    }
    const after = await appliedCount(handle);
    if (pending > 0) onProgress(`migrations done: ${after - before} applied, ${total} in all`);
    return { applied: after - before, total };
  } finally {
    if (handle.kind === 'postgres') await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}

async function appliedCount(handle: DatabaseHandle): Promise<number> {
  const exists = await handle.db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!rows<{ ok: boolean }>(exists)[0]?.ok) return 0;
  const res = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(rows<{ n: number }>(res)[0]?.n ?? 0);
}
