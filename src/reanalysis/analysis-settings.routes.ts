import { createRoute } from '@hono/zod-openapi';
import { confidenceThreshold } from '../accounts';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { AnalysisSettingsBody } from './confidence-threshold.input';
import { setConfidenceThreshold } from './confidence-threshold.service';

/** The workspace's analysis settings: the confidence threshold below which a label is uncertain. */
export const analysisSettingsApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/analysis/settings',
      tags: ['analysis'],
      summary: "The workspace's analysis settings (the confidence threshold)",
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      responses: { 200: json(AnalysisSettingsBody, 'The settings'), ...errors(401, 403) },
    }),
    async (c) =>
      c.json({ confidenceThreshold: await confidenceThreshold(c.var.deps.db, requireActor(c).workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/analysis/settings',
      tags: ['analysis'],
      summary: 'Set the confidence threshold; the report rollups and open conversations follow at once',
      security: AUTHENTICATED,
      middleware: [requirePermission('settings:manage')],
      request: { body: { content: { 'application/json': { schema: AnalysisSettingsBody } }, required: true } },
      responses: { 200: json(AnalysisSettingsBody, 'The settings now'), ...errors(401, 403, 422) },
    }),
    async (c) => {
      const r = await setConfidenceThreshold(
        c.var.deps.db,
        requireActor(c),
        c.req.valid('json').confidenceThreshold,
        c.var.deps.clock(),
      );
      return c.json({ confidenceThreshold: r.to }, 200);
    },
  );
