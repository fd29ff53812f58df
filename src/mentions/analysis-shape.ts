import { z } from '@hono/zod-openapi';
import { Mention } from './api-shape';
import { SENTIMENT_LABELS } from './schema';

const Probabilities = z.object({ negative: z.number(), neutral: z.number(), positive: z.number() });

const Contribution = z.object({
  kind: z.enum(['word', 'emoji', 'emoticon', 'hashtag', 'rule', 'lexicon']).openapi({
    description: "rule: a feature of the text as a whole (negation, contrast, …); lexicon: the workspace's own term",
  }),
  text: z.string(),
  weight: z.number().openapi({ description: 'Pushed towards positive (> 0) or negative (< 0)' }),
});

/** What decided a mention's label, found again by today's analyzer on the stored text. */
const Explanation = z
  .object({
    by: z.enum(['model', 'rules']).openapi({ description: 'The learned model, or the lexicon rules' }),
    about: z.string().openapi({ description: 'What the model was trained on, or which rules decided' }),
    label: z.enum(SENTIMENT_LABELS).openapi({ description: "Today's label for the text (may differ if outdated)" }),
    confidence: z.number(),
    probabilities: Probabilities.optional().openapi({ description: 'Each label’s probability (model only)' }),
    contributions: z.array(Contribution).openapi({ description: 'The deciding words and rules, strongest first' }),
  })
  .openapi('AnalysisExplanation');

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
