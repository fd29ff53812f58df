import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { googleRest } from '../google/google-client';
import {
  GOOGLE_TOKEN_URL,
  type GoogleOAuthCredentials,
  googleOAuthCredentialsSchema,
  refreshedAccessToken,
} from '../google/google-token';
import { accountIdSchema, locationIdSchema } from './review-names';

/**
 * A Business Profile source: the account, the locations whose reviews are read (each a stage of the sweep),
 * and the addresses of the API and of Google's token endpoint (stand-ins answer there in tests). The sign-in is
 * Connect Google's refresh token with the business.manage scope; an access token is fetched from it and
 * reused until a minute before it ends.
 */
export const BUSINESS_PROFILE_URL = 'https://mybusiness.googleapis.com/';
export const LABEL = 'Google Business Profile';
export const PLATFORM = 'google_reviews';

export const googleReviewsConfigSchema = z.object({
  accountId: accountIdSchema,
  locationIds: z
    .array(locationIdSchema)
    .min(1)
    .max(100)
    .transform((ids) => [...new Set(ids)]),
  baseUrl: z.url().default(BUSINESS_PROFILE_URL),
  tokenUrl: z.url().default(GOOGLE_TOKEN_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type GoogleReviewsConfig = z.infer<typeof googleReviewsConfigSchema>;

export const googleReviewsCredentialsSchema = googleOAuthCredentialsSchema;
export type GoogleReviewsCredentials = GoogleOAuthCredentials;

export interface ReviewsCallContext {
  config: GoogleReviewsConfig;
  credentials: GoogleReviewsCredentials;
  http: OutboundHttp;
  signal?: AbortSignal | undefined;
  /** The poll's clock: token renewal and a throttle's reset time count from it. */
  now?: Date | undefined;
}

export type ReviewsApi = ReturnType<typeof googleRest>;

/** JSON calls to the v4 API with a fresh access token; Google's errors arrive as ConnectorErrors. */
export async function reviewsApi(ctx: ReviewsCallContext): Promise<ReviewsApi> {
  const { config, credentials, http, signal, now } = ctx;
  const accessToken = await refreshedAccessToken(
    { http, tokenUrl: config.tokenUrl, label: LABEL, platform: PLATFORM, now, signal },
    credentials,
  );
  return googleRest({
    http,
    baseUrl: config.baseUrl,
    accessToken,
    label: LABEL,
    platform: PLATFORM,
    timeoutMs: config.timeoutMs,
    signal,
    ...(now ? { now: () => now } : {}),
  });
}
