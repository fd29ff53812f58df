import type { Clock } from '../core/clock';
import type { EventPublisher } from '../core/events';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import type { Metrics } from '../http/metrics';
import type { imports } from './schema';

export type ImportRow = typeof imports.$inferSelect;

export interface ImportDeps {
  db: Db;
  /** Where the flow's events go after each commit. */
  events: EventPublisher;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Which database: imports size their batches by it (see batches.ts). */
  dbKind?: 'pglite' | 'postgres';
  /** This instance's stable name (INSTANCE_ID), kept with each lease it takes. */
  instanceId?: string;
}
