import { z } from '@hono/zod-openapi';

/** One schema for the setting, shared by the JSON API and the Settings > Analysis form. */
export const AnalysisSettingsBody = z
  .object({
    confidenceThreshold: z
      .number()
      .min(0)
      .max(1)
      .openapi({
        description:
          'A model label less sure than this (0..1, to two places) is shown as uncertain, counted apart in ' +
          'reports and raises no priority. 0: never uncertain',
      }),
  })
  .openapi('AnalysisSettings');
