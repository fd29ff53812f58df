import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../server/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../server/openapi';
import { PLATFORMS } from '../sources/schema';
import { listTopics } from '../topics/topics.service';
import { listMentions, type MentionRow } from './list';

const Mention = z
  .object({
    id: z.string(),
    sourceId: z.string().nullable(),
    platform: z.enum(PLATFORMS),
    externalId: z.string(),
    url: z.string().nullable(),
    kind: z.string(),
    title: z.string().nullable(),
    text: z.string(),
    lang: z.string().nullable(),
    postedAt: z.string(),
    author: z.object({
      externalId: z.string().nullable(),
      handle: z.string().nullable(),
      name: z.string().nullable(),
      followers: z.number().nullable(),
      url: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      verified: z.boolean(),
    }),
    replyToExternalId: z.string().nullable(),
    threadExternalId: z.string().nullable(),
    metrics: z.record(z.string(), z.number()),
    topics: z.array(z.object({ id: z.string(), name: z.string() })),
    editedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
    raw: z.unknown().openapi({ description: 'The post exactly as the platform sent it' }),
  })
  .openapi('Mention');

const Query = z.object({
  source: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  topic: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Full-text search (web-search syntax: words, "phrases", -exclusions, OR)' }),
  includeDeleted: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

const toApi = (m: MentionRow, topicNames: Map<string, string>) => ({
  id: m.id,
  sourceId: m.sourceId,
  platform: m.platform,
  externalId: m.externalId,
  url: m.url,
  kind: m.kind,
  title: m.title,
  text: m.text,
  lang: m.lang,
  postedAt: m.postedAt.toISOString(),
  author: { externalId: m.authorExternalId, handle: m.authorHandle, name: m.authorName, followers: m.authorFollowers, url: m.authorUrl, avatarUrl: m.authorAvatarUrl, verified: m.authorVerified },
  replyToExternalId: m.replyToExternalId,
  threadExternalId: m.threadExternalId,
  metrics: m.metrics,
  topics: m.topicIds.filter((id) => topicNames.has(id)).map((id) => ({ id, name: topicNames.get(id)! })),
  editedAt: m.editedAt?.toISOString() ?? null,
  deletedAt: m.deletedAt?.toISOString() ?? null,
  raw: m.raw,
});

export const mentionsApi = createApi().openapi(
  createRoute({
    method: 'get',
    path: '/mentions',
    tags: ['mentions'],
    summary: 'Mentions, newest first, with filters and keyset pagination',
    security: AUTHENTICATED,
    middleware: [requirePermission('inbox:read')],
    request: { query: Query },
    responses: { 200: json(z.object({ items: z.array(Mention), next: z.string().nullable() }), 'A page of mentions'), ...errors(401, 403, 422) },
  }),
  async (c) => {
    const actor = requireActor(c);
    const q = c.req.valid('query');
    const [page, topics] = await Promise.all([
      listMentions(c.var.deps.db, actor.workspaceId, {
        limit: q.limit,
        ...(q.source ? { sourceId: q.source } : {}),
        ...(q.platform ? { platform: q.platform } : {}),
        ...(q.topic ? { topicId: q.topic } : {}),
        ...(q.from ? { from: new Date(q.from) } : {}),
        ...(q.to ? { to: new Date(q.to) } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        includeDeleted: q.includeDeleted === 'true',
      }),
      listTopics(c.var.deps.db, actor.workspaceId),
    ]);
    const names = new Map(topics.map((t) => [t.id, t.name]));
    return c.json({ items: page.items.map((m) => toApi(m, names)), next: page.next }, 200);
  },
);
