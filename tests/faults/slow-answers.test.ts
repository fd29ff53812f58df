import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { blueskyConnector } from '../../src/connectors/bluesky/bluesky.connector';
import { hackernewsConnector } from '../../src/connectors/hackernews/hackernews.connector';
import { mastodonConnector } from '../../src/connectors/mastodon/mastodon.connector';
import { redditConnector } from '../../src/connectors/reddit/reddit.connector';
import { rssConnector } from '../../src/connectors/rss/rss.connector';
import type { Connector } from '../../src/connectors/types';
import { xConnector } from '../../src/connectors/x/x.connector';
import { createNodeOutbound, DEFAULT_MAX_BYTES, parseAllowlist } from '../../src/http/outbound';
import { createPollSourcesJob } from '../../src/jobs/poll-sources.job';
import { type PollerDeps, pollInFlight, pollsSettled } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { startTrickleServer, type TrickleServer } from '../fakes/trickle-server';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { TEST_OUTBOUND_ALLOWLIST } from '../helpers/outbound';

/**
 * A platform that answers "200" and then trickles its body a byte at a time. Before the fix only
 * idle timeouts existed, so such a request never ended; the polling job waited on it, the runner
 * skipped every later tick, and no source was polled at all while the stuck one still showed `ok`.
 */
const guardWithDeadline = (deadlineMs: number) =>
  createNodeOutbound({ allow: parseAllowlist(TEST_OUTBOUND_ALLOWLIST), maxBytes: DEFAULT_MAX_BYTES, deadlineMs });

let trickle: TrickleServer;
beforeAll(async () => {
  trickle = await startTrickleServer();
});
afterAll(async () => {
  await trickle.close();
});

// Every connector's own timeout is a minute here: only the guard's total deadline (200 ms) can end the call.
const CONNECTORS: [string, Connector, () => Record<string, unknown>, Record<string, unknown>][] = [
  ['X', xConnector, () => ({ baseUrl: trickle.url }), { bearerToken: 't' }],
  ['Mastodon', mastodonConnector, () => ({ baseUrl: trickle.url }), { accessToken: 't' }],
  ['Bluesky', blueskyConnector, () => ({ baseUrl: trickle.url }), {}],
  [
    'Reddit',
    redditConnector,
    () => ({ baseUrl: trickle.url, authBaseUrl: trickle.url, subreddits: ['acme'] }),
    { clientId: 'c', clientSecret: 's' },
  ],
  ['Hacker News', hackernewsConnector, () => ({ baseUrl: trickle.url }), {}],
  ['RSS', rssConnector, () => ({ feedUrl: `${trickle.url}feed.xml` }), {}],
];

describe.each(CONNECTORS)('%s against a server trickling its answer', (_name, connector, config, credentials) => {
  it('gives up at the total deadline with "timed out", naming the platform', async () => {
    const http = guardWithDeadline(200);
    const cfg = connector.configSchema.parse({ ...config(), timeoutMs: 60_000 });
    const creds = connector.credentialsSchema.parse(credentials);
    const plan = { queries: ['acme'], hashtags: ['acme'] };
    const err = await connector
      .poll({ config: cfg, credentials: creds, cursor: null, plan, now: new Date(), http })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ConnectorError', kind: 'transient', details: { platform: connector.platform } });
    expect((err as Error).message).toMatch(/timed out/);
    expect((err as Error).message).not.toMatch(/Request failed|undefined|is not a function/);
  });
});

describe('one source stuck on a trickling platform', () => {
  let t: TestContext;
  let x: FakeX;
  let actor: Actor;
  let now = new Date();

  beforeAll(async () => {
    x = await startFakeX();
    t = await createTestContext({ clock: () => now });
    const ws = await t.seedWorkspace('Trickle');
    actor = ws.actor;
    await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  });
  afterAll(async () => {
    await pollsSettled();
    await t.close();
    await x.close();
  });

  it('never stops the job from polling the other sources, and ends failed with "timed out"', async () => {
    // Long enough that the healthy source is polled several times first, short enough to wait out.
    const deps: PollerDeps = { ...t.deps, clock: () => now, outbound: guardWithDeadline(8_000) };
    const job = createPollSourcesJob({ waitMs: 20 });
    const healthy = await createSource(
      t.deps,
      actor,
      { platform: 'x', name: 'healthy', config: { baseUrl: x.url }, credentials: { bearerToken: 't' } },
      now,
    );
    const stuck = await createSource(
      t.deps,
      actor,
      { platform: 'x', name: 'stuck', config: { baseUrl: trickle.url }, credentials: { bearerToken: 't' } },
      now,
    );
    const before = trickle.requests;

    for (let run = 1; run <= 3; run++) {
      x.addTweet({ text: `acme post of run ${run}` });
      // The run returns while the stuck source is still on its first request.
      const result = await job.run(deps as never);
      expect(result.running).toBeGreaterThanOrEqual(1);
      await pollInFlight(healthy.id);
      const [h] = await t.db.select().from(sources).where(eq(sources.id, healthy.id));
      expect(h).toMatchObject({ status: 'ok', lastPolledAt: now });
      expect(pollInFlight(stuck.id)).toBeDefined();
      now = new Date(now.getTime() + 60 * 60_000);
    }
    // The stuck source was asked once, and never again while that request hung.
    expect(trickle.requests - before).toBe(1);
    expect(trickle.open()).toBeGreaterThanOrEqual(1);

    await pollsSettled();
    const [s] = await t.db.select().from(sources).where(eq(sources.id, stuck.id));
    expect(s).toMatchObject({ status: 'degraded', lastError: 'Could not reach X: timed out' });
  }, 60_000);
});
