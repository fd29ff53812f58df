/**
 * The database going away under a running app, with the real (default) waits: how long requests
 * and /health take to answer 503 while PostgreSQL is frozen or refuses connections, and how long
 * after it is back the app answers 200 again (issue 14 item 6: 503 within 5 s, /health within 1 s).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { openPostgres } from '../../src/db/postgres';
import { DEFAULT_POLLER_OPTIONS } from '../../src/sources/poller';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { createLogger } from '../../src/http/logger';
import { startTcpProxy, type TcpProxy } from '../../tests/helpers/tcp-proxy';
import { withTempPostgres } from './temp-postgres';

const REQUESTS = 20;
const PASSWORD = 'bench-password-123456';
const step = (msg: string) => process.stderr.write(`· ${msg}\n`);
const ms = (n: number) => `${Math.round(n)} ms`;

async function timed(url: string, token: string) {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

/** Fires REQUESTS API calls and 10 /health probes at once; the slowest and their statuses. */
async function burst(base: string, token: string) {
  const api = await Promise.all(Array.from({ length: REQUESTS }, () => timed(`${base}/api/v1/sources`, token)));
  const health = await Promise.all(Array.from({ length: 10 }, () => timed(`${base}/health`, token)));
  const statuses = (xs: { status: number }[]) => [...new Set(xs.map((x) => x.status))].join('/');
  return {
    api: `max ${ms(Math.max(...api.map((a) => a.ms)))} (status ${statuses(api)})`,
    health: `max ${ms(Math.max(...health.map((h) => h.ms)))} (status ${statuses(health)})`,
  };
}

/** From the proxy forwarding again to the first API answer 200. */
async function recovery(proxy: TcpProxy, base: string, token: string) {
  const started = performance.now();
  proxy.resume();
  for (;;) {
    if ((await timed(`${base}/api/v1/sources`, token)).status === 200) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function benchFaults(): Promise<[string, string][]> {
  return withTempPostgres('bench_faults', 'database cut', async (setup) => {
    // The fresh database withTempPostgres made (named `${prefix}_${pid}`), reached through the proxy.
    const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const target = new URL(pgUrl);
    target.pathname = `/bench_faults_${process.pid}`;
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(target);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const handle = openPostgres(viaProxy.toString(), { listen: false });
    const deps = createDeps({
      handle,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: createLogger('silent'),
      appSecret: 'b'.repeat(40),
    });
    const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((r) => server.once('listening', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await createWorkspaceWithOwner(setup.db, {
        workspaceName: 'Bench',
        email: 'bench@faults.test',
        name: 'B',
        password: PASSWORD,
      });
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@faults.test', password: PASSWORD }),
      });
      const token = ((await login.json()) as { token: string }).token;
      const rows: [string, string][] = [];

      step('database frozen');
      proxy.freeze();
      const frozen = await burst(base, token);
      rows.push(
        [`frozen: ${REQUESTS} API requests (target 503 < 5 s)`, frozen.api],
        ['frozen: /health (target 503 < 1 s)', frozen.health],
      );
      rows.push(['frozen: back to 200 after resume', ms(await recovery(proxy, base, token))]);

      step('database refusing connections');
      proxy.cut();
      const cut = await burst(base, token);
      rows.push(
        [`cut: ${REQUESTS} API requests (target 503 < 5 s)`, cut.api],
        ['cut: /health (target 503 < 1 s)', cut.health],
      );
      rows.push(['cut: back to 200 after resume', ms(await recovery(proxy, base, token))]);
      rows.push([
        'poll lease / heartbeat (stale lease runs out within)',
        `${DEFAULT_POLLER_OPTIONS.leaseMs / 1000} s / ${DEFAULT_POLLER_OPTIONS.leaseMs / 3000} s`,
      ]);
      return rows;
    } finally {
      proxy.resume();
      await new Promise<void>((r) => server.close(() => r()));
      await handle.close();
      await proxy.close();
    }
  });
}
