import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type CsvCell, toCsv } from '../core/csv';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { AlertSettingsInput } from './alerts.input';
import { getAlertSettings, listAlerts, saveAlertSettings } from './alerts.service';
import { requestCalendar as calendarOf } from './request-calendar';
import { responseTimes } from './response-times';
import { ratingStats } from './ratings';
import {
  inOrder,
  inOrderError,
  platformBreakdown,
  ReportFilters,
  ReportQuery,
  resolveRange,
  sentimentSeries,
  shareOfVoice,
  TERM_KINDS,
  topAuthors,
  topTerms,
} from './series';

const tags = ['reports'];
const read = [requirePermission('reports:read')];

/** A CSV download of rows (the one writer guards cells that would run as spreadsheet formulas). */
function csv(c: Context, filename: string, columns: string[], rows: CsvCell[][]) {
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(toCsv(rows, columns), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}

const Point = z
  .object({
    date: z.string(),
    positive: z.number(),
    neutral: z.number(),
    negative: z.number(),
    uncertain: z.number().openapi({
      description: "Model labels less sure than the workspace's confidence threshold, counted apart (never neutral)",
    }),
    unscored: z.number(),
    total: z.number(),
    net: z.number(),
  })
  .openapi('SentimentPoint');
const Range = z.object({ from: z.string(), to: z.string() });
const csvResponse = { 'text/csv': { schema: z.string() } };
const ResponseStats = z
  .object({
    conversations: z.number(),
    answered: z.number(),
    medianFirstResponseMinutes: z.number().nullable(),
    resolved: z.number(),
    medianResolutionMinutes: z.number().nullable(),
    withinSlaPercent: z.number().nullable(),
    breaches: z.number(),
  })
  .openapi('ResponseStats');
const AlertSettings = z
  .object({
    enabled: z.boolean(),
    volumeFactor: z.number(),
    minVolume: z.number(),
    negativeShareRise: z.number(),
    webhookUrl: z.string().nullable(),
    webhookSecretSet: z.boolean(),
  })
  .openapi('AlertSettings');

export const reportsApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/sentiment',
      tags,
      summary: 'Mentions per day or week by sentiment (staff corrections counted), with net sentiment; ?format=csv',
      description:
        "Days run from midnight to midnight in the workspace's time zone; a week is named by its first day, " +
        "the workspace's week start.",
      security: AUTHENTICATED,
      middleware: read,
      request: { query: ReportQuery },
      responses: {
        200: {
          description: 'The series',
          content: {
            'application/json': { schema: z.object({ range: Range, series: z.array(Point) }) },
            ...csvResponse,
          },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await sentimentSeries(
        c.var.deps.db,
        requireActor(c).workspaceId,
        q,
        c.var.deps.clock(),
        await calendarOf(c),
      );
      if (q.format === 'csv')
        return csv(
          c,
          `sentiment-${r.range.from}-${r.range.to}.csv`,
          ['date', 'positive', 'neutral', 'negative', 'uncertain', 'unscored', 'total', 'net'],
          r.series.map((p) => [p.date, p.positive, p.neutral, p.negative, p.uncertain, p.unscored, p.total, p.net]),
        );
      return c.json(r, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/share-of-voice',
      tags,
      summary: 'Share of voice across brand, product and competitor topics, each with its sentiment; ?format=csv',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: ReportQuery },
      responses: {
        200: {
          description: 'Topics, most mentioned first',
          content: {
            'application/json': {
              schema: z.object({
                range: Range,
                items: z.array(
                  z.object({
                    topicId: z.string(),
                    name: z.string(),
                    kind: z.string(),
                    total: z.number(),
                    share: z.number(),
                    positive: z.number(),
                    neutral: z.number(),
                    negative: z.number(),
                    uncertain: z.number(),
                    net: z.number(),
                  }),
                ),
              }),
            },
            ...csvResponse,
          },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await shareOfVoice(
        c.var.deps.db,
        requireActor(c).workspaceId,
        q,
        c.var.deps.clock(),
        await calendarOf(c),
      );
      if (q.format === 'csv')
        return csv(
          c,
          `share-of-voice-${r.range.from}-${r.range.to}.csv`,
          ['topic', 'kind', 'total', 'share', 'positive', 'neutral', 'negative', 'uncertain', 'net'],
          r.items.map((i) => [i.name, i.kind, i.total, i.share, i.positive, i.neutral, i.negative, i.uncertain, i.net]),
        );
      return c.json(r, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/top-terms',
      tags,
      summary: 'The most used key terms, hashtags or aspects of the range, split by sentiment; ?format=csv',
      security: AUTHENTICATED,
      middleware: read,
      request: {
        query: ReportFilters.omit({ interval: true })
          .extend({
            kind: z.enum(TERM_KINDS).default('term'),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          })
          .refine(inOrder, inOrderError),
      },
      responses: {
        200: {
          description: 'Terms, most used first',
          content: {
            'application/json': {
              schema: z.object({
                range: Range,
                kind: z.enum(TERM_KINDS),
                items: z.array(
                  z.object({
                    term: z.string(),
                    total: z.number(),
                    positive: z.number(),
                    neutral: z.number(),
                    negative: z.number(),
                  }),
                ),
              }),
            },
            ...csvResponse,
          },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const range = resolveRange(q, c.var.deps.clock(), await calendarOf(c));
      const items = await topTerms(c.var.deps.db, requireActor(c).workspaceId, range, q.kind, q.limit, q);
      if (q.format === 'csv')
        return csv(
          c,
          `top-${q.kind}s-${range.from}-${range.to}.csv`,
          [q.kind, 'total', 'positive', 'neutral', 'negative'],
          items.map((i) => [i.term, i.total, i.positive, i.neutral, i.negative]),
        );
      return c.json({ range, kind: q.kind, items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/authors',
      tags,
      summary: 'The authors of the range’s mentions by volume or by reach (their CRM contacts); ?format=csv',
      security: AUTHENTICATED,
      middleware: read,
      request: {
        query: ReportFilters.omit({ interval: true })
          .extend({
            by: z.enum(['volume', 'reach']).default('volume'),
            limit: z.coerce.number().int().min(1).max(100).default(10),
          })
          .refine(inOrder, inOrderError),
      },
      responses: {
        200: {
          description: 'Authors',
          content: {
            'application/json': {
              schema: z.object({
                range: Range,
                by: z.enum(['volume', 'reach']),
                items: z.array(
                  z.object({
                    contactId: z.string(),
                    name: z.string(),
                    followers: z.number(),
                    mentions: z.number(),
                    score: z.number(),
                    stage: z.string(),
                  }),
                ),
              }),
            },
            ...csvResponse,
          },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const range = resolveRange(q, c.var.deps.clock(), await calendarOf(c));
      const items = await topAuthors(c.var.deps.db, requireActor(c).workspaceId, range, q.by, q.limit, q);
      if (q.format === 'csv')
        return csv(
          c,
          `authors-by-${q.by}-${range.from}-${range.to}.csv`,
          ['contact_id', 'name', 'followers', 'mentions', 'score', 'stage'],
          items.map((i) => [i.contactId, i.name, i.followers, i.mentions, i.score, i.stage]),
        );
      return c.json({ range, by: q.by, items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/platforms',
      tags,
      summary: 'Mentions per platform in the range, by sentiment; ?format=csv',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: ReportQuery },
      responses: {
        200: {
          description: 'Platforms, most mentions first',
          content: {
            'application/json': {
              schema: z.object({
                range: Range,
                items: z.array(
                  z.object({
                    platform: z.string(),
                    total: z.number(),
                    positive: z.number(),
                    neutral: z.number(),
                    negative: z.number(),
                    uncertain: z.number(),
                  }),
                ),
              }),
            },
            ...csvResponse,
          },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const range = resolveRange(q, c.var.deps.clock(), await calendarOf(c));
      const items = await platformBreakdown(c.var.deps.db, requireActor(c).workspaceId, q, range);
      if (q.format === 'csv')
        return csv(
          c,
          `platforms-${range.from}-${range.to}.csv`,
          ['platform', 'total', 'positive', 'neutral', 'negative', 'uncertain'],
          items.map((i) => [i.platform, i.total, i.positive, i.neutral, i.negative, i.uncertain]),
        );
      return c.json({ range, items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/ratings',
      tags,
      summary:
        "Reviews written in the range (the board's and platforms'): how many of each rating, the average, the " +
        'average per week, recommendations, per platform; ?format=csv',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: ReportQuery },
      responses: {
        200: {
          description: 'Ratings',
          content: {
            'application/json': {
              schema: z.object({
                range: Range,
                total: z.number(),
                average: z.number().nullable(),
                distribution: z.record(z.string(), z.number()),
                weeks: z.array(z.object({ week: z.string(), average: z.number(), count: z.number() })),
                recommendations: z
                  .object({ positive: z.number(), negative: z.number(), positiveShare: z.number().nullable() })
                  .openapi({ description: "Facebook's recommends / does not recommend (no stars)" }),
                byPlatform: z.array(
                  z.object({
                    platform: z.string(),
                    reviews: z.number(),
                    rated: z.number().openapi({ description: 'Reviews with stars (1-5)' }),
                    average: z.number().nullable().openapi({ description: "This platform's average stars" }),
                    positive: z.number(),
                    negative: z.number(),
                  }),
                ),
              }),
            },
            ...csvResponse,
          },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const cal = await calendarOf(c);
      const range = resolveRange(q, c.var.deps.clock(), cal);
      const r = await ratingStats(c.var.deps, requireActor(c).workspaceId, range, cal, q.topic, q);
      if (q.format === 'csv')
        return csv(
          c,
          `ratings-${range.from}-${range.to}.csv`,
          ['week', 'reviews', 'average'],
          r.weeks.map((w) => [w.week, w.count, w.average]),
        );
      return c.json({ range, ...r }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/response-times',
      tags,
      summary:
        'Inbox response times for conversations started in the range: median first response and resolution, ' +
        'share within SLA (unanswered past due counts as a miss), by agent; ?format=csv',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: ReportQuery },
      responses: {
        200: {
          description: 'Overall and per agent',
          content: {
            'application/json': {
              schema: z.object({
                range: Range,
                overall: ResponseStats,
                byAgent: z.array(ResponseStats.extend({ userId: z.string().nullable(), name: z.string() })),
              }),
            },
            ...csvResponse,
          },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const now = c.var.deps.clock();
      const cal = await calendarOf(c);
      const range = resolveRange(q, now, cal);
      const r = await responseTimes(c.var.deps.db, requireActor(c).workspaceId, range, q, now, cal);
      if (q.format === 'csv') {
        const rowsOf = [{ name: 'All', ...r.overall }, ...r.byAgent];
        return csv(
          c,
          `response-times-${range.from}-${range.to}.csv`,
          [
            'agent',
            'conversations',
            'answered',
            'median_first_response_minutes',
            'resolved',
            'median_resolution_minutes',
            'within_sla_percent',
            'breaches',
          ],
          rowsOf.map((x) => [
            x.name,
            x.conversations,
            x.answered,
            x.medianFirstResponseMinutes,
            x.resolved,
            x.medianResolutionMinutes,
            x.withinSlaPercent,
            x.breaches,
          ]),
        );
      }
      return c.json({ range, ...r }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/alerts',
      tags,
      summary: 'Spike alerts, newest first, with the mentions that caused them',
      security: AUTHENTICATED,
      middleware: read,
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                topicId: z.string(),
                topic: z.string(),
                reasons: z.array(z.string()),
                windowStart: z.string(),
                windowEnd: z.string(),
                volume: z.number(),
                baselineVolume: z.number(),
                negativeShare: z.number(),
                baselineNegativeShare: z.number(),
                mentionIds: z.array(z.string()),
                webhookStatus: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          'Alerts',
        ),
        ...errors(401, 403),
      },
    }),
    async (c) => {
      const list = await listAlerts(c.var.deps.db, requireActor(c).workspaceId);
      return c.json(
        {
          items: list.map(({ alert: a, topic }) => ({
            id: a.id,
            topicId: a.topicId,
            topic,
            reasons: a.reasons,
            windowStart: a.windowStart.toISOString(),
            windowEnd: a.windowEnd.toISOString(),
            volume: a.volume,
            baselineVolume: a.baselineVolume,
            negativeShare: a.negativeShare,
            baselineNegativeShare: a.baselineNegativeShare,
            mentionIds: a.mentionIds,
            webhookStatus: a.webhookStatus,
            createdAt: a.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/alert-settings',
      tags,
      summary: 'Spike thresholds and the alert webhook (the secret is never shown)',
      security: AUTHENTICATED,
      middleware: read,
      responses: { 200: json(AlertSettings, 'Settings'), ...errors(401, 403) },
    }),
    async (c) => c.json(await getAlertSettings(c.var.deps.db, requireActor(c).workspaceId), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/reports/alert-settings',
      tags,
      summary:
        'Set spike thresholds and the webhook ' +
        '(calls are signed: header X-Social-CRM-Signature t=<unix>,v1=<hex HMAC-SHA256 of "t.body">)',
      security: AUTHENTICATED,
      middleware: [requirePermission('settings:manage')],
      request: {
        body: {
          content: {
            'application/json': {
              schema: AlertSettingsInput,
            },
          },
          required: true,
        },
      },
      responses: { 200: json(AlertSettings, 'Saved'), ...errors(401, 403, 422) },
    }),
    async (c) =>
      c.json(
        await saveAlertSettings(
          c.var.deps.db,
          c.var.deps.credentials,
          requireActor(c),
          c.req.valid('json'),
          c.var.deps.clock(),
          c.var.deps.outbound.policy,
        ),
        200,
      ),
  );
