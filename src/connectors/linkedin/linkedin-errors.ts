import { ConnectorError } from '../types';

/**
 * LinkedIn's API errors in terms the poller acts on. LinkedIn answers
 * `{"status": 401, "serviceErrorCode": 65602, "code": "EXPIRED_ACCESS_TOKEN", "message": "..."}`:
 * - 401: the token expired (65602), was revoked by the member (65601), is not valid (65600) or is missing:
 *   a person has to reconnect (or the refresh hook renews it before it ends);
 * - 403 ACCESS_DENIED (serviceErrorCode 100): the token lacks the permission this call needs, or the member is
 *   no longer an admin of the Page; the caller names the permission, LinkedIn's text does not;
 * - 429: LinkedIn counts calls per app and per member per day, and the day starts at midnight UTC, so a
 *   throttled source waits until then unless a Retry-After says sooner;
 * - 426: the pinned LinkedIn-Version is no longer served;
 * - 5xx: LinkedIn's own trouble, retried with backoff.
 * LinkedIn's message text is never repeated (the address may be anyone's server); codes and statuses are.
 */
export interface LinkedInErrorBody {
  status?: unknown;
  serviceErrorCode?: unknown;
  code?: unknown;
  message?: unknown;
}

const TOKEN_WHY: Record<string, string> = {
  EXPIRED_ACCESS_TOKEN: 'the token expired',
  REVOKED_ACCESS_TOKEN: 'the member revoked the app’s access',
  INVALID_ACCESS_TOKEN: 'the token is not valid',
  EMPTY_ACCESS_TOKEN: 'no token was sent',
};
const TOKEN_CODES: Record<number, string> = {
  65600: 'INVALID_ACCESS_TOKEN',
  65601: 'REVOKED_ACCESS_TOKEN',
  65602: 'EXPIRED_ACCESS_TOKEN',
  65604: 'EMPTY_ACCESS_TOKEN',
};

const safeCode = (v: unknown) => (typeof v === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(v) ? v : undefined);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** LinkedIn's error object out of an answer body, if it is one. */
export function parseLinkedInError(text: string): LinkedInErrorBody | null {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as LinkedInErrorBody) : null;
  } catch {
    return null;
  }
}

/** When LinkedIn's daily limits start again: the next midnight UTC. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

function retryAfter(headers: Headers, now: Date): Date | undefined {
  const v = headers.get('retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d{1,6}$/.test(v)) return new Date(now.getTime() + Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) && at > now.getTime() ? new Date(at) : undefined;
}

export interface LinkedInErrorContext {
  status: number;
  headers: Headers;
  text: string;
  /** The OAuth permission the call needs (r_organization_social, w_organization_social, rw_organization_admin). */
  permission: string;
  now: Date;
}

export function linkedinError(c: LinkedInErrorContext): ConnectorError {
  const e = parseLinkedInError(c.text);
  const service = int(e?.serviceErrorCode);
  const code = safeCode(e?.code) ?? (service !== undefined ? TOKEN_CODES[service] : undefined);
  const said = [code, service !== undefined ? String(service) : undefined].filter(Boolean).join('/');
  const detail = `HTTP ${c.status}${said ? `, ${said}` : ''}`;
  const d = { status: c.status, platform: 'linkedin' };
  if (c.status === 429) {
    const resetAt = retryAfter(c.headers, c.now) ?? nextUtcMidnight(c.now);
    return new ConnectorError(
      'rate_limited',
      `LinkedIn's call limit is reached (${detail}); polling resumes at ${resetAt.toISOString()}.`,
      { ...d, resetAt },
    );
  }
  if (c.status === 401) {
    const why = (code && TOKEN_WHY[code]) ?? 'the token was refused';
    return new ConnectorError(
      'auth',
      `LinkedIn refused the access token (${detail}: ${why}). Reconnect the account.`,
      d,
    );
  }
  if (c.status === 403)
    return new ConnectorError(
      'auth',
      `LinkedIn denied access (${detail}): the connection needs the permission ${c.permission} and an admin ` +
        'role on the Page. Reconnect and grant it.',
      d,
    );
  if (c.status === 426)
    return new ConnectorError(
      'invalid_request',
      `LinkedIn no longer serves the API version we ask for (${detail}).`,
      d,
    );
  if (c.status >= 500) return new ConnectorError('transient', `LinkedIn had a temporary problem (${detail}).`, d);
  return new ConnectorError('invalid_request', `LinkedIn rejected the request (${detail}).`, d);
}
