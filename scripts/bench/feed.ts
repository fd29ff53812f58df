/**
 * /health latency over real HTTP while a 5 MB, 1,090-item RSS feed is polled and stored (PGlite, the
 * embedded default, where the database shares the event loop). The figure the security issue asks
 * for: p99 under 100 ms, so one big feed never makes the service look dead.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Actor, ownerActor } from '../../src/core/actor';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { createLogger } from '../../src/http/logger';
import { pollSource } from '../../src/sources/poller';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { startFakeRss } from '../../tests/fakes/rss-server';

const ITEMS = 1_090;
const step = (m: string) => process.stderr.write(`· ${m}\n`);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const PARAGRAPH = 'Acme launched a new product today and customers are talking about it on their blogs. ';

export async function benchFeed(): Promise<[string, string][]> {
  const rss = await startFakeRss();
  const handle = await openPglite();
  await runMigrations(handle);
  const config = loadConfig({ LOG_LEVEL: 'silent', OUTBOUND_ALLOWLIST: '127.0.0.1' });
  const deps = createDeps({
    handle,
    config,
    logger: createLogger('silent'),
    appSecret: 'bench-secret-bench-secret-bench-secret-0',
  });
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const health = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  try {
    const url = rss.addFeed('/big.xml', { format: 'rss', conditional: false });
    const now = Date.now();
    for (let i = ITEMS - 1; i >= 0; i--) {
      rss.addItem('/big.xml', {
        guid: `big-${i}`,
        title: `Post ${i} about acme`,
        link: `https://blog.example/${i}`,
        html: `<p>${PARAGRAPH.repeat(52)}</p>`,
        date: new Date(now - i * 60_000),
      });
    }
    const size = (await (await fetch(url)).arrayBuffer()).byteLength;
    const { workspace, user } = await createWorkspaceWithOwner(
      handle.db,
      { workspaceName: 'Feed bench', email: 'feed@bench.test', password: 'bench-password-123' },
      { m: 64, t: 1, p: 1 },
    );
    const actor: Actor = ownerActor(workspace, user.id);
    await createTopic(handle.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
    const source = await createSource(
      deps,
      actor,
      { platform: 'rss', name: 'big feed', config: { feedUrl: url }, credentials: {} },
      new Date(),
    );

    // Warm the analyzer and the HTTP path first, so the figure is about the feed, not the first load.
    await fetch(health);
    const { loadAnalyzer } = await import('../../src/sentiment');
    await loadAnalyzer();

    step(`feed: polling a ${(size / 1024 / 1024).toFixed(1)} MiB feed of ${ITEMS} items while probing /health`);
    const latencies: number[] = [];
    let polling = true;
    const probe = (async () => {
      while (polling) {
        const t0 = performance.now();
        await (await fetch(health)).arrayBuffer();
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const outcome = await pollSource(deps, source.id, { force: true, firstSweepDays: 365 });
    const seconds = (performance.now() - t0) / 1000;
    polling = false;
    await probe;
    if (outcome.status !== 'ok') throw new Error(`poll failed: ${JSON.stringify(outcome)}`);
    return [
      [`5 MB feed (${ITEMS} items) polled and stored, PGlite`, `${seconds.toFixed(1)} s, ${outcome.inserted} stored`],
      [
        '/health while it ingests: p50 / p99 / max',
        `${pct(latencies, 50).toFixed(0)} / ${pct(latencies, 99).toFixed(0)} / ` +
          `${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} probes (target p99 < 100 ms)`,
      ],
    ];
  } finally {
    server.close();
    await rss.close();
    await handle.close();
  }
}
