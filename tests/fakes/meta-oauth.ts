import type { FakeRequest, FakeResponse } from './fake-http';

/**
 * Meta's sign-in as a stand-in: the dialog (a page that asks the signed-in person to continue or cancel,
 * then sends them to redirect_uri with `code` and `state`, or with error=access_denied), the token endpoint
 * (code -> short-lived token, once, for the same client, secret and redirect_uri; Meta's error object
 * otherwise), and long-lived tokens. Used by the Graph fake (Facebook: versioned paths, fb_exchange_token)
 * and the Threads fake (unversioned /oauth/authorize and /oauth/access_token, th_exchange_token).
 */
export interface FakeMetaLogin {
  id: string;
  name: string;
}

export interface FakeOAuth {
  appId: string;
  /** Who is signed in on the dialog; null: nobody (the dialog says so). */
  signedIn: FakeMetaLogin | null;
  /** Scopes the person grants (all that were asked, unless the test narrows them). */
  granted: string[] | null;
  /** Seconds a long-lived token lives (Meta: about 60 days). */
  longLivedSeconds: number;
  /** Every token issued, with whose it is and when it runs out (Unix seconds). */
  tokens: Map<string, { userId: string; expiresAt: number; scopes: string[]; long: boolean }>;
  /** Codes handed out by the dialog. */
  codes: Map<string, { userId: string; clientId: string; redirectUri: string; scopes: string[]; used: boolean }>;
  /** Token requests that reached the endpoint (codes exchanged, tokens lengthened). */
  exchanges: { grant: string; at: number }[];
}

type Fail = (code: number, message: string, subcode?: number) => FakeResponse;

let seq = 7_000_000;
const nextId = () => String(++seq);
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function createFakeOAuth(appId: string): FakeOAuth {
  return {
    appId,
    signedIn: { id: '100042', name: 'Alex Admin' },
    granted: null,
    longLivedSeconds: 60 * 86_400,
    tokens: new Map(),
    codes: new Map(),
    exchanges: [],
  };
}

/** The dialog: a small page with Continue (to the app with a code) and Cancel (access_denied). */
export function dialog(o: FakeOAuth, req: FakeRequest, label: string): FakeResponse {
  const q = req.query;
  const redirect = q.get('redirect_uri');
  if (q.get('client_id') !== o.appId || !redirect)
    return { status: 400, raw: '<p>Invalid App ID or redirect_uri</p>', headers: { 'content-type': 'text/html' } };
  const state = q.get('state') ?? '';
  const asked = (q.get('scope') ?? '').split(/[ ,]+/).filter(Boolean);
  if (q.get('decision') === 'cancel') {
    const back = new URL(redirect);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_reason', 'user_denied');
    back.searchParams.set('error_description', 'Permissions error');
    back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }
  if (q.get('decision') === 'continue' && o.signedIn) {
    const code = `AQ${nextId()}`;
    o.codes.set(code, {
      userId: o.signedIn.id,
      clientId: o.appId,
      redirectUri: redirect,
      scopes: o.granted ?? asked,
      used: false,
    });
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }
  const link = (decision: string) => {
    const u = new URL(req.path, 'http://x');
    for (const [k, v] of q) u.searchParams.set(k, v);
    u.searchParams.set('decision', decision);
    return escapeHtml(`${u.pathname}${u.search}`);
  };
  const who = o.signedIn ? `Continue as ${escapeHtml(o.signedIn.name)}` : 'Log in first';
  const html = `<!doctype html><title>${label}</title><link rel="icon" href="data:,"><h1>${label} login</h1>
<p>The app asks for: ${escapeHtml(asked.join(', '))}</p>
<a id="continue" href="${link('continue')}">${who}</a> <a id="cancel" href="${link('cancel')}">Cancel</a>`;
  return { headers: { 'content-type': 'text/html' }, raw: html };
}

/** POST (or GET) /oauth/access_token with a code: the short-lived token, for the app that asked, once. */
export function exchangeCode(
  o: FakeOAuth,
  p: URLSearchParams,
  secret: string,
  fail: Fail,
  json: (body: unknown) => FakeResponse,
  withTokenType: boolean,
): FakeResponse {
  o.exchanges.push({ grant: 'authorization_code', at: Date.now() });
  if (p.get('client_id') !== o.appId || p.get('client_secret') !== secret)
    return fail(101, 'Error validating application. Invalid application ID or secret.');
  const code = o.codes.get(p.get('code') ?? '');
  if (!code) return fail(100, 'Invalid verification code format.', 36007);
  if (code.used) return fail(100, 'This authorization code has been used.', 36009);
  if (code.redirectUri !== p.get('redirect_uri'))
    return fail(100, 'Error validating verification code. Please make sure your redirect_uri is identical', 36008);
  code.used = true;
  const token = `EAAShort${nextId()}`;
  o.tokens.set(token, {
    userId: code.userId,
    expiresAt: Math.floor(Date.now() / 1000) + 3_600,
    scopes: code.scopes,
    long: false,
  });
  // Facebook says token_type; Threads answers only the token and the user id.
  return json(
    withTokenType
      ? { access_token: token, token_type: 'bearer', expires_in: 3_600 }
      : { access_token: token, user_id: Number(code.userId) },
  );
}

/** fb_exchange_token / th_exchange_token: a long-lived token for a valid short one. */
export function lengthen(
  o: FakeOAuth,
  shortToken: string | null,
  fail: Fail,
  json: (body: unknown) => FakeResponse,
): FakeResponse {
  o.exchanges.push({ grant: 'exchange', at: Date.now() });
  const short = o.tokens.get(shortToken ?? '');
  if (!short || short.expiresAt < Date.now() / 1000) return fail(190, 'Error validating access token', 463);
  const token = `EAALong${nextId()}`;
  o.tokens.set(token, {
    ...short,
    expiresAt: Math.floor(Date.now() / 1000) + o.longLivedSeconds,
    long: true,
  });
  return json({ access_token: token, token_type: 'bearer', expires_in: o.longLivedSeconds });
}

/** th_refresh_token: a valid long-lived token for 60 more days; the old one stops working. */
export function renew(
  o: FakeOAuth,
  token: string | null,
  fail: Fail,
  json: (body: unknown) => FakeResponse,
): FakeResponse {
  o.exchanges.push({ grant: 'refresh', at: Date.now() });
  const old = o.tokens.get(token ?? '');
  if (!old?.long || old.expiresAt < Date.now() / 1000) return fail(190, 'Error validating access token', 463);
  o.tokens.delete(token!);
  const fresh = `EAALong${nextId()}`;
  o.tokens.set(fresh, { ...old, expiresAt: Math.floor(Date.now() / 1000) + o.longLivedSeconds });
  return json({ access_token: fresh, token_type: 'bearer', expires_in: o.longLivedSeconds });
}
