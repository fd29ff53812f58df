import { importPKCS8, SignJWT } from 'jose';
import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { parseJson } from '../answer';
import { ConnectorError, outboundFailure } from '../types';

/**
 * Access tokens from Google's token endpoint, two ways: a refresh token (Connect Google: YouTube and
 * Business Profile, offline access) and a service account's signed assertion (Google Play: the JSON key's
 * RS256 private key, RFC 7523). Tokens live an hour; each is reused until a minute before it ends, per
 * credentials (never across them), in memory only. A refused grant (`invalid_grant`: revoked, expired,
 * a deleted key) is an `auth` error: the source turns failing and asks for a reconnect.
 */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const RENEW_BEFORE_MS = 60_000;
const ASSERTION_LIFETIME_S = 3600;

/** What Connect Google stores (sealed), or a person pastes: the app's client and the granted refresh token. */
export const googleOAuthCredentialsSchema = z.object({
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().trim().min(1).max(300),
  refreshToken: z.string().trim().min(1).max(2000),
});
export type GoogleOAuthCredentials = z.infer<typeof googleOAuthCredentialsSchema>;

/** The fields of a service account's JSON key we use (Google adds more; they are ignored). */
export const serviceAccountKeySchema = z.object({
  type: z.literal('service_account'),
  client_email: z.email().max(320),
  private_key_id: z.string().min(1).max(200),
  private_key: z.string().includes('PRIVATE KEY').max(10_000),
});
export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

/** The uploaded JSON key, read: its fields, or why it is not one (never echoing the key). */
export function readServiceAccountKey(json: string): ServiceAccountKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConnectorError('auth', 'The service account key is not JSON: upload the .json file Google gave you.');
  }
  const key = serviceAccountKeySchema.safeParse(parsed);
  if (!key.success)
    throw new ConnectorError(
      'auth',
      'The file is not a service account key (type "service_account" with client_email and private_key).',
    );
  return key.data;
}

const TOKEN = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive().optional() });

interface Cached {
  token: string;
  expiresAt: number;
}
const cache = new Map<string, Cached>();
const MAX_CACHED = 1000;

export interface TokenRequest {
  http: OutboundHttp;
  tokenUrl: string;
  label: string;
  platform: string;
  now?: Date;
  signal?: AbortSignal | undefined;
}

/** An access token for a refresh token (grant_type=refresh_token). */
export function refreshedAccessToken(req: TokenRequest, c: GoogleOAuthCredentials): Promise<string> {
  return cached(`r\u0000${req.tokenUrl}\u0000${c.clientId}\u0000${c.refreshToken}`, req, async () => ({
    grant_type: 'refresh_token',
    refresh_token: c.refreshToken,
    client_id: c.clientId,
    client_secret: c.clientSecret,
  }));
}

/** An access token for a service account (grant_type=jwt-bearer with an RS256 assertion for `scope`). */
export function serviceAccountToken(req: TokenRequest, key: ServiceAccountKey, scope: string): Promise<string> {
  return cached(
    `s\u0000${req.tokenUrl}\u0000${key.private_key_id}\u0000${key.private_key}\u0000${scope}`,
    req,
    async () => {
      const now = Math.floor((req.now ?? new Date()).getTime() / 1000);
      let pk: CryptoKey;
      try {
        pk = await importPKCS8(key.private_key.trim(), 'RS256');
      } catch {
        throw new ConnectorError(
          'auth',
          "The service account key's private key cannot be read: upload the file again.",
          {
            platform: req.platform,
          },
        );
      }
      const assertion = await new SignJWT({ scope })
        .setProtectedHeader({ alg: 'RS256', kid: key.private_key_id, typ: 'JWT' })
        .setIssuer(key.client_email)
        .setAudience(req.tokenUrl)
        .setIssuedAt(now)
        .setExpirationTime(now + ASSERTION_LIFETIME_S)
        .sign(pk);
      return { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion };
    },
  );
}

/** Forgets every cached token (tests that replace a grant on the fake). */
export function forgetGoogleTokens() {
  cache.clear();
}

async function cached(key: string, req: TokenRequest, form: () => Promise<Record<string, string>>): Promise<string> {
  const now = (req.now ?? new Date()).getTime();
  const hit = cache.get(key);
  if (hit && hit.expiresAt - RENEW_BEFORE_MS > now) return hit.token;
  const token = await requestToken(req, await form());
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, { token: token.access_token, expiresAt: now + (token.expires_in ?? 3600) * 1000 });
  return token.access_token;
}

async function requestToken(req: TokenRequest, form: Record<string, string>) {
  const timeout = AbortSignal.timeout(15_000);
  let res: Response;
  let text: string;
  try {
    res = await req.http.fetch(req.tokenUrl, {
      method: 'POST',
      redirect: 'manual',
      signal: req.signal ? AbortSignal.any([timeout, req.signal]) : timeout,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
    text = await res.text();
  } catch (err) {
    throw outboundFailure(err, `Could not reach Google's sign-in for ${req.label}`, req.platform);
  }
  const body = parseJson(`Google's sign-in`, req.platform, text, res.headers.get('content-type'));
  if (!res.ok) {
    const code = (body as { error?: unknown } | null)?.error;
    const word = typeof code === 'string' && /^[\w-]{1,40}$/.test(code) ? code : `HTTP ${res.status}`;
    const base = { status: res.status, platform: req.platform };
    if (res.status === 429) throw new ConnectorError('rate_limited', `Google's sign-in: too many requests`, base);
    if (res.status >= 500) throw new ConnectorError('transient', `Google's sign-in answered ${word}`, base);
    // invalid_grant: the refresh token was revoked or expired, or the key was deleted; invalid_client: the app.
    throw new ConnectorError(
      'auth',
      `Google refused the sign-in for ${req.label} (${word}): reconnect the account or upload a new key`,
      base,
    );
  }
  const token = TOKEN.safeParse(body);
  if (!token.success)
    throw new ConnectorError('transient', `Google's sign-in answered without an access token`, {
      platform: req.platform,
    });
  return token.data;
}
