import { convert } from 'html-to-text';
import { MastoDeserializeError, MastoHttpError, MastoTimeoutError, MastoUnexpectedError, type mastodon } from 'masto';
import { z } from 'zod';
import { findOutboundError, isTimeout, type OutboundHttp } from '../../http/outbound';
import { usablePosts } from '../answer';
import { ConnectorError, outboundFailure, type Connector, type Cursor } from '../types';
import type { SocialPost } from '../../core/social-post';
import { createGuardedRestClient } from './masto-client';
import { findMastodonReply, idempotencyKey } from './find-reply';
import { verifiedAs, verifyWords as vw } from '../messages';

/**
 * Mastodon (any instance) through masto: hashtag timelines walked forward with min_id, full-text
 * status search swept newest-first with offset, replies and credential checks as the token's account.
 */
export const MASTODON_DEFAULT_BASE_URL = 'https://mastodon.social';
/** The most statuses Mastodon returns per page, for timelines and search alike. */
const PAGE_LIMIT = 40;
/** Search pages by offset: a sweep stops here so a server that ignores min_id cannot page forever. */
const MAX_SEARCH_OFFSET = 1000;

export const mastodonConfigSchema = z.object({
  baseUrl: z.url().default(MASTODON_DEFAULT_BASE_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type MastodonConfig = z.infer<typeof mastodonConfigSchema>;

/** Optional: public hashtag timelines need no token; search and replies do. */
export const mastodonCredentialsSchema = z.object({ accessToken: z.string().min(1).optional() });
export type MastodonCredentials = z.infer<typeof mastodonCredentialsSchema>;

/** minId: the newest status read from this hashtag; the next page starts right after it. */
interface TagState {
  minId?: string;
}
/**
 * sinceId: only newer statuses count (the next sweep starts at the newest one seen). Within an
 * unfinished sweep: offset = results read so far, sweepNewestId = the newest id that sweep saw.
 */
interface QueryState {
  sinceId?: string;
  offset?: number;
  sweepNewestId?: string;
}
export interface MastodonCursor {
  tags?: Record<string, TagState>;
  queries?: Record<string, QueryState>;
  /** Streams ("tag:x", "q:y") still to read in the current round, so none is starved. */
  pending?: string[];
}

type Stream = { key: string; kind: 'tag'; value: string } | { key: string; kind: 'query'; value: string };
type Api = mastodon.rest.Client;
type Status = mastodon.v1.Status;
type StreamPage<S> = { items: Status[]; state: S; more: boolean };

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    // Mastodon puts the whole URL in a link's text (some of it in hidden spans); mentions and
    // hashtags read "@user" and "#tag": the href would only repeat them in brackets.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

/** Status content and bios are HTML: paragraphs keep their breaks, entities are decoded. */
export function htmlToPlainText(html: string | null | undefined): string {
  return html ? convert(html, HTML_OPTIONS).trim() : '';
}

/**
 * Mastodon ids are numbers in strings that outgrow doubles; other servers send sortable base62 ids
 * of one length. Comparing length first, then text, orders both without parsing.
 */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
export function maxId(...ids: (string | undefined)[]): string | undefined {
  return ids.reduce<string | undefined>((m, id) => (id && (!m || compareIds(id, m) > 0) ? id : m), undefined);
}

/** Mastodon ids are snowflakes (milliseconds << 16), so a time converts to the first id after it. */
export function snowflakeAt(date: Date): string {
  return String(BigInt(date.getTime()) << 16n);
}

/** masto camelCases every key; raw keeps Mastodon's own snake_case field names, as sent. */
export function toWireKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWireKeys);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.includes(':') || k.startsWith('_') ? k : k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      toWireKeys(v),
    ]),
  );
}

/** Direct and followers-only statuses are not public: they are never collected. */
export function isPublic(item: Status): boolean {
  const hidden = (s: Status | null | undefined) => s?.visibility === 'direct' || s?.visibility === 'private';
  return !hidden(item) && !hidden(item.reblog);
}

