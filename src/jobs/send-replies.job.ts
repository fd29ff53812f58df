import { sendDueReplies } from '../inbox';
import type { ScheduledJob } from './job';

/**
 * Sends replies that are due: queued ones whose retry time came, and any left mid-send by a
 * process that stopped (their lease ran out). A reply is also sent at once when queued; this job is
 * what makes retries and restarts safe.
 */
export const sendRepliesJob: ScheduledJob<{ sent: number; failed: number; retrying: number }> = {
  id: 'send-due-replies',
  name: 'Send due replies',
  cron: '* * * * *',
  inProcessCron: '*/5 * * * * *',
  run: (deps) => sendDueReplies(deps),
};
