import { liveApi } from '../inbox/live.routes';
import { routingApi } from '../inbox/rules.routes';
import { repliesApi } from '../replies/routes';
import { inboxApi } from '../inbox/routes';
import { inboxPages } from '../inbox/pages';
import { routingPages } from '../inbox/routing.pages';
import { notificationPages } from '../inbox/notifications.pages';
import { savedReplyPages } from '../replies/pages';
import { contactPages } from '../contacts/pages';
import { contactsApi } from '../contacts/routes';
import { contactsTransferApi } from '../contacts/transfer.routes';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { apiKeysApi } from '../accounts/api-keys.routes';
import { auditApi } from '../accounts/audit.routes';
import { authApi } from '../accounts/auth.routes';
import { accountPages } from '../accounts/pages';
import { invitationPages } from '../accounts/invitation.pages';
import { invitationsApi } from '../accounts/invitations.routes';
import { usersApi } from '../accounts/users.routes';
import { AppError } from '../core/errors';
import { importsApi, rawTypeOf } from '../imports/routes';
import { importPages } from '../imports/pages';
import { mentionPages } from '../mentions/pages';
import { sourcePages } from '../sources/pages';
import { topicPages } from '../topics/pages';
import { mentionsApi } from '../mentions/routes';
import { analyzeApi } from '../sentiment/routes';
import { sourcesApi } from '../sources/routes';
import { topicsApi } from '../topics/routes';
import { tagsApi } from '../tags/routes';
import { communityApi } from '../community/routes';
import { reportsApi } from '../reports/routes';
import { reportPages } from '../reports/pages';
import { webPages } from '../http/web/pages';
import { memberAccountPages } from '../community/account.pages';
import { boardPages } from '../community/board.pages';
import { communityStaffPages } from '../community/staff.pages';
import { staticRoutes } from '../http/web/static';
import { announceAccessChanges, authenticate } from '../http/auth.middleware';
import { csrfProtection } from '../http/csrf.middleware';
import { databaseGuard } from '../http/db-guard.middleware';
import type { AppDeps, AppEnv } from '../http/env';
import { onError, onNotFound } from '../http/error-handler';
import { healthRoutes } from './health.routes';
import { requestLog } from '../http/request-log.middleware';
import { refuseUnsafeText } from '../http/safe-text.middleware';

/** Every JSON router, mounted under /api/v1 and published in one OpenAPI document. */
const API_ROUTERS = [
  authApi,
  usersApi,
  invitationsApi,
  apiKeysApi,
  auditApi,
  topicsApi,
  sourcesApi,
  mentionsApi,
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
  app.use(secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'same-origin' }));
  const limit = (mib: number) =>
    bodyLimit({
      maxSize: mib * 1024 * 1024,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${mib} MiB`);
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
        ? Promise.reject(new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than 51 MiB'))
        : next();
    return importBodies(c, next);
  });
  // Before anything reads the request: a NUL or a lone surrogate is refused here, not by PostgreSQL.
  app.use(refuseUnsafeText);

  app.route('/', staticRoutes);
  app.route('/', healthRoutes);

  if (deps.inngestHandler) {
    const handler = deps.inngestHandler;
    app.on(['GET', 'POST', 'PUT'], '/api/inngest', (c) => handler(c));
  }

  app.use(authenticate);
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
        'Errors always answer {"error":{"code","message","details"}}. Authenticate with a session token or an ' +
        'API key as a bearer token; cookie sessions must send X-CSRF-Token on writes.',
    },
  });

  app.route('/', accountPages);
  app.route('/', invitationPages);
  app.route('/', inboxPages);
  app.route('/', routingPages);
  app.route('/', notificationPages);
  app.route('/', savedReplyPages);
  app.route('/', mentionPages);
  app.route('/', sourcePages);
  app.route('/', topicPages);
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
