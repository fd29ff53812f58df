import { z } from '@hono/zod-openapi';
import { PLATFORMS } from '../core/platforms';
import { MAX_BACKFILL_DAYS } from './backfill';
import { inputWords as w, said } from '../http/input-words';

/**
 * One schema per action, shared by the JSON API (sources routes) and Settings > Sources. A page's config and
 * credentials fields are its platform's (platform-forms.ts, platformFormFields).
 */

const Interval = z.number().int().min(30).max(86_400);

/** Reviews' apps and locations (their ids as the platform names them) mapped to product topics; null unmaps. */
export const PlaceTopics = z
  .record(z.string().trim().min(1).max(200), z.uuid().nullable())
  .refine((r) => Object.keys(r).length <= 500, said(w.places, { max: 500 }))
  .openapi({ description: 'Review places (app id, Google location id) -> product topic id; null removes' });

export const CreateSource = z
  .object({
    platform: z.enum(PLATFORMS),
    name: z.string().trim().min(1, said(w.required)).max(80),
    config: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        'Platform settings, e.g. {"baseUrl": "https://mastodon.social"}; checked by the platform\'s connector',
    }),
    credentials: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'Platform credentials; encrypted at rest, never returned' }),
    pollIntervalSeconds: Interval.optional(),
  })
  .openapi('CreateSource');

export const UpdateSource = z
  .object({
    name: z.string().trim().min(1, said(w.required)).max(80).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    credentials: z.record(z.string(), z.unknown()).optional(),
    pollIntervalSeconds: Interval.optional(),
    paused: z.boolean().optional(),
    placeTopics: PlaceTopics.optional(),
  })
  .openapi('UpdateSource');

export const BackfillInput = z.object({ days: z.number().int().min(1).max(MAX_BACKFILL_DAYS) });
