import { createRoute, z } from '@hono/zod-openapi';
import { INSTANT_BOUNDS_MESSAGE, instantInBounds } from '../core/days';
import { toCsv } from '../core/csv';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { INTENTS } from '../sentiment';
import { SENTIMENT_LABELS } from './schema';
import { PLATFORMS } from '../core/platforms';
import { listTopics } from '../topics';
import { Mention, mentionToApi } from './api-shape';
import { correctedMentions, listMentions } from './list';

const Query = z.object({
  source: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  topic: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).refine(instantInBounds, INSTANT_BOUNDS_MESSAGE).optional(),
  to: z.iso.datetime({ offset: true }).refine(instantInBounds, INSTANT_BOUNDS_MESSAGE).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Full-text search (web-search syntax: words, "phrases", -exclusions, OR)' }),
  includeDeleted: z.enum(['true', 'false']).optional(),
  sentiment: z.enum(SENTIMENT_LABELS).optional().openapi({ description: 'Effective label (staff override first)' }),
  intent: z.enum(INTENTS).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const mentionsApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/mentions/labels.csv',
      tags: ['mentions'],
      summary: 'Mentions whose sentiment staff corrected, as labelled data (CSV)',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      responses: {
        200: {
          description:
            'CSV: id, platform, language, text, label, model_label, model_score, analysis_version, labelled_at',
          content: { 'text/csv': { schema: z.string() } },
        },
        ...errors(401, 403),
      },
    }),
    async (c) => {
      const rows = await correctedMentions(c.var.deps.db, requireActor(c).workspaceId);
      // Post texts are anyone's words: the one CSV writer guards the ones a spreadsheet would run.
      const csv = toCsv(
        rows.map((m) => [
          m.id,
          m.platform,
          m.language,
          m.text,
          m.sentimentOverride,
          m.sentimentLabel,
          m.sentimentScore,
          m.analysisVersion,
          m.sentimentOverrideAt?.toISOString(),
        ]),
        [
          'id',
          'platform',
          'language',
          'text',
          'label',
          'model_label',
          'model_score',
          'analysis_version',
          'labelled_at',
        ],
      );
      c.header('Content-Disposition', 'attachment; filename="sentiment-labels.csv"');
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/mentions',
      tags: ['mentions'],
      summary: 'Mentions, newest first, with filters and keyset pagination',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      request: { query: Query },
      responses: {
        200: json(z.object({ items: z.array(Mention), next: z.string().nullable() }), 'A page of mentions'),
        ...errors(401, 403, 422),
      },
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
          ...(q.sentiment ? { sentiment: q.sentiment } : {}),
          ...(q.intent ? { intent: q.intent } : {}),
          ...(q.language ? { language: q.language } : {}),
        }),
        listTopics(c.var.deps.db, actor.workspaceId),
      ]);
      const names = new Map(topics.map((t) => [t.id, t.name]));
      return c.json({ items: page.items.map((m) => mentionToApi(m, names)), next: page.next }, 200);
    },
  );
