import { z } from 'zod';
import type { SocialAuthor, SocialPost } from '../../core/social-post';

/**
 * LinkedIn items as SocialPosts: a comment or reply under one of the Page's posts (socialActions/comments), and a
 * post by someone else that mentions the Page (Posts API). LinkedIn names people only by URN (urn:li:person:…)
 * and we make no extra profile lookups, so names stay null unless the answer carries one.
 */
const urn = z.string().regex(/^urn:li:[A-Za-z]+:/);
const stamp = z.object({ time: z.number().int().positive(), actor: z.string().optional() });

/** A comment as the Comments API sends it; the URN comes as `commentUrn` or `$URN` depending on the call. */
export const liCommentSchema = z
  .object({
    id: z.string().min(1),
    commentUrn: z.string().startsWith('urn:li:comment:').optional(),
    $URN: z.string().startsWith('urn:li:comment:').optional(),
    actor: urn,
    agent: z.string().optional(),
    object: z.string().optional(),
    created: stamp,
    lastModified: stamp.optional(),
    message: z.object({ text: z.string().optional() }).optional(),
    parentComment: z.string().startsWith('urn:li:comment:').optional(),
    commentsSummary: z
      .object({ totalFirstLevelComments: z.number().optional(), aggregatedTotalComments: z.number().optional() })
      .optional(),
    likesSummary: z
      .object({ totalLikes: z.number().optional(), aggregatedTotalLikes: z.number().optional() })
      .optional(),
  })
  .refine((c) => c.commentUrn ?? c.$URN, { path: ['commentUrn'] });
export type LiComment = z.infer<typeof liCommentSchema>;

/** A post as the Posts API sends it (the fields we read). */
export const liPostSchema = z.object({
  id: urn,
  author: urn,
  commentary: z.string().optional(),
  createdAt: z.number().int().positive(),
  publishedAt: z.number().int().optional(),
  lastModifiedAt: z.number().int().optional(),
  lifecycleState: z.string().optional(),
  visibility: z.string().optional(),
});
export type LiPost = z.infer<typeof liPostSchema>;

/** An organisation notification (organizationalEntityNotifications): which post moved, when, and how. */
export const liNotificationSchema = z.object({
  action: z.string(),
  lastModifiedAt: z.number().int(),
  sourcePost: z.string().optional(),
  generatedActivity: z.string().optional(),
  decoratedSourcePost: z.object({ entity: z.string().optional(), owner: z.string().optional() }).optional(),
});
export type LiNotification = z.infer<typeof liNotificationSchema>;

export const commentUrnOf = (c: LiComment) => (c.commentUrn ?? c.$URN)!;

/** The parts of `urn:li:comment:(<object urn>,<comment id>)`: the post (activity) it is on, and its id. */
export function commentUrnParts(commentUrn: string): { object: string; id: string } | null {
  const m = /^urn:li:comment:\((urn:li:[A-Za-z]+:[^,()]+),([^,()]+)\)$/.exec(commentUrn);
  return m ? { object: m[1]!, id: m[2]! } : null;
}

/** The post a mention notification is about: the mentioning post itself. */
export function mentionedIn(n: LiNotification): string | null {
  const candidates = [n.decoratedSourcePost?.entity, n.sourcePost, n.generatedActivity];
  return candidates.find((u) => typeof u === 'string' && /^urn:li:(share|ugcPost):/.test(u)) ?? null;
}

/**
 * A post's commentary in LinkedIn's "little text" format as people read it: `@[Acme](urn:li:organization:1)`
 * is `@Acme`, `{hashtag|\#|launch}` is `#launch`, and backslash-escaped reserved characters are themselves.
 */
export function littleTextToPlain(text: string): string {
  return text
    .replace(/@\[((?:\\.|[^\]\\])*)\]\(urn:li:[A-Za-z]+:[^)]*\)/g, (_m, name: string) => `@${name}`)
    .replace(/\{hashtag\|\\?#\|((?:\\.|[^}\\])*)\}/g, (_m, tag: string) => `#${tag}`)
    .replace(/\\([|{}@[\]()<>#\\*_~])/g, '$1');
}

export function liAuthor(actor: string): SocialAuthor {
  const org = /^urn:li:organization:(\d+)$/.exec(actor)?.[1];
  return {
    externalId: actor,
    handle: null,
    name: null,
    followers: null,
    bio: null,
    url: org ? `https://www.linkedin.com/company/${org}/` : null,
    avatarUrl: null,
    verified: false,
  };
}

export const postUrl = (postUrn: string) => `https://www.linkedin.com/feed/update/${postUrn}/`;

/** Where a comment is on the post being listed, for the inbox and for reply/recheck later. */
export interface CommentPlace {
  /** The Page's post (share or ugcPost URN) the comment is under. */
  post: string;
  /** The comment it answers, for a reply. */
  parent: string | null;
}

/** A comment or reply under one of the Page's posts; the text must be there (an image alone is skipped). */
export function liCommentToSocial(c: LiComment, place: CommentPlace): SocialPost {
  const commentUrn = commentUrnOf(c);
  const parent = c.parentComment ?? place.parent;
  const object = commentUrnParts(commentUrn)?.object ?? c.object ?? place.post;
  const likes = c.likesSummary?.totalLikes ?? c.likesSummary?.aggregatedTotalLikes;
  const replies = c.commentsSummary?.aggregatedTotalComments ?? c.commentsSummary?.totalFirstLevelComments;
  return {
    externalId: commentUrn,
    url: `https://www.linkedin.com/feed/update/${object}/?commentUrn=${encodeURIComponent(commentUrn)}`,
    kind: 'comment',
    title: null,
    text: c.message?.text ?? '',
    lang: null,
    createdAt: new Date(c.created.time),
    author: liAuthor(c.actor),
    replyToExternalId: parent ?? place.post,
    threadExternalId: place.post,
    metrics: {
      ...(likes !== undefined ? { likes } : {}),
      ...(replies !== undefined ? { replies } : {}),
    },
    deleted: false,
    raw: { ...c, commentUrn, post: place.post, parentComment: parent ?? undefined },
  };
}

/** A post by someone else that mentions the Page. */
export function liMentionToSocial(p: LiPost): SocialPost {
  return {
    externalId: p.id,
    url: postUrl(p.id),
    kind: 'post',
    title: null,
    text: littleTextToPlain(p.commentary ?? ''),
    lang: null,
    createdAt: new Date(p.publishedAt ?? p.createdAt),
    author: liAuthor(p.author),
    replyToExternalId: null,
    threadExternalId: p.id,
    metrics: {},
    deleted: false,
    raw: p,
  };
}

/** The last time a comment changed: its edit, else its creation. */
export const commentTime = (c: { created: { time: number }; lastModified?: { time: number } | undefined }) =>
  Math.max(c.created.time, c.lastModified?.time ?? 0);
