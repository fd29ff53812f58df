import { defaultConnectors } from '../connectors/composition';
import { openDatabase } from '../db/open';
import { createNodeOutbound } from '../http/outbound';
import {
  resolveAppSecret,
  ConfigError,
  loadConfig,
  outboundPolicy,
  registerFlowListeners,
  sourceFlow,
  tuneHeap,
} from '../server';
import { EventBus } from '../core/events';
import { createCredentialBox } from '../core/credentials';
import { createLogger } from '../http/logger';
import { createMetrics } from '../http/metrics';
import { cliMessage, runCommand } from './commands';

/** `npm run cli -- <command>`: the same config and database as `npm start`. */
async function main() {
  tuneHeap();
  const config = loadConfig(process.env);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const handle = await openDatabase(config, (message) => console.log(message));
  const events = new EventBus((err, listener) => logger.error({ err, listener }, 'event listener failed'));
  registerFlowListeners(events, handle.db);
  try {
    await runCommand(
      process.argv.slice(2).filter((a) => a !== '--'),
      {
        db: handle.db,
        out: (line) => console.log(line),
        defaultWorkspaceName: config.WORKSPACE_NAME,
        jobDeps: {
          db: handle.db,
          events,
          clock: () => new Date(),
          logger,
          metrics: createMetrics(),
          connectors: defaultConnectors(),
          credentials: createCredentialBox(resolveAppSecret(config)),
          outbound: createNodeOutbound(outboundPolicy(config)),
          sourceFlow,
          dbKind: handle.kind,
        },
      },
    );
  } finally {
    await events.idle();
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : cliMessage(err));
  process.exit(1);
});
