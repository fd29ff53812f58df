import { sessionCleanupJob } from './session-cleanup.job';
import type { ScheduledJob } from './job';

export type { JobDeps, ScheduledJob } from './job';

/** Every scheduled job of the app. */
export const SCHEDULED_JOBS: ScheduledJob[] = [sessionCleanupJob];
