import { and, eq, gt, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  authorizationUrl,
  ConnectorError,
  ConnectRefused,
  exchangeCode,
  FACEBOOK_DIALOG_URL,
  GRAPH_BASE_URL,
  longLivedThreadsToken,
  longLivedUserToken,
  managedPages,
  type MetaOAuthApp,
  newState,
  subscribePageWebhooks,
  THREADS_AUTHORIZE_URL,
  THREADS_BASE_URL,
  threadsProfile,
  tokenFacts,
} from '../connectors';
import type { Actor } from '../core/actor';
import type { Platform } from '../core/platforms';
import { sourceError } from './errors';
import type { MetaApp } from './meta-app';
import { type ConnectProvider, oauthConnects, sources } from './schema';
import { createSource, type SourceDeps, updateSource } from './sources.service';

/**
 * Connect with Facebook (Pages and their Instagram accounts) or Threads: the state Meta sends back is a
 * row of ours, tied to the workspace and person who started; what the sign-in gave (Page tokens) is kept
 * sealed until the person picks; picking adds sources, or gives an existing one (same Page, account or
 * profile) its new token, so a reconnect resumes from the source's saved cursor.
 */
export interface ConnectDeps extends SourceDeps {
  meta: MetaApp;
}

export const TTL_MS = 15 * 60_000;

/** The providers whose flow is Meta's (the others: oauth-connect.service.ts). */
export type MetaProvider = Extract<ConnectProvider, 'facebook' | 'threads'>;
export const isMetaProvider = (p: ConnectProvider): p is MetaProvider => p === 'facebook' || p === 'threads';

export const LABEL: Record<ConnectProvider, string> = {
  facebook: 'Facebook',
  threads: 'Threads',
  google: 'Google',
  linkedin: 'LinkedIn',
};

/** The Meta app behind a provider, or null when this installation has not set it up. */
export function connectApp(meta: MetaApp, provider: MetaProvider): MetaOAuthApp | null {
  if (provider === 'facebook')
    return meta.appId && meta.appSecret
      ? {
          platform: 'facebook',
          clientId: meta.appId,
          clientSecret: meta.appSecret,
          authorizeUrl: meta.dialogUrl ?? FACEBOOK_DIALOG_URL,
          graphUrl: meta.graphUrl ?? GRAPH_BASE_URL,
        }
      : null;
  return meta.threadsAppId && meta.threadsAppSecret
    ? {
        platform: 'threads',
        clientId: meta.threadsAppId,
        clientSecret: meta.threadsAppSecret,
        authorizeUrl: meta.threadsAuthorizeUrl ?? THREADS_AUTHORIZE_URL,
        graphUrl: meta.threadsGraphUrl ?? THREADS_BASE_URL,
      }
    : null;
}

/**
 * Where the connect buttons' forms lead (Meta's dialogs), for the pages' Content-Security-Policy: a form may
 * only post to, or be redirected to, what form-action names.
 */
export function connectOrigins(meta: MetaApp): string[] {
  const apps = [connectApp(meta, 'facebook'), connectApp(meta, 'threads')];
  return [...new Set(apps.flatMap((a) => (a ? [new URL(a.authorizeUrl).origin] : [])))];
}

function requireApp(meta: MetaApp, provider: MetaProvider): MetaOAuthApp {
  const app = connectApp(meta, provider);
  if (app) return app;
  const settings =
    provider === 'facebook' ? 'META_APP_ID, META_APP_SECRET' : 'META_THREADS_APP_ID, META_THREADS_APP_SECRET';
  throw sourceError('CONNECT_NOT_CONFIGURED', { platform: LABEL[provider], settings });
}

/** Starts a connection: a state of ours, and the address of Meta's dialog to send the person to. */
export async function startConnect(
  deps: ConnectDeps,
  actor: Actor,
  provider: MetaProvider,
  redirectUri: string,
  now: Date,
): Promise<URL> {
  const app = requireApp(deps.meta, provider);
  return authorizationUrl(app, redirectUri, await openFlow(deps, actor, provider, now));
}

/** A new flow of this person: its state (sent to the platform and back), valid 15 minutes. */
export async function openFlow(deps: SourceDeps, actor: Actor, provider: ConnectProvider, now: Date) {
  const userId = person(actor);
  const state = newState();
  await deps.db.delete(oauthConnects).where(lt(oauthConnects.expiresAt, now));
  await deps.db.insert(oauthConnects).values({
    workspaceId: actor.workspaceId,
    userId,
    provider,
    state,
    expiresAt: new Date(now.getTime() + TTL_MS),
  });
  return state;
}

