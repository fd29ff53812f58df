import { type AnyFeed, parseFeed } from 'feedsmith';
import { compile } from 'html-to-text';
import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { ConnectorError, outboundFailure, type Connector } from '../types';
import type { SocialPost } from '../../core/social-post';
import { verifiedAs, verifyWords as vw } from '../messages';

/**
 * RSS 2.0, Atom 1.0, RDF and JSON Feed (Google Alerts, review sites, blogs) through feedsmith.
 * Feeds cannot be searched: every item is returned once and the app matches topics locally.
 * Conditional GETs (ETag / Last-Modified) keep unchanged feeds cheap; remembered item ids keep
 * changed ones from repeating what was already returned.
 */
const REQUEST_TIMEOUT_MS = 15_000;
/** How many item ids the cursor remembers: far more than any feed's usual length. */
export const MAX_SEEN_IDS = 500;
/**
 * Aggregators (Google News, planets) add items dated hours before their newest one; ids catch
 * those. Only unseen items older than this behind the newest date are taken as long gone, so a
 * feed longer than the id memory, or one whose ids change, cannot replay its archive.
 */
export const LATE_ITEM_GRACE_MS = 3 * 24 * 3600_000;
/** A date this far ahead is a broken clock, not a watermark every later item should fall under. */
const FUTURE_SLACK_MS = 24 * 3600_000;
const ACCEPT = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml;q=0.9',
  'application/feed+json;q=0.9',
  'application/xml;q=0.8',
  'text/xml;q=0.8',
  '*/*;q=0.5',
].join(', ');

export const rssConfigSchema = z.object({
  feedUrl: z.url({ protocol: /^https?$/ }),
  timeoutMs: z.number().int().min(100).max(120_000).default(REQUEST_TIMEOUT_MS),
});
export type RssConfig = z.infer<typeof rssConfigSchema>;

/** Only for feeds behind HTTP Basic auth. */
export const rssCredentialsSchema = z.object({
  username: z.string().min(1).optional(),
  password: z.string().optional(),
});
export type RssCredentials = z.infer<typeof rssCredentialsSchema>;

export interface RssCursor {
  etag?: string;
  lastModified?: string;
  /** Ids of items already read, newest first. */
  seen?: string[];
  /** ISO date of the newest dated item read so far. */
  newest?: string;
}

/** One item in format-neutral terms, before it becomes a SocialPost. */
export interface FeedEntry {
  id: string | null;
  link: string | null;
  title: string | null;
  /** Body as HTML, or as plain text when `isHtml` is false (Atom type="text", JSON content_text). */
  body: string | null;
  isHtml: boolean;
  date: Date | null;
  author: string | null;
  authorUrl: string | null;
  avatarUrl: string | null;
  lang: string | null;
  comments: number | null;
  raw: unknown;
}

