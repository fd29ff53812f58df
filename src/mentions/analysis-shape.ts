import { z } from '@hono/zod-openapi';
import { Mention } from './api-shape';
import { ExplanationSchema } from '../sentiment';
import { SENTIMENT_LABELS } from './schema';

/** What decided a mention's label, found again by today's analyzer on the stored text. */
const Explanation = ExplanationSchema.extend({
  label: z.enum(SENTIMENT_LABELS).openapi({ description: "Today's label for the text (may differ if outdated)" }),
  confidence: z.number(),
}).openapi('AnalysisExplanation');

export const MentionAnalysis = z
  .object({
    label: z.enum(SENTIMENT_LABELS).nullable().openapi({ description: "The analyzer's label as stored" }),
    score: z.number().nullable(),
    confidence: z.number().nullable().openapi({ description: "0..1, the analyzer's certainty (null: unknown)" }),
    version: z.number().nullable().openapi({ description: 'The analyzer version that stored the analysis' }),
    currentVersion: z.number(),
    outdated: z.boolean().openapi({
      description: 'The stored analysis is an older analyzer version’s; the explanation is today’s analyzer’s',
    }),
    override: z.enum(SENTIMENT_LABELS).nullable().openapi({ description: "Staff's correction (never uncertain)" }),
    effectiveLabel: z.enum(SENTIMENT_LABELS),
    uncertain: z.boolean().openapi({ description: "The stored label's confidence is below the threshold" }),
    threshold: z.number().openapi({ description: "The workspace's confidence threshold" }),
    explanation: Explanation.nullable().openapi({ description: 'null when the language is not scored' }),
  })
  .openapi('MentionAnalysis');

/** One mention with its analysis explained (GET /mentions/{id}). */
export const MentionWithAnalysis = Mention.extend({ analysis: MentionAnalysis }).openapi('MentionWithAnalysis');
