import { pollDueSources } from '../sources/poller';
import type { ScheduledJob } from './job';

/**
 * Polls every due source. In process it runs every 15 seconds; under Inngest a cron fans out one
 * event per due source instead (jobs/inngest.ts), so each poll retries and is limited on its own.
 */
export const pollSourcesJob: ScheduledJob<{ polled: number; failed: number }> = {
  id: 'poll-due-sources',
  name: 'Poll due sources',
  cron: '* * * * *',
  inProcessCron: '*/15 * * * * *',
  inngest: false,
  async run(deps) {
    const outcomes = await pollDueSources(deps);
    const all = [...outcomes.values()];
    return { polled: all.filter((o) => o.status !== 'skipped').length, failed: all.filter((o) => o.status === 'failed').length };
  },
};
