import { inboxSweepJob } from './inbox-sweep.job';
import { spikeAlertsJob } from './spike-alerts.job';
import { weeklyDigestJob } from './weekly-digest.job';
import type { ScheduledJob } from './job';
import { pollSourcesJob } from './poll-sources.job';
import { processWebhooksJob } from './process-webhooks.job';
import { recountReportZonesJob } from './recount-report-zones.job';
import { reanalyzeMarkedJob } from './reanalyze-marked.job';
import { resumeImportsJob } from './resume-imports.job';
import { sendMailJob } from './send-mail.job';
import { sendRepliesJob } from './send-replies.job';
import { sessionCleanupJob } from './session-cleanup.job';
import { tokenExpiryJob } from './token-expiry.job';

/** Every scheduled job of the app. */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  sessionCleanupJob,
  pollSourcesJob,
  processWebhooksJob,
  resumeImportsJob,
  sendRepliesJob,
  sendMailJob,
  inboxSweepJob,
  spikeAlertsJob,
  weeklyDigestJob,
  tokenExpiryJob,
  reanalyzeMarkedJob,
  recountReportZonesJob,
];
