import { decodeHTML } from 'entities';
import { z } from 'zod';
import { expectShape, usablePosts } from '../answer';
import { ConnectorError, type Connector, type Cursor } from '../types';
import type { SocialPost } from '../../core/social-post';
import type { OutboundHttp } from '../../http/outbound';
import {
  codeWord,
  type Listing,
  RedditClient,
  type RedditComment,
  type RedditThing,
  TokenCache,
} from './reddit.client';
import { findRedditReply } from './find-reply';
import { said } from '../../http/input-words';
import { connectorWords as w, verifiedAs, verifyWords as vw } from '../messages';

/**
 * Reddit through its OAuth API: link search (per subreddit or site-wide) sorted by new, plus the
 * subreddits' new-comment stream (matched locally: comments are not searchable), and replies as
 * the script app's account.
 */
export const REDDIT_DEFAULT_BASE_URL = 'https://oauth.reddit.com';
export const REDDIT_DEFAULT_AUTH_BASE_URL = 'https://www.reddit.com';
const PAGE_LIMIT = 100;
const MAX_QUERY = 512;
/** Empty before= answers in a row before the next sweep re-reads the top of the listing. */
const PROBE_AFTER_IDLE = 5;

const subredditName = z
  .string()
  .trim()
  .regex(/^(\/?r\/)?[A-Za-z0-9][A-Za-z0-9_]{1,20}$/, said(w.subreddit, { name: 'typescript' }))
  .transform((s) => s.replace(/^\/?r\//, ''));

export const redditConfigSchema = z.object({
  baseUrl: z.url().default(REDDIT_DEFAULT_BASE_URL),
  authBaseUrl: z.url().default(REDDIT_DEFAULT_AUTH_BASE_URL),
  /** Empty: search all of Reddit (posts only; comments are read only from named subreddits). */
  subreddits: z.array(subredditName).max(100).default([]),
  includeComments: z.boolean().default(true),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type RedditConfig = z.infer<typeof redditConfigSchema>;

export const redditCredentialsSchema = z
  .object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    // A script app's account: needed to reply, and gives the per-user rate limit.
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    userAgent: z.string().min(1).max(256).optional(),
  })
  .refine((c) => Boolean(c.username) === Boolean(c.password), { ...said(w.redditBothOrNeither), path: ['password'] });
export type RedditCredentials = z.infer<typeof redditCredentialsSchema>;

export interface ListingState {
  /** Newest item seen (fullname, created_utc): later sweeps ask only for newer ones with before=. */
  newest?: string;
  newestUtc?: number;
  /** An unfinished top-down sweep: its next page, its newest item, and the age at which it stops. */
  after?: string;
  sweepNewest?: string;
  sweepNewestUtc?: number;
  stopUtc?: number;
  /** Empty before= answers in a row (Reddit answers empty forever once the anchor item is removed). */
  idle?: number;
}

export interface RedditCursor {
  /** Per listing ("search:<subs>:<query>", "comments:<subs>"). */
  listings: Record<string, ListingState>;
  /** Listings this round has still to visit, the current one first. */
  pending?: string[];
}

interface ListingSpec {
  key: string;
  path: string;
  query: Record<string, string>;
}

const subsPath = (subs: string[]) => `/r/${subs.join('+')}`;

export function listingsFor(config: RedditConfig, queries: string[]): ListingSpec[] {
  const subs = config.subreddits;
  const where = subs.length ? subs.join('+') : 'all';
  const specs: ListingSpec[] = [...new Set(queries.map((q) => q.trim()).filter(Boolean))].map((q) => {
    if (q.length > MAX_QUERY)
      throw new ConnectorError(
        'invalid_request',
        `The Reddit search is ${q.length} characters long; Reddit allows ${MAX_QUERY}. ` +
          'Narrow the topics of this source.',
        { platform: 'reddit' },
      );
    return {
      key: `search:${where}:${q}`,
      path: subs.length ? `${subsPath(subs)}/search` : '/search',
      query: { q, sort: 'new', type: 'link', ...(subs.length ? { restrict_sr: '1' } : {}) },
    };
  });
  if (config.includeComments && subs.length)
    specs.push({ key: `comments:${where}`, path: `${subsPath(subs)}/comments`, query: {} });
  if (specs.length === 0)
    throw new ConnectorError(
      'invalid_request',
      'Nothing to read on Reddit: add a topic, or name subreddits to read comments from.',
      { platform: 'reddit' },
    );
  return specs;
}

const decode = (s: string | null | undefined) => decodeHTML(s ?? '');
const GONE = new Set(['[deleted]', '[removed]']);

/** Reddit JSON escapes &, < and > in text; deleted and removed items keep a placeholder body. */
export function thingToPost(thing: RedditThing): SocialPost {
  const d = thing.data;
  const authorGone = GONE.has(d.author);
  const author = {
    externalId: authorGone ? null : (d.author_fullname ?? null),
    handle: authorGone ? null : d.author,
    name: null,
    followers: null,
    bio: null,
    url: authorGone ? null : `https://www.reddit.com/user/${d.author}`,
    avatarUrl: null,
    verified: false,
  };
  const common = {
    url: `https://www.reddit.com${d.permalink}`,
    lang: null,
    createdAt: new Date(d.created_utc * 1000),
    author,
    raw: thing,
  };
  if (thing.kind === 't1') {
    const c = thing.data;
    return {
      ...common,
      externalId: c.name,
      kind: 'comment',
      title: null,
      text: decode(c.body),
      replyToExternalId: c.parent_id ?? null,
      threadExternalId: c.link_id ?? null,
      metrics: c.score !== undefined ? { score: c.score } : {},
      deleted: authorGone || GONE.has(c.body),
    };
  }
  const l = thing.data;
  const title = decode(l.title);
  const metrics: Record<string, number> = {};
  if (l.score !== undefined) metrics.score = l.score;
  if (l.num_comments !== undefined) metrics.comments = l.num_comments;
  if (l.upvote_ratio !== undefined) metrics.upvoteRatio = l.upvote_ratio;
  return {
    ...common,
    externalId: l.name,
    kind: 'post',
    title,
    text: l.selftext ? decode(l.selftext) : title,
    replyToExternalId: null,
    threadExternalId: l.name,
    metrics,
    deleted: authorGone || GONE.has(l.selftext) || Boolean(l.removed_by_category),
  };
}

/** A listing page: its children and the next page's anchor; each child is checked on its own. */
const listingSchema = z.looseObject({
  kind: z.literal('Listing'),
  data: z.looseObject({ after: z.string().nullish(), children: z.array(z.unknown()) }),
});
const thingCore = {
  name: z.string().regex(/^t[13]_[0-9a-z]+$/),
  author: z.string(),
  permalink: z.string().startsWith('/'),
  created_utc: z.number().positive(),
};
/** A post (t3) or comment (t1) a mention can be made of; other kinds (more, t5...) are not posts at all. */
const thingSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('t3'), data: z.looseObject({ ...thingCore, title: z.string() }) }),
  z.looseObject({ kind: z.literal('t1'), data: z.looseObject({ ...thingCore, body: z.string() }) }),
]);
const isPostKind = (t: unknown) => ['t1', 't3'].includes((t as { kind?: unknown } | null)?.kind as string);

