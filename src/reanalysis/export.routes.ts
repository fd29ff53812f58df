import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors } from '../http/openapi';
import { correctedMentions } from '../mentions';
import { CORRECTION_COLUMNS, correctionsCsv } from './corrections-csv';

/** Staff corrections as labelled data, for training a workspace's own model (docs: README, Sentiment). */
export const correctionsExportApi = createApi().openapi(
  createRoute({
    method: 'get',
    path: '/analysis/corrections.csv',
    tags: ['analysis'],
    summary: 'Mentions whose sentiment or intents staff corrected, as labelled examples (CSV)',
    description: 'Read by `npm run train:sentiment -- --with-corrections FILE`.',
    security: AUTHENTICATED,
    // The whole workspace's corrections at once, to train the model everyone's labels come from: admin work.
    middleware: [requirePermission('settings:manage')],
    responses: {
      200: {
        description: `CSV: ${CORRECTION_COLUMNS.join(', ')}`,
        content: { 'text/csv': { schema: z.string() } },
      },
      ...errors(401, 403),
    },
  }),
  async (c) => {
    const rows = await correctedMentions(c.var.deps.db, requireActor(c).workspaceId, { intents: true });
    c.header('Content-Disposition', 'attachment; filename="corrections.csv"');
    return c.body(correctionsCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  },
);
