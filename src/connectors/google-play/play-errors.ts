import { googleReasons, nextPacificMidnight, parseGoogleError } from '../google/google-errors';
import { ConnectorError } from '../types';

/**
 * The Play Developer API's answers that mean more than googleError can tell from the status and reason:
 *
 * - Quotas. Play counts reviews per app (GET, to list or read reviews: 200 an hour; POST, to reply: 2,000 a
 *   day) beside the project's quotas (200,000 queries a day; 3,000 a minute per bucket). All come back as
 *   Google's quota error, `usageLimits` / `rateLimitExceeded`, 403 PERMISSION_DENIED or 429
 *   RESOURCE_EXHAUSTED, with the limit named in the message ("... and limit 'Queries per day' of service
 *   'androidpublisher.googleapis.com' ...") and in the ErrorInfo detail's `quota_limit`
 *   ("defaultPerDayPerProject"). googleError waits a minute for `rateLimitExceeded`; a day's limit waits here
 *   until midnight Pacific (when Google's days start) and an hour's for an hour.
 * - Access. A service account that was never invited to the app in Play Console (or lacks "View app
 *   information" / "Reply to reviews") gets 403 PERMISSION_DENIED ("The caller does not have permission",
 *   reason `forbidden`), or from older paths 401 with reason `permissionDenied`. Either way the key is fine
 *   and a person has to grant access in Play Console; a plain 401 (`authError`) is a token Google no longer
 *   takes, left to googleError.
 *
 * - An unknown package name: 404 `applicationNotFound`, not to be taken for a deleted review.
 *
 * Google's message is read for the limit's period only; it is never repeated (the address may be anyone's).
 */
const QUOTA_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded']);
const ACCESS_REASONS = new Set(['forbidden', 'permissionDenied', 'insufficientPermissions']);
const HOUR_MS = 3_600_000;

export type QuotaPeriod = 'day' | 'hour' | 'minute' | null;

/** Which period an exceeded quota counts over, from ErrorInfo's `quota_limit` or the limit's name. */
export function quotaPeriod(body: unknown): QuotaPeriod {
  const err = parseGoogleError(body);
  if (!err) return null;
  const details = Array.isArray((err as { details?: unknown }).details)
    ? ((err as { details: unknown[] }).details as { metadata?: { quota_limit?: unknown } }[])
    : [];
  const limits = details.flatMap((d) => (typeof d?.metadata?.quota_limit === 'string' ? [d.metadata.quota_limit] : []));
  const said = [...limits, typeof err.message === 'string' ? err.message.slice(0, 2000) : ''].join(' ');
  if (/per\s?day|daily/i.test(said)) return 'day';
  if (/per\s?hour|hourly/i.test(said)) return 'hour';
  if (/per\s?minute/i.test(said)) return 'minute';
  return null;
}

export interface PlayErrorContext {
  status: number;
  body: unknown;
  label: string;
  platform: string;
  now: Date;
}

/** A Play answer as our ConnectorError where Play means more than googleError reads; otherwise null. */
export function playError(ctx: PlayErrorContext): ConnectorError | null {
  const body = parseGoogleError(ctx.body);
  if (!body) return null;
  const reasons = googleReasons(body);
  const base = { status: ctx.status, platform: ctx.platform };
  const said = reasons.length ? ` (${reasons.join(', ')})` : '';
  if (reasons.some((r) => QUOTA_REASONS.has(r))) {
    const period = quotaPeriod(ctx.body);
    if (period === 'day')
      return new ConnectorError(
        'rate_limited',
        `${ctx.label}: a daily quota is used up (Play takes 2,000 replies a day per app); ` +
          'waiting until midnight Pacific time',
        { ...base, resetAt: nextPacificMidnight(ctx.now) },
      );
    if (period === 'hour')
      return new ConnectorError(
        'rate_limited',
        `${ctx.label}: the hourly quota is used up (Play counts 200 review reads an hour per app); waiting an hour`,
        { ...base, resetAt: new Date(ctx.now.getTime() + HOUR_MS) },
      );
    return null;
  }
  if (ctx.status === 404 && reasons.includes('applicationNotFound'))
    return new ConnectorError(
      'invalid_request',
      `${ctx.label} answered HTTP 404 (applicationNotFound): no app with this package name is in the Play Console ` +
        'account of the service account; check the package name',
      base,
    );
  const status = typeof body.status === 'string' ? body.status : '';
  const denied =
    (ctx.status === 403 && (status === 'PERMISSION_DENIED' || reasons.some((r) => ACCESS_REASONS.has(r)))) ||
    (ctx.status === 401 && reasons.includes('permissionDenied'));
  if (denied)
    return new ConnectorError(
      'auth',
      `${ctx.label} answered HTTP ${ctx.status}${said}: give the service account access to the app in Play Console ` +
        '(Users and permissions: "View app information" and "Reply to reviews")',
      base,
    );
  return null;
}
