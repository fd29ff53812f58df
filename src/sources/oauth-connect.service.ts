import { eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  administeredPages,
  BUSINESS_REVIEWS_URL,
  GOOGLE_TOKEN_URL,
  LINKEDIN_BASE_URL,
  LINKEDIN_TOKEN_URL,
  YOUTUBE_API_URL,
  exchangeOAuthCode,
  googleOAuthClient,
  linkedinOAuthClient,
  myBusinessAccounts,
  myChannels,
  type OAuthClientApp,
  oauthAuthorizationUrl,
} from '../connectors';
import type { Actor } from '../core/actor';
import { PLATFORMS } from '../core/platforms';
import type { ConnectApps } from './connect-apps';
import { sourceError } from './errors';
import { claimState, connectFailure, LABEL, openFlow, ownFlow, TTL_MS, upsertSource } from './meta-connect.service';
import { type ConnectProvider, oauthConnects } from './schema';
import type { SourceDeps } from './sources.service';
import { currentTranslator } from '../http/i18n.middleware';
import { offerWords } from './messages';

/**
 * Connect Google and Connect LinkedIn: the one code flow (src/connectors/oauth/code-flow.ts) and the same
 * state rows as Connect with Facebook (tied to the person and workspace, 15 minutes, usable once). What the
 * sign-in gave (the refresh or access token) stays sealed until the person picks what to listen to: Google
 * offers their YouTube channels and Business Profile accounts, LinkedIn the Pages they administer. Picking adds
 * sources, or gives an existing one (same channel, account or Page) its new token, its cursor kept.
 */
export type OAuthProvider = Extract<ConnectProvider, 'google' | 'linkedin'>;
export const isOAuthProvider = (p: ConnectProvider): p is OAuthProvider => p === 'google' || p === 'linkedin';

export interface OAuthConnectDeps extends SourceDeps {
  connectApps: ConnectApps;
}

const SETTINGS: Record<OAuthProvider, string> = {
  google: 'GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET',
  linkedin: 'LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET',
};

function client(apps: ConnectApps, provider: OAuthProvider): OAuthClientApp {
  const app = provider === 'google' ? apps.google : apps.linkedin;
  if (!app) throw sourceError('CONNECT_NOT_CONFIGURED', { platform: LABEL[provider], settings: SETTINGS[provider] });
  return provider === 'google' ? googleOAuthClient(apps.google!) : linkedinOAuthClient(apps.linkedin!);
}

/** Where the connect button's form may lead (the consent pages), for the pages' form-action. */
export function oauthConnectOrigins(apps: ConnectApps): string[] {
  const ready = (['google', 'linkedin'] as const).filter((p) => (p === 'google' ? apps.google : apps.linkedin));
  return ready.map((p) => new URL(client(apps, p).authorizeUrl).origin);
}

export async function startOAuthConnect(
  deps: OAuthConnectDeps,
  actor: Actor,
  provider: OAuthProvider,
  redirectUri: string,
  now: Date,
): Promise<URL> {
  const app = client(deps.connectApps, provider);
  return oauthAuthorizationUrl(app, redirectUri, await openFlow(deps, actor, provider, now));
}

const Offer = z.object({
  key: z.string(),
  platform: z.enum(PLATFORMS),
  name: z.string(),
  // What it is is said from the platform (and a Business Profile account's locations) in the reader's language.
  locations: z.array(z.string()).optional(),
  locationCount: z.number().optional(),
  keyField: z.tuple([z.string(), z.string()]),
  config: z.record(z.string(), z.unknown()),
});

/** What could not be listed, and the platform's own words for why (said in the reader's language). */
const ConnectWarning = z.object({ unlisted: z.enum(['youtube_channels', 'business_locations']), reason: z.string() });
export type ConnectWarning = z.infer<typeof ConnectWarning>;

/** What a sign-in gave, kept sealed until the person has picked. */
const PendingOffers = z.object({
  credentials: z.record(z.string(), z.unknown()),
  scopes: z.array(z.string()).nullable(),
  expiresAt: z.string().nullable(),
  offers: z.array(Offer),
  warnings: z.array(ConnectWarning),
});
export type PendingOffers = z.infer<typeof PendingOffers>;

/** The platform sent the person back: the code becomes tokens, and what they may listen to is listed. */
export async function finishOAuthConnect(
  deps: OAuthConnectDeps,
  actor: Actor,
  provider: OAuthProvider,
  callback: URL,
  redirectUri: string,
  now: Date,
): Promise<string> {
  const app = client(deps.connectApps, provider);
  const row = await claimState(deps, actor, provider, callback.searchParams.get('state') ?? '', now);
  try {
    const tokens = await exchangeOAuthCode(app, deps.outbound, callback, row.state, redirectUri);
    const pending =
      provider === 'google' ? await googleOffers(deps, tokens, now) : await linkedinOffers(deps, tokens, now);
    const resultEnc = await deps.credentials.seal(row.id, pending);
    await deps.db
      .update(oauthConnects)
      .set({ resultEnc, expiresAt: new Date(now.getTime() + TTL_MS) })
      .where(eq(oauthConnects.id, row.id));
    return row.id;
  } catch (err) {
    // Listing what the person owns failed after the code was spent: the flow is over, start again.
    await deps.db.delete(oauthConnects).where(eq(oauthConnects.id, row.id));
    connectFailure(provider, err);
  }
}