function parseCursor(cursor: Cursor | null): RedditCursor {
  const c = (cursor ?? {}) as Partial<RedditCursor>;
  return { listings: { ...(c.listings ?? {}) }, ...(c.pending ? { pending: [...c.pending] } : {}) };
}

/** Fetches one page of one listing and says where that listing stands afterwards. */
async function pageOf(api: RedditClient, spec: ListingSpec, state: ListingState, since: Date | undefined) {
  const upward = !state.after && state.newest && (state.idle ?? 0) < PROBE_AFTER_IDLE;
  const params = {
    ...spec.query,
    limit: String(PAGE_LIMIT),
    ...(upward ? { before: state.newest } : state.after ? { after: state.after } : {}),
  };
  const body = await api.get<unknown>(spec.path, params);
  const listing = expectShape(listingSchema, body, 'Reddit', 'reddit', 'the listing');
  const toPost = (t: unknown) => thingToPost(t as RedditThing);
  const read = usablePosts(listing.data.children.filter(isPostKind), thingSchema, toPost, 'Reddit', 'reddit');
  const things = read.posts.map((p) => p.raw as RedditThing);
  if (upward) {
    // before= gives the page just above the anchor; a full page means more may wait above it.
    const top = things[0];
    if (!top) return { things, skipped: read.skipped, state: { ...state, idle: (state.idle ?? 0) + 1 }, done: true };
    return {
      things,
      skipped: read.skipped,
      state: { newest: top.data.name, newestUtc: top.data.created_utc },
      done: things.length < PAGE_LIMIT,
    };
  }
  // Top-down: a first sweep (stops at `since`), or a probe after idle sweeps (stops at the newest seen).
  const stopUtc = state.after ? state.stopUtc : (state.newestUtc ?? (since ? since.getTime() / 1000 : undefined));
  const fresh = things.filter(
    (t) => t.data.name !== state.newest && (stopUtc === undefined || t.data.created_utc > stopUtc),
  );
  const first = state.after ? undefined : things[0];
  const sweepNewest = state.sweepNewest ?? first?.data.name;
  const sweepNewestUtc = state.sweepNewestUtc ?? first?.data.created_utc;
  const after = listing.data.after;
  if (after && fresh.length === things.length && things.length > 0) {
    const next: ListingState = {
      ...pick(state, 'newest', 'newestUtc'),
      after,
      ...(sweepNewest ? { sweepNewest, sweepNewestUtc } : {}),
      ...(stopUtc !== undefined ? { stopUtc } : {}),
    };
    return { things: fresh, skipped: read.skipped, state: next, done: false };
  }
  // The listing's top when the sweep began is the next anchor, even if the old one vanished.
  const done: ListingState = sweepNewest
    ? { newest: sweepNewest, newestUtc: sweepNewestUtc! }
    : pick(state, 'newest', 'newestUtc');
  return { things: fresh, skipped: read.skipped, state: done, done: true };
}

