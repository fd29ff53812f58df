import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { requireActor, requirePermission } from '../server/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../server/openapi';
import { ReportQuery, sentimentSeries, shareOfVoice } from './series';

const tags = ['reports'];
const read = [requirePermission('reports:read')];

/** A CSV download of rows; cells that would run as spreadsheet formulas are neutralised. */
function csv(c: Context, filename: string, columns: string[], rows: (string | number | null)[][]) {
  const safe = rows.map((r) => r.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  return c.body(stringify(safe, { header: true, columns }), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}

const Point = z.object({ date: z.string(), positive: z.number(), neutral: z.number(), negative: z.number(), unscored: z.number(), total: z.number(), net: z.number() }).openapi('SentimentPoint');
const Range = z.object({ from: z.string(), to: z.string() });
const csvResponse = { 'text/csv': { schema: z.string() } };

export const reportsApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/sentiment',
      tags,
      summary: 'Mentions per day or week by sentiment (staff corrections counted), with net sentiment; ?format=csv',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: ReportQuery },
      responses: { 200: { description: 'The series', content: { 'application/json': { schema: z.object({ range: Range, series: z.array(Point) }) }, ...csvResponse } }, ...errors(401, 403, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await sentimentSeries(c.var.deps.db, requireActor(c).workspaceId, q, c.var.deps.clock());
      if (q.format === 'csv') return csv(c, `sentiment-${r.range.from}-${r.range.to}.csv`, ['date', 'positive', 'neutral', 'negative', 'unscored', 'total', 'net'], r.series.map((p) => [p.date, p.positive, p.neutral, p.negative, p.unscored, p.total, p.net]));
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
          content: { 'application/json': { schema: z.object({ range: Range, items: z.array(z.object({ topicId: z.string(), name: z.string(), kind: z.string(), total: z.number(), share: z.number(), positive: z.number(), neutral: z.number(), negative: z.number(), net: z.number() })) }) }, ...csvResponse },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await shareOfVoice(c.var.deps.db, requireActor(c).workspaceId, q, c.var.deps.clock());
      if (q.format === 'csv') return csv(c, `share-of-voice-${r.range.from}-${r.range.to}.csv`, ['topic', 'kind', 'total', 'share', 'positive', 'neutral', 'negative', 'net'], r.items.map((i) => [i.name, i.kind, i.total, i.share, i.positive, i.neutral, i.negative, i.net]));
      return c.json(r, 200);
    },
  );
