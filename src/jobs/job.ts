import type { ImportDeps } from '../imports';
import type { PollerDeps } from '../sources';
import type { Mailer } from '../http/env';

/** What jobs hand to the domain functions they call: the union of those functions' needs. */
export type JobDeps = PollerDeps & ImportDeps & { mailer?: Mailer; publicUrl?: string | undefined };

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
