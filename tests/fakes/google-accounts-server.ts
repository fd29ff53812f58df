import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * Google's sign-in and the account listings Connect Google reads, as one stand-in: the consent page
 * (/o/oauth2/v2/auth: decided at once, `decision=cancel` answers error=access_denied), the token endpoint
 * (POST /token, form: an authorization code -> {access_token, expires_in, refresh_token (only with
 * access_type=offline), scope, token_type}; Google's {error, error_description} otherwise), and with a bearer
 * token it issued: YouTube's channels?mine=true, Account Management's /v1/accounts and Business Information's
 * /v1/accounts/{id}/locations (readMask required), each as Google shapes them.
 */
export interface FakeGoogleAccounts extends FakeServer {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** What the signed-in person owns. */
  channels: { id: string; title: string }[];
  accounts: { id: string; name: string; locations: { id: string; title: string }[] }[];
  /** Each consent: the parameters the app sent. */
  consents: URLSearchParams[];
  /** Refresh tokens handed out. */
  refreshTokens: string[];
  /** Google gives a refresh token only on the first consent unless prompt=consent: play that it gives none. */
  withholdRefresh: boolean;
}

let seq = 9_100;
const next = () => String(++seq);

export async function startFakeGoogleAccounts(): Promise<FakeGoogleAccounts> {
  const codes = new Map<string, { redirectUri: string; offline: boolean; scope: string }>();
  const accessTokens = new Set<string>();
  const json = (body: unknown, status = 200): FakeResponse => ({ status, json: body });
  const oauthError = (error: string, description: string, status = 400) =>
    json({ error, error_description: description }, status);
  const apiError = (code: number, status: string, message: string) => json({ error: { code, message, status } }, code);

  function consent(req: FakeRequest): FakeResponse {
    const q = req.query;
    fake.consents.push(q);
    const redirect = q.get('redirect_uri');
    if (q.get('client_id') !== fake.clientId || !redirect)
      return { status: 400, raw: '<p>Error 400: invalid_request</p>', headers: { 'content-type': 'text/html' } };
    const back = new URL(redirect);
    if (q.get('decision') === 'cancel') back.searchParams.set('error', 'access_denied');
    else {
      const code = `4/0A${next()}`;
      codes.set(code, {
        redirectUri: redirect,
        offline: q.get('access_type') === 'offline',
        scope: q.get('scope') ?? '',
      });
      back.searchParams.set('code', code);
      back.searchParams.set('scope', q.get('scope') ?? '');
    }
    back.searchParams.set('state', q.get('state') ?? '');
    return { status: 302, headers: { location: back.toString() } };
  }

  function token(req: FakeRequest): FakeResponse {
    const form = new URLSearchParams(req.body);
    if (form.get('client_id') !== fake.clientId || form.get('client_secret') !== fake.clientSecret)
      return oauthError('invalid_client', 'The OAuth client was not found.', 401);
    if (form.get('grant_type') !== 'authorization_code')
      return oauthError('unsupported_grant_type', `Invalid grant_type: ${form.get('grant_type') ?? ''}`);
    const code = codes.get(form.get('code') ?? '');
    if (!code || code.redirectUri !== form.get('redirect_uri')) return oauthError('invalid_grant', 'Bad Request');
    codes.delete(form.get('code')!);
    const access = `ya29.a0${next()}`;
    accessTokens.add(access);
    const refresh = code.offline && !fake.withholdRefresh ? `1//0g${next()}` : undefined;
    if (refresh) fake.refreshTokens.push(refresh);
    return json({
      access_token: access,
      expires_in: 3599,
      ...(refresh ? { refresh_token: refresh } : {}),
      scope: code.scope,
      token_type: 'Bearer',
    });
  }

  function api(req: FakeRequest): FakeResponse | undefined {
    const bearer = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    const known = bearer !== undefined && accessTokens.has(bearer);
    const unauthenticated = () => apiError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    if (req.path === '/youtube/v3/channels') {
      if (!known) return unauthenticated();
      if (req.query.get('mine') !== 'true') return apiError(400, 'INVALID_ARGUMENT', 'No filter selected.');
      const items = fake.channels.map((c) => ({ kind: 'youtube#channel', id: c.id, snippet: { title: c.title } }));
      return json({ kind: 'youtube#channelListResponse', pageInfo: { totalResults: items.length }, items });
    }
    if (req.path === '/v1/accounts') {
      if (!known) return unauthenticated();
      return json({
        accounts: fake.accounts.map((a) => ({ name: `accounts/${a.id}`, accountName: a.name, type: 'LOCATION_GROUP' })),
      });
    }
    const loc = /^\/v1\/accounts\/(\d+)\/locations$/.exec(req.path);
    if (loc) {
      if (!known) return unauthenticated();
      if (!req.query.get('readMask')) return apiError(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.');
      const account = fake.accounts.find((a) => a.id === loc[1]);
      if (!account) return apiError(404, 'NOT_FOUND', 'Requested entity was not found.');
      return json({ locations: account.locations.map((l) => ({ name: `locations/${l.id}`, title: l.title })) });
    }
    return undefined;
  }

  const server = await startFakeServer((req) => {
    if (req.path === '/o/oauth2/v2/auth' && req.method === 'GET') return consent;
    if (req.path === '/token' && req.method === 'POST') return token;
    if (req.method === 'GET') return (r: FakeRequest) => api(r) ?? apiError(404, 'NOT_FOUND', 'Not Found');
    return undefined;
  });
  const fake: FakeGoogleAccounts = {
    ...server,
    authorizeUrl: `${server.url}o/oauth2/v2/auth`,
    tokenUrl: `${server.url}token`,
    clientId: '1234-fake.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-fakesecret',
    channels: [],
    accounts: [],
    consents: [],
    refreshTokens: [],
    withholdRefresh: false,
  };
  return fake;
}
