import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { TOPIC_KINDS } from './schema';
import { TopicChange, TopicInput } from './topic.input';
import { createTopic, deleteTopic, getTopic, listTopics, publicTopic, updateTopic } from './topics.service';

const Topic = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(TOPIC_KINDS),
    query: z.string().openapi({ example: 'acme OR "acme cloud" -job #acme @acmehq' }),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Topic');

const tags = ['topics'];
const read = [requirePermission('inbox:read')];
const write = [requirePermission('settings:manage')];

export const topicsApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/topics',
      tags,
      summary: 'Tracked topics',
      security: AUTHENTICATED,
      middleware: read,
      responses: { 200: json(z.object({ items: z.array(Topic) }), 'Topics'), ...errors(401, 403) },
    }),
    async (c) =>
      c.json({ items: (await listTopics(c.var.deps.db, requireActor(c).workspaceId)).map(publicTopic) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/topics',
      tags,
      summary: 'Track a brand, competitor, product or campaign',
      description:
        'Query syntax: words (all must appear), "exact phrases", OR, -exclusions, #hashtags, @handles, (groups).',
      security: AUTHENTICATED,
      middleware: write,
      request: { body: { content: { 'application/json': { schema: TopicInput } }, required: true } },
      responses: { 201: json(Topic, 'Created'), ...errors(401, 403, 409, 422) },
    }),
    async (c) => c.json(publicTopic(await createTopic(c.var.deps.db, requireActor(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/topics/{id}',
      tags,
      summary: 'One topic',
      security: AUTHENTICATED,
      middleware: read,
      request: { params: IdParam },
      responses: { 200: json(Topic, 'The topic'), ...errors(401, 403, 404) },
    }),
    async (c) =>
      c.json(publicTopic(await getTopic(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/topics/{id}',
      tags,
      summary: 'Change a topic',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: TopicChange } }, required: true },
      },
      responses: { 200: json(Topic, 'Updated'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        publicTopic(
          await updateTopic(
            c.var.deps.db,
            requireActor(c),
            c.req.valid('param').id,
            c.req.valid('json'),
            c.var.deps.clock(),
          ),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/topics/{id}',
      tags,
      summary: 'Stop tracking a topic',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deleteTopic(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