/** What the Facebook sign-in gave, kept sealed until the person has picked. */
const PendingPages = z.object({
  scopes: z.array(z.string()),
  expiresAt: z.string().nullable(),
  pages: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      token: z.string(),
      instagram: z.object({ id: z.string(), username: z.string().nullable() }).nullable(),
    }),
  ),
});
export type PendingPages = z.infer<typeof PendingPages>;

/** Turns a platform's refusal into the page's message (Meta's words, with its code), keeping our own errors. */
export function connectFailure(provider: ConnectProvider, err: unknown): never {
  if (err instanceof ConnectRefused)
    throw sourceError('CONNECT_REFUSED', { platform: LABEL[provider], reason: err.message });
  if (err instanceof ConnectorError)
    throw sourceError('CONNECT_FAILED', { platform: LABEL[provider], reason: err.message });
  throw err;
}

/** The staff member a flow belongs to: an API key has none, so it can neither start nor finish one. */
function person(actor: Actor): string {
  if (!actor.userId) throw sourceError('CONNECT_EXPIRED');
  return actor.userId;
}

/** A flow of this person in this workspace, not expired, that also meets `which`; else CONNECT_EXPIRED. */
export async function ownFlow(deps: SourceDeps, actor: Actor, now: Date, ...which: SQL[]) {
  const [row] = await deps.db
    .select()
    .from(oauthConnects)
    .where(
      and(
        eq(oauthConnects.workspaceId, actor.workspaceId),
        eq(oauthConnects.userId, person(actor)),
        gt(oauthConnects.expiresAt, now),
        ...which,
      ),
    );
  if (!row) throw sourceError('CONNECT_EXPIRED');
  return row;
}

/** The flow Meta's answer names by its state: this provider's, and not finished yet (usable once). */
export const claimState = (deps: SourceDeps, actor: Actor, provider: ConnectProvider, state: string, now: Date) =>
  ownFlow(
    deps,
    actor,
    now,
    eq(oauthConnects.state, state),
    eq(oauthConnects.provider, provider),
    isNull(oauthConnects.resultEnc),
  );

export type ConnectOutcome = { kind: 'pick'; connectId: string } | { kind: 'done'; sourceIds: string[] };

/**
 * Meta sent the person back: the state must be one this person started here and not used; the code is
 * traded for a long-lived token. Facebook: the Pages wait for the person's pick. Threads: the profile is
 * added (or reconnected) at once.
 */
export async function finishConnect(
  deps: ConnectDeps,
  actor: Actor,
  provider: MetaProvider,
  callback: URL,
  redirectUri: string,
  now: Date,
): Promise<ConnectOutcome> {
  const app = requireApp(deps.meta, provider);
  const row = await claimState(deps, actor, provider, callback.searchParams.get('state') ?? '', now);
  try {
    const short = await exchangeCode(app, deps.outbound, callback, row.state, redirectUri).catch(async (err) => {
      await deps.db.delete(oauthConnects).where(eq(oauthConnects.id, row.id));
      throw err;
    });
    if (provider === 'threads') {
      const id = await connectThreads(deps, actor, app, short.accessToken, now);
      await deps.db.delete(oauthConnects).where(eq(oauthConnects.id, row.id));
      return { kind: 'done', sourceIds: [id] };
    }
    const long = await longLivedUserToken(app, deps.outbound, short.accessToken);
    const facts = await tokenFacts(app, deps.outbound, long.accessToken);
    const pages = await managedPages(app, deps.outbound, long.accessToken);
    const pending: PendingPages = {
      scopes: facts.scopes,
      expiresAt: facts.expiresAt?.toISOString() ?? null,
      pages: pages.map((p) => ({
        id: p.id,
        name: p.name,
        token: p.access_token,
        instagram: p.instagram_business_account
          ? { id: p.instagram_business_account.id, username: p.instagram_business_account.username ?? null }
          : null,
      })),
    };
    const resultEnc = await deps.credentials.seal(row.id, pending);
    await deps.db
      .update(oauthConnects)
      .set({ resultEnc, expiresAt: new Date(now.getTime() + TTL_MS) })
      .where(eq(oauthConnects.id, row.id));
    return { kind: 'pick', connectId: row.id };
  } catch (err) {
    connectFailure(provider, err);
  }
}

/** The Pages (and Instagram accounts) a finished Facebook sign-in offers, for this person only. */
export async function pendingPages(deps: ConnectDeps, actor: Actor, connectId: string, now: Date) {
  const row = await ownFlow(deps, actor, now, eq(oauthConnects.id, connectId), isNotNull(oauthConnects.resultEnc));
  return PendingPages.parse(await deps.credentials.open(row.id, row.resultEnc!));
}

export interface Picked {
  pages: string[];
  instagram: string[];
}

