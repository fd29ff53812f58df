/**
 * Imports (issue 14, items 7 and 9): a 200,000-row, ~24 MiB CSV imported on PGlite and PostgreSQL,
 * each in a process of its own (scripts/bench/import-child.ts) so its peak RSS is the import's:
 * rows/s, peak RSS, and /health latency from another process while the import runs.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../../src/db/postgres';
import { databaseUrl } from '../../tests/helpers/pg-urls';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const step = (m: string) => process.stderr.write(`· ${m}\n`);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

/** About 125 bytes a row, as exports from listening tools run: 200,000 rows make ~24 MiB. */
async function writeCsv(path: string, rows: number) {
  const out = createWriteStream(path);
  out.write('id,text,created_at,author,name,followers,url\n');
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const text = `"acme mention ${i}: the new release is ""great"", love it ${'x'.repeat(i % 20)}"`;
    const author = `user${i % 5000},User ${i % 5000},${i % 100000}`;
    const line = `b${i},${text},2026-11-${day}T10:00:00Z,${author},https://example.com/p/${i}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

type Figures = {
  done: string;
  error?: string;
  rows: number;
  inserted: number;
  duplicates: number;
  failed: number;
  storeSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  baselineMiB: number;
  peakMiB: number;
};

/** Runs the child; while it imports, asks its /health every 50 ms and keeps the latencies. */
async function runChild(
  file: string,
  pgUrl?: string,
): Promise<{ figures: Figures; health: number[]; failures: number }> {
  const child = spawn(TSX, ['--expose-gc', 'scripts/bench/import-child.ts', file, ...(pgUrl ? [pgUrl] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const health: number[] = [];
  let failures = 0;
  let probing = false;
  let figures: Figures | null = null;
  let prober: Promise<void> | null = null;
  for await (const line of lines) {
    const msg = JSON.parse(line) as { port?: number } & Partial<Figures>;
    if (msg.port) {
      probing = true;
      prober = (async () => {
        while (probing) {
          const t0 = performance.now();
          try {
            const res = await fetch(`http://127.0.0.1:${msg.port}/health`);
            await res.arrayBuffer();
            if (!res.ok) failures++;
          } catch {
            failures++;
          }
          health.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
    } else if (msg.done) {
      probing = false;
      figures = msg as Figures;
    }
  }
  probing = false;
  await prober;
  const code = await new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', r),
  );
  if (!figures) throw new Error(`the import child ended (${code}) without figures`);
  return { figures, health, failures };
}

function rows(label: string, r: Awaited<ReturnType<typeof runChild>>, target: string): [string, string][] {
  const f = r.figures;
  return [
    [
      `import ${ROWS} rows, ${label}`,
      `${f.rowsPerSecond.toFixed(0)} rows/s (${f.seconds.toFixed(1)} s, ${f.inserted} stored, ${f.failed} bad, ` +
        `status ${f.done}${f.error ? `: ${f.error}` : ''}; target ${target})`,
    ],
    [
      `import ${ROWS} rows, ${label}: memory`,
      // The service at rest (models, database driver, PGlite's WASM heap) is not the import's:
      // the target is what the import adds on top of it.
      `peaks ${(f.peakMiB - f.baselineMiB).toFixed(0)} MiB above the idle service (target < 200 MiB); ` +
        `process RSS ${f.baselineMiB.toFixed(0)} MiB before the upload, ${f.peakMiB.toFixed(0)} MiB at peak`,
    ],
    [`import ${ROWS} rows, ${label}: storing the upload`, `${f.storeSeconds.toFixed(1)} s`],
    [
      `/health during the ${label} import`,
      `p50 ${pct(r.health, 50).toFixed(0)} ms, p99 ${pct(r.health, 99).toFixed(0)} ms, ` +
        `max ${Math.max(...r.health).toFixed(0)} ms, ${r.health.length} probes, ${r.failures} not 200 ` +
        '(target p99 < 100 ms)',
    ],
  ];
}

export async function benchImports(): Promise<[string, string][]> {
  const dir = mkdtempSync(join(tmpdir(), 'social-crm-bench-csv-'));
  const out: [string, string][] = [];
  try {
    const file = join(dir, 'export.csv');
    await writeCsv(file, ROWS);
    step(`imports: ${ROWS} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB CSV`);
    const only = process.env.BENCH_IMPORT_DB?.split(',') ?? ['pglite', 'postgres'];
    if (only.includes('pglite')) {
      step('imports: PGlite (a data folder, as the Node entry runs it)');
      out.push(...rows('PGlite', await runChild(file), '>= 2000 on PostgreSQL'));
    }
    if (only.includes('postgres')) {
      const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      const name = `bench_imports_${process.pid}`;
      const admin = openPostgres(pgUrl, { max: 1 });
      try {
        await admin.db.execute(sql.raw(`create database ${name}`));
        step('imports: PostgreSQL');
        out.push(...rows('PostgreSQL', await runChild(file, databaseUrl(pgUrl, name)), '>= 2000'));
      } catch (err) {
        out.push(['import, PostgreSQL', `skipped or failed: ${(err as Error).message}`]);
      } finally {
        await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`)).catch(() => {});
        await admin.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
