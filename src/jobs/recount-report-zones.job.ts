import { recountStaleZones } from '../reports';
import type { ScheduledJob } from './job';

/** Finishes the recount of report days a time zone change started, when it was cut short. */
export const recountReportZonesJob: ScheduledJob<{ recounted: number }> = {
  id: 'recount-report-zones',
  name: 'Recount report days in changed time zones',
  cron: '*/5 * * * *',
  run: (deps) => recountStaleZones(deps),
};
