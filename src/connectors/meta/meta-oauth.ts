import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { expectShape } from '../answer';
import {
  authorizationUrl as oauthAuthorizationUrl,
  ConnectRefused,
  exchangeCode as exchangeOAuthCode,
  newState,
  type OAuthClientApp,
} from '../oauth/code-flow';
import { GRAPH_VERSION, GraphClient, THREADS_VERSION, trimSlash } from './graph-client';
import { graphError, type MetaPlatform } from './graph-errors';
import { FACEBOOK_SCOPES, THREADS_SCOPES } from './meta-permissions';

/**
 * Connecting Meta accounts: the OAuth 2.0 code flow with state (oauth4webapi, on our outbound guard), then
 * Meta's own steps: a long-lived user token, the Pages it manages with their Instagram accounts, what the
 * token may do and until when (/debug_token); for Threads its own authorization window and 60-day token.
 * Endpoints come from the installation's settings, so a stand-in (tests/fakes) can play Meta.
 */

/** What each feature asks of Meta (README lists them with what app review wants for each). */
export { FACEBOOK_SCOPES, THREADS_SCOPES } from './meta-permissions';

/** One Meta app as an OAuth client: its id and secret, and where its dialog and Graph API are. */
export interface MetaOAuthApp {
  platform: Extract<MetaPlatform, 'facebook' | 'threads'>;
  clientId: string;
  clientSecret: string;
  /** The dialog people sign in on (www.facebook.com/v24.0/dialog/oauth, threads.net/oauth/authorize). */
  authorizeUrl: string;
  /** The Graph API (graph.facebook.com, graph.threads.net); tokens are exchanged there. */
  graphUrl: string;
  timeoutMs?: number;
}

export const FACEBOOK_DIALOG_URL = `https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`;
export const THREADS_AUTHORIZE_URL = 'https://threads.net/oauth/authorize';

/** Facebook's token endpoint is versioned like the rest of its Graph API; Threads' is not. */
const tokenEndpoint = (app: MetaOAuthApp) =>
  app.platform === 'facebook'
    ? `${trimSlash(app.graphUrl)}/${GRAPH_VERSION}/oauth/access_token`
    : `${trimSlash(app.graphUrl)}/oauth/access_token`;

/** Meta's app as the one OAuth code flow's client (src/connectors/oauth/code-flow.ts). */
const asClient = (app: MetaOAuthApp): OAuthClientApp => ({
  label: app.platform === 'facebook' ? 'Facebook' : 'Threads',
  platform: app.platform,
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  authorizeUrl: app.authorizeUrl,
  tokenUrl: tokenEndpoint(app),
  scopes: app.platform === 'facebook' ? FACEBOOK_SCOPES : THREADS_SCOPES,
  scopeSeparator: ',',
  ...(app.timeoutMs ? { timeoutMs: app.timeoutMs } : {}),
});

/** Where to send the person: Meta's dialog with our client id, the scopes, the way back and the state. */
export const authorizationUrl = (app: MetaOAuthApp, redirectUri: string, state: string): URL =>
  oauthAuthorizationUrl(asClient(app), redirectUri, state);

export { ConnectRefused, newState };

const graph = (app: MetaOAuthApp, http: OutboundHttp, accessToken?: string) =>
  new GraphClient({
    baseUrl: app.graphUrl,
    version: app.platform === 'facebook' ? GRAPH_VERSION : THREADS_VERSION,
    accessToken,
    appSecret: accessToken ? app.clientSecret : undefined,
    platform: app.platform,
    http,
    timeoutMs: app.timeoutMs ?? 15_000,
  });

/**
 * Checks the way back from the dialog and trades the code for a token (the one code flow). The token
 * endpoint's errors are Meta's error objects, read like every other Graph error; Threads adds its user_id.
 */
export async function exchangeCode(
  app: MetaOAuthApp,
  http: OutboundHttp,
  callback: URL,
  expectedState: string,
  redirectUri: string,
): Promise<{ accessToken: string; expiresIn: number | undefined; userId: string | undefined }> {
  const client = asClient(app);
  const tokens = await exchangeOAuthCode(client, http, callback, expectedState, redirectUri, {
    errorFor: (res) => graphError({ ...res, label: client.label, platform: app.platform, now: Date.now() }),
  });
  const userId = tokens.body.user_id === undefined ? undefined : String(tokens.body.user_id);
  return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, userId };
}

const TOKEN = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });

