import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { runMigrations } from '../../src/db/migrate';
import { openPostgres } from '../../src/db/postgres';
import type { DatabaseHandle } from '../../src/db/types';
import { mentions } from '../../src/mentions/schema';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { createLogger } from '../../src/http/logger';
import { pollDueSources, pollSource } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { type FakeX, startFakeX } from '../fakes/x-server';
import { TEST_OUTBOUND_ALLOWLIST } from '../helpers/outbound';
import { databaseUrl } from '../helpers/pg-urls';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { PASSWORD, TEST_APP_SECRET, TEST_PASSWORD_PARAMS } from '../helpers/test-app';

/**
 * PostgreSQL going away under a running app. The app reaches its database through a TCP proxy
 * on loopback that the test freezes (nothing forwarded, sockets kept) or cuts (sockets destroyed,
 * new ones refused). Requests answer 503 DATABASE_UNAVAILABLE instead of hanging, /health answers
 * 503 `db: "unreachable"`, and once the proxy forwards again the same app answers 200 with no
 * restart. The waits are injected small (the real 5 s and 1 s are defaults; `npm run bench`
 * is the place for timings). PostgreSQL only: this file makes its own database on the server of
 * TEST_DATABASE_URL and belongs to the PostgreSQL run (vitest.config.ts leaves it out otherwise).
 */
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `t_dbcut_${process.pid}`;

let proxy: TcpProxy;
let direct: DatabaseHandle;
let app: DatabaseHandle;
let base = '';
let stopServer: () => Promise<void>;
let token = '';
let x: FakeX;
let pollDeps: ReturnType<typeof createDeps>;
let actor: Actor;

async function admin(statement: string) {
  const h = openPostgres(serverUrl, { max: 1 });
  try {
    await h.db.execute(sql.raw(statement));
  } finally {
    await h.close();
  }
}

const get = async (path: string) => {
  const res = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  return { status: res.status, json: await res.json().catch(() => null) };
};

beforeAll(async () => {
  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`create database ${dbName}`);
  const url = databaseUrl(serverUrl, dbName);
  direct = openPostgres(url, { max: 2 });
  await runMigrations(direct);

  const target = new URL(url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  app = openPostgres(viaProxy.toString(), { max: 4, connectTimeoutS: 1, listen: false });

  const config = loadConfig({ LOG_LEVEL: 'silent', OUTBOUND_ALLOWLIST: TEST_OUTBOUND_ALLOWLIST });
  const deps = createDeps({
    handle: app,
    config,
    logger: createLogger('silent'),
    appSecret: TEST_APP_SECRET,
    passwordParams: TEST_PASSWORD_PARAMS,
    instanceId: 'db-cut-test',
    dbGuardMs: 300,
    healthTimeoutMs: 200,
  });
  pollDeps = deps;
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stopServer = () => new Promise<void>((r) => server.close(() => r()));

  const { workspace, user } = await createWorkspaceWithOwner(
    direct.db,
    { workspaceName: 'Cut', email: 'owner@cut.test', name: 'Owner', password: PASSWORD },
    TEST_PASSWORD_PARAMS,
  );
  actor = {
    workspaceId: workspace.id,
    workspaceSlug: workspace.slug,
    userId: user.id,
    apiKeyId: null,
    role: 'owner',
    ip: null,
  };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@cut.test', password: PASSWORD }),
  });
  token = ((await login.json()) as { token: string }).token;
  x = await startFakeX();
  await createTopic(direct.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
});

afterAll(async () => {
  proxy?.resume();
  await stopServer?.();
  await x?.close();
  await app?.close();
  await direct?.close();
  await proxy?.close();
  await admin(`drop database if exists ${dbName} with (force)`);
});

describe('the database connection frozen', () => {
  it('answers 503 in the error shape instead of hanging, and 200 again once the database is back', async () => {
    expect((await get('/api/v1/sources')).status).toBe(200);
    expect(await get('/health')).toMatchObject({ status: 200, json: { status: 'ok', db: 'postgres' } });

    proxy.freeze();
    const during = await get('/api/v1/sources');
    expect(during.status).toBe(503);
    expect(during.json).toEqual({
      error: { code: 'DATABASE_UNAVAILABLE', kind: 'unavailable', message: expect.any(String), details: null },
    });
    expect(await get('/health')).toEqual({ status: 503, json: { status: 'error', db: 'unreachable' } });

    proxy.resume();
    expect((await get('/api/v1/sources')).status).toBe(200);
    expect(await get('/health')).toMatchObject({ status: 200, json: { status: 'ok' } });
  });
});

describe('the database connection cut', () => {
  it('answers 503 while the database refuses connections, and heals by itself', async () => {
    proxy.cut();
    const during = await get('/api/v1/sources');
    expect(during.status).toBe(503);
    expect(during.json.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(await get('/health')).toEqual({ status: 503, json: { status: 'error', db: 'unreachable' } });

    proxy.resume();
    expect((await get('/api/v1/sources')).status).toBe(200);
    expect((await get('/health')).status).toBe(200);
  });

  it('records a poll the cut failed on the source, which polls again as soon as the database is back', async () => {
    x.addMany(250);
    const source = await createSource(
      pollDeps,
      actor,
      { platform: 'x', name: 'X', config: { baseUrl: x.url, timeoutMs: 30_000 }, credentials: { bearerToken: 'b' } },
      new Date(),
    );
    const failed = await pollSource(pollDeps, source.id, {
      settleRetryMs: 20,
      // Each page stored on its own: the cut falls between the first page's commit and the next page.
      batchPosts: 1,
      afterCommit: (page) => {
        if (page === 1) proxy.cut();
      },
    });
    expect(failed.status).toBe('failed');

    proxy.resume();
    // Recorded once the database answers again: not `ok`, the reason in our words, the lease free.
    let row = (await direct.db.select().from(sources).where(eq(sources.id, source.id)))[0]!;
    for (let i = 0; i < 400 && row.leaseToken; i++) {
      await new Promise((r) => setTimeout(r, 20));
      row = (await direct.db.select().from(sources).where(eq(sources.id, source.id)))[0]!;
    }
    expect(row).toMatchObject({
      status: 'degraded',
      leaseToken: null,
      leaseUntil: null,
      lastError: expect.stringContaining('database'),
    });
    // Our database failing is no reason to wait on the platform: the source is due at once.
    expect(row.nextPollAt.getTime()).toBeLessThanOrEqual(Date.now());

    const outcomes = await pollDueSources(pollDeps);
    expect(outcomes.get(source.id)).toMatchObject({ status: 'ok' });
    const [stored] = await direct.db.select({ n: count() }).from(mentions).where(eq(mentions.sourceId, source.id));
    expect(Number(stored!.n)).toBe(250);
  });
});