/**
 * A status a mention can be made of (masto has camelCased it): its id, date, account and content
 * (or, once deleted, its source text). A boost is judged by the status it carries.
 */
const statusCore = z
  .looseObject({
    id: z.string().min(1),
    createdAt: z.string().refine((v) => !Number.isNaN(Date.parse(v))),
    account: z.looseObject({ id: z.string().min(1), acct: z.string() }),
    content: z.string().optional(),
    text: z.string().nullish(),
  })
  .refine((s) => typeof s.content === 'string' || typeof s.text === 'string', { path: ['content'] });
const statusSchema = z.custom<Status>((v) => {
  const boosted = (v as { reblog?: unknown } | null)?.reblog;
  return statusCore.safeParse(boosted ?? v).success;
});

/** A boost stands for the boosted status; raw keeps the item as received. */
export function statusToPost(item: Status): SocialPost {
  const s = item.reblog ?? item;
  const a = s.account;
  // A deleted status comes back with its source in `text` instead of content; a suspended
  // account's statuses are removed from view.
  const removedSource = !s.content && typeof s.text === 'string';
  const deleted = removedSource || a?.suspended === true;
  const count = (n: unknown) => (typeof n === 'number' ? n : undefined);
  const all = {
    likes: count(s.favouritesCount),
    reposts: count(s.reblogsCount),
    replies: count(s.repliesCount),
    quotes: count(s.quotesCount),
  };
  const metrics = Object.fromEntries(Object.entries(all).filter((e): e is [string, number] => e[1] !== undefined));
  const replyTo = s.inReplyToId ?? null;
  return {
    externalId: s.id,
    url: s.url ?? s.uri ?? null,
    kind: replyTo ? 'comment' : 'post',
    title: s.spoilerText ? s.spoilerText : null,
    text: removedSource ? (s.text ?? '') : htmlToPlainText(s.content),
    lang: s.language ?? null,
    createdAt: new Date(s.createdAt),
    author: {
      externalId: a?.id ?? null,
      handle: a?.acct ?? null,
      name: a?.displayName || a?.username || null,
      followers: count(a?.followersCount) ?? null,
      bio: htmlToPlainText(a?.note) || null,
      url: a?.url ?? null,
      avatarUrl: a?.avatar ?? null,
      verified: false,
    },
    replyToExternalId: replyTo,
    // Statuses name only their parent, not the root of the thread.
    threadExternalId: replyTo ?? s.id,
    metrics,
    deleted,
    raw: toWireKeys(item),
  };
}

/** Mastodon sends X-RateLimit-Reset as an ISO 8601 time; some forks send epoch seconds. */
function resetTime(headers: Headers | undefined, now = Date.now()): Date | undefined {
  const reset = headers?.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d{9,}$/.test(reset)) return new Date(Number(reset) * 1000);
  if (reset && !Number.isNaN(Date.parse(reset))) return new Date(reset);
  const retry = headers?.get('retry-after');
  if (!retry) return undefined;
  if (/^\d+$/.test(retry.trim())) return new Date(now + Number(retry) * 1000);
  return Number.isNaN(Date.parse(retry)) ? undefined : new Date(retry);
}

/**
 * Maps any masto failure to what the poller needs to know, by status: the server's own error text
 * is never repeated (the instance address may point anywhere).
 */
