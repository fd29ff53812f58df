import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { runInBackground } from '../http/background';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { sourceError } from './errors';
import { pollSource } from './poller';
import { SOURCE_STATUSES } from './schema';
import { PLATFORMS } from '../core/platforms';
import { BackfillInput, CreateSource, UpdateSource } from './source.input';
import {
  createSource,
  deleteSource,
  getSource,
  listSources,
  publicSource,
  startSourceBackfill,
  updateSource,
  verifySource,
} from './sources.service';

const Source = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    name: z.string(),
    config: z.record(z.string(), z.unknown()),
    hasCredentials: z.boolean().openapi({ description: 'Credentials are stored encrypted and never returned' }),
    credentialsCleared: z.boolean().openapi({
      description:
        'An address in config moved to another host, so the stored credentials were removed; send them again ' +
        '(PATCH credentials)',
    }),
    status: z.enum(SOURCE_STATUSES),
    paused: z.boolean(),
    pollIntervalSeconds: z.number(),
    nextPollAt: z.string(),
    polling: z.boolean().openapi({ description: 'A poll of this source is running right now' }),
    lastPolledAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    consecutiveFailures: z.number(),
    backfill: z
      .object({
        days: z.number(),
        since: z.string(),
        status: z.enum(['running', 'done', 'failed']),
        pages: z.number(),
        fetched: z.number(),
        inserted: z.number(),
        percent: z.number(),
        oldestAt: z.string().nullable(),
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
      })
      .nullable(),
    lastWebhookAt: z.string().nullable().openapi({ description: 'When the platform last pushed to this source' }),
    webhooksLive: z.boolean().openapi({
      description: 'Pushed to within the last day: polled only as a safety net (six times slower, 30 min at least)',
    }),
    token: z
      .object({ expiresAt: z.string().nullable(), scopes: z.array(z.string()).nullable() })
      .nullable()
      .openapi({
        description:
          'A token from Connect with Facebook or Threads: when it (or its access to data) ends, and what it may ' +
          'do. Admins are told 7 days before; reconnecting renews it.',
      }),
    createdAt: z.string(),
  })
  .openapi('Source');

const PollAnswer = z
  .object({
    fetched: z.number(),
    inserted: z.number(),
    duplicates: z.number(),
    status: z.enum(['ok', 'failed']),
    error: z.string().nullable(),
  })
  .openapi('PollAnswer');

const tags = ['sources'];
const read = [requirePermission('inbox:read')];
const write = [requirePermission('settings:manage')];

export const sourcesApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/sources',
      tags,
      summary: 'Connected sources and their health',
      security: AUTHENTICATED,
      middleware: read,
      responses: { 200: json(z.object({ items: z.array(Source) }), 'Sources'), ...errors(401, 403) },
    }),
    async (c) =>
      c.json(
        {
          items: (await listSources(c.var.deps.db, requireActor(c).workspaceId)).map((s) =>
            publicSource(s, c.var.deps.clock()),
          ),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sources',
      tags,
      summary: 'Connect a platform account or feed',
      security: AUTHENTICATED,
      middleware: write,
      request: { body: { content: { 'application/json': { schema: CreateSource } }, required: true } },
      responses: { 201: json(Source, 'Created'), ...errors(401, 403, 422) },
    }),
    async (c) =>
      c.json(
        publicSource(
          await createSource(c.var.deps, requireActor(c), c.req.valid('json'), c.var.deps.clock()),
          c.var.deps.clock(),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sources/{id}',
      tags,
      summary: 'One source',
      security: AUTHENTICATED,
      middleware: read,
      request: { params: IdParam },
      responses: { 200: json(Source, 'The source'), ...errors(401, 403, 404) },
    }),
    async (c) =>
      c.json(
        publicSource(
          await getSource(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id),
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/sources/{id}',
      tags,
      summary: 'Rename, reconfigure, replace credentials, pause or resume',
      description:
        'A config whose address (baseUrl, feedUrl...) moves to another scheme, host or port removes the stored ' +
        'credentials (answered as credentialsCleared: true) unless new ones come in the same request.',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam, body: { content: { 'application/json': { schema: UpdateSource } }, required: true } },
      responses: { 200: json(Source, 'Updated'), ...errors(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        publicSource(
          await updateSource(
            c.var.deps,
            requireActor(c),
            c.req.valid('param').id,
            c.req.valid('json'),
            c.var.deps.clock(),
          ),
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/sources/{id}',
      tags,
      summary: 'Disconnect a source (its mentions stay)',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deleteSource(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sources/{id}/poll',
      tags,
      summary: 'Poll now',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 200: json(PollAnswer, 'What the poll found'), ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const source = await getSource(c.var.deps.db, actor.workspaceId, c.req.valid('param').id);
      const outcome = await pollSource(c.var.deps, source.id, { force: true });
      if (outcome.status === 'skipped') throw sourceError('SOURCE_BUSY');
      return c.json(
        {
          fetched: outcome.fetched,
          inserted: outcome.inserted,
          duplicates: outcome.duplicates,
          status: outcome.status,
          error: outcome.status === 'failed' ? outcome.error : null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sources/{id}/backfill',
      tags,
      summary: 'Fetch the last N days (up to 30, as far as the platform keeps them) beside regular polling',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': { schema: BackfillInput },
          },
          required: true,
        },
      },
      responses: { 202: json(Source, 'Started; its progress is in backfill'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const source = await startSourceBackfill(
        c.var.deps.db,
        actor,
        c.req.valid('param').id,
        c.req.valid('json').days,
        c.var.deps.clock(),
      );
      runInBackground(c, pollSource(c.var.deps, source.id, { force: true }));
      return c.json(publicSource(source, c.var.deps.clock()), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sources/{id}/verify',
      tags,
      summary: 'Check the stored credentials with the platform',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({ ok: z.boolean(), account: z.string().nullable(), message: z.string() }),
          'The platform’s answer',
        ),
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      // The API answers in English, as documented: `said` is for pages.
      const { said: _said, ...answer } = await verifySource(
        c.var.deps,
        requireActor(c).workspaceId,
        c.req.valid('param').id,
      );
      return c.json(answer, 200);
    },
  );
