import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import type { OutboundHttp } from '../../http/outbound';
import { GOOGLE_TOKEN_URL, type GoogleOAuthCredentials, googleOAuthCredentialsSchema } from '../google/google-token';
import { forgetGone, type RecheckState, recheckBatch, rememberSeen } from '../recheck';
import { sameReplyText } from '../reply-match';
import { type Connector, ConnectorError, type Cursor, type SkippedItem } from '../types';
import { type YouTubeApi, youtubeApi } from './youtube-api';
import {
  commentText,
  type YtComment,
  type YtRaw,
  type YtThread,
  videoExternalId,
  videoIdOf,
  ytCommentToSocial,
  ytThreadSchema,
  ytUsableCommentSchema,
  ytVideoResultSchema,
  ytVideoToSocial,
} from './youtube-posts';
import {
  DEFAULT_DAILY_QUOTA,
  QuotaLedger,
  type QuotaDay,
  quotaDay,
  quotaReport,
  searchRoundDue,
} from './youtube-quota';
import { said } from '../../http/input-words';
import { connectorWords as w, verifiedAs, verifyWords as vw } from '../messages';

/**
 * A YouTube channel through the Data API v3: every comment thread on the channel and its videos (newest
 * first, with the replies YouTube leaves out fetched per thread), and, when the workspace's topics give
 * queries, videos that mention a topic (search.list) with the comments under them. Replies go under the
 * top-level comment as the channel; moderation holds a comment for review, publishes it again or rejects it.
 *
 * Each poll makes one step of a sweep kept in the cursor: a page of threads, the missing replies of a few
 * threads, one search, the comments of a few found videos, and at the end a recheck of remembered comments
 * (YouTube never says a comment was deleted or edited). Every step is priced in quota units first
 * (youtube-quota.ts): searches run in rounds spaced over the day within half the quota.
 */
export const YOUTUBE_BASE_URL = 'https://youtube.googleapis.com/';

