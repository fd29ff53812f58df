import type { AppBskyFeedDefs, AppBskyRichtextFacet, AtpAgent } from '@atproto/api';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { findOutboundError, isTimeout, type OutboundHttp } from '../../http/outbound';
import { ConnectorError, outboundFailure, type Connector } from '../types';
import type { SocialPost } from '../../core/social-post';
import { createReplyRecord, findReplyRecord } from './reply-record';
import { said } from '../../http/input-words';
import { connectorWords as w, verifiedAs, verifyWords as vw } from '../messages';

/**
 * Bluesky through @atproto/api: app.bsky.feed.searchPosts (sort=latest) per planned query, `since`
 * between sweeps and the XRPC cursor within one; replies as the connected account (app password).
 */
export const BLUESKY_DEFAULT_BASE_URL = 'https://bsky.social';
export const BLUESKY_PUBLIC_APPVIEW = 'https://public.api.bsky.app';
const REQUEST_TIMEOUT_MS = 15_000;
const PAGE_SIZE = 100;
/** Bluesky's post length limit, in graphemes (app.bsky.feed.post#text maxGraphemes). */
const MAX_GRAPHEMES = 300;
/** Moderation labels that mean the network took the post (or its author) down. */
const WITHHELD_LABELS = new Set(['!takedown', '!hide']);

export const blueskyConfigSchema = z.object({
  /** The PDS (or entryway) to log in to; it proxies searches for a logged-in account. */
  baseUrl: z.url().default(BLUESKY_DEFAULT_BASE_URL),
  /** Where searches go without credentials: Bluesky's public AppView when baseUrl is the default. */
  publicBaseUrl: z.url().optional(),
  /** How far back a query that is new to this source reaches on its first sweep. */
  newQueryLookbackHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  timeoutMs: z.number().int().min(100).max(120_000).default(REQUEST_TIMEOUT_MS),
});
export type BlueskyConfig = z.infer<typeof blueskyConfigSchema>;

export const blueskyCredentialsSchema = z
  .object({
    /** Handle (alice.bsky.social), DID or email of the account. */
    identifier: z.string().trim().min(1).optional(),
    /** An app password (Settings → Privacy and security → App passwords), never the main password. */
    appPassword: z.string().min(1).optional(),
  })
  .refine((c) => Boolean(c.identifier) === Boolean(c.appPassword), said(w.blueskyBothOrNeither));
export type BlueskyCredentials = z.infer<typeof blueskyCredentialsSchema>;

interface QueryState {
  /** sortAt of the newest post the last finished sweep saw: the next sweep asks `since` it. */
  since?: string;
  /** URIs sitting exactly at `since`: the bound is inclusive, so they come back and are dropped. */
  seen?: string[];
  /** Within an unfinished sweep: the XRPC cursor of the next page and the newest post so far. */
  next?: string;
  newest?: string;
  newestSeen?: string[];
}

export interface BlueskyCursor {
  queries?: Record<string, QueryState>;
  /** Queries still to sweep in this round, the current one first. */
  pending?: string[];
}

type PostView = AppBskyFeedDefs.PostView;
type StrongRef = { uri: string; cid: string };
/** The app.bsky.feed.post fields read here; the record is untyped on the wire (lexicon `unknown`). */
type PostRecord = {
  text?: string;
  langs?: string[];
  createdAt?: string;
  reply?: { root?: StrongRef; parent?: StrongRef };
};

const err = (
  kind: ConstructorParameters<typeof ConnectorError>[0],
  message: string,
  extra: { status?: number; resetAt?: Date } = {},
) => new ConnectorError(kind, message, { ...extra, platform: 'bluesky' });

// @atproto/api takes ~0.4 s to load: it is loaded on the first Bluesky call, not at app start.
let atproto: typeof import('@atproto/api') | undefined;
const loadAtproto = async () => (atproto ??= await import('@atproto/api'));
type XRPCError = import('@atproto/api').XRPCError;

