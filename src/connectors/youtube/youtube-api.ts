import type { youtube_v3 } from '@googleapis/youtube';
import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { expectShape } from '../answer';
import { type GoogleCallOptions, googleApiOptions, viaGoogleApi } from '../google/google-client';
import { googleReasons, parseGoogleError } from '../google/google-errors';
import { type GoogleOAuthCredentials, refreshedAccessToken } from '../google/google-token';

/**
 * The YouTube Data API v3 calls the connector makes, through Google's maintained client (loaded on first
 * use: it is large, and most installs never poll YouTube), our outbound guard and a fresh access token.
 * Every answer is checked at the edge; the caller maps items one by one.
 */
export interface YouTubeApiConfig {
  baseUrl: string;
  tokenUrl: string;
  timeoutMs: number;
}

const LABEL = 'YouTube';
const PLATFORM = 'youtube';

const listAnswer = z.object({ items: z.array(z.unknown()), nextPageToken: z.string().min(1).optional() });
type ListAnswer = z.infer<typeof listAnswer>;
// channels.list leaves `items` out when no channel matched.
const channelsAnswer = z.object({
  items: z.array(z.object({ id: z.string(), snippet: z.object({ title: z.string() }).loose() }).loose()).default([]),
});
const madeAnswer = z.object({ id: z.string().min(1) }).loose();

/** A video whose comments cannot be read (turned off, or the video is gone): skipped, not a failure. */
const UNREADABLE_VIDEO = new Set(['commentsDisabled', 'videoNotFound', 'forbidden']);

export type YouTubeApi = Awaited<ReturnType<typeof youtubeApi>>;

export async function youtubeApi(o: {
  http: OutboundHttp;
  config: YouTubeApiConfig;
  credentials: GoogleOAuthCredentials;
  signal?: AbortSignal | undefined;
  now?: Date;
}) {
  const accessToken = await refreshedAccessToken(
    {
      http: o.http,
      tokenUrl: o.config.tokenUrl,
      label: LABEL,
      platform: PLATFORM,
      signal: o.signal,
      ...(o.now ? { now: o.now } : {}),
    },
    o.credentials,
  );
  const call: GoogleCallOptions = {
    http: o.http,
    baseUrl: o.config.baseUrl,
    accessToken,
    label: LABEL,
    platform: PLATFORM,
    timeoutMs: o.config.timeoutMs,
    signal: o.signal,
  };
  const { youtube } = await import('@googleapis/youtube');
  const yt = youtube({ version: 'v3', ...googleApiOptions(call) });
  const list = async (what: string, run: () => Promise<{ data: unknown }>): Promise<ListAnswer> =>
    expectShape(listAnswer, await viaGoogleApi(call, run), LABEL, PLATFORM, what);

  return {
    /** One page of the threads on the channel and its videos, newest first, with the replies YouTube includes. */
    channelThreads: (channelId: string, pageToken?: string) =>
      list('a list of comment threads', () =>
        yt.commentThreads.list({
          part: ['snippet', 'replies'],
          allThreadsRelatedToChannelId: channelId,
          order: 'time',
          maxResults: 100,
          textFormat: 'plainText',
          ...(pageToken ? { pageToken } : {}),
        }),
      ),

    /** The newest threads under one video; null with YouTube's reason when its comments cannot be read. */
    async videoThreads(videoId: string): Promise<ListAnswer | { unreadable: string }> {
      const answer = await viaGoogleApi<unknown>(call, async () => {
        try {
          return await yt.commentThreads.list({
            part: ['snippet', 'replies'],
            videoId,
            order: 'time',
            maxResults: 100,
            textFormat: 'plainText',
          });
        } catch (err) {
          const status = (err as { response?: { status?: number } }).response?.status;
          const body = (err as { response?: { data?: unknown } }).response?.data;
          const reason = googleReasons(parseGoogleError(body)).find((r) => UNREADABLE_VIDEO.has(r));
          if (reason && (status === 403 || status === 404)) return { data: { unreadable: reason } };
          throw err;
        }
      });
      if (answer && typeof answer === 'object' && 'unreadable' in answer) return answer as { unreadable: string };
      return expectShape(listAnswer, answer, LABEL, PLATFORM, 'a list of comment threads');
    },

    /** One page of the replies under a top-level comment. */
    replies: (parentId: string, pageToken?: string) =>
      list('a list of comments', () =>
        yt.comments.list({
          part: ['snippet'],
          parentId,
          maxResults: 100,
          textFormat: 'plainText',
          ...(pageToken ? { pageToken } : {}),
        }),
      ),

    /** The comments with these ids (at most 50) that still exist. */
    commentsById: (ids: string[]) =>
      list('a list of comments', () => yt.comments.list({ part: ['snippet'], id: ids, textFormat: 'plainText' })),

    /** Videos matching a query published after a time, newest first (one page of 50). */
    searchVideos: (q: string, publishedAfter: Date) =>
      list('a list of search results', () =>
        yt.search.list({
          part: ['snippet'],
          q,
          type: ['video'],
          order: 'date',
          publishedAfter: publishedAfter.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          maxResults: 50,
        }),
      ),

    async channel(id: string) {
      const answer = await viaGoogleApi(call, () => yt.channels.list({ part: ['snippet'], id: [id] }));
      return expectShape(channelsAnswer, answer, LABEL, PLATFORM, 'a list of channels').items[0] ?? null;
    },

    /** A reply under a top-level comment (YouTube's replies are flat: always under the top-level one). */
    async insertReply(parentId: string, text: string): Promise<youtube_v3.Schema$Comment & { id: string }> {
      const made = await viaGoogleApi(call, () =>
        yt.comments.insert({ part: ['snippet'], requestBody: { snippet: { parentId, textOriginal: text } } }),
      );
      return expectShape(madeAnswer, made, LABEL, PLATFORM, 'the id of the reply') as youtube_v3.Schema$Comment & {
        id: string;
      };
    },

    /** A top-level comment under a video (an answer to a video search found). */
    async insertThread(videoId: string, text: string) {
      const made = await viaGoogleApi(call, () =>
        yt.commentThreads.insert({
          part: ['snippet'],
          requestBody: { snippet: { videoId, topLevelComment: { snippet: { textOriginal: text } } } },
        }),
      );
      return expectShape(madeAnswer, made, LABEL, PLATFORM, 'the id of the comment');
    },

    setModerationStatus: (id: string, moderationStatus: 'heldForReview' | 'published' | 'rejected') =>
      viaGoogleApi(call, () => yt.comments.setModerationStatus({ id: [id], moderationStatus })),
  };
}
