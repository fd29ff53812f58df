import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { parseJson } from '../answer';
import { ConnectorError, outboundFailure } from '../types';
import { nextUtcMidnight } from './linkedin-errors';

/**
 * LinkedIn's OAuth token endpoint (www.linkedin.com/oauth/v2/accessToken, form-encoded): a refresh token for a
 * new 60-day access token (refresh tokens exist for apps LinkedIn approved for them, and last a year), and the
 * authorization code of the connect flow. A refused grant (`invalid_grant`, `invalid_request`: revoked, expired,
 * another app's) is an `auth` error: the source asks a person to reconnect. LinkedIn's wording is not repeated.
 */
const TOKEN = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
});

export interface LinkedInToken {
  accessToken: string;
  /** Seconds the access token lives (LinkedIn: 5,184,000, 60 days). */
  expiresIn: number;
  refreshToken?: string | undefined;
  refreshTokenExpiresIn?: number | undefined;
  scope?: string | undefined;
}

export interface TokenCall {
  http: OutboundHttp;
  tokenUrl: string;
  timeoutMs: number;
  now: Date;
  signal?: AbortSignal | undefined;
}

export function refreshLinkedInToken(
  call: TokenCall,
  c: { refreshToken: string; clientId: string; clientSecret: string },
): Promise<LinkedInToken> {
  return tokenRequest(call, {
    grant_type: 'refresh_token',
    refresh_token: c.refreshToken,
    client_id: c.clientId,
    client_secret: c.clientSecret,
  });
}

/** The connect flow's last step: the code LinkedIn sent to our redirect address, for the tokens. */
export function exchangeLinkedInCode(
  call: TokenCall,
  c: { code: string; redirectUri: string; clientId: string; clientSecret: string },
): Promise<LinkedInToken> {
  return tokenRequest(call, {
    grant_type: 'authorization_code',
    code: c.code,
    redirect_uri: c.redirectUri,
    client_id: c.clientId,
    client_secret: c.clientSecret,
  });
}

async function tokenRequest(call: TokenCall, form: Record<string, string>): Promise<LinkedInToken> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await call.http.fetch(call.tokenUrl, {
      method: 'POST',
      redirect: 'manual',
      signal: call.signal ? AbortSignal.any([timeout, call.signal]) : timeout,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
    text = await res.text();
  } catch (err) {
    throw outboundFailure(err, "Could not reach LinkedIn's sign-in", 'linkedin');
  }
  const base = { status: res.status, platform: 'linkedin' };
  if (res.status === 429)
    throw new ConnectorError('rate_limited', "LinkedIn's sign-in: too many requests", {
      ...base,
      resetAt: nextUtcMidnight(call.now),
    });
  if (res.status >= 500) throw new ConnectorError('transient', `LinkedIn's sign-in answered HTTP ${res.status}`, base);
  const body = parseJson("LinkedIn's sign-in", 'linkedin', text, res.headers.get('content-type'));
  if (!res.ok) {
    const code = (body as { error?: unknown } | null)?.error;
    const word = typeof code === 'string' && /^[\w-]{1,40}$/.test(code) ? code : `HTTP ${res.status}`;
    throw new ConnectorError(
      'auth',
      `LinkedIn refused to renew the sign-in (${word}): reconnect the LinkedIn account.`,
      base,
    );
  }
  const t = TOKEN.safeParse(body);
  if (!t.success) throw new ConnectorError('transient', "LinkedIn's sign-in answered without an access token", base);
  return {
    accessToken: t.data.access_token,
    expiresIn: t.data.expires_in,
    refreshToken: t.data.refresh_token,
    refreshTokenExpiresIn: t.data.refresh_token_expires_in,
    scope: t.data.scope,
  };
}
