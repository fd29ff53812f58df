import { Cron } from 'croner';
import type { JobDeps, ScheduledJob } from './job';

export interface InProcessRunner {
  start(): void;
  stop(): void;
  /** Resolves when the runs going on now have ended (shutdown waits for them). */
  idle(): Promise<void>;
  /** Runs one job now (used by the CLI and tests); errors are logged and returned, not thrown. */
  runNow(id: string): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }>;
}

/**
 * Runs the scheduled jobs inside this process when no Inngest server is configured (the laptop
 * shape). croner's `protect` skips a tick while the previous run of the same job is still going.
 */
export function createInProcessRunner(deps: JobDeps, jobs: ScheduledJob[]): InProcessRunner {
  const crons: Cron[] = [];
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const running = new Set<Promise<unknown>>();

  async function execute(job: ScheduledJob) {
    const started = Date.now();
    try {
      const result = await job.run(deps);
      deps.metrics.jobRuns.inc({ job: job.id, outcome: 'ok' });
      deps.logger.info({ job: job.id, ms: Date.now() - started, result }, 'job done');
      return { ok: true as const, result };
    } catch (error) {
      deps.metrics.jobRuns.inc({ job: job.id, outcome: 'error' });
      deps.logger.error({ job: job.id, err: error }, 'job failed');
      return { ok: false as const, error };
    }
  }

  return {
    start() {
      for (const job of jobs)
        crons.push(
          new Cron(job.inProcessCron ?? job.cron, { protect: true, name: job.id }, async () => {
            const run = execute(job);
            running.add(run);
            await run.finally(() => running.delete(run));
          }),
        );
    },
    stop() {
      for (const c of crons.splice(0)) c.stop();
    },
    async idle() {
      await Promise.allSettled([...running]);
    },
    async runNow(id) {
      const job = byId.get(id);
      if (!job) return { ok: false, error: new Error(`No job ${id}`) };
      return execute(job);
    },
  };
}
