import { z } from '@hono/zod-openapi';

/** What decided a sentiment label, as the API returns it (analyze()'s `explanation`; the mentions API's too). */
export const ExplanationSchema = z
  .object({
    by: z.enum(['model', 'rules']).openapi({ description: 'The learned model, or the lexicon rules' }),
    about: z.string().openapi({ description: 'What the model was trained on, or which rules decided' }),
    trainedOn: z
      .array(z.string())
      .optional()
      .openapi({ description: 'The data sets the model learnt from, by name (model only)' }),
    rulesLanguage: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'The language whose lexicon rules decided; null: faces and emoji alone (rules only)' }),
    probabilities: z
      .object({ negative: z.number(), neutral: z.number(), positive: z.number() })
      .optional()
      .openapi({ description: 'Each label’s probability (model only)' }),
    contributions: z
      .array(
        z.object({
          kind: z.enum(['word', 'emoji', 'emoticon', 'hashtag', 'rule', 'lexicon']).openapi({
            description:
              "rule: a feature of the text as a whole (negation, contrast, …); lexicon: the workspace's own term",
          }),
          text: z.string(),
          weight: z.number().openapi({ description: 'Pushed towards positive (> 0) or negative (< 0)' }),
        }),
      )
      .openapi({ description: 'The deciding words and rules, strongest first' }),
  })
  .openapi('SentimentExplanation');
