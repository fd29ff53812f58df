import type { OutboundHttp } from '../../http/outbound';
import { parseJson } from '../answer';
import { ConnectorError, outboundFailure } from '../types';
import { trimSlash } from '../url-paths';

/**
 * A small typed Reddit OAuth client on fetch (snoowrap, the last Node client, is archived):
 * tokens from /api/v1/access_token (script app: password grant; else client_credentials),
 * bearer calls to oauth.reddit.com, Reddit's error shapes mapped to ConnectorError.
 */
export interface RedditAuth {
  clientId: string;
  clientSecret: string;
  username?: string | undefined;
  password?: string | undefined;
  userAgent?: string | undefined;
}

export interface Thing<K extends string, D> {
  kind: K;
  data: D;
}

export interface Listing<T> {
  kind: 'Listing';
  data: { after: string | null; before: string | null; dist?: number | null; children: T[] };
}

export interface RedditLink {
  id: string;
  name: string;
  title: string;
  selftext: string;
  author: string;
  author_fullname?: string;
  subreddit: string;
  permalink: string;
  url?: string;
  created_utc: number;
  score?: number;
  num_comments?: number;
  upvote_ratio?: number;
  removed_by_category?: string | null;
  is_self?: boolean;
}

export interface RedditComment {
  id: string;
  name: string;
  body: string;
  author: string;
  author_fullname?: string;
  subreddit: string;
  permalink: string;
  link_id: string;
  parent_id: string;
  link_title?: string;
  created_utc: number;
  score?: number;
}

export type RedditThing = Thing<'t3', RedditLink> | Thing<'t1', RedditComment>;

interface CachedToken {
  token: string;
  expiresAt: number;
  secret: string;
}

/** Access tokens by app and account; one per connector instance, never shared between them. */
export class TokenCache {
  readonly #tokens = new Map<string, CachedToken>();

  get(key: string, secret: string, now: number): string | undefined {
    const t = this.#tokens.get(key);
    return t && t.secret === secret && t.expiresAt > now ? t.token : undefined;
  }

  set(key: string, value: CachedToken) {
    this.#tokens.set(key, value);
  }

  drop(key: string) {
    this.#tokens.delete(key);
  }
}

export interface RedditClientOptions {
  baseUrl: string;
  authBaseUrl: string;
  timeoutMs: number;
  auth: RedditAuth;
  tokens: TokenCache;
  signal?: AbortSignal | undefined;
  http: OutboundHttp;
}

// btoa, not Buffer: the same code runs in Workers.
const base64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

export class RedditClient {
  constructor(private readonly o: RedditClientOptions) {}

  get userContext(): boolean {
    return Boolean(this.o.auth.username && this.o.auth.password);
  }

  get userAgent(): string {
    // Reddit throttles generic agents hard; it asks for platform:app:version (by /u/name).
    const by = this.o.auth.username ? ` (by /u/${this.o.auth.username})` : '';
    return this.o.auth.userAgent ?? `nodejs:social-crm-listening:v0.1.0${by}`;
  }

  private get cacheKey() {
    return `${trimSlash(this.o.authBaseUrl)}\n${this.o.auth.clientId}\n${this.userContext ? this.o.auth.username : ''}`;
  }

  private get cacheSecret() {
    return `${this.o.auth.clientSecret}\n${this.userContext ? this.o.auth.password : ''}`;
  }

