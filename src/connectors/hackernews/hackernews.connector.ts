import { compile, type FormatCallback } from 'html-to-text';
import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { expectShape, parseJson, usablePosts } from '../answer';
import { ConnectorError, outboundFailure, type Connector } from '../types';
import type { SocialPost } from '../../core/social-post';
import { verifiedAs, verifyWords as vw } from '../messages';

/**
 * Hacker News through the Algolia HN Search API: search_by_date newest first, one sweep per
 * compiled query, `created_at_i>` between sweeps and page numbers inside one. Read-only: HN has no
 * API to post with.
 */
export const HN_DEFAULT_BASE_URL = 'https://hn.algolia.com/api/v1/';
const REQUEST_TIMEOUT_MS = 15_000;
const HITS_PER_PAGE = 100;
// Algolia publishes no reset time for its 10,000 requests/hour per IP budget.
const RATE_LIMIT_WINDOW_MS = 60 * 60 * 1000;

export const hackernewsConfigSchema = z.object({
  baseUrl: z.url().default(HN_DEFAULT_BASE_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(REQUEST_TIMEOUT_MS),
  /** How far back a query's first sweep reaches when the poller gives no `since` (a topic added later). */
  firstSweepHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24),
});
export type HackernewsConfig = z.infer<typeof hackernewsConfigSchema>;

export const hackernewsCredentialsSchema = z.object({});
export type HackernewsCredentials = z.infer<typeof hackernewsCredentialsSchema>;

/** One hit of search_by_date, as Algolia sends it (comment hits carry no points/num_comments). */
export interface HnHit {
  objectID: string;
  created_at: string;
  created_at_i: number;
  author: string | null;
  title?: string | null;
  url?: string | null;
  story_text?: string | null;
  comment_text?: string | null;
  story_id?: number | null;
  parent_id?: number | null;
  story_title?: string | null;
  points?: number | null;
  num_comments?: number | null;
  _tags?: string[];
}

interface HnSearchResponse {
  hits: HnHit[];
  nbHits: number;
  page: number;
  nbPages: number;
  hitsPerPage: number;
}

export interface HnQueryState {
  /** Exclusive lower bound (epoch seconds): the newest created_at_i of the last finished sweep. */
  after: number;
  /**
   * An unfinished sweep: the page to ask for next, the newest created_at_i the sweep has seen, and
   * the inclusive top of the window being paged. The top pins page numbers against new arrivals,
   * and drops to the oldest hit seen when Algolia's 1,000-hit pagination cap is reached.
   */
  sweep?: { page: number; newest: number; upper: number };
}

export interface HnCursor {
  queries?: Record<string, HnQueryState>;
  /** Queries still to sweep in this round, the first one being swept now. */
  pending?: string[];
}

