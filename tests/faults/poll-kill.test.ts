import type { ChildProcess } from 'node:child_process';
import { adminSql as adminSqlOn, freePort, startNodeApp } from '../helpers/node-app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeX, startFakeX } from '../fakes/x-server';
import { databaseUrl } from '../helpers/pg-urls';

/**
 * kill -9 mid-poll. The real Node entry runs on a fresh data dir (PGlite; PostgreSQL when
 * TEST_DATABASE_URL is set) against the X fake, which holds the third page of a poll unanswered.
 * The process is killed with SIGKILL while it waits, and started again under the same INSTANCE_ID.
 * Its first "Poll now" polls at once (before, it answered 409 "being polled right now" for the
 * minutes the dead poll's lease had left) and the source ends with every post exactly once.
 * The in-process scheduler is left out (INNGEST_DEV: jobs would come from an Inngest server), so
 * only the test's requests poll and nothing races them; the lease's own expiry for another instance
 * is tested with an injected clock in leases.test.ts.
 */
const POSTS = 350;
const pgUrl = process.env.TEST_DATABASE_URL;
const pgName = `t_poll_kill_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'social-crm-poll-kill-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let port = 0;
let base = '';
let child: ChildProcess | null = null;
let token = '';
let x: FakeX;

const adminSql = (statement: string) => adminSqlOn(pgUrl!, statement);

async function startApp(): Promise<ChildProcess> {
  return startNodeApp(port, {
    DATA_DIR: join(dir, 'data'),
    DATABASE_URL: pgUrl ? databaseUrl(pgUrl, pgName) : '',
    APP_SECRET: 'poll-kill-app-secret-poll-kill-app-secret',
    INSTANCE_ID: 'poll-kill-test',
    INNGEST_DEV: '1',
    ADMIN_EMAIL: 'owner@example.com',
    ADMIN_PASSWORD: 'a-very-good-password',
    OUTBOUND_ALLOWLIST: '127.0.0.1',
  });
}

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function killApp() {
  const p = child!;
  child = null;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGKILL');
  await exited;
}

/** Every stored mention of the source, through the API, by external id. */
async function storedIds(sourceId?: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await api(
      'GET',
      `/mentions?${sourceId ? `source=${sourceId}&` : ''}limit=200` +
        (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
    );
    expect(page.status).toBe(200);
    ids.push(...page.json.items.map((m: { externalId: string }) => m.externalId));
    cursor = page.json.next;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  if (pgUrl) await adminSql(`create database ${pgName}`);
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  x = await startFakeX();
  x.addMany(POSTS);
  child = await startApp();
  token = (await api('POST', '/auth/login', { email: 'owner@example.com', password: 'a-very-good-password' })).json
    .token;
}, 120_000);

afterAll(async () => {
  if (child) await killApp();
  await x?.close();
  if (pgUrl) await adminSql(`drop database if exists ${pgName} with (force)`);
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 mid-poll', () => {
  it('polls again at once after a restart, and stores every post exactly once', { timeout: 120_000 }, async () => {
    expect((await api('POST', '/topics', { name: 'Acme', kind: 'brand', query: 'acme' })).status).toBe(201);
    const created = await api('POST', '/sources', {
      platform: 'x',
      name: 'X',
      config: { baseUrl: x.url, timeoutMs: 120_000 },
      credentials: { bearerToken: 'b' },
    });
    expect(created.status).toBe(201);
    const sourceId = created.json.id as string;

    // The third page of the poll is never answered: the process is killed while it waits.
    let searches = 0;
    x.fault({ hang: true, match: (req) => req.path.endsWith('/search/recent') && ++searches === 3 });
    const inFlight = api('POST', `/sources/${sourceId}/poll`).catch(() => null);
    for (let i = 0; i < 6_000 && searches < 3; i++) await sleep(10);
    expect(searches).toBe(3);
    await killApp();
    expect(await inFlight).toBeNull();

    child = await startApp();
    const poll = await api('POST', `/sources/${sourceId}/poll`);
    expect(poll.status).toBe(200);
    expect(poll.json).toMatchObject({ status: 'ok', error: null });
    const source = await api('GET', `/sources/${sourceId}`);
    // The page shows the poll that just ran: no error left from the dead one, the next poll ahead.
    expect(source.json).toMatchObject({ status: 'ok', lastError: null });
    expect(Date.parse(source.json.nextPollAt)).toBeGreaterThan(Date.now());

    const ids = await storedIds(sourceId);
    expect(ids).toHaveLength(POSTS);
    expect(new Set(ids).size).toBe(POSTS);
  });
});

describe('SIGTERM mid-poll', () => {
  it('lets the poll in flight finish its pages before the process exits', { timeout: 120_000 }, async () => {
    x.addMany(50);
    // Its own topic: the test must not lean on the one the kill -9 test made.
    expect((await api('POST', '/topics', { name: 'Acme (stop)', kind: 'brand', query: 'acme' })).status).toBe(201);
    const created = await api('POST', '/sources', {
      platform: 'x',
      name: 'X, stopped politely',
      config: { baseUrl: x.url, timeoutMs: 120_000 },
      credentials: { bearerToken: 'b' },
    });
    expect(created.status).toBe(201);
    const sourceId = created.json.id as string;
    // The second page is held until the process has been asked to stop, then answered as usual.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let searches = 0;
    x.fault({ holdUntil: held, match: (req) => req.path.endsWith('/search/recent') && ++searches === 2 });
    const inFlight = api('POST', `/sources/${sourceId}/poll`).catch(() => null);
    for (let i = 0; i < 6_000 && searches < 2; i++) await sleep(10);
    expect(searches).toBe(2);
    const p = child!;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    // Still there while its poll waits: stopping did not cut the poll off.
    await sleep(300);
    expect(p.exitCode).toBeNull();
    release();
    await exited;
    child = null;
    await inFlight;

    child = await startApp();
    const source = await api('GET', `/sources/${sourceId}`);
    // The poll ended before the exit: it recorded its success and left no lease behind.
    expect(source.json).toMatchObject({ status: 'ok', lastError: null, polling: false });
    expect(source.json.lastSuccessAt).not.toBeNull();
    // Every post the fake holds is stored once, whichever source (of this test or another) got it first.
    const ids = await storedIds();
    expect(ids).toHaveLength(x.tweets.length);
    expect(new Set(ids).size).toBe(x.tweets.length);
  });
});
