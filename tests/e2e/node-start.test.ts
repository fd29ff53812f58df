import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres';
import { databaseUrl } from '../helpers/pg-urls';

/**
 * The real `npm start` entry, compiled as `npm start` compiles it (scripts/build.mjs), as a process on a
 * fresh data dir, over real HTTP: the "fresh clone" path a newcomer takes. With TEST_DATABASE_URL it
 * starts on a new, empty PostgreSQL database instead, so the same migrations are applied there by the app.
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const pgName = `t_start_${process.pid}`;
const expectedDb = pgUrl ? 'postgres' : 'pglite';
const dir = mkdtempSync(join(tmpdir(), 'social-crm-start-'));
const port = 3500 + Math.floor(Math.random() * 400);
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess;
let stdout = '';

function run(env: Record<string, string>, args: string[] = []) {
  return spawn(process.execPath, ['dist/node/server.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: '', APP_SECRET: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function exitOf(p: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  p.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => p.on('exit', (code) => resolve({ code, stderr })));
}

async function adminSql(statement: string) {
  const admin = openPostgres(pgUrl!, { max: 1 });
  await admin.db.execute(sql.raw(statement));
  await admin.close();
}

/** Polls /health until it answers; no time budget here (the start-up time is `npm run bench`, section startup). */
async function waitForHealth(p: ChildProcess) {
  for (;;) {
    if (p.exitCode !== null) throw new Error(`the server exited with ${p.exitCode} before answering /health`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  // What `npm start` runs first: compile when the sources changed (a no-op when dist/node/ is current).
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
  if (pgUrl) await adminSql(`create database ${pgName}`);
  child = run({
    PORT: String(port),
    DATA_DIR: join(dir, 'data'),
    ADMIN_EMAIL: 'Owner@Example.com',
    ADMIN_PASSWORD: 'a-very-good-password',
    ...(pgUrl
      ? { DATABASE_URL: databaseUrl(pgUrl, pgName), APP_SECRET: 'e2e-app-secret-e2e-app-secret-0123456789' }
      : {}),
  });
  child.stdout!.on('data', (d) => (stdout += d));
  await waitForHealth(child);
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl) await adminSql(`drop database if exists ${pgName} with (force)`);
});

const login = (password: string) =>
  fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@example.com', password }),
  });

describe('npm start on a fresh data dir with ADMIN_EMAIL/ADMIN_PASSWORD', () => {
  it('answers /health and prints its URL', async () => {
    // The probe gives the database 800 ms: on a loaded machine one answer may say "unreachable", so ask again
    // (what a load balancer does) and judge the first healthy answer.
    let health: unknown;
    for (let attempt = 0; attempt < 20; attempt++) {
      health = await (await fetch(`${base}/health`)).json();
      if ((health as { status: string }).status === 'ok') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(health).toEqual({ status: 'ok', db: expectedDb });
    expect(stdout).toContain(`Social CRM is running at http://127.0.0.1:${port}`);
  });

  it('lets the owner log in, and /me names them', async () => {
    const res = await login('a-very-good-password');
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ email: 'owner@example.com', role: 'owner', workspaceSlug: 'my-workspace' });
  });

  it('answers 401 without a session, 401 for wrong passwords and then 429, by the 11th at the latest', async () => {
    expect((await fetch(`${base}/api/v1/me`)).status).toBe(401);
    for (let i = 0; i < 4; i++) {
      const res = await login(`wrong-${i}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_CREDENTIALS');
    }
    // Then the growing delay for this address, or at the 11th attempt its 15-minute limit.
    let refused: Response | null = null;
    for (let i = 4; i < 11 && !refused; i++) {
      const res = await login(`wrong-${i}`);
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(401);
    }
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('start-up failures and first run', () => {
  it('stops with one clear line for a bad setting', async () => {
    const { code, stderr } = await exitOf(run({ PORT: 'abc' }));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Invalid setting PORT: must be a whole number from 1 to 65535 (got "abc")');
  });

  it('prints a one-time setup link when no owner can be created', async () => {
    const p = run({ PORT: String(port + 1), DATA_DIR: join(dir, 'setup'), ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    let out = '';
    const link = await new Promise<string>((resolve, reject) => {
      p.on('exit', (code) => reject(new Error(`exited with ${code} before printing a setup link: ${out}`)));
      p.stdout!.on('data', (d) => {
        out += d;
        const m = /(http:\/\/\S+\/setup\?token=\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
    });
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Create the owner account');
    p.kill('SIGTERM');
    await new Promise((r) => p.on('exit', r));
  }, 120_000);
});