export function toConnectorError(err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const platform = 'mastodon';
  if (findOutboundError(err)) return outboundFailure(err, 'Could not reach Mastodon', platform);
  if (err instanceof MastoHttpError) {
    const status = err.statusCode;
    if (status === 429) {
      const resetAt = resetTime(err.cause instanceof Response ? err.cause.headers : undefined);
      return new ConnectorError('rate_limited', `Mastodon rate limit reached (HTTP 429).`, {
        status,
        ...(resetAt ? { resetAt } : {}),
        platform,
      });
    }
    if (status === 401 || status === 403)
      return new ConnectorError('auth', `Mastodon refused the access token (HTTP ${status}).`, { status, platform });
    if (status >= 500)
      return new ConnectorError('transient', `Mastodon answered HTTP ${status}.`, { status, platform });
    return new ConnectorError('invalid_request', `Mastodon rejected the request (HTTP ${status}).`, {
      status,
      platform,
    });
  }
  if (err instanceof MastoTimeoutError)
    return new ConnectorError('transient', 'Mastodon did not answer before the request timed out.', { platform });
  if (err instanceof MastoDeserializeError)
    return new ConnectorError('transient', 'Mastodon sent a response that is not valid JSON.', { platform });
  // masto fails on a non-JSON error page (a proxy's 502) with an "unknown encoding" error, or with
  // a TypeError destructuring the missing body when the page is text/html.
  if (err instanceof MastoUnexpectedError || (err instanceof TypeError && /destructure/.test(err.message))) {
    return new ConnectorError('transient', 'Mastodon answered with a page that is not JSON; the server may be down.', {
      platform,
    });
  }
  if (isTimeout(err)) return outboundFailure(err, 'Could not reach Mastodon', platform);
  // A library's own words ("Cannot read properties of undefined") mean nothing to a person.
  return new ConnectorError('transient', 'Mastodon answered something we could not read', { platform });
}

function client(
  http: OutboundHttp,
  config: MastodonConfig,
  credentials: MastodonCredentials,
  signal?: AbortSignal,
): Api {
  return createGuardedRestClient(
    {
      url: config.baseUrl,
      timeout: config.timeoutMs,
      ...(credentials.accessToken ? { accessToken: credentials.accessToken } : {}),
      // masto drops per-call options on paginated lists: the caller's signal must ride on the client.
      ...(signal ? { requestInit: { signal } } : {}),
    },
    http.fetch,
  );
}

function linkMinId(link: string | null): string | undefined {
  const prev = link
    ?.split(',')
    .find((part) => /rel="prev"/.test(part))
    ?.match(/<([^>]+)>/)?.[1];
  return prev ? (new URL(prev).searchParams.get('min_id') ?? undefined) : undefined;
}

const notAList = () =>
  new ConnectorError('transient', 'Mastodon sent a response without a list of statuses.', { platform: 'mastodon' });

/** Walks a hashtag forward: min_id asks for the statuses right after the last one read. */
async function readTag(api: Api, tag: string, state: TagState, since: Date | undefined): Promise<StreamPage<TagState>> {
  const floor = state.minId ?? (since ? snowflakeAt(since) : undefined);
  let res: { headers: Headers; data: Status[] };
  try {
    res = await api.v1.timelines.tag
      .$select(encodeURIComponent(tag))
      .list.$raw({ limit: PAGE_LIMIT, ...(floor ? { minId: floor } : {}) });
  } catch (err) {
    // A hashtag nobody has used on this server yet is a 404: nothing to read, not a failure.
    if (err instanceof MastoHttpError && err.statusCode === 404) return { items: [], state, more: false };
    throw toConnectorError(err);
  }
  if (!Array.isArray(res.data)) throw notAList();
  const newest = maxId(floor, linkMinId(res.headers.get('link')), ...res.data.map((s) => s.id));
  // Without a floor the newest page was read: nothing newer waits.
  return {
    items: res.data,
    state: newest ? { minId: newest } : {},
    more: Boolean(floor) && res.data.length >= PAGE_LIMIT,
  };
}