/** A long-lived Facebook user token (about 60 days) for the short one from the dialog. */
export async function longLivedUserToken(app: MetaOAuthApp, http: OutboundHttp, shortToken: string) {
  const answer = await graph(app, http).get<unknown>('oauth/access_token', {
    grant_type: 'fb_exchange_token',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    fb_exchange_token: shortToken,
  });
  const t = expectShape(TOKEN, answer, 'Facebook', 'facebook', 'a token');
  return { accessToken: t.access_token, expiresIn: t.expires_in };
}

/** A long-lived Threads token (60 days) for the short one from the authorization window. */
export function longLivedThreadsToken(app: MetaOAuthApp, http: OutboundHttp, shortToken: string) {
  return threadsTokenCall(app.graphUrl, http, app.timeoutMs ?? 15_000, 'access_token', {
    grant_type: 'th_exchange_token',
    client_secret: app.clientSecret,
    access_token: shortToken,
  });
}

/**
 * Threads' unversioned token endpoints (/access_token to lengthen, /refresh_access_token to renew): the
 * credentials go as parameters, the answer is a token and how long it lives.
 */
export async function threadsTokenCall(
  baseUrl: string,
  http: OutboundHttp,
  timeoutMs: number,
  path: 'access_token' | 'refresh_access_token',
  params: Record<string, string>,
): Promise<{ accessToken: string; expiresIn: number | undefined }> {
  const client = new GraphClient({ baseUrl, version: '', platform: 'threads', http, timeoutMs });
  const t = expectShape(TOKEN, await client.get<unknown>(path, params), 'Threads', 'threads', 'a token');
  return { accessToken: t.access_token, expiresIn: t.expires_in };
}

const IG_ACCOUNT = z.object({ id: z.string(), username: z.string().optional() });
const PAGE = z.object({
  id: z.string(),
  name: z.string(),
  access_token: z.string().min(1),
  tasks: z.array(z.string()).optional(),
  instagram_business_account: IG_ACCOUNT.optional(),
});
export type ManagedPage = z.infer<typeof PAGE>;

const MAX_PAGES = 500;

/** The Pages the person manages, each with its Page token and linked Instagram professional account. */
export async function managedPages(app: MetaOAuthApp, http: OutboundHttp, userToken: string): Promise<ManagedPage[]> {
  const client = graph(app, http, userToken);
  const pages: ManagedPage[] = [];
  let after: string | undefined;
  do {
    const page = await client.page('me/accounts', {
      fields: 'id,name,access_token,tasks,instagram_business_account{id,username}',
      limit: 100,
      after,
    });
    for (const item of page.items) {
      const p = PAGE.safeParse(item);
      if (p.success) pages.push(p.data);
    }
    after = page.after;
  } while (after && pages.length < MAX_PAGES);
  return pages;
}

const DEBUG = z.object({
  data: z.object({
    is_valid: z.boolean().optional(),
    expires_at: z.number().optional(),
    data_access_expires_at: z.number().optional(),
    scopes: z.array(z.string()).optional(),
  }),
});

export interface TokenFacts {
  scopes: string[];
  /** When the token (or, for tokens that never expire, its access to data) runs out; null: never. */
  expiresAt: Date | null;
}

const seconds = (s: number | undefined) => (s ? new Date(s * 1000) : null);

/** What a token may do and until when, as /debug_token tells the app. */
export async function tokenFacts(app: MetaOAuthApp, http: OutboundHttp, token: string): Promise<TokenFacts> {
  const answer = await graph(app, http).get<unknown>('debug_token', {
    input_token: token,
    access_token: `${app.clientId}|${app.clientSecret}`,
  });
  const d = expectShape(DEBUG, answer, 'Facebook', 'facebook', 'token details').data;
  const ends = [seconds(d.expires_at), seconds(d.data_access_expires_at)].filter((x): x is Date => x !== null);
  const expiresAt = ends.length ? new Date(Math.min(...ends.map((x) => x.getTime()))) : null;
  return { scopes: d.scopes ?? [], expiresAt };
}

/** Receive the Page's feed webhooks (comments, posts) for this app: Meta sends nothing until this is done. */
export async function subscribePageWebhooks(app: MetaOAuthApp, http: OutboundHttp, page: ManagedPage) {
  await graph(app, http, page.access_token).post(`${page.id}/subscribed_apps`, { subscribed_fields: 'feed' });
}

const PROFILE = z.object({ id: z.string(), username: z.string().optional() });

/** The Threads profile a token belongs to. */
export async function threadsProfile(app: MetaOAuthApp, http: OutboundHttp, token: string) {
  const answer = await graph(app, http, token).get<unknown>('me', { fields: 'id,username' });
  return expectShape(PROFILE, answer, 'Threads', 'threads', 'a profile');
}
