import { Inngest } from 'inngest';
import { serve } from 'inngest/hono';
import type { DomainEvent, EventBus } from '../core/events';
import type { JobDeps, ScheduledJob } from './job';
import { SOURCE_POLL_REQUESTED, type SourcePollRequested, dueSourceIds, pollSource } from '../sources';
import { SCHEDULED_JOBS } from './schedule';

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

/** A cron that sends one event per due source; the per-source function does the polling. */
export function pollFanOutFunction(client: InngestClient, deps: JobDeps) {
  return client.createFunction(
    { id: 'poll-fan-out', name: 'Find due sources', triggers: [{ cron: '* * * * *' }] },
    async ({ step }) => {
      const ids = await step.run('find-due-sources', () => dueSourceIds(deps.db, deps.clock()));
      if (ids.length)
        await step.sendEvent(
          'request-polls',
          ids.map((sourceId) => ({ name: SOURCE_POLL_REQUESTED, data: { sourceId } })),
        );
      return { requested: ids.length };
    },
  );
}

/** Polls one source; at most one run per source at a time, retried by Inngest on crashes. */
export function pollSourceFunction(client: InngestClient, deps: JobDeps) {
  return client.createFunction(
    {
      id: 'poll-source',
      name: 'Poll a source',
      triggers: [{ event: SOURCE_POLL_REQUESTED }],
      concurrency: { key: 'event.data.sourceId', limit: 1 },
      retries: 3,
    },
    async ({ event, step }) => step.run('poll', () => pollSource(deps, (event.data as SourcePollRequested).sourceId)),
  );
}

/**
 * One function per event listener (core/events.ts): with an Inngest server, the bus forwards committed
 * events to it, and each listener runs here, retried on failure, apart from the others.
 */
export function listenerFunctions(client: InngestClient, bus: EventBus) {
  return bus
    .registered()
    .map((l) =>
      client.createFunction(
        { id: `on-${l.id}`, name: `On ${l.name}: ${l.id}`, triggers: [{ event: l.name }], retries: 5 },
        async ({ event, step }) =>
          step.run(
            l.id,
            async () => (await l.run({ name: l.name, data: event.data as Record<string, unknown> })) ?? null,
          ),
      ),
    );
}

/** Hands committed events to the Inngest server instead of running listeners in this process. */
export const forwardEvents =
  (client: InngestClient) =>
  async (events: readonly DomainEvent[]): Promise<void> => {
    await client.send(events.map((e) => ({ name: e.name, data: e.data })));
  };

export function createInngestFunctions(
  client: InngestClient,
  deps: JobDeps,
  bus?: EventBus,
  jobs: ScheduledJob[] = SCHEDULED_JOBS,
) {
  return [
    ...jobs.filter((job) => job.inngest !== false).map((job) => scheduledFunction(client, job, deps)),
    pollFanOutFunction(client, deps),
    pollSourceFunction(client, deps),
    ...(bus ? listenerFunctions(client, bus) : []),
  ];
}

/** The /api/inngest handler an Inngest server calls to run the functions. */
export const inngestHandler = (client: InngestClient, deps: JobDeps, bus?: EventBus) =>
  serve({ client, functions: createInngestFunctions(client, deps, bus) });
