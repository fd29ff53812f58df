import { tendTokens } from '../sources';
import type { ScheduledJob } from './job';

/** Renews Threads tokens before they end; tells admins of tokens that end within 7 days (once each). */
export const tokenExpiryJob: ScheduledJob<{ refreshed: number; warned: number }> = {
  id: 'token-expiry',
  name: 'Warn of expiring platform tokens',
  cron: '17 * * * *',
  run: (deps) => tendTokens(deps, deps.clock()),
};
