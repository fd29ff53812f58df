/**
 * Meta webhooks: 1,000 signed `feed` events (a new comment each) posted over real HTTP in 10 s, as Meta
 * sends them. Prints the answer times (p95, median: the request only checks and keeps the delivery) and how
 * long until every comment is stored once (the job works the deliveries through the one flow).
 */
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { count, eq } from 'drizzle-orm';
import { createWorkspaceWithOwner } from '../../src/accounts';
import { ownerActor } from '../../src/core/actor';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { createLogger } from '../../src/http/logger';
import { mentions } from '../../src/mentions/schema';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { createSource, processWebhooks } from '../../src/sources';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);
const SECONDS = 10;
const SECRET = 'bench-meta-app-secret';
const PAGE = '424242';
const step = (m: string) => process.stderr.write(`· ${m}\n`);

export async function benchWebhooks(): Promise<[string, string][]> {
  step(`webhooks: ${EVENTS} signed events in ${SECONDS} s, PGlite`);
  const handle = await openPglite();
  await runMigrations(handle);
  const config = loadConfig({ LOG_LEVEL: 'silent', META_APP_SECRET: SECRET });
  const deps = createDeps({ handle, config, logger: createLogger('silent'), appSecret: 'bench-secret-'.repeat(4) });
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { workspace, user } = await createWorkspaceWithOwner(
    handle.db,
    { workspaceName: 'Webhook bench', email: 'webhooks@example.com', password: 'bench-password-123' },
    { m: 64, t: 1, p: 1 },
  );
  const source = await createSource(
    deps,
    ownerActor(workspace, user.id),
    { platform: 'facebook', name: 'Page', config: { pageId: PAGE }, credentials: { accessToken: 'unused' } },
    new Date(),
  );
  const send = async (i: number) => {
    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                post_id: `${PAGE}_1`,
                comment_id: `1_${i}`,
                parent_id: `${PAGE}_1`,
                message: `Where is order ${i}? Nobody answers`,
                from: { id: String(10_000 + (i % 300)), name: `Visitor ${i % 300}` },
                created_time: Math.floor(Date.now() / 1000),
              },
            },
          ],
        },
      ],
    });
    const t0 = performance.now();
    const res = await fetch(`${base}/webhooks/meta`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    await res.text();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return performance.now() - t0;
  };
  const started = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const due = started + (i * SECONDS * 1000) / EVENTS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i));
  }
  const times = (await Promise.all(pending)).sort((a, b) => a - b);
  const sentIn = (performance.now() - started) / 1000;
  await deps.events.idle();
  await processWebhooks(deps);
  const storedIn = (performance.now() - started) / 1000;
  const [row] = await handle.db.select({ n: count() }).from(mentions).where(eq(mentions.sourceId, source.id));
  server.close();
  await handle.close();
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const median = times[Math.floor(times.length / 2)]!;
  return [
    [
      `Meta webhook answer, ${EVENTS} signed events in ${SECONDS} s`,
      `p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms (target p95 < 100 ms; sent in ${sentIn.toFixed(1)} s)`,
    ],
    [
      'Meta webhook events stored',
      `${Number(row!.n)} of ${EVENTS} comments stored once, all within ${storedIn.toFixed(1)} s of the first event`,
    ],
  ];
}
