import { decodeHTML } from 'entities';
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  type TweetSearchRecentV2Paginator,
  TwitterApi,
  type TweetV2,
  type UserV2,
} from 'twitter-api-v2';
import { z } from 'zod';
import { findOutboundError, type GuardedAgent, type OutboundHttp } from '../../http/outbound';
import { expectShape, usablePosts } from '../answer';
import { ConnectorError, outboundFailure, type Connector } from '../types';
import type { SocialPost } from '../../core/social-post';
import { findXReply } from './find-reply';
import { verifiedAs, verifyWords as vw } from '../messages';

/**
 * X (Twitter) through twitter-api-v2: recent search with author and referenced-tweet expansions,
 * since_id between sweeps and next_token within one, replies as the connected account (OAuth 1.0a).
 */
export const X_DEFAULT_BASE_URL = 'https://api.x.com/';
const REQUEST_TIMEOUT_MS = 15_000;

export const xConfigSchema = z.object({
  baseUrl: z.url().default(X_DEFAULT_BASE_URL),
  /** Overrides the query compiled from the workspace's topics. */
  query: z.string().min(1).max(512).optional(),
  /** The brand's own account, so mentions of it are searched too. */
  accountHandle: z
    .string()
    .regex(/^@?\w{1,15}$/)
    .optional(),
  includeRetweets: z.boolean().default(false),
  timeoutMs: z.number().int().min(100).max(120_000).default(REQUEST_TIMEOUT_MS),
});
export type XConfig = z.infer<typeof xConfigSchema>;

export const xCredentialsSchema = z.object({
  bearerToken: z.string().min(1),
  // User context, needed only to reply.
  appKey: z.string().min(1).optional(),
  appSecret: z.string().min(1).optional(),
  accessToken: z.string().min(1).optional(),
  accessSecret: z.string().min(1).optional(),
});
export type XCredentials = z.infer<typeof xCredentialsSchema>;

interface XCursor {
  /** Newest id of the last finished sweep: the next sweep asks only for newer tweets. */
  sinceId?: string;
  /** Within an unfinished sweep: the next page, and the newest id that sweep has seen. */
  nextToken?: string;
  sweepNewestId?: string;
}

const TWEET_FIELDS = [
  'created_at',
  'conversation_id',
  'lang',
  'entities',
  'referenced_tweets',
  'note_tweet',
  'public_metrics',
  'in_reply_to_user_id',
  'author_id',
  'withheld',
] as const;
const USER_FIELDS = [
  'description',
  'public_metrics',
  'verified',
  'url',
  'profile_image_url',
  'name',
  'username',
] as const;
const EXPANSIONS = ['author_id', 'referenced_tweets.id', 'referenced_tweets.id.author_id'] as const;

const validDate = (s: string) => !Number.isNaN(Date.parse(s));
/** A tweet we can make a mention of: without its text, date or author it is skipped, never guessed. */
const tweetSchema = z.looseObject({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  created_at: z.string().refine(validDate),
  author_id: z.string().min(1),
});
/** GET /2/tweets/search/recent: `data` may be absent (no results), `meta` never is. */
const searchAnswerSchema = z.looseObject({
  data: z.array(z.unknown()).optional(),
  includes: z.looseObject({ users: z.array(z.unknown()).optional() }).optional(),
  meta: z.looseObject({ newest_id: z.string().optional(), next_token: z.string().optional() }),
});
const userSchema = z.looseObject({ id: z.string(), username: z.string() });

type XAuth = string | { appKey: string; appSecret: string; accessToken: string; accessSecret: string };

/**
 * twitter-api-v2 speaks node:http and cannot take a fetch: it gets the guard's agent (checked
 * lookups, a byte cap per answer) and no compression, so the bytes counted are the bytes kept.
 */
async function client(http: OutboundHttp, baseUrl: string, timeoutMs: number, auth: XAuth) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const plugin = {
    // twitter-api-v2 has no base-URL setting: point its official URLs at the configured server.
    onBeforeRequestConfig({ params }: { params: { url: URL | string; timeout?: number } }) {
      params.url = String(params.url).replace(/^https:\/\/api\.(x|twitter)\.com\//, base);
      params.timeout ??= timeoutMs;
    },
  };
  let guard: GuardedAgent | null;
  try {
    guard = await http.nodeAgent(base);
  } catch (err) {
    throw outboundFailure(err, 'Could not reach X', 'x');
  }
  const api = new TwitterApi(auth as never, {
    plugins: [plugin as never],
    compression: 'identity',
    ...(guard ? { httpAgent: guard.agent } : {}),
  });
  return { api, guard };
}

/** Refusals X explains in its own text, recognised and said in ours. */
const X_REFUSALS: [RegExp, string][] = [
  [/duplicate content/i, 'duplicate content'],
  [/not allowed to reply/i, 'replies to this post are not allowed'],
  [/deleted or not visible|does not exist|not found/i, 'the post is gone'],
  [/too long/i, 'the text is too long'],
];

/**
 * Maps any twitter-api-v2 failure to what the poller needs to know, in our words: X's own error
 * texts are read to classify (duplicate content, unsupported authentication) but never repeated.
 */
