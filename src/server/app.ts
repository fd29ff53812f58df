import {
  liveApi,
  routingApi,
  repliesApi,
  inboxApi,
  inboxPages,
  routingPages,
  notificationPages,
  savedReplyPages,
} from '../inbox/composition';
import { contactPages, contactsApi, contactsTransferApi } from '../contacts/composition';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import {
  apiKeysApi,
  auditApi,
  authApi,
  accountPages,
  invitationPages,
  profilePages,
  invitationsApi,
  usersApi,
  workspaceApi,
} from '../accounts/composition';
import { coreError } from '../core/errors';
import { rawTypeOf } from '../imports';
import { importsApi, importPages } from '../imports/composition';
import { mentionPages, mentionsApi } from '../mentions/composition';
import {
  analysisSettingsApi,
  analysisSettingsPages,
  correctionPages,
  correctionsApi,
  correctionsExportApi,
  explainApi,
  explainPages,
} from '../reanalysis/composition';
import { vocabularyApi, vocabularyPages } from '../vocabulary/composition';
import { connectOrigins, oauthConnectOrigins } from '../sources';
import { metaConnectPages, sourcePages, sourcesApi, webhookRoutes } from '../sources/composition';
import { topicPages, topicsApi } from '../topics/composition';
import { analyzeApi } from '../sentiment/composition';
import { tagsApi } from '../tags/composition';
import { communityApi, memberAccountPages, boardPages, communityStaffPages } from '../community/composition';
import { reportsApi, reportPages } from '../reports/composition';
import { webPages } from '../http/web/pages';
import { staticRoutes } from '../http/web/static';
import { announceAccessChanges, authenticate } from '../http/auth.middleware';
import { negotiateLanguage } from '../http/i18n.middleware';
import { languageRoutes } from '../http/language.routes';
import { csrfProtection } from '../http/csrf.middleware';
import { databaseGuard } from '../http/db-guard.middleware';
import type { AppDeps, AppEnv } from '../http/env';
import { onError, onNotFound } from '../http/error-handler';
import { errorsApi } from './errors.routes';
import { healthRoutes } from './health.routes';
import { requestLog } from '../http/request-log.middleware';
import { refuseUnsafeText } from '../http/safe-text.middleware';

/** Every JSON router, mounted under /api/v1 and published in one OpenAPI document. */
const API_ROUTERS = [
  authApi,
  workspaceApi,
  usersApi,
  invitationsApi,
  apiKeysApi,
  auditApi,
  topicsApi,
  sourcesApi,
  mentionsApi,
  correctionsApi,
  correctionsExportApi,
  explainApi,
  analysisSettingsApi,
  vocabularyApi,
  importsApi,
  analyzeApi,
  contactsTransferApi,
  contactsApi,
  inboxApi,
  liveApi,
  repliesApi,
  routingApi,
  tagsApi,
  communityApi,
  reportsApi,
  errorsApi,
];

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The pages' policy: the connect buttons may also lead to Meta's sign-in dialogs this server is set up for. */
const cspFor = (deps: AppDeps) => ({
  ...CSP,
  formAction: ["'self'", ...connectOrigins(deps.meta), ...oauthConnectOrigins(deps.connectApps)],
});

/** Composes the whole HTTP app from its dependencies; the same app runs on Node and on Workers. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('log', deps.logger.child({ requestId: c.var.requestId }));
    await next();
  });
  app.use(requestLog);
  // Before anything touches the database: a request never hangs on one that is away.
  app.use(databaseGuard);
  app.use(secureHeaders({ contentSecurityPolicy: cspFor(deps), referrerPolicy: 'same-origin' }));
  const limit = (mib: number) =>
    bodyLimit({
      maxSize: mib * 1024 * 1024,
      onError: () => {
        throw coreError('PAYLOAD_TOO_LARGE', { mib });
      },
    });
  const smallBodies = limit(1);
  // File imports are the one place large bodies are expected.
  const importBodies = limit(51);
  const uploadPaths = new Set(['/api/v1/imports', '/settings/imports', '/api/v1/contacts/import']);
  app.use((c, next) => {
    if (!uploadPaths.has(c.req.path)) return smallBodies(c, next);
    // A raw file body is stored as it streams in and capped there (createImport): hono's limit
    // would read it whole first. A declared length is still checked up front.
    if (c.req.path === '/api/v1/imports' && rawTypeOf(c.req.header('content-type')))
      return Number(c.req.header('content-length') ?? 0) > 51 * 1024 * 1024
        ? Promise.reject(coreError('PAYLOAD_TOO_LARGE', { mib: 51 }))
        : next();
    return importBodies(c, next);
  });
  // Before anything reads the request: a NUL or a lone surrogate is refused here, not by PostgreSQL.
  app.use(refuseUnsafeText);

  app.route('/', staticRoutes);
  app.route('/', healthRoutes);
  // Platforms sign their webhooks: no session, no CSRF token.
  app.route('/', webhookRoutes);

  if (deps.inngestHandler) {
    const handler = deps.inngestHandler;
    app.on(['GET', 'POST', 'PUT'], '/api/inngest', (c) => handler(c));
  }

  app.use(authenticate);
  app.use(negotiateLanguage);
  app.use(announceAccessChanges);
  app.use(csrfProtection);

  for (const router of API_ROUTERS) app.route('/api/v1', router);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', { type: 'apiKey', in: 'cookie', name: 'sid' });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Social CRM API',
      version: '1',
      description:
        'Errors always answer {"error":{"code","kind","message","details"}}; GET /api/v1/errors lists the codes. ' +
        'Authenticate with a session token or an ' +
        'API key as a bearer token; cookie sessions must send X-CSRF-Token on writes.',
    },
  });

  app.route('/', languageRoutes);
  app.route('/', accountPages);
  app.route('/', profilePages);
  app.route('/', invitationPages);
  app.route('/', inboxPages);
  app.route('/', correctionPages);
  app.route('/', explainPages);
  app.route('/', analysisSettingsPages);
  app.route('/', routingPages);
  app.route('/', notificationPages);
  app.route('/', savedReplyPages);
  app.route('/', mentionPages);
  app.route('/', metaConnectPages);
  app.route('/', sourcePages);
  app.route('/', topicPages);
  app.route('/', vocabularyPages);
  app.route('/', importPages);
  app.route('/', contactPages);
  app.route('/', memberAccountPages);
  app.route('/', boardPages);
  app.route('/', communityStaffPages);
  app.route('/', reportPages);
  app.route('/', webPages);

  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
