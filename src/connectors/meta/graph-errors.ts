import { ConnectorError } from '../types';
import { META_PERMISSIONS } from './meta-permissions';

/**
 * Meta's errors (Graph API for Pages and Instagram, Threads API) in terms the poller acts on. Meta
 * answers `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id", "is_transient"}}`,
 * mostly with HTTP 400 whatever the cause, so the code decides, not the status:
 * - 4, 17, 32, 613 and 80000-80014 are throttling: wait until the usage headers say access returns;
 * - 190 (and 102) is a token that expired or was revoked: a person has to reconnect;
 * - 10 and 200-299 are a permission the token lacks: named, so the admin knows what to grant;
 * - 1 and 2 (or `is_transient`) are Meta's own trouble: back off and retry.
 * Meta's message text is not repeated (the address may be anyone's server); codes and known
 * permission names are.
 */
export type MetaPlatform = 'facebook' | 'instagram' | 'threads';

export interface GraphErrorBody {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  error_subcode?: unknown;
  fbtrace_id?: unknown;
  is_transient?: unknown;
}

const THROTTLE_CODES = new Set([4, 17, 32, 613]);
const isThrottle = (code: number) => THROTTLE_CODES.has(code) || (code >= 80_000 && code <= 80_014);
const isPermission = (code: number) => code === 10 || (code >= 200 && code <= 299) || code === 3;

const TOKEN_SUBCODES: Record<number, string> = {
  458: 'the app was removed from the account',
  459: 'the account needs a security check on Meta',
  460: 'the password was changed',
  463: 'the token expired',
  464: 'the account is not confirmed',
  467: 'the token is no longer valid',
  492: 'the session is no longer valid',
};

/** When access returns: the longest `estimated_time_to_regain_access` (minutes) in the usage headers. */
export function regainAccessAt(headers: Headers, now: number): Date | undefined {
  let minutes = 0;
  for (const name of ['x-business-use-case-usage', 'x-page-usage', 'x-app-usage']) {
    const value = headers.get(name);
    if (!value) continue;
    try {
      minutes = Math.max(minutes, ...etaMinutes(JSON.parse(value)));
    } catch {
      // A header we cannot read says nothing about when access returns.
    }
  }
  return minutes > 0 ? new Date(now + minutes * 60_000) : undefined;
}

/** Every estimated_time_to_regain_access in a usage header (BUC nests them per object id, in lists). */
function etaMinutes(v: unknown): number[] {
  if (Array.isArray(v)) return v.flatMap(etaMinutes);
  if (!v || typeof v !== 'object') return [];
  const own = (v as { estimated_time_to_regain_access?: unknown }).estimated_time_to_regain_access;
  const here = typeof own === 'number' && Number.isFinite(own) && own > 0 ? [Math.min(own, 24 * 60)] : [];
  return [...here, ...Object.values(v).flatMap((x) => (x && typeof x === 'object' ? etaMinutes(x) : []))];
}

/** Without a usage header saying when, a throttled source waits this long. */
export const DEFAULT_THROTTLE_MS = 15 * 60_000;

const safeWord = (v: unknown) => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v) ? v : undefined);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** Reads Meta's error object out of an answer body, if it is one. */
export function parseGraphError(text: string): GraphErrorBody | null {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    return body && typeof body.error === 'object' && body.error ? (body.error as GraphErrorBody) : null;
  } catch {
    return null;
  }
}

export interface GraphErrorContext {
  status: number;
  headers: Headers;
  text: string;
  /** "Facebook", "Instagram", "Threads". */
  label: string;
  platform: MetaPlatform;
  now: number;
}

export function graphError(c: GraphErrorContext): ConnectorError {
  const e = parseGraphError(c.text);
  const code = int(e?.code);
  const subcode = int(e?.error_subcode);
  const trace = safeWord(e?.fbtrace_id);
  const codeText = code === undefined ? `HTTP ${c.status}` : `code ${code}${subcode ? `/${subcode}` : ''}`;
  const detail = `${codeText}${trace ? `, trace ${trace}` : ''}`;
  const d = { status: c.status, platform: c.platform };
  if ((code !== undefined && isThrottle(code)) || c.status === 429) {
    const resetAt = regainAccessAt(c.headers, c.now) ?? new Date(c.now + DEFAULT_THROTTLE_MS);
    const minutes = Math.max(1, Math.round((resetAt.getTime() - c.now) / 60_000));
    return new ConnectorError(
      'rate_limited',
      `${c.label} rate limit reached (${detail}); polling resumes in about ${minutes} minutes.`,
      { ...d, resetAt },
    );
  }
  if (code === 190 || code === 102 || (c.status === 401 && code === undefined)) {
    const why = (subcode && TOKEN_SUBCODES[subcode]) ?? 'the token expired or was revoked';
    return new ConnectorError(
      'auth',
      `${c.label} refused the access token (${detail}: ${why}). Reconnect the account.`,
      d,
    );
  }
  if (code !== undefined && isPermission(code)) {
    const message = typeof e?.message === 'string' ? e.message : '';
    const named = META_PERMISSIONS.filter((p) => message.includes(p));
    const what = named.length ? `the permission ${named.join(', ')}` : 'a permission this feature needs';
    return new ConnectorError(
      'auth',
      `${c.label} says the connection lacks ${what} (${detail}). Reconnect and grant it.`,
      d,
    );
  }
  if (code === 12)
    return new ConnectorError(
      'invalid_request',
      `${c.label} no longer offers this data in this API version (${detail}).`,
      d,
    );
  if (code === 1 || code === 2 || e?.is_transient === true || c.status >= 500)
    return new ConnectorError('transient', `${c.label} had a temporary problem (${detail}).`, d);
  if (code === 368)
    return new ConnectorError(
      'invalid_request',
      `${c.label} has temporarily blocked this account from posting (${detail}).`,
      d,
    );
  if (code === 506)
    return new ConnectorError('invalid_request', `${c.label} refused a duplicate post (${detail}).`, {
      ...d,
      alreadyPosted: true,
    });
  return new ConnectorError('invalid_request', `${c.label} rejected the request (${detail}).`, d);
}