/** Search answers newest first, paged by offset, so a sweep runs down to the last id it knew. */
async function readQuery(
  api: Api,
  q: string,
  state: QueryState,
  since: Date | undefined,
): Promise<StreamPage<QueryState>> {
  const floor = state.sinceId ?? (since ? snowflakeAt(since) : undefined);
  const offset = state.offset ?? 0;
  let data: mastodon.v2.Search;
  try {
    ({ data } = await api.v2.search.list.$raw({
      q,
      type: 'statuses',
      limit: PAGE_LIMIT,
      ...(offset ? { offset } : {}),
      ...(floor ? { minId: floor } : {}),
    }));
  } catch (err) {
    throw toConnectorError(err);
  }
  const all = data?.statuses;
  if (!Array.isArray(all)) throw notAList();
  // min_id narrows search only to a timestamp on some servers: the id comparison is exact.
  const items = floor ? all.filter((s) => compareIds(s.id, floor) > 0) : all;
  const sweepNewestId = maxId(state.sweepNewestId, ...all.map((s) => s.id));
  const more =
    Boolean(floor) &&
    items.length === all.length &&
    all.length >= PAGE_LIMIT &&
    offset + all.length < MAX_SEARCH_OFFSET;
  if (more)
    return {
      items,
      state: { sinceId: floor!, offset: offset + all.length, ...(sweepNewestId ? { sweepNewestId } : {}) },
      more,
    };
  const sinceId = maxId(floor, sweepNewestId);
  return { items, state: sinceId ? { sinceId } : {}, more: false };
}

