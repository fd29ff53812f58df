import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import type { DatabaseHandle, Db } from './types';

export interface PostgresOptions {
  max?: number;
  /** False where no connection may outlive a request (Workers): live events are then unavailable. */
  listen?: boolean;
}

/** postgres.js client; safe for Node and for Workers (postgres.js ships a cloudflare:sockets build). */
export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    close: () => client.end({ timeout: 5 }),
    // postgres.js keeps one dedicated connection for all LISTENs and re-listens after reconnects.
    ...(options.listen === false
      ? {}
      : {
          listen: async (channel: string, onPayload: (payload: string) => void) => {
            const { unlisten } = await client.listen(channel, onPayload);
            return unlisten;
          },
        }),
  };
}