export interface Added {
  created: string[];
  reconnected: string[];
  /** Things that did not stop the sources from being added (webhooks not subscribed: polling covers it). */
  warnings: string[];
}

/** Adds the picked Pages and Instagram accounts as sources, or gives existing ones their new tokens. */
export async function addPicked(
  deps: ConnectDeps,
  actor: Actor,
  connectId: string,
  picked: Picked,
  now: Date,
): Promise<Added> {
  const app = requireApp(deps.meta, 'facebook');
  const pending = await pendingPages(deps, actor, connectId, now);
  const pages = pending.pages.filter((p) => picked.pages.includes(p.id));
  const accounts = pending.pages.filter((p) => p.instagram && picked.instagram.includes(p.instagram.id));
  if (pages.length + accounts.length === 0) throw sourceError('CONNECT_NOTHING_CHOSEN');
  const token = { scopes: pending.scopes, expiresAt: pending.expiresAt ? new Date(pending.expiresAt) : null };
  const added: Added = { created: [], reconnected: [], warnings: [] };
  const credentials = (accessToken: string) => ({
    accessToken,
    ...(app.clientSecret ? { appSecret: app.clientSecret } : {}),
  });
  for (const p of pages) {
    const r = await upsertSource(deps, actor, now, token, {
      platform: 'facebook',
      key: ['pageId', p.id],
      name: p.name,
      config: { pageId: p.id, baseUrl: app.graphUrl },
      credentials: credentials(p.token),
    });
    added[r.created ? 'created' : 'reconnected'].push(r.id);
    await subscribePageWebhooks(app, deps.outbound, { id: p.id, name: p.name, access_token: p.token }).catch((err) =>
      added.warnings.push(
        `${p.name}: webhooks not subscribed (${err instanceof Error ? err.message : String(err)}); polling covers it`,
      ),
    );
  }
  for (const p of accounts) {
    const ig = p.instagram!;
    const r = await upsertSource(deps, actor, now, token, {
      platform: 'instagram',
      key: ['igUserId', ig.id],
      name: ig.username ? `@${ig.username}` : `${p.name} (Instagram)`,
      config: { igUserId: ig.id, baseUrl: app.graphUrl },
      credentials: credentials(p.token),
    });
    added[r.created ? 'created' : 'reconnected'].push(r.id);
  }
  await deps.db.delete(oauthConnects).where(eq(oauthConnects.id, connectId));
  return added;
}

async function connectThreads(deps: ConnectDeps, actor: Actor, app: MetaOAuthApp, shortToken: string, now: Date) {
  const long = await longLivedThreadsToken(app, deps.outbound, shortToken);
  const profile = await threadsProfile(app, deps.outbound, long.accessToken);
  const expiresAt = long.expiresIn ? new Date(now.getTime() + long.expiresIn * 1000) : null;
  const r = await upsertSource(
    deps,
    actor,
    now,
    { scopes: null, expiresAt },
    {
      platform: 'threads',
      key: ['threadsUserId', profile.id],
      name: profile.username ? `@${profile.username}` : `Threads ${profile.id}`,
      config: { threadsUserId: profile.id, baseUrl: app.graphUrl },
      credentials: { accessToken: long.accessToken, appSecret: app.clientSecret },
    },
  );
  return r.id;
}

export interface Wanted {
  platform: Platform;
  /** The config field naming the account (pageId, igUserId, threadsUserId) and its value. */
  key: [string, string];
  name: string;
  config: Record<string, unknown>;
  credentials: Record<string, unknown>;
}

/** A new source, or the existing one for the same account with the new token (its cursor kept). */
export async function upsertSource(
  deps: SourceDeps,
  actor: Actor,
  now: Date,
  token: { scopes: string[] | null; expiresAt: Date | null },
  w: Wanted,
): Promise<{ id: string; created: boolean }> {
  const [existing] = await deps.db
    .select({ id: sources.id })
    .from(sources)
    .where(
      and(
        eq(sources.workspaceId, actor.workspaceId),
        eq(sources.platform, w.platform),
        sql`${sources.config}->>${w.key[0]} = ${w.key[1]}`,
      ),
    )
    .limit(1);
  // A reconnect writes the app's addresses too: credentials never go to an address the source had before.
  const id = existing
    ? (await updateSource(deps, actor, existing.id, { credentials: w.credentials, config: w.config }, now)).id
    : (
        await createSource(
          deps,
          actor,
          { platform: w.platform, name: w.name, config: w.config, credentials: w.credentials },
          now,
        )
      ).id;
  await deps.db
    .update(sources)
    .set({ tokenScopes: token.scopes, tokenExpiresAt: token.expiresAt, expiryWarnedAt: null })
    .where(eq(sources.id, id));
  return { id, created: !existing };
}
