import { ConnectorError } from '../types';

/**
 * App Store Connect API errors in terms the poller acts on. Apple answers JSON:API error documents,
 * `{"errors": [{"id", "status", "code", "title", "detail", "source"}]}`:
 * - 401 NOT_AUTHORIZED: the token was refused (key revoked, or issuer id / key id / .p8 not matching);
 * - 403 FORBIDDEN_ERROR: the key's role does not allow the request;
 * - 429 RATE_LIMIT_EXCEEDED: the key's hourly budget (`X-Rate-Limit: user-hour-lim:3600;user-hour-rem:0;`) is
 *   spent. The hour is a rolling one, so without a Retry-After the source waits a whole hour;
 * - 404 NOT_FOUND, 409 ENTITY_ERROR.*, 400 PARAMETER_ERROR.*: a request Apple will not take as it is;
 * - 5xx: Apple's own trouble, retried with backoff.
 * Apple's `title` and `detail` are never repeated (the base URL may be anyone's server); codes are.
 */
export const APP_STORE_LABEL = 'App Store Connect';
const PLATFORM = 'app_store';

/** Reading reviews and answering them: Apple's roles that may respond to customer reviews. */
export const REVIEW_ROLES = 'Admin, App Manager or Customer Support';

const ROLLING_HOUR_MS = 3_600_000;

export interface AppleError {
  status: string | null;
  code: string | null;
}

const safeCode = (v: unknown) => (typeof v === 'string' && /^[A-Z0-9_.]{1,80}$/.test(v) ? v : null);

/** The first error of Apple's error document, reduced to what may be repeated (status and code). */
export function parseAppleError(text: string): AppleError | null {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    const first = Array.isArray(body?.errors) ? (body.errors[0] as Record<string, unknown> | undefined) : undefined;
    if (!first || typeof first !== 'object') return null;
    return { status: typeof first.status === 'string' ? first.status : null, code: safeCode(first.code) };
  } catch {
    return null;
  }
}

/** `user-hour-lim:3600;user-hour-rem:0;` as numbers, when the header says them. */
export function parseRateLimit(header: string | null): { limit: number | null; remaining: number | null } {
  const read = (name: string) => {
    const m = new RegExp(`(?:^|;)\\s*${name}:(\\d{1,9})`).exec(header ?? '');
    return m ? Number(m[1]) : null;
  };
  return { limit: read('user-hour-lim'), remaining: read('user-hour-rem') };
}

/** When to ask again: Retry-After (seconds or a date) if Apple sends one, else an hour on (a rolling hour). */
export function rateLimitResetAt(headers: Headers, now: Date): Date {
  const v = headers.get('retry-after')?.trim();
  if (v && /^\d{1,6}$/.test(v)) return new Date(now.getTime() + Number(v) * 1000);
  const at = v ? Date.parse(v) : Number.NaN;
  if (Number.isFinite(at) && at > now.getTime()) return new Date(at);
  return new Date(now.getTime() + ROLLING_HOUR_MS);
}

export interface AppStoreErrorContext {
  status: number;
  headers: Headers;
  text: string;
  now: Date;
}

export function appStoreError(c: AppStoreErrorContext): ConnectorError {
  const e = parseAppleError(c.text);
  const said = `HTTP ${c.status}${e?.code ? ` ${e.code}` : ''}`;
  const d = { status: c.status, platform: PLATFORM };
  // Apple's code, not ours (the error catalogue checks our comparisons).
  const appleCode = e?.code;
  if (c.status === 429 || appleCode === 'RATE_LIMIT_EXCEEDED') {
    const resetAt = rateLimitResetAt(c.headers, c.now);
    const { limit } = parseRateLimit(c.headers.get('x-rate-limit'));
    const budget = limit !== null ? ` of ${limit} requests an hour` : '';
    const minutes = Math.max(1, Math.round((resetAt.getTime() - c.now.getTime()) / 60_000));
    return new ConnectorError(
      'rate_limited',
      `${APP_STORE_LABEL} rate limit reached (${said}): the API key's budget${budget} is used up; ` +
        `polling resumes in about ${minutes} minutes.`,
      { ...d, resetAt },
    );
  }
  if (c.status === 401)
    return new ConnectorError(
      'auth',
      `${APP_STORE_LABEL} refused the API key (${said}): the key was revoked, or the issuer id, key id and .p8 ` +
        'file do not belong together. Generate a new key in App Store Connect (Users and Access, Integrations).',
      d,
    );
  if (c.status === 403)
    return new ConnectorError(
      'auth',
      `${APP_STORE_LABEL} says the API key may not do this (${said}): customer reviews need a key with the ` +
        `${REVIEW_ROLES} role.`,
      d,
    );
  if (c.status >= 500)
    return new ConnectorError('transient', `${APP_STORE_LABEL} had a temporary problem (${said}).`, d);
  if (c.status === 404)
    return new ConnectorError('invalid_request', `${APP_STORE_LABEL} does not know this app or review (${said}).`, d);
  return new ConnectorError('invalid_request', `${APP_STORE_LABEL} rejected the request (${said}).`, d);
}

/** Was this Apple's "not found" (a review deleted, a review without a response)? */
export const isNotFound = (err: unknown) => err instanceof ConnectorError && err.details.status === 404;
