import { openPostgres } from '../db/postgres';
import { createFetchOutbound } from '../http/outbound';
import { SCHEDULED_JOBS } from '../jobs';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createDeps, outboundPolicy } from './deps';
import { createLogger } from '../http/logger';

/**
 * Cloudflare Workers entry. Same app, PostgreSQL only (through Hyperdrive when bound, else
 * DATABASE_URL); PGlite is never imported here, so it stays out of the bundle. Migrations are run
 * beforehand with `npm run cli -- migrate` against the same database.
 */
interface WorkerEnv {
  HYPERDRIVE?: { connectionString: string };
  [key: string]: unknown;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

function boot(env: WorkerEnv) {
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
  const url = env.HYPERDRIVE?.connectionString ?? vars.DATABASE_URL;
  if (!url)
    throw new ConfigError(
      'Invalid setting DATABASE_URL: Workers need PostgreSQL (a Hyperdrive binding or DATABASE_URL)',
    );
  const config = loadConfig({ ...vars, DATABASE_URL: url });
  const logger = createLogger(config.LOG_LEVEL);
  // Workers may not share sockets across requests: one small client per request, closed after.
  // Each request closes its connection when done (below): no LISTEN can outlive it.
  const handle = openPostgres(url, { max: 1, listen: false });
  // No DNS lookups in Workers: the guard judges URLs by their form and leaves the rest to the platform.
  const outbound = createFetchOutbound(outboundPolicy(config));
  const deps = createDeps({
    handle,
    config,
    logger,
    appSecret: config.APP_SECRET!,
    clientIp: (c) => c.req.header('cf-connecting-ip') ?? null,
    outbound,
    publicEntry: true,
  });
  return { handle, deps, logger };
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let booted: ReturnType<typeof boot>;
    try {
      booted = boot(env);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return Response.json({ error: { code: 'INTERNAL', kind: 'internal', message, details: null } }, { status: 500 });
    }
    const response = await createApp(booted.deps).fetch(request);
    // Listeners the request's changes woke (the mail sender) finish before the connection closes.
    ctx.waitUntil(booted.deps.events.idle().then(() => booted.handle.close()));
    return response;
  },

  /** Cron Triggers (wrangler.toml) run the jobs whose schedule fired. */
  async scheduled(controller: { cron: string }, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const { handle, deps, logger } = boot(env);
    const due = SCHEDULED_JOBS.filter((j) => j.cron === controller.cron);
    ctx.waitUntil(
      (async () => {
        try {
          for (const job of due) logger.info({ job: job.id, result: await job.run(deps) }, 'job done');
        } finally {
          await handle.close();
        }
      })(),
    );
  },
};
