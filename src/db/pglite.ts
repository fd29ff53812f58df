import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { DatabaseHandle, Db } from './types';

/**
 * PostgreSQL's default 128 MB of shared buffers live in PGlite's WASM memory, which never shrinks:
 * a service that had touched them all kept ~130 MiB more RSS than one with 32 MB. The operating
 * system's page cache still holds the data files, so a bigger pool buys little here.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

export interface PgliteOptions {
  /** A folder to keep the data in; in memory when omitted. */
  dataDir?: string;
  /** A dump made by dumpDataDir(), to start from a migrated database without migrating again. */
  loadDataDir?: Blob | File;
}

/** Embedded PostgreSQL (WASM): the zero-setup default. Node only; kept out of the Worker bundle. */
export async function openPglite(options: PgliteOptions = {}): Promise<DatabaseHandle & { client: PGlite }> {
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzle(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    client,
    close: () => client.close(),
    listen: async (channel, onPayload) => {
      const stop = await client.listen(channel, onPayload);
      return () => stop();
    },
  };
}
