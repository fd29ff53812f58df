import { staffAuthenticator, createMailer } from '../accounts';
import { memberAuthenticator, reviewRatingCounts } from '../community';
import { inboxContactHolders, LiveHub } from '../inbox';
import { registerContactHolder } from '../contacts';
import { ingestPosts, preparePosts, storePrepared } from '../ingest';
import { countSourceMentions, countTopicMentions, markHidden, markRemoved, placesOfSource } from '../mentions';
import type { SourceFlow } from '../sources';
import { AccessWatch } from '../core/access-watch';
import { EventBus } from '../core/events';
import { registerListeners } from './listeners';
import type { Context } from 'hono';
import { loadInngest } from '../jobs';
import type { Argon2Params } from '../accounts';
import type { ConnectorRegistry } from '../connectors';
import { defaultConnectors } from '../connectors/composition';
import { type Clock, systemClock } from '../core/clock';
import { createNodeOutbound, type OutboundHttp, type OutboundPolicy } from '../http/outbound';
import type { DatabaseHandle } from '../db/types';
import { createCredentialBox } from '../core/credentials';
import { type Config, metricsOpenWithoutToken, usesInngestServer } from './config';
import type { AppDeps, Mailer } from '../http/env';
import type { Logger } from '../http/logger';
import { createMetrics } from '../http/metrics';

export interface DepsInput {
  handle: DatabaseHandle;
  config: Config;
  logger: Logger;
  /** APP_SECRET, resolved by the entry (generated beside PGlite's data when not set). */
  appSecret: string;
  connectors?: ConnectorRegistry;
  clientIp?: (c: Context) => string | null;
  clock?: Clock;
  passwordParams?: Argon2Params;
  /** Tests hand in a recording mailer. */
  mailer?: Mailer;
  /** The entry serves the internet whatever HOST says (the Worker): /metrics then always needs its token. */
  publicEntry?: boolean;
  /** The outbound HTTP guard; the Worker hands in its own (Node's default resolves and checks DNS). */
  outbound?: OutboundHttp;
  /** This instance's stable name; the Node entry derives it (core/instance.ts). */
  instanceId?: string;
  /** Tests shorten how long a request or /health waits for a database that is away. */
  dbGuardMs?: number;
  healthTimeoutMs?: number;
}

/** OUTBOUND_ALLOWLIST, OUTBOUND_(FEED_)MAX_BYTES and OUTBOUND_DEADLINE_MS as the guard's policy. */
export const outboundPolicy = (config: Config): OutboundPolicy => ({
  allow: config.OUTBOUND_ALLOWLIST,
  maxBytes: config.OUTBOUND_MAX_BYTES,
  feedMaxBytes: config.OUTBOUND_FEED_MAX_BYTES,
  deadlineMs: config.OUTBOUND_DEADLINE_MS,
});

/** Where sources hand their posts: the one flow, and the mentions it stored (src/sources/flow-port.ts). */
export const sourceFlow: SourceFlow = {
  ingest: ingestPosts,
  prepare: preparePosts,
  store: storePrepared,
  remove: markRemoved,
  hide: markHidden,
  mentionCount: countSourceMentions,
  places: placesOfSource,
};

/** Forwarded addresses are believed only behind a proxy we were told about (TRUST_PROXY). */
export const forwardedIp = (c: Context) => c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || null;

