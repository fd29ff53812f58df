import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { createInngestClient, pollFanOutFunction, pollSourceFunction } from '../../src/jobs/inngest';
import { pollSourcesJob } from '../../src/jobs/poll-sources.job';
import { createInProcessRunner } from '../../src/jobs/runner';
import { createLogger } from '../../src/http/logger';
import { SOURCE_POLL_REQUESTED } from '../../src/sources/events';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let sourceIds: string[];
const client = createInngestClient({ dev: true });

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
  const ws = await t.seedWorkspace('Jobs');
  const actor: Actor = {
    workspaceId: ws.workspace.id,
    workspaceSlug: ws.workspace.slug,
    userId: ws.owner.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
  await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  x.addTweet({ text: 'acme one' });
  x.addTweet({ text: 'acme two' });
  sourceIds = [];
  for (const name of ['a', 'b']) {
    sourceIds.push(
      (
        await createSource(
          t.deps,
          actor,
          { platform: 'x', name, config: { baseUrl: x.url }, credentials: { bearerToken: 't' } },
          new Date(Date.now() - 1000),
        )
      ).id,
    );
  }
});
afterAll(async () => {
  await x.close();
  await t.close();
});

describe('polling jobs', () => {
  it('fans out one poll event per due source (Inngest cron)', async () => {
    // The event send is mocked: there is no Inngest server here, only the function's own logic.
    const engine = new InngestTestEngine({
      function: pollFanOutFunction(client, { ...t.deps, logger: createLogger('silent') }),
      steps: [{ id: 'request-polls', handler: () => ({ ids: ['e1', 'e2'] }) }],
    });
    const { result, ctx } = await engine.execute();
    expect(result).toEqual({ requested: 2 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      'request-polls',
      expect.arrayContaining(sourceIds.map((sourceId) => ({ name: SOURCE_POLL_REQUESTED, data: { sourceId } }))),
    );
  });

  it('polls the source named by the event (Inngest function, one at a time per source)', async () => {
    const fn = pollSourceFunction(client, { ...t.deps, logger: createLogger('silent') });
    const engine = new InngestTestEngine({
      function: fn,
      events: [{ name: SOURCE_POLL_REQUESTED, data: { sourceId: sourceIds[0]! } }],
    });
    const { result } = await engine.execute();
    expect(result).toMatchObject({ status: 'ok', fetched: 2, inserted: 2 });
  });

  it('polls every due source through the in-process runner', async () => {
    const runner = createInProcessRunner({ ...t.deps, logger: createLogger('silent') }, [pollSourcesJob]);
    const outcome = await runner.runNow('poll-due-sources');
    // Source a was just polled by the Inngest function above and is not due; b is.
    expect(outcome).toEqual({ ok: true, result: { polled: 1, failed: 0, running: 0 } });
  });
});
