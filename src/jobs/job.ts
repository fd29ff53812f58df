import type { Clock } from '../core/clock';
import type { Db } from '../db/types';
import type { Logger } from '../server/logger';
import type { Metrics } from '../server/metrics';

export interface JobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

/**
 * A scheduled job: its id, its cron and the domain call it makes. Both the Inngest function and
 * the in-process runner are made from this one definition, so the two never drift apart.
 */
export interface ScheduledJob<R = unknown> {
  id: string;
  name: string;
  cron: string;
  run(deps: JobDeps): Promise<R>;
}
