import { mkdirSync } from 'node:fs';
import type { Config } from '../server/config';
import { runMigrations } from './migrate';
import { openPostgres } from './postgres';
import type { DatabaseHandle } from './types';

/**
 * Node's way to the database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
 * Migrations run first, so the app never serves an old schema.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
  onProgress: (message: string) => void = () => {},
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    // No statement cap for migrations: an index on a big table may take longer than any request.
    const migrator = openPostgres(config.DATABASE_URL, { max: 1, statementTimeoutMs: 0 });
    try {
      await runMigrations(migrator, onProgress);
    } finally {
      await migrator.close();
    }
    return openPostgres(config.DATABASE_URL);
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  // Imported lazily so a PostgreSQL deployment never loads the WASM build.
  const { openPglite } = await import('./pglite');
  const handle = await openPglite({ dataDir: `${config.DATA_DIR}/pglite` });
  await runMigrations(handle, onProgress);
  return handle;
}