  async token(): Promise<string> {
    const cached = this.o.tokens.get(this.cacheKey, this.cacheSecret, Date.now());
    if (cached) return cached;
    const { clientId, clientSecret, username, password } = this.o.auth;
    const form: Record<string, string> = this.userContext
      ? { grant_type: 'password', username: username!, password: password! }
      : { grant_type: 'client_credentials' };
    const started = Date.now();
    const body = await this.request<{ access_token?: string; expires_in?: number; error?: string }>(
      `${trimSlash(this.o.authBaseUrl)}/api/v1/access_token`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${base64(`${clientId}:${clientSecret}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form).toString(),
      },
    );
    // Reddit answers a refused grant with 200 and {"error": ...}, not with an HTTP error.
    if (body.error || !body.access_token) {
      if (body.error === 'invalid_grant')
        throw new ConnectorError(
          'auth',
          'Reddit refused the username or password (invalid_grant); ' +
            'check them, and that the account is a developer of this script app.',
          { platform: 'reddit' },
        );
      throw new ConnectorError(
        'auth',
        `Reddit did not issue an access token (${codeWord(body.error) ?? 'no token in the answer'}).`,
        { platform: 'reddit' },
      );
    }
    const lifetimeMs = Math.max(0, (body.expires_in ?? 3600) - 60) * 1000;
    this.o.tokens.set(this.cacheKey, {
      token: body.access_token,
      expiresAt: started + lifetimeMs,
      secret: this.cacheSecret,
    });
    return body.access_token;
  }

  get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const url = new URL(`${trimSlash(this.o.baseUrl)}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return this.api<T>(url.toString(), { method: 'GET' });
  }

  postForm<T>(path: string, form: Record<string, string>): Promise<T> {
    return this.api<T>(`${trimSlash(this.o.baseUrl)}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  private async api<T>(url: string, init: RequestInit): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const cached = this.o.tokens.get(this.cacheKey, this.cacheSecret, Date.now()) !== undefined;
      const token = await this.token();
      try {
        return await this.request<T>(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), authorization: `bearer ${token}` },
        });
      } catch (err) {
        // A cached token can be revoked or expire early: fetch a fresh one once before giving up.
        if (attempt === 0 && cached && err instanceof ConnectorError && err.details.status === 401) {
          this.o.tokens.drop(this.cacheKey);
          continue;
        }
        throw err;
      }
    }
  }

  private async request<T>(url: string, init: RequestInit): Promise<T> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = this.o.signal ? AbortSignal.any([timeout, this.o.signal]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await this.o.http.fetch(url, {
        ...init,
        redirect: 'manual',
        signal,
        headers: {
          ...(init.headers as Record<string, string>),
          'user-agent': this.userAgent,
          accept: 'application/json',
        },
      });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted)
        throw new ConnectorError('transient', `Reddit did not answer within ${this.o.timeoutMs} ms.`, {
          platform: 'reddit',
        });
      throw outboundFailure(err, 'Could not reach Reddit', 'reddit');
    }
    if (!res.ok) throw statusError(res, text);
    return parseJson('Reddit', 'reddit', text, res.headers.get('content-type')) as T;
  }
}

/**
 * Reddit's machine codes we know ("invalid_grant", "RATELIMIT", "private") may be named in an error
 * text; anything else the answer says is left out, since the address may be anyone's server.
 */
const REDDIT_CODES = new Set([
  'invalid_grant',
  'unsupported_grant_type',
  'invalid_client',
  'invalid_request',
  'unauthorized_client',
  'private',
  'quarantined',
  'banned',
  'gold_only',
  'gated',
  'RATELIMIT',
  'USER_REQUIRED',
  'NO_THING_ID',
  'THREAD_LOCKED',
  'DELETED_COMMENT',
  'DELETED_LINK',
  'TOO_OLD',
  'TOO_LONG',
  'NO_TEXT',
  'SUBREDDIT_NOEXIST',
  'SUBREDDIT_NOTALLOWED',
  'BANNED_FROM_SUBREDDIT',
  'NOT_AUTHOR',
  'INVALID_OPTION',
]);
export const codeWord = (v: unknown): string | undefined =>
  typeof v === 'string' && REDDIT_CODES.has(v) ? v : undefined;

/**
 * Maps a non-2xx answer. Reddit's {"reason"} code ("private", "quarantined", "banned") is kept;
 * its message and explanation texts are not repeated (the address may be anyone's server).
 */
export function statusError(res: Response, text: string, now = Date.now()): ConnectorError {
  const status = res.status;
  let body: { reason?: unknown } = {};
  try {
    body = JSON.parse(text) ?? {};
  } catch {
    // HTML error pages (Reddit's CDN) carry nothing we can use.
  }
  const reason = codeWord(body.reason);
  const detail = reason ? `HTTP ${status}, ${reason}` : `HTTP ${status}`;
  const d = { status, platform: 'reddit' };
  if (status === 429) {
    const reset = Number(res.headers.get('x-ratelimit-reset') ?? res.headers.get('retry-after'));
    const resetAt = Number.isFinite(reset) && reset >= 0 ? new Date(now + Math.ceil(reset) * 1000) : undefined;
    const when = resetAt ? ` It resets in ${Math.ceil(reset)} seconds.` : '';
    return new ConnectorError('rate_limited', `Reddit rate limit reached (${detail}).${when}`, {
      ...d,
      ...(resetAt ? { resetAt } : {}),
    });
  }
  // A subreddit that is private, quarantined or banned is a setting to fix, not bad credentials.
  if ((status === 403 || status === 404) && reason)
    return new ConnectorError('invalid_request', `Reddit refuses access to this subreddit (${detail}).`, d);
  if (status === 401 || status === 403)
    return new ConnectorError('auth', `Reddit refused the credentials (${detail}).`, d);
  if (status >= 500) return new ConnectorError('transient', `Reddit answered with a server error (${detail}).`, d);
  if (status >= 300 && status < 400)
    return new ConnectorError(
      'invalid_request',
      `Reddit redirected the request (HTTP ${status}); the subreddit probably does not exist.`,
      d,
    );
  return new ConnectorError('invalid_request', `Reddit rejected the request (${detail}).`, d);
}