export function toConnectorError(err: unknown, guard?: GuardedAgent | null): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const tripped = guard?.tripped();
  if (tripped) {
    return outboundFailure(tripped, tripped.code === 'timeout' ? 'Could not reach X' : 'Could not read X', 'x');
  }
  if (err instanceof ApiResponseError) {
    const resetAt = err.rateLimit?.reset ? new Date(err.rateLimit.reset * 1000) : undefined;
    const data = (err.data ?? {}) as { detail?: string; title?: string; type?: string; reason?: string };
    const said = `${data.type ?? ''} ${data.title ?? ''} ${data.detail ?? ''}`;
    const http = `HTTP ${err.code}`;
    if (err.rateLimitError || err.code === 429)
      return new ConnectorError('rate_limited', 'X rate limit reached (HTTP 429)', {
        status: 429,
        ...(resetAt ? { resetAt } : {}),
        platform: 'x',
      });
    // 401, and 403 "unsupported authentication", are about credentials; any other 403 refuses the
    // action itself (not allowed to reply to this post, duplicate content...).
    if (
      err.code === 401 ||
      (err.code === 403 && /unsupported-authentication|unauthorized/i.test(`${data.type ?? ''} ${data.title ?? ''}`))
    ) {
      return new ConnectorError('auth', `X refused the credentials (${http})`, { status: err.code, platform: 'x' });
    }
    // The Free level (and an app outside a project) may post but not search: X says "client-not-enrolled".
    if (err.code === 403 && /client-not-enrolled|client-forbidden/i.test(`${data.reason ?? ''} ${data.type ?? ''}`)) {
      return new ConnectorError(
        'auth',
        'X refused it (HTTP 403, client-not-enrolled): this app’s access level does not include recent search; ' +
          'X API Basic or higher (or pay-per-use) is needed',
        { status: 403, platform: 'x' },
      );
    }
    const why = X_REFUSALS.find(([pattern]) => pattern.test(said))?.[1];
    const detail = why ? `${http}, ${why}` : http;
    if (err.code === 403) {
      const duplicate = why === 'duplicate content';
      return new ConnectorError('invalid_request', `X refused it (${detail})`, {
        status: 403,
        platform: 'x',
        ...(duplicate ? { alreadyPosted: true } : {}),
      });
    }
    if (err.code >= 500)
      return new ConnectorError('transient', `X answered ${http}`, { status: err.code, platform: 'x' });
    return new ConnectorError('invalid_request', `X rejected the request (${detail})`, {
      status: err.code,
      platform: 'x',
    });
  }
  if (err instanceof ApiPartialResponseError)
    return new ConnectorError('transient', 'X sent a broken or incomplete response', { platform: 'x' });
  if (err instanceof ApiRequestError) {
    const own = findOutboundError(err.requestError);
    if (own) return outboundFailure(own, 'Could not reach X', 'x');
    // The client's own deadline ends the request with "Request timeout."; anything else is the network.
    const timedOut = /timeout/i.test(err.requestError?.message ?? '');
    return new ConnectorError('transient', `Could not reach X: ${timedOut ? 'timed out' : 'could not connect'}`, {
      platform: 'x',
    });
  }
  if (findOutboundError(err)) return outboundFailure(err, 'Could not reach X', 'x');
  // A library's own words ("tweets.map is not a function") mean nothing to the person reading them.
  return new ConnectorError('transient', 'X answered something we could not read', { platform: 'x' });
}

/** Tweets carry &amp; &lt; &gt; escaped; a long post's full text is in note_tweet. */
export function tweetToPost(tweet: TweetV2, users: Map<string, UserV2>): SocialPost {
  const author = tweet.author_id ? users.get(tweet.author_id) : undefined;
  const text = decodeHTML((tweet as TweetV2 & { note_tweet?: { text?: string } }).note_tweet?.text ?? tweet.text ?? '');
  const repliedTo = tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
  const m = tweet.public_metrics;
  const withheld = Boolean((tweet as { withheld?: unknown }).withheld);
  return {
    externalId: tweet.id,
    url: author ? `https://x.com/${author.username}/status/${tweet.id}` : `https://x.com/i/web/status/${tweet.id}`,
    kind: repliedTo ? 'comment' : 'post',
    title: null,
    text,
    lang: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
    createdAt: new Date(tweet.created_at ?? Number.NaN),
    author: {
      externalId: tweet.author_id ?? null,
      handle: author?.username ?? null,
      name: author?.name ?? null,
      followers: author?.public_metrics?.followers_count ?? null,
      bio: author?.description ? decodeHTML(author.description) : null,
      url: author?.url ?? (author ? `https://x.com/${author.username}` : null),
      avatarUrl: author?.profile_image_url ?? null,
      verified: Boolean(author?.verified),
    },
    replyToExternalId: repliedTo,
    threadExternalId: tweet.conversation_id ?? null,
    metrics: m
      ? {
          likes: m.like_count,
          reposts: m.retweet_count,
          replies: m.reply_count,
          quotes: m.quote_count,
          ...(m.impression_count !== undefined ? { views: m.impression_count } : {}),
        }
      : {},
    deleted: withheld,
    raw: tweet,
  };
}

