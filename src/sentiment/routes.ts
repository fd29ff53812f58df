import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, json } from '../http/openapi';
import { sentimentError } from './errors';
import { ExplanationSchema } from './explanation.schema';
import { INTENTS } from './intent-names';
import { loadAnalyzer } from './load';

export const MAX_TEXTS = 1000;
export const MAX_TEXT_LENGTH = 10_000;

const AnalysisSchema = z
  .object({
    version: z.number(),
    language: z.string().nullable(),
    score: z.number().openapi({ description: '-1 (very negative) .. 1 (very positive)' }),
    label: z
      .enum(['positive', 'neutral', 'negative', 'unscored'])
      .openapi({ description: 'unscored: a language the analyzer does not score' }),
    confidence: z.number().openapi({ description: "0..1: the model's probability of its label" }),
    explanation: ExplanationSchema.nullable().openapi({ description: 'What decided the label; null when unscored' }),
    intents: z.array(z.enum(INTENTS)),
    aspects: z.array(z.object({ term: z.string(), sentiment: z.enum(['positive', 'negative']), score: z.number() })),
    keyTerms: z.array(z.string()),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    urls: z.array(z.string()),
    emoji: z.array(z.string()),
  })
  .openapi('Analysis');

const AnalyzeBody = z
  .object({
    text: z.string().optional(),
    texts: z
      .array(z.string())
      .optional()
      .openapi({ description: `At most ${MAX_TEXTS} texts; answers an array in the same order` }),
  })
  .openapi('AnalyzeRequest');

export const analyzeApi = createApi().openapi(
  createRoute({
    method: 'post',
    path: '/analyze',
    tags: ['sentiment'],
    summary: 'Analyse text: sentiment, language, intents, aspects, key terms',
    security: AUTHENTICATED,
    request: { body: { content: { 'application/json': { schema: AnalyzeBody } }, required: true } },
    responses: {
      200: json(z.union([AnalysisSchema, z.array(AnalysisSchema)]), 'One analysis, or an array for texts'),
      ...errors(401, 413, 422),
    },
  }),
  async (c) => {
    requireActor(c);
    const body = c.req.valid('json');
    if ((body.text === undefined) === (body.texts === undefined)) throw sentimentError('TEXT_OR_TEXTS');
    const texts = body.texts ?? [body.text!];
    if (texts.length > MAX_TEXTS) throw sentimentError('TOO_MANY_TEXTS', { max: MAX_TEXTS, count: texts.length });
    const tooLong = texts.findIndex((t) => t.length > MAX_TEXT_LENGTH);
    if (tooLong >= 0)
      throw sentimentError('TEXT_TOO_LONG', { index: tooLong, max: MAX_TEXT_LENGTH }, { index: tooLong });
    const { analyze } = await loadAnalyzer();
    const results = texts.map((t) => analyze(t));
    return c.json(body.texts ? results : results[0]!, 200);
  },
);
