import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';
import { adminUrl, databaseUrl } from './pg-urls';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

/**
 * Migrates once per run. On PGlite the migrated database is dumped to a file every test file
 * loads; on PostgreSQL (TEST_DATABASE_URL) a template database is made for each file to clone.
 */
export default async function setup(project: TestProject) {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const template = `t_template_${process.pid}`;
    const admin = openPostgres(adminUrl(pgUrl), { max: 1 });
    await admin.db.execute(sql.raw(`drop database if exists ${template}`));
    await admin.db.execute(sql.raw(`create database ${template}`));
    const migrator = openPostgres(databaseUrl(pgUrl, template), { max: 1 });
    await runMigrations(migrator);
    await migrator.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteDump', '');
    return async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${template} with (force)`));
      await admin.close();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'social-crm-test-'));
  const handle = await openPglite();
  await runMigrations(handle);
  const dump = await handle.client.dumpDataDir('gzip');
  await handle.close();
  const file = join(dir, 'migrated.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