export function buildXQuery(config: XConfig, planned: string | undefined): string {
  const parts: string[] = [];
  const base = config.query ?? planned;
  const handle = config.accountHandle?.replace(/^@/, '');
  if (base && handle) parts.push(`(${base}) OR @${handle}`);
  else if (base) parts.push(base);
  else if (handle) parts.push(`@${handle}`);
  else throw new ConnectorError('invalid_request', 'Nothing to search on X: add a topic or a query to this source');
  const q = parts[0]!;
  return config.includeRetweets ? q : `(${q}) -is:retweet`;
}

export const xConnector: Connector<XConfig, XCredentials> = {
  platform: 'x',
  label: 'X (Twitter)',
  configSchema: xConfigSchema,
  credentialsSchema: xCredentialsSchema,
  searches: true,

  async poll({ config, credentials, cursor, plan, since, http }) {
    const state = (cursor ?? {}) as XCursor;
    const query = buildXQuery(config, plan.queries[0]);
    const { api, guard } = await client(http, config.baseUrl, config.timeoutMs, credentials.bearerToken);
    let page: TweetSearchRecentV2Paginator;
    try {
      page = await api.v2.search(query, {
        max_results: 100,
        expansions: [...EXPANSIONS],
        'tweet.fields': [...TWEET_FIELDS],
        'user.fields': [...USER_FIELDS],
        ...(state.sinceId ? { since_id: state.sinceId } : since ? { start_time: since.toISOString() } : {}),
        ...(state.nextToken ? { next_token: state.nextToken } : {}),
      } as never);
    } catch (err) {
      throw toConnectorError(err, guard);
    }
    const body = expectShape(searchAnswerSchema, page.data, 'X', 'x', 'the search results');
    const users = new Map<string, UserV2>();
    for (const u of body.includes?.users ?? []) {
      if (userSchema.safeParse(u).success) users.set((u as UserV2).id, u as UserV2);
    }
    const toPost = (t: unknown) => tweetToPost(t as TweetV2, users);
    const { posts, skipped } = usablePosts(body.data ?? [], tweetSchema, toPost, 'X', 'x');
    const newest = body.meta?.newest_id;
    const sweepNewestId = maxId(state.sweepNewestId, newest);
    const nextToken = body.meta?.next_token;
    if (nextToken) {
      return {
        posts,
        ...(skipped.length ? { skipped } : {}),
        cursor: { ...pick(state, 'sinceId'), nextToken, ...(sweepNewestId ? { sweepNewestId } : {}) },
        more: true,
      };
    }
    // Sweep finished: the next one starts after the newest tweet this sweep saw.
    const sinceId = maxId(state.sinceId, sweepNewestId);
    return { posts, ...(skipped.length ? { skipped } : {}), cursor: sinceId ? { sinceId } : {}, more: false };
  },

  async reply({ config, credentials, inReplyTo, text, http }) {
    const { api, guard } = await client(http, config.baseUrl, config.timeoutMs, userAuth(credentials));
    try {
      const res = await api.v2.tweet(text, { reply: { in_reply_to_tweet_id: inReplyTo.externalId } });
      return { externalId: res.data.id, url: `https://x.com/i/web/status/${res.data.id}` };
    } catch (err) {
      throw toConnectorError(err, guard);
    }
  },

  async findReply({ config, credentials, inReplyTo, text, http, outbox }) {
    const { api, guard } = await client(http, config.baseUrl, config.timeoutMs, userAuth(credentials));
    try {
      return await findXReply(api, inReplyTo.externalId, text, outbox?.queuedAt);
    } catch (err) {
      throw toConnectorError(err, guard);
    }
  },

  async verify({ config, credentials, http }) {
    let guard: GuardedAgent | null = null;
    try {
      const made = await client(http, config.baseUrl, config.timeoutMs, credentials.bearerToken);
      guard = made.guard;
      // A one-result search proves the bearer token works without spending much quota.
      await made.api.v2.search('from:x', { max_results: 10 } as never);
      return verifiedAs(true, config.accountHandle ?? null, vw.x);
    } catch (err) {
      const e = toConnectorError(err, guard);
      return { ok: false, account: null, message: e.message };
    }
  },
};

/** Replying (and finding our replies) acts as the account: OAuth 1.0a user context. */
function userAuth({ appKey, appSecret, accessToken, accessSecret }: XCredentials): XAuth {
  if (!appKey || !appSecret || !accessToken || !accessSecret) {
    throw new ConnectorError(
      'auth',
      'Replying on X needs the app key and secret and the account access token and secret',
    );
  }
  return { appKey, appSecret, accessToken, accessSecret };
}

function pick<T extends object, K extends keyof T>(o: T, k: K): Partial<Pick<T, K>> {
  return o[k] === undefined ? {} : ({ [k]: o[k] } as Pick<T, K>);
}

/** Tweet ids are 64-bit numbers in strings: compare them as BigInt, not as text or doubles. */
export function maxId(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
}