export const youtubeConfigSchema = z.object({
  channelId: z
    .string()
    .trim()
    .regex(/^UC[\w-]{22}$/, said(w.youtubeChannelId)),
  /** Search videos for the workspace's topics (a search costs 100 of the day's units). */
  search: z.boolean().default(true),
  /** The Google Cloud project's daily YouTube quota (10,000 unless Google granted more). */
  dailyQuota: z.number().int().min(100).max(100_000_000).default(DEFAULT_DAILY_QUOTA),
  baseUrl: z.url().default(YOUTUBE_BASE_URL),
  tokenUrl: z.url().default(GOOGLE_TOKEN_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type YouTubeConfig = z.infer<typeof youtubeConfigSchema>;

export const youtubeCredentialsSchema = googleOAuthCredentialsSchema;
export type YouTubeCredentials = GoogleOAuthCredentials;

type Stage = 'threads' | 'replies' | 'search' | 'recheck';

/** A thread whose replies YouTube did not all include: read with comments.list, a page per call. */
interface ReplyTask {
  parentId: string;
  videoId?: string;
  pageToken?: string;
}

/** A search round: one search per query, starting at `start` (queries take turns when units run short). */
interface SearchRound {
  start: number;
  done: number;
  startedAt: string;
  publishedAfter: string;
  newest?: string;
  /** The searches' share of the day ran out: the queries not yet searched wait for the next round. */
  stopped?: boolean;
  /** Videos found whose comments are still to read. */
  videos: { id: string; title: string }[];
}

export interface YouTubeCursor {
  quota?: QuotaDay;
  /** How far each stream is read: the newest top-level comment / found video seen (ISO). */
  read: { threads?: string; search?: string };
  stage?: Stage;
  /** The threads stream: its next page, the newest comment seen in this sweep, whether its pages are done. */
  pageToken?: string;
  newest?: string;
  threadsEnded?: boolean;
  replyQueue?: ReplyTask[];
  round?: SearchRound;
  lastRoundAt?: string;
  nextQuery?: number;
  recheck?: RecheckState;
}

/** Clocks differ and YouTube's lists settle late: items a little older than the mark are read again. */
const SLACK_MS = 5 * 60_000;
/** A first sweep without `since` reaches back this far. */
const FIRST_SWEEP_MS = 7 * 86_400_000;
/** Calls of one poll that read replies, or the comments of found videos (each 1 unit). */
const MAX_READS_PER_POLL = 10;
/** comments.list takes at most 50 ids. */
const RECHECK_BATCH = 50;
/** Pages of replies findReply reads under one comment. */
const MAX_FIND_PAGES = 10;

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.NaN);
const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : ms(a) >= ms(b) ? a : b);

const api = (
  http: OutboundHttp,
  config: YouTubeConfig,
  credentials: YouTubeCredentials,
  signal?: AbortSignal,
  now?: Date,
) => youtubeApi({ http, config, credentials, signal, ...(now ? { now } : {}) });

export const youtubeConnector: Connector<YouTubeConfig, YouTubeCredentials> = {
  platform: 'youtube',
  label: 'YouTube',
  configSchema: youtubeConfigSchema,
  credentialsSchema: youtubeCredentialsSchema,
  searches: true,

  async poll({ config, credentials, cursor, plan, now, since, signal, http }) {
    const state: YouTubeCursor = structuredClone((cursor as YouTubeCursor | null) ?? { read: {} });
    state.read ??= {};
    const queries = config.search ? plan.queries.filter((q) => q.trim()) : [];
    const ledger = new QuotaLedger(quotaDay(state.quota, now, config.dailyQuota), queries.length > 0);
    const floor = new Date((since ?? new Date(now.getTime() - FIRST_SWEEP_MS)).getTime());
    const posts: SocialPost[] = [];
    const skipped: SkippedItem[] = [];
    let removed: string[] = [];
    let calls = 0;
    let client: YouTubeApi | undefined;
    const yt = async () => {
      client ??= await api(http, config, credentials, signal, now);
      return client;
    };
    /** Charges one list call; the poll's first call past the reads' share fails, a later one ends the step. */
    const mayRead = () => {
      if (!ledger.canRead()) {
        if (calls === 0) throw ledger.readsSpent();
        return false;
      }
      ledger.read();
      calls++;
      return true;
    };
    const own = (c: YtComment) => c.snippet.authorChannelId?.value === config.channelId;
    /** Comments of a thread page as mentions: usable, not ours, written after `after` (ms). */
    const takeComments = (
      items: unknown[],
      after: number,
      o: { videoId?: string; video?: SearchRound['videos'][0] },
    ) => {
      for (const item of items) {
        const parsed = ytUsableCommentSchema.safeParse(item);
        if (!parsed.success) {
          skipped.push({ externalId: idOf(item), reason: 'a comment without text, author or date' });
          continue;
        }
        const c = parsed.data;
        if (own(c) || ms(c.snippet.publishedAt) <= after) continue;
        posts.push(ytCommentToSocial(c, { videoId: o.videoId, video: o.video }));
      }
    };
    /** A page of threads: its top-level comments and included replies; threads missing replies are queued. */
    const takeThreads = (items: unknown[], after: number, video?: SearchRound['videos'][0]) => {
      const threads: YtThread[] = [];
      for (const item of items) {
        const parsed = ytThreadSchema.safeParse(item);
        if (parsed.success) threads.push(parsed.data);
        else skipped.push({ externalId: idOf(item), reason: 'a comment thread without its top-level comment' });
      }
      if (items.length > 0 && threads.length === 0)
        throw new ConnectorError('transient', 'YouTube answered comment threads without their comments', {
          platform: 'youtube',
        });
      const fresh = threads.filter((t) => ms(t.snippet.topLevelComment.snippet.publishedAt) > after);
      const queue: ReplyTask[] = [];
      for (const t of fresh) {
        const videoId = t.snippet.videoId;
        const top = ytUsableCommentSchema.safeParse(t.snippet.topLevelComment);
        if (!top.success) skipped.push({ externalId: t.id, reason: 'a comment without text, author or date' });
        else if (!own(top.data))
          posts.push(ytCommentToSocial(top.data, { videoId, video, replies: t.snippet.totalReplyCount }));
        const included = t.replies?.comments ?? [];
        takeComments(included, after, { ...(videoId ? { videoId } : {}), ...(video ? { video } : {}) });
        if (t.snippet.totalReplyCount > included.length)
          queue.push({ parentId: t.id, ...(videoId ? { videoId } : {}) });
      }
      const newest = fresh.reduce<string | undefined>(
        (n, t) => later(n, t.snippet.topLevelComment.snippet.publishedAt),
        undefined,
      );
      return { fresh: fresh.length, total: threads.length, queue, newest };
    };

    let stage: Stage = state.stage ?? 'threads';
    const threadsMark = ms(state.read.threads ?? floor.toISOString()) - SLACK_MS;

    if (stage === 'threads') {
      mayRead();
      const page = await (await yt()).channelThreads(config.channelId, state.pageToken);
      const got = takeThreads(page.items, threadsMark);
      state.newest = later(state.newest, got.newest);
      // Newest first: a page reaching back past the mark ends the stream.
      state.threadsEnded = got.fresh < got.total || !page.nextPageToken;
      state.pageToken = state.threadsEnded ? undefined : page.nextPageToken;
      state.replyQueue = [...(state.replyQueue ?? []), ...got.queue];
      stage = 'replies';
    } else if (stage === 'replies') {
      const queue = state.replyQueue ?? [];
      for (let i = 0; i < MAX_READS_PER_POLL && queue.length > 0 && mayRead(); i++) {
        const task = queue[0]!;
        const page = await (await yt()).replies(task.parentId, task.pageToken);
        takeComments(page.items, threadsMark, task.videoId ? { videoId: task.videoId } : {});
        if (page.nextPageToken) task.pageToken = page.nextPageToken;
        else queue.shift();
      }
      state.replyQueue = queue;
    } else if (stage === 'search' && state.round) {
      const round = state.round;
      const after = ms(round.publishedAfter);
      if (round.videos.length > 0) {
        for (let i = 0; i < MAX_READS_PER_POLL && round.videos.length > 0 && mayRead(); i++) {
          const video = round.videos[0]!;
          const answer = await (await yt()).videoThreads(video.id);
          round.videos.shift();
          if ('unreadable' in answer) {
            skipped.push({
              externalId: videoExternalId(video.id),
              reason: `comments not readable (${answer.unreadable})`,
            });
            continue;
          }
          // The video is new since the last round: all its comments are.
          takeThreads(answer.items, after, video);
        }
      } else if (!round.stopped && round.done < queries.length && ledger.canSearch()) {
        ledger.search();
        calls++;
        const query = queries[(round.start + round.done) % queries.length]!;
        const page = await (await yt()).searchVideos(query, new Date(after));
        round.done++;
        for (const item of page.items) {
          const parsed = ytVideoResultSchema.safeParse(item);
          if (!parsed.success) {
            skipped.push({ externalId: idOf(item), reason: 'a search result that is not a video with a title' });
            continue;
          }
          const v = parsed.data;
          round.newest = later(round.newest, v.snippet.publishedAt);
          // The channel's own videos are not mentions; their comments come with the channel's threads.
          if (v.snippet.channelId === config.channelId) continue;
          posts.push(ytVideoToSocial(v));
          round.videos.push({ id: v.id.videoId, title: v.snippet.title });
        }
      } else {
        // Every query searched, or the searches' share is spent: the rest wait for the next round.
        round.stopped = true;
      }
    } else if (stage === 'recheck') {
      const batch = recheckBatch(state.recheck, RECHECK_BATCH);
      state.recheck = batch.state;
      if (batch.ids.length > 0 && mayRead()) {
        const answer = await (await yt()).commentsById(batch.ids);
        const present = new Set<string>();
        for (const item of answer.items) {
          const parsed = ytUsableCommentSchema.safeParse(item);
          if (!parsed.success) continue;
          present.add(parsed.data.id);
          posts.push(ytCommentToSocial(parsed.data));
        }
        // An answer that names none of the ids we asked about is as likely broken as it is a mass deletion.
        if (answer.items.length > 0 && present.size === 0)
          throw new ConnectorError('transient', 'YouTube answered comments without their text, author or date', {
            platform: 'youtube',
          });
        // Nothing at all for several ids is more likely a broken answer than a mass deletion: nothing is marked.
        removed = answer.items.length === 0 && batch.ids.length > 1 ? [] : batch.ids.filter((id) => !present.has(id));
        state.recheck = forgetGone(batch.state, removed);
      }
      stage = 'recheck';
    }

    // Where the sweep goes next.
    let more = true;
    let next: Stage | undefined = stage;
    if (stage === 'replies' && (state.replyQueue?.length ?? 0) === 0) {
      delete state.replyQueue;
      if (!state.threadsEnded) next = 'threads';
      else {
        state.read.threads = later(state.read.threads ?? floor.toISOString(), state.newest);
        delete state.newest;
        delete state.threadsEnded;
        const due = searchRoundDue({ day: ledger.day, queries: queries.length, lastRoundAt: state.lastRoundAt, now });
        if (due) {
          const start = (state.nextQuery ?? 0) % queries.length;
          state.round = {
            start,
            done: 0,
            startedAt: now.toISOString(),
            publishedAfter: new Date(ms(state.read.search ?? floor.toISOString()) - SLACK_MS).toISOString(),
            videos: [],
          };
          next = 'search';
        } else next = 'recheck';
      }
    } else if (stage === 'search') {
      const round = state.round;
      const finished = round && (round.stopped || round.done >= queries.length);
      if (!round || (finished && round.videos.length === 0)) {
        if (round) {
          state.read.search = later(state.read.search ?? floor.toISOString(), round.newest);
          state.lastRoundAt = round.startedAt;
          state.nextQuery = queries.length ? (round.start + round.done) % queries.length : 0;
        }
        delete state.round;
        next = 'recheck';
      }
    } else if (stage === 'recheck') {
      next = undefined;
      more = false;
    }
    // Comments brought in are remembered for rechecks (a recheck's own answers are already remembered).
    if (stage !== 'recheck') {
      const seen = posts.filter((p) => (p.raw as YtRaw).type === 'comment').map((p) => p.externalId);
      state.recheck = rememberSeen(state.recheck, seen);
    }
    state.quota = ledger.day;
    if (next) state.stage = next;
    else delete state.stage;
    return {
      posts,
      cursor: state as unknown as Cursor,
      more,
      ...(skipped.length ? { skipped } : {}),
      ...(removed.length ? { removed } : {}),
    };
  },

  quota: (cursor, now) => quotaReport((cursor as YouTubeCursor | null)?.quota, now),

  async reply({ config, credentials, inReplyTo, text, signal, http }) {
    const yt = await api(http, config, credentials, signal);
    const videoId = videoIdOf(inReplyTo.externalId);
    if (videoId) {
      const made = await yt.insertThread(videoId, text);
      return { externalId: made.id, url: commentUrl(videoId, made.id) };
    }
    const made = await yt.insertReply(topLevelId(inReplyTo), text);
    return { externalId: made.id, url: commentUrl(rawOf(inReplyTo.raw)?.videoId ?? null, made.id) };
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http, outbox }) {
    const yt = await api(http, config, credentials, signal);
    const oldest = outbox ? outbox.queuedAt.getTime() - SLACK_MS : Number.NEGATIVE_INFINITY;
    const ours = (item: unknown) => {
      const c = ytUsableCommentSchema.safeParse(item);
      if (!c.success) return null;
      const mine = c.data.snippet.authorChannelId?.value === config.channelId;
      return mine && ms(c.data.snippet.publishedAt) >= oldest && sameReplyText(commentText(c.data), text)
        ? c.data
        : null;
    };
    const videoId = videoIdOf(inReplyTo.externalId);
    if (videoId) {
      const answer = await yt.videoThreads(videoId);
      if ('unreadable' in answer) return null;
      for (const t of answer.items) {
        const hit = ours((t as { snippet?: { topLevelComment?: unknown } })?.snippet?.topLevelComment);
        if (hit) return { externalId: hit.id, url: commentUrl(videoId, hit.id) };
      }
      return null;
    }
    const parentId = topLevelId(inReplyTo);
    let pageToken: string | undefined;
    for (let i = 0; i < MAX_FIND_PAGES; i++) {
      const page = await yt.replies(parentId, pageToken);
      const hit = page.items.map(ours).find((c) => c !== null);
      if (hit)
        return {
          externalId: hit.id,
          url: commentUrl(hit.snippet.videoId ?? rawOf(inReplyTo.raw)?.videoId ?? null, hit.id),
        };
      if (!page.nextPageToken) break;
      pageToken = page.nextPageToken;
    }
    return null;
  },

  // YouTube calls "hide" holding a comment for review: it leaves the public view until published again.
  moderates: ['hide', 'unhide', 'delete'],
  async moderate({ config, credentials, externalId, signal, http }, action) {
    if (videoIdOf(externalId))
      throw new ConnectorError('invalid_request', 'YouTube lets a channel moderate comments, not videos.', {
        platform: 'youtube',
      });
    const status =
      action === 'hide' ? 'heldForReview' : action === 'unhide' ? 'published' : action === 'delete' ? 'rejected' : null;
    if (!status)
      throw new ConnectorError('invalid_request', `YouTube has no "${action}" for comments through its API.`, {
        platform: 'youtube',
      });
    await (await api(http, config, credentials, signal)).setModerationStatus(externalId, status);
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const channel = await (await api(http, config, credentials, signal)).channel(config.channelId);
      if (!channel) return verifiedAs(false, null, vw.youtubeNoChannel, { channelId: config.channelId });
      const title = String(channel.snippet.title);
      return verifiedAs(true, title, vw.youtube, { title });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'The YouTube check failed.');
      return { ok: false, account: null, message: e.message };
    }
  },
};

function idOf(item: unknown): string {
  const id = (item as { id?: unknown } | null)?.id;
  if (typeof id === 'string') return id.slice(0, 100);
  const videoId = (id as { videoId?: unknown } | null)?.videoId;
  return typeof videoId === 'string' ? videoExternalId(videoId.slice(0, 100)) : '';
}

function rawOf(raw: unknown): Partial<YtRaw> | null {
  return raw && typeof raw === 'object' ? (raw as Partial<YtRaw>) : null;
}

/** The top-level comment a reply goes under: YouTube's replies are flat, so a reply to a reply joins its parent. */
function topLevelId(p: { externalId: string; threadExternalId: string | null; raw: unknown }): string {
  const parent = rawOf(p.raw)?.parentId;
  if (typeof parent === 'string' && parent) return parent;
  if (p.threadExternalId && !videoIdOf(p.threadExternalId)) return p.threadExternalId;
  // A reply's id is its top-level comment's id, a dot, and its own part.
  return p.externalId.split('.')[0]!;
}

const commentUrl = (videoId: string | null, id: string) =>
  videoId ? `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(id)}` : null;
