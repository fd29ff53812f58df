import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ensureOwner } from '../accounts';
import { instanceId } from '../core/instance';
import { openDatabase } from '../db/open';
import { createInProcessRunner, releaseOwnLeases, SCHEDULED_JOBS } from '../jobs';
import { type DemoWorkspace, ensureDemoWorkspace } from './demo-workspace';
import { pollSource, pollsSettled } from '../sources';
import { createApp } from './app';
import { resolveAppSecret } from './app-secret';
import { ConfigError, loadConfig, usesInngestServer } from './config';
import { createDeps } from './deps';
import { createLogger } from '../http/logger';
import { tuneHeap } from './heap';
import { loadAnalyzer } from '../sentiment';

/** Node entry (`npm start`): validate config, migrate, make sure an owner can get in, serve. */
async function main() {
  const started = performance.now();
  tuneHeap();
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length) throw new ConfigError(`Unknown argument ${unknown[0]}: npm start takes only --demo`);
  const demoMode = args.includes('--demo');

  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const handle = await openDatabase(config, (message) =>
    logger.info({ db: config.DATABASE_URL ? 'postgres' : 'pglite' }, message),
  );
  const appSecret = resolveAppSecret(config, (file) =>
    logger.info({ file }, 'APP_SECRET not set: generated one and saved it beside the data'),
  );
  const instance = instanceId(config);
  const deps = createDeps({
    handle,
    config,
    logger,
    appSecret,
    instanceId: instance,
    clientIp: (c) => {
      try {
        return getConnInfo(c).remote.address ?? null;
      } catch {
        return null;
      }
    },
  });

  const baseUrl = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  const firstRun = await ensureOwner(deps.db, {
    adminEmail: config.ADMIN_EMAIL,
    adminPassword: config.ADMIN_PASSWORD,
    workspaceName: config.WORKSPACE_NAME,
    now: deps.clock(),
  });
  if (firstRun.kind === 'owner-created')
    logger.info({ email: firstRun.email, workspace: firstRun.workspaceSlug }, 'owner created from ADMIN_EMAIL');

  const demo = demoMode
    ? await ensureDemoWorkspace(deps, {
        now: deps.clock(),
        appSecret,
        baseUrl,
        onSeeding: () =>
          console.log(
            'First start of the demo: writing 90 days of history (half a minute of work; longer on a busy machine)…',
          ),
      })
    : null;
  if (demo?.seeded) {
    const { posts, replies, ms } = demo.seeded;
    console.log(`Demo history written in ${Math.round(ms / 1000)} s: ${posts} posts, ${replies} replies by the team.`);
  }

  // Before any job runs: what this instance held when it last stopped resumes now, not when leases run out.
  const freed = await releaseOwnLeases(deps, instance);
  if (Object.values(freed).some(Boolean)) {
    logger.info({ instance, ...freed }, 'released leases of the previous run');
  }

  const runner = usesInngestServer(config) ? null : createInProcessRunner(deps, SCHEDULED_JOBS);
  runner?.start();
  // The demo inbox should not wait for the first cron tick.
  if (demo) void pollSource(deps, demo.sourceId, { force: true });

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => {
    const ms = Math.round(performance.now() - started);
    logger.info({ url: baseUrl, db: handle.kind, jobs: runner ? 'in-process' : 'inngest', startupMs: ms }, 'listening');
    // Plain lines too: these are what a person starting the app looks for.
    console.log(`Social CRM is running at ${baseUrl} (database: ${handle.kind}, ready in ${ms} ms)`);
    // The analyzer's models load on first use (~1.5 s): loaded now, the first webhook or poll is not the one
    // that waits (a comment reaches the open inbox in tens of milliseconds, not seconds).
    void loadAnalyzer()
      .then((m) => m.analyze('warm-up'))
      .catch((err) => logger.warn({ err }, 'analyzer warm-up failed'));
    if (demo) console.log(demoLogins(demo, baseUrl));
    if (firstRun.kind === 'setup-link' && !demo) {
      console.log(
        `No staff user yet. Create the owner here (link works once): ${baseUrl}/setup?token=${firstRun.token}`,
      );
    }
  });

  const SHUTDOWN_WAIT_MS = 10_000;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    runner?.stop();
    server.close();
    // A poll in flight commits the page it is on (each has its own deadline); one that outlasts
    // this wait is cut off and, holding this instance's lease, resumes at its next start.
    // Listeners and jobs still running (mail being sent) finish too; cut off, their work stays queued for the
    // next start.
    const settled = Promise.all([pollsSettled(), deps.events.idle(), runner?.idle()]);
    await Promise.race([settled, new Promise((r) => setTimeout(r, SHUTDOWN_WAIT_MS).unref())]);
    await deps.mailer.close?.();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** What a person starting the demo needs: where to sign in, as whom, and the board's address. */
function demoLogins(demo: DemoWorkspace, baseUrl: string): string {
  const width = Math.max(...demo.logins.map((l) => l.email.length));
  return [
    `Demo workspace: sign in at ${baseUrl}/login with password ${demo.password} as any of`,
    ...demo.logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(7)}  ${l.name}`),
    `Public board: ${baseUrl}/c/${demo.workspace.slug}`,
  ].join('\n');
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(`Start failed: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.LOG_LEVEL === 'debug') console.error(err);
  }
  process.exit(1);
});
