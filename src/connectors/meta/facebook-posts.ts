import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import { graphTime } from './graph-client';

/**
 * Facebook Page items as SocialPosts: a visitor's post on the Page or a post tagging it, a comment or
 * reply (flat, with its parent), and a rating (a review with its recommendation). A comment keeps the
 * post it is under in `raw.post`, so the inbox can show the original above the thread.
 */
const user = z.object({ id: z.string().min(1), name: z.string().default('') });

export const fbPostSchema = z.object({
  id: z.string().min(1),
  message: z.string().min(1),
  created_time: z.string().min(1),
  updated_time: z.string().optional(),
  from: user,
  permalink_url: z.string().optional(),
});
export type FbPost = z.infer<typeof fbPostSchema>;

export const fbCommentSchema = z.object({
  id: z.string().min(1),
  message: z.string().min(1),
  created_time: z.string().min(1),
  // Meta gives `from` only to a Page token: without it a comment has no author to answer.
  from: user,
  parent: z.object({ id: z.string() }).optional(),
  permalink_url: z.string().optional(),
  is_hidden: z.boolean().optional(),
  like_count: z.number().optional(),
  comment_count: z.number().optional(),
});
export type FbComment = z.infer<typeof fbCommentSchema>;

export const fbRatingSchema = z.object({
  created_time: z.string().min(1),
  recommendation_type: z.enum(['positive', 'negative']).optional(),
  review_text: z.string().min(1),
  reviewer: user,
  rating: z.number().int().min(1).max(5).optional(),
  open_graph_story: z.object({ id: z.string().min(1) }),
});
export type FbRating = z.infer<typeof fbRatingSchema>;

/** The post a comment is under, kept beside it for the inbox. */
export interface OriginalPost {
  id: string;
  message: string | null;
  url: string | null;
}

const fbAuthor = (u: { id: string; name: string }) => ({
  externalId: u.id,
  handle: null,
  name: u.name || null,
  followers: null,
  bio: null,
  url: `https://www.facebook.com/${u.id}`,
  avatarUrl: null,
  verified: false,
});

const postUrl = (id: string) => `https://www.facebook.com/${id}`;

export function fbPostToSocial(p: FbPost): SocialPost {
  return {
    externalId: p.id,
    url: p.permalink_url ?? postUrl(p.id),
    kind: 'post',
    title: null,
    text: p.message,
    lang: null,
    createdAt: graphTime(p.created_time),
    author: fbAuthor(p.from),
    replyToExternalId: null,
    threadExternalId: p.id,
    metrics: {},
    deleted: false,
    raw: p,
  };
}

export function fbCommentToSocial(c: FbComment, post: OriginalPost): SocialPost {
  return {
    externalId: c.id,
    url: c.permalink_url ?? postUrl(c.id),
    kind: 'comment',
    title: null,
    text: c.message,
    lang: null,
    createdAt: graphTime(c.created_time),
    author: fbAuthor(c.from),
    replyToExternalId: c.parent?.id ?? post.id,
    threadExternalId: post.id,
    metrics: { likes: c.like_count ?? 0, replies: c.comment_count ?? 0 },
    deleted: false,
    raw: { ...c, post },
  };
}

/** A rating: a review of the Page, recommending it or not; the stars only where Meta still gives them. */
export function fbRatingToSocial(r: FbRating, pageId: string): SocialPost {
  const id = `rating:${r.open_graph_story.id}`;
  const recommends = r.recommendation_type === undefined ? null : r.recommendation_type === 'positive';
  return {
    externalId: id,
    url: postUrl(r.open_graph_story.id),
    kind: 'post',
    title: recommends === null ? 'Review' : recommends ? 'Recommends' : 'Does not recommend',
    text: r.review_text,
    lang: null,
    createdAt: graphTime(r.created_time),
    author: fbAuthor(r.reviewer),
    replyToExternalId: null,
    threadExternalId: id,
    metrics: {
      ...(r.rating !== undefined ? { rating: r.rating } : {}),
      ...(recommends !== null ? { recommends: recommends ? 1 : 0 } : {}),
    },
    deleted: false,
    raw: { ...r, pageId },
  };
}
