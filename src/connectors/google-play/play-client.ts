import type { androidpublisher_v3 } from '@googleapis/androidpublisher';
import type { OutboundHttp } from '../../http/outbound';
import { type GoogleCallOptions, googleApiOptions, viaGoogleApi } from '../google/google-client';
import { readServiceAccountKey, type ServiceAccountKey, serviceAccountToken } from '../google/google-token';
import { ConnectorError } from '../types';
import { playError } from './play-errors';

/**
 * The Play Developer API's reviews through Google's maintained client (@googleapis/androidpublisher, loaded
 * on first use: it is large and only Play sources need it), on our outbound guard, with an access token for
 * the service account's key (an RS256 assertion for the androidpublisher scope, reused for its hour).
 */
export const PLAY_SCOPE = 'https://www.googleapis.com/auth/androidpublisher';
export const PLAY_LABEL = 'Google Play';
export const PLAY_PLATFORM = 'google_play';

export interface PlaySettings {
  packageName: string;
  baseUrl: string;
  tokenUrl: string;
  timeoutMs: number;
}

export interface PlayCall {
  config: PlaySettings;
  credentials: { serviceAccountJson: string };
  http: OutboundHttp;
  signal?: AbortSignal | undefined;
}

export interface PlayClient {
  key: ServiceAccountKey;
  reviews: androidpublisher_v3.Resource$Reviews;
  /** Runs one call; Play's and Google's error answers become ConnectorErrors. */
  run<T>(call: (reviews: androidpublisher_v3.Resource$Reviews) => Promise<{ data: T }>): Promise<T>;
}

let loaded: Promise<typeof import('@googleapis/androidpublisher')> | undefined;

export async function playClient(c: PlayCall): Promise<PlayClient> {
  const key = readServiceAccountKey(c.credentials.serviceAccountJson);
  const accessToken = await serviceAccountToken(
    {
      http: c.http,
      tokenUrl: c.config.tokenUrl,
      label: PLAY_LABEL,
      platform: PLAY_PLATFORM,
      signal: c.signal,
    },
    key,
    PLAY_SCOPE,
  );
  const o: GoogleCallOptions = {
    http: c.http,
    baseUrl: c.config.baseUrl,
    accessToken,
    label: PLAY_LABEL,
    platform: PLAY_PLATFORM,
    timeoutMs: c.config.timeoutMs,
    signal: c.signal,
  };
  loaded ??= import('@googleapis/androidpublisher');
  const { androidpublisher } = await loaded;
  const reviews = androidpublisher({ version: 'v3', ...googleApiOptions(o) }).reviews;
  return {
    key,
    reviews,
    run: (call) =>
      viaGoogleApi(o, async () => {
        try {
          return await call(reviews);
        } catch (err) {
          throw playSpecific(err) ?? err;
        }
      }),
  };
}

/** Play's own meanings (quota periods, access in Play Console) before googleError's general ones. */
function playSpecific(err: unknown): ConnectorError | null {
  if (err instanceof ConnectorError) return null;
  const res = (err as { response?: { status?: unknown; data?: unknown } } | null)?.response;
  if (!res || typeof res.status !== 'number') return null;
  return playError({ status: res.status, body: res.data, label: PLAY_LABEL, platform: PLAY_PLATFORM, now: new Date() });
}

/** Did Play answer that this review is not there (deleted)? An unknown app is not that. */
export const isNotFound = (err: unknown) =>
  err instanceof ConnectorError && err.details.status === 404 && !/applicationNotFound/.test(err.message);
