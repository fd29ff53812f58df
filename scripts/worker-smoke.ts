/**
 * Runs the Worker build locally with `wrangler dev` (workerd) against PostgreSQL and checks that
 * it answers: health, login, /me. Used by CI; needs TEST_DATABASE_URL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/db/postgres';
import { databaseUrl } from '../tests/helpers/pg-urls';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  console.error('worker-smoke needs TEST_DATABASE_URL');
  process.exit(1);
}
const name = `t_worker_${process.pid}`;
const APP_SECRET = 'worker-smoke-secret-worker-smoke-secret-01';
const url = databaseUrl(pgUrl, name);
const port = 8700 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const step = (m: string) => console.log(`· ${m}`);

async function admin(statement: string) {
  const h = openPostgres(pgUrl!, { max: 1 });
  await h.db.execute(sql.raw(statement));
  await h.close();
}

async function main() {
  await admin(`create database ${name}`);
  const wrangler = spawn(
    'node_modules/.bin/wrangler',
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--var',
      `DATABASE_URL:${url}`,
      '--var',
      'LOG_LEVEL:warn',
      '--var',
      `APP_SECRET:${APP_SECRET}`,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      detached: true,
    },
  );
  let log = '';
  wrangler.stdout!.on('data', (d) => (log += d));
  wrangler.stderr!.on('data', (d) => (log += d));
  try {
    step('migrating and creating an owner with the CLI');
    const cli = spawnSync(
      'node_modules/.bin/tsx',
      [
        'src/cli/main.ts',
        'create-user',
        '--email',
        'w@example.com',
        '--role',
        'owner',
        '--password',
        'worker-password-1',
      ],
      {
        env: { ...process.env, DATABASE_URL: url, APP_SECRET },
        encoding: 'utf8',
      },
    );
    if (cli.status !== 0) throw new Error(`cli failed: ${cli.stderr}`);

    step(`waiting for wrangler dev on ${base}`);
    const deadline = Date.now() + 90_000;
    let health: unknown = null;
    while (Date.now() < deadline && !health) {
      try {
        const res = await fetch(`${base}/health`);
        if (res.ok) health = await res.json();
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    if (!health) throw new Error(`the Worker never answered /health\n${log}`);
    if ((health as { db: string }).db !== 'postgres') throw new Error(`unexpected health ${JSON.stringify(health)}`);

    step('logging in through the Worker');
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'w@example.com', password: 'worker-password-1' }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const me = (await (await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      email: string;
    };
    if (me.email !== 'w@example.com') throw new Error(`/me answered ${JSON.stringify(me)}`);
    console.log('Worker smoke test passed: health, login and /me on workerd + PostgreSQL');
  } finally {
    try {
      process.kill(-wrangler.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
    await admin(`drop database if exists ${name} with (force)`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
