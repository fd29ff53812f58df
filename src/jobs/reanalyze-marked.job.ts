import { reanalyzeMarked } from '../reanalysis';
import type { ScheduledJob } from './job';

/**
 * Re-scores mentions a vocabulary change marked that the listener did not get to (the process stopped, or
 * Inngest could not run it): 5,000 a run at most, the next run goes on.
 */
export const reanalyzeMarkedJob: ScheduledJob<{ done: number }> = {
  id: 'reanalyze-marked',
  name: 'Re-score mentions after a vocabulary change',
  cron: '*/5 * * * *',
  async run(deps) {
    const { done } = await reanalyzeMarked(deps.db, 5000);
    return { done };
  },
};