type Tokens = Awaited<ReturnType<typeof exchangeOAuthCode>>;
const expiry = (now: Date, seconds: number | undefined) =>
  seconds ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function googleOffers(deps: OAuthConnectDeps, tokens: Tokens, _now: Date): Promise<PendingOffers> {
  const google = deps.connectApps.google!;
  // Without offline access there is nothing to poll with once the hour is over.
  if (!tokens.refreshToken)
    throw sourceError('CONNECT_FAILED', {
      platform: 'Google',
      // Said in the reader's language: the error's message is made of it.
      reason: currentTranslator().t(offerWords.noRefreshToken),
    });
  const warnings: ConnectWarning[] = [];
  const offers: PendingOffers['offers'] = [];
  // Always the app's own addresses, written out: a reconnect must never leave a source's earlier tokenUrl or
  // baseUrl in place, or the app's client secret would go wherever somebody pointed that source.
  const endpoints = { tokenUrl: google.tokenUrl ?? GOOGLE_TOKEN_URL };
  try {
    for (const ch of await myChannels(deps.outbound, google, tokens.accessToken))
      offers.push({
        key: `youtube:${ch.id}`,
        platform: 'youtube',
        name: ch.title,
        keyField: ['channelId', ch.id],
        config: { channelId: ch.id, ...endpoints, baseUrl: google.youtubeUrl ?? YOUTUBE_API_URL },
      });
  } catch (err) {
    warnings.push({ unlisted: 'youtube_channels', reason: reason(err) });
  }
  try {
    for (const a of await myBusinessAccounts(deps.outbound, google, tokens.accessToken)) {
      if (a.locations.length === 0) continue;
      offers.push({
        key: `google_reviews:${a.accountId}`,
        platform: 'google_reviews',
        name: a.name,
        locations: a.locations.slice(0, 5).map((l) => l.title),
        locationCount: a.locations.length,
        keyField: ['accountId', a.accountId],
        config: {
          accountId: a.accountId,
          locationIds: a.locations.slice(0, 100).map((l) => l.id),
          ...endpoints,
          baseUrl: google.businessUrl ?? BUSINESS_REVIEWS_URL,
        },
      });
    }
  } catch (err) {
    warnings.push({ unlisted: 'business_locations', reason: reason(err) });
  }
  return {
    credentials: { clientId: google.clientId, clientSecret: google.clientSecret, refreshToken: tokens.refreshToken },
    scopes: tokens.scopes ?? null,
    // Google's refresh tokens do not run out on a date; a revoked one turns the sources failing.
    expiresAt: null,
    offers,
    warnings,
  };
}

async function linkedinOffers(deps: OAuthConnectDeps, tokens: Tokens, now: Date): Promise<PendingOffers> {
  const li = deps.connectApps.linkedin!;
  const apiUrl = li.apiUrl ?? LINKEDIN_BASE_URL;
  const pages = await administeredPages(deps.outbound, apiUrl, tokens.accessToken);
  return {
    credentials: {
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken
        ? { refreshToken: tokens.refreshToken, clientId: li.clientId, clientSecret: li.clientSecret }
        : {}),
    },
    scopes: tokens.scopes ?? null,
    expiresAt: expiry(now, tokens.expiresIn),
    offers: pages.map((p) => ({
      key: `linkedin:${p.urn}`,
      platform: 'linkedin',
      name: p.name,
      keyField: ['organizationUrn', p.urn],
      config: { organizationUrn: p.urn, baseUrl: apiUrl, tokenUrl: li.tokenUrl ?? LINKEDIN_TOKEN_URL },
    })),
    warnings: [],
  };
}

/** What a finished sign-in offers, for this person only. */
export async function pendingOffers(deps: SourceDeps, actor: Actor, connectId: string, now: Date) {
  const row = await ownFlow(deps, actor, now, eq(oauthConnects.id, connectId), isNotNull(oauthConnects.resultEnc));
  if (!isOAuthProvider(row.provider)) throw sourceError('CONNECT_EXPIRED');
  return { provider: row.provider, pending: PendingOffers.parse(await deps.credentials.open(row.id, row.resultEnc!)) };
}

/** Adds the picked channels, accounts or Pages as sources, or gives existing ones the new credentials. */
export async function addPickedOffers(
  deps: SourceDeps,
  actor: Actor,
  connectId: string,
  picked: string[],
  now: Date,
): Promise<{ created: string[]; reconnected: string[] }> {
  const { pending } = await pendingOffers(deps, actor, connectId, now);
  const chosen = pending.offers.filter((o) => picked.includes(o.key));
  if (chosen.length === 0) throw sourceError('CONNECT_NOTHING_CHOSEN');
  const token = { scopes: pending.scopes, expiresAt: pending.expiresAt ? new Date(pending.expiresAt) : null };
  const added = { created: [] as string[], reconnected: [] as string[] };
  for (const o of chosen) {
    const r = await upsertSource(deps, actor, now, token, {
      platform: o.platform,
      key: o.keyField,
      name: o.name,
      config: o.config,
      credentials: pending.credentials,
    });
    added[r.created ? 'created' : 'reconnected'].push(r.id);
  }
  await deps.db.delete(oauthConnects).where(eq(oauthConnects.id, connectId));
  return added;
}
