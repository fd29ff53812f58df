import { pollDueSources, pollsRunning } from '../sources';
import type { ScheduledJob } from './job';

/** How long one run waits for its polls before returning (the in-process schedule ticks every 15 s). */
export const POLL_RUN_WAIT_MS = 10_000;

export interface PollSourcesJobOptions {
  /** Polls still running after this go on in the background; the run ends so the next tick can start. */
  waitMs?: number;
}

/**
 * Polls every due source. In process it runs every 15 seconds; under Inngest a cron fans out one
 * event per due source instead (jobs/inngest.ts), so each poll retries and is limited on its own.
 * A run never waits on one slow platform: the runner skips a tick while a run is going, and a run
 * held by one stuck source would stop every other source from being polled.
 */
export function createPollSourcesJob(
  options: PollSourcesJobOptions = {},
): ScheduledJob<{ polled: number; failed: number; running: number }> {
  const waitMs = options.waitMs ?? POLL_RUN_WAIT_MS;
  return {
    id: 'poll-due-sources',
    name: 'Poll due sources',
    cron: '* * * * *',
    inProcessCron: '*/15 * * * * *',
    inngest: false,
    async run(deps) {
      const outcomes = await pollDueSources(deps, { waitMs });
      const all = [...outcomes.values()];
      const polled = all.filter((o) => o.status !== 'skipped').length;
      return { polled, failed: all.filter((o) => o.status === 'failed').length, running: pollsRunning() };
    },
  };
}

export const pollSourcesJob = createPollSourcesJob();
