import { type SweepResult, sweepInbox } from '../inbox';
import type { ScheduledJob } from './job';

/** Wakes snoozed conversations whose time came and raises the priority of long waits. */
export const inboxSweepJob: ScheduledJob<SweepResult> = {
  id: 'inbox-sweep',
  name: 'Wake snoozed conversations, escalate long waits',
  cron: '* * * * *',
  inProcessCron: '*/20 * * * * *',
  run: ({ db, clock }) => sweepInbox(db, clock()),
};
