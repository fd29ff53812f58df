import { z } from '@hono/zod-openapi';
import { OVERRIDE_LABELS } from '../mentions';
import { INTENTS } from '../sentiment';

/** One schema per action, shared by the JSON API (corrections routes) and the correction form under a post. */

export const MentionIntentsBody = z
  .object({
    intents: z
      .array(z.enum(INTENTS))
      .max(INTENTS.length)
      .nullable()
      .openapi({ description: 'The intents this post really has ([] for none); null clears the correction' }),
  })
  .openapi('IntentsOverride');

export const MentionSentimentBody = z
  .object({ label: z.enum(OVERRIDE_LABELS).nullable().openapi({ description: 'null clears the override' }) })
  .openapi('SentimentOverride');
