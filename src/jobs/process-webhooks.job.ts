import { processWebhooks } from '../sources';
import type { ScheduledJob } from './job';

/**
 * Stores webhook deliveries that wait: those a stopped process left and those whose retry time came.
 * A delivery is worked at once when it arrives (the `webhooks.received` listener); this job is what makes
 * retries and restarts safe.
 */
export const processWebhooksJob: ScheduledJob<{ done: number; failed: number; events: number }> = {
  id: 'process-webhooks',
  name: 'Store webhook deliveries',
  cron: '* * * * *',
  inProcessCron: '*/15 * * * * *',
  run: (deps) => processWebhooks(deps),
};
