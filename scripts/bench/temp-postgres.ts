import { sql } from 'drizzle-orm';
import { runMigrations } from '../../src/db/migrate';
import { openPostgres } from '../../src/db/postgres';
import type { DatabaseHandle } from '../../src/db/types';
import { databaseUrl } from '../../tests/helpers/pg-urls';

/**
 * Runs a benchmark on a fresh, migrated PostgreSQL database that is dropped afterwards. Without a
 * reachable server it answers one "skipped" row instead, so the other sections still print.
 */
export async function withTempPostgres(
  prefix: string,
  label: string,
  run: (handle: DatabaseHandle) => Promise<[string, string][]>,
  options: { max?: number } = {},
): Promise<[string, string][]> {
  const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `${prefix}_${process.pid}`;
  const admin = openPostgres(pgUrl, { max: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name}`));
  } catch (err) {
    await admin.close();
    return [[label, `skipped: no PostgreSQL at ${pgUrl} (${(err as Error).message})`]];
  }
  try {
    const migrator = openPostgres(databaseUrl(pgUrl, name), { max: 1 });
    await runMigrations(migrator);
    await migrator.close();
    const handle = openPostgres(databaseUrl(pgUrl, name), { max: options.max ?? 10 });
    try {
      return await run(handle);
    } finally {
      await handle.close();
    }
  } finally {
    await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.close();
  }
}
