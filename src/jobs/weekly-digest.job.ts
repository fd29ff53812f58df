import { sendWeeklyDigests } from '../reports';
import type { ScheduledJob } from './job';

/** Every Monday morning (UTC): the week's digest to each team by email and to the alert webhook. */
export const weeklyDigestJob: ScheduledJob<{ workspaces: number; emails: number; webhooks: number }> = {
  id: 'weekly-digest',
  name: 'Send the weekly digest',
  cron: '0 8 * * 1',
  // The app's own deps carry PUBLIC_URL in settings; links in the email point there.
  run: (deps) =>
    sendWeeklyDigests({
      ...deps,
      publicUrl: deps.publicUrl ?? (deps as { settings?: { publicUrl?: string } }).settings?.publicUrl,
    }),
};
