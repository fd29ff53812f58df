import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { Mention, mentionToApi } from '../mentions';
import { MentionIntentsBody, MentionSentimentBody } from './corrections.input';
import { overrideIntents, overrideSentiment } from './corrections.service';

/** Staff correct a mention's sentiment or intents through the API. */
export const correctionsApi = createApi()
  .openapi(
    createRoute({
      method: 'patch',
      path: '/mentions/{id}/sentiment',
      tags: ['mentions'],
      summary: "Correct a mention's sentiment (kept, used by reports and exported as labelled data)",
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:write')],
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: MentionSentimentBody } }, required: true },
      },
      responses: {
        200: json(z.object({ id: z.string(), sentiment: Mention.shape.sentiment }), 'Updated'),
        ...errors(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const m = await overrideSentiment(
        c.var.deps.db,
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').label,
        c.var.deps.clock(),
      );
      return c.json({ id: m.id, sentiment: mentionToApi(m, new Map()).sentiment }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/mentions/{id}/intents',
      tags: ['mentions'],
      summary: "Correct a mention's intents (kept, used by filters, priority, contact scores and reports)",
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:write')],
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: MentionIntentsBody } }, required: true },
      },
      responses: {
        200: json(
          z.object({
            id: z.string(),
            intents: z.array(z.string()),
            intentsOverride: z.array(z.string()).nullable(),
            effectiveIntents: z.array(z.string()),
          }),
          'Updated',
        ),
        ...errors(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const m = await overrideIntents(
        c.var.deps.db,
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').intents,
        c.var.deps.clock(),
      );
      return c.json(
        {
          id: m.id,
          intents: m.intents,
          intentsOverride: m.intentsOverride,
          effectiveIntents: m.intentsOverride ?? m.intents,
        },
        200,
      );
    },
  );
