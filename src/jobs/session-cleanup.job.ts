import { deleteExpiredSessions } from '../accounts';
import type { ScheduledJob } from './job';

/** Deletes expired sessions every hour; returns how many went. */
export const sessionCleanupJob: ScheduledJob<{ deleted: number }> = {
  id: 'session-cleanup',
  name: 'Delete expired sessions',
  cron: '17 * * * *',
  async run({ db, clock }) {
    return { deleted: await deleteExpiredSessions(db, clock()) };
  },
};
