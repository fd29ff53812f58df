import * as oauth from 'oauth4webapi';
import type { OutboundHttp } from '../../http/outbound';
import { ConnectorError, outboundFailure } from '../types';

/**
 * The one OAuth 2.0 authorization-code flow every "Connect …" button uses (Facebook, Threads, Google,
 * LinkedIn): where to send the person (client id, scopes, our way back, a state of ours), then checking the
 * way back (our state; the platform's refusal) and trading the code for tokens, through oauth4webapi on our
 * outbound guard. Each platform adds only what is its own: extra parameters (Google's offline access), how
 * its token endpoint words errors, and anything else it leaves out of the answer.
 */
export interface OAuthClientApp {
  /** The platform's name for people ("Google"), in messages. */
  label: string;
  platform: string;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: readonly string[];
  /** How the platform joins scopes (RFC 6749: a space; Meta takes commas). */
  scopeSeparator?: string;
  /** More parameters for the authorization request (Google: access_type=offline, prompt=consent). */
  authParams?: Record<string, string>;
  timeoutMs?: number;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  /** Seconds the access token lives, when the platform says. */
  expiresIn: number | undefined;
  /** Seconds the refresh token lives (LinkedIn says; Google does not). */
  refreshTokenExpiresIn: number | undefined;
  /** The scopes granted, when the platform says (the person may have unticked some). */
  scopes: string[] | undefined;
  /** The whole answer, for what a platform adds (Threads' user_id). */
  body: Record<string, unknown>;
}

/** The platform's page said no (the person cancelled, or refused a permission): a message for the page. */
export class ConnectRefused extends Error {}

export const newState = () => oauth.generateRandomState();

/** Where to send the person: the platform's consent page with our client, scopes, way back and state. */
export function authorizationUrl(app: OAuthClientApp, redirectUri: string, state: string): URL {
  const url = new URL(app.authorizeUrl);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', app.scopes.join(app.scopeSeparator ?? ' '));
  url.searchParams.set('state', state);
  for (const [k, v] of Object.entries(app.authParams ?? {})) url.searchParams.set(k, v);
  return url;
}

export interface ExchangeOptions {
  /** The platform's error answer from its token endpoint as our error (default: RFC 6749's error JSON). */
  errorFor?: (res: { status: number; headers: Headers; text: string }) => ConnectorError;
  /** Fills in what the platform leaves out of a token answer before it is checked. */
  fixBody?: (body: Record<string, unknown>) => Record<string, unknown>;
}

const server = (app: OAuthClientApp): oauth.AuthorizationServer => ({
  issuer: new URL(app.authorizeUrl).origin,
  authorization_endpoint: app.authorizeUrl,
  token_endpoint: app.tokenUrl,
});

/** RFC 6749's error answer ({error, error_description}) in our words: only the error code is repeated. */
export function oauthErrorFor(app: OAuthClientApp) {
  return (res: { status: number; text: string }): ConnectorError => {
    let code = `HTTP ${res.status}`;
    try {
      const e = (JSON.parse(res.text) as { error?: unknown }).error;
      if (typeof e === 'string' && /^[\w.-]{1,60}$/.test(e)) code = e;
    } catch {
      // Not JSON: the status says enough.
    }
    const kind = res.status >= 500 ? 'transient' : res.status === 429 ? 'rate_limited' : 'auth';
    return new ConnectorError(kind, `${app.label} refused the sign-in (${code})`, {
      status: res.status,
      platform: app.platform,
    });
  };
}

/**
 * Checks the way back from the consent page (our state; the platform's error if it sent one) and trades the
 * code for tokens at the token endpoint.
 */
export async function exchangeCode(
  app: OAuthClientApp,
  http: OutboundHttp,
  callback: URL,
  expectedState: string,
  redirectUri: string,
  o: ExchangeOptions = {},
): Promise<TokenSet> {
  const as = server(app);
  const client: oauth.Client = { client_id: app.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callback, expectedState);
  } catch (err) {
    if (err instanceof oauth.AuthorizationResponseError) throw new ConnectRefused(err.error_description ?? err.error);
    throw new ConnectRefused(
      `The answer from ${app.label} did not belong to this connection (its state did not match).`,
    );
  }
  let res: Response;
  let text: string;
  try {
    res = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(app.clientSecret),
      params,
      redirectUri,
      oauth.nopkce,
      {
        [oauth.customFetch]: (url, init) => http.fetch(url, init),
        [oauth.allowInsecureRequests]: new URL(app.tokenUrl).protocol === 'http:',
        signal: AbortSignal.timeout(app.timeoutMs ?? 15_000),
      },
    );
    text = await res.text();
  } catch (err) {
    throw outboundFailure(err, `Could not reach ${app.label} to finish connecting`, app.platform);
  }
  if (!res.ok) throw (o.errorFor ?? oauthErrorFor(app))({ status: res.status, headers: res.headers, text });
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ConnectorError('transient', `${app.label} answered the token request with something not JSON`);
  }
  // Threads and LinkedIn answer without the token_type RFC 6749 requires; their tokens are bearer tokens.
  const typed = typeof body.token_type === 'string' ? body : { ...body, token_type: 'bearer' };
  const fixed = o.fixBody ? o.fixBody(typed) : typed;
  const checked = new Response(JSON.stringify(fixed), {
    status: res.status,
    headers: { 'content-type': 'application/json' },
  });
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, checked).catch((err: Error) => {
    throw new ConnectorError('transient', `${app.label} answered the token request oddly: ${err.message}`);
  });
  const seconds = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresIn: tokens.expires_in,
    refreshTokenExpiresIn: seconds(body.refresh_token_expires_in),
    scopes: typeof tokens.scope === 'string' ? tokens.scope.split(/[\s,]+/).filter(Boolean) : undefined,
    body,
  };
}
