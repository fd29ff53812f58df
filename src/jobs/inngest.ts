import { Inngest } from 'inngest';
import { serve } from 'inngest/hono';
import type { JobDeps, ScheduledJob } from './job';
import { SCHEDULED_JOBS } from './index';

export interface InngestSettings {
  eventKey?: string | undefined;
  signingKey?: string | undefined;
  dev?: boolean;
  baseUrl?: string | undefined;
}

export const createInngestClient = (s: InngestSettings = {}) =>
  new Inngest({
    id: 'social-crm',
    ...(s.eventKey ? { eventKey: s.eventKey } : {}),
    ...(s.signingKey ? { signingKey: s.signingKey } : {}),
    ...(s.baseUrl ? { baseUrl: s.baseUrl } : {}),
    ...(s.dev !== undefined ? { isDev: s.dev } : {}),
  });

export type InngestClient = ReturnType<typeof createInngestClient>;

/** One Inngest function per scheduled job: a cron trigger and a single retried step. */
export function scheduledFunction(client: InngestClient, job: ScheduledJob, deps: JobDeps) {
  return client.createFunction(
    { id: job.id, name: job.name, triggers: [{ cron: job.cron }], retries: 3, concurrency: { limit: 1 } },
    async ({ step }) => {
      const result = await step.run(job.id, () => job.run(deps));
      deps.metrics.jobRuns.inc({ job: job.id, outcome: 'ok' });
      return result;
    },
  );
}

export function createInngestFunctions(client: InngestClient, deps: JobDeps, jobs: ScheduledJob[] = SCHEDULED_JOBS) {
  return jobs.map((job) => scheduledFunction(client, job, deps));
}

/** The /api/inngest handler an Inngest server calls to run the functions. */
export const inngestHandler = (client: InngestClient, deps: JobDeps) =>
  serve({ client, functions: createInngestFunctions(client, deps) });
