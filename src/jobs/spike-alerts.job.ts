import { checkSpikes, type SpikeRun } from '../reports';
import type { ScheduledJob } from './job';

/** Compares each topic's last hour with its usual hour and raises (and posts) spike alerts. */
export const spikeAlertsJob: ScheduledJob<SpikeRun> = {
  id: 'spike-alerts',
  name: 'Raise spike alerts',
  cron: '*/5 * * * *',
  run: (deps) => checkSpikes(deps),
};
