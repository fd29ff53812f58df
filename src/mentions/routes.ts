import { createRoute, z } from '@hono/zod-openapi';
import { INSTANT_BOUNDS_MESSAGE, instantInBounds } from '../core/days';
import { toCsv } from '../core/csv';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { INTENTS } from '../sentiment';
import { OVERRIDE_LABELS, SENTIMENT_LABELS } from './schema';
import { overriddenMentions, overrideIntents, overrideSentiment } from './sentiment.service';
import { PLATFORMS } from '../core/platforms';
import { listTopics } from '../topics/topics.service';
import { listMentions, type MentionRow } from './list';
import { MAX_TEXT } from './store';

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
    truncated: z.boolean().openapi({
      description:
        `The platform sent more than the ${MAX_TEXT.toLocaleString('en')} characters kept: ` +
        'text is the start, url the original',
    }),
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
      contactId: z.string().nullable().openapi({ description: 'The CRM contact this author is linked to' }),
    }),
    replyToExternalId: z.string().nullable(),
    threadExternalId: z.string().nullable(),
    metrics: z.record(z.string(), z.number()),
    topics: z.array(z.object({ id: z.string(), name: z.string() })),
    sentiment: z.object({
      score: z.number().nullable().openapi({ description: '-1..1 from the analyzer' }),
      label: z.enum(SENTIMENT_LABELS).nullable(),
      override: z.enum(OVERRIDE_LABELS).nullable().openapi({ description: 'Set by staff; wins everywhere' }),
      effectiveLabel: z.enum(SENTIMENT_LABELS).nullable(),
      analysisVersion: z.number().nullable(),
    }),
    language: z.string().nullable(),
    intents: z.array(z.string()).openapi({ description: 'What the analyzer found' }),
    intentsOverride: z.array(z.string()).nullable().openapi({ description: 'Set by staff; wins everywhere' }),
    effectiveIntents: z.array(z.string()),
    aspects: z.array(z.object({ term: z.string(), sentiment: z.enum(['positive', 'negative']), score: z.number() })),
    keyTerms: z.array(z.string()),
    editedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
    raw: z.unknown().openapi({ description: 'The post exactly as the platform sent it' }),
  })
  .openapi('Mention');

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

const toApi = (m: MentionRow, topicNames: Map<string, string>) => ({
  id: m.id,
  sourceId: m.sourceId,
  platform: m.platform,
  externalId: m.externalId,
  url: m.url,
  kind: m.kind,
  title: m.title,
  text: m.text,
  truncated: m.textTruncated,
  lang: m.lang,
  postedAt: m.postedAt.toISOString(),
  author: {
    externalId: m.authorExternalId,
    handle: m.authorHandle,
    name: m.authorName,
    followers: m.authorFollowers,
    url: m.authorUrl,
    avatarUrl: m.authorAvatarUrl,
    verified: m.authorVerified,
    contactId: m.contactId,
  },
  replyToExternalId: m.replyToExternalId,
  threadExternalId: m.threadExternalId,
  metrics: m.metrics,
  topics: m.topicIds.filter((id) => topicNames.has(id)).map((id) => ({ id, name: topicNames.get(id)! })),
  sentiment: {
    score: m.sentimentScore,
    label: m.sentimentLabel,
    override: m.sentimentOverride,
    effectiveLabel: m.sentimentOverride ?? m.sentimentLabel,
    analysisVersion: m.analysisVersion,
  },
  language: m.language,
  intents: m.intents,
  intentsOverride: m.intentsOverride,
  effectiveIntents: m.intentsOverride ?? m.intents,
  aspects: m.aspects,
  keyTerms: m.keyTerms,
  editedAt: m.editedAt?.toISOString() ?? null,
  deletedAt: m.deletedAt?.toISOString() ?? null,
  raw: m.raw,
});

const MentionIntentsBody = z
  .object({
    intents: z
      .array(z.enum(INTENTS))
      .max(INTENTS.length)
      .nullable()
      .openapi({ description: 'The intents this post really has ([] for none); null clears the correction' }),
  })
  .openapi('IntentsOverride');

const MentionSentimentBody = z
  .object({ label: z.enum(OVERRIDE_LABELS).nullable().openapi({ description: 'null clears the override' }) })
  .openapi('SentimentOverride');

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
      const rows = await overriddenMentions(c.var.deps.db, requireActor(c).workspaceId);
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
      return c.json({ id: m.id, sentiment: toApi(m, new Map()).sentiment }, 200);
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
      return c.json({ items: page.items.map((m) => toApi(m, names)), next: page.next }, 200);
    },
  );
