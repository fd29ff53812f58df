import { createRoute } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { WorkspaceSettings, WorkspaceSettingsBody } from './workspace-settings.input';
import { updateWorkspaceSettings, workspaceSettings } from './workspaces.service';

/** /workspace: the signed-in workspace's name and its readers' defaults (language, zone, week start, du/Sie). */
export const workspaceApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/workspace',
      tags: ['auth'],
      summary: "This workspace's name, default language, time zone, week start and the board's du/Sie",
      security: AUTHENTICATED,
      responses: { 200: json(WorkspaceSettings, 'The workspace'), ...errors(401) },
    }),
    async (c) => c.json(await workspaceSettings(c.var.deps.db, requireActor(c).workspaceId), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/workspace',
      tags: ['auth'],
      summary: "Change this workspace's name, default language, time zone, week start or the board's du/Sie",
      description:
        "Reports count days in the workspace's time zone and weeks from its week start. A new time zone has the " +
        'reports recount their days in the background (minutes for a large workspace); a new week start takes ' +
        'effect at once.',
      security: AUTHENTICATED,
      middleware: [requirePermission('workspace:manage')],
      request: { body: { content: { 'application/json': { schema: WorkspaceSettingsBody } }, required: true } },
      responses: { 200: json(WorkspaceSettings, 'The workspace as changed'), ...errors(401, 403, 422) },
    }),
    async (c) => c.json(await updateWorkspaceSettings(c.var.deps, requireActor(c), c.req.valid('json')), 200),
  );
