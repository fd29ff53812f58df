import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DatabaseHandle, Db } from './types';

export interface PostgresOptions {
  max?: number;
  /** Seconds to wait for a connection before the query fails (postgres.js waits 30 s by default). */
  connectTimeoutS?: number;
  /** Server-side cap on one statement, so nothing holds a connection for ever (ms; 0 = none). */
  statementTimeoutMs?: number;
  /** Seconds an idle connection is kept; a fresh one replaces it, so dead sockets do not linger. */
  idleTimeoutS?: number;
  /** False where no connection may outlive a request (Workers): live events are then unavailable. */
  listen?: boolean;
}

// A request answers 503 within 5 s when the database is away (server/db-guard.middleware.ts);
// these keep the driver itself from waiting much longer than that.
export const DEFAULT_CONNECT_TIMEOUT_S = 4;
export const DEFAULT_IDLE_TIMEOUT_S = 60;
// Generous: long batch work (imports, rollup rebuilds) runs statements far longer than a request.
export const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
const IDLE_IN_TRANSACTION_MS = 60_000;
const MAX_RECONNECT_WAIT_S = 1;

/** postgres.js client; safe for Node and for Workers (postgres.js ships a cloudflare:sockets build). */
export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: options.connectTimeoutS ?? DEFAULT_CONNECT_TIMEOUT_S,
    idle_timeout: options.idleTimeoutS ?? DEFAULT_IDLE_TIMEOUT_S,
    // postgres.js waits up to 20 s between reconnects after repeated failures; a second is enough
    // to spare a server that is down, and the app heals within a second of it coming back.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, MAX_RECONNECT_WAIT_S),
    connection: {
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      // A transaction left open by a client that went away must not hold its locks.
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    },
  });
  const db = drizzle(client) as unknown as Db;
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
