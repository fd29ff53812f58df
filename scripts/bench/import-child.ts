/**
 * One import, alone in its process, for `npm run bench` (imports section): stores a CSV file as an
 * import and runs it while serving /health on loopback, sampling RSS to find its peak. Prints one
 * JSON line per stage on stdout: {port} when /health answers, then the figures when done.
 * Usage: tsx scripts/bench/import-child.ts <file.csv> [postgres-url]  (PGlite in a temp folder without a URL)
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Actor, ownerActor } from '../../src/core/actor';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { openDatabase } from '../../src/db/open';
import { createImport, runImport } from '../../src/imports/import.service';
import { loadAnalyzer } from '../../src/sentiment';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { createLogger } from '../../src/http/logger';
import { tuneHeap } from '../../src/server/heap';

const [file, pgUrl] = process.argv.slice(2);
const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
const MiB = 1024 * 1024;

async function main() {
  if (!process.env.NO_TUNE) tuneHeap(); // as the service and the CLI run
  const dir = pgUrl ? null : mkdtempSync(join(tmpdir(), 'social-crm-bench-import-'));
  // As the service opens it: a new PGlite folder is made by a child process, then opened.
  const handle = await openDatabase({ DATABASE_URL: pgUrl, DATA_DIR: dir ?? '' });
  try {
    const deps = createDeps({
      handle,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: createLogger('silent'),
      appSecret: 'bench-secret-bench-secret-bench-secret-0',
    });
    const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { workspace, user } = await createWorkspaceWithOwner(
      handle.db,
      { workspaceName: 'Bench', email: `bench-${Date.now()}@example.com`, password: 'bench-password-123' },
      { m: 64, t: 1, p: 1 },
    );
    const actor: Actor = ownerActor(workspace, user.id);
    // The analyzer's models load once per process, at the first post: not the import's memory.
    await loadAnalyzer();
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    say({ port: (server.address() as AddressInfo).port });
    const stored = performance.now();
    const row = await createImport(handle.db, actor, {
      filename: 'bench.csv',
      format: 'csv',
      mapping: {},
      content: createReadStream(file!),
    });
    const started = performance.now();
    const done = await runImport(deps, row.id);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    say({
      done: done?.status,
      error: done?.error,
      rows: done?.processed,
      inserted: done?.inserted,
      duplicates: done?.duplicates,
      failed: done?.failed,
      storeSeconds: (started - stored) / 1000,
      seconds,
      rowsPerSecond: (done?.processed ?? 0) / seconds,
      baselineMiB: baseline / MiB,
      peakMiB: peak / MiB,
    });
    server.close();
  } finally {
    await handle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