function pick(s: ListingState, ...keys: (keyof ListingState)[]): ListingState {
  const out: ListingState = {};
  for (const k of keys) if (s[k] !== undefined) (out as Record<string, unknown>)[k] = s[k];
  return out;
}

const FULLNAME = /^t[13]_[0-9a-z]+$/;

export function createRedditConnector(): Connector<RedditConfig, RedditCredentials> {
  const tokens = new TokenCache();
  const client = (http: OutboundHttp, config: RedditConfig, credentials: RedditCredentials, signal?: AbortSignal) =>
    new RedditClient({
      baseUrl: config.baseUrl,
      authBaseUrl: config.authBaseUrl,
      timeoutMs: config.timeoutMs,
      auth: credentials,
      tokens,
      signal,
      http,
    });

  return {
    platform: 'reddit',
    label: 'Reddit',
    configSchema: redditConfigSchema,
    credentialsSchema: redditCredentialsSchema,
    searches: true,

    async poll({ config, credentials, cursor, plan, since, signal, http }) {
      const specs = listingsFor(config, plan.queries);
      const keys = specs.map((s) => s.key);
      const prev = parseCursor(cursor);
      // Listings no longer in the plan are forgotten; a round visits every current listing once.
      const listings = Object.fromEntries(keys.filter((k) => prev.listings[k]).map((k) => [k, prev.listings[k]!]));
      const pending = (prev.pending ?? []).filter((k) => keys.includes(k));
      if (pending.length === 0) pending.push(...keys);
      const spec = specs.find((s) => s.key === pending[0])!;
      const { things, skipped, state, done } = await pageOf(
        client(http, config, credentials, signal),
        spec,
        listings[spec.key] ?? {},
        since,
      );
      listings[spec.key] = state;
      if (done) pending.shift();
      const next: RedditCursor = { listings, ...(pending.length ? { pending } : {}) };
      const posts = things.map(thingToPost);
      return {
        posts,
        ...(skipped.length ? { skipped } : {}),
        cursor: next as unknown as Cursor,
        more: pending.length > 0,
      };
    },

    async reply({ config, credentials, inReplyTo, text, signal, http }) {
      replyable(credentials, inReplyTo.externalId);
      const res = await client(http, config, credentials, signal).postForm<CommentResponse>('/api/comment', {
        api_type: 'json',
        thing_id: inReplyTo.externalId,
        text,
      });
      const errors = res?.json?.errors ?? [];
      if (errors.length) throw commentError(errors, res.json?.ratelimit);
      const made = res?.json?.data?.things?.[0]?.data;
      if (!made?.name)
        throw new ConnectorError('transient', 'Reddit accepted the reply but did not say which comment it made.', {
          platform: 'reddit',
        });
      return { externalId: made.name, url: made.permalink ? `https://www.reddit.com${made.permalink}` : null };
    },

    async findReply({ config, credentials, inReplyTo, text, signal, http, outbox }) {
      const username = replyable(credentials, inReplyTo.externalId);
      return findRedditReply(
        client(http, config, credentials, signal),
        username,
        inReplyTo.externalId,
        text,
        outbox?.queuedAt,
      );
    },

    async verify({ config, credentials, signal, http }) {
      try {
        const api = client(http, config, credentials, signal);
        if (api.userContext) {
          const me = await api.get<{ name?: string }>('/api/v1/me');
          const name = me.name ?? credentials.username ?? null;
          return verifiedAs(true, name, vw.reddit, { name: String(name) });
        }
        await api.get<Listing<RedditThing>>('/r/all/new', { limit: 1 });
        return verifiedAs(true, null, vw.redditApp);
      } catch (err) {
        const e =
          err instanceof ConnectorError
            ? err
            : new ConnectorError('transient', 'Reddit check failed.', { platform: 'reddit' });
        return { ok: false, account: null, message: e.message };
      }
    },
  };
}

