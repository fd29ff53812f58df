import { createRoute } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { mentionToApi, MentionWithAnalysis } from '../mentions';
import { listTopics } from '../topics';
import { explainStored } from './explain.service';

/** GET /mentions/{id}: one mention with its analysis explained (here, above the vocabulary it is read with). */
export const explainApi = createApi().openapi(
  createRoute({
    method: 'get',
    path: '/mentions/{id}',
    tags: ['mentions'],
    summary: 'One mention, with its analysis and what decided its label',
    description:
      'The explanation is found again by the current analyzer, with the workspace vocabulary, on the stored ' +
      'title and text; `analysis.outdated` says when the stored label is an older analyzer version’s.',
    security: AUTHENTICATED,
    middleware: [requirePermission('inbox:read')],
    request: { params: IdParam },
    responses: {
      200: json(MentionWithAnalysis, 'The mention and its analysis'),
      ...errors(401, 403, 404),
    },
  }),
  async (c) => {
    const { workspaceId } = requireActor(c);
    const db = c.var.deps.db;
    const [{ mention, analysis }, topics] = await Promise.all([
      explainStored(db, workspaceId, c.req.valid('param').id),
      listTopics(db, workspaceId),
    ]);
    return c.json({ ...mentionToApi(mention, new Map(topics.map((t) => [t.id, t.name]))), analysis }, 200);
  },
);
