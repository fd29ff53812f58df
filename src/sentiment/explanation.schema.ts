import { z } from '@hono/zod-openapi';

/** What decided a sentiment label, as the API returns it (analyze()'s `explanation`). */
export const ExplanationSchema = z
  .object({
    by: z.enum(['model', 'rules']),
    about: z.string(),
    probabilities: z.object({ negative: z.number(), neutral: z.number(), positive: z.number() }).optional(),
    contributions: z.array(
      z.object({
        kind: z.enum(['word', 'emoji', 'emoticon', 'hashtag', 'rule', 'lexicon']),
        text: z.string(),
        weight: z.number().openapi({ description: 'Towards positive (+) or negative (−)' }),
      }),
    ),
  })
  .openapi('SentimentExplanation');