/** Builds the app's dependencies from validated config; shared by the Node entry, the Worker and tests. */
export function createDeps(input: DepsInput): AppDeps {
  const { config, handle, logger } = input;
  const clock = input.clock ?? systemClock;
  const metrics = createMetrics();
  const runtimeIp = input.clientIp ?? (() => null);
  const deps: AppDeps = {
    db: handle.db,
    dbKind: handle.kind,
    auth: { ...staffAuthenticator(handle.db), ...memberAuthenticator(handle.db) },
    live: new LiveHub(handle),
    sourceFlow,
    topicMentions: { count: countTopicMentions },
    meta: {
      appId: config.META_APP_ID,
      appSecret: config.META_APP_SECRET,
      threadsAppId: config.META_THREADS_APP_ID,
      threadsAppSecret: config.META_THREADS_APP_SECRET,
      webhookVerifyToken: config.META_WEBHOOK_VERIFY_TOKEN,
      graphUrl: config.META_GRAPH_URL,
      dialogUrl: config.META_DIALOG_URL,
      threadsGraphUrl: config.META_THREADS_GRAPH_URL,
      threadsAuthorizeUrl: config.META_THREADS_AUTHORIZE_URL,
    },
    connectApps: {
      google:
        config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET
          ? {
              clientId: config.GOOGLE_CLIENT_ID,
              clientSecret: config.GOOGLE_CLIENT_SECRET,
              authorizeUrl: config.GOOGLE_AUTHORIZE_URL,
              tokenUrl: config.GOOGLE_TOKEN_URL,
              youtubeUrl: config.GOOGLE_YOUTUBE_URL,
              businessUrl: config.GOOGLE_BUSINESS_URL,
            }
          : null,
      linkedin:
        config.LINKEDIN_CLIENT_ID && config.LINKEDIN_CLIENT_SECRET
          ? {
              clientId: config.LINKEDIN_CLIENT_ID,
              clientSecret: config.LINKEDIN_CLIENT_SECRET,
              authorizeUrl: config.LINKEDIN_AUTHORIZE_URL,
              tokenUrl: config.LINKEDIN_TOKEN_URL,
              apiUrl: config.LINKEDIN_API_URL,
            }
          : null,
    },
    // The ratings report's counts come from the board's reviews (src/reports/ratings.ts, a port).
    reviewRatings: reviewRatingCounts,
    access: new AccessWatch(),
    clock,
    logger,
    metrics,
    settings: {
      sessionTtlMs: config.SESSION_TTL_HOURS * 3_600_000,
      secureCookies: config.PUBLIC_URL?.startsWith('https://') ?? false,
      trustProxy: config.TRUST_PROXY,
      liveHeartbeatMs: 25_000,
      metricsToken: config.METRICS_TOKEN,
      metricsOpen: !input.publicEntry && metricsOpenWithoutToken(config),
      publicUrl: config.PUBLIC_URL,
      ...(input.dbGuardMs ? { dbGuardMs: input.dbGuardMs } : {}),
      ...(input.healthTimeoutMs ? { healthTimeoutMs: input.healthTimeoutMs } : {}),
    },
    connectors: input.connectors ?? defaultConnectors(),
    credentials: createCredentialBox(input.appSecret),
    outbound: input.outbound ?? createNodeOutbound(outboundPolicy(config)),
    clientIp: (c) => (config.TRUST_PROXY ? (forwardedIp(c) ?? runtimeIp(c)) : runtimeIp(c)),
    mailer: input.mailer ?? createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }, logger),
    events: new EventBus((err, listener, event) =>
      logger.error({ err, listener, event: event.name }, 'event listener failed'),
    ),
    ...(input.passwordParams ? { passwordParams: input.passwordParams } : {}),
    ...(input.instanceId ? { instanceId: input.instanceId } : {}),
  };
  registerListeners(deps);
  // A contact merge moves the inbox's rows too (contacts/holders.ts): the same for every app, so once is enough.
  for (const [table, holder] of Object.entries(inboxContactHolders)) registerContactHolder(table, holder);
  if (usesInngestServer(config)) {
    // The Inngest SDK is loaded only when an Inngest server drives the jobs (it costs ~0.1 s at start).
    let handler: Promise<(c: Context) => Promise<Response>> | undefined;
    const jobDeps = {
      db: handle.db,
      events: deps.events,
      clock,
      logger,
      metrics,
      instanceId: input.instanceId,
      connectors: deps.connectors,
      credentials: deps.credentials,
      outbound: deps.outbound,
      sourceFlow: deps.sourceFlow,
      dbKind: handle.kind,
      mailer: deps.mailer,
      publicUrl: config.PUBLIC_URL,
    };
    // One client for the handler and for forwarding events; made on first use.
    type Inngest = Awaited<ReturnType<typeof loadInngest>>;
    let client: Promise<{ m: Inngest; client: ReturnType<Inngest['createInngestClient']> }> | undefined;
    const inngest = () =>
      (client ??= loadInngest().then((m) => ({
        m,
        client: m.createInngestClient({
          eventKey: config.INNGEST_EVENT_KEY,
          signingKey: config.INNGEST_SIGNING_KEY,
          baseUrl: config.INNGEST_BASE_URL,
          dev: Boolean(config.INNGEST_DEV) && !config.INNGEST_SIGNING_KEY,
        }),
      })));
    deps.inngestHandler = async (c) => {
      handler ??= inngest().then(({ m, client: cl }) => m.inngestHandler(cl, jobDeps, deps.events));
      return (await handler)(c);
    };
    // Committed events go to the Inngest server, which runs each listener as its own retried function.
    deps.events.forward = async (events) => {
      const { m, client: cl } = await inngest();
      await m.forwardEvents(cl)(events);
    };
  }
  return deps;
}
