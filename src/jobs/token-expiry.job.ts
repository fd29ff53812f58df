import { warnExpiringTokens } from '../sources';
import type { ScheduledJob } from './job';

/** Tells admins of tokens that end within 7 days (Meta's, from Connect with Facebook or Threads), once each. */
export const tokenExpiryJob: ScheduledJob<{ warned: number }> = {
  id: 'token-expiry',
  name: 'Warn of expiring platform tokens',
  cron: '17 * * * *',
  run: ({ db, events, clock }) => warnExpiringTokens({ db, events }, clock()),
};