export function planStreams(plan: { queries: string[]; hashtags: string[] }): Stream[] {
  const tags = [...new Set(plan.hashtags.map((t) => t.replace(/^#/, '').trim().toLowerCase()).filter(Boolean))];
  const queries = [...new Set(plan.queries.map((q) => q.trim()).filter(Boolean))];
  return [
    ...tags.map((value) => ({ key: `tag:${value}`, kind: 'tag' as const, value })),
    ...queries.map((value) => ({ key: `q:${value}`, kind: 'query' as const, value })),
  ];
}

function readCursor(cursor: Cursor | null): MastodonCursor {
  const c = (cursor ?? {}) as MastodonCursor;
  const obj = <T>(v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, T>) : {});
  return {
    tags: obj<TagState>(c.tags),
    queries: obj<QueryState>(c.queries),
    pending: Array.isArray(c.pending) ? c.pending.filter((k) => typeof k === 'string') : [],
  };
}

/** Keeps only the state of streams still in the plan, so the cursor does not grow forever. */
function keep<T>(states: Record<string, T>, names: string[]): Record<string, T> {
  return Object.fromEntries(names.filter((n) => states[n] !== undefined).map((n) => [n, states[n]!]));
}

export const mastodonConnector: Connector<MastodonConfig, MastodonCredentials> = {
  platform: 'mastodon',
  label: 'Mastodon',
  configSchema: mastodonConfigSchema,
  credentialsSchema: mastodonCredentialsSchema,
  searches: true,

  async poll({ config, credentials, cursor, plan, since, signal, http }) {
    const streams = planStreams(plan);
    if (streams.length === 0)
      throw new ConnectorError(
        'invalid_request',
        'Nothing to read on Mastodon: add a topic with words or hashtags to this source.',
        { platform: 'mastodon' },
      );
    if (!credentials.accessToken && streams.some((s) => s.kind === 'query')) {
      throw new ConnectorError(
        'auth',
        'Searching Mastodon posts needs an access token with the read:search scope; ' +
          'without one only hashtags can be followed.',
        { platform: 'mastodon' },
      );
    }
    const state = readCursor(cursor);
    const keys = streams.map((s) => s.key);
    const round = state.pending!.filter((k) => keys.includes(k));
    const pending = round.length > 0 ? round : keys;
    const stream = streams.find((s) => s.key === pending[0])!;
    const tags = keep(
      state.tags!,
      streams.filter((s) => s.kind === 'tag').map((s) => s.value),
    );
    const queries = keep(
      state.queries!,
      streams.filter((s) => s.kind === 'query').map((s) => s.value),
    );

    const api = client(http, config, credentials, signal);
    let page: StreamPage<unknown>;
    if (stream.kind === 'tag') {
      const read = await readTag(api, stream.value, tags[stream.value] ?? {}, since);
      tags[stream.value] = read.state;
      page = read;
    } else {
      const read = await readQuery(api, stream.value, queries[stream.value] ?? {}, since);
      queries[stream.value] = read.state;
      page = read;
    }
    // A stream with more waiting goes to the back of the round, behind the ones not yet read.
    const rest = pending.slice(1);
    if (page.more) rest.push(stream.key);

    const seen = new Set<string>();
    const posts: SocialPost[] = [];
    const visible = page.items.filter((item) => !item || typeof item !== 'object' || isPublic(item));
    const read = usablePosts(visible, statusSchema, statusToPost, 'Mastodon', 'mastodon');
    for (const post of read.posts) {
      if (seen.has(post.externalId) || (since && post.createdAt <= since)) continue;
      seen.add(post.externalId);
      posts.push(post);
    }
    const next: MastodonCursor = { tags, queries, ...(rest.length > 0 ? { pending: rest } : {}) };
    const skipped = read.skipped.length ? { skipped: read.skipped } : {};
    return { posts, ...skipped, cursor: next as Cursor, more: rest.length > 0 };
  },

  async reply({ config, credentials, inReplyTo, text, signal, http, outbox }) {
    if (!credentials.accessToken) {
      throw new ConnectorError('auth', 'Replying on Mastodon needs an access token with the write:statuses scope.', {
        platform: 'mastodon',
      });
    }
    const status = withMention(text, inReplyTo.authorHandle ?? rawAcct(inReplyTo.raw));
    // The same reply is posted once, even when a timed-out request is retried within the hour.
    const key = idempotencyKey(inReplyTo.externalId, status, outbox?.replyId);
    try {
      const api = client(http, config, credentials, signal);
      const created = await api.v1.statuses.create(
        { status, inReplyToId: inReplyTo.externalId },
        { requestInit: { headers: { 'Idempotency-Key': key } } },
      );
      return { externalId: created.id, url: created.url ?? created.uri ?? null };
    } catch (err) {
      throw toConnectorError(err);
    }
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http }) {
    if (!credentials.accessToken) {
      throw new ConnectorError('auth', 'Replying on Mastodon needs an access token with the write:statuses scope.', {
        platform: 'mastodon',
      });
    }
    const status = withMention(text, inReplyTo.authorHandle ?? rawAcct(inReplyTo.raw));
    try {
      return await findMastodonReply(
        client(http, config, credentials, signal),
        inReplyTo.externalId,
        status,
        htmlToPlainText,
      );
    } catch (err) {
      throw toConnectorError(err);
    }
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const api = client(http, config, credentials, signal);
      if (!credentials.accessToken) {
        const instance = await api.v2.instance.fetch();
        return verifiedAs(true, null, vw.mastodonPublic, { domain: instance.domain });
      }
      const me = await api.v1.accounts.verifyCredentials();
      return verifiedAs(true, me.acct, vw.mastodon, { account: me.acct });
    } catch (err) {
      return { ok: false, account: null, message: toConnectorError(err).message };
    }
  },
};

function rawAcct(raw: unknown): string | null {
  const r = raw as { reblog?: { account?: { acct?: string } } | null; account?: { acct?: string } } | null;
  return r?.reblog?.account?.acct ?? r?.account?.acct ?? null;
}

/** Mastodon notifies only mentioned accounts: the author is named unless the text already does. */
export function withMention(text: string, handle: string | null): string {
  const acct = handle?.trim().replace(/^@/, '');
  if (!acct) return text;
  const escaped = acct.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w@])@${escaped}(?![\\w@-]|\\.\\w)`, 'i').test(text) ? text : `@${acct} ${text}`;
}