const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/** HTML (with <b> highlights, entities, &nbsp;) to the plain text topics are matched against. */
export function htmlToPlain(html: string): string {
  return toText(html)
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Google Alerts and Google News link through google.com/url?...&url=<real>: keep the real one. */
export function unwrapGoogleUrl(link: string): string {
  try {
    const u = new URL(link);
    if (!/(^|\.)google\.[a-z.]+$/i.test(u.hostname) || u.pathname !== '/url') return link;
    const real = u.searchParams.get('url') ?? u.searchParams.get('q');
    return real && /^https?:\/\//i.test(real) ? real : link;
  } catch {
    return link;
  }
}

function parseDate(value: string | undefined | null): Date | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

const text = (t: { value?: string; type?: string } | undefined) =>
  t?.value === undefined ? null : t.type === 'html' || t.type === 'xhtml' ? htmlToPlain(t.value) : t.value.trim();
const lang = (l: string | undefined | null) => (l ? l.split(/[-_]/)[0]!.toLowerCase() : null);

/** Feed title and items of any format feedsmith recognises. */
export function feedEntries(parsed: AnyFeed): { title: string | null; entries: FeedEntry[] } {
  const none = { authorUrl: null, avatarUrl: null, comments: null } as const;
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      // RSS titles are text in theory and HTML in practice (WordPress sends &#8217; escaped twice).
      const entries = (f.items ?? []).map((i): FeedEntry => {
        const guid = i.guid?.value ?? null;
        const permalink = guid && i.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid) ? guid : null;
        return {
          ...none,
          id: guid,
          link: i.link ?? permalink,
          title: i.title ? htmlToPlain(i.title) : null,
          body: i.content?.encoded ?? i.description ?? null,
          isHtml: true,
          date: parseDate(i.pubDate ?? i.dc?.dates?.[0]),
          author: i.dc?.creators?.[0] ?? i.authors?.[0]?.name ?? i.authors?.[0]?.email ?? null,
          lang: lang(i.dc?.languages?.[0] ?? f.language),
          comments: i.slash?.comments ?? i.thr?.total ?? null,
          raw: i,
        };
      });
      return { title: f.title ? htmlToPlain(f.title) : null, entries };
    }
    case 'atom': {
      const f = parsed.feed;
      const entries = (f.entries ?? []).map((e): FeedEntry => {
        const body = e.content?.value !== undefined ? e.content : e.summary;
        const author = e.authors?.[0];
        return {
          ...none,
          id: e.id ?? null,
          link: e.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? e.links?.[0]?.href ?? null,
          title: text(e.title),
          body: body?.value ?? null,
          isHtml: body?.type === 'html' || body?.type === 'xhtml',
          date: parseDate(e.published ?? e.updated ?? e.dc?.dates?.[0]),
          author: author?.name?.trim() || null,
          authorUrl: author?.uri ?? null,
          lang: lang(e.xml?.lang ?? f.xml?.lang),
          comments: e.thr?.total ?? null,
          raw: e,
        };
      });
      return { title: text(f.title), entries };
    }
    case 'rdf': {
      const f = parsed.feed;
      const entries = (f.items ?? []).map(
        (i): FeedEntry => ({
          ...none,
          id: i.rdf?.about ?? null,
          link: i.link ?? null,
          title: i.title ? htmlToPlain(i.title) : null,
          body: i.content?.encoded ?? i.description ?? null,
          isHtml: true,
          date: parseDate(i.dc?.dates?.[0]),
          author: i.dc?.creators?.[0] ?? null,
          lang: lang(i.dc?.languages?.[0] ?? f.dc?.languages?.[0]),
          raw: i,
        }),
      );
      return { title: f.title ? htmlToPlain(f.title) : null, entries };
    }
    case 'json': {
      const f = parsed.feed;
      const entries = (f.items ?? []).map((i): FeedEntry => {
        const author = i.authors?.[0] ?? f.authors?.[0];
        return {
          ...none,
          id: i.id ?? null,
          link: i.url ?? i.external_url ?? null,
          title: i.title ?? null,
          body: i.content_html ?? i.content_text ?? i.summary ?? null,
          isHtml: i.content_html !== undefined,
          date: parseDate(i.date_published ?? i.date_modified),
          author: author?.name ?? null,
          authorUrl: author?.url ?? null,
          avatarUrl: author?.avatar ?? null,
          lang: lang(i.language ?? f.language),
          raw: i,
        };
      });
      return { title: f.title ?? null, entries };
    }
  }
}

