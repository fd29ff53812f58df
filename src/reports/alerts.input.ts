import { z } from '@hono/zod-openapi';
import { said } from '../http/input-words';
import { reportInputWords as w } from './messages';

/** One schema per action, shared by the JSON API (reports routes) and the alerts page's form. */
export const AlertSettingsInput = z.object({
  enabled: z.boolean().default(true),
  volumeFactor: z.number().min(1.5).max(100).default(3),
  minVolume: z.number().int().min(1).max(100_000).default(20),
  negativeShareRise: z.number().min(0.05).max(1).default(0.25),
  webhookUrl: z
    .url({ protocol: /^https?$/, ...said(w.webhookUrl) })
    .nullable()
    .default(null),
  webhookSecret: z
    .string()
    .min(16, said(w.secretLength, { min: 16 }))
    .max(200)
    .optional(),
});

/**
 * The alerts page's form: the same settings, with the negative share's rise in percentage points (25, not
 * 0.25) and a checkbox for `enabled` (unticked is off). A blank number keeps its default, a blank secret
 * the one stored, a blank webhook address removes the webhook.
 */
export const AlertSettingsForm = AlertSettingsInput.extend({
  enabled: z.boolean(),
  negativeShareRise: z.number().min(5).max(100).optional(),
})
  .transform(
    ({ negativeShareRise, ...f }): z.input<typeof AlertSettingsInput> => ({
      ...f,
      ...(negativeShareRise === undefined ? {} : { negativeShareRise: negativeShareRise / 100 }),
    }),
  )
  .pipe(AlertSettingsInput);

export const ALERT_SETTINGS_FORM = {
  labels: {
    volumeFactor: 'Volume',
    minVolume: 'Mentions at least',
    negativeShareRise: 'Negative share',
    webhookUrl: 'Webhook URL',
    webhookSecret: 'Signing secret',
  },
};
