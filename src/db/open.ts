import { fork } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMigrations } from './migrate';
import { openPostgres } from './postgres';
import type { DatabaseHandle } from './types';

/**
 * Node's way to the database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
 * Migrations run first, so the app never serves an old schema.
 */
export async function openDatabase(
  config: { DATABASE_URL?: string | undefined; DATA_DIR: string },
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
  const dir = join(config.DATA_DIR, 'pglite');
  if (!existsSync(join(dir, 'PG_VERSION'))) await initPgliteDir(dir, onProgress);
  // Imported lazily so a PostgreSQL deployment never loads the WASM build.
  const { openPglite } = await import('./pglite');
  const handle = await openPglite({ dataDir: dir });
  await runMigrations(handle, onProgress);
  return handle;
}

/**
 * A new PGlite folder is made and migrated by a child process (pglite-init.child.ts: initdb's
 * memory stays there), in a side folder renamed into place when done, so a kill during the first
 * start leaves no half-made database behind: the next start makes it again.
 */
export async function initPgliteDir(dir: string, onProgress: (message: string) => void): Promise<void> {
  const making = `${dir}.new`;
  onProgress('creating the embedded database (first start)');
  try {
    rmSync(making, { recursive: true, force: true });
    // Compiled (dist/, `npm start`), the child is its own entry beside this file. From source it is
    // TypeScript and needs tsx's loader, which `npm run dev` has and a test runner may not.
    const compiled = import.meta.url.endsWith('.mjs');
    const tsx = compiled || process.execArgv.some((a) => a.includes('tsx')) ? [] : ['--import', 'tsx'];
    const file = compiled ? './pglite-init.child.mjs' : './pglite-init.child.ts';
    const child = fork(fileURLToPath(new URL(file, import.meta.url)), [making], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, ...tsx],
    });
    child.on('message', (m) => {
      const progress = (m as { progress?: unknown }).progress;
      if (typeof progress === 'string') onProgress(progress);
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`the child process ended with ${code}`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(making, dir);
  } catch (err) {
    throw new Error(`creating the embedded database in ${dir} failed: ${(err as Error).message}`);
  }
}
