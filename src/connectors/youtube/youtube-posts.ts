import { z } from 'zod';
import type { SocialAuthor, SocialPost } from '../../core/social-post';

/**
 * YouTube Data API v3 resources as SocialPosts: a comment (top-level, or a reply: YouTube's replies are
 * flat under the top-level comment), and a video found by search (its title and description are the text).
 * Only what a mention needs is required; the rest YouTube may leave out (a deleted author's channel id).
 */
const time = z.iso.datetime({ offset: true });

export const ytCommentSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    authorDisplayName: z.string().min(1),
    authorProfileImageUrl: z.string().optional(),
    authorChannelUrl: z.string().optional(),
    authorChannelId: z.object({ value: z.string() }).optional(),
    channelId: z.string().optional(),
    videoId: z.string().optional(),
    // plainText was asked for, so textDisplay is the text as shown, without HTML.
    textDisplay: z.string().optional(),
    textOriginal: z.string().optional(),
    parentId: z.string().optional(),
    likeCount: z.number().optional(),
    moderationStatus: z.string().optional(),
    publishedAt: time,
    updatedAt: time.optional(),
  }),
});
export type YtComment = z.infer<typeof ytCommentSchema>;

/** A comment with the text a mention needs (textOriginal, else the plain-text display). */
export const ytUsableCommentSchema = ytCommentSchema.refine((c) => commentText(c).length > 0, {
  path: ['snippet', 'textOriginal'],
});

/** A thread: checked only for its top-level comment's id and time (the comment itself is checked alone). */
export const ytThreadSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    channelId: z.string().optional(),
    videoId: z.string().optional(),
    topLevelComment: z.object({ id: z.string().min(1), snippet: z.object({ publishedAt: time }).loose() }).loose(),
    totalReplyCount: z.number().int().min(0).default(0),
  }),
  replies: z.object({ comments: z.array(z.unknown()).default([]) }).optional(),
});
export type YtThread = z.infer<typeof ytThreadSchema>;

export const ytVideoResultSchema = z.object({
  id: z.object({ kind: z.literal('youtube#video'), videoId: z.string().min(1) }),
  snippet: z.object({
    publishedAt: time,
    channelId: z.string().min(1),
    title: z.string().min(1),
    description: z.string().default(''),
    channelTitle: z.string().min(1),
    thumbnails: z.record(z.string(), z.object({ url: z.string() }).loose()).optional(),
  }),
});
export type YtVideoResult = z.infer<typeof ytVideoResultSchema>;

/** A video's mention id: YouTube's comment ids and video ids are different things, and act differently. */
export const VIDEO_PREFIX = 'video:';
export const videoExternalId = (videoId: string) => `${VIDEO_PREFIX}${videoId}`;
export const videoIdOf = (externalId: string) =>
  externalId.startsWith(VIDEO_PREFIX) ? externalId.slice(VIDEO_PREFIX.length) : null;

export function commentText(c: YtComment): string {
  return c.snippet.textOriginal || c.snippet.textDisplay || '';
}

/** What reply and moderation read back later. */
export interface YtRaw {
  type: 'comment' | 'video';
  id: string;
  /** The top-level comment a reply goes under (YouTube's replies are flat). */
  parentId?: string;
  videoId: string | null;
  /** The video a comment is under, when we read it (a search hit). */
  video?: { id: string; title: string } | undefined;
  moderationStatus?: string | undefined;
  likeCount?: number | undefined;
}

const watchUrl = (videoId: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;

function commentAuthor(c: YtComment): SocialAuthor {
  const name = c.snippet.authorDisplayName;
  return {
    externalId: c.snippet.authorChannelId?.value || null,
    // Since 2023 YouTube shows a channel by its @handle; older channels may still show a display name.
    handle: name.startsWith('@') ? name.slice(1) : null,
    name,
    followers: null,
    bio: null,
    url: c.snippet.authorChannelUrl || null,
    avatarUrl: c.snippet.authorProfileImageUrl || null,
    verified: false,
  };
}

/**
 * A comment as a mention. `thread` is the top-level comment's id (for a top-level comment, its own);
 * `videoId` comes from the thread when the comment itself does not say.
 */
export function ytCommentToSocial(
  c: YtComment,
  o: { videoId?: string | undefined; replies?: number; video?: { id: string; title: string } | undefined } = {},
): SocialPost {
  const parentId = c.snippet.parentId;
  const videoId = c.snippet.videoId ?? o.videoId ?? null;
  const raw: YtRaw = {
    type: 'comment',
    id: c.id,
    parentId: parentId ?? c.id,
    videoId,
    video: o.video,
    moderationStatus: c.snippet.moderationStatus,
    likeCount: c.snippet.likeCount,
  };
  return {
    externalId: c.id,
    url: videoId
      ? `${watchUrl(videoId)}&lc=${encodeURIComponent(c.id)}`
      : c.snippet.channelId
        ? `https://www.youtube.com/channel/${encodeURIComponent(c.snippet.channelId)}`
        : null,
    kind: 'comment',
    title: null,
    text: commentText(c),
    lang: null,
    createdAt: new Date(c.snippet.publishedAt),
    author: commentAuthor(c),
    replyToExternalId: parentId ?? null,
    threadExternalId: parentId ?? c.id,
    metrics: {
      likes: c.snippet.likeCount ?? 0,
      ...(parentId === undefined && o.replies !== undefined ? { replies: o.replies } : {}),
    },
    deleted: false,
    raw,
  };
}

/** A video found by search: its title and description as the mention (search gives a shortened description). */
export function ytVideoToSocial(v: YtVideoResult): SocialPost {
  const id = videoExternalId(v.id.videoId);
  const s = v.snippet;
  const raw: YtRaw = { type: 'video', id: v.id.videoId, videoId: v.id.videoId };
  return {
    externalId: id,
    url: watchUrl(v.id.videoId),
    kind: 'post',
    title: s.title || null,
    text: [s.title, s.description].filter((t) => t.trim()).join('\n\n'),
    lang: null,
    createdAt: new Date(s.publishedAt),
    author: {
      externalId: s.channelId,
      handle: null,
      name: s.channelTitle,
      followers: null,
      bio: null,
      url: `https://www.youtube.com/channel/${encodeURIComponent(s.channelId)}`,
      avatarUrl: null,
      verified: false,
    },
    replyToExternalId: null,
    threadExternalId: id,
    metrics: {},
    deleted: false,
    raw,
  };
}
