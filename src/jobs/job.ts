import type { ConnectorRegistry } from '../connectors/registry';
import type { Clock } from '../core/clock';
import type { Db } from '../db/types';
import type { Logger } from '../server/logger';
import type { Metrics } from '../server/metrics';
import type { CredentialBox } from '../sources/credentials';

export interface JobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  connectors: ConnectorRegistry;
  credentials: CredentialBox;
}

/**
 * A scheduled job: its id, its cron and the domain call it makes. Both the Inngest function and
 * the in-process runner are made from this one definition, so the two never drift apart.
 */
export interface ScheduledJob<R = unknown> {
  id: string;
  name: string;
  /** Five-field cron, as Inngest and Cloudflare Cron Triggers understand it. */
  cron: string;
  /** A finer schedule for the in-process runner (croner takes seconds), when minutes are too coarse. */
  inProcessCron?: string;
  /** False when Inngest runs this work through its own functions instead (see jobs/inngest.ts). */
  inngest?: boolean;
  run(deps: JobDeps): Promise<R>;
}
