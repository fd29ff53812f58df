import { count, eq } from 'drizzle-orm';
import { type Actor, ownerActor } from '../../src/core/actor';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import type { DatabaseHandle } from '../../src/db/types';
import { mentions } from '../../src/mentions/schema';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { createLogger } from '../../src/http/logger';
import { pollSource } from '../../src/sources/poller';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { startFakeX } from '../../tests/fakes/x-server';
import { withTempPostgres } from './temp-postgres';

const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const step = (m: string) => process.stderr.write(`· ${m}\n`);

interface RunOptions {
  posts: number;
  /** How long each page takes to come from the platform (the fake answers at once). */
  latencyMs?: number;
  /** Whether the next pages are read while these are stored (the poller's default on PostgreSQL). */
  overlap?: boolean;
}

/** Polls tweets (pages of 100) from the fake X server into a fresh database; returns posts/s. */
async function run(
  handle: DatabaseHandle,
  label: string,
  o: RunOptions = { posts: POSTS },
): Promise<{ rate: number; stored: number; seconds: number }> {
  const x = await startFakeX();
  try {
    x.addMany(o.posts);
    const deps = createDeps({
      handle,
      config: loadConfig({ LOG_LEVEL: 'silent', OUTBOUND_ALLOWLIST: '127.0.0.1' }),
      logger: createLogger('silent'),
      appSecret: 'bench-secret-bench-secret-bench-secret-0',
    });
    const { workspace, user } = await createWorkspaceWithOwner(
      handle.db,
      { workspaceName: 'Bench', email: `bench-${Date.now()}@example.com`, password: 'bench-password-123' },
      { m: 64, t: 1, p: 1 },
    );
    const actor: Actor = ownerActor(workspace, user.id);
    await createTopic(handle.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
    const source = await createSource(
      deps,
      actor,
      { platform: 'x', name: 'bench', config: { baseUrl: x.url }, credentials: { bearerToken: 'bench' } },
      new Date(),
    );
    let fetchMs = 0;
    const connector = deps.connectors.x!;
    deps.connectors = {
      x: {
        ...connector,
        poll: async (ctx) => {
          const t0 = performance.now();
          try {
            if (o.latencyMs) await new Promise((resolve) => setTimeout(resolve, o.latencyMs));
            return await connector.poll(ctx);
          } finally {
            fetchMs += performance.now() - t0;
          }
        },
      },
    };
    const started = performance.now();
    let pages = 0;
    let shown = 0;
    const total = Math.ceil(o.posts / 100);
    for (;;) {
      const outcome = await pollSource(deps, source.id, {
        force: true,
        maxPages: 100,
        firstSweepDays: 365,
        ...(o.overlap === undefined ? {} : { overlap: o.overlap }),
        // Called per stored batch (several pages on PostgreSQL) with the poll's pages so far.
        afterCommit: (done) => {
          if (Math.floor((pages + done) / 100) > shown) step(`${label}: ${pages + done}/${total} pages`);
          shown = Math.floor((pages + done) / 100);
        },
      });
      if (outcome.status !== 'ok') throw new Error(`poll failed: ${JSON.stringify(outcome)}`);
      pages += outcome.pages;
      if (outcome.fetched === 0 || pages >= total) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const [row] = await handle.db.select({ n: count() }).from(mentions).where(eq(mentions.sourceId, source.id));
    const stored = Number(row!.n);
    step(`${label}: fetching from the fake X server took ${(fetchMs / 1000).toFixed(1)} s of ${seconds.toFixed(1)} s`);
    return { rate: stored / seconds, stored, seconds };
  } finally {
    await x.close();
  }
}

export async function benchIngest(): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  step(`ingest: ${POSTS} posts into a fresh PGlite`);
  const pglite = await openPglite();
  await runMigrations(pglite);
  const p = await run(pglite, 'PGlite');
  await pglite.close();
  rows.push([
    `X poll -> store, ${POSTS} posts, PGlite`,
    `${p.rate.toFixed(0)} posts/s (${p.stored} stored, ${p.seconds.toFixed(1)} s; target >= 1500)`,
  ]);

  step(`ingest: ${POSTS} posts into PostgreSQL`);
  rows.push(
    ...(await withTempPostgres('bench', 'X poll -> store, PostgreSQL', async (pg) => {
      const r = await run(pg, 'PostgreSQL');
      // As the real API answers (about 150 ms a page): reading the next pages while these are stored.
      const slow = { posts: Math.min(POSTS, 5_000), latencyMs: 150 };
      const apart = await run(pg, 'PostgreSQL, 150 ms a page, one after the other', { ...slow, overlap: false });
      const overlapped = await run(pg, 'PostgreSQL, 150 ms a page, overlapped', { ...slow, overlap: true });
      return [
        [
          `X poll -> store, ${POSTS} posts, PostgreSQL`,
          `${r.rate.toFixed(0)} posts/s (${r.stored} stored, ${r.seconds.toFixed(1)} s; target >= 5000)`,
        ],
        [
          `  the same, ${slow.posts} posts at 150 ms a page: read while storing / one after the other`,
          `${overlapped.rate.toFixed(0)} / ${apart.rate.toFixed(0)} posts/s`,
        ],
      ];
    })),
  );
  return rows;
}
