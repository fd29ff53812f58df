import { Cron } from 'croner';
import { ConnectorError } from '../types';

/**
 * Google's API errors (YouTube Data API, Business Profile, Play Developer API) in terms the poller acts on.
 * Google answers `{"error": {"code", "message", "status", "errors": [{"domain", "reason", "message"}]}}`:
 * - `quotaExceeded` / `dailyLimitExceeded` (403): the project's daily units are spent; they return at
 *   midnight Pacific time, so the source waits until then;
 * - `rateLimitExceeded`, `userRateLimitExceeded` (403) and 429 / RESOURCE_EXHAUSTED: too fast; wait for
 *   Retry-After, else a minute;
 * - 401, and 403 for a missing permission: a person has to reconnect or grant access;
 * - 5xx: Google's own trouble, retried with backoff.
 * Google's message text is not repeated (the address may be anyone's server); reasons and statuses are.
 */
export interface GoogleErrorBody {
  code?: unknown;
  message?: unknown;
  status?: unknown;
  errors?: unknown;
}

const safeWord = (v: unknown) => (typeof v === 'string' && /^[\w.-]{1,64}$/.test(v) ? v : undefined);

/** The reasons in Google's `errors` list (`quotaExceeded`, `commentsDisabled`, ...). */
export function googleReasons(body: GoogleErrorBody | null): string[] {
  const list = Array.isArray(body?.errors) ? (body.errors as { reason?: unknown }[]) : [];
  return list.flatMap((e) => (safeWord(e?.reason) ? [e.reason as string] : []));
}

/** Reads Google's error object out of an answer body, if it is one. */
export function parseGoogleError(body: unknown): GoogleErrorBody | null {
  let v = body;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  const e = (v as { error?: unknown } | null)?.error;
  return e && typeof e === 'object' ? (e as GoogleErrorBody) : null;
}

const DAILY_QUOTA = new Set(['quotaExceeded', 'dailyLimitExceeded', 'dailyLimitExceededUnreg']);
const TOO_FAST = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
/** Without a Retry-After, a throttled source waits this long. */
export const DEFAULT_GOOGLE_THROTTLE_MS = 60_000;

const pacificMidnight = new Cron('0 0 * * *', { timezone: 'America/Los_Angeles', paused: true });
/** When Google's daily quotas start again: the next midnight in California (PST or PDT). */
export function nextPacificMidnight(now: Date): Date {
  return pacificMidnight.nextRun(now) ?? new Date(now.getTime() + 86_400_000);
}

export interface GoogleErrorContext {
  status: number;
  headers?: Headers | Record<string, string | undefined> | undefined;
  body: unknown;
  label: string;
  platform: string;
  now: Date;
}

function header(h: GoogleErrorContext['headers'], name: string): string | null {
  if (!h) return null;
  if (h instanceof Headers) return h.get(name);
  const hit = Object.entries(h).find(([k]) => k.toLowerCase() === name);
  return hit?.[1] ?? null;
}

function retryAfter(h: GoogleErrorContext['headers'], now: Date): Date {
  const v = header(h, 'retry-after');
  const s = v !== null && /^\d{1,6}$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (Number.isFinite(s)) return new Date(now.getTime() + s * 1000);
  const at = v ? Date.parse(v) : Number.NaN;
  return Number.isFinite(at) && at > now.getTime()
    ? new Date(at)
    : new Date(now.getTime() + DEFAULT_GOOGLE_THROTTLE_MS);
}

/** One Google error answer as a ConnectorError. */
export function googleError(ctx: GoogleErrorContext): ConnectorError {
  const body = parseGoogleError(ctx.body);
  const reasons = googleReasons(body);
  const status = safeWord(body?.status);
  const said = [...reasons, ...(status ? [status] : [])].join(', ');
  const base = { status: ctx.status, platform: ctx.platform };
  const what = `${ctx.label} answered HTTP ${ctx.status}${said ? ` (${said})` : ''}`;
  if (reasons.some((r) => DAILY_QUOTA.has(r))) {
    const resetAt = nextPacificMidnight(ctx.now);
    return new ConnectorError(
      'rate_limited',
      `${ctx.label}: the daily quota of the Google Cloud project is used up; polling resumes at midnight Pacific time`,
      { ...base, resetAt },
    );
  }
  if (ctx.status === 429 || status === 'RESOURCE_EXHAUSTED' || reasons.some((r) => TOO_FAST.has(r)))
    return new ConnectorError('rate_limited', `${what}: too many requests; waiting`, {
      ...base,
      resetAt: retryAfter(ctx.headers, ctx.now),
    });
  if (ctx.status === 401)
    return new ConnectorError('auth', `${what}: the sign-in is no longer valid; reconnect the account`, base);
  if (ctx.status === 403) return new ConnectorError('auth', `${what}: the account lacks a permission this needs`, base);
  if (ctx.status >= 500) return new ConnectorError('transient', what, base);
  return new ConnectorError('invalid_request', what, base);
}
