import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../../src/db/postgres';

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** One statement on a PostgreSQL server's admin connection (create or drop a test database). */
export async function adminSql(serverUrl: string, statement: string) {
  const admin = openPostgres(serverUrl, { max: 1 });
  try {
    await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}

/**
 * Starts `npm start`'s entry on loopback with these settings and waits until /health answers. Node
 * itself runs it, with tsx as a loader: the tsx command would run the app in a child process of its
 * own, which a SIGKILL of the command leaves running.
 */
export async function startNodeApp(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', 'src/server/node.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  p.stderr!.on('data', (d) => (stderr += d));
  for (;;) {
    if (p.exitCode !== null) throw new Error(`the app stopped at start: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return p;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
