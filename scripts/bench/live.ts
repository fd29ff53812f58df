/**
 * 200 agents' inbox tabs open (SSE clients over real HTTP), one new mention arrives: what each tab asks
 * for, and what the server does for it. Each simulated tab does what the browser script does: on a
 * `conversation` event it fetches that conversation's row (/inbox/rows/:id). For comparison, the same
 * event handled the way the script did before: every tab fetching the whole /inbox page with its counts.
 * DB queries are counted at the PGlite client (statements outside transactions; the ingest's own are
 * measured with no tab open and taken off).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createWorkspaceWithOwner } from '../../src/accounts';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { createLogger } from '../../src/http/logger';
import { ingestPosts } from '../../src/ingest';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps } from '../../src/server/deps';
import { socialAuthor, socialPost } from '../../tests/helpers/posts';

const TABS = Number(process.env.BENCH_LIVE_TABS ?? 200);
const step = (m: string) => process.stderr.write(`· ${m}\n`);
const PASSWORD = 'bench-password-123';

export async function benchLive(): Promise<[string, string][]> {
  step(`live: ${TABS} inbox tabs over SSE, PGlite`);
  const handle = await openPglite();
  await runMigrations(handle);
  let queries = 0;
  const client = handle.client as unknown as { query: (...a: unknown[]) => Promise<unknown> };
  const query = client.query.bind(client);
  client.query = (...a: unknown[]) => {
    queries++;
    return query(...a);
  };
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const deps = createDeps({ handle, config, logger: createLogger('silent'), appSecret: 'bench-secret-'.repeat(4) });
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const email = 'live-bench@example.com';
  const { workspace } = await createWorkspaceWithOwner(
    handle.db,
    { workspaceName: 'Live bench', email, password: PASSWORD },
    { m: 64, t: 1, p: 1 },
  );
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  let n = 0;
  const arrive = () =>
    ingestPosts(deps, { workspaceId: workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({
        externalId: `live-${++n}`,
        text: `acme order ${n} never arrived, can you help?`,
        createdAt: new Date(),
        author: socialAuthor({ externalId: `a-${n}`, handle: `author${n}` }),
      }),
    ]);
  for (let i = 0; i < 40; i++) await arrive();

  // The ingest's own statements, with no tab open.
  let q0 = queries;
  await arrive();
  const ingestQueries = queries - q0;

  const rows: [string, string][] = [];
  const aborts: AbortController[] = [];
  try {
    for (const mode of ['row', 'page'] as const) {
      let fetches = 0;
      let done = 0;
      let allDone: () => void = () => {};
      const finished = new Promise<void>((r) => (allDone = r));
      const onEvent = async (id: string) => {
        fetches++;
        const res = await fetch(mode === 'row' ? `${base}/inbox/rows/${id}` : `${base}/inbox`, { headers: { cookie } });
        await res.arrayBuffer();
        if (++done === TABS) allDone();
      };
      let ready = 0;
      let allReady: () => void = () => {};
      const connected = new Promise<void>((r) => (allReady = r));
      for (let i = 0; i < TABS; i++) {
        const abort = new AbortController();
        aborts.push(abort);
        void (async () => {
          const res = await fetch(`${base}/api/v1/live`, { headers: { cookie }, signal: abort.signal });
          const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
          let buf = '';
          for (;;) {
            const { value, done: end } = await reader.read();
            if (end) return;
            buf += value;
            let cut = buf.indexOf('\n\n');
            while (cut >= 0) {
              const block = buf.slice(0, cut);
              buf = buf.slice(cut + 2);
              cut = buf.indexOf('\n\n');
              const type = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (type === 'ready' && ++ready === TABS) allReady();
              if (type === 'conversation' && data) void onEvent((JSON.parse(data) as { id: string }).id);
            }
          }
        })().catch(() => {});
      }
      await connected;
      q0 = queries;
      const t0 = performance.now();
      await arrive();
      await finished;
      const ms = performance.now() - t0;
      const tabQueries = queries - q0 - ingestQueries;
      const label = mode === 'row' ? 'now: each tab fetches the changed row' : 'before: each tab fetched /inbox';
      rows.push([
        `one new mention, ${TABS} open tabs (${label})`,
        `${fetches} requests (${(fetches / TABS).toFixed(0)} a tab), ${tabQueries} DB queries ` +
          `(${(tabQueries / TABS).toFixed(1)} a tab), all tabs current in ${ms.toFixed(0)} ms`,
      ]);
      for (const a of aborts.splice(0)) a.abort();
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    for (const a of aborts) a.abort();
    server.close();
    await handle.close();
  }
  return rows;
}
