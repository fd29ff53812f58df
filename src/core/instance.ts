import { hostname } from 'node:os';
import { resolve } from 'node:path';

export interface InstanceInput {
  INSTANCE_ID?: string | undefined;
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  PORT: number;
}

/**
 * A stable name for this instance, the same across restarts, so a restarted process can free the
 * leases its previous life held instead of waiting for them to run out. INSTANCE_ID wins; else the
 * host plus what only one process on it can hold: PGlite's data folder, or PostgreSQL's listening port.
 */
export function instanceId(input: InstanceInput, host: string = hostname()): string {
  if (input.INSTANCE_ID) return input.INSTANCE_ID;
  return input.DATABASE_URL ? `${host}:${input.PORT}` : `${host}:${resolve(input.DATA_DIR)}`;
}