/** XRPC error names we know may be named in an error text; the server's messages never are. */
const XRPC_ERRORS = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AccountTakedown',
  'AuthFactorTokenRequired',
  'AuthenticationRequired',
  'RateLimitExceeded',
  'BadQueryString',
  'InvalidRequest',
  'UpstreamFailure',
  'UpstreamTimeout',
  'NotFound',
  'InternalServerError',
  'MethodNotImplemented',
]);
const codeWord = (v: unknown) => (typeof v === 'string' && XRPC_ERRORS.has(v) ? v : undefined);

/**
 * Maps any @atproto/api failure to what the poller needs to know, in our words: the server's
 * message is never repeated (the service address may point anywhere).
 */
export function toConnectorError(e: unknown): ConnectorError {
  if (e instanceof ConnectorError) return e;
  if (findOutboundError(e)) return outboundFailure(e, 'Could not reach Bluesky', 'bluesky');
  // Any XRPC error comes from an agent, so the library is loaded by then.
  if (!atproto || !(e instanceof atproto.XRPCError)) {
    if (isTimeout(e)) return outboundFailure(e, 'Could not reach Bluesky', 'bluesky');
    // A library's own words ("Cannot read properties of undefined") mean nothing to a person.
    return err('transient', 'Bluesky answered something we could not read');
  }
  const status = Number(e.status);
  const code = codeWord(e.error);
  const detail = code ? `HTTP ${status}, ${code}` : `HTTP ${status}`;
  if (status === 1) {
    const timedOut = (e.cause as Error | undefined)?.name === 'TimeoutError';
    return err('transient', timedOut ? 'Bluesky did not answer in time' : 'Could not reach Bluesky: could not connect');
  }
  if (status === 2) return err('transient', 'Bluesky sent a malformed response');
  if (status === 429) {
    const resetAt = resetFrom(e.headers ?? {});
    return err('rate_limited', `Bluesky rate limit reached (${detail})`, { status, ...(resetAt ? { resetAt } : {}) });
  }
  if (
    status === 401 ||
    status === 403 ||
    ['ExpiredToken', 'InvalidToken', 'AccountTakedown', 'AuthFactorTokenRequired'].includes(e.error)
  ) {
    return err('auth', `Bluesky refused the credentials (${detail})`, { status });
  }
  if (status >= 500) return err('transient', `Bluesky answered ${detail}`, { status });
  return err('invalid_request', `Bluesky rejected the request (${detail})`, { status });
}

