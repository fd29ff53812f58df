import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import type { OAuthClientApp } from '../oauth/code-flow';
import { googleRest } from './google-client';
import { GOOGLE_TOKEN_URL } from './google-token';

/**
 * Connect Google: one sign-in (the one code flow, code-flow.ts) with offline access gives a refresh token for
 * both Google connectors: YouTube (youtube.force-ssl: read, reply, moderate) and Business Profile reviews
 * (business.manage). Then the person picks among their channels (channels?mine=true) and Business Profile
 * accounts with their locations (Account Management and Business Information APIs). A revoked refresh token
 * later turns the sources failing with a reconnect (google-token.ts: invalid_grant -> auth).
 */
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/business.manage',
] as const;
export const YOUTUBE_API_URL = 'https://youtube.googleapis.com/';
export const BUSINESS_ACCOUNTS_URL = 'https://mybusinessaccountmanagement.googleapis.com/';
export const BUSINESS_INFO_URL = 'https://mybusinessbusinessinformation.googleapis.com/';
/** Where the v4 reviews are (the Google reviews connector's default). */
export const BUSINESS_REVIEWS_URL = 'https://mybusiness.googleapis.com/';

export interface GoogleApp {
  clientId: string;
  clientSecret: string;
  authorizeUrl?: string | undefined;
  tokenUrl?: string | undefined;
  /** Stand-ins or proxies: YouTube's API, and one address for the Business Profile APIs. */
  youtubeUrl?: string | undefined;
  businessUrl?: string | undefined;
}

export const googleOAuthClient = (app: GoogleApp): OAuthClientApp => ({
  label: 'Google',
  platform: 'google',
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  authorizeUrl: app.authorizeUrl ?? GOOGLE_AUTHORIZE_URL,
  tokenUrl: app.tokenUrl ?? GOOGLE_TOKEN_URL,
  scopes: GOOGLE_SCOPES,
  // A refresh token, asked for again on every consent (Google gives it only on the first one otherwise).
  authParams: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
});

const call = (http: OutboundHttp, baseUrl: string, accessToken: string, label: string) =>
  googleRest({ http, baseUrl, accessToken, label, platform: 'google', timeoutMs: 15_000 });

const CHANNELS = z.object({
  items: z.array(z.object({ id: z.string(), snippet: z.object({ title: z.string() }).optional() })).default([]),
});

/** The YouTube channels the signed-in person owns. */
export async function myChannels(http: OutboundHttp, app: GoogleApp, accessToken: string) {
  const api = call(http, app.youtubeUrl ?? YOUTUBE_API_URL, accessToken, 'YouTube');
  const body = CHANNELS.parse(await api.get('youtube/v3/channels', { part: 'snippet', mine: true, maxResults: 50 }));
  return body.items.map((c) => ({ id: c.id, title: c.snippet?.title ?? c.id }));
}

const ACCOUNTS = z.object({
  accounts: z
    .array(z.object({ name: z.string().regex(/^accounts\/\d+$/), accountName: z.string().optional() }))
    .default([]),
  nextPageToken: z.string().optional(),
});
const LOCATIONS = z.object({
  locations: z
    .array(z.object({ name: z.string().regex(/^locations\/\d+$/), title: z.string().optional() }))
    .default([]),
  nextPageToken: z.string().optional(),
});
const MAX_PAGES = 20;

export interface BusinessAccount {
  accountId: string;
  name: string;
  locations: { id: string; title: string }[];
}

/** The Business Profile accounts the person manages, each with its locations. */
export async function myBusinessAccounts(http: OutboundHttp, app: GoogleApp, accessToken: string) {
  const accountsApi = call(http, app.businessUrl ?? BUSINESS_ACCOUNTS_URL, accessToken, 'Google Business Profile');
  const infoApi = call(http, app.businessUrl ?? BUSINESS_INFO_URL, accessToken, 'Google Business Profile');
  const out: BusinessAccount[] = [];
  let pageToken: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = ACCOUNTS.parse(await accountsApi.get('v1/accounts', { pageSize: 20, pageToken }));
    for (const a of page.accounts) {
      const locations: { id: string; title: string }[] = [];
      let locToken: string | undefined;
      for (let j = 0; j < MAX_PAGES; j++) {
        const l = LOCATIONS.parse(
          await infoApi.get(`v1/${a.name}/locations`, { readMask: 'name,title', pageSize: 100, pageToken: locToken }),
        );
        locations.push(...l.locations.map((x) => ({ id: x.name.split('/')[1]!, title: x.title ?? x.name })));
        locToken = l.nextPageToken;
        if (!locToken) break;
      }
      out.push({ accountId: a.name.split('/')[1]!, name: a.accountName ?? a.name, locations });
    }
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  return out;
}
