/** Start-up and request figures of the Node entry on PGlite (a real process, real HTTP). */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const ADMIN = { email: 'bench@example.com', password: 'bench-password-123' };

const step = (msg: string) => process.stderr.write(`· ${msg}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** How the service is started: `npm start` (its prestart check, then the compiled bundle), or tsx from source. */
type Mode = 'npm start' | 'tsx';
const COMMANDS: Record<Mode, [string, string[]]> = {
  'npm start': ['npm', ['start', '--silent']],
  tsx: [TSX, ['src/server/node.ts']],
};

async function startServer(dataDir: string, port: number, mode: Mode = 'npm start') {
  const started = performance.now();
  const [command, args] = COMMANDS[mode];
  // Its own process group: npm's children are stopped with it.
  const child = spawn(command, args, {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return { child, ms: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  process.kill(-child.pid!, 'SIGKILL');
  throw new Error('server did not answer /health within 30 s');
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });

async function restarts(dataDir: string, port: number, mode: Mode) {
  const times: number[] = [];
  for (let i = 1; i <= 3; i++) {
    step(`start on the existing data dir, ${mode} (${i}/3)`);
    const s = await startServer(dataDir, port, mode);
    times.push(s.ms);
    await stop(s.child);
  }
  return times;
}

export async function benchStartup(): Promise<[string, string][]> {
  const dir = mkdtempSync(join(tmpdir(), 'social-crm-bench-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const rows: [string, string][] = [];
  try {
    step('compiling dist/ (what the first `npm start` after a change does)');
    const b0 = performance.now();
    await new Promise((resolve, reject) =>
      spawn('node', ['scripts/build.mjs', '--force'], { stdio: 'inherit' }).once('exit', resolve).once('error', reject),
    );
    rows.push(['build dist/ (esbuild, once after a change)', `${(performance.now() - b0).toFixed(0)} ms`]);
    step('cold start on a fresh PGlite data dir (creates the database, migrates, creates the owner)');
    const first = await startServer(join(dir, 'data'), port);
    rows.push(['npm start, new PGlite data dir -> first /health answer', `${first.ms.toFixed(0)} ms`]);
    await stop(first.child);
    const compiled = await restarts(join(dir, 'data'), port, 'npm start');
    const fromSource = await restarts(join(dir, 'data'), port, 'tsx');
    const all = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    rows.push([
      'npm start, existing PGlite data dir -> first /health answer',
      `median ${median(compiled).toFixed(0)} ms of 3 (${all(compiled)}) (target < 3000 ms)`,
    ]);
    rows.push([
      'tsx src/server/node.ts (before: what npm start ran), same',
      `median ${median(fromSource).toFixed(0)} ms of 3 (${all(fromSource)})`,
    ]);
    {
      const s = await startServer(join(dir, 'data'), port);
      const base = `http://127.0.0.1:${port}`;
      step('login latency (argon2id, 19 MiB, t=2), 5 logins');
      const logins: number[] = [];
      let token = '';
      for (let j = 0; j < 5; j++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        });
        token = ((await res.json()) as { token: string }).token;
        logins.push(performance.now() - t0);
      }
      rows.push(['login (password check + session), median', `${median(logins).toFixed(0)} ms`]);

      const total = 2000;
      const concurrency = 10;
      step(`GET /api/v1/me x ${total}, ${concurrency} at a time, over loopback HTTP`);
      const times: number[] = [];
      let next = 0;
      let done = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < total) {
            next++;
            const s0 = performance.now();
            const res = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
            await res.arrayBuffer();
            times.push(performance.now() - s0);
            if (++done % 500 === 0) step(`  ${done}/${total}`);
          }
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      rows.push(['GET /api/v1/me (session lookup) throughput', `${(total / secs).toFixed(0)} req/s`]);
      rows.push(['GET /api/v1/me latency p50 / p95', `${median(times).toFixed(1)} / ${pct(times, 95).toFixed(1)} ms`]);
      await stop(s.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