/** RateLimit-Reset is epoch seconds (xrpc-server); fall back to Retry-After (seconds or a date). */
function resetFrom(headers: Record<string, string | undefined>): Date | undefined {
  const reset = Number(headers['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1000);
  const retry = headers['retry-after'];
  if (!retry) return undefined;
  const at = /^\d+$/.test(retry) ? Date.now() + Number(retry) * 1000 : Date.parse(retry);
  return Number.isFinite(at) ? new Date(at) : undefined;
}

async function agentFor(http: OutboundHttp, service: string, timeoutMs: number): Promise<AtpAgent> {
  const { AtpAgent } = await loadAtproto();
  return new AtpAgent({
    service,
    // Every request, including the session calls the agent makes on its own, goes through the
    // outbound guard and gets the deadline.
    fetch: (input, init) => {
      const own = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      const deadline = AbortSignal.timeout(timeoutMs);
      return http.fetch(input, { ...init, signal: own ? AbortSignal.any([own, deadline]) : deadline });
    },
  });
}

async function loggedIn(http: OutboundHttp, config: BlueskyConfig, credentials: BlueskyCredentials) {
  const agent = await agentFor(http, config.baseUrl, config.timeoutMs);
  if (!credentials.identifier || !credentials.appPassword)
    throw err('auth', 'Bluesky needs the account handle and an app password for this');
  try {
    await agent.login({ identifier: credentials.identifier.replace(/^@/, ''), password: credentials.appPassword });
  } catch (e) {
    const ce = toConnectorError(e);
    const status = Number((e as XRPCError).status);
    if (ce.kind === 'auth')
      throw err('auth', `Bluesky refused the login for ${credentials.identifier} (HTTP ${status})`, { status });
    throw ce;
  }
  return agent;
}

/**
 * createSession allows 30 logins per 5 minutes and 300 a day per account: a poll every five minutes
 * with a fresh login would use them all. Logged-in agents are kept per server and account (the
 * password enters the key only as a hash, so a changed one logs in anew) and refresh their own tokens.
 */
const sessions = new Map<string, Promise<AtpAgent>>();
// An agent keeps the guard it was made with: one made under another policy is not reused.
const guardIds = new WeakMap<OutboundHttp, number>();
let guardCount = 0;
const guardId = (http: OutboundHttp) => {
  const known = guardIds.get(http);
  if (known !== undefined) return known;
  guardIds.set(http, ++guardCount);
  return guardCount;
};
const sessionKey = (http: OutboundHttp, config: BlueskyConfig, credentials: BlueskyCredentials) => {
  const password = bytesToHex(sha256(new TextEncoder().encode(credentials.appPassword ?? '')));
  return `${guardId(http)} ${config.baseUrl} ${config.timeoutMs} ${credentials.identifier} ${password}`;
};

function session(http: OutboundHttp, config: BlueskyConfig, credentials: BlueskyCredentials): Promise<AtpAgent> {
  const key = sessionKey(http, config, credentials);
  let agent = sessions.get(key);
  if (!agent) {
    agent = loggedIn(http, config, credentials);
    sessions.set(key, agent);
    agent.catch(() => sessions.delete(key));
  }
  return agent;
}

/** A revoked or expired session must not be reused: the next call logs in afresh. */
function forgetOnAuth(
  e: ConnectorError,
  http: OutboundHttp,
  config: BlueskyConfig,
  credentials: BlueskyCredentials,
): ConnectorError {
  if (e.kind === 'auth') sessions.delete(sessionKey(http, config, credentials));
  return e;
}

async function searchAgent(http: OutboundHttp, config: BlueskyConfig, credentials: BlueskyCredentials) {
  if (credentials.identifier) return session(http, config, credentials);
  const publicUrl =
    config.publicBaseUrl ??
    (config.baseUrl.replace(/\/$/, '') === BLUESKY_DEFAULT_BASE_URL ? BLUESKY_PUBLIC_APPVIEW : config.baseUrl);
  return agentFor(http, publicUrl, config.timeoutMs);
}

/** at://did/app.bsky.feed.post/rkey → the bsky.app page (by DID when the handle no longer resolves). */
export function postUrl(uri: string, handle: string | null | undefined): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  if (!m) return null;
  const who = handle && handle !== 'handle.invalid' ? handle : m[1];
  return `https://bsky.app/profile/${who}/post/${m[2]}`;
}

/** The AppView orders and filters search by sortAt: the earlier of createdAt and indexedAt. */
export function sortAtOf(post: PostView): number {
  const indexed = Date.parse(post.indexedAt);
  const created = Date.parse(String((post.record as PostRecord).createdAt ?? ''));
  return Number.isFinite(created) && created < indexed ? created : indexed;
}

function withheld(labels: PostView['labels']): boolean {
  const list = labels ?? [];
  const negated = new Set(list.filter((l) => l.neg).map((l) => `${l.src} ${l.val}`));
  return list.some((l) => !l.neg && WITHHELD_LABELS.has(l.val) && !negated.has(`${l.src} ${l.val}`));
}

/** Post text is plain UTF-8 (no HTML, no entities); facets index into it by byte, so it is kept as sent. */
export function postToSocialPost(post: PostView): SocialPost {
  const record = post.record as PostRecord;
  const created = Date.parse(record.createdAt ?? '');
  const handle = post.author.handle;
  const parent = record.reply?.parent?.uri ?? null;
  const metrics: Record<string, number> = {};
  for (const [key, field] of [
    ['likes', 'likeCount'],
    ['reposts', 'repostCount'],
    ['replies', 'replyCount'],
    ['quotes', 'quoteCount'],
  ] as const) {
    const v = post[field];
    if (typeof v === 'number') metrics[key] = v;
  }
  return {
    externalId: post.uri,
    url: postUrl(post.uri, handle),
    kind: parent ? 'comment' : 'post',
    title: null,
    text: typeof record.text === 'string' ? record.text : '',
    lang: record.langs?.[0] ?? null,
    createdAt: new Date(Number.isFinite(created) ? created : Date.parse(post.indexedAt)),
    author: {
      externalId: post.author.did,
      handle,
      name: post.author.displayName || null,
      // searchPosts carries ProfileViewBasic: no follower count, no bio.
      followers: null,
      bio: null,
      url: `https://bsky.app/profile/${handle && handle !== 'handle.invalid' ? handle : post.author.did}`,
      avatarUrl: post.author.avatar ?? null,
      verified: post.author.verification?.verifiedStatus === 'valid',
    },
    replyToExternalId: parent,
    threadExternalId: record.reply?.root?.uri ?? post.uri,
    metrics,
    deleted: withheld(post.labels) || withheld(post.author.labels),
    raw: post,
  };
}

/** A reply names its parent and the thread's root: the parent's own root when it is itself a reply. */
export function replyRefs(parent: { uri: string; cid: string; record?: unknown }): {
  root: StrongRef;
  parent: StrongRef;
} {
  const self = { uri: parent.uri, cid: parent.cid };
  const root = (parent.record as PostRecord | undefined)?.reply?.root;
  return { root: root?.uri && root.cid ? { uri: root.uri, cid: root.cid } : self, parent: self };
}

export function searchesFor(plan: { queries: string[]; hashtags: string[] }): string[] {
  const all = [...plan.queries, ...plan.hashtags.map((t) => `#${t.replace(/^#/, '')}`)]
    .map((q) => q.trim())
    .filter(Boolean);
  if (all.length === 0) throw err('invalid_request', 'Nothing to search on Bluesky: add a topic to this workspace');
  return [...new Set(all)];
}

export const blueskyConnector: Connector<BlueskyConfig, BlueskyCredentials> = {
  platform: 'bluesky',
  label: 'Bluesky',
  configSchema: blueskyConfigSchema,
  credentialsSchema: blueskyCredentialsSchema,
  searches: true,

  async poll({ config, credentials, cursor, plan, since, now, signal, http }) {
    const searches = searchesFor(plan);
    const prev = (cursor ?? { queries: {} }) as BlueskyCursor;
    const start = (
      cursor === null && since ? since : new Date(now.getTime() - config.newQueryLookbackHours * 3_600_000)
    ).toISOString();
    // Queries dropped from the plan are forgotten; new ones start from the lookback.
    const queries: Record<string, QueryState> = Object.fromEntries(
      searches.map((q) => [q, prev.queries?.[q] ?? { since: start }]),
    );
    let pending = (prev.pending ?? []).filter((q) => q in queries);
    if (pending.length === 0) pending = [...searches];
    const q = pending[0]!;
    const state = queries[q]!;

    let data: { posts: PostView[]; cursor?: string };
    try {
      const agent = await searchAgent(http, config, credentials);
      const res = await agent.app.bsky.feed.searchPosts(
        {
          q,
          sort: 'latest',
          limit: PAGE_SIZE,
          ...(state.since ? { since: state.since } : {}),
          ...(state.next ? { cursor: state.next } : {}),
        },
        signal ? { signal } : {},
      );
      data = res.data;
    } catch (e) {
      throw forgetOnAuth(toConnectorError(e), http, config, credentials);
    }

    const seen = new Set(state.seen ?? []);
    const posts = data.posts.filter((p) => !seen.has(p.uri)).map(postToSocialPost);
    let newest = state.newest ? Date.parse(state.newest) : -Infinity;
    let newestSeen = new Set(state.newestSeen ?? []);
    for (const p of data.posts) {
      const at = sortAtOf(p);
      if (at > newest) [newest, newestSeen] = [at, new Set([p.uri])];
      else if (at === newest) newestSeen.add(p.uri);
    }
    const sweep = Number.isFinite(newest)
      ? { newest: new Date(newest).toISOString(), newestSeen: [...newestSeen].slice(0, 50) }
      : {};

    if (data.cursor && data.posts.length > 0) {
      queries[q] = { ...pick(state), next: data.cursor, ...sweep };
      return { posts, cursor: { queries, pending }, more: true };
    }
    // Sweep finished: the next one starts at the newest post it saw.
    queries[q] = sweep.newest ? { since: sweep.newest, seen: sweep.newestSeen } : pick(state);
    pending = pending.slice(1);
    return { posts, cursor: pending.length ? { queries, pending } : { queries }, more: pending.length > 0 };
  },

  async reply({ config, credentials, inReplyTo, text, http, outbox }) {
    try {
      const agent = await session(http, config, credentials);
      let parent = inReplyTo.raw as PostView | null;
      if (!parent?.cid || parent.uri !== inReplyTo.externalId) {
        // Without the stored view (or its CID) the reply refs cannot be built: read the post again.
        parent = (await agent.app.bsky.feed.getPosts({ uris: [inReplyTo.externalId] })).data.posts[0] ?? null;
        if (!parent) throw err('invalid_request', 'The Bluesky post to reply to no longer exists');
      }
      const rt = new (await loadAtproto()).RichText({ text });
      await rt.detectFacets(agent);
      if (rt.graphemeLength > MAX_GRAPHEMES)
        throw err(
          'invalid_request',
          `A Bluesky post holds at most ${MAX_GRAPHEMES} characters; this reply has ${rt.graphemeLength}`,
        );
      // A mention whose handle did not resolve has no DID, which the PDS would reject: keep it as text.
      const facets = rt.facets
        ?.map((f) => ({
          ...f,
          features: f.features.filter(
            (x) => !(x.$type === 'app.bsky.richtext.facet#mention' && !(x as AppBskyRichtextFacet.Mention).did),
          ),
        }))
        .filter((f) => f.features.length > 0);
      const record = { text: rt.text, ...(facets?.length ? { facets } : {}), reply: replyRefs(parent) };
      // A refusal of the account or a rate limit is no repeat; anything else may be one.
      const mayBeRepeat = (e: unknown) => !['auth', 'rate_limited'].includes(toConnectorError(e).kind);
      const res = outbox ? await createReplyRecord(agent, outbox, record, mayBeRepeat) : await agent.post(record);
      return { externalId: res.uri, url: postUrl(res.uri, agent.session?.handle) };
    } catch (e) {
      throw forgetOnAuth(toConnectorError(e), http, config, credentials);
    }
  },

  async findReply({ config, credentials, http, outbox }) {
    // Without an outbox row there is no record key to look at.
    if (!outbox) return null;
    try {
      const agent = await session(http, config, credentials);
      const found = await findReplyRecord(agent, outbox);
      return found ? { externalId: found.uri, url: postUrl(found.uri, agent.session?.handle) } : null;
    } catch (e) {
      throw forgetOnAuth(toConnectorError(e), http, config, credentials);
    }
  },

  async verify({ config, credentials, http }) {
    try {
      if (!credentials.identifier) {
        const agent = await searchAgent(http, config, credentials);
        await agent.app.bsky.feed.searchPosts({ q: 'bluesky', limit: 1 });
        return verifiedAs(true, null, vw.blueskyPublic);
      }
      const agent = await loggedIn(http, config, credentials);
      const handle = agent.session?.handle ?? null;
      return verifiedAs(true, handle, vw.bluesky, { handle: String(handle) });
    } catch (e) {
      return { ok: false, account: null, message: toConnectorError(e).message };
    }
  },
};

function pick({ since, seen }: QueryState): QueryState {
  return { ...(since ? { since } : {}), ...(seen?.length ? { seen } : {}) };
}
