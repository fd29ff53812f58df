import { sql } from 'drizzle-orm';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import type { DatabaseHandle } from '../../src/db/types';
import { rebuildRollups } from '../../src/reports/rollups';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { createLogger } from '../../src/http/logger';
import { topics } from '../../src/topics/schema';
import { openPostgres } from '../../src/db/postgres';
import { rows } from '../../src/db/rows';
import { databaseUrl } from '../../tests/helpers/pg-urls';
import { withTempPostgres } from './temp-postgres';

const MENTIONS = Number(process.env.BENCH_REPORT_MENTIONS ?? 1_000_000);
const step = (m: string) => process.stderr.write(`· ${m}\n`);
const PASSWORD = 'bench-password-123';

/** 1,000,000 mentions over 90 days: five platforms, three topics, every label, a few languages. */
async function seed(h: DatabaseHandle) {
  const email = `bench-r-${Date.now()}@example.com`;
  const { workspace } = await createWorkspaceWithOwner(
    h.db,
    { workspaceName: 'Bench reports', email, password: PASSWORD },
    { m: 64, t: 1, p: 1 },
  );
  const ws = workspace.id;
  const ids = (
    await h.db
      .insert(topics)
      .values(
        ['acme', 'globex', 'initech'].map((name, i) => ({
          workspaceId: ws,
          name,
          kind: i ? ('competitor' as const) : ('brand' as const),
          query: name,
        })),
      )
      .returning()
  ).map((t) => t.id);
  const batch = 100_000;
  for (let from = 0; from < MENTIONS; from += batch) {
    const to = Math.min(MENTIONS, from + batch) - 1;
    await h.db.execute(sql`
      insert into mentions (workspace_id, platform, external_id, text, posted_at, sentiment_label, sentiment_score,
        language, topic_ids, intents, key_terms, aspects, hashtags)
      select ${ws}::uuid, (array['x','mastodon','bluesky','reddit','hackernews'])[1 + g % 5], 'm' || g,
        'post ' || g || ' #tag' || (g % 50),
        now() - ((g % 90) || ' days')::interval - ((g % 86400) || ' seconds')::interval,
        (array['positive','neutral','negative','neutral','unscored'])[1 + g % 5], ((g % 200) - 100) / 100.0,
        (array['en','en','en','de','fr'])[1 + g % 5],
        (array[${ids[0]}::uuid, ${ids[1]}::uuid, ${ids[2]}::uuid])[1 + g % 3:1 + g % 3 + (g % 2)], '{}',
        array[
          (array['battery','camera','price','support','delivery','app','screen','update'])[1 + g % 8],
          'term' || (g % 500)
        ],
        jsonb_build_array(jsonb_build_object(
          'term', (array['battery life','customer service','shipping'])[1 + g % 3],
          'sentiment', (array['positive','negative'])[1 + g % 2],
          'score', 0.5
        )),
        array['tag' || (g % 50)]
      from generate_series(${from}::int, ${to}::int) g`);
    step(`reports: ${to + 1}/${MENTIONS} mentions seeded`);
  }
  await h.db.execute(sql`analyze mentions`);
  return { workspaceId: ws, email };
}

/** p95 and median of 30 calls after 3 to warm up; `fn` gets the call's number (cold runs ask a new view each). */
async function p95(label: string, fn: (run: number) => Promise<unknown>, warmUp = 3): Promise<[string, string]> {
  for (let i = 0; i < warmUp; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [
    label,
    `p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms, median ${times[15]!.toFixed(1)} ms ` +
      '(30 runs; target p95 < 300 ms)',
  ];
}

export async function benchReports(): Promise<[string, string][]> {
  return withTempPostgres(
    'bench_reports',
    'reports',
    async (h) => {
      // Seeding and the first count are one-off statements longer than the app's statement timeout on a busy
      // machine: they get a connection of their own without one.
      const [db] = rows<{ name: string }>(await h.db.execute(sql`select current_database() as name`));
      const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      const setup = openPostgres(databaseUrl(pgUrl, db!.name), { max: 1, statementTimeoutMs: 0 });
      step(`reports: seeding ${MENTIONS} mentions over 90 days into PostgreSQL`);
      const { workspaceId, email } = await seed(setup);
      const t0 = performance.now();
      await rebuildRollups(setup.db, workspaceId, ({ done, total }) =>
        step(`reports: rollups ${done}/${total} months`),
      );
      const rebuildMs = performance.now() - t0;
      // As autovacuum would soon: the planner sees the rollups' sizes.
      await setup.db.execute(sql`analyze report_daily, report_topic_daily, report_terms_daily, report_author_daily`);
      await setup.close();
      const app = createApp(
        createDeps({
          handle: h,
          config: loadConfig({ LOG_LEVEL: 'silent' }),
          logger: createLogger('silent'),
          appSecret: 'bench-secret-bench-secret-bench-secret-0',
          // The guard answers 503 when a slow request's database probe waits; a benchmark wants the time instead.
          dbGuardMs: 120_000,
        }),
      );
      const login = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const get = (pathOf: string | ((run: number) => string)) => async (run: number) => {
        const path = typeof pathOf === 'string' ? pathOf : pathOf(run);
        const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        await res.text();
      };
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      return [
        [`rebuild rollups from ${MENTIONS.toLocaleString('en')} mentions`, `${(rebuildMs / 1000).toFixed(1)} s`],
        // Cold: each call a view not seen before (its 90 days end a day earlier), so every chart is drawn. The
        // process first answers 3 other views: its first requests load code and open connections, which is
        // start-up, not what a person's new range costs.
        await p95(
          `GET /reports, 90 days, cold: a new range each call, charts drawn, ${MENTIONS} mentions`,
          get((run) => `/reports?preset=custom&from=${day(89 + run + 10)}&to=${day(run + 10)}`),
        ),
        // Warm: the same view again; the rollups are read each time, the charts come from the cache.
        await p95(
          'GET /reports?preset=90 warm ' +
            '(figures, comparison, terms, authors, response times, ratings; charts cached), ' +
            `${MENTIONS} mentions`,
          get('/reports?preset=90'),
        ),
        await p95(
          'GET /reports?preset=90&interval=week&platform=x warm',
          get('/reports?preset=90&interval=week&platform=x'),
        ),
        await p95(
          'GET /api/v1/reports/sentiment (90 days, by day)',
          get(`/api/v1/reports/sentiment?from=${new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10)}`),
        ),
        await p95(
          'GET /api/v1/reports/share-of-voice (90 days)',
          get(
            `/api/v1/reports/share-of-voice?from=${new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10)}`,
          ),
        ),
      ];
    },
    { max: 6 },
  );
}