async function sha256(s: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** An item's stable id: its guid/id, else its link, else a hash of its title and date. */
export async function entryId(e: FeedEntry): Promise<string> {
  return (
    e.id?.trim() ||
    (e.link ? unwrapGoogleUrl(e.link) : null) ||
    `sha256:${await sha256(`${e.title ?? ''}\n${e.date?.toISOString() ?? ''}`)}`
  );
}

export async function entryToPost(e: FeedEntry, now: Date): Promise<SocialPost> {
  const body = e.body ? (e.isHtml ? htmlToPlain(e.body) : e.body.trim()) : '';
  return {
    externalId: await entryId(e),
    url: e.link ? unwrapGoogleUrl(e.link) : null,
    kind: 'article',
    title: e.title || null,
    // A title-only item still needs text for topics to match against.
    text: body || e.title || '',
    lang: e.lang,
    createdAt: e.date ?? now,
    author: {
      externalId: null,
      handle: e.author,
      name: e.author,
      followers: null,
      bio: null,
      url: e.authorUrl,
      avatarUrl: e.avatarUrl,
      verified: false,
    },
    replyToExternalId: null,
    threadExternalId: null,
    metrics: e.comments !== null ? { comments: e.comments } : {},
    deleted: false,
    raw: e.raw,
  };
}

/** The HTTP charset wins, then the XML declaration (Latin-1 feeds are still about), then UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const charset =
    /charset="?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function retryAfter(value: string | null, now: Date): Date | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t);
}

function httpError(res: Response, url: string, hasCredentials: boolean, now: Date): ConnectorError {
  const s = res.status;
  const d = { status: s, platform: 'rss' };
  const resetAt = retryAfter(res.headers.get('retry-after'), now);
  if (s === 429 || (s === 503 && resetAt)) {
    return new ConnectorError('rate_limited', `The feed at ${url} asks to slow down (HTTP ${s}).`, {
      ...d,
      ...(resetAt ? { resetAt } : {}),
    });
  }
  if (s === 401 || s === 403) {
    return new ConnectorError(
      'auth',
      `The feed at ${url} refused access (HTTP ${s}): ` +
        `${hasCredentials ? 'check its username and password' : 'it needs a username and password'}.`,
      d,
    );
  }
  if (s === 404 || s === 410)
    return new ConnectorError('invalid_request', `The feed at ${url} is gone (HTTP ${s}): check its address.`, d);
  if (s >= 500) return new ConnectorError('transient', `The feed at ${url} failed on its server (HTTP ${s}).`, d);
  return new ConnectorError(s >= 400 ? 'invalid_request' : 'transient', `The feed at ${url} answered HTTP ${s}.`, d);
}

type Fetched =
  | { notModified: true }
  | {
      notModified: false;
      title: string | null;
      entries: FeedEntry[];
      etag: string | null;
      lastModified: string | null;
    };

async function fetchFeed(
  http: OutboundHttp,
  config: RssConfig,
  credentials: RssCredentials,
  conditional: RssCursor,
  now: Date,
  signal?: AbortSignal,
): Promise<Fetched> {
  const url = config.feedUrl;
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': 'social-crm-feed-reader/1.0' };
  if (credentials.username) {
    const pair = new TextEncoder().encode(`${credentials.username}:${credentials.password ?? ''}`);
    headers.authorization = `Basic ${btoa(String.fromCharCode(...pair))}`;
  }
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  const timeout = AbortSignal.timeout(config.timeoutMs);
  let res: Response;
  let body: string;
  try {
    res = await http.fetchFeed(url, { headers, signal: signal ? AbortSignal.any([timeout, signal]) : timeout });
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { notModified: true };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw httpError(res, url, Boolean(credentials.username), now);
    }
    body = decodeBody(new Uint8Array(await res.arrayBuffer()), res.headers.get('content-type'));
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    if (timeout.aborted)
      throw new ConnectorError('transient', `The feed at ${url} did not answer within ${config.timeoutMs} ms.`, {
        platform: 'rss',
      });
    throw outboundFailure(err, `Could not reach the feed at ${url}`, 'rss');
  }
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(body);
  } catch {
    // The parser's own message may quote the document: say what it is in our words instead.
    const html = /html/i.test(res.headers.get('content-type') ?? '') || /^\s*(<!doctype html|<html)/i.test(body);
    const why = html ? 'it is an HTML page' : 'it is not a feed format we can read';
    throw new ConnectorError('transient', `${url} is not an RSS or Atom feed (${why}).`, { platform: 'rss' });
  }
  return {
    notModified: false,
    ...feedEntries(parsed),
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  };
}

export const rssConnector: Connector<RssConfig, RssCredentials> = {
  platform: 'rss',
  label: 'RSS / Atom feed',
  configSchema: rssConfigSchema,
  credentialsSchema: rssCredentialsSchema,
  searches: false,

  async poll({ config, credentials, cursor, since, now, signal, http }) {
    const state = (cursor ?? {}) as RssCursor;
    const got = await fetchFeed(http, config, credentials, state, now, signal);
    if (got.notModified) return { posts: [], cursor: cursor ?? {}, more: false };

    const seen = new Set(state.seen ?? []);
    const newest = state.newest ? Date.parse(state.newest) : null;
    const floor = newest !== null ? newest - LATE_ITEM_GRACE_MS : cursor ? null : (since?.getTime() ?? null);
    const future = now.getTime() + FUTURE_SLACK_MS;
    const posts: SocialPost[] = [];
    const current: { id: string; t: number | null }[] = [];
    let newestSeen = newest;
    for (const entry of got.entries) {
      const post = await entryToPost(entry, now);
      const t = entry.date?.getTime() ?? null;
      if (t !== null && t <= future) newestSeen = Math.max(newestSeen ?? t, t);
      const repeat = seen.has(post.externalId);
      seen.add(post.externalId); // also drops an item the feed lists twice
      current.push({ id: post.externalId, t });
      if (repeat || (t !== null && floor !== null && t <= floor)) continue;
      posts.push(post);
    }
    // Undated items first: they are in the feed now, so as recent as anything known.
    current.sort((a, b) => (b.t ?? Infinity) - (a.t ?? Infinity) || 0);
    const remembered = [...new Set([...current.map((c) => c.id), ...(state.seen ?? [])])].slice(0, MAX_SEEN_IDS);
    const next: RssCursor = {
      ...(got.etag ? { etag: got.etag } : {}),
      ...(got.lastModified ? { lastModified: got.lastModified } : {}),
      ...(remembered.length ? { seen: remembered } : {}),
      ...(newestSeen !== null ? { newest: new Date(newestSeen).toISOString() } : {}),
    };
    return { posts, cursor: next as Record<string, unknown>, more: false };
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const got = await fetchFeed(http, config, credentials, {}, new Date(), signal);
      if (got.notModified) return verifiedAs(true, null, vw.rssNotModified, { url: config.feedUrl });
      const name = got.title || config.feedUrl;
      return verifiedAs(true, got.title, vw.rss, { name, count: got.entries.length });
    } catch (err) {
      const message = err instanceof ConnectorError ? err.message : `Could not read the feed at ${config.feedUrl}.`;
      return { ok: false, account: null, message };
    }
  },
};
