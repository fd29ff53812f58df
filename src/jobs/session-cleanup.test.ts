import { InngestTestEngine } from '@inngest/test';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../accounts/schema';
import { createSession } from '../accounts/sessions.service';
import { createLogger } from '../http/logger';
import { createMetrics } from '../http/metrics';
import { createTestContext, type TestContext } from '../../tests/helpers/test-app';
import { createInngestClient, scheduledFunction } from './inngest';
import type { JobDeps } from './job';
import { createInProcessRunner } from './runner';
import { sessionCleanupJob } from './session-cleanup.job';

const now = new Date('2026-11-25T12:00:00Z');
let t: TestContext;
let deps: JobDeps;
let user: { id: string; workspaceId: string };

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Jobs');
  user = ws.owner;
  deps = { ...t.deps, clock: () => now, logger: createLogger('silent'), metrics: createMetrics() };
});
afterAll(() => t.close());

/** Two expired sessions and one live one, plus whatever login made. */
async function seedSessions() {
  await t.db.delete(sessions);
  await createSession(t.db, user, { ttlMs: 1000, now: new Date(now.getTime() - 60_000) });
  await createSession(t.db, user, { ttlMs: 1000, now: new Date(now.getTime() - 3_600_000) });
  await createSession(t.db, user, { ttlMs: 3_600_000, now });
}

const sessionCount = async () => Number((await t.db.select({ n: count() }).from(sessions))[0]!.n);

describe('session cleanup job', () => {
  it('deletes expired sessions and keeps live ones, run as an Inngest function', async () => {
    await seedSessions();
    const fn = scheduledFunction(createInngestClient({ dev: true }), sessionCleanupJob, deps);
    const engine = new InngestTestEngine({ function: fn });
    const { result } = await engine.execute();
    expect(result).toEqual({ deleted: 2 });
    expect(await sessionCount()).toBe(1);
  });

  it('does the same through the in-process runner', async () => {
    await seedSessions();
    const metrics = createMetrics();
    const runner = createInProcessRunner({ ...deps, metrics }, [sessionCleanupJob]);
    const outcome = await runner.runNow('session-cleanup');
    expect(outcome).toEqual({ ok: true, result: { deleted: 2 } });
    expect(await sessionCount()).toBe(1);
    expect(await metrics.registry.getSingleMetricAsString('jobs_runs_total')).toContain(
      'job="session-cleanup",outcome="ok"} 1',
    );
  });

  it('runs a job on its cron while started, and no more once stopped', async () => {
    let runs = 0;
    const everySecond = { id: 'tick', name: 'tick', cron: '* * * * * *', run: async () => ++runs };
    const runner = createInProcessRunner(deps, [everySecond]);
    runner.start();
    const deadline = Date.now() + 3000;
    while (runs === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    runner.stop();
    expect(runs).toBeGreaterThanOrEqual(1);
    const after = runs;
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toBe(after);
  });

  it('reports a failing job as an error outcome instead of throwing', async () => {
    const failing = {
      ...sessionCleanupJob,
      id: 'boom',
      run: async () => {
        throw new Error('boom');
      },
    };
    const runner = createInProcessRunner(deps, [failing]);
    const outcome = await runner.runNow('boom');
    expect(outcome.ok).toBe(false);
  });
});