function parseRetryAfter(value: string | null, now: number): Date | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && value.trim() !== '') return new Date(now + Math.max(0, seconds) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/**
 * Maps an HTTP failure of the search API to what the poller needs to know, by status alone: the
 * answer's body is never repeated (the address may be anyone's server).
 */
export function httpError(status: number, headers: Headers): ConnectorError {
  const base = { status, platform: 'hackernews' };
  if (status === 429) {
    const resetAt =
      parseRetryAfter(headers.get('retry-after'), Date.now()) ?? new Date(Date.now() + RATE_LIMIT_WINDOW_MS);
    return new ConnectorError(
      'rate_limited',
      `The Hacker News search API (Algolia) rate limit was reached (HTTP 429).`,
      { ...base, resetAt },
    );
  }
  if (status === 401 || status === 403)
    return new ConnectorError('auth', `The Hacker News search API (Algolia) refused access (HTTP ${status}).`, base);
  if (status >= 500)
    return new ConnectorError('transient', `The Hacker News search API (Algolia) answered HTTP ${status}.`, base);
  return new ConnectorError(
    'invalid_request',
    `The Hacker News search API (Algolia) rejected the request (HTTP ${status}).`,
    base,
  );
}

async function getJson(http: OutboundHttp, url: URL, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
  const deadline = AbortSignal.timeout(timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await http.fetch(url, {
      headers: { accept: 'application/json' },
      signal: signal ? AbortSignal.any([deadline, signal]) : deadline,
    });
    text = await res.text();
  } catch (err) {
    if (deadline.aborted)
      throw new ConnectorError(
        'transient',
        `The Hacker News search API (Algolia) did not answer within ${timeoutMs} ms.`,
        { platform: 'hackernews' },
      );
    throw outboundFailure(err, 'Could not reach the Hacker News search API (Algolia)', 'hackernews');
  }
  if (!res.ok) throw httpError(res.status, res.headers);
  return parseJson('Hacker News', 'hackernews', text, res.headers.get('content-type'));
}

function searchUrl(baseUrl: string, params: Record<string, string | number>): URL {
  const url = new URL('search_by_date', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  return url;
}

/** search_by_date: a list of hits and the page count; each hit is checked on its own (hitSchema). */
const searchAnswerSchema = z.looseObject({
  hits: z.array(z.unknown()),
  nbPages: z.number().int().min(0),
  nbHits: z.number().int().min(0).optional(),
  page: z.number().int().min(0).optional(),
  hitsPerPage: z.number().int().min(1).optional(),
});
/** A hit a mention can be made of: an id and its time (dead items may lack an author or text). */
const hitSchema = z.looseObject({
  objectID: z.union([z.string().min(1), z.number()]),
  created_at_i: z.number().int().positive(),
});

function asSearchResponse(body: unknown): HnSearchResponse {
  const b = expectShape(searchAnswerSchema, body, 'Hacker News', 'hackernews', 'the search hits');
  const hits = b.hits as HnHit[];
  return {
    hits,
    nbPages: b.nbPages,
    nbHits: b.nbHits ?? hits.length,
    page: b.page ?? 0,
    hitsPerPage: b.hitsPerPage ?? HITS_PER_PAGE,
  };
}

// HN truncates a long link's visible text ("https://example.com/a/very/lo..."): keep the full href instead.
const hnAnchor: FormatCallback = (elem, walk, builder, formatOptions) => {
  const href = typeof elem.attribs?.href === 'string' ? (elem.attribs.href as string) : '';
  const visible = elem.children.map((c) => c.data ?? '').join('');
  if (href && /^https?:\/\//i.test(visible)) {
    builder.addInline(href, { noWordTransform: true });
    return;
  }
  builder.options.formatters.anchor!(elem, walk, builder, { ...formatOptions, hideLinkHrefIfSameAsText: true });
};

const htmlToPlain = compile({
  wordwrap: false,
  formatters: { hnAnchor },
  selectors: [
    { selector: 'a', format: 'hnAnchor' },
    { selector: 'p', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: 'pre', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  ],
});

/** HN bodies are HTML (<p>, <i>, <a>, <pre><code>, entities such as &#x27; and &#x2F;): plain text. */
export function hnHtmlToText(html: string | null | undefined): string {
  if (!html) return '';
  return htmlToPlain(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const itemUrl = (id: string | number) => `https://news.ycombinator.com/item?id=${id}`;

export function hitToPost(hit: HnHit): SocialPost {
  const isComment = hit.comment_text != null || (hit._tags ?? []).includes('comment');
  const title = isComment ? null : hit.title?.trim() || null;
  const body = hnHtmlToText(isComment ? hit.comment_text : hit.story_text);
  const text = body || title || '';
  const metrics: Record<string, number> = {};
  if (typeof hit.points === 'number') metrics.points = hit.points;
  if (typeof hit.num_comments === 'number') metrics.comments = hit.num_comments;
  const storyId = hit.story_id ?? (isComment ? null : hit.objectID);
  return {
    externalId: String(hit.objectID),
    url: itemUrl(hit.objectID),
    kind: isComment ? 'comment' : 'post',
    title,
    text,
    lang: null,
    createdAt: new Date(hit.created_at_i * 1000),
    author: {
      externalId: hit.author ?? null,
      handle: hit.author ?? null,
      name: null,
      // HN exposes karma, not followers; search hits carry neither bios nor avatars.
      followers: null,
      bio: null,
      url: hit.author ? `https://news.ycombinator.com/user?id=${encodeURIComponent(hit.author)}` : null,
      avatarUrl: null,
      verified: false,
    },
    replyToExternalId: isComment && hit.parent_id != null ? String(hit.parent_id) : null,
    threadExternalId: storyId != null ? String(storyId) : null,
    metrics,
    // Dead and deleted items come back without an author or without any text.
    deleted: !hit.author || text === '',
    raw: hit,
  };
}

const toSeconds = (d: Date) => Math.floor(d.getTime() / 1000);
const isInt = (n: unknown): n is number => Number.isInteger(n);

/** A stored state this code can no longer read starts the query afresh instead of sending a bad filter. */
function readState(s: unknown): HnQueryState | undefined {
  const st = s as Partial<HnQueryState> | undefined;
  if (!st || !isInt(st.after)) return undefined;
  const w = st.sweep;
  return w && isInt(w.page) && isInt(w.newest) && isInt(w.upper)
    ? { after: st.after, sweep: { page: w.page, newest: w.newest, upper: w.upper } }
    : { after: st.after };
}

/** What the next page of one query's sweep is, given the page just read. */
export function advance(state: HnQueryState, res: HnSearchResponse): HnQueryState {
  const { after, sweep } = state;
  const page = sweep?.page ?? 0;
  const times = res.hits.map((h) => h.created_at_i).filter((t) => typeof t === 'number');
  const pageNewest = times.length ? Math.max(...times) : undefined;
  const newest = sweep?.newest ?? pageNewest;
  if (times.length === 0 || newest === undefined) return { after: Math.max(after, sweep?.newest ?? after) };
  const upper = sweep?.upper ?? newest;
  if (page + 1 < res.nbPages) return { after, sweep: { page: page + 1, newest, upper } };
  if (res.nbHits > (page + 1) * res.hitsPerPage) {
    // Algolia stops paging at 1,000 hits: restart at page 0 below the oldest hit seen. Inclusive, so
    // same-second siblings are not skipped; a whole window in one second must still move down.
    const oldest = Math.min(...times);
    const nextUpper = oldest >= upper ? upper - 1 : oldest;
    if (nextUpper > after) return { after, sweep: { page: 0, newest, upper: nextUpper } };
  }
  return { after: Math.max(after, newest) };
}

export const hackernewsConnector: Connector<HackernewsConfig, HackernewsCredentials> = {
  platform: 'hackernews',
  label: 'Hacker News',
  configSchema: hackernewsConfigSchema,
  credentialsSchema: hackernewsCredentialsSchema,
  searches: true,

  async poll({ config, cursor, plan, since, now, signal, http }) {
    const queries = [...new Set(plan.queries.map((q) => q.trim()).filter(Boolean))];
    if (queries.length === 0)
      throw new ConnectorError('invalid_request', 'Nothing to search on Hacker News: add a topic to this workspace.', {
        platform: 'hackernews',
      });
    const prev = (cursor ?? {}) as HnCursor;
    // Queries dropped from the plan are forgotten; a new one starts with its own first sweep.
    const states: Record<string, HnQueryState> = {};
    for (const q of queries) {
      const st = readState(prev.queries?.[q]);
      if (st) states[q] = st;
    }
    let pending = (prev.pending ?? []).filter((q) => queries.includes(q));
    if (pending.length === 0) pending = [...queries];
    const query = pending[0]!;

    const floor = toSeconds(since ?? new Date(now.getTime() - config.firstSweepHours * 3_600_000));
    const state: HnQueryState = states[query] ?? { after: floor };
    const filters = [`created_at_i>${state.after}`, ...(state.sweep ? [`created_at_i<=${state.sweep.upper}`] : [])];
    const res = asSearchResponse(
      await getJson(
        http,
        searchUrl(config.baseUrl, {
          query,
          tags: '(story,comment)',
          numericFilters: filters.join(','),
          hitsPerPage: HITS_PER_PAGE,
          page: state.sweep?.page ?? 0,
        }),
        config.timeoutMs,
        signal,
      ),
    );
    const toPost = (h: unknown) => hitToPost(h as HnHit);
    const { posts, skipped } = usablePosts(res.hits, hitSchema, toPost, 'Hacker News', 'hackernews');
    const next = advance(state, res);
    states[query] = next;
    if (!next.sweep) pending = pending.slice(1);
    const cursorNext = { queries: states, ...(pending.length ? { pending } : {}) };
    return { posts, ...(skipped.length ? { skipped } : {}), cursor: cursorNext, more: pending.length > 0 };
  },

  async verify({ config, signal, http }) {
    try {
      // One hit proves the endpoint answers; there is no account to check.
      asSearchResponse(
        await getJson(http, searchUrl(config.baseUrl, { query: 'test', hitsPerPage: 1 }), config.timeoutMs, signal),
      );
      return verifiedAs(true, null, vw.hackernews);
    } catch (err) {
      const e =
        err instanceof ConnectorError
          ? err
          : outboundFailure(err, 'Could not reach the Hacker News search API (Algolia)', 'hackernews');
      return { ok: false, account: null, message: e.message };
    }
  },
};
