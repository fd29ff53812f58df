import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';
import type { DatabaseHandle } from '../../src/db/types';
import { adminUrl, databaseUrl } from './pg-urls';

/**
 * A fresh, migrated database for one test file: PGlite loaded from the migrated dump, or on
 * PostgreSQL a database cloned from the migrated template and dropped on close.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('pgTemplate');
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (template && pgUrl) {
    const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = openPostgres(adminUrl(pgUrl), { max: 1 });
    await admin.db.execute(sql.raw(`create database ${name} template ${template}`));
    const handle = openPostgres(databaseUrl(pgUrl, name), { max: 5 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
        await admin.close();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  return openPglite({ loadDataDir: new Blob([dump]) });
}