/** Replies are made as the script app's account, to a post or a comment: the account's name. */
function replyable(credentials: RedditCredentials, thing: string): string {
  if (!credentials.username || !credentials.password) {
    throw new ConnectorError('auth', 'Replying on Reddit needs the username and password of the script app account.', {
      platform: 'reddit',
    });
  }
  if (!FULLNAME.test(thing)) {
    throw new ConnectorError(
      'invalid_request',
      `Reddit can only reply to a post or comment (t3_/t1_ fullname), not "${thing}".`,
      { platform: 'reddit' },
    );
  }
  return credentials.username;
}

interface CommentResponse {
  json?: {
    errors?: [string, string, string | null][];
    ratelimit?: number;
    data?: { things?: { kind: string; data: Partial<RedditComment> }[] };
  };
}

/** /api/comment reports failures inside a 200 answer, as [code, message, field] triples: the code is kept. */
function commentError(errors: [string, string, string | null][], ratelimit: number | undefined): ConnectorError {
  const code = codeWord(errors[0]![0]) ?? 'UNKNOWN';
  const text = `Reddit refused the reply: ${code}.`;
  if (code === 'RATELIMIT') {
    const seconds = ratelimit ?? 60;
    return new ConnectorError('rate_limited', text, {
      platform: 'reddit',
      resetAt: new Date(Date.now() + Math.ceil(seconds) * 1000),
    });
  }
  if (code === 'USER_REQUIRED') return new ConnectorError('auth', text, { platform: 'reddit' });
  return new ConnectorError('invalid_request', text, { platform: 'reddit' });
}

export const redditConnector = createRedditConnector();
