import { sendDueMail } from '../accounts';
import type { ScheduledJob } from './job';

/**
 * Sends email that is due: queued mail whose retry time came, and any left mid-send by a process that
 * stopped (its lease ran out). Mail is also sent at once when queued (the `mail.queued` listener); this
 * job is what makes retries and restarts safe. Without a mailer (the Worker's jobs) there is nothing to do.
 */
export const sendMailJob: ScheduledJob<{ sent: number; failed: number; retrying: number } | null> = {
  id: 'send-due-mail',
  name: 'Send due email',
  cron: '* * * * *',
  inProcessCron: '*/15 * * * * *',
  run: (deps) => (deps.mailer ? sendDueMail({ ...deps, mailer: deps.mailer }) : Promise.resolve(null)),
};
